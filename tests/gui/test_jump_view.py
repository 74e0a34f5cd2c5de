"""Where the price jumps (gui/jump_view.py): opened from the keyboard on the room in view, its
chart is price_curve's points, a jump is marked where the tier changes (the 5th 720p stream: 2K
to 4K), the current value is shown, and an edit of the room redraws it."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSpinBox
from tests_gui_paths import LIVE_SHOPPING, TEAM_MEETINGS, TUTORING

from estimator_gui.gui.jump_view import JumpDialog
from estimator_gui.gui.jump_words import change_text, input_name, value_text
from estimator_gui.gui.labels import tier_name
from estimator_gui.gui.main_window import MainWindow
from estimator_gui.pricing.jumps import (
    MINUTES,
    PARTICIPANTS,
    RECEIVES,
    RESOLUTION,
    VIEWERS,
    Curve,
    curve_values,
    price_curve,
)


def _shown(window: MainWindow, qtbot: Any) -> MainWindow:
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def _select_room(qtbot: Any, window: MainWindow, service: str, position: int) -> None:
    """Pick a room in the tab's selector with the keyboard, as a person does."""
    panel = window.show_panel(service)
    selector = panel.selector  # type: ignore[attr-defined]
    selector.setFocus()
    while selector.currentIndex() < position:
        qtbot.keyClick(selector, Qt.Key.Key_Down)
    assert selector.currentIndex() == position


