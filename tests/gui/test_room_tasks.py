"""A room records every session (and mixes it for a CDN) without retyping, and the robot's own
minutes are an explicit choice that moves exactly the robot's usage."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox

from estimator_gui.pricing import price


def _robot_usages(breakdown):  # type: ignore[no-untyped-def]
    return [u for line in breakdown.lines for u in line.usages if u.role == "robot"]


def test_record_every_session_follows_the_room(window, qtbot):
    panel = window.show_panel("video_call")
    box = panel.findChild(QCheckBox, "video_call.record")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    room = window.session.scenario.rooms[0]
    assert room.record is not None and room.record.robot == "billed"
    assert window.tabs.tabText(1) == "Video call (1)"  # no task typed on another tab
    robots = [
        u for u in _robot_usages(window.current_breakdown()) if u.source.startswith("rooms[0]")
    ]
    assert robots and all(
        u.seconds == room.rooms_per_day * room.days * room.seconds for u in robots
    )
    # The session slider moves the recording too: the task follows the room's minutes.
    before = window.current_breakdown()
    panel.minutes.spin.setValue(60)
    after = window.current_breakdown()
    recording = [line for line in after.lines if line.section == "recording"]
    assert sum(line.minutes for line in recording) > sum(
        line.minutes for line in before.lines if line.section == "recording"
    )


def test_files_to_vod_removes_exactly_the_robots_minutes(window, qtbot):
    panel = window.show_panel("video_call")
    qtbot.mouseClick(panel.findChild(QCheckBox, "video_call.record"), Qt.MouseButton.LeftButton)
    billed = window.current_breakdown()
    robot = next(u for u in _robot_usages(billed) if u.source.startswith("rooms[0].record"))
    line = next(line for line in billed.lines if robot in line.usages)
    combo = panel.findChild(QComboBox, "video_call.record.robot")
    combo.setCurrentIndex(combo.findData("files_to_vod"))
    combo.activated.emit(combo.currentIndex())
    vod = window.current_breakdown()
    assert window.session.scenario.rooms[0].record.robot == "files_to_vod"
    assert not [u for u in _robot_usages(vod) if u.source.startswith("rooms[0].record")]
    after = next(x for x in vod.lines if x.category == line.category)
    # Only the robot's seconds leave that line; every other line is as it was.
    assert line.seconds - after.seconds == robot.seconds
    others = [(x.category, x.gross) for x in billed.lines if x.category != line.category]
    assert others == [(x.category, x.gross) for x in vod.lines if x.category != line.category]
    assert vod == price(window.session.scenario, window.session.rate_card)


def test_a_task_states_its_robot(window):
    panel = window.show_panel("recording")
    combo = panel.findChild(QComboBox, "recording.robot")
    assert combo.currentData() == "not_stated"  # the example, an older file: priced as before
    before = window.current_breakdown().total
    combo.setCurrentIndex(combo.findData("billed"))
    combo.activated.emit(combo.currentIndex())
    assert window.session.scenario.recording[0].robot == "billed"
    assert window.current_breakdown().total > before
    window.undo_action.trigger()
    assert window.current_breakdown().total == before
    assert Decimal(0) < before
