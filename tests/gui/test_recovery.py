"""Crash recovery: the working scenario autosaved, found again after a kill, never lost."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from msgspec import structs
from PySide6.QtCore import QStandardPaths

from estimator_gui.files.resources import resource
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.gui.recovery import (
    META_KEY,
    Autosaver,
    RecoveryScan,
    accept,
    default_folder,
    find_recoverable,
    reject,
    release,
)
from estimator_gui.pricing.scenario import Scenario

TUTORING = resource("examples", "tutoring.json")
CHILD = Path(__file__).with_name("recovery_child.py")
ROOT = Path(__file__).resolve().parents[2]


class Estimate:
    """What the window tells the autosaver: the scenario, its file and whether it is modified."""

    def __init__(self, scenario: Scenario, path: Path | None = TUTORING) -> None:
        self.scenario, self.path, self.modified = scenario, path, False

    def autosaver(self, folder: Path, **options: object) -> Autosaver:
        return Autosaver(
            lambda: self.scenario,
            lambda: self.path,
            lambda: self.modified,
            folder=folder,
            **options,  # type: ignore[arg-type]
        )

    def edit(self, title: str) -> None:
        self.scenario = structs.replace(self.scenario, title=title)
        self.modified = True


@pytest.fixture
def tutoring() -> Scenario:
    return read_scenario(TUTORING)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


def names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def left_behind(autosaver: Autosaver, name: str = "autosave-1-0123abcd.json") -> Path:
    """A copy of the autosaver's file as an app that is gone would leave it (no lock held)."""
    dead = autosaver.folder / name
    shutil.copyfile(autosaver.path, dead)
    return dead


# ---------------------------------------------------------------- Autosaver


def test_nothing_is_written_while_the_estimate_is_unmodified(folder, tutoring, qapp):
    autosaver = Estimate(tutoring).autosaver(folder)
    assert not autosaver.autosave_now()
    assert not folder.exists()


def test_a_modified_estimate_is_saved_as_a_scenario_file_anyone_can_open(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    estimate.edit("Acme tutoring, April")
    autosaver = estimate.autosaver(folder)
    assert autosaver.autosave_now()
    assert re.fullmatch(rf"autosave-{os.getpid()}-[0-9a-f]{{8}}\.json", autosaver.path.name)
    assert read_scenario(autosaver.path) == estimate.scenario
    record = json.loads(autosaver.path.read_text(encoding="utf-8"))
    assert record["format"] == "trtc-estimate/1"
    assert record[META_KEY]["original"] == str(TUTORING)
    assert record[META_KEY]["pid"] == os.getpid()
    saved_at = datetime.fromisoformat(record[META_KEY]["saved_at"])
    assert abs(datetime.now(UTC) - saved_at) < timedelta(minutes=5)
    lock = autosaver.path.with_suffix(".lock").name
    assert names(folder) == {autosaver.path.name, lock}  # whole: no .part left behind


def test_an_unchanged_estimate_is_not_written_again(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder)
    written: list[Path] = []
    autosaver.autosaved.connect(written.append)
    estimate.edit("April")
    assert [autosaver.autosave_now() for _ in range(3)] == [True, False, False]
    estimate.edit("May")
    assert autosaver.autosave_now()
    estimate.path = folder.parent / "saved elsewhere.json"  # Save As, then another edit
    estimate.edit("May")
    assert autosaver.autosave_now()
    assert written == [autosaver.path] * 3
    assert read_scenario(autosaver.path).title == "May"
    assert json.loads(autosaver.path.read_bytes())[META_KEY]["original"] == str(estimate.path)


def test_the_timer_autosaves_on_its_own(folder, tutoring, qtbot):
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder, interval_ms=20)
    estimate.edit("April")
    with qtbot.waitSignal(autosaver.autosaved, timeout=10_000) as landed:
        autosaver.start()
    assert landed.args == [autosaver.path]
    assert read_scenario(autosaver.path) == estimate.scenario
    autosaver.stop()


def test_returning_to_the_saved_state_removes_the_autosave(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder)
    estimate.edit("April")
    assert autosaver.autosave_now()
    estimate.scenario, estimate.modified = tutoring, False  # undone, or saved
    assert not autosaver.autosave_now()
    assert not autosaver.path.exists()
    estimate.edit("April")  # the same edit again is written again: the file was gone
    assert autosaver.autosave_now()


def test_discard_removes_the_file_and_stop_the_lock(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder)
    estimate.edit("April")
    autosaver.autosave_now()
    autosaver.discard()
    assert names(folder) == {autosaver.path.with_suffix(".lock").name}
    estimate.edit("May")
    assert autosaver.autosave_now()
    autosaver.stop()
    assert names(folder) == set()


