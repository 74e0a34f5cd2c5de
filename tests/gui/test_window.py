"""The window driven through its real widgets: sliders, spin boxes, table cells, menus."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from msgspec.structs import replace
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSlider, QSpinBox

from estimator_gui.files.resources import resource
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.gui.breakdown_model import BreakdownTableModel
from estimator_gui.gui.locale_format import format_money
from estimator_gui.pricing import price
from estimator_gui.pricing.scenario import Resolution
from estimator_gui.pricing.shares import gross_by_service_and_tier

TUTORING = resource("examples", "tutoring.json")


def _line_row(window, section: str, tier: str) -> int:
    model = window.breakdown_model
    for row in range(model.rowCount()):
        line = model.line(row)
        if line.section == section and line.tier == tier:
            return row
    raise AssertionError(f"no {section}.{tier} line")


def test_slider_reprices_table_totals_and_chart(window):
    """Moving a slider prices the new scenario once and every view shows that breakdown."""
    session = window.session
    expected_scenario = replace(
        session.scenario,
        rooms=(replace(session.scenario.rooms[0], rooms_per_day=60), *session.scenario.rooms[1:]),
    )
    expected = price(expected_scenario, session.rate_card)
    seen = []
    session.breakdown_changed.connect(seen.append)

    window.findChild(QSlider, "video_call.rooms_per_day.slider").setValue(60)

    assert seen == [expected]
    assert window.current_breakdown() == expected
    assert window.findChild(QSpinBox, "video_call.rooms_per_day.spin").value() == 60
    model = window.breakdown_model
    row = _line_row(window, "duration", "HD")
    hd = expected.lines[row]
    assert model.index(row, model.COL_GROSS).data() == format_money(hd.gross)
    assert model.index(row, model.COL_NET).data(BreakdownTableModel.ValueRole) == hd.net
    assert window.totals.total.text() == f"{format_money(expected.total)} USD"
    amounts = gross_by_service_and_tier(expected)
    video_hd = window.chart.bar_sets()["HD"].at(window.chart.services.index("video_call"))
    assert video_hd == pytest.approx(float(amounts[("video_call", "HD")]))
    assert window.chart.amount("video_call", "HD") == amounts[("video_call", "HD")]


def test_same_value_does_not_reprice(window):
    seen = []
    window.session.breakdown_changed.connect(seen.append)
    slider = window.findChild(QSlider, "video_call.days.slider")
    slider.setValue(slider.value())
    assert window.session.request(window.session.scenario, "nothing")
    assert window.session.undo_stack.count() == 0
    assert seen == []


def test_typing_in_a_spin_box_changes_the_participants(window, qtbot):
    spin = window.findChild(QSpinBox, "video_call.participants.spin")
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    assert window.session.scenario.rooms[0].groups[0].count == 2  # not yet: still typing
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    group = window.session.scenario.rooms[0].groups[0]
    assert group.count == 3
    assert window.findChild(QSlider, "video_call.participants.slider").value() == 3
    assert window.current_breakdown() == price(window.session.scenario, window.session.rate_card)


def test_table_cell_edit_through_the_delegate(window, qtbot):
    """Typing '2 x 1280x720' in the Receives cell makes that group FHD, with its working."""
    window.show()
    qtbot.waitExposed(window)
    panel = window.panel("video_call")
    table, model = panel.table, panel.model
    index = model.index(0, model.COL_VIDEO)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None
    assert editor.text() == "1280x720"
    editor.selectAll()
    qtbot.keyClicks(editor, "2 x 1280x720")
    table.commitData(editor)  # what Return or leaving the cell does: the delegate writes it
    group = window.session.scenario.rooms[0].groups[0]
    assert group.receives == (Resolution(1280, 720),) * 2
    working = model.index(0, model.COL_WORKING).data()
    assert "receives 2 x 1280x720 = 1,843,200 px \u2192 FHD" in working
    assert any(
        line.tier == "FHD" and "video_call" in line.services
        for line in window.current_breakdown().lines
    )


def test_role_column_edits_through_a_combo_box(window):
    panel = window.panel("live_video")
    model = panel.model
    index = model.index(1, model.COL_ROLE)  # the audience of the Friday show
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    combo = panel.table.findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findData("robot"))
    panel.table.commitData(combo)
    assert window.session.scenario.rooms[1].groups[1].role == "robot"


def test_sliders_and_table_are_two_views_of_one_scenario(window):
    panel = window.panel("video_call")
    window.findChild(QSlider, "video_call.participants.slider").setValue(7)
    assert panel.model.index(0, panel.model.COL_COUNT).data() == "7"
    assert panel.model.setData(panel.model.index(0, panel.model.COL_COUNT), 9)
    assert window.findChild(QSpinBox, "video_call.participants.spin").value() == 9


def test_streams_and_resolution_inputs_show_the_working(window):
    panel = window.panel("video_call")
    window.findChild(QSlider, "video_call.streams.slider").setValue(5)
    assert panel.video_working.text().startswith(
        "Participant: receives 5 x 1280x720 = 4,608,000 px \u2192 4K"
    )
    combo = window.findChild(QComboBox, "video_call.resolution")
    combo.activated.emit(combo.findData("640x360"))
    assert window.session.scenario.rooms[0].groups[0].receives == (Resolution(640, 360),) * 5


def test_contract_discount_and_threshold_notice(window):
    totals = window.totals
    assert window.current_breakdown().contract_discount_eligible
    assert not totals.contract_notice.isHidden()
    assert "3,000 USD" in totals.contract_notice.text()
    totals.discount_spin.setValue(10)
    breakdown = window.current_breakdown()
    assert breakdown.discount_percent == Decimal("10")
    assert breakdown.total == breakdown.subtotal - breakdown.subtotal / 10
    assert totals.total.text() == f"{format_money(breakdown.total)} USD"


def test_below_the_threshold_the_notice_is_hidden(make_window, tmp_path):
    small = tmp_path / "small.json"
    small.write_text(
        '{"format": "trtc-estimate/1", "rooms": [{"service": "audio_call", "rooms_per_day": 1,'
        ' "days": 1, "minutes": 30, "groups": [{"role": "participant", "count": 3}]}]}'
    )
    window = make_window(small)
    assert not window.current_breakdown().contract_discount_eligible
    assert window.totals.contract_notice.isHidden()
    assert window.tabs.currentIndex() == 0  # the first panel with a room


def test_every_room_of_a_file_is_kept_and_editable(make_window, tmp_path):
    two = tmp_path / "two.json"
    two.write_text(
        '{"format": "trtc-estimate/1", "rooms": ['
        '{"service": "video_call", "label": "A", "rooms_per_day": 1, "days": 1, "minutes": 10,'
        ' "groups": [{"role": "participant", "count": 2, "receives": ["640x360"]}]},'
        '{"service": "audio_call", "label": "B", "rooms_per_day": 2, "days": 2, "minutes": 20,'
        ' "groups": [{"role": "participant", "count": 3}]},'
        '{"service": "video_call", "label": "C", "rooms_per_day": 3, "days": 3, "minutes": 30,'
        ' "groups": [{"role": "participant", "count": 4, "receives": ["1280x720"]}]}]}'
    )
    window = make_window(two)
    panel = window.panel("video_call")
    assert [panel.selector.itemText(i) for i in range(panel.selector.count())] == ["A", "C"]
    panel.selector.activated.emit(1)
    assert window.findChild(QSpinBox, "video_call.rooms_per_day.spin").value() == 3
    window.findChild(QSlider, "video_call.rooms_per_day.slider").setValue(8)
    rooms = window.session.scenario.rooms
    assert [(r.label, r.rooms_per_day) for r in rooms] == [("A", 1), ("B", 2), ("C", 8)]
    out = tmp_path / "out.json"
    assert window.save_file(out)
    assert read_scenario(out) == window.session.scenario


def test_add_and_remove_rooms_and_groups(window):
    panel = window.panel("audio_call")
    assert panel.stack.currentIndex() == 0  # the tutoring example has no audio call
    panel.add_button.click()
    rooms = [r for r in window.session.scenario.rooms if r.service == "audio_call"]
    assert len(rooms) == 1 and panel.stack.currentIndex() == 1
    panel.groups.add_group.click()
    room = next(r for r in window.session.scenario.rooms if r.service == "audio_call")
    assert len(room.groups) == 2
    panel.remove_button.click()
    assert not any(r.service == "audio_call" for r in window.session.scenario.rooms)


def test_recording_panel_edits_the_task(window):
    window.panel("recording").findChild(QSlider, "recording.streams.slider").setValue(1)
    task = window.session.scenario.recording[0]
    assert task.records == (Resolution(1280, 720),)
    assert (
        window.panel("recording")
        .working.text()
        .startswith("Each task records 1280x720 = 921,600 px \u2192 HD")
    )


def test_relay_by_minutes(window):
    relay = window.panel("mixing_relay").relay
    relay.mode.setCurrentIndex(2)
    relay.mode.activated.emit(2)
    relay.amount.setValue(3000)
    line = window.current_breakdown().lines[-1]
    assert (line.section, line.price_list, line.quantity) == ("relay", "duration", Decimal(3000))


def test_group_mix_control_rebalances_and_reprices(window):
    panel = window.panel("live_video")
    panel.table.selectRow(1)  # audience: mix HD 70, FHD 30
    assert not panel.mix_editor.control.isHidden()
    window.findChild(QSlider, "live_video.group.mix.HD.slider").setValue(50)
    mix = dict(window.session.scenario.rooms[1].groups[1].mix)
    assert mix == {"HD": Decimal(50), "FHD": Decimal(50)}
    lock = window.findChild(type(panel.mix_editor.switch), "live_video.group.mix.FHD.lock")
    lock.setChecked(True)
    window.findChild(QSlider, "live_video.group.mix.4K.slider").setValue(20)
    mix = dict(window.session.scenario.rooms[1].groups[1].mix)
    assert mix == {"HD": Decimal(30), "FHD": Decimal(50), "4K": Decimal(20)}
    assert any(line.tier == "4K" for line in window.current_breakdown().lines)


def test_chart_hover_shows_the_value(window):
    chart = window.chart
    bar_set = chart.bar_sets()["FHD"]
    index = chart.services.index("live_video")
    chart._on_bar_hovered(True, index, bar_set)
    expected = format_money(chart.amount("live_video", "FHD"))
    assert chart.hover_text == f"Live video \u00b7 FHD: {expected} USD"
    chart._on_bar_hovered(False, index, bar_set)
    assert chart.hover_text == ""


def test_chart_series_are_parented(window):
    series = window.chart.chart().series()
    assert series and all(s.parent() is not None for s in series)
    assert all(s.parent() is not None for s in window.chart.bar_sets().values())


def test_open_refuses_a_corrupt_file_and_keeps_the_scenario(window, tmp_path, no_modal_dialogs):
    before = window.session.scenario
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "trtc-estimate/1", "rooms": [')
    assert not window.open_file(bad)
    assert window.session.scenario is before
    assert not window.banner.isHidden()
    assert "is not valid JSON" in window.banner.text()


def test_open_and_save_round_trip(window, tmp_path):
    out = tmp_path / "saved.json"
    window.findChild(QSlider, "video_call.days.slider").setValue(20)
    assert window.save_file(out)
    assert read_scenario(out) == window.session.scenario
    assert not window.isWindowModified()
    assert window.open_file(TUTORING)
    assert window.session.scenario == read_scenario(TUTORING)


def test_cameras_on_at_once_is_optional_and_does_not_change_the_price(window, tmp_path):
    """A file without 'publishers' saves without it; a stated number is kept; 0 is not stated."""
    spin = window.findChild(QSpinBox, "video_call.publishers.spin")
    assert spin.value() == 0 and spin.text() == "Not stated"
    untouched = tmp_path / "untouched.json"
    assert window.save_file(untouched)
    assert all("publishers" not in room for room in json.loads(untouched.read_text())["rooms"])

    total = window.current_breakdown().total
    window.findChild(QSlider, "video_call.publishers.slider").setValue(2)
    assert window.session.scenario.rooms[0].publishers == 2
    assert window.current_breakdown().total == total
    stated = tmp_path / "stated.json"
    assert window.save_file(stated)
    assert json.loads(stated.read_text())["rooms"][0]["publishers"] == 2
    assert read_scenario(stated) == window.session.scenario

    spin.setValue(0)
    assert window.session.scenario.rooms[0].publishers is None
    assert spin.text() == "Not stated"
    assert window.open_file(stated)
    assert spin.value() == 2


def test_twenty_thousand_slider_moves_do_not_crash(window):
    slider = window.findChild(QSlider, "video_call.minutes.slider")
    app = QApplication.instance()
    for move in range(20_000):
        slider.setValue(1 + move % slider.maximum())
        if move % 500 == 0:
            app.processEvents()
    app.processEvents()
    assert window.current_breakdown() == price(window.session.scenario, window.session.rate_card)
    assert window.session.scenario.rooms[0].seconds == Decimal(60 * (1 + 19_999 % 240))
