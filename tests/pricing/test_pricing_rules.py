"""One test per billing rule of trtc-billing.md sections 2-4, exact Decimal expectations."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pricing_builders import categories, group, line, minutes, priced, room, streams

from estimator_gui.pricing import Group, InputError, RecordingTask, Relay, TranscodingTask


def test_duration_is_per_participant() -> None:
    """The usage of a room is the sum of every user's own duration: 2 rooms a day x 3 days x
    4 users x 10 min = 240 HD minutes."""
    breakdown = priced(room(
        "video_call", group("participant", 4, "640x360"), minutes_each=10, rooms_per_day=2, days=3,
    ))
    assert line(breakdown, "duration", "HD").minutes == 240
    assert breakdown.total == Decimal("0.9576")


def test_a_group_minutes_override_the_room_minutes() -> None:
    """A user's own stay counts, not the room's: 1 user for the room's 30 min + 2 users who stay
    5 min = 40 audio minutes."""
    breakdown = priced(room(
        "audio_call", group("participant", 1), group("participant", 2, seconds=minutes(5)),
        minutes_each=30,
    ))
    assert categories(breakdown) == [("duration", "standard", "audio")]
    assert line(breakdown, "duration", "audio").minutes == 40
    assert breakdown.total == Decimal("0.0396")


def test_a_user_receiving_nothing_pays_audio_for_the_whole_stay() -> None:
    """Publishing only, or receiving no video, is billed as audio (0.99), while viewers of the
    video pay the video tier, and the audio they receive is not billed on top."""
    breakdown = priced(room(
        "video_call", group("participant", 1), group("participant", 2, "1280x720"),
        minutes_each=60,
    ))
    assert categories(breakdown) == [
        ("duration", "standard", "audio"), ("duration", "standard", "HD"),
    ]
    assert line(breakdown, "duration", "audio").minutes == 60
    assert line(breakdown, "duration", "HD").minutes == 120
    assert breakdown.total == Decimal("0.0594") + Decimal("0.4788")


def test_mix_splits_a_group_time_between_tiers() -> None:
    """A resolution mix gives the share of the group's time per tier: 1,000 viewer-minutes at
    HD 70 / FHD 30 = 700 HD + 300 FHD minutes."""
    viewers = Group("audience", 100, mix=(("HD", Decimal(70)), ("FHD", Decimal(30))))
    breakdown = priced(room("live_video", viewers, minutes_each=10))
    assert line(breakdown, "duration", "HD").minutes == 700
    assert line(breakdown, "duration", "FHD").minutes == 300
    assert breakdown.total == Decimal("2.793") + Decimal("2.697")


def test_video_live_component_list_applies_to_the_audience_only() -> None:
    """With audience_price_list video_live_component, role audience pays the cheaper list
    (FHD 4.50) while anchors and robots in the same room pay the standard list (FHD 8.99)."""
    breakdown = priced(room(
        "live_video",
        group("anchor", 2, "1920x1080"),
        group("robot", 1, "1920x1080"),
        group("audience", 10, "1920x1080"),
        minutes_each=100, audience_price_list="video_live_component",
    ))
    assert categories(breakdown) == [
        ("duration", "standard", "FHD"), ("duration", "video_live_component", "FHD"),
    ]
    standard = line(breakdown, "duration", "FHD")
    component = line(breakdown, "duration", "FHD", "video_live_component")
    assert (standard.minutes, standard.unit_price) == (300, Decimal("8.99"))
    assert (component.minutes, component.unit_price) == (1000, Decimal("4.50"))
    assert breakdown.total == Decimal("2.697") + Decimal("4.5")


def test_video_live_component_audio_audience_uses_the_component_audio_price() -> None:
    """The component's audience list has its own audio price (0.5 per 1,000 minutes)."""
    breakdown = priced(room(
        "live_video", group("audience", 10), minutes_each=100,
        audience_price_list="video_live_component",
    ))
    assert line(breakdown, "duration", "audio", "video_live_component").unit_price == Decimal("0.5")
    assert breakdown.total == Decimal("0.5")


def test_several_component_anchors_without_mixing_are_flagged() -> None:
    """More than one component anchor means a mixed stream, and mixing is billed: say so."""
    breakdown = priced(room(
        "live_video", group("anchor", 2), group("audience", 10, "1280x720"),
        audience_price_list="video_live_component",
    ))
    assert [n.code for n in breakdown.notices] == ["component_mixing_not_listed"]
    assert dict(breakdown.notices[0].values) == {"anchors": "2"}


def test_cdn_audience_is_not_trtc_duration() -> None:
    """Relay-to-CDN viewers are billed by the CDN: no duration line for them, a notice instead;
    the anchor's own time is still billed."""
    breakdown = priced(room(
        "live_video", group("anchor", 1), group("audience", 5000, "1280x720"),
        minutes_each=60, delivery="cdn",
    ))
    assert categories(breakdown) == [("duration", "standard", "audio")]
    assert breakdown.total == Decimal("0.0594")
    codes = [n.code for n in breakdown.notices]
    assert codes == ["cdn_audience_not_trtc", "relay_not_listed"]
    assert dict(breakdown.notices[0].values) == {"viewers": "5000"}
    unbilled = [u for u in breakdown.usages if not u.billed]
    assert [(u.role, u.tier, u.seconds) for u in unbilled] == [
        ("audience", "HD", Decimal(5000 * 3600)),
    ]