def test_a_failed_write_is_reported_once_and_retried(tmp_path, tutoring, qapp):
    blocker = tmp_path / "recovery"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(blocker)
    failures: list[str] = []
    autosaver.autosave_failed.connect(failures.append)
    estimate.edit("April")
    assert not autosaver.autosave_now()
    assert not autosaver.autosave_now()
    assert len(failures) == 1
    assert str(blocker) in failures[0]
    blocker.unlink()
    assert autosaver.autosave_now()
    assert read_scenario(autosaver.path) == estimate.scenario


# ---------------------------------------------------------------- finding


def test_a_live_autosave_is_never_taken(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder)
    estimate.edit("April")
    autosaver.autosave_now()
    before = autosaver.path.read_bytes()
    lock = autosaver.path.with_suffix(".lock")
    os.utime(lock, (1_000_000_000, 1_000_000_000))  # an app open for years is still alive
    assert find_recoverable(folder) == RecoveryScan((), ())
    assert autosaver.path.read_bytes() == before
    assert names(folder) == {autosaver.path.name, lock.name}


def test_an_autosave_without_its_app_is_recoverable(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder)
    estimate.edit("April")
    autosaver.autosave_now()
    dead = left_behind(autosaver)
    autosaver.stop()
    scan = find_recoverable(folder)
    assert scan.set_aside == ()
    [item] = scan.recoverable
    assert item.path == dead
    assert item.original == TUTORING
    assert item.scenario == estimate.scenario
    assert abs(datetime.now(UTC) - item.saved_at) < timedelta(minutes=5)
    release(scan)


def test_recoverable_autosaves_come_newest_first(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder)
    for day, token in ((3, "0000000a"), (9, "0000000b"), (5, "0000000c")):
        estimate.edit(f"day {day}")
        autosaver.autosave_now()
        record = json.loads(autosaver.path.read_bytes())
        record[META_KEY]["saved_at"] = f"2030-01-0{day}T12:00:00+00:00"
        (folder / f"autosave-7-{token}.json").write_text(json.dumps(record), encoding="utf-8")
    autosaver.stop()
    scan = find_recoverable(folder)
    assert [item.scenario.title for item in scan.recoverable] == ["day 9", "day 5", "day 3"]
    assert scan.recoverable[0].saved_at == datetime(2030, 1, 9, 12, tzinfo=UTC)
    release(scan)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"format": "trtc-estimate/1", "rooms": [{"serv', "is not valid JSON"),
        (b'{"format": "trtc-estimate/1", "discount_percent": "150"}', "discount_percent: 150"),
        (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
    ],
    ids=["truncated", "refused value", "not text"],
)
def test_an_unreadable_autosave_is_set_aside_with_its_bytes(folder, content, reason, qapp):
    folder.mkdir()
    corrupt = folder / "autosave-12-0badf00d.json"
    corrupt.write_bytes(content)
    scan = find_recoverable(folder)
    assert scan.recoverable == ()
    [aside] = scan.set_aside
    assert aside.path == corrupt
    assert reason in aside.reason
    assert aside.moved_to is not None
    assert re.fullmatch(r"autosave-12-0badf00d\.corrupt-[0-9T.]+Z\.json", aside.moved_to.name)
    assert aside.moved_to.read_bytes() == content
    assert names(folder) == {aside.moved_to.name}  # moved, never deleted; its lock released
    assert find_recoverable(folder) == RecoveryScan((), ())  # reported once, then left alone
    assert aside.moved_to.read_bytes() == content


def test_a_damaged_record_loses_only_the_record(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder)
    estimate.edit("April")
    autosaver.autosave_now()
    record = json.loads(autosaver.path.read_bytes())
    record[META_KEY] = {"original": 42, "saved_at": "yesterday"}
    dead = folder / "autosave-3-00c0ffee.json"
    dead.write_text(json.dumps(record), encoding="utf-8")
    os.utime(dead, (1_900_000_000, 1_900_000_000))
    autosaver.stop()
    [item] = find_recoverable(folder).recoverable
    assert item.scenario == estimate.scenario
    assert item.original is None
    assert item.saved_at == datetime.fromtimestamp(1_900_000_000, UTC)  # the file's time
    item.lock.unlock()


def test_a_scan_holds_what_it_found_until_released(folder, tutoring, qapp):
    """A second window starting meanwhile does not offer the same autosave again."""
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder)
    estimate.edit("April")
    autosaver.autosave_now()
    left_behind(autosaver)
    autosaver.stop()
    first = find_recoverable(folder)
    assert len(first.recoverable) == 1
    assert find_recoverable(folder) == RecoveryScan((), ())
    release(first)
    assert [item.scenario for item in find_recoverable(folder).recoverable] == [estimate.scenario]


