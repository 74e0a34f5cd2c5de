"""Where the price jumps (pricing/jumps.py): the curve's points are price() at each value, and the
jumps sit exactly at the card's tier boundaries (4 x 640x360 = 921,600 px is HD, one more pixel
is FHD)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pricing_builders import ROOT, group, room, streams

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.scenario_io import read_scenario_file
from estimator_gui.pricing import Resolution, Scenario, price
from estimator_gui.pricing.compare import change
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.jumps import (
    ASPECT_MAX,
    INPUT_KINDS,
    MINUTES,
    PARTICIPANTS,
    RECEIVES,
    RESOLUTION,
    VIEWERS,
    curve_values,
    edited_scenario,
    price_curve,
)
from estimator_gui.pricing.scenario import aggregate_pixels

CARD = default_rate_card()
EXAMPLES = ROOT / "resources" / "examples"
HD_TOP = 921_600


def example(name: str) -> Scenario:
    return read_scenario_file(EXAMPLES / f"{name}.json").scenario


def one_room(*receives: str, count: int = 2) -> Scenario:
    return Scenario(
        rooms=(room("video_call", group("participant", count, *receives), minutes_each=60),),
        free_minutes=0,
    )


CASES = [("tutoring", 0, kind) for kind in (PARTICIPANTS, RECEIVES, RESOLUTION, MINUTES)] + [
    ("live_shopping", 0, VIEWERS),
    ("live_shopping", 0, PARTICIPANTS),
    ("live_shopping", 1, VIEWERS),
    ("webinar", 0, RECEIVES),
    ("webinar", 0, MINUTES),
    ("team_meetings", 1, RESOLUTION),
]


@pytest.mark.parametrize(("name", "index", "kind"), CASES)
def test_each_point_is_price_of_the_edited_scenario(name: str, index: int, kind: str) -> None:
    """A point's total and gross are price() of the scenario with that one input set, the edit
    being the window's own (edits.py); a value with no price is refused, not guessed."""
    scenario = example(name)
    values = curve_values(scenario, CARD, index, kind)
    curve = price_curve(scenario, CARD, index, kind, values)
    assert len(curve.points) + len(curve.refused) == len(values)
    assert curve.points
    for point in curve.points:
        breakdown = price(edited_scenario(scenario, index, kind, point.value), CARD)
        assert (point.total, point.gross) == (breakdown.total, breakdown.gross)
    for refused in curve.refused:
        with pytest.raises(InputError) as error:
            price(edited_scenario(scenario, index, kind, refused.value), CARD)
        assert error.value.code == refused.code
        # the window words it from the refusal as the core raised it, value and rule included
        assert refused.error.message == error.value.message


def test_the_fifth_640x360_stream_moves_the_group_from_hd_to_fhd() -> None:
    """4 x 640x360 = 921,600 px is still HD; the fifth stream makes it FHD: one jump, there."""
    scenario = one_room("640x360")
    curve = price_curve(scenario, CARD, 0, RECEIVES, range(1, 7))
    tiers = {point.value: (point.tier, point.pixels) for point in curve.points}
    assert tiers[4] == ("HD", HD_TOP)
    assert tiers[5] == ("FHD", 5 * 230_400)
    assert [(j.before, j.after, j.from_tier, j.to_tier) for j in curve.jumps] == [
        (4, 5, "HD", "FHD")
    ]
    jump = curve.jumps[0]
    assert jump.percent == change(jump.total_before, jump.total_after).percent
    assert jump.total_after > jump.total_before


def test_one_more_pixel_is_the_next_tier() -> None:
    """1280x720 = 921,600 px is HD; with a 1x1 stream beside it, 921,601 px, FHD: the jump
    sits between those two values and nowhere else below FHD's top."""
    scenario = one_room("1280x720", "1x1")
    curve = price_curve(scenario, CARD, 0, RECEIVES, [1, 2, 3])
    assert [(p.pixels, p.tier) for p in curve.points] == [
        (HD_TOP, "HD"),
        (HD_TOP + 1, "FHD"),
        (HD_TOP + 2, "FHD"),
    ]
    assert [(j.before, j.after) for j in curve.jumps] == [(1, 2)]


def test_resolution_values_hold_four_640x360_exactly() -> None:
    """For a group watching 4 streams, the resolution curve offers 640x360 (4 x = 921,600 px,
    HD) and the next size up is FHD: the jump is between them."""
    scenario = one_room("320x180", "320x180", "320x180", "320x180")
    values = curve_values(scenario, CARD, 0, RESOLUTION)
    assert Resolution(640, 360) in values
    curve = price_curve(scenario, CARD, 0, RESOLUTION, values)
    hd_fhd = [j for j in curve.jumps if j.from_tier == "HD"]
    assert len(hd_fhd) == 1
    assert hd_fhd[0].before == Resolution(640, 360)
    assert hd_fhd[0].to_tier == "FHD"


def _sizes_between(low: int, high: int) -> list[int]:
    """Pixel counts strictly between low and high that a landscape size up to 4:1 has."""
    found = []
    for pixels in range(low + 1, high):
        for height in range(1, int(pixels**0.5) + 1):
            width, rest = divmod(pixels, height)
            if not rest and width <= ASPECT_MAX * height and width <= 8192:
                found.append(pixels)
                break
    return found


