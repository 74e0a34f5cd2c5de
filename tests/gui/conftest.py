"""Fixtures for the window tests: a real window on an example, modal dialogs answered for us."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from tests_gui_paths import TUTORING

from estimator_gui.gui.app import build_window
from estimator_gui.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Warnings are recorded instead of shown; closing never waits for a Save question."""
    shown: list[tuple[str, str]] = []

    def warning(_parent: object, title: str, text: str, *_args: object) -> int:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *_args: QMessageBox.StandardButton.Discard),
    )
    return shown


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    def make(path: Path | str | None = TUTORING) -> MainWindow:
        window = build_window(path)
        qtbot.addWidget(window)
        QApplication.processEvents()  # what follows the first frame (keyboard set-up) is done
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(TUTORING)
