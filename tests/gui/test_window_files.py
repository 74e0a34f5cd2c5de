"""Files that cannot hurt, from the window: a save onto a full disk or into a read-only folder, and
opening a named pipe, each end in a message naming the file and the reason, with nothing lost -
neither the file on disk, nor the edits, nor the estimate on screen."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSlider

from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.pricing import Scenario

posix_only = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="SIGALRM guard is POSIX")


@contextlib.contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM interrupts a blocking open() with TimeoutError."""

    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _edit(window) -> Scenario:  # type: ignore[no-untyped-def]
    """Move the rooms-per-day slider as a person would; the edited scenario."""
    before = window.session.scenario
    slider = window.findChild(QSlider, "video_call.rooms_per_day.slider")
    slider.setValue(slider.value() + 7)
    edited: Scenario = window.session.scenario
    assert edited != before
    assert edited.rooms[0].rooms_per_day == before.rooms[0].rooms_per_day + 7
    return edited


def _parts(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.fixture
def shown(window, qtbot):  # type: ignore[no-untyped-def]
    """The window on screen, so that a problem is also put in a (recorded) message box."""
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def saved(shown, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    """The window's estimate saved once to quote.json: the older file a failed save must keep."""
    path = tmp_path / "quote.json"
    assert shown.save_file(path)
    assert not shown.isWindowModified()
    return path


def _write_then_fail(code: int, after: int) -> Callable[[int, bytes], int]:
    """os.write that writes ``after`` bytes of the file, then fails with ``code``."""
    real_write = os.write
    written = [0]

    def write(descriptor: int, data: bytes) -> int:
        if descriptor <= 2:
            return real_write(descriptor, data)
        if written[0] >= after:
            raise OSError(code, os.strerror(code))
        count = real_write(descriptor, bytes(data[: after - written[0]]))
        written[0] += count
        return count

    return write


def _fsync_fails(code: int) -> Callable[[int], None]:
    def fsync(_descriptor: int) -> None:
        raise OSError(code, os.strerror(code))

    return fsync


def _create_fails(code: int) -> Callable[..., int]:
    """os.open that refuses to create a file (the folder is read-only) and opens the rest."""
    real_open = os.open

    def open_(file: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]

    return open_


FAILURES = {
    "disk full while writing": ("write", _write_then_fail(errno.ENOSPC, after=64)),
    "disk full while flushing": ("fsync", _fsync_fails(errno.ENOSPC)),
    "read-only file system": ("open", _create_fails(errno.EROFS)),
    "folder not writable": ("open", _create_fails(errno.EACCES)),
}
REASONS = {
    "disk full while writing": "No space left on device",
    "disk full while flushing": "No space left on device",
    "read-only file system": "Read-only file system",
    "folder not writable": "Permission denied",
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_save_keeps_the_old_file_and_the_edits(
    shown, saved: Path, monkeypatch: pytest.MonkeyPatch, no_modal_dialogs, failure: str
) -> None:
    old_bytes = saved.read_bytes()
    edited = _edit(shown)
    name, replacement = FAILURES[failure]
    with monkeypatch.context() as patched:
        patched.setattr(os, name, replacement)
        assert not shown.save_file(saved)

    assert saved.read_bytes() == old_bytes
    assert shown.session.scenario == edited
    assert shown.isWindowModified()
    assert shown.path == saved
    assert not shown.banner.isHidden()
    message = shown.banner.text()
    assert str(saved) in message and REASONS[failure] in message
    assert [text for _title, text in no_modal_dialogs] == [message]
    assert _parts(saved.parent) == []

    assert shown.save_file(saved)  # room again: the same edits save, whole
    assert read_scenario(saved) == edited
    assert not shown.isWindowModified()


@posix_only
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_opening_a_named_pipe_is_refused_at_once_and_the_estimate_kept(
    shown, saved: Path, tmp_path: Path, no_modal_dialogs
) -> None:
    """A FIFO with no writer used to hang the window for ever."""
    edited = _edit(shown)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with within(10):
        assert not shown.open_file(fifo)
    assert shown.session.scenario == edited
    assert shown.isWindowModified()
    assert shown.path == saved
    message = shown.banner.text()
    assert not shown.banner.isHidden()
    assert f"{fifo} is a named pipe, not a file" in message
    assert [text for _title, text in no_modal_dialogs] == [message]


def test_opening_a_folder_is_refused_and_the_estimate_kept(window, tmp_path: Path) -> None:
    before = window.session.scenario
    assert not window.open_file(tmp_path)
    assert window.session.scenario == before
    assert f"{tmp_path} is a folder, not a file" in window.banner.text()


@posix_only
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_window_built_for_a_named_pipe_opens_at_once_with_the_reason(
    make_window, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with within(20):
        window = make_window(fifo)
    assert window.path is None
    assert not window.banner.isHidden()
    assert f"{fifo} is a named pipe, not a file" in window.banner.text()
