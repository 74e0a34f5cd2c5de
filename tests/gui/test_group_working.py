"""Under each groups table: the selected group's full working, its tier warning, and the
resolution-mix control; and a mix typed into the table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from msgspec.structs import replace
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QSlider, QSpinBox, QTableView
from test_layout import LAPTOP, _label_clipped
from tests_gui_paths import LIVE_SHOPPING, TEAM_MEETINGS

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.gui.group_model import GroupTableModel
from estimator_gui.gui.resolution_mix import ResolutionMixWidget
from estimator_gui.pricing import Group, InputError, Resolution, Room
from estimator_gui.pricing.scenario import TIERS

HD_720 = Resolution(1280, 720)


def _click_row(qtbot, panel, row: int) -> None:
    index = panel.model.index(row, panel.model.COL_COUNT)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_working_follows_the_selection(window, qtbot):
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    window.show_panel("live_video")
    panel = window.panel("live_video")
    panel.pages.setCurrentIndex(1)  # the Groups page
    assert panel.table.currentIndex().row() == 1  # the audience, the group the sliders drive
    assert panel.group_working.text() == "Audience: receives a mix of HD 70%, FHD 30%"
    # However wide the table's Working cell is, the label under it shows all of the working.
    assert _label_clipped(panel.group_working) == ""
    _click_row(qtbot, panel, 0)
    assert panel.table.currentIndex().row() == 0
    assert panel.group_working.text() == "Anchor: receives no video: billed as audio"
    assert panel.group_warning.isHidden()


def test_a_long_working_is_shown_whole(make_window, qtbot):
    window = make_window(TEAM_MEETINGS)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    window.show_panel("video_call")
    panel = window.panel("video_call")
    panel.pages.setCurrentIndex(1)  # the Groups page
    panel.select(1)  # the weekly demo: a presenter and five viewers
    _click_row(qtbot, panel, 1)
    QApplication.processEvents()
    text = "viewer (screen + presenter + 4 thumbnails): receives 1280x720 + 5 x 320x180"
    assert panel.group_working.text() == f"{text} = 1,209,600 px \u2192 FHD"
    assert _label_clipped(panel.group_working) == ""


def test_the_working_follows_every_change(window):
    panel = window.panel("video_call")
    assert panel.group_working.text() == "Participant: receives 1280x720 = 921,600 px \u2192 HD"
    assert panel.group_warning.text() == "\u26a0 one more 1280x720 stream moves it to FHD"
    assert not panel.group_warning.isHidden()
    model = panel.model
    # Typed in the table: four small cameras, one step from FHD.
    assert model.setData(model.index(0, model.COL_VIDEO), "4 x 640x360")
    assert panel.group_working.text() == (
        "Participant: receives 4 x 640x360 = 921,600 px \u2192 HD"
    )
    assert not panel.group_warning.isHidden()
    assert panel.group_warning.text() == "\u26a0 one more 640x360 stream moves it to FHD"
    # Dragged on a slider: the fifth camera crosses into FHD and the warning goes.
    window.findChild(QSlider, "video_call.streams.slider").setValue(5)
    assert panel.group_working.text() == (
        "Participant: receives 5 x 640x360 = 1,152,000 px \u2192 FHD"
    )
    assert panel.group_warning.isHidden()
    # A label typed in the table names the group.
    assert model.setData(model.index(0, model.COL_LABEL), "student")
    assert panel.group_working.text().startswith("student: receives 5 x 640x360")


def test_the_working_of_a_group_with_no_selection(window):
    panel = window.panel("video_call")
    panel.table.selectionModel().clearCurrentIndex()
    assert panel.group_working.text().startswith("Select a group")
    assert not panel.mix_editor.isEnabled()


# ---------------------------------------------------------------------- the resolution-mix control


def _mix(**shares: int) -> tuple[tuple[str, Decimal], ...]:
    names = {"K2": "2K", "K4": "4K"}
    return tuple((names.get(tier, tier), Decimal(share)) for tier, share in shares.items())


@pytest.fixture
def mix_control(qtbot) -> ResolutionMixWidget:  # type: ignore[no-untyped-def]
    control = ResolutionMixWidget("test.mix")
    qtbot.addWidget(control)
    control.set_mix(_mix(HD=70, FHD=30))
    control.show()
    qtbot.waitExposed(control)
    return control


def _edited(control: ResolutionMixWidget) -> list[object]:
    emitted: list[object] = []
    control.mix_edited.connect(emitted.append)
    return emitted


def _type_share(qtbot, spin: QSpinBox, text: str, *, enter: bool = True) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)
    if enter:
        qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_typing_2k_50_takes_it_from_hd_and_fhd_only(mix_control, qtbot):
    """Issue 7: from HD 70 / FHD 30, typing 2K = 50 gives HD 35, FHD 15, 2K 50 (the old control
    spread 12-13% into audio and 4K). The spin box commits on Enter, not on each keystroke."""
    emitted = _edited(mix_control)
    spin = mix_control.spins["2K"]
    _type_share(qtbot, spin, "50", enter=False)
    assert emitted == []  # "5" on the way to "50" is not an edit
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert emitted == [_mix(HD=35, FHD=15, K2=50)]
    assert mix_control.mix() == _mix(HD=35, FHD=15, K2=50)
    shown = {tier: mix_control.sliders[tier].value() for tier in TIERS}
    assert shown == {"audio": 0, "HD": 35, "FHD": 15, "2K": 50, "4K": 0}
    assert mix_control.clamp_note.isHidden()


def test_a_share_typed_then_left_commits_when_the_focus_moves(mix_control, qtbot):
    emitted = _edited(mix_control)
    _type_share(qtbot, mix_control.spins["FHD"], "40", enter=False)
    assert emitted == []
    qtbot.keyClick(mix_control.spins["FHD"], Qt.Key.Key_Tab)
    assert emitted == [_mix(HD=60, FHD=40)]


def test_a_drag_step_by_step_gives_what_typing_gives_and_back_restores(mix_control, qtbot):
    """Fifty one-percent steps of the 2K slider end where typing 50 does, and fifty steps back
    restore HD 70 / FHD 30 exactly: whole-percent rounding does not pile up along the way."""
    emitted = _edited(mix_control)
    slider = mix_control.sliders["2K"]
    slider.setFocus()
    for _ in range(50):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert len(emitted) == 50
    assert emitted[-1] == _mix(HD=35, FHD=15, K2=50)
    assert all(dict(mix).keys() <= {"HD", "FHD", "2K"} for mix in emitted)
    for _ in range(50):
        qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert emitted[-1] == _mix(HD=70, FHD=30)


def test_lowering_the_only_share_is_held_and_says_what_to_do(mix_control, qtbot):
    """HD 100 lowered to 60 has nowhere to put the 40 without inventing a share: it stays at
    100 and the control says to raise another tier; raising FHD to 40 then takes it from HD."""
    mix_control.set_mix(None)
    emitted = _edited(mix_control)
    _type_share(qtbot, mix_control.spins["HD"], "60")
    assert emitted == []
    assert mix_control.spins["HD"].value() == 100
    assert mix_control.sliders["HD"].value() == 100
    assert not mix_control.clamp_note.isHidden()
    assert mix_control.clamp_note.text() == (
        "No unlocked tier has a share to take it: raise another tier to take time from HD"
    )
    _type_share(qtbot, mix_control.spins["FHD"], "40")
    assert emitted == [_mix(HD=60, FHD=40)]
    assert mix_control.clamp_note.isHidden()


def test_a_locked_share_stays_and_holds_a_raise(mix_control, qtbot):
    mix_control.set_mix(_mix(HD=60, FHD=30, K2=10))
    emitted = _edited(mix_control)
    lock = mix_control.locks["FHD"]
    qtbot.mouseClick(lock, Qt.MouseButton.LeftButton)
    assert lock.isChecked()
    assert not mix_control.spins["FHD"].isEnabled()
    assert not mix_control.sliders["FHD"].isEnabled()
    _type_share(qtbot, mix_control.spins["4K"], "80")
    assert emitted == [_mix(FHD=30, K4=70)]
    assert mix_control.spins["4K"].value() == 70
    assert mix_control.clamp_note.text() == "4K can go up to 70 %: the locked tiers hold the rest"


# ---------------------------------------------------------------------- a mix typed in the table


@pytest.fixture
def group_table(qtbot) -> QTableView:  # type: ignore[no-untyped-def]
    """The groups table over a 1:1 call, with the session's part played by a plain slot."""
    model = GroupTableModel(default_rate_card())
    room = Room("video_call", 40, 22, Decimal(2700), (Group("participant", 2, receives=(HD_720,)),))
    model.show_room(room)

    def take(row: int, group: Group) -> None:
        current = model.room()
        assert current is not None
        groups = list(current.groups)
        groups[row] = group
        model.show_room(replace(current, groups=tuple(groups)))

    model.group_edited.connect(take)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.show()
    qtbot.waitExposed(table)
    return table


