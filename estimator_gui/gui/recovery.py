"""Crash recovery: the working scenario autosaved every few seconds, offered back after a crash.

One autosave per running app, ``autosave-<pid>-<token>.json`` in the recovery folder, guarded by
``autosave-<pid>-<token>.lock`` (a QLockFile held while the app runs). The autosave is an ordinary
``trtc-estimate/1`` scenario that File > Open reads as it is; what recovery needs besides (the file
the estimate came from, when it was written, by which process) rides along under the key
``x-autosave``, which the scenario format reserves for extensions. One file, written atomically:
the scenario and what it belongs to can never disagree, as a sidecar file could after a kill.

An autosave is never deleted unless its scenario is safe elsewhere (restored in a window that
autosaves it again, saved by the user, or discarded by the user's own choice): one that cannot be
read is renamed ``*.corrupt-<time>.json``, one the user declines ``*.declined-<time>.json``, both
beside it, where a person can still open them.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from msgspec import Struct
from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from estimator_gui.files.atomic import write_bytes_atomic
from estimator_gui.files.scenario_io import (
    ScenarioFile,
    dump_scenario,
    dump_scenario_file,
    read_scenario_file,
)
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import Scenario

INTERVAL_MS = 5000
META_KEY = "x-autosave"
META_FORMAT = "trtc-autosave/1"
_NAME = re.compile(r"autosave-(?P<pid>[0-9]{1,10})-(?P<token>[0-9a-f]{8,32})")
_PART = re.compile(r"\.(?P<name>autosave-[0-9]{1,10}-[0-9a-f]{8,32})\.json\..+\.part")
_META_READ_MAX = 5_000_000  # as a scenario file: anything larger is not ours


def default_folder() -> Path:
    """Where autosaves go: the application data folder's ``recovery`` (application.py)."""
    from estimator_gui.gui.application import recovery_folder

    return recovery_folder()


