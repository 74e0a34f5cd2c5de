"""Opening a file to read without ever blocking: regular files only, anything else named by kind."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

# O_NONBLOCK: opening a named pipe with no writer returns at once instead of waiting for one (a
# device is not waited on either). O_NOCTTY: opening a terminal never makes it ours. Windows has
# neither, and no named pipes in the file system; there a file opened as text would translate
# line ends, hence O_BINARY.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_READ_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotAFileError(OSError):
    """``path`` exists but is not a regular file; ``kind`` says what it is (``a named pipe``)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a file")
        self.path = path
        self.kind = kind
        self.reason = f"is {kind}, not a file"
        self.strerror = self.reason


def file_kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, in words (``a folder``); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "a special file"


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` to read in binary if it is a regular file (a link to one is followed).

    Never waits: a named pipe, a device, a folder or a socket raises NotAFileError naming what it
    is; a file that cannot be opened raises the OSError.
    """
    path = Path(path)
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError:
        # Windows will not open a folder (access denied) and no system opens a socket (ENXIO):
        # say what the path is rather than the errno of the attempt.
        kind = _kind_at(path)
        if kind is not None:
            raise NotAFileError(path, kind) from None
        raise
    try:
        kind = file_kind(os.fstat(descriptor).st_mode)
        if kind is not None:
            raise NotAFileError(path, kind)
        if _NONBLOCK:
            os.set_blocking(descriptor, True)  # no effect on a regular file; an ordinary stream
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _kind_at(path: Path) -> str | None:
    try:
        return file_kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None
