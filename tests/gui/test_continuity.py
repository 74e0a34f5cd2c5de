"""A day that survives a crash: recent files, the last estimate at start, window geometry, and the
autosave offered back after the process is killed."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QSlider
from tests_gui_paths import TEAM_MEETINGS, TUTORING

from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.gui import app
from estimator_gui.gui.app import build_window
from estimator_gui.gui.settings import AppSettings

CHILD = Path(__file__).with_name("continuity_child.py")


@pytest.fixture
def desk(tmp_path):  # type: ignore[no-untyped-def]
    """A user's settings file, recovery folder and one estimate file of their own."""
    estimate = tmp_path / "acme.json"
    shutil.copy(TUTORING, estimate)
    return {
        "ini": tmp_path / "settings.ini",
        "folder": tmp_path / "recovery",
        "estimate": estimate,
        "copy": tmp_path / "what-the-child-had.json",
    }


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _killed_with_unsaved_edits(desk) -> None:  # type: ignore[no-untyped-def]
    child = subprocess.Popen(
        [
            sys.executable,
            str(CHILD),
            str(desk["estimate"]),
            str(desk["ini"]),
            str(desk["folder"]),
            str(desk["copy"]),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline().strip() if child.stdout else ""
        assert line == "autosaved", line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def test_after_kill_9_the_next_start_offers_the_estimate_back_exactly(desk, qtbot, monkeypatch):
    _killed_with_unsaved_edits(desk)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window = build_window(None, settings=AppSettings(desk["ini"]), recovery_folder=desk["folder"])
    qtbot.addWidget(window)
    window.show()
    assert window.files.offer_recovery()
    assert asked == ["Restore the unsaved estimate?"]
    restored = window.session.scenario
    assert restored == read_scenario(desk["copy"])
    assert restored.rooms[0].rooms_per_day == 57
    # Unsaved changes to the file it came from: the file itself is untouched.
    assert window.path == desk["estimate"]
    assert read_scenario(desk["estimate"]).rooms[0].rooms_per_day != 57
    assert window.isWindowModified() and "acme.json[*]" in window.windowTitle()
    assert window.session.undo_stack.count() == 0
    # Restored means the old autosave is gone, and a third start offers nothing.
    window.files.autosaver.stop()
    again = build_window(None, settings=AppSettings(desk["ini"]), recovery_folder=desk["folder"])
    qtbot.addWidget(again)
    assert not again.files.offer_recovery()


def test_a_declined_recovery_is_kept_beside_never_deleted(desk, qtbot, monkeypatch):
    _killed_with_unsaved_edits(desk)
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    window = build_window(None, settings=AppSettings(desk["ini"]), recovery_folder=desk["folder"])
    qtbot.addWidget(window)
    window.show()
    assert not window.files.offer_recovery()
    assert window.session.scenario.rooms == ()  # the blank estimate it started with
    declined = list(desk["folder"].glob("*.declined-*.json"))
    assert len(declined) == 1
    assert read_scenario(declined[0]) == read_scenario(desk["copy"])


def test_a_corrupt_autosave_is_set_aside_and_named(desk, qtbot, monkeypatch):
    desk["folder"].mkdir()
    bad = desk["folder"] / "autosave-999999999-0123abcd.json"
    bad.write_bytes(b'{"format": "trtc-estimate/1", "rooms": [')
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window = build_window(None, settings=AppSettings(desk["ini"]), recovery_folder=desk["folder"])
    qtbot.addWidget(window)
    assert not window.files.offer_recovery()
    assert asked == []
    kept = list(desk["folder"].glob("autosave-999999999-0123abcd.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == b'{"format": "trtc-estimate/1", "rooms": ['
    assert not window.banner.isHidden() and kept[0].name in window.banner.text()


def test_open_recent_lists_what_was_opened_and_saved_and_reopens_it(desk, qtbot, tmp_path):
    settings = AppSettings(desk["ini"])
    window = build_window(None, settings=settings)
    qtbot.addWidget(window)
    assert window.open_file(desk["estimate"])
    window.findChild(QSlider, "video_call.days.slider").setValue(9)
    other = tmp_path / "team.json"
    assert window.save_file(other)
    menu = window.files.recent_menu
    menu.aboutToShow.emit()
    names = [action.text() for action in menu.actions()]
    assert names == ["&1 team.json", "&2 acme.json"]
    menu.actions()[1].trigger()
    assert window.path == desk["estimate"]
    assert window.session.scenario == read_scenario(desk["estimate"])
    assert not window.isWindowModified()


def test_the_app_starts_with_the_last_estimate_or_a_blank_one(desk, qtbot):
    settings = AppSettings(desk["ini"])
    assert app.start_path(None, settings) is None  # a first start: blank, not an example
    window = build_window(None, settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_file(desk["estimate"])
    window.resize(700, 500)  # the offscreen screen is 800x800; the window's minimum width holds
    # The offscreen screen (800x800) bends widths to the layout's minimum; heights are kept.
    closed_height = window.height()
    assert closed_height != build_window(None).height()
    window.close()
    assert app.start_path(None, settings) == desk["estimate"]
    assert app.start_path(str(TEAM_MEETINGS), settings) == TEAM_MEETINGS
    reopened = build_window(app.start_path(None, settings), settings=settings)
    qtbot.addWidget(reopened)
    assert reopened.height() == closed_height
    desk["estimate"].unlink()  # moved away since: a blank estimate, not an error
    assert app.start_path(None, settings) is None


def test_file_new_starts_a_blank_estimate_and_a_template_an_untitled_one(window, qtbot):
    window.files.new_action.trigger()
    assert window.session.scenario.rooms == () and window.path is None
    assert window.current_breakdown().total == 0
    assert not window.isWindowModified()
    window.files.template_menu.actions()[2].trigger()  # live shopping
    assert window.session.scenario.rooms[0].service == "live_video"
    assert window.path is None and window.windowTitle().startswith("Live shopping")