def _press_ctrl_j(window: MainWindow, qtbot: Any) -> JumpDialog:
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(JumpDialog, "jump_dialog")
    assert isinstance(dialog, JumpDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _pick_input(qtbot: Any, dialog: JumpDialog, kind: str) -> None:
    """Walk the input list with the arrow keys until ``kind`` is chosen."""
    combo = dialog.input_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _step in range(combo.count()):
        if combo.currentData() == kind:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == kind
    assert dialog.kind == kind


def _expected(window: MainWindow, dialog: JumpDialog) -> Curve:
    session = window.session
    scenario, card = session.scenario, session.rate_card
    values = curve_values(scenario, card, dialog.room_index, dialog.kind)
    return price_curve(
        scenario, card, dialog.room_index, dialog.kind, values, session.pricing.options
    )


def _x(curve: Curve, value: object) -> float:
    if dialog_kind_is_resolution(curve):
        return float([p.value for p in curve.points].index(value))
    assert isinstance(value, int)
    return float(value)


def dialog_kind_is_resolution(curve: Curve) -> bool:
    return curve.input_kind == RESOLUTION


def _assert_drawn(window: MainWindow, dialog: JumpDialog, gross: bool = False) -> Curve:
    """The chart shows exactly price_curve's points, a marker on the far side of each jump with
    its tiers and change, and the current value."""
    curve = _expected(window, dialog)
    assert dialog.curve == curve
    drawn = [(p.x(), p.y()) for p in dialog.chart.line.points()]
    assert drawn == [
        (_x(curve, p.value), float(p.gross if gross else p.total)) for p in curve.points
    ]
    by_value = {p.value: p for p in curve.points}
    marked = [(p.x(), p.y()) for p in dialog.chart.jumps.points()]
    assert marked == [
        (_x(curve, j.after), float(by_value[j.after].gross if gross else j.total_after))
        for j in curve.jumps
    ]
    labels = [item.text() for item in dialog.chart.labels]
    for jump, label in zip(curve.jumps, labels, strict=False):
        assert tier_name(jump.to_tier or "") in label and tier_name(jump.from_tier or "") in label
    assert dialog.table.rowCount() == len(curve.jumps)
    assert curve.current is not None
    now = by_value[curve.current]
    assert [(p.x(), p.y()) for p in dialog.chart.now.points()] == [
        (_x(curve, curve.current), float(now.gross if gross else now.total))
    ]
    assert labels[-1] == f"Now: {value_text(curve.current)}"
    return curve


def test_ctrl_j_opens_on_the_room_in_view_and_marks_the_fifth_720p_stream(make_window, qtbot):
    """Tutoring's lesson room watches one 720p camera: the 5th moves the group from 2K to 4K,
    marked at 5 with the total's change; the current value (1 camera) is marked and said."""
    window = _shown(make_window(TUTORING), qtbot)
    dialog = _press_ctrl_j(window, qtbot)
    assert dialog.room_index == 0
    room = window.session.scenario.rooms[0]
    offered = [dialog.input_combo.itemData(i) for i in range(dialog.input_combo.count())]
    assert offered == [PARTICIPANTS, RECEIVES, RESOLUTION, MINUTES]  # a call has no viewers
    _pick_input(qtbot, dialog, RECEIVES)
    curve = _assert_drawn(window, dialog)
    (fifth,) = [j for j in curve.jumps if j.after == 5]
    assert (fifth.before, fifth.from_tier, fifth.to_tier) == (4, "2K", "4K")
    assert fifth.total_after > fifth.total_before
    row = curve.jumps.index(fifth)
    assert dialog.chart.labels[row].text() == f"5: 2K \u2192 4K, {change_text(fifth.percent)}"
    assert dialog.table.item(row, 0).text() == "4 \u2192 5"
    assert dialog.table.item(row, 1).text() == "2K \u2192 4K"
    assert dialog.table.item(row, 4).text().startswith("+")
    assert dialog.summary.text().startswith(f"{input_name(room, RECEIVES)} now: 1;")
    assert "10" in dialog.note.text()  # 10 cameras: above the top tier, no price


def test_the_menu_opens_it_on_the_selected_live_room_and_offers_what_applies(make_window, qtbot):
    """Live shopping: the first room's viewers are priced by a resolution mix, so its curve
    offers anchors, viewers and minutes only; the second room's viewers watch through a CDN,
    which bills them, so their streams and resolution are not offered (no TRTC price moves)."""
    window = _shown(make_window(LIVE_SHOPPING), qtbot)
    window.show_panel("live_video")
    # Alt+E opens the Edit menu; J, the item's underlined letter, chooses it.
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().isVisible()]
    assert any(a.objectName() == "jump_view_action" for a in menu.actions())
    qtbot.keyClick(menu, Qt.Key.Key_J)
    dialog = window.findChild(JumpDialog, "jump_dialog")
    assert isinstance(dialog, JumpDialog)
    qtbot.waitExposed(dialog)
    offered = [dialog.input_combo.itemData(i) for i in range(dialog.input_combo.count())]
    assert (dialog.room_index, offered) == (0, [PARTICIPANTS, VIEWERS, MINUTES])
    _pick_input(qtbot, dialog, VIEWERS)
    curve = _assert_drawn(window, dialog)
    assert curve.current == 20_000 and not curve.jumps
    dialog.close()

    _select_room(qtbot, window, "live_video", 1)
    dialog = _press_ctrl_j(window, qtbot)
    assert dialog.room_index == 1
    offered = [dialog.input_combo.itemData(i) for i in range(dialog.input_combo.count())]
    assert RECEIVES not in offered and RESOLUTION not in offered and VIEWERS in offered
    _pick_input(qtbot, dialog, VIEWERS)
    curve = _assert_drawn(window, dialog)
    assert curve.current == 5_000 and not curve.jumps
    assert not dialog.chart.jumps.points()
    # the CDN bills these viewers: their number moves no TRTC price, and the note says so
    assert len({p.total for p in curve.points}) == 1
    assert "This input does not change the month's price." in dialog.note.text()