def _type_cell(qtbot, table: QTableView, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() == QTableView.State.NoState)  # the commit is queued


def test_a_typed_complete_mix_is_taken_as_it_is(group_table, qtbot):
    model = group_table.model()
    _type_cell(qtbot, group_table, model.COL_VIDEO, "HD 70, FHD 30")
    group = model.room().groups[0]
    assert (group.receives, group.mix) == ((), _mix(HD=70, FHD=30))
    assert model.index(0, model.COL_WORKING).data() == "receives a mix of HD 70%, FHD 30%"
    _type_cell(qtbot, group_table, model.COL_VIDEO, "audio 12.5, 4K 87.5")
    mix = model.room().groups[0].mix
    assert mix == (("audio", Decimal("12.5")), ("4K", Decimal("87.5")))


def test_an_incomplete_typed_mix_is_refused_not_completed(group_table, qtbot):
    model = group_table.model()
    refused: list[InputError] = []
    model.edit_refused.connect(refused.append)
    _type_cell(qtbot, group_table, model.COL_VIDEO, "HD 50, 2K 30")
    assert model.room().groups[0].receives == (HD_720,)
    assert model.room().groups[0].mix is None
    assert [(e.field, e.value, e.code) for e in refused] == [("mix", "HD 50, 2K 30", "mix_not_100")]


