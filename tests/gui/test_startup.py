"""Start-up builds what the first frame shows; hidden panels are built when first shown or asked.

A panel built late must behave as if it had been there all along: it shows the session's current
scenario (after edits and after File > Open), its refusals reach the totals, and tabs never show
an empty page.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from msgspec.structs import replace
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QSlider, QSpinBox
from tests_gui_paths import TEAM_MEETINGS, TUTORING

from estimator_gui.files.scenario_io import read_scenario_file
from estimator_gui.gui import app
from estimator_gui.gui.panel_tabs import PANEL_KEYS


def _built(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [key for key in PANEL_KEYS if window.is_built(key)]


def test_only_the_panel_in_view_is_built_at_start_up(window):
    assert PANEL_KEYS[window.tabs.currentIndex()] == "video_call"
    assert _built(window) == ["video_call"]
    assert window.findChild(QSlider, "live_video.audience.slider") is None


def test_showing_a_tab_builds_its_panel_once(window):
    window.tabs.setCurrentIndex(PANEL_KEYS.index("live_video"))
    panel = window.panel("live_video")
    assert window.tabs.currentWidget().widget() is panel
    assert window.findChild(QSlider, "live_video.audience.slider") is not None
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(PANEL_KEYS.index("live_video"))
    assert window.panel("live_video") is panel
    assert _built(window) == ["audio_call", "video_call", "live_video"]


def test_every_tab_holds_its_panel_once_shown(window):
    for index, key in enumerate(PANEL_KEYS):
        window.tabs.setCurrentIndex(index)
        scroll = window.tabs.currentWidget()
        assert isinstance(scroll, QScrollArea)
        assert scroll.widget() is window.panel(key)
        assert scroll.widget().objectName() == f"{key}.panel"
    assert list(window.panels) == list(PANEL_KEYS)
    assert dict(window.panels) == {key: window.panel(key) for key in PANEL_KEYS}


def test_asking_for_an_unknown_panel_raises(window):
    with pytest.raises(KeyError):
        window.panel("telepathy")
    with pytest.raises(KeyError):
        window.panels["telepathy"]


def test_a_panel_built_late_shows_the_current_scenario(window):
    scenario = window.session.scenario
    assert scenario.rooms[1].service == "live_video"
    edited = replace(scenario.rooms[1], rooms_per_day=7, days=9)
    window.session.request(replace(scenario, rooms=(scenario.rooms[0], edited)), "edit")
    panel = window.panel("live_video")
    assert panel.findChild(QSpinBox, "live_video.rooms_per_day.spin").value() == 7
    assert panel.findChild(QSpinBox, "live_video.days.spin").value() == 9


def test_a_panel_built_after_file_open_shows_the_opened_file(window):
    assert window.session.scenario.recording  # tutoring records its lessons
    assert window.open_file(TEAM_MEETINGS)  # which records nothing
    assert PANEL_KEYS[window.tabs.currentIndex()] == "audio_call"  # its first room's tab
    assert window.is_built("audio_call")
    recording = window.panel("recording")
    assert recording.selector.count() == 0
    assert recording.stack.currentIndex() == 0  # "This estimate records nothing"


def test_a_panel_built_before_file_open_follows_it(window):
    recording = window.panel("recording")
    assert recording.selector.count() == 1
    assert window.open_file(TEAM_MEETINGS)
    assert recording.selector.count() == 0
    assert recording.stack.currentIndex() == 0


def test_a_refusal_in_a_panel_built_late_marks_the_totals_stale(window):
    spin = window.panel("live_video").findChild(QSpinBox, "live_video.anchors.spin")
    before = window.current_breakdown()
    spin.setValue(51)
    assert window.current_breakdown() is before
    assert not window.totals.stale.isHidden()
    spin.setValue(2)
    assert window.totals.stale.isHidden()


def test_the_mixing_panel_built_late_reports_its_refusals(window):
    tasks = window.panel("mixing_relay").tasks
    if tasks.current_item() is None:
        tasks.add_button.click()
    tasks.findChild(QSpinBox, "transcoding.streams.spin").setValue(999)
    assert not window.totals.stale.isHidden()


def test_the_window_has_the_app_icon_and_desktop_file_name(window):
    assert QGuiApplication.desktopFileName() == "trtc-estimator"
    icon = QApplication.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).isNull()  # the PNG is found and decodes
    assert not window.windowIcon().isNull()


def test_start_up_imports_no_dialogs_nor_document_writers():
    """What the first frame does not show is not imported before it: dialogs, writers, and the
    libraries of documents and translations (Babel, fpdf2, fontTools, XlsxWriter)."""
    probe = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from estimator_gui.gui.app import build_window, ensure_application\n"
        "app = ensure_application()\n"
        f"window = build_window({str(TUTORING)!r})\n"
        "window.show(); app.processEvents()\n"
        "from PySide6 import QtWidgets\n"
        "print(sorted(n for n in ('QFileDialog', 'QMessageBox')"
        " if n in vars(QtWidgets)))\n"
        # The names and notice sentences are tables the window shows; writers load on export.
        "print(sorted(m for m in sys.modules if m.startswith('estimator_gui.quote.')"
        " and m not in ('estimator_gui.quote.notices', 'estimator_gui.quote.names')"
        " or m == 'estimator_gui.gui.selftest'))\n"
        "print(sorted(m for m in ('babel', 'fpdf', 'fontTools', 'xlsxwriter', 'openpyxl')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    dialogs, modules, libraries = result.stdout.splitlines()[-3:]
    assert (dialogs, modules, libraries) == ("[]", "[]", "[]")


def test_a_blank_start_parses_no_arguments_and_reads_no_json(tmp_path):
    """A double-clicked app (no arguments, no file) shows its first frame without building the
    argument parser, loading the JSON reader or multiprocessing: each was milliseconds of it
    (README, "The desktop bundle")."""
    probe = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "def first_frame_only():\n"
        "    QApplication.processEvents()\n"
        "    print(sorted(m for m in ('json', 'multiprocessing') if m in sys.modules))\n"
        "    print(sorted(w.objectName() for w in QApplication.topLevelWidgets()"
        " if w.isVisible()))\n"
        "    return 0\n"
        "QApplication.exec = staticmethod(first_frame_only)\n"
        "import estimator_gui.gui.app as app\n"
        "def no_parser():\n"
        "    raise AssertionError('the argument parser was built')\n"
        "app.build_parser = no_parser\n"
        "sys.exit(app.main([]))\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    modules, shown = result.stdout.splitlines()[-2:]
    assert shown == "['main_window']"  # the window did start
    assert modules == "[]"


def test_build_window_reads_no_example_when_the_file_opens(monkeypatch):
    monkeypatch.setattr(
        app, "read_scenario_file", lambda path: pytest.fail(f"read {path}") if path != TUTORING
        else read_scenario_file(path)
    )
    window = app.build_window(TUTORING)
    assert window.path == TUTORING
    window.deleteLater()


def test_a_file_made_with_the_current_card_opens_with_that_card_read_alone(
    monkeypatch, tmp_path
):
    """Not the default card first, nor every shipped card: the one the file names."""
    from estimator_gui.files import ratecard_io
    from estimator_gui.files.scenario_io import save_scenario_file

    document = read_scenario_file(TUTORING)
    path = tmp_path / "current-card.json"
    save_scenario_file(replace(document, rate_card_id="trtc-intl-2026-12"), path)
    ratecard_io._shipped.cache_clear()
    ratecard_io.shipped_rate_cards.cache_clear()
    read = []
    real = ratecard_io.load_rate_card
    monkeypatch.setattr(
        ratecard_io, "load_rate_card", lambda card: read.append(card.name) or real(card)
    )
    window = app.build_window(path)
    assert window.load_error is None
    assert window.session.rate_card.id == "trtc-intl-2026-12"
    assert read == ["trtc-intl-2026-12.toml"]
    window.deleteLater()
    ratecard_io._shipped.cache_clear()
    ratecard_io.shipped_rate_cards.cache_clear()


def test_the_mix_control_is_built_when_a_group_first_uses_a_mix(window):
    editor = window.panel("video_call").mix_editor
    assert editor.findChild(QSlider, "video_call.group.mix.HD.slider") is None  # no mix yet
    editor.switch.click()
    assert editor.switch.isChecked()
    assert not editor.control.isHidden()
    assert editor.findChild(QSlider, "video_call.group.mix.HD.slider").value() == 100
    assert window.session.scenario.rooms[0].groups[0].mix is not None
    editor.switch.click()
    assert editor.control.isHidden()


def test_the_collector_is_off_during_start_up_and_on_after_the_first_frame(qtbot):
    probe = (
        "import gc, sys\n"
        "import estimator_gui.gui.app as app\n"
        "app.main = lambda argv: print(gc.isenabled()) or 0\n"
        "from estimator_gui.__main__ import main\n"
        "sys.argv = ['trtc-estimator']\n"
        "sys.exit(main())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert (result.returncode, result.stdout.strip()) == (0, "False"), result.stderr
    import gc

    gc.disable()
    try:
        window = app.build_window(TUTORING)
        qtbot.addWidget(window)
        window.first_frame.then(app.collect_after_start_up)
        window.show()
        qtbot.waitUntil(lambda: window.first_frame.done)
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
