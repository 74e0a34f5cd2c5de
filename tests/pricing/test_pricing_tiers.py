"""Resolution tiers: the aggregate resolution a user receives fixes the tier, bounds inclusive."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pricing_builders import categories, group, line, priced, room

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.pricing import InputError


@pytest.mark.parametrize(
    ("receives", "pixels", "tier", "unit_price"),
    [
        (("1280x720",), 921_600, "HD", "3.99"),
        (("640x360",) * 4, 921_600, "HD", "3.99"),
        (("1280x720", "1x1"), 921_601, "FHD", "8.99"),
        (("1920x1080",), 2_073_600, "FHD", "8.99"),
        (("1920x1080", "1x1"), 2_073_601, "2K", "15.99"),
        (("2560x1440",), 3_686_400, "2K", "15.99"),
        (("2560x1440", "1x1"), 3_686_401, "4K", "35.99"),
        (("4096x2160",), 8_847_360, "4K", "35.99"),
    ],
)
def test_tier_upper_bounds_are_inclusive(
    receives: tuple[str, ...], pixels: int, tier: str, unit_price: str
) -> None:
    """A tier holds above < px <= up_to: 921,600 is HD, 921,601 FHD, 2,073,600 FHD, 3,686,400 2K,
    8,847,360 4K (trtc-billing.md section 1)."""
    breakdown = priced(room("video_call", group("participant", 1, *receives), minutes_each=1000))
    assert categories(breakdown) == [("duration", "standard", tier)]
    billed = line(breakdown, "duration", tier)
    assert billed.usages[0].pixels == pixels
    assert billed.minutes == 1000
    assert billed.unit_price == Decimal(unit_price)
    assert breakdown.total == Decimal(unit_price)


def test_tier_for_on_the_card_matches_the_table() -> None:
    """The card's tier_for gives audio for 0 px and None above the 4K tier (no price)."""
    card = default_rate_card()
    assert card.tier_for(0) == "audio"
    assert card.tier_for(1) == "HD"
    assert card.tier_for(921_600) == "HD"
    assert card.tier_for(921_601) == "FHD"
    assert card.tier_for(2_073_600) == "FHD"
    assert card.tier_for(2_073_601) == "2K"
    assert card.tier_for(3_686_400) == "2K"
    assert card.tier_for(3_686_401) == "4K"
    assert card.tier_for(8_847_360) == "4K"
    assert card.tier_for(8_847_361) is None


def test_above_the_top_tier_is_refused() -> None:
    """No source prices more than 8,847,360 px: the estimator refuses, it never guesses."""
    with pytest.raises(InputError) as caught:
        group("participant", 1, "4096x2160", "1x1")
    assert caught.value.code == "above_top_tier"
    assert caught.value.field == "receives"
    assert caught.value.limit == 8_847_360
    assert "8,847,361 px" in str(caught.value.value)


def test_five_full_hd_streams_are_refused_naming_the_missing_price() -> None:
    """5 x 1920x1080 = 10,368,000 px has no published price (trtc-billing.md section 1)."""
    with pytest.raises(InputError) as caught:
        group("participant", 1, *["1920x1080"] * 5)
    assert caught.value.code == "above_top_tier"
    assert "published price" in caught.value.rule


def test_aggregate_resolution_is_the_sum_not_one_tier_per_stream() -> None:
    """2 x 1280x720 = 1,843,200 px is one FHD user (8.99), not twice HD (trtc-billing.md 8)."""
    breakdown = priced(
        room("video_call", group("participant", 1, "1280x720", "1280x720"), minutes_each=1)
    )
    assert categories(breakdown) == [("duration", "standard", "FHD")]
    assert line(breakdown, "duration", "FHD").usages[0].pixels == 1_843_200
    assert breakdown.total == Decimal("0.00899")


def test_screen_share_adds_to_the_aggregate() -> None:
    """A received screen share is a stream like any other: camera 640x360 + share 1920x1080
    = 2,304,000 px is 2K."""
    breakdown = priced(room("video_call", group("participant", 1, "640x360", "1920x1080")))
    assert categories(breakdown) == [("duration", "standard", "2K")]