def test_low_latency_audience_is_billed_like_any_user() -> None:
    """Low-latency live audience pays the standard list by what it receives."""
    breakdown = priced(room(
        "live_video", group("anchor", 1), group("audience", 5000, "1280x720"),
        minutes_each=60, delivery="low_latency",
    ))
    assert line(breakdown, "duration", "HD").minutes == 300_000
    assert breakdown.total == Decimal("0.0594") + Decimal("1197")


def test_recording_is_billed_per_task_at_the_aggregate_tier() -> None:
    """One task recording 2 x 960x720 = 1,382,400 px for 5 minutes bills 5 FHD recording
    minutes (13.49), not 10 HD minutes."""
    task = RecordingTask(tasks_per_day=1, days=1, seconds=minutes(5),
                         records=streams("960x720", "960x720"))
    breakdown = priced(recording=(task,))
    assert categories(breakdown) == [("recording", "standard", "FHD")]
    assert line(breakdown, "recording", "FHD").minutes == 5
    assert breakdown.total == Decimal("0.06745")


def test_concurrent_recording_tasks_add_up() -> None:
    """A single-stream task and a mixed task over the same 30-minute call: 2 x 30 minutes; an
    audio-only task is recording audio (1.49)."""
    single = RecordingTask(1, 1, minutes(30), records=streams("1280x720"))
    mixed = RecordingTask(1, 1, minutes(30), records=streams("640x360", "640x360"))
    audio = RecordingTask(1, 1, minutes(30))
    breakdown = priced(recording=(single, mixed, audio))
    assert line(breakdown, "recording", "HD").minutes == 60
    assert line(breakdown, "recording", "audio").minutes == 30
    assert breakdown.total == Decimal("0.3594") + Decimal("0.0447")
    assert [n.code for n in breakdown.notices] == ["robot_duration_not_listed"]


def test_transcoding_is_priced_per_codec_on_the_inputs_aggregate() -> None:
    """MixTranscoding tier comes from the inputs (1920x1080 + 1280x720 = 2,995,200 px: 2K), and
    H.264 (25.99) and H.265 (69.99) are separate lines."""
    inputs = streams("1920x1080", "1280x720")
    h264 = TranscodingTask(1, 1, minutes(100), codec="h264", inputs=inputs)
    h265 = TranscodingTask(1, 1, minutes(100), codec="h265", inputs=inputs)
    hd265 = TranscodingTask(1, 1, minutes(100), codec="h265", inputs=streams("1280x720"))
    breakdown = priced(transcoding=(h264, h265, hd265))
    assert categories(breakdown) == [
        ("transcoding", "h264", "2K"), ("transcoding", "h265", "HD"), ("transcoding", "h265", "2K"),
    ]
    assert breakdown.total == Decimal("2.599") + Decimal("1.799") + Decimal("6.999")


def test_audio_only_transcoding_has_the_same_price_for_both_codecs() -> None:
    """Audio mixing is 1.99 per 1,000 minutes for H.264 and H.265 alike."""
    h264 = TranscodingTask(1, 1, minutes(1000), codec="h264")
    h265 = TranscodingTask(1, 1, minutes(1000), codec="h265")
    breakdown = priced(transcoding=(h264, h265))
    assert [item.gross for item in breakdown.lines] == [Decimal("1.99"), Decimal("1.99")]


def test_relay_bandwidth_is_billed_per_peak_mbps() -> None:
    """Relay to CDN by bandwidth: 18.99 USD per Mbps of monthly peak; fractions are exact."""
    breakdown = priced(relay=Relay(peak_mbps=Decimal("2.5")))
    relay = line(breakdown, "relay", "relay", "bandwidth")
    assert (relay.quantity, relay.per, relay.minutes) == (Decimal("2.5"), "Mbps", None)
    assert breakdown.total == Decimal("47.475")


def test_relay_minutes_are_billed_per_thousand_rounded_up() -> None:
    """Relay to CDN by duration: 2.99 USD per 1,000 relay minutes, rounded up to a minute."""
    breakdown = priced(relay=Relay(minutes=Decimal("1999.5")))
    relay = line(breakdown, "relay", "relay", "duration")
    assert relay.minutes == 2000
    assert breakdown.total == Decimal("5.98")


def test_relay_is_not_covered_by_free_minutes() -> None:
    """The free minutes cover duration, recording and transcoding, not relay."""
    breakdown = priced(relay=Relay(minutes=Decimal(1000)), free_minutes=None)
    assert breakdown.free_minutes_used == 0
    assert breakdown.total == Decimal("2.99")