def _stamp(moment: datetime) -> str:
    """A time for file names: sortable, no characters any file system refuses."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")


def _lock_for(autosave: Path) -> QLockFile:
    lock = QLockFile(str(autosave.with_suffix(".lock")))
    # The default (30 s) calls a live app's lock stale once it is 30 s old; only the native lock
    # (not on every file system) would then stop the take. Stale here means its process is gone.
    lock.setStaleLockTime(0)
    return lock


# ---------------------------------------------------------------- writing


class Autosaver(QObject):
    """Writes the working scenario to this app's autosave while it differs from the saved file.

    ``scenario``, ``file_path`` and ``modified`` are asked on every tick: the current Scenario,
    the file it was opened from or saved to (None for a new estimate) and whether it differs from
    that file. Nothing is written while the estimate is unmodified, nor twice for the same
    scenario and file; an unmodified estimate (saved, or edited back to the saved state) removes
    the autosave, since the file on disk then holds the same scenario.
    """

    autosaved = Signal(object)  # the autosave's Path, after each write
    autosave_failed = Signal(str)  # why a write failed (full disk, read-only folder), once a cause

    def __init__(
        self,
        scenario: Callable[[], Scenario | ScenarioFile],
        file_path: Callable[[], Path | None],
        modified: Callable[[], bool],
        folder: Path | None = None,
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._scenario, self._file_path, self._modified = scenario, file_path, modified
        self._folder = Path(folder) if folder is not None else default_folder()
        name = f"autosave-{os.getpid()}-{os.urandom(4).hex()}"  # never an older app's file
        self._path = self._folder / f"{name}.json"
        self._lock: QLockFile | None = None
        self._written: tuple[Scenario | ScenarioFile, Path | None] | None = None
        self._failure: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.autosave_now)

    @property
    def path(self) -> Path:
        """This app's autosave (it exists only while there is something to recover)."""
        return self._path

    @property
    def folder(self) -> Path:
        return self._folder

    def start(self) -> None:
        """Autosave every ``interval_ms`` from now on."""
        self._timer.start()

    def stop(self) -> None:
        """The app closes normally: stop, remove the autosave and release its lock."""
        self._timer.stop()
        self.discard()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def autosave_now(self) -> bool:
        """Write the autosave if the estimate is modified and changed since the last write.

        Returns whether a file was written. A failure is reported by ``autosave_failed`` (and
        retried on the next tick), never raised: a timer must not break the window.
        """
        if not self._modified():
            if self._written is not None:
                self.discard()
            return False
        current = (self._scenario(), self._file_path())
        if current == self._written:
            return False
        try:
            self._take_lock()
            # Private: an autosave may hold a customer's estimate before the user chose where.
            write_bytes_atomic(self._path, self._encode(*current), new_file_mode=0o600)
        except OSError as error:
            self._fail(f"{self._path}: {error.strerror or error}")
            return False
        self._written, self._failure = current, None
        self.autosaved.emit(self._path)
        return True

    def holds_current(self) -> bool:
        """Autosave now; True if the current estimate is on disk here or needs no autosave."""
        self.autosave_now()
        return not self._modified() or (self._written is not None and self._path.is_file())

    def discard(self) -> None:
        """Remove the autosave: the estimate was saved, or the user discarded its changes."""
        self._written = None
        with contextlib.suppress(OSError):  # if it stays, it is offered once more: never lost
            self._path.unlink()

    def _take_lock(self) -> None:
        if self._lock is not None:
            return
        self._folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # quotes are private
        lock = _lock_for(self._path)
        if not lock.tryLock(0):
            raise OSError(0, f"cannot take the lock {lock.fileName()} ({lock.error().name})")
        self._lock = lock

    def _fail(self, reason: str) -> None:
        if reason != self._failure:
            self._failure = reason
            self.autosave_failed.emit(reason)

    @staticmethod
    def _encode(scenario: Scenario | ScenarioFile, original: Path | None) -> bytes:
        # dump_scenario writes whole numbers as ints and others as strings, never floats: read
        # back and written again, every figure stays exact. A ScenarioFile keeps its rate card
        # and options too.
        text = (
            dump_scenario_file(scenario)
            if isinstance(scenario, ScenarioFile)
            else dump_scenario(scenario)
        )
        data = json.loads(text)
        data[META_KEY] = {
            "format": META_FORMAT,
            "original": None if original is None else str(original),
            "saved_at": datetime.now(UTC).isoformat(),
            "pid": os.getpid(),
        }
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------- finding


@dataclass(frozen=True, slots=True)
class Recoverable:
    """An autosave left by an app that is no longer running; this process holds its lock until
    ``accept`` or ``reject`` (or until it ends: then the next start finds it again)."""

    path: Path  # the autosave file
    original: Path | None  # the file the estimate came from; None for a never-saved estimate
    saved_at: datetime  # when it was written (UTC; the file's time if the record lacks it)
    scenario: Scenario
    lock: QLockFile = field(compare=False, repr=False)
    document: ScenarioFile | None = field(default=None, compare=False)  # card and options too


class SetAside(Struct, frozen=True):
    """An autosave that could not be read, renamed aside with its bytes intact."""

    path: Path  # where the autosave was
    moved_to: Path | None  # where it is now; None if it could not be renamed (left in place)
    reason: str  # the InputError's message


@dataclass(frozen=True, slots=True)
class RecoveryScan:
    recoverable: tuple[Recoverable, ...]  # newest first
    set_aside: tuple[SetAside, ...]