def test_a_typed_mix_reads_the_locale_s_decimal_comma(group_table, qtbot):
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        model = group_table.model()
        _type_cell(qtbot, group_table, model.COL_VIDEO, "HD 62,5, FHD 37,5")
        assert model.room().groups[0].mix == (("HD", Decimal("62.5")), ("FHD", Decimal("37.5")))
        _type_cell(qtbot, group_table, model.COL_VIDEO, "2 x 1280x720")
        assert model.room().groups[0].receives == (HD_720, HD_720)
    finally:
        QLocale.setDefault(before)


def test_viewers_on_a_cdn_show_no_tier_nor_a_next_tier_warning(make_window, qtbot):
    """Live shopping's second room sends its viewers through a CDN, which bills them: the
    working under the sliders and in the groups table says so, with no 'one more stream moves it
    to FHD' warning (no TRTC price would move); switching the room to low latency brings both."""
    window = make_window(LIVE_SHOPPING)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    panel = window.show_panel("live_video")
    selector = panel.selector
    selector.setFocus()
    qtbot.keyClick(selector, Qt.Key.Key_Down)  # the CDN room, chosen as a person does
    assert panel.selector.currentIndex() == 1
    cdn = "watches through the CDN, which bills it: no TRTC tier"
    assert panel.video_working.text() == f"web viewers (billed by the CDN): {cdn}"
    panel.pages.setCurrentIndex(1)  # the Groups page
    assert panel.group_working.text().endswith(cdn)
    assert panel.group_warning.isHidden()
    delivery = panel.delivery
    delivery.setFocus()
    low_latency = delivery.findData("low_latency")
    panel.pages.setCurrentIndex(0)
    while delivery.currentIndex() != low_latency:
        qtbot.keyClick(delivery, Qt.Key.Key_Up if delivery.currentIndex() > low_latency
                       else Qt.Key.Key_Down)
    assert window.session.scenario.rooms[1].delivery == "low_latency"
    assert "\u2192 HD" in panel.video_working.text()
    assert "one more 1280x720 stream moves it to FHD" in panel.video_working.text()
    panel.pages.setCurrentIndex(1)
    assert panel.group_working.text().endswith("receives 1280x720 = 921,600 px \u2192 HD")
    assert not panel.group_warning.isHidden()