def test_leftovers_of_killed_apps_are_cleared_and_nothing_else(folder, tutoring, qapp):
    folder.mkdir()
    part = folder / ".autosave-5-0000beef.json.k2j3h4.part"
    part.write_bytes(b'{"format": "trtc-est')
    with subprocess.Popen([sys.executable, "-c", "pass"]) as finished:
        pass  # waited for: its pid is no longer running
    stale = f"{finished.pid}\npython3.11\n{socket.gethostname()}\n"  # as QLockFile writes it
    (folder / "autosave-5-0000beef.lock").write_text(stale, encoding="utf-8")
    notes = folder / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    elsewhere = folder.parent / "elsewhere.json"
    shutil.copyfile(TUTORING, elsewhere)
    (folder / "autosave-6-0000cafe.json").symlink_to(elsewhere)
    assert find_recoverable(folder) == RecoveryScan((), ())
    assert names(folder) == {"notes.txt", "autosave-6-0000cafe.json"}  # link left alone
    assert read_scenario(elsewhere) == tutoring


# ---------------------------------------------------------------- accept and reject


def test_accept_removes_the_old_autosave_once_the_window_has_its_own(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    first = estimate.autosaver(folder)
    estimate.edit("April")
    first.autosave_now()
    dead = left_behind(first)
    first.stop()
    [item] = find_recoverable(folder).recoverable

    restored = Estimate(item.scenario, item.original)  # the window shows it, modified
    restored.modified = True
    autosaver = restored.autosaver(folder)
    assert accept(item, autosaver)
    assert not dead.exists()
    assert read_scenario(autosaver.path) == estimate.scenario
    assert names(folder) == {autosaver.path.name, autosaver.path.with_suffix(".lock").name}


def test_accept_keeps_the_old_autosave_if_the_new_one_fails(folder, tmp_path, tutoring, qapp):
    estimate = Estimate(tutoring)
    first = estimate.autosaver(folder)
    estimate.edit("April")
    first.autosave_now()
    dead = left_behind(first)
    first.stop()
    [item] = find_recoverable(folder).recoverable
    blocker = tmp_path / "blocked"
    blocker.write_text("", encoding="utf-8")
    restored = Estimate(item.scenario, item.original)
    restored.modified = True
    assert not accept(item, restored.autosaver(blocker))
    assert dead.exists()
    assert [again.path for again in find_recoverable(folder).recoverable] == [dead]


def test_a_declined_autosave_is_set_aside_and_still_opens(folder, tutoring, qapp):
    estimate = Estimate(tutoring)
    autosaver = estimate.autosaver(folder)
    estimate.edit("April")
    autosaver.autosave_now()
    dead = left_behind(autosaver)
    autosaver.stop()
    [item] = find_recoverable(folder).recoverable
    moved = reject(item)
    assert moved is not None
    assert re.fullmatch(r"autosave-1-0123abcd\.declined-[0-9T.]+Z\.json", moved.name)
    assert not dead.exists()
    assert read_scenario(moved) == estimate.scenario  # File > Open reads it as it is
    assert find_recoverable(folder) == RecoveryScan((), ())
    assert names(folder) == {moved.name}


def test_the_default_folder_is_in_the_application_data(qapp):
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert default_folder() == Path(base) / "recovery"


# ---------------------------------------------------------------- a real kill


def test_a_killed_window_leaves_exactly_its_edited_scenario(tmp_path, qapp):
    """The real window, an edit through its slider, an autosave, kill -9: the edit comes back."""
    folder, copy, errors = tmp_path / "recovery", tmp_path / "copy.json", tmp_path / "stderr"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with errors.open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(folder), str(copy)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    assert child.stdout is not None
    watchdog = threading.Timer(120, child.kill)  # a hung child ends the test, not the run
    watchdog.start()
    try:
        line = child.stdout.readline()
        assert line.startswith("autosaved "), line + errors.read_text(errors="replace")
        autosave = Path(line.removeprefix("autosaved ").strip())
        assert find_recoverable(folder) == RecoveryScan((), ())  # its app is alive: not taken
        assert autosave.is_file()
    finally:
        watchdog.cancel()
        child.kill()
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    scan = find_recoverable(folder)
    assert scan.set_aside == ()
    [item] = scan.recoverable
    edited = read_scenario(copy)
    assert item.path == autosave
    assert item.original == TUTORING
    assert item.scenario == edited
    opened = read_scenario(TUTORING)
    assert edited.rooms[0].rooms_per_day != opened.rooms[0].rooms_per_day
    undone = structs.replace(edited.rooms[0], rooms_per_day=opened.rooms[0].rooms_per_day)
    assert structs.replace(edited, rooms=(undone, *edited.rooms[1:])) == opened  # that edit
    assert not [name for name in names(folder) if name.endswith(".part")]
    assert accept(item)
    assert names(folder) == set()
