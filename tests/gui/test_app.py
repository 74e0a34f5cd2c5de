"""Start-up: build_window on every example, --screenshot, a bad file, the self-test hand-off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QSlider
from tests_gui_paths import EXAMPLES, SCENARIOS

from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.gui import app
from estimator_gui.gui.panel_tabs import PANEL_KEYS
from estimator_gui.pricing import price


@pytest.mark.parametrize("path", EXAMPLES + SCENARIOS, ids=lambda p: p.name)
def test_build_window_on_every_example(make_window, path: Path):
    window = make_window(path)
    scenario = read_scenario(path)
    assert window.session.scenario == scenario
    assert window.current_breakdown() == price(scenario, window.session.rate_card)
    assert window.load_error is None
    assert window.breakdown_model.rowCount() == len(window.current_breakdown().lines)
    shown = PANEL_KEYS[window.tabs.currentIndex()]
    assert [key for key in PANEL_KEYS if window.is_built(key)] == [shown]  # the rest on demand
    assert window.findChild(QSlider, f"{shown}.rooms_per_day.slider") is not None
    assert window.panel("video_call").findChild(QSlider, "video_call.rooms_per_day.slider")
    for service in {room.service for room in scenario.rooms}:
        assert window.panel(service).stack.currentIndex() == 1


def test_build_window_without_a_path_opens_a_blank_estimate(make_window):
    window = make_window(None)
    scenario = window.session.scenario
    assert (scenario.rooms, scenario.recording, scenario.transcoding) == ((), (), ())
    assert window.current_breakdown().total == 0
    assert window.path is None and not window.isWindowModified()
    assert window.panel(PANEL_KEYS[window.tabs.currentIndex()]).stack.currentIndex() == 0


def test_build_window_with_a_bad_file_shows_why(make_window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    window = make_window(bad)
    assert window.load_error is not None
    assert not window.banner.isHidden()
    assert "bad.json was not opened" in window.banner.text()


def test_screenshot_in_process(qapp, tmp_path):
    out = tmp_path / "window.png"
    assert app.main(["--screenshot", str(out)]) == 0
    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 700


def test_screenshot_of_a_bad_file_says_why_on_stderr(qapp, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    out = tmp_path / "bad.png"
    assert app.main([str(bad), "--screenshot", str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "is not valid JSON" in err and "Traceback" not in err
    assert not out.exists()


def test_screenshot_from_the_command_line(tmp_path):
    out = tmp_path / "cli.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    example = EXAMPLES[0]
    result = subprocess.run(
        [sys.executable, "-m", "estimator_gui", str(example), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert QImage(str(out)).width() > 0


def test_self_test_is_handed_to_the_selftest_module(monkeypatch, tmp_path):
    calls = []
    fake = type(sys)("estimator_gui.gui.selftest")
    fake.run = lambda outdir, scenario, window_factory: calls.append((outdir, scenario)) or 0
    monkeypatch.setitem(sys.modules, "estimator_gui.gui.selftest", fake)
    monkeypatch.setattr("estimator_gui.gui.selftest", fake, raising=False)
    assert app.main(["--self-test", str(tmp_path)]) == 0
    assert calls == [(tmp_path, None)]
