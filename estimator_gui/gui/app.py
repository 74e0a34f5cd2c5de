"""Application start-up. PLACEHOLDER until the window issue lands: it only says so."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def build_window(path: str | None = None) -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("TRTC price estimator")
    label = QLabel(
        "Placeholder: the estimator window is not built yet.\n"
        "Price a scenario with: python -m estimator_gui quote FILE"
    )
    label.setMargin(24)
    window.setCentralWidget(label)
    return window


def main(argv: Sequence[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = build_window(argv[0] if argv else None)
    window.show()
    return app.exec()
