"""Each service limit is refused where it is typed, with its reason; the last breakdown stays."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox
from tests_gui_paths import TEAM_MEETINGS

from estimator_gui.gui.inputs import MessageLabel


def _find(window, kind: type, name: str):  # type: ignore[no-untyped-def]
    """The widget ``name`` in its panel, which is built on first use like a tab first shown."""
    key = name.split(".")[0]
    panel = window.panel("mixing_relay" if key in ("transcoding", "relay") else key)
    return panel.findChild(kind, name)


def _type(window, name: str, value: int) -> None:
    _find(window, QSpinBox, f"{name}.spin").setValue(value)


def _message(window, name: str) -> MessageLabel:
    label = _find(window, MessageLabel, f"{name}.message")
    assert label is not None
    return label


def _assert_refused(window, before, name: str, text: str) -> None:
    label = _message(window, name)
    assert not label.isHidden()
    assert text in label.text()
    assert window.current_breakdown() is before
    assert not window.totals.stale.isHidden()


def test_three_hundred_users_in_a_call_room(window):
    before = window.current_breakdown()
    _type(window, "video_call.participants", 301)
    _assert_refused(
        window, before, "video_call.participants", "A call room holds at most 300 users at once"
    )
    assert _find(window, QSpinBox, "video_call.participants.spin").value() == 301
    _type(window, "video_call.participants", 300)
    assert _message(window, "video_call.participants").isHidden()
    assert window.current_breakdown() is not before
    assert window.totals.stale.isHidden()


def test_fifty_cameras_in_a_call_room(window):
    combo = window.panel("video_call").resolution
    combo.lineEdit().setText("320x180")  # small enough that 51 streams stay under the 4K top
    combo.lineEdit().editingFinished.emit()
    before = window.current_breakdown()
    _type(window, "video_call.streams", 51)
    _assert_refused(
        window,
        before,
        "video_call.streams",
        "A call room has at most 50 cameras or microphones on at once",
    )
    assert window.findChild(QSpinBox, "video_call.streams.spin").value() == 51  # not clamped
    assert len(window.session.scenario.rooms[0].groups[0].receives) == 1


def test_fifty_one_streams_typed_in_the_table(window):
    model = window.panel("video_call").model
    before = window.current_breakdown()
    assert not model.setData(model.index(0, model.COL_VIDEO), "51 x 320x180")
    _assert_refused(window, before, "video_call.groups", "nobody receives more than 50 streams")


def test_fifty_one_streams_recorded_together(window):
    before = window.current_breakdown()
    _type(window, "recording.streams", 51)
    _assert_refused(
        window, before, "recording.streams", "A recording task records at most 50 streams together"
    )


def test_fifty_one_cameras_on_at_once(window):
    before = window.current_breakdown()
    _type(window, "video_call.publishers", 51)
    _assert_refused(
        window,
        before,
        "video_call.publishers",
        "A call room has at most 50 cameras or microphones on at once",
    )
    assert window.session.scenario.rooms[0].publishers is None


def test_fifty_one_microphones_on_at_once(make_window):
    window = make_window(TEAM_MEETINGS)
    window.tabs.setCurrentIndex(0)
    label = window.panel("audio_call").findChild(QLabel, "audio_call.publishers.caption")
    assert label.text().replace("&", "") == "Microphones on at once"  # with its Alt shortcut
    before = window.current_breakdown()
    _type(window, "audio_call.publishers", 51)
    _assert_refused(
        window,
        before,
        "audio_call.publishers",
        "A call room has at most 50 cameras or microphones on at once",
    )


def test_more_cameras_on_than_users(window):
    before = window.current_breakdown()
    _type(window, "video_call.publishers", 3)  # the 1:1 lesson room holds 2
    _assert_refused(
        window, before, "video_call.publishers", "More on at once than the users in the room (2)"
    )
    _type(window, "video_call.publishers", 2)
    assert window.session.scenario.rooms[0].publishers == 2
    assert _message(window, "video_call.publishers").isHidden()
    assert window.totals.stale.isHidden()


def test_more_streams_than_cameras_on(window):
    _type(window, "video_call.publishers", 1)
    before = window.current_breakdown()
    _type(window, "video_call.streams", 2)
    _assert_refused(
        window, before, "video_call.streams", "Cameras on at once is set to 1 for this room"
    )


def test_fewer_participants_than_cameras_on(window):
    _type(window, "video_call.publishers", 2)
    before = window.current_breakdown()
    _type(window, "video_call.participants", 1)
    _assert_refused(
        window, before, "video_call.participants", "More on at once than the users in the room (1)"
    )


def test_fifty_co_anchors(window):
    before = window.current_breakdown()
    _type(window, "live_video.anchors", 51)
    _assert_refused(
        window, before, "live_video.anchors", "A live room holds at most 50 co-anchors at once"
    )


def test_a_hundred_thousand_low_latency_viewers_offers_relay_to_cdn(window):
    before = window.current_breakdown()
    _type(window, "live_video.audience", 100_001)
    _assert_refused(
        window,
        before,
        "live_video.audience",
        "Low-latency live streaming takes at most 100,000 viewers a room",
    )
    offer = _find(window, QPushButton, "live_video.switch_to_cdn")
    assert not offer.isHidden()
    offer.click()
    room = window.session.scenario.rooms[1]
    assert room.delivery == "cdn"
    assert sum(g.count for g in room.groups if g.role == "audience") == 100_001
    notices = {n.code for n in window.current_breakdown().notices}
    assert "cdn_audience_not_trtc" in notices
    assert offer.isHidden()
    assert "relayed to a CDN" in window.totals.notices.text()


def test_no_layout_above_the_top_tier_typed_in_the_table(window):
    panel = window.panel("video_call")
    model = panel.model
    before = window.current_breakdown()
    accepted = model.setData(model.index(0, model.COL_VIDEO), "5 x 1920x1080")
    assert not accepted
    _assert_refused(window, before, "video_call.groups", "is above 8,847,360 px")
    assert window.session.scenario.rooms[0].groups[0].receives[0].width == 1280


def test_no_layout_above_the_top_tier_from_the_sliders(window):
    combo = window.panel("video_call").resolution
    combo.activated.emit(combo.findData("4096x2160"))
    before = window.current_breakdown()
    _type(window, "video_call.streams", 2)
    _assert_refused(window, before, "video_call.streams", "no price is published above it")


def test_a_bad_resolution_typed_in_the_picker(window, qtbot):
    before = window.current_breakdown()
    combo = window.panel("video_call").resolution
    combo.lineEdit().setText("wide")
    combo.lineEdit().editingFinished.emit()
    _assert_refused(window, before, "video_call.resolution", "is not a resolution")


def test_twenty_thousand_refusals_and_recoveries_do_not_crash(window):
    spin = _find(window, QSpinBox, "live_video.anchors.spin")
    before = window.current_breakdown()
    for move in range(2_000):
        spin.setValue(51 + move % 3 if move % 2 else 1 + move % 50)
    assert window.current_breakdown() is not before
