"""The free minutes (trtc-billing.md section 5) and the contract hint (section 6)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pricing_builders import group, line, minutes, priced, room, streams

from estimator_gui.pricing import (
    Breakdown,
    Group,
    InputError,
    RecordingTask,
    Room,
    TranscodingTask,
)


def _every_category() -> dict[str, Any]:
    """100 billed minutes in every duration tier, recording tier and H.264 transcoding tier."""
    sizes = {"audio": (), "HD": ("1280x720",), "FHD": ("1920x1080",), "2K": ("2560x1440",),
             "4K": ("4096x2160",)}
    call = room("video_call", *(group("participant", 1, *s) for s in sizes.values()),
                minutes_each=100)
    recording = tuple(
        RecordingTask(1, 1, minutes(100), records=streams(*s)) for s in sizes.values()
    )
    transcoding = tuple(
        TranscodingTask(1, 1, minutes(100), inputs=streams(*s)) for s in sizes.values()
    )
    return {"rooms": (call,), "recording": recording, "transcoding": transcoding}


def _free(breakdown: Breakdown) -> list[tuple[str, str, int]]:
    return [(item.section, item.tier, item.free_minutes) for item in breakdown.lines]


def test_free_minutes_follow_the_card_order() -> None:
    """Deducted 1:1 in the card's order: duration audio, HD, FHD, 2K, 4K, then recording audio..4K,
    then transcoding: 1,234 free minutes cover 12 categories of 100 and 34 of the 13th."""
    scenario = _every_category()
    breakdown = priced(free_minutes=1234, **scenario)
    assert _free(breakdown) == [
        ("duration", "audio", 100), ("duration", "HD", 100), ("duration", "FHD", 100),
        ("duration", "2K", 100), ("duration", "4K", 100),
        ("recording", "audio", 100), ("recording", "HD", 100), ("recording", "FHD", 100),
        ("recording", "2K", 100), ("recording", "4K", 100),
        ("transcoding", "audio", 100), ("transcoding", "HD", 100), ("transcoding", "FHD", 34),
        ("transcoding", "2K", 0), ("transcoding", "4K", 0),
    ]
    assert breakdown.free_minutes_used == 1234
    fhd = line(breakdown, "transcoding", "FHD", "h264")
    assert fhd.net == Decimal(66) * Decimal("13.99") / 1000


def test_free_minutes_are_worth_the_price_of_the_category_they_cover() -> None:
    """One free minute takes one billed minute off at that category's price: 150 free minutes
    take 100 audio minutes (0.099) and 50 HD minutes (0.1995) off."""
    breakdown = priced(free_minutes=150, **_every_category())
    assert breakdown.free_amount == Decimal("0.099") + Decimal("0.1995")
    assert breakdown.total == breakdown.gross - Decimal("0.2985")


def test_free_minutes_never_exceed_the_usage() -> None:
    """Unused free minutes are not money: 10,000 free against 300 billed minutes uses 300 and
    the total is 0, no line below zero."""
    breakdown = priced(room("video_call", group("participant", 3, "1280x720"), minutes_each=100),
                       free_minutes=None)
    assert breakdown.free_minutes_allowance == 10_000
    assert breakdown.free_minutes_used == 300
    assert breakdown.total == 0
    assert all(item.net == 0 for item in breakdown.lines)


def test_free_minutes_never_exceed_the_allowance() -> None:
    """With 10,000 free minutes and 25,000 billed, 10,000 are used and 15,000 are paid."""
    breakdown = priced(room("audio_call", group("participant", 25), minutes_each=1000),
                       free_minutes=None)
    audio = line(breakdown, "duration", "audio")
    assert (audio.minutes, audio.free_minutes) == (25_000, 10_000)
    assert breakdown.free_minutes_used == 10_000
    assert breakdown.total == Decimal("14.85")


def test_zero_free_minutes_switches_the_allowance_off() -> None:
    """free_minutes = 0 (contract customers, official examples): nothing is deducted."""
    breakdown = priced(room("audio_call", group("participant", 2), minutes_each=100),
                       free_minutes=0)
    assert breakdown.free_minutes_allowance == 0
    assert breakdown.free_minutes_used == 0
    assert breakdown.total == breakdown.gross == Decimal("0.198")


def test_free_minutes_default_to_the_card_allowance() -> None:
    """Without free_minutes the card's 10,000 apply."""
    breakdown = priced(room("audio_call", group("participant", 2), minutes_each=100),
                       free_minutes=None)
    assert breakdown.free_minutes_allowance == 10_000
    assert breakdown.free_minutes_used == 200


def test_free_minutes_above_the_card_allowance_are_refused() -> None:
    """A scenario cannot claim more free minutes than the card grants (10,000)."""
    with pytest.raises(InputError) as caught:
        priced(free_minutes=10_001)
    assert (caught.value.field, caught.value.code, caught.value.limit) == (
        "free_minutes", "too_large", 10_000,
    )


def test_free_minutes_cover_the_component_list_as_the_same_tier() -> None:
    """A category is section + tier for the free minutes: duration HD on the standard list is
    deducted first, then duration HD on the Video Live component list."""
    breakdown = priced(
        room("live_video", group("anchor", 1, "1280x720"), group("audience", 10, "1280x720"),
             minutes_each=100, audience_price_list="video_live_component"),
        free_minutes=150,
    )
    assert [(item.price_list, item.free_minutes) for item in breakdown.lines] == [
        ("standard", 100), ("video_live_component", 50),
    ]


def _component_hd(viewer_minutes: int) -> Room:
    """``viewer_minutes`` of Video Live component HD audience (2.00 per 1,000 minutes, so
    1,500,000 minutes = 3,000 USD): 1,000 rooms of q viewers for 1 min + 1 viewer for r/1000 min."""
    whole, rest = divmod(viewer_minutes, 1000)
    return room(
        "live_video",
        Group("audience", whole, seconds=Decimal(60), receives=streams("1280x720")),
        Group("audience", 1, seconds=Decimal("0.06") * rest, receives=streams("1280x720")),
        rooms_per_day=1000, audience_price_list="video_live_component",
    )


def test_contract_hint_is_reached_at_exactly_the_threshold() -> None:
    """3,000 USD or more a month ("3000 USD 이상"): exactly 3,000 is eligible."""
    breakdown = priced(_component_hd(1_500_000))
    assert breakdown.total == Decimal(3000)
    assert breakdown.contract_threshold == Decimal(3000)
    assert breakdown.contract_discount_eligible is True


def test_contract_hint_is_not_reached_just_below() -> None:
    """2,999.998 is below 3,000: not eligible."""
    breakdown = priced(_component_hd(1_499_999))
    assert breakdown.total == Decimal("2999.998")
    assert breakdown.contract_discount_eligible is False


def test_contract_hint_counts_after_free_minutes_before_discount() -> None:
    """The hint uses the amount after the free minutes and before the contract discount:
    1,510,000 minutes less 10,000 free = 3,000 -> eligible even with 50% off; 1,509,999 less
    10,000 free is 2,999.998 -> not eligible though the gross is above 3,000."""
    eligible = priced(_component_hd(1_510_000), free_minutes=None,
                      discount_percent=Decimal(50))
    assert (eligible.gross, eligible.subtotal, eligible.total) == (
        Decimal("3020"), Decimal("3000"), Decimal("1500"),
    )
    assert eligible.contract_discount_eligible is True
    below = priced(_component_hd(1_509_999), free_minutes=None)
    assert below.gross > 3000
    assert below.subtotal == Decimal("2999.998")
    assert below.contract_discount_eligible is False
