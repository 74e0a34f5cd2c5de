"""The worked examples of TRTC's current pages (read 2026-12-01), priced on trtc-intl-2026-12.

Each example happens within one day, so rounding per day and per month agree on them; the free
minutes are off, as on the pages.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from pricing_builders import DATA, group, line, minutes, streams

from estimator_gui.files.ratecard_io import shipped_rate_card
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.pricing import (
    Breakdown,
    RecordingTask,
    Relay,
    Room,
    Scenario,
    TranscodingTask,
    price,
    round_money,
)
from estimator_gui.pricing.options import PriceOptions

CARD = shipped_rate_card("trtc-intl-2026-12")


def _priced(options: PriceOptions | None = None, **fields: object) -> Breakdown:
    scenario = Scenario(free_minutes=0, **fields)  # type: ignore[arg-type]
    return price(scenario, CARD, options)


def test_42734_example_1_screen_share_makes_2k() -> None:
    """647/42734 Example 1: A receives 2 x 640x480 (614,400, HD); B and C receive 960x720 +
    640x480 + a 1920x1080 screen share (3,072,000, 2K); two viewers receive all four (3,379,200,
    2K); one viewer audio. 60 min: HD 60 x 3.99 + 2K 240 x 15.99 + audio 60 x 0.99 = 4.1364."""
    room = Room("live_video", 1, 1, minutes(60), (
        group("anchor", 1, "640x480", "640x480"),
        group("anchor", 2, "960x720", "640x480", "1920x1080"),
        group("audience", 2, "960x720", "640x480", "640x480", "1920x1080"),
        group("audience", 1),
    ))
    breakdown = _priced(rooms=(room,))
    assert [(item.tier, item.quantity) for item in breakdown.lines] == [
        ("audio", 60), ("HD", 60), ("2K", 240),
    ]
    assert line(breakdown, "duration", "2K").gross == Decimal("3.8376")
    assert breakdown.total == Decimal("4.1364")
    assert round_money(breakdown.total) == Decimal("4.14")


def test_42734_example_2_six_users_on_the_current_card() -> None:
    """647/42734 Example 2 (unchanged on the current page): HD 300 x 3.99 + audio 60 x 0.99 =
    1.2564 -> 1.26."""
    breakdown = price(read_scenario(DATA / "example_six_users.json"), CARD)
    assert breakdown.total == Decimal("1.2564")
    assert round_money(breakdown.total) == Decimal("1.26")


def test_45176_recordings_on_one_day() -> None:
    """647/45176 Example 2, its four recordings put on one day: audio 5,000 s + 2 x 5,000 s =
    250 min x 1.49; HD 4 x 640x360 (921,600) 3,500 s = 59 min x 5.99; FHD 1,843,200 for 1,800 s
    = 30 min x 13.49; "2K+" 3,916,800 for 540 s = 9 min x 53.99: 1.61652 -> 1.62. (The page
    spreads them over 11-14 February and still sums 5,000 s and 10,000 s into 250 minutes; rounded
    per day as its own note says, they would be 84 + 167 = 251: see docs/rate-cards.md.)"""
    three = ("640x360", "1280x720", "960x720")
    recording = (
        RecordingTask(1, 1, Decimal(5000)),
        RecordingTask(2, 1, Decimal(5000)),
        RecordingTask(1, 1, Decimal(3500), records=streams(*["640x360"] * 4)),
        RecordingTask(1, 1, Decimal(1800), records=streams(*three)),
        RecordingTask(1, 1, Decimal(540), records=streams(*three, "1920x1080")),
    )
    breakdown = _priced(recording=recording)
    assert [(item.tier, item.quantity) for item in breakdown.lines] == [
        ("audio", 250), ("HD", 59), ("FHD", 30), ("4K", 9),
    ]
    assert line(breakdown, "recording", "HD").gross == Decimal("0.35341")
    assert breakdown.total == Decimal("1.61652")
    assert round_money(breakdown.total) == Decimal("1.62")


def test_47631_audio_and_video_mixing() -> None:
    """647/47631: 30 min of two anchors' audio mixed = 1.99 x 30/1,000 = 0.0597; two video
    mixing tasks of 1920x1080 + 1280x720 (2,995,200: H.264 2K, by the inputs, not the output)
    for 10 min = 2 x 25.99 x 10/1,000 = 0.5198."""
    audio = _priced(transcoding=(TranscodingTask(1, 1, minutes(30)),))
    video = _priced(transcoding=(
        TranscodingTask(2, 1, minutes(10), inputs=streams("1920x1080", "1280x720")),
    ))
    assert audio.total == Decimal("0.0597")
    assert line(video, "transcoding", "2K", "h264").quantity == 20
    assert video.total == Decimal("0.5198")


def test_47631_relay_duration_of_november_2025() -> None:
    """647/47631: an account registered after 2025-10-23 relays for 2 hours: 0.12 thousand
    minutes x 2.99 = 0.3588 USD."""
    options = PriceOptions(registered=datetime.date(2025, 11, 1))
    breakdown = _priced(options, relay=Relay(minutes=Decimal(120)))
    assert breakdown.total == Decimal("0.3588")
    assert breakdown.notices == ()


def test_66078_example_2_three_anchors_and_a_thousand_viewers() -> None:
    """647/66078 Example 2: anchors A (receives B, 1280x720: HD), B (receives A, 1920x1080: FHD)
    and C (receives both, 2,995,200: 2K) for 60 min = 1.7382; 1,000 viewers of the HD mix at the
    component's 2.00 = 120.00; the H.264 2K mix of 60 min = 1.5594; 123.2976 -> 123.30."""
    room = Room("live_video", 1, 1, minutes(60), (
        group("anchor", 1, "1280x720"),
        group("anchor", 1, "1920x1080"),
        group("anchor", 1, "1920x1080", "1280x720"),
        group("audience", 1000, "1280x720"),
    ), audience_price_list="video_live_component")
    mixing = (TranscodingTask(1, 1, minutes(60), inputs=streams("1920x1080", "1280x720")),)
    breakdown = _priced(rooms=(room,), transcoding=mixing)
    assert line(breakdown, "duration", "HD", "video_live_component").gross == Decimal(120)
    assert breakdown.total == Decimal("123.2976")
    assert round_money(breakdown.total) == Decimal("123.30")


def test_66078_example_1_uses_the_table_price_not_4_495() -> None:
    """647/66078 Example 1 still multiplies by 4.495 (13.51) where its table says 4.50: the card
    uses the table, 0.0297 + 13.5 = 13.5297 -> 13.53."""
    breakdown = price(read_scenario(DATA / "example_video_live_component.json"), CARD)
    assert breakdown.total == Decimal("13.5297")
