"""Where the price jumps: the month's total against one input of a room, and its tier changes.

Each point is ``price()`` of the scenario edited as the window's slider edits it (``edits.py``);
a jump is where the tier of the group the input drives changes between two consecutive values.
Codes and numbers only; the window draws and words them.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from decimal import Decimal

from msgspec import Struct
from msgspec.structs import replace

from estimator_gui.pricing import edits, limits
from estimator_gui.pricing.compare import change
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.options import PriceOptions
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import (
    CALL_SERVICES,
    TIERS,
    Group,
    Resolution,
    Room,
    Scenario,
    aggregate_pixels,
)

PARTICIPANTS = "participants"  # a call's participants, a live room's anchors
RECEIVES = "receives"  # cameras watched: streams the room's video group receives at once
RESOLUTION = "resolution"  # the resolution of each of those streams
VIEWERS = "viewers"  # a live room's audience
MINUTES = "minutes"  # the room's session, in whole minutes
INPUT_KINDS = (PARTICIPANTS, RECEIVES, RESOLUTION, VIEWERS, MINUTES)

Value = int | Resolution
ASPECT_MAX = 4  # the widest size the resolution curve offers: 4:1

# Sizes a person picks from, beside the ones the tier boundaries call for.
STANDARD_SIZES = tuple(
    Resolution(w, h)
    for w, h in (
        (160, 90),
        (320, 180),
        (480, 270),
        (640, 360),
        (960, 540),
        (1280, 720),
        (1920, 1080),
        (2560, 1440),
        (3840, 2160),
        (4096, 2160),
    )
)
_SCALES = (
    Decimal(0),
    Decimal("0.25"),
    Decimal("0.5"),
    Decimal("0.75"),
    Decimal(1),
    Decimal("1.25"),
    Decimal("1.5"),
    Decimal(2),
    Decimal(3),
    Decimal(4),
)


class CurvePoint(Struct, frozen=True):
    """The month at one value of the input: its total and gross, and the tier (and aggregate
    pixels, None for a resolution mix) of the group the input drives."""

    value: Value
    total: Decimal
    gross: Decimal
    tier: str | None
    pixels: int | None


class Jump(Struct, frozen=True):
    """The tier changes between two consecutive values; ``percent``: the total's change."""

    before: Value
    after: Value
    from_tier: str | None
    to_tier: str | None
    total_before: Decimal
    total_after: Decimal
    percent: Decimal | None


class Refused(Struct, frozen=True):
    """A value the scenario cannot take (above the top tier, beyond a room's limit): the
    refusal's code, field, limit, the value it names and its English rule, for the window to
    word (``error``)."""

    value: Value
    code: str
    field: str
    limit: object
    refused_value: object = None  # the value the refusal names (a stream count, pixels, ...)
    rule: str = ""

    @property
    def error(self) -> InputError:
        """The refusal as the core raised it."""
        return InputError(
            self.field, self.refused_value, self.rule or self.code, code=self.code,
            limit=self.limit,
        )


class Curve(Struct, frozen=True):
    room_index: int
    input_kind: str
    current: Value | None  # None: the streams differ in resolution
    points: tuple[CurvePoint, ...]
    jumps: tuple[Jump, ...]
    refused: tuple[Refused, ...]


def price_curve(
    scenario: Scenario,
    card: RateCard,
    room_index: int,
    input_kind: str,
    values: Sequence[Value],
    options: PriceOptions | None = None,
) -> Curve:
    """The total at each value (in the order given) and the tier changes between neighbours."""
    room = _room(scenario, room_index)
    _check_kind(room, room_index, input_kind)
    index = driven_index(room, input_kind)
    points: list[CurvePoint] = []
    refused: list[Refused] = []
    for value in values:
        try:
            edited = edited_scenario(scenario, room_index, input_kind, value)
            breakdown = price(edited, card, options)
        except InputError as error:
            refused.append(
                Refused(value, error.code, error.field, error.limit, error.value, error.rule)
            )
            continue
        tier, pixels = group_tier(edited.rooms[room_index].groups[index], card)
        points.append(CurvePoint(value, breakdown.total, breakdown.gross, tier, pixels))
    jumps = tuple(
        Jump(
            a.value,
            b.value,
            a.tier,
            b.tier,
            a.total,
            b.total,
            change(a.total, b.total).percent,
        )
        for a, b in itertools.pairwise(points)
        if a.tier != b.tier
    )
    return Curve(
        room_index,
        input_kind,
        current_value(room, input_kind),
        tuple(points),
        jumps,
        tuple(refused),
    )


