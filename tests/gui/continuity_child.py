"""The desktop window with its autosave, edited by keyboard, run as a subprocess the test kills.

    python tests/gui/continuity_child.py SCENARIO SETTINGS.ini RECOVERY_FOLDER COPY

Opens SCENARIO as the app does (settings and a recovery folder), types a new rooms-per-day into
the video call's spin box and presses Enter; once the window's own autosave has landed it saves
the scenario it holds to COPY and prints ``autosaved``, then waits to be killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSpinBox

from estimator_gui.files.scenario_io import save_scenario
from estimator_gui.gui.app import build_window
from estimator_gui.gui.settings import AppSettings


def main(scenario: Path, ini: Path, folder: Path, copy: Path) -> int:
    window = build_window(scenario, settings=AppSettings(ini), recovery_folder=folder)
    app = QApplication.instance()
    window.show()
    spin = window.panel("video_call").findChild(QSpinBox, "video_call.rooms_per_day.spin")
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "57")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    if window.session.scenario.rooms[0].rooms_per_day != 57 or not window.session.modified:
        print("error: typing did not change the estimate", flush=True)
        return 1
    autosaver = window.files.start_autosave()  # what the app's first frame starts

    def landed(_path: Path) -> None:
        save_scenario(window.session.scenario, copy)
        print("autosaved", flush=True)

    autosaver.autosaved.connect(landed)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*(Path(arg) for arg in sys.argv[1:5])))
