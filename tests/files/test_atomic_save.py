"""Atomic saves: the file's mode, the folder flushed, leftovers of killed saves cleared, failures
(a full disk, a read-only folder) leaving the old file whole and nothing behind."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from estimator_gui.files import atomic
from estimator_gui.files.atomic import current_umask, remove_stale_parts, write_bytes_atomic

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes, locks and signals")


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test; the previous one comes back after it."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield lambda mask: os.umask(mask) and None
    os.umask(previous)


# ---------------------------------------------------------------- modes


@posix_only
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_umask(tmp_path: Path, umask, mask: int, mode: int) -> None:
    """A new file is 0o666 less the umask, like any program's file, not the temp file's 0o600."""
    umask(mask)
    path = tmp_path / "quote.json"
    write_bytes_atomic(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.read_bytes() == b"new"


@posix_only
@pytest.mark.parametrize("mode", [0o640, 0o664, 0o604, 0o444])
def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask, mode: int) -> None:
    umask(0o077)
    path = tmp_path / "quote.json"
    path.write_bytes(b"old")
    path.chmod(mode)
    write_bytes_atomic(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.read_bytes() == b"new"


@posix_only
def test_a_new_file_mode_can_be_asked_for(tmp_path: Path, umask) -> None:
    """A private file (an autosave) can ask for 0o600 whatever the umask."""
    umask(0o022)
    path = tmp_path / "autosave.json"
    write_bytes_atomic(path, b"private", new_file_mode=0o600)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@posix_only
def test_the_umask_is_read_without_changing_it(umask, monkeypatch: pytest.MonkeyPatch) -> None:
    """From /proc where it is there, and by setting it back at once where it is not."""
    umask(0o027)
    assert current_umask() == 0o027
    real_open = open

    def no_proc(file: object, *args: object, **kwargs: object) -> object:
        if str(file).startswith("/proc/"):
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", file)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", no_proc)
    assert current_umask() == 0o027
    assert os.umask(0o027) == 0o027


@posix_only
def test_a_link_is_written_through(tmp_path: Path) -> None:
    """Saving onto a symbolic link replaces the file it names; the link stays a link."""
    real = tmp_path / "shared" / "quote.json"
    real.parent.mkdir()
    real.write_bytes(b"old")
    real.chmod(0o664)
    link = tmp_path / "quote.json"
    link.symlink_to(real)
    write_bytes_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o664
    assert _parts(tmp_path) == [] and _parts(real.parent) == []


@posix_only
def test_the_folder_is_flushed_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsync of the file, then of its folder once the new content is in place."""
    path = tmp_path / "quote.json"
    path.write_bytes(b"old")
    seen: list[tuple[bool, bytes]] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        seen.append((stat.S_ISDIR(os.fstat(descriptor).st_mode), path.read_bytes()))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    write_bytes_atomic(path, b"new")
    assert seen == [(False, b"old"), (True, b"new")]


# ---------------------------------------------------------------- failures


def _write_then_fail(code: int, after: int) -> Callable[[int, bytes], int]:
    """An os.write that writes ``after`` bytes of a file, then fails with ``code``."""
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


def test_a_full_disk_mid_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC after part of the data: the error reaches the caller, the old file is untouched,
    and the half-written temporary file is gone."""
    path = tmp_path / "quote.json"
    path.write_bytes(b"old bytes")
    monkeypatch.setattr(os, "write", _write_then_fail(errno.ENOSPC, after=4096))
    with pytest.raises(OSError) as failed:
        write_bytes_atomic(path, b"n" * 100_000)
    assert failed.value.errno == errno.ENOSPC
    assert failed.value.strerror == "No space left on device"
    assert path.read_bytes() == b"old bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quote.json"]


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_a_read_only_folder_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """The temporary file cannot be created: the error says why, nothing changes on disk."""
    path = tmp_path / "quote.json"
    path.write_bytes(b"old bytes")
    real_open = os.open

    def refuse_create(file: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse_create)
    with pytest.raises(OSError) as failed:
        write_bytes_atomic(path, b"new bytes")
    assert failed.value.errno == code
    assert path.read_bytes() == b"old bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quote.json"]


# A real full disk and a real read-only folder: a 64 KiB tmpfs mounted in a user namespace of its
# own (no privileges needed where the kernel allows such namespaces; nothing outside sees it).
IN_TMPFS = r"""
import json, os, subprocess, sys
from pathlib import Path
from estimator_gui.files.atomic import write_bytes_atomic

folder, case = Path(sys.argv[1]), sys.argv[2]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], check=True)
target = folder / "quote.json"
write_bytes_atomic(target, b"old quote")
if case == "read-only":
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    data = b"new quote"
else:
    data = b"x" * 1_000_000
