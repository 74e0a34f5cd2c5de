"""Shares of the gross per service and tier, per source and per room or task: exact sums."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from msgspec import structs
from pricing_builders import ROOT, group, line, priced, room
from test_pricing_properties import CARD, SCENARIOS, SETTINGS

from estimator_gui.files.ratecard_io import shipped_rate_card
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.pricing import Breakdown, Relay, Scenario, price
from estimator_gui.pricing.shares import (
    PERCENT_QUANTUM,
    QUANTUM,
    ItemShare,
    gross_by_item,
    gross_by_service_and_tier,
    gross_by_source,
    item_of,
    item_shares,
    line_net_shares,
    line_shares,
    net_by,
    room_shares,
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
    assert_items_add_up(breakdown)


def assert_items_add_up(breakdown: Breakdown) -> None:
    """Each line's net is shared by seconds like its gross; the rooms' and tasks' gross, net and
    total add up to the breakdown's gross, subtotal and total, to the last digit; each total is
    its net less the discount's percentage; percents add up to 100 (all 0 when the total is);
    grouped by room, the same sums hold."""
    for item in breakdown.lines:
        assert _sum(share for _usage, share in line_net_shares(item)) == item.net
    assert _sum(net_by(breakdown, lambda _line, _usage: "all").values()) == breakdown.subtotal
    items = item_shares(breakdown)
    # A percent is rounded down per item and what is left goes to the largest: within one
    # quantum per item of the exact ratio, for an item and for a room (its items added up).
    bound = len(items) * Fraction(PERCENT_QUANTUM)
    for table in (items, room_shares(breakdown)):
        assert len({entry.source for entry in table}) == len(table)
        assert _sum(entry.gross for entry in table) == breakdown.gross
        assert _sum(entry.net for entry in table) == breakdown.subtotal
        assert _sum(entry.total for entry in table) == breakdown.total
        shares = [entry.share for entry in table]
        assert _sum(shares) == (100 if breakdown.total > 0 else 0)
        for entry in table:
            kept = entry.net * (100 - breakdown.discount_percent) / 100
            assert entry.total == kept
            assert 0 <= entry.net <= entry.gross
            if breakdown.total > 0:
                exact = Fraction(entry.total) * 100 / Fraction(breakdown.total)
                assert abs(Fraction(entry.share) - exact) < bound


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: Path(p).stem)
def test_every_example_is_shared_out_exactly(path: Path) -> None:
    breakdown = price(read_scenario(path), CARD)
    assert breakdown.lines
    assert_shares_add_up(breakdown)


@SETTINGS
@given(SCENARIOS)
def test_generated_scenarios_are_shared_out_exactly(scenario: Scenario) -> None:
    assert_shares_add_up(price(scenario, CARD))


CURRENT = shipped_rate_card("trtc-intl-2026-12")


ROOM_TASKS = ROOT / "tests" / "pricing" / "data" / "tutoring_room_tasks.json"


@pytest.mark.parametrize("path", [*EXAMPLES, ROOM_TASKS], ids=lambda p: Path(p).stem)
def test_every_example_is_shared_out_exactly_on_the_current_card(path: Path) -> None:
    """Rounded per day, with weighted free minutes by day: the same exact sums."""
    breakdown = price(read_scenario(path), CURRENT)
    assert_shares_add_up(breakdown)
    discounted = price(structs.replace(read_scenario(path), discount_percent=Decimal("12.5")),
                       CURRENT)
    assert_items_add_up(discounted)


@SETTINGS
@given(SCENARIOS)
def test_generated_scenarios_are_shared_out_exactly_on_the_current_card(
    scenario: Scenario,
) -> None:
    assert_shares_add_up(price(scenario, CURRENT))


def test_each_rooms_share_is_its_part_after_free_minutes_and_discount() -> None:
    """Two audio rooms, one participant and two, 30 minutes each: 90 audio minutes (0.0891).
    30 free minutes leave 60 (0.0594), a third and two thirds of it by seconds (0.0198 and
    0.0396); a 10% discount leaves 0.01782 and 0.03564; 33.333333% and 66.666667% (the
    millionth left goes to the larger)."""
    breakdown = priced(
        room("audio_call", group("participant", 1), minutes_each=30, label="one"),
        room("audio_call", group("participant", 2), minutes_each=30),
        free_minutes=30,
        discount_percent=Decimal(10),
    )
    assert item_shares(breakdown) == (
        ItemShare("rooms[0]", "rooms[0]", "audio_call", "one", Decimal("0.0297"),
                  Decimal("0.0198"), Decimal("0.01782"), Decimal("33.333333")),
        ItemShare("rooms[1]", "rooms[1]", "audio_call", "", Decimal("0.0594"),
                  Decimal("0.0396"), Decimal("0.03564"), Decimal("66.666667")),
    )


def test_a_rooms_tasks_stand_apart_and_count_in_the_room() -> None:
    """The recorded tutoring room: its groups (rooms[0]) and its recording with the robot
    (rooms[0].record: 534.204 recording + 356.004 robot) are items of their own that
    room_shares adds up to the room; the show, its mixing and the relay follow."""
    breakdown = price(read_scenario(ROOM_TASKS), CARD)
    items = {entry.source: entry for entry in item_shares(breakdown)}
    assert list(items) == ["rooms[0]", "rooms[0].record", "rooms[1]", "rooms[1].mix_for_cdn",
                           "relay"]
    assert items["rooms[0].record"].gross == Decimal("890.208")
    assert (items["rooms[0].record"].room, items["rooms[0].record"].label) == (
        "rooms[0]", "1:1 lessons")
    rooms = {entry.source: entry for entry in room_shares(breakdown)}
    assert list(rooms) == ["rooms[0]", "rooms[1]", "relay"]
    assert rooms["rooms[0]"].total == items["rooms[0]"].total + items["rooms[0].record"].total
    assert rooms["rooms[0]"].service == "video_call"


def test_a_room_that_bills_nothing_is_listed_at_zero() -> None:
    """The live-shopping web viewers go through the CDN: their room is listed, at 0."""
    breakdown = price(read_scenario(ROOT / "resources" / "examples" / "live_shopping.json"), CARD)
    web = next(entry for entry in item_shares(breakdown) if entry.source == "rooms[1]")
    assert (web.gross, web.net, web.total, web.share) == (0, 0, 0, 0)


def test_a_total_of_zero_gives_every_share_zero() -> None:
    """All of it under the free minutes: nothing to share, every percent 0."""
    breakdown = priced(room("audio_call", group("participant", 2)), free_minutes=10_000)
    assert breakdown.total == 0
    assert [entry.share for entry in item_shares(breakdown)] == [0]


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
