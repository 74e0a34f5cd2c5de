"""Atomic file writes: a save either lands whole or leaves the old file untouched.

A save writes ``.NAME.PID.RANDOM.part`` beside the target, flushes it to disk, gives it the
target's mode, renames it over the target and flushes the folder. The writer holds an advisory
lock (``flock``) on its ``.part`` file until the rename.

A save killed half-way leaves its ``.part`` file behind; the next save to the same target removes
it. A leftover ``.part`` file is removed when no process holds its lock and either the process
named in it no longer runs on this machine or it was last written more than
``STALE_AFTER_SECONDS`` ago (a file of the earlier ``.NAME.RANDOM.part`` pattern, which names no
process: only by age). A live save in this or another process holds its lock, so its file is never
taken. On Windows, with no ``flock`` and no safe way to ask after a process, only the age counts,
and a file still open by its writer cannot be deleted there at all. Should a slow writer's file be
removed all the same (a save stuck for longer than a minute on a folder whose file system has no
locks), its rename fails and that save reports an error: the target is never touched by a removal.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import threading
import time
from pathlib import Path

if sys.platform != "win32":
    import fcntl

STALE_AFTER_SECONDS = 60.0
NEW_FILE_MODE = 0o666  # before the umask, as any program creating a file asks
_WINDOWS = sys.platform == "win32"
_STEM_MAX = 50  # characters of the target's name in the temporary one: it must fit in 255 bytes
_OURS = re.compile(r"(?P<pid>[0-9]{1,10})\.[0-9a-f]{8}")
_EARLIER = re.compile(r"[a-z0-9_]{8}")  # tempfile.mkstemp's random part, used before the pid
_UMASK_LOCK = threading.Lock()
# A folder that cannot be flushed on this file system: the rename has happened, the save stands.
_NO_FOLDER_SYNC = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF, errno.EACCES}


def write_bytes_atomic(path: Path, data: bytes, *, new_file_mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that ``path`` is always either its old or its new content.

    An existing file keeps its permission bits (and, where the system permits, its owner and
    group); a new one gets ``new_file_mode`` or else ``0o666`` less the umask, as any other
    program's file would. A symbolic link is written through: the file it names is replaced, the
    link stays. Any failure (a full disk, a read-only folder) raises the OSError and leaves the
    old file as it was, with no ``.part`` file left behind.
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent
    mode, owner = _mode_and_owner(path, new_file_mode)
    remove_stale_parts(path)
    descriptor, temp = _create_part(path)
    try:
        _lock(descriptor)
        _keep_owner(descriptor, owner)
        if not _WINDOWS:
            # Permissions are best effort: a file system without them (FAT, some shares) refuses
            # chmod, and the save itself matters more than the mode there.
            with contextlib.suppress(OSError):
                os.fchmod(descriptor, mode)
        _write_all(descriptor, data)
        os.fsync(descriptor)
        if _WINDOWS:  # Windows renames no open file; POSIX keeps the lock until the rename is done
            os.close(descriptor)
            descriptor = -1
        os.replace(temp, path)
    except BaseException:
        if descriptor >= 0:
            os.close(descriptor)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    try:
        _fsync_folder(folder)
    finally:
        if descriptor >= 0:
            os.close(descriptor)


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux 4.7+)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere the only way is to set it and put it back. A file another thread creates in
    # between gets the stricter 0o077, never a looser mode; the lock keeps our own calls apart.
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def part_names(path: Path) -> tuple[str, ...]:
    """The prefixes every ``.part`` file of a save to ``path`` starts with (now and earlier)."""
    name = Path(path).name
    return tuple(dict.fromkeys((f".{name[:_STEM_MAX]}.", f".{name}.")))


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove the ``.part`` files left beside ``path`` by killed saves; returns those removed.

    Never raises: a leftover that cannot be checked or removed stays for a later save.
    """
    path = Path(path)
    prefixes = part_names(path)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        is_part, pid = _writer_of(entry.name, prefixes)
        if not is_part:
            continue
        try:
            status = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(status.st_mode):
            continue
        old = now - status.st_mtime > STALE_AFTER_SECONDS
        part = Path(entry.path)
        with contextlib.suppress(OSError):
            if _remove_if_stale(part, pid, old):
                removed.append(part)
    return removed


def _writer_of(name: str, prefixes: tuple[str, ...]) -> tuple[bool, int | None]:
    """Whether ``name`` is a ``.part`` file of ours, and its pid (None: the earlier pattern)."""
    if not name.endswith(".part"):
        return False, None
    for prefix in prefixes:
        if not name.startswith(prefix):
            continue
        middle = name[len(prefix) : -len(".part")]
        ours = _OURS.fullmatch(middle)
        if ours is not None:
            return True, int(ours["pid"])
        if _EARLIER.fullmatch(middle):
            return True, None
    return False, None


def _remove_if_stale(part: Path, pid: int | None, old: bool) -> bool:
    if _WINDOWS:
        if not old:
            return False
        part.unlink()  # fails while its writer still has it open
        return True
    try:
        descriptor = os.open(part, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_NOCTTY)
    except OSError:
        descriptor = -1  # unreadable to us: decide on the pid and the age alone
    try:
        if descriptor >= 0:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a live save holds it
            except OSError:
                pass  # no locks on this file system
        gone = pid is not None and not _process_runs(pid)
        if not (gone or old):
            return False
        part.unlink()
        return True
    finally:
        if descriptor >= 0:
            os.close(descriptor)


def _process_runs(pid: int) -> bool:
    """Whether a process with this id runs on this machine (signal 0 asks without sending)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    except (OSError, OverflowError, ValueError):
        return False
    return True


def _mode_and_owner(path: Path, new_file_mode: int | None) -> tuple[int, tuple[int, int] | None]:
    try:
        status = os.stat(path)
    except OSError:
        status = None
    if status is not None and stat.S_ISREG(status.st_mode):
        # Permission bits only: a set-user-id bit has no business on a saved scenario.
        return stat.S_IMODE(status.st_mode) & 0o777, (status.st_uid, status.st_gid)
    if new_file_mode is not None:
        return new_file_mode, None
    return NEW_FILE_MODE & ~current_umask(), None


def _create_part(path: Path) -> tuple[int, Path]:
    """A new, empty ``.NAME.PID.RANDOM.part`` beside ``path``, open to write, ours alone."""
    prefix = part_names(path)[0]
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = path.parent / f"{prefix}{os.getpid()}.{os.urandom(4).hex()}.part"
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


def _lock(descriptor: int) -> None:
    if _WINDOWS:
        return
    # Not waited for: only another save's clean-up takes it, and for a moment; without it the
    # pid and the age still protect this file.
    with contextlib.suppress(OSError):
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _keep_owner(descriptor: int, owner: tuple[int, int] | None) -> None:
    """Give the new file the old one's owner and group, or its group alone, where permitted."""
    if owner is None or _WINDOWS:
        return
    uid, gid = owner
    try:
        os.fchown(descriptor, uid, gid)
    except OSError:
        with contextlib.suppress(OSError):
            os.fchown(descriptor, -1, gid)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder and needs no such."""
    if _WINDOWS:
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in _NO_FOLDER_SYNC:
            raise
    finally:
        os.close(descriptor)