try:
    write_bytes_atomic(target, data)
    error = None
except OSError as failed:
    error = [failed.errno, failed.strerror]
print(json.dumps({"error": error, "content": target.read_text(), "files": os.listdir(folder)}))
"""


def _namespaces_work(folder: Path) -> bool:
    unshare = shutil.which("unshare")
    if unshare is None or sys.platform != "linux":
        return False
    probe = subprocess.run(
        [
            unshare,
            "--user",
            "--map-root-user",
            "--mount",
            "mount",
            "-t",
            "tmpfs",
            "tmpfs",
            str(folder),
        ],
        capture_output=True,
        timeout=30,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.parametrize(("case", "code"), [("full", errno.ENOSPC), ("read-only", errno.EROFS)])
def test_a_real_full_disk_and_read_only_folder(tmp_path: Path, case: str, code: int) -> None:
    if not _namespaces_work(tmp_path):
        pytest.skip("cannot mount a tmpfs in a user namespace here")
    result = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            sys.executable,
            "-c",
            IN_TMPFS,
            str(tmp_path),
            case,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report == {
        "error": [code, os.strerror(code)],
        "content": "old quote",
        "files": ["quote.json"],
    }


IN_FOLDER = r"""
import json, os, sys
from pathlib import Path
from estimator_gui.files.atomic import write_bytes_atomic

target = Path(sys.argv[1])
try:
    write_bytes_atomic(target, b"new quote")
    error = None
except OSError as failed:
    error = [failed.errno, failed.strerror]
print(json.dumps({"error": error, "content": target.read_text(),
                  "files": os.listdir(target.parent)}))
"""


@posix_only
def test_a_real_folder_without_write_permission(tmp_path: Path) -> None:
    """chmod 0o555 on the folder. Root ignores permission bits, so as root the save runs in a
    user namespace of its own, where the same user has no privileges over these files."""
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / "quote.json"
    target.write_text("old quote")
    command = [sys.executable, "-c", IN_FOLDER, str(target)]
    if os.geteuid() == 0:
        unshare = shutil.which("unshare")
        if (
            unshare is None
            or subprocess.run(
                [unshare, "--user", "true"], capture_output=True, timeout=30, check=False
            ).returncode
            != 0
        ):
            pytest.skip("running as root, and no user namespace to drop the privilege in")
        command = [unshare, "--user", *command]
    folder.chmod(0o555)
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, cwd=ROOT, timeout=60, check=False
        )
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "error": [errno.EACCES, "Permission denied"],
        "content": "old quote",
        "files": ["quote.json"],
    }


# ---------------------------------------------------------------- leftovers of killed saves


def _dead_pid() -> int:
    """The id of a process that has just ended (and been reaped)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return int(child.stdout)


def _leftover(folder: Path, name: str, age: float = 0) -> Path:
    part = folder / name
    part.write_bytes(b"half a save")
    if age:
        moment = time.time() - age
        os.utime(part, (moment, moment))
    return part


@posix_only
def test_a_leftover_of_a_process_that_is_gone_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "quote.json"
    part = _leftover(tmp_path, f".quote.json.{_dead_pid()}.0123abcd.part")
    write_bytes_atomic(path, b"new")
    assert not part.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quote.json"]


@posix_only
def test_a_young_leftover_of_a_running_process_is_kept(tmp_path: Path) -> None:
    """Another save of a running process may be writing it right now."""
    part = _leftover(tmp_path, f".quote.json.{os.getppid()}.0123abcd.part", age=10)
    write_bytes_atomic(tmp_path / "quote.json", b"new")
    assert part.read_bytes() == b"half a save"


@posix_only
def test_an_old_leftover_is_removed_even_if_its_pid_runs_again(tmp_path: Path) -> None:
    """A pid is reused in time; a file no save has written to for over a minute is garbage."""
    part = _leftover(tmp_path, f".quote.json.{os.getppid()}.0123abcd.part", age=120)
    assert remove_stale_parts(tmp_path / "quote.json") == [part]
    assert not part.exists()


@posix_only
def test_a_locked_leftover_is_never_removed(tmp_path: Path) -> None:
    """A live save holds a lock on its file: kept however old it looks and whatever pid it
    names (a save from another machine on a shared folder), removed once the lock is gone."""
    import fcntl

    part = _leftover(tmp_path, f".quote.json.{_dead_pid()}.0123abcd.part", age=3600)
    holder = os.open(part, os.O_RDWR)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        assert remove_stale_parts(tmp_path / "quote.json") == []
        assert part.exists()
    finally:
        os.close(holder)
    assert remove_stale_parts(tmp_path / "quote.json") == [part]