def test_relay_in_two_modes_at_once_is_refused() -> None:
    """Bandwidth and minutes are two billing modes of different accounts: give one."""
    with pytest.raises(InputError) as caught:
        Relay(peak_mbps=Decimal(1), minutes=Decimal(1))
    assert caught.value.code == "relay_two_modes"


@pytest.mark.parametrize(
    ("seconds", "billed"),
    [("59", 1), ("60", 1), ("61", 2), ("0.5", 1), ("120", 2), ("120.000001", 3)],
)
def test_monthly_seconds_are_rounded_up_to_whole_minutes(seconds: str, billed: int) -> None:
    """Seconds summed over the month per category, rounded up: 59 s -> 1 min, 61 s -> 2 min."""
    breakdown = priced(room("audio_call", group("participant", 1, seconds=Decimal(seconds))))
    audio = line(breakdown, "duration", "audio")
    assert audio.seconds == Decimal(seconds)
    assert audio.minutes == billed


def test_usages_in_one_category_are_summed_before_rounding() -> None:
    """Two groups of 30 s each in one category are 60 s = 1 billed minute, not 2."""
    breakdown = priced(room(
        "audio_call",
        group("participant", 1, seconds=Decimal(30)),
        group("participant", 1, seconds=Decimal(30)),
    ))
    audio = line(breakdown, "duration", "audio")
    assert (audio.seconds, audio.minutes, len(audio.usages)) == (Decimal(60), 1, 2)


def test_rounding_is_per_category_not_per_month() -> None:
    """30 s audio and 30 s HD are two categories: each rounds up to 1 minute."""
    breakdown = priced(room(
        "video_call",
        group("participant", 1, seconds=Decimal(30)),
        group("participant", 1, "640x360", seconds=Decimal(30)),
    ))
    assert [item.minutes for item in breakdown.lines] == [1, 1]
    assert breakdown.total == Decimal("0.00099") + Decimal("0.00399")


def test_decimal_minutes_are_exact() -> None:
    """0.1 minute x 3 users is exactly 18 s (0.3 min, never 0.30000000000000004) -> 1 minute."""
    breakdown = priced(room("audio_call", group("participant", 3), minutes_each="0.1"))
    audio = line(breakdown, "duration", "audio")
    assert audio.seconds == Decimal(18)
    assert audio.minutes == 1
    assert breakdown.total == Decimal("0.00099")


def test_discount_is_applied_after_the_free_minutes() -> None:
    """total = (gross - free minutes) x (1 - discount): 20,000 audio minutes, 10,000 free,
    10% off the remaining 9.90 = 8.91."""
    breakdown = priced(
        room("audio_call", group("participant", 2), minutes_each=1000, days=10),
        free_minutes=None, discount_percent=Decimal(10),
    )
    assert breakdown.gross == Decimal("19.8")
    assert breakdown.free_amount == Decimal("9.9")
    assert breakdown.subtotal == Decimal("9.9")
    assert breakdown.discount == Decimal("0.99")
    assert breakdown.total == Decimal("8.91")


def test_an_empty_scenario_bills_nothing_and_says_so() -> None:
    """No usage: no line, total 0, and the notice nothing_billed."""
    breakdown = priced()
    assert breakdown.lines == ()
    assert breakdown.total == 0
    assert [n.code for n in breakdown.notices] == ["nothing_billed"]


def test_robots_are_billed_only_when_listed_as_a_group() -> None:
    """A recording robot's own duration is billed only as a listed group (nothing behind the
    user's back); listing it removes the robot_duration_not_listed notice."""
    task = RecordingTask(1, 1, minutes(10), records=streams("1280x720"))
    without = priced(room("video_call", group("participant", 2, "1280x720")), recording=(task,))
    with_robot = priced(
        room("video_call", group("participant", 2, "1280x720"), group("robot", 1, "1280x720")),
        recording=(task,),
    )
    assert line(without, "duration", "HD").minutes == 20
    assert line(with_robot, "duration", "HD").minutes == 30
    assert [n.code for n in without.notices] == ["robot_duration_not_listed"]
    assert with_robot.notices == ()


def test_a_single_input_mixing_task_is_priced_and_flagged() -> None:
    """A single anchor with nothing to mix incurs no transcoding fee (647/47631): a task with one
    input is priced as listed (the estimator adds or removes nothing behind the user's back) and
    flagged, so the sales person can tell the customer it may cost nothing."""
    one = TranscodingTask(1, 1, minutes(60), "h264", streams("1920x1080"))
    two = TranscodingTask(1, 1, minutes(60), "h264", streams("1920x1080", "1280x720"))
    single = priced(transcoding=(one,))
    assert line(single, "transcoding", "FHD", "h264").gross == Decimal("0.8394")
    assert [(n.code, n.field) for n in single.notices if n.code == "single_input_transcoding"] == [
        ("single_input_transcoding", "transcoding[0]")
    ]
    assert "single_input_transcoding" not in {n.code for n in priced(transcoding=(two,)).notices}