@pytest.mark.parametrize("count", [1, 2, 4])
def test_resolution_values_sit_on_both_sides_of_every_boundary(count: int) -> None:
    """For every tier boundary, the values hold the largest size at or below it and the
    smallest above it (for the group's number of streams): no size lies between them."""
    scenario = one_room(*(["640x360"] * count))
    values = curve_values(scenario, CARD, 0, RESOLUTION)
    assert all(isinstance(v, Resolution) for v in values)
    pixels = sorted({v.pixels for v in values if isinstance(v, Resolution)})
    for tier in CARD.tiers:
        below = max(p for p in pixels if p * count <= tier.up_to)
        above = [p for p in pixels if p * count > tier.up_to]
        assert _sizes_between(below, tier.up_to // count + 1) == []
        if above:
            assert _sizes_between(tier.up_to // count, min(above)) == []


def test_jumps_only_where_the_tier_changes_and_every_change_is_a_jump() -> None:
    """Between every two consecutive points the tiers differ exactly when a jump is listed."""
    scenario = example("webinar")
    values = curve_values(scenario, CARD, 0, RECEIVES)
    curve = price_curve(scenario, CARD, 0, RECEIVES, values)
    changes = [
        (a.value, b.value)
        for a, b in zip(curve.points, curve.points[1:], strict=False)
        if a.tier != b.tier
    ]
    assert [(j.before, j.after) for j in curve.jumps] == changes
    assert [j.to_tier for j in curve.jumps] == ["FHD", "2K", "4K"]


def test_values_beyond_the_top_tier_are_refused() -> None:
    """Cameras watched: every count up to the first with no published price, which is refused
    as above the top tier."""
    scenario = one_room("1280x720")
    values = curve_values(scenario, CARD, 0, RECEIVES)
    assert values == list(range(11))  # 9 x 1280x720 = 8,294,400 px; 10 are above 8,847,360
    curve = price_curve(scenario, CARD, 0, RECEIVES, values)
    assert [(r.value, r.code) for r in curve.refused] == [(10, "above_top_tier")]
    assert curve.points[-1].tier == "4K"


@pytest.mark.parametrize("kind", [PARTICIPANTS, VIEWERS, MINUTES])
def test_count_values_spread_around_the_current_one(kind: str) -> None:
    """Counts and minutes: the current value, values below and above, within the room's limits."""
    scenario = example("live_shopping")
    values = curve_values(scenario, CARD, 0, kind)
    curve = price_curve(scenario, CARD, 0, kind, values)
    assert curve.current in values
    assert values == sorted(set(values))
    assert min(values) < curve.current < max(values)  # type: ignore[operator]
    assert not curve.refused


def test_curve_inputs_that_do_not_apply_are_refused() -> None:
    """Viewers in a call, streams of a group priced by a resolution mix, an unknown input, a room
    that is not there: refused naming the field."""
    with pytest.raises(InputError) as error:
        price_curve(example("tutoring"), CARD, 0, VIEWERS, [1])
    assert error.value.field == "rooms[0].service"
    with pytest.raises(InputError) as error:
        curve_values(example("live_shopping"), CARD, 0, RESOLUTION)
    assert error.value.field == "rooms[0].groups[2].mix"
    with pytest.raises(InputError) as error:
        price_curve(example("tutoring"), CARD, 0, "bitrate", [1])
    assert error.value.field == "input_kind"
    with pytest.raises(InputError) as error:
        curve_values(example("tutoring"), CARD, 5, MINUTES)
    assert error.value.field == "room_index"
    assert set(INPUT_KINDS) == {PARTICIPANTS, RECEIVES, RESOLUTION, VIEWERS, MINUTES}


@settings(max_examples=40, deadline=None)
@given(
    width=st.integers(16, 2048),
    height=st.integers(16, 1200),
    count=st.integers(1, 12),
)
def test_a_jump_sits_exactly_at_a_boundary(width: int, height: int, count: int) -> None:
    """Whatever the stream, a jump's two sides straddle one tier boundary of the card: the
    before side at or below it, the after side above it, and their tiers are the card's."""
    scenario = one_room(f"{width}x{height}")
    curve = price_curve(scenario, CARD, 0, RECEIVES, range(count + 1))
    by_value = {point.value: point for point in curve.points}
    bounds = [0] + [tier.up_to for tier in CARD.tiers]
    for jump in curve.jumps:
        before, after = by_value[jump.before], by_value[jump.after]
        assert before.pixels is not None and after.pixels is not None
        assert any(before.pixels <= bound < after.pixels for bound in bounds)
        assert jump.from_tier == CARD.tier_for(before.pixels)
        assert jump.to_tier == CARD.tier_for(after.pixels)
    for point in curve.points:
        assert isinstance(point.value, int)
        assert point.pixels == aggregate_pixels(streams(f"{width}x{height}") * point.value)
        assert point.total == price(edited_scenario(scenario, 0, RECEIVES, point.value), CARD).total


def test_percent_of_a_jump_from_nothing_is_none() -> None:
    """A jump from a total of 0 (all within free minutes, or nothing billed) has no percent."""
    scenario = Scenario(rooms=(room("video_call", group("participant", 1, "1280x720")),))
    curve = price_curve(scenario, CARD, 0, RECEIVES, [0, 1, 2])
    assert [j.percent for j in curve.jumps] == [None, None]
    assert all(p.total == Decimal(0) for p in curve.points)


@pytest.mark.parametrize("kind", [RECEIVES, RESOLUTION])
def test_a_cdn_room_offers_no_resolution_curve(kind: str) -> None:
    """Viewers through a CDN are billed by the CDN, not by TRTC's tiers: their streams move no
    price, so the curve is refused rather than drawn with tier 'jumps' of 0%."""
    scenario = example("live_shopping")
    room = scenario.rooms[1]
    assert room.audience_on_cdn
    with pytest.raises(InputError) as error:
        curve_values(scenario, CARD, 1, kind)
    assert (error.value.code, error.value.field) == ("not_applicable", "rooms[1].delivery")
    viewers = price_curve(scenario, CARD, 1, VIEWERS, curve_values(scenario, CARD, 1, VIEWERS))
    assert viewers.points and viewers.jumps == ()
