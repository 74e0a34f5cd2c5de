"""Only regular files are read: a named pipe, a device, a folder or a socket is refused at once."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from estimator_gui.files.ratecard_io import load_rate_card
from estimator_gui.files.regular import NotAFileError, open_regular
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.pricing import InputError, Scenario

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
CALL = (
    '{"format": "trtc-estimate/1", "rooms": [{"service": "audio_call", "rooms_per_day": 1,'
    ' "days": 1, "minutes": 30, "groups": [{"role": "participant", "count": 3}]}]}'
)


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


@needs_fifo
def test_the_guard_fails_a_blocking_open(tmp_path: Path) -> None:
    """The guard the FIFO tests rely on does stop a plain open() of a FIFO with no writer."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(TimeoutError), within(1):
        fifo.read_bytes()


@needs_fifo
def test_a_named_pipe_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with within(5), pytest.raises(InputError) as refused:
        read_scenario(fifo)
    assert refused.value.code == "not_a_file"
    assert refused.value.message == f"{fifo} is a named pipe, not a file"


@needs_fifo
def test_a_named_pipe_with_a_writer_is_refused_unread(tmp_path: Path) -> None:
    """A pipe someone is writing a valid scenario into is still not a file: nothing is read."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    both_ends = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # Linux: a writer that never blocks
    try:
        os.write(both_ends, CALL.encode())
        with within(5), pytest.raises(InputError, match="is a named pipe, not a file"):
            read_scenario(fifo)
        assert os.read(both_ends, 1000) == CALL.encode()  # still all there
    finally:
        os.close(both_ends)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        read_scenario(tmp_path)
    assert refused.value.message == f"{tmp_path} is a folder, not a file"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_is_refused() -> None:
    with pytest.raises(InputError, match=r"^/dev/null is a device, not a file$"):
        read_scenario(Path("/dev/null"))


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(InputError, match="is a socket, not a file"):
            read_scenario(path)


def test_a_link_to_a_file_is_read(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text(CALL, encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert read_scenario(link) == read_scenario(real)
    assert read_scenario(link) != Scenario()


def test_a_missing_file_still_says_it_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        read_scenario(tmp_path / "nowhere.json")
    assert refused.value.code == "unreadable"
    assert "cannot be read: No such file or directory" in refused.value.message


def test_a_file_larger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    """A sparse 6 GB file is refused by its size: not even the 5,000,001 bytes a pipe would get
    are read (the peak of Python's memory stays far below them)."""
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(6_000_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as refused:
            read_scenario(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.value.code == "too_large"
    assert refused.value.message.startswith("file: '6,000,000,000 bytes' is larger than")
    assert peak < 1_000_000


def test_open_regular_names_the_kind_and_the_path(tmp_path: Path) -> None:
    with pytest.raises(NotAFileError) as refused:
        open_regular(tmp_path)
    assert refused.value.kind == "a folder"
    assert refused.value.path == tmp_path
    assert isinstance(refused.value, OSError)


def test_open_regular_gives_an_ordinary_blocking_stream(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"abc")
    with open_regular(path) as stream:
        if hasattr(os, "get_blocking"):
            assert os.get_blocking(stream.fileno())
        assert stream.read() == b"abc"


@needs_fifo
def test_a_rate_card_that_is_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "card.toml"
    os.mkfifo(fifo)
    with within(5), pytest.raises(InputError) as refused:
        load_rate_card(fifo)
    assert refused.value.code == "not_a_file"
    assert refused.value.message == f"{fifo} is a named pipe, not a file"


def test_a_rate_card_larger_than_the_limit_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "card.toml"
    with path.open("wb") as stream:
        stream.truncate(3_000_000)
    with pytest.raises(InputError) as refused:
        load_rate_card(path)
    assert refused.value.code == "too_large"
    assert refused.value.message == f"{path}: '3,000,000 bytes' is larger than 1,000,000 bytes"
