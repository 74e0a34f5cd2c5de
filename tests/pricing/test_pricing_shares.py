"""Shares of the gross per service and tier, per source and per room or task: exact sums."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from pricing_builders import ROOT, group, line, priced, room
from test_pricing_properties import CARD, SCENARIOS, SETTINGS

from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.pricing import Breakdown, Relay, Scenario, price
from estimator_gui.pricing.shares import (
    QUANTUM,
    gross_by_item,
    gross_by_service_and_tier,
    gross_by_source,
    item_of,
    line_shares,
)

EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))


def _sum(values: object) -> Decimal:
    return sum(values, Decimal(0))  # type: ignore[call-overload, no-any-return]


def assert_shares_add_up(breakdown: Breakdown) -> None:
    """Every line's shares add up to its gross, each in proportion to its seconds (to within
    the rounding), and every table adds up to the breakdown's gross, to the last digit."""
    for item in breakdown.lines:
        shares = line_shares(item)
        assert _sum(share for _usage, share in shares) == item.gross
        assert all(share >= 0 for _usage, share in shares)
        seconds = sum(Fraction(u.seconds) for u, _share in shares if u is not None)
        for usage, share in shares:
            assert usage is not None and usage.billed
            if seconds:
                exact = Fraction(item.gross) * Fraction(usage.seconds) / seconds
                assert abs(Fraction(share) - exact) < len(shares) * Fraction(QUANTUM)
    tables = (gross_by_service_and_tier, gross_by_source, gross_by_item)
    for table in tables:
        assert _sum(table(breakdown).values()) == breakdown.gross
    by_item: dict[str, Decimal] = defaultdict(Decimal)
    for source, amount in gross_by_source(breakdown).items():
        by_item[item_of(source)] += amount
    assert gross_by_item(breakdown) == dict(by_item)
    # Relay is no usage of a room or task: it shows only in its line.
    billed = {u.source for item in breakdown.lines for u in item.usages if u.billed}
    assert set(gross_by_source(breakdown)) == billed


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: Path(p).stem)
def test_every_example_is_shared_out_exactly(path: Path) -> None:
    breakdown = price(read_scenario(path), CARD)
    assert breakdown.lines
    assert_shares_add_up(breakdown)


@SETTINGS
@given(SCENARIOS)
def test_generated_scenarios_are_shared_out_exactly(scenario: Scenario) -> None:
    assert_shares_add_up(price(scenario, CARD))


def test_a_line_is_shared_in_proportion_to_the_seconds() -> None:
    """Two participants and a robot watch HD for 10 min: 30 HD minutes at 3.99 per 1,000 make
    0.1197 USD, 0.0798 of it the participants' and 0.0399 the robot's."""
    breakdown = priced(room(
        "video_call",
        group("participant", 2, "1280x720"),
        group("robot", 1, "1280x720"),
        minutes_each=10,
    ))
    assert line(breakdown, "duration", "HD").gross == Decimal("0.1197")
    assert gross_by_source(breakdown) == {
        "rooms[0].groups[0]": Decimal("0.0798"),
        "rooms[0].groups[1]": Decimal("0.0399"),
    }
    assert gross_by_item(breakdown) == {"rooms[0]": Decimal("0.1197")}
    assert gross_by_service_and_tier(breakdown) == {("video_call", "HD"): Decimal("0.1197")}


def test_a_share_a_decimal_cannot_hold_is_rounded_and_the_rest_goes_to_the_largest() -> None:
    """Three FHD viewers of 20 s each make 1 billed minute, 0.00899 USD: a third of it has no
    end, so each share is cut at 1e-12 and the 2e-12 left go to the first of the largest."""
    viewers = [group("participant", 1, "1920x1080", seconds=Decimal(20)) for _ in range(3)]
    breakdown = priced(room("video_call", *viewers))
    fhd = line(breakdown, "duration", "FHD")
    assert fhd.gross == Decimal("0.00899")
    assert [share for _usage, share in line_shares(fhd)] == [
        Decimal("0.002996666668"),
        Decimal("0.002996666666"),
        Decimal("0.002996666666"),
    ]


def test_services_in_one_line_share_it_by_their_seconds() -> None:
    """Audio-call and live-audio time both go to the audio duration line; each service gets its
    own part of it: 20 and 10 minutes of 30 at 0.99 per 1,000."""
    breakdown = priced(
        room("audio_call", group("participant", 2), minutes_each=10),
        room("live_audio", group("anchor", 1), minutes_each=10),
    )
    assert line(breakdown, "duration", "audio").gross == Decimal("0.0297")
    assert gross_by_service_and_tier(breakdown) == {
        ("audio_call", "audio"): Decimal("0.0198"),
        ("live_audio", "audio"): Decimal("0.0099"),
    }


def test_relay_by_bandwidth_goes_whole_to_the_relay() -> None:
    """A relay billed by peak bandwidth has no seconds to share by: 3 Mbps x 18.99 = 56.97."""
    breakdown = priced(
        room("audio_call", group("participant", 1)), relay=Relay(peak_mbps=Decimal(3))
    )
    assert gross_by_source(breakdown)["relay"] == Decimal("56.97")
    assert gross_by_service_and_tier(breakdown)[("relay", "relay")] == Decimal("56.97")
    assert item_of("relay") == "relay"


def test_cdn_viewers_are_billed_by_the_cdn_and_take_no_share() -> None:
    """The live-shopping web viewers go through the CDN: TRTC bills them nothing."""
    breakdown = price(read_scenario(ROOT / "resources" / "examples" / "live_shopping.json"), CARD)
    web_viewers = "rooms[1].groups[0]"
    assert any(u.source == web_viewers and not u.billed for u in breakdown.usages)
    assert web_viewers not in gross_by_source(breakdown)
    assert "rooms[1]" not in gross_by_item(breakdown)
