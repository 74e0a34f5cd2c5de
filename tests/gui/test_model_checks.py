"""Every table model of the window checked by pytest-qt's model tester, on each example and edits.

Two testers watch each model from the first look to the last edit: pytest-qt's Python tester
(``force_py=True``: a broken rule raises, and pytest-qt fails the test on an exception in a slot)
and Qt's own QAbstractItemModelTester, whose findings are warnings collected here and asserted
empty (left alone they would only be logged).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QAbstractItemModel, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QLineEdit,
    QSlider,
    QWidget,
)
from tests_gui_paths import EXAMPLES

from estimator_gui.gui.main_window import MainWindow
from estimator_gui.gui.panels.rooms import RoomPanel
from estimator_gui.pricing.scenario import SERVICES

W = TypeVar("W", bound=QWidget)
MODELS = ("breakdown", *SERVICES)  # the breakdown table, and the groups table of each service


@contextmanager
def qt_tester_failures() -> Iterator[list[str]]:
    """The messages Qt's model tester reports (category qt.modeltest) while the block runs."""
    failures: list[str] = []
    previous: Any = None

    def handler(mode: QtMsgType, context: Any, message: str) -> None:
        if context.category == "qt.modeltest" or message.startswith("FAIL!"):
            failures.append(message)
        elif previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield failures
    finally:
        qInstallMessageHandler(previous)


def _child(window: MainWindow, kind: type[W], name: str) -> W:
    """The window's widget of type ``kind`` named ``name`` (it must exist)."""
    widget = window.findChild(kind, name)
    assert isinstance(widget, kind), name
    return widget


def _model(window: MainWindow, which: str) -> QAbstractItemModel:
    if which == "breakdown":
        return window.breakdown_model
    return _room_panel(window, which).model


def _room_panel(window: MainWindow, service: str) -> RoomPanel:
    panel = window.panel(service)
    assert isinstance(panel, RoomPanel)
    return panel


def _assert_model_shows_the_session(window: MainWindow, which: str) -> None:
    if which == "breakdown":
        lines = window.session.breakdown.lines
        model = window.breakdown_model
        assert model.rowCount() == len(lines)
        assert [model.line(row) for row in range(model.rowCount())] == list(lines)
        return
    panel = _room_panel(window, which)
    room = panel.current_item()
    if room is not None:  # no room of this service: the page says so and the table is hidden
        assert panel.model.room() == room
        assert panel.model.rowCount() == len(room.groups)


# ---------------------------------------------------------------------- edits that move the models


def _breakdown_edits(window: MainWindow, path: Path) -> list[Callable[[], object]]:
    first = next(room.service for room in window.session.scenario.rooms)
    minutes = _room_panel(window, first).minutes.slider
    audio = _room_panel(window, "audio_call")
    video = _room_panel(window, "video_call")
    return [
        lambda: minutes.setValue(minutes.value() + 7),  # same lines, new figures
        lambda: minutes.setValue(3),
        audio.add_button.click,  # a room of another service: lines come and go
        video.add_button.click,
        lambda: _choose(window, "video_call.resolution", "3840x2160"),  # a 4K line appears
        window.undo_action.trigger,
        window.undo_action.trigger,
        window.redo_action.trigger,
        window.files.new_action.trigger,  # blank: no lines at all
        lambda: window.open_file(path),
    ]


def _group_edits(window: MainWindow, service: str, path: Path) -> list[Callable[[], object]]:
    panel = _room_panel(window, service)
    count_key = "audience" if panel.is_live else "participants"
    count = _child(window, QSlider, f"{service}.{count_key}.slider")
    minutes = _child(window, QSlider, f"{service}.minutes.slider")
    steps: list[Callable[[], object]] = []
    if panel.current_item() is None:
        steps.append(panel.add_button.click)  # no room of this service in the example yet
    steps += [
        lambda: count.setValue(count.value() + 1),  # a count cell changes
        lambda: minutes.setValue(minutes.value() + 5),  # the inherited minutes cells change
        panel.groups.add_group.click,  # a row more
        lambda: _edit_label(window, panel, "checked"),  # a cell typed through the delegate
        panel.groups.remove_group.click,  # a row less
        panel.add_button.click,  # another room: the table shows it
        lambda: panel.selector.activated.emit(0),  # and the first again
        window.undo_action.trigger,
        window.undo_action.trigger,
        window.redo_action.trigger,
        window.files.new_action.trigger,
        lambda: window.open_file(path),
    ]
    return steps


def _choose(window: MainWindow, name: str, data: str) -> None:
    combo = _child(window, QComboBox, name)
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _edit_label(window: MainWindow, panel: RoomPanel, text: str) -> None:
    table, model = panel.table, panel.model
    row = model.rowCount() - 1
    index = model.index(row, model.COL_LABEL)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None
    editor.setText(text)
    table.commitData(editor)
    table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    QApplication.processEvents()
    room = panel.current_item()
    assert room is not None and room.groups[row].label == text


@pytest.mark.parametrize("which", MODELS)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_model_holds_together_on_the_example_and_after_edits(
    make_window: Callable[[Path], MainWindow], qtmodeltester: Any, path: Path, which: str
) -> None:
    window = make_window(path)
    model = _model(window, which)
    with qt_tester_failures() as failures:
        QAbstractItemModelTester(
            model, QAbstractItemModelTester.FailureReportingMode.Warning, model
        )
        qtmodeltester.check(model, force_py=True)
        _assert_model_shows_the_session(window, which)
        steps = (
            _breakdown_edits(window, path)
            if which == "breakdown"
            else _group_edits(window, which, path)
        )
        rows_seen = {model.rowCount()}
        for step in steps:
            step()
            _assert_model_shows_the_session(window, which)
            rows_seen.add(model.rowCount())
    assert failures == []
    assert len(rows_seen) > 1  # the edits did add and remove rows under the testers' eyes