@posix_only
def test_leftovers_of_the_earlier_name_pattern_go_by_age(tmp_path: Path) -> None:
    """Saves before this version wrote ``.NAME.RANDOM.part``, with no pid: removed after a
    minute."""
    old = _leftover(tmp_path, ".quote.json.k2_9xq0a.part", age=120)
    young = _leftover(tmp_path, ".quote.json.m3v8_z1b.part", age=5)
    assert remove_stale_parts(tmp_path / "quote.json") == [old]
    assert young.exists()


@posix_only
def test_only_this_targets_leftovers_are_touched(tmp_path: Path) -> None:
    """Other files' leftovers, files that merely look alike and non-files stay."""
    dead = _dead_pid()
    others = [
        _leftover(tmp_path, f".other.json.{dead}.0123abcd.part", age=120),
        _leftover(tmp_path, f".quote.json.{dead}.notours.part", age=120),
        _leftover(tmp_path, f"quote.json.{dead}.0123abcd.part", age=120),
        _leftover(tmp_path, f".quote.json.{dead}.0123abcd.partial", age=120),
    ]
    folder_part = tmp_path / f".quote.json.{dead}.4567cdef.part"
    folder_part.mkdir()
    assert remove_stale_parts(tmp_path / "quote.json") == []
    assert all(p.exists() for p in [*others, folder_part])


# A save killed with SIGKILL half-way: this child saves 4 MB files over and over until killed.
SAVER = r"""
import sys
from pathlib import Path
from estimator_gui.files.atomic import write_bytes_atomic

target, size = Path(sys.argv[1]), int(sys.argv[2])
count = 0
while True:
    count += 1
    write_bytes_atomic(target, bytes([count % 200 + 1]) * size)
"""
SIZE = 4_000_000


def _complete(data: bytes) -> bool:
    """Every save writes SIZE copies of one byte: anything else is a torn file."""
    return len(data) == SIZE and data == data[:1] * SIZE


@posix_only
def test_saves_killed_half_way_leave_the_target_whole_and_no_part_after_the_next_save(
    tmp_path: Path,
) -> None:
    target = tmp_path / "quote.json"
    write_bytes_atomic(target, b"\0" * SIZE)
    left_behind = 0
    for round_ in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target), str(SIZE)],
            cwd=ROOT,
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 60
            while not _parts(tmp_path):  # a save under way
                assert child.poll() is None, child.stderr.read() if child.stderr else ""
                assert time.monotonic() < deadline, "the child never started a save"
                time.sleep(0.001)
            time.sleep(0.01 * round_)  # later and later into the child's run of saves
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait(timeout=60)
            if child.stderr:
                child.stderr.close()
        assert child.returncode == -signal.SIGKILL
        left_behind += len(_parts(tmp_path))
        assert _complete(target.read_bytes())
        new = bytes([250 - round_]) * SIZE
        write_bytes_atomic(target, new)
        assert _parts(tmp_path) == []
        assert target.read_bytes() == new
    assert left_behind >= 1  # the kills did land mid-save, and the next save cleared them


PARALLEL_SAVER = r"""
import sys
from pathlib import Path
from estimator_gui.files.atomic import write_bytes_atomic

target = Path(sys.argv[1])
for count in range(300):
    write_bytes_atomic(target, bytes([count % 200 + 1]) * 200_000)
"""


@posix_only
def test_a_save_never_takes_the_file_of_another_live_save(tmp_path: Path) -> None:
    """Two processes saving the same file at once: each one's clean-up leaves the other's
    temporary file alone, so every save of both succeeds."""
    target = tmp_path / "quote.json"
    child = subprocess.Popen(
        [sys.executable, "-c", PARALLEL_SAVER, str(target)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        saves = 0
        while child.poll() is None:
            write_bytes_atomic(target, b"\xff" * 200_000)
            saves += 1
    finally:
        _, errors = child.communicate(timeout=120)
    assert child.returncode == 0, errors
    assert saves > 0
    data = target.read_bytes()
    assert len(data) == 200_000 and data == data[:1] * 200_000
    assert _parts(tmp_path) == []


def test_temporary_names_fit_beside_a_long_file_name(tmp_path: Path) -> None:
    """A 250-character name leaves no room for a suffix: the temporary name takes 50 of it."""
    path = tmp_path / ("q" * 245 + ".json")
    write_bytes_atomic(path, b"long")
    write_bytes_atomic(path, b"longer")
    assert path.read_bytes() == b"longer"
    assert atomic.part_names(path)[0] == "." + "q" * 50 + "."