def find_recoverable(folder: Path | None = None) -> RecoveryScan:
    """Autosaves of apps that are no longer running, newest first, and those set aside.

    An autosave whose lock is held (an app still running, this one included) is not touched, so
    a second window never takes a live estimate. A lock left with no autosave is removed.
    """
    folder = Path(folder) if folder is not None else default_folder()
    found: list[Recoverable] = []
    set_aside: list[SetAside] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:  # no folder yet: nothing was ever autosaved
        return RecoveryScan((), ())
    for entry in entries:
        part = _PART.fullmatch(entry.name)
        if part is not None:
            _remove_killed_part(entry, folder / f"{part['name']}.json")
            continue
        if _NAME.fullmatch(entry.stem) is None:
            continue
        if entry.suffix == ".lock" and not entry.with_suffix(".json").exists():
            _remove_stale_lock(entry)
        if entry.suffix != ".json" or not _is_regular(entry):
            continue
        lock = _lock_for(entry)
        if not lock.tryLock(0):
            continue  # its app is running
        try:
            document = read_scenario_file(entry)
        except InputError as error:
            moved = _rename_aside(entry, "corrupt")
            lock.unlock()
            set_aside.append(SetAside(entry, moved, error.message))
            continue
        original, saved_at = _meta(entry)
        found.append(Recoverable(entry, original, saved_at, document.scenario, lock, document))
    found.sort(key=lambda item: item.saved_at, reverse=True)
    return RecoveryScan(tuple(found), tuple(set_aside))


def accept(recoverable: Recoverable, autosaver: Autosaver | None = None) -> bool:
    """The window now shows the recovered scenario: remove the old autosave.

    Pass the window's ``autosaver`` to have the restored scenario written to this app's own
    autosave first, so that a crash at any moment still leaves a copy on disk; if that write
    fails the old autosave is kept (and offered again next start). Returns whether it was removed.
    """
    if autosaver is not None and not autosaver.holds_current():
        recoverable.lock.unlock()
        return False
    with contextlib.suppress(FileNotFoundError):
        recoverable.path.unlink()
    recoverable.lock.unlock()
    return True


def reject(recoverable: Recoverable) -> Path | None:
    """The user declined it: rename it ``*.declined-<time>.json`` beside it, never delete it.

    Returns where it is now (None if it could not be renamed: then it is offered again next time).
    A declined estimate is still the user's work and a misclick costs nothing this way; the file
    opens with File > Open.
    """
    moved = _rename_aside(recoverable.path, "declined")
    recoverable.lock.unlock()
    return moved


def release(scan: RecoveryScan) -> None:
    """Release the locks of autosaves neither accepted nor rejected (offered again next start)."""
    for item in scan.recoverable:
        item.lock.unlock()


def _is_regular(path: Path) -> bool:
    """Only plain files are ours: a link or a pipe in the folder is never opened nor renamed."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _remove_stale_lock(path: Path) -> None:
    lock = _lock_for(path.with_suffix(".json"))
    if lock.tryLock(0):
        lock.unlock()


def _remove_killed_part(part: Path, autosave: Path) -> None:
    """A temporary file of a write that was killed: its autosave (if any) is whole without it."""
    lock = _lock_for(autosave)
    if lock.tryLock(0):
        with contextlib.suppress(OSError):
            part.unlink()
        lock.unlock()


def _rename_aside(path: Path, why: str) -> Path | None:
    """``autosave-1-ab.json`` -> ``autosave-1-ab.<why>-<time>.json``, never over another file."""
    stamp = _stamp(datetime.now(UTC))
    for attempt in range(100):
        suffix = "" if attempt == 0 else f"-{attempt}"
        target = path.with_name(f"{path.stem}.{why}-{stamp}{suffix}.json")
        if target.exists():
            continue
        try:
            os.rename(path, target)
        except OSError:
            return None
        return target
    return None


def _meta(path: Path) -> tuple[Path | None, datetime]:
    """The original file and the time of an autosave that parsed; a damaged record loses only
    these (the time falls back to the file's), never the scenario."""
    original: Path | None = None
    saved_at: datetime | None = None
    try:
        with path.open("rb") as stream:
            data = json.loads(stream.read(_META_READ_MAX))
        meta = data.get(META_KEY) if isinstance(data, dict) else None
    except (OSError, ValueError):
        meta = None
    if isinstance(meta, dict):
        if isinstance(meta.get("original"), str) and meta["original"]:
            original = Path(meta["original"])
        if isinstance(meta.get("saved_at"), str):
            with contextlib.suppress(ValueError):
                saved_at = datetime.fromisoformat(meta["saved_at"])
    if saved_at is None or saved_at.tzinfo is None:
        try:
            saved_at = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        except OSError:
            saved_at = datetime.now(UTC)
    return original, saved_at
