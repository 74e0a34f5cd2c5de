"""Variants through the window: duplicate, rename by typing, change one, switch, delete, undo,
save and open again; the compare view's figures equal the command line's `compare`."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox
from tests_gui_paths import LIVE_SHOPPING

from estimator_gui.files.variants import VARIANTS_MAX
from estimator_gui.gui.app import build_window

ROOT = Path(__file__).resolve().parents[2]


def _type_name(qtbot, window, name: str) -> None:
    line = window.variants_bar.name_edit
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, name)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _ctrl_z(window, shift: bool = False) -> None:
    """Through the window's QWindow, the way a key press from the desktop arrives."""
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Z, modifiers)


def _choose_delivery(qtbot, window, text: str) -> None:
    combo = window.panel("live_video").findChild(QComboBox, "live_video.delivery")
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    combo.setFocus()
    while combo.currentIndex() != index:
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def test_a_what_if_as_a_variant_saved_reopened_and_compared(qtbot, tmp_path) -> None:
    window = build_window(LIVE_SHOPPING)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    bar = window.variants_bar
    base_total = window.session.breakdown.total

    qtbot.mouseClick(bar.duplicate_button, Qt.MouseButton.LeftButton)
    assert window.session.current_variant == 1
    _type_name(qtbot, window, "Viewers on CDN")
    window.show_panel("live_video")
    _choose_delivery(qtbot, window, "Relay to CDN")
    cdn_total = window.session.breakdown.total
    assert cdn_total < base_total
    assert [v.name for v in window.session.variants] == ["Base", "Viewers on CDN"]

    bar.combo.setFocus()  # back to the base with the keyboard: its total comes back
    qtbot.keyClick(bar.combo, Qt.Key.Key_Up)
    assert window.session.current_variant == 0
    assert window.session.breakdown.total == base_total

    # Ctrl+Z undoes the switch, then the delivery in the what-if, where it was made
    _ctrl_z(window)
    assert window.session.current_variant == 1
    _ctrl_z(window)
    assert window.session.breakdown.total == base_total and window.session.current_variant == 1
    _ctrl_z(window, shift=True)
    assert window.session.breakdown.total == cdn_total

    path = tmp_path / "what-ifs.json"
    assert window.save_file(path) and not window.session.modified
    reopened = build_window(path)
    qtbot.addWidget(reopened)
    assert [v.name for v in reopened.session.variants] == ["Base", "Viewers on CDN"]
    assert reopened.session.variants == window.session.variants
    assert reopened.session.breakdown.total == base_total  # the base is shown on opening

    reopened.variants_bar.show_comparison()
    view = reopened.variants_bar._compare.view
    shown = [v.total for v in view.comparison.variants]
    result = subprocess.run(
        [sys.executable, "-m", "estimator_gui", "compare", str(path), "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, check=False, env={"PATH": "/usr/bin"},
    )
    assert result.returncode == 0, result.stderr
    printed = [Decimal(v["total"]) for v in json.loads(result.stdout)["variants"]]
    assert shown == printed == [base_total, cdn_total]

    out = tmp_path / "comparison.pdf"
    assert reopened.variants_bar._compare.export(out) and out.read_bytes().startswith(b"%PDF-")


def test_delete_and_undo_and_at_most_four(qtbot) -> None:
    window = build_window(LIVE_SHOPPING)
    qtbot.addWidget(window)
    bar = window.variants_bar
    for _ in range(VARIANTS_MAX - 1):
        qtbot.mouseClick(bar.duplicate_button, Qt.MouseButton.LeftButton)
    assert len(window.session.variants) == VARIANTS_MAX
    assert not bar.duplicate_button.isEnabled()
    names = [v.name for v in window.session.variants]
    assert len({n.casefold() for n in names}) == VARIANTS_MAX
    qtbot.mouseClick(bar.delete_button, Qt.MouseButton.LeftButton)
    assert len(window.session.variants) == VARIANTS_MAX - 1 and bar.duplicate_button.isEnabled()
    window.session.undo_stack.undo()
    assert [v.name for v in window.session.variants] == names


def test_a_name_taken_twice_is_refused_and_the_old_one_kept(qtbot) -> None:
    window = build_window(LIVE_SHOPPING)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.variants_bar.duplicate_button, Qt.MouseButton.LeftButton)
    before = [v.name for v in window.session.variants]
    _type_name(qtbot, window, "base")
    QApplication.processEvents()
    assert [v.name for v in window.session.variants] == before
    assert "variants" in window.session.refusals
    assert window.statusBar().currentMessage()  # says why, naming the name


def test_an_empty_name_is_refused_with_a_message_and_the_old_one_kept(qtbot) -> None:
    window = build_window(LIVE_SHOPPING)
    qtbot.addWidget(window)
    window.show()
    line = window.variants_bar.name_edit
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert [v.name for v in window.session.variants] == ["Base"]
    assert window.statusBar().currentMessage() == "A variant needs a name."
    assert line.text() == "Base"


def test_the_comparison_charts_count_in_round_steps_and_follow_an_edit(qtbot) -> None:
    """Their value axes read 0, 10,000, ... 40,000 (they read 39012, 29259, ... before), and
    after an edit in the window the axes fit the new totals, not the old ones."""
    from PySide6.QtCharts import QValueAxis

    from estimator_gui.gui.chart import nice_scale

    window = build_window(LIVE_SHOPPING)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    bar = window.variants_bar
    qtbot.mouseClick(bar.duplicate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.compare_button, Qt.MouseButton.LeftButton)
    view = bar._compare.view

    def axis_top(chart) -> float:  # type: ignore[no-untyped-def]
        (axis,) = [a for a in chart.axes(Qt.Orientation.Vertical) if isinstance(a, QValueAxis)]
        return axis.max()

    totals = [v.total for v in view.comparison.variants]
    assert axis_top(view.totals_chart) == float(nice_scale(max(totals)).maximum) == 40_000.0
    # the what-if runs its shows 26 days instead of 13: its total doubles, the axes follow
    panel = window.show_panel("live_video")
    days = panel.findChild(QSpinBox, "live_video.days.spin")
    days.setFocus()
    days.selectAll()
    qtbot.keyClicks(days, "26")
    qtbot.keyClick(days, Qt.Key.Key_Return)
    QApplication.processEvents()
    totals = [v.total for v in view.comparison.variants]
    assert totals[1] > 70_000 > totals[0]
    assert axis_top(view.totals_chart) == float(nice_scale(max(totals)).maximum) == 80_000.0
