"""A window with an unsaved edit and a live Autosaver, run as a subprocess that the test kills.

    python tests/gui/recovery_child.py FOLDER COPY

Builds the real window on the tutoring example, moves the video call's rooms-per-day slider,
autosaves into FOLDER every 50 ms, and once the autosave has landed saves the scenario it holds
to COPY and prints ``autosaved <path>``; then it waits in the event loop to be killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QSlider

from estimator_gui.files.resources import resource
from estimator_gui.files.scenario_io import save_scenario
from estimator_gui.gui.app import build_window
from estimator_gui.gui.recovery import Autosaver

TUTORING = resource("examples", "tutoring.json")


def main(folder: Path, copy: Path) -> int:
    window = build_window(TUTORING)  # makes the QApplication, as the app does
    app = QApplication.instance()
    window.show()
    opened = window.session.scenario
    slider = window.panel("video_call").findChild(QSlider, "video_call.rooms_per_day.slider")
    if app is None or slider is None:
        print("error: no application or no rooms-per-day slider", flush=True)
        return 1
    slider.setValue(slider.value() + 7)
    if window.session.scenario == opened:
        print("error: the slider did not change the scenario", flush=True)
        return 1

    autosaver = Autosaver(
        lambda: window.session.scenario,
        lambda: TUTORING,
        lambda: window.session.scenario != opened,
        folder=folder,
        interval_ms=50,
        parent=window,
    )

    def landed(path: Path) -> None:
        save_scenario(window.session.scenario, copy)
        print(f"autosaved {path}", flush=True)

    autosaver.autosaved.connect(landed)
    autosaver.autosave_failed.connect(lambda reason: print(f"error: {reason}", flush=True))
    autosaver.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