def _room(scenario: Scenario, room_index: int) -> Room:
    if not 0 <= room_index < len(scenario.rooms):
        raise InputError(
            "room_index",
            room_index,
            f"names no room; the scenario has {len(scenario.rooms)}",
            code="no_such_room",
            limit=len(scenario.rooms),
        )
    return scenario.rooms[room_index]


def _check_kind(room: Room, room_index: int, kind: str) -> None:
    where = f"rooms[{room_index}]"
    if kind not in INPUT_KINDS:
        raise InputError(
            "input_kind",
            kind,
            "is not an input a curve follows: " + ", ".join(INPUT_KINDS),
            code="unknown_choice",
            limit=INPUT_KINDS,
        )
    if kind == VIEWERS and not room.is_live:
        raise InputError(
            f"{where}.service",
            room.service,
            "has no viewers: live rooms only",
            code="not_applicable",
        )
    if kind in (RECEIVES, RESOLUTION):
        if room.service not in ("video_call", "live_video"):
            raise InputError(
                f"{where}.service", room.service, "carries audio only", code="not_applicable"
            )
        if room.audience_on_cdn:
            raise InputError(
                f"{where}.delivery",
                room.delivery,
                "bills its viewers through the CDN, not by resolution tier: cameras watched and "
                "resolution change no TRTC price",
                code="not_applicable",
            )
        index = edits.main_group_index(room, video_role(room))
        if index is not None and room.groups[index].mix is not None:
            raise InputError(
                f"{where}.groups[{index}].mix",
                "mix",
                "gives a share of time per tier, not streams: cameras watched and resolution "
                "apply to streams",
                code="not_applicable",
            )


def video_role(room: Room) -> str:
    """The role whose received streams the room's video inputs change (as the window's)."""
    return "audience" if room.is_live else "participant"


def count_role(room: Room, kind: str) -> str:
    if kind == VIEWERS:
        return "audience"
    return "participant" if room.service in CALL_SERVICES else "anchor"


def edited_scenario(scenario: Scenario, room_index: int, kind: str, value: Value) -> Scenario:
    """The scenario with one input of one room set, as the window's slider sets it."""
    room = scenario.rooms[room_index]
    if kind in (PARTICIPANTS, VIEWERS):
        room = edits.with_role_count(room, count_role(room, kind), _whole(value))
    elif kind == MINUTES:
        room = replace(room, seconds=edits.minutes_to_seconds(_whole(value)))
    elif kind == RECEIVES:
        count = _whole(value)
        room = _with_video_group(
            room,
            lambda g: replace(g, receives=edits.with_stream_count(g.receives, count, edits.HD_720)),
        )
    else:
        size = value if isinstance(value, Resolution) else Resolution.parse(value, "resolution")
        room = _with_video_group(
            room, lambda g: replace(g, receives=edits.with_resolution(g.receives, size))
        )
    return edits.replace_room(scenario, room_index, room)


def _whole(value: Value) -> int:
    if isinstance(value, Resolution):
        raise InputError(
            "value", str(value), "is a resolution, not a whole number", code="not_whole"
        )
    return value


def _with_video_group(room: Room, make: Callable[[Group], Group]) -> Room:
    index = edits.main_group_index(room, video_role(room))
    if index is None:  # as the window: moving a video input adds the group
        room = replace(room, groups=(*room.groups, Group(video_role(room), 1)))
        index = len(room.groups) - 1
    return edits.with_group(room, index, make(room.groups[index]))


def driven_index(room: Room, kind: str) -> int:
    """The index of the group the input changes: the largest of its role, as the window's
    sliders; a room without one gets it appended, so its index is then the room's group count.
    The curve follows this one group's tier, whichever group grows largest on the way."""
    role = count_role(room, kind) if kind in (PARTICIPANTS, VIEWERS) else video_role(room)
    index = edits.main_group_index(room, role)
    return len(room.groups) if index is None else index


def driven_group(room: Room, kind: str) -> Group | None:
    index = driven_index(room, kind)
    return room.groups[index] if index < len(room.groups) else None


def group_tier(group: Group, card: RateCard) -> tuple[str | None, int | None]:
    """A group's tier (a mix: its highest tier with a share) and aggregate pixels (None: mix)."""
    if group.mix is not None:
        shared = [tier for tier, share in group.mix if share > 0]
        return max(shared, key=TIERS.index, default=None), None
    pixels = aggregate_pixels(group.receives)
    return card.tier_for(pixels), pixels