def test_an_edit_of_the_room_redraws_it_and_undo_brings_it_back(make_window, qtbot):
    """Team meetings' stand-up watches five 320x180 cameras; the 17th makes it FHD (17 x 57,600
    px > 921,600). Typing 6 cameras in the room's spin box moves the current value and redraws
    the curve from the new scenario; Ctrl+Z puts both back."""
    window = _shown(make_window(TEAM_MEETINGS), qtbot)
    window.show_panel("video_call")
    dialog = _press_ctrl_j(window, qtbot)
    _pick_input(qtbot, dialog, RECEIVES)
    before = _assert_drawn(window, dialog)
    assert before.current == 5
    assert [(j.before, j.after) for j in before.jumps][1] == (16, 17)
    # All within the free minutes: the gross shows the steps the total hides.
    assert all(p.total == 0 for p in before.points)
    assert "free minutes" in dialog.note.text()
    dialog.gross_box.setFocus()
    qtbot.keyClick(dialog.gross_box, Qt.Key.Key_Space)
    assert dialog.gross_box.isChecked()
    _assert_drawn(window, dialog, gross=True)

    spin = window.findChild(QSpinBox, "video_call.streams.spin")
    assert isinstance(spin, QSpinBox)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "6")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    after = _assert_drawn(window, dialog, gross=True)
    assert after.current == 6 and after != before
    assert dialog.chart.now.points()[0].x() == 6.0

    window.undo_action.trigger()
    assert _assert_drawn(window, dialog, gross=True) == before


def test_a_resolution_curve_names_its_sizes_on_the_axis(make_window, qtbot):
    """The resolution curve's x axis is the list of sizes by name; a jump sits between the
    largest size of one tier and the smallest of the next."""
    window = _shown(make_window(TEAM_MEETINGS), qtbot)
    window.show_panel("video_call")
    dialog = _press_ctrl_j(window, qtbot)
    _pick_input(qtbot, dialog, RESOLUTION)
    curve = _assert_drawn(window, dialog)
    assert dialog.chart.x_axis.categoriesLabels() == [str(p.value) for p in curve.points]
    assert [(j.from_tier, j.to_tier) for j in curve.jumps] == [
        ("HD", "FHD"),
        ("FHD", "2K"),
        ("2K", "4K"),
    ]


def test_it_fits_a_laptop_screen_and_is_not_cut(make_window, qtbot, tmp_path):
    """At 1366x768 every part asks for no more room than it has: the chart, the table and the
    Close button are all inside the dialog."""
    window = _shown(make_window(TUTORING), qtbot)
    dialog = _press_ctrl_j(window, qtbot)
    _pick_input(qtbot, dialog, RECEIVES)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    dialog.resize(1366, 700)
    QApplication.processEvents()
    inside = dialog.rect()
    for widget in (dialog.chart, dialog.table, dialog.note, dialog.input_combo, dialog.gross_box):
        corner = widget.mapTo(dialog, widget.rect().bottomRight())
        assert inside.contains(corner), widget.objectName()
    assert dialog.grab().save(str(tmp_path / "jumps.png"))


def test_a_language_switch_rebuilds_it_on_the_same_room_and_input(make_window, qtbot):
    """The window remakes its widgets in another language; the open dialog does too, keeping
    its room, its input and what it draws."""
    window = _shown(make_window(TEAM_MEETINGS), qtbot)
    _select_room(qtbot, window, "video_call", 1)
    dialog = _press_ctrl_j(window, qtbot)
    _pick_input(qtbot, dialog, RESOLUTION)
    chart = dialog.chart
    try:
        assert window.change_language("ko")
        QApplication.processEvents()
        assert dialog.language == "ko" and dialog.chart is not chart
        assert (dialog.room_index, dialog.kind) == (1, RESOLUTION)
        room = window.session.scenario.rooms[1]
        assert dialog.input_combo.currentText() == input_name(room, RESOLUTION)
        curve = _expected(window, dialog)
        assert [p.y() for p in dialog.chart.line.points()] == [float(p.total) for p in curve.points]
    finally:
        window.change_language("en")


def test_start_up_does_not_import_the_jump_view():
    probe = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from estimator_gui.gui.app import build_window, ensure_application\n"
        "app = ensure_application()\n"
        f"window = build_window({str(TUTORING)!r})\n"
        "window.show(); app.processEvents()\n"
        "print('estimator_gui.gui.jump_view' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False"