def current_value(room: Room, kind: str) -> Value | None:
    """The input's value in the room as it is."""
    if kind in (PARTICIPANTS, VIEWERS):
        return edits.role_count(room, count_role(room, kind))
    if kind == MINUTES:
        return edits.whole_minutes(room.seconds)
    group = driven_group(room, kind)
    streams = () if group is None else group.receives
    if kind == RECEIVES:
        return len(streams)
    return edits.stream_resolution(streams) if streams else edits.HD_720


# ---------------------------------------------------------------- sensible values


def curve_values(scenario: Scenario, card: RateCard, room_index: int, kind: str) -> list[Value]:
    """Values worth drawing for ``kind`` around the room's current value, in increasing order.

    Cameras watched: every count from 0 up to the first with no published price. Resolution:
    common sizes and, for each tier boundary, the largest size at or below it and the smallest
    above it (for the room's number of streams). Counts and minutes: a spread around the
    current value within the room's limits (they change no tier: receives stay as they are).
    """
    room = _room(scenario, room_index)
    _check_kind(room, room_index, kind)
    if kind == RECEIVES:
        return list(_receive_counts(room, card))
    if kind == RESOLUTION:
        return list(_resolutions(room, card))
    current = current_value(room, kind)
    assert isinstance(current, int)
    low, high, default = _count_range(room, kind)
    base = current or default
    found = {min(max(int(base * s), low), high) for s in _SCALES} | {current, low}
    return sorted(v for v in found if low <= v <= high)


def _count_range(room: Room, kind: str) -> tuple[int, int, int]:
    """(lowest, highest, the value to spread around when the current one is 0)."""
    if kind == MINUTES:
        return 1, limits.SESSION_MINUTES_MAX, 60
    if kind == VIEWERS:
        high = limits.LOW_LATENCY_AUDIENCE if room.delivery == "low_latency" else 10**7
        return 0, high, 1000
    if room.service in CALL_SERVICES:
        return 0, limits.CALL_ROOM_USERS, 4
    return 0, limits.LIVE_CO_ANCHORS, 2


def _receive_counts(room: Room, card: RateCard) -> range:
    group = driven_group(room, RECEIVES)
    streams = () if group is None else group.receives
    for count in range(limits.STREAMS_MAX + 1):
        pixels = aggregate_pixels(edits.with_stream_count(streams, count, edits.HD_720))
        if pixels > card.max_pixels:
            return range(count + 1)  # the first count with no price shows where prices end
    return range(limits.STREAMS_MAX + 1)


def _resolutions(room: Room, card: RateCard) -> list[Resolution]:
    group = driven_group(room, RESOLUTION)
    count = max(len(group.receives) if group is not None else 0, 1)
    current = current_value(room, RESOLUTION)
    sizes = [*STANDARD_SIZES, *([current] if isinstance(current, Resolution) else [])]
    for tier in card.tiers:
        below = _size_at_most(tier.up_to // count)
        above = _size_above(tier.up_to // count)
        sizes += [s for s in (below, above) if s is not None]
    by_pixels: dict[int, Resolution] = {}
    for size in sizes:  # the common sizes first: they name a pixel count before odd ones do
        by_pixels.setdefault(size.pixels, size)
    top = card.max_pixels
    priced = sorted(p for p in by_pixels if p * count <= top)
    beyond = sorted(p for p in by_pixels if p * count > top)[:1]
    return [by_pixels[p] for p in priced + beyond]


def _size_at_most(pixels: int) -> Resolution | None:
    for candidate in range(pixels, 0, -1):
        size = _factor(candidate)
        if size is not None:
            return size
    return None


def _size_above(pixels: int) -> Resolution | None:
    side = limits.RESOLUTION_SIDE_MAX
    for candidate in range(pixels + 1, side * side + 1):
        size = _factor(candidate)
        if size is not None:
            return size
    return None


def _factor(pixels: int) -> Resolution | None:
    """A size of exactly ``pixels``, landscape and at most 4:1 (a size a camera or a screen
    share has), as near 16:9 as its divisors allow; None when there is none."""
    side = limits.RESOLUTION_SIDE_MAX
    best: Resolution | None = None
    wanted = math.isqrt(pixels * 9 // 16)  # the height of a 16:9 size of about those pixels
    lowest = max(1, -(-pixels // side), math.isqrt(pixels // ASPECT_MAX))
    for height in range(lowest, math.isqrt(pixels) + 1):
        if pixels % height:
            continue
        if pixels // height > ASPECT_MAX * height:
            continue
        size = Resolution(pixels // height, height)
        if best is None or abs(height - wanted) < abs(best.height - wanted):
            best = size
    return best
