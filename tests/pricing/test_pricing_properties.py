"""Properties of price() over generated scenarios (within the validated limits of limits.py)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec import structs

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.scenario_io import dump_scenario, parse_scenario
from estimator_gui.pricing import (
    Breakdown,
    Group,
    RecordingTask,
    Relay,
    Resolution,
    Room,
    Scenario,
    TranscodingTask,
    price,
)
from estimator_gui.pricing.scenario import (
    AUDIO_SERVICES,
    CALL_ROLES,
    LIVE_ROLES,
    SERVICES,
    TIERS,
    RoomMixing,
    RoomRecording,
)

CARD = default_rate_card()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# A stream of at most 1920x1080, at most 3 per user: adding one more stays within the 4K tier
# (4 x 2,073,600 = 8,294,400 <= 8,847,360) and every tier from HD to 4K is reachable.
STREAM = st.builds(Resolution, st.integers(1, 1920), st.integers(1, 1080))
STREAMS = st.lists(STREAM, max_size=3).map(tuple)
SECONDS = st.decimals(
    min_value=0, max_value=86_400, places=6, allow_nan=False, allow_infinity=False
)
LABEL = st.text(
    st.characters(
        min_codepoint=32,
        max_codepoint=0x2FFF,
        exclude_categories=("Cc", "Cs", "Zl", "Zp"),
        exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    max_size=12,
)
COUNT_MAX = {"participant": 50, "robot": 5, "anchor": 10, "audience": 5000}


@st.composite
def mixes(draw: st.DrawFn, video: bool) -> tuple[tuple[str, Decimal], ...]:
    """Shares in hundredths of a percent, summing to exactly 100, in TIERS order."""
    if not video:
        return (("audio", Decimal(100)),)
    cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=4, max_size=4)))
    bounds = [0, *cuts, 10_000]
    return tuple(
        (tier, Decimal(high - low).scaleb(-2))
        for tier, low, high in zip(TIERS, bounds[:-1], bounds[1:], strict=True)
    )


@st.composite
def groups(draw: st.DrawFn, service: str) -> Group:
    role = draw(
        st.sampled_from(CALL_ROLES if service in ("audio_call", "video_call") else LIVE_ROLES)
    )
    video = service not in AUDIO_SERVICES
    use_mix = draw(st.booleans())
    return Group(
        role=role,
        count=draw(st.integers(0, COUNT_MAX[role])),
        seconds=draw(st.none() | SECONDS),
        receives=() if use_mix or not video else draw(STREAMS),
        mix=draw(mixes(video)) if use_mix else None,
        label=draw(LABEL),
    )


ROBOTS = st.sampled_from((None, "billed", "files_to_vod"))


@st.composite
def room_recordings(draw: st.DrawFn, video: bool) -> RoomRecording:
    """A room's "record every session": mixed or per stream (at least one video stream)."""
    if video and draw(st.booleans()):
        return RoomRecording(
            records=draw(st.lists(STREAM, min_size=1, max_size=3).map(tuple)),
            mode="per_stream",
            robot=draw(st.sampled_from(("billed", "files_to_vod"))),
        )
    use_mix = draw(st.booleans())
    return RoomRecording(
        records=() if use_mix or not video else draw(STREAMS),
        mix=draw(mixes(video)) if use_mix else None,
        robot=draw(st.sampled_from(("billed", "files_to_vod"))),
    )


@st.composite
def room_mixings(draw: st.DrawFn, video: bool) -> RoomMixing:
    use_mix = draw(st.booleans())
    return RoomMixing(
        inputs=() if use_mix or not video else draw(STREAMS),
        mix=draw(mixes(video)) if use_mix else None,
        codec=draw(st.sampled_from(("h264", "h265"))),
        robot=draw(st.sampled_from((None, "billed"))),
    )


@st.composite
def rooms(draw: st.DrawFn) -> Room:
    service = draw(st.sampled_from(SERVICES))
    live = service in ("live_audio", "live_video")
    video = service not in AUDIO_SERVICES
    return Room(
        service=service,
        rooms_per_day=draw(st.integers(0, 20)),
        days=draw(st.integers(1, 31)),
        seconds=draw(SECONDS),
        groups=tuple(draw(st.lists(groups(service), min_size=1, max_size=4))),
        label=draw(LABEL),
        audience_price_list=draw(st.sampled_from(("standard", "video_live_component")))
        if service == "live_video"
        else "standard",
        delivery=draw(st.sampled_from(("low_latency", "cdn"))) if live else "low_latency",
        record=draw(st.none() | room_recordings(video)),
        mix_for_cdn=draw(st.none() | room_mixings(video)),
    )


@st.composite
def recordings(draw: st.DrawFn) -> RecordingTask:
    per_stream = draw(st.booleans())
    use_mix = not per_stream and draw(st.booleans())
    return RecordingTask(
        tasks_per_day=draw(st.integers(0, 10)),
        days=draw(st.integers(1, 31)),
        seconds=draw(SECONDS),
        records=(
            draw(st.lists(STREAM, min_size=1, max_size=3).map(tuple))
            if per_stream
            else () if use_mix else draw(STREAMS)
        ),
        mix=draw(mixes(True)) if use_mix else None,
        label=draw(LABEL),
        mode="per_stream" if per_stream else "mixed",
        robot=draw(ROBOTS),
    )


@st.composite
def transcodings(draw: st.DrawFn) -> TranscodingTask:
    use_mix = draw(st.booleans())
    return TranscodingTask(
        tasks_per_day=draw(st.integers(0, 10)),
        days=draw(st.integers(1, 31)),
        seconds=draw(SECONDS),
        codec=draw(st.sampled_from(("h264", "h265"))),
        inputs=() if use_mix else draw(STREAMS),
        mix=draw(mixes(True)) if use_mix else None,
        label=draw(LABEL),
        robot=draw(st.sampled_from((None, "billed"))),
    )


AMOUNT = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
RELAYS = st.none() | st.builds(Relay, peak_mbps=AMOUNT) | st.builds(Relay, minutes=AMOUNT)
SCENARIOS = st.builds(
    Scenario,
    rooms=st.lists(rooms(), max_size=3).map(tuple),
    recording=st.lists(recordings(), max_size=2).map(tuple),
    transcoding=st.lists(transcodings(), max_size=2).map(tuple),
    relay=RELAYS,
    title=LABEL,
    free_minutes=st.none() | st.integers(0, 10_000),
    discount_percent=st.decimals(
        min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False
    ),
)


def _sum(values: object) -> Decimal:
    return sum(values, Decimal(0))  # type: ignore[call-overload, no-any-return]


@SETTINGS
@given(SCENARIOS)
def test_totals_are_the_sum_of_the_lines(scenario: Scenario) -> None:
    """gross = sum of line gross; subtotal = sum of line nets; total = gross - free - discount;
    the discount is the percentage of the subtotal."""
    breakdown = price(scenario, CARD)
    assert breakdown.gross == _sum(line.gross for line in breakdown.lines)
    assert breakdown.subtotal == _sum(line.net for line in breakdown.lines)
    assert breakdown.free_amount == breakdown.gross - breakdown.subtotal
    assert breakdown.total == breakdown.gross - breakdown.free_amount - breakdown.discount
    assert breakdown.discount == breakdown.subtotal * scenario.discount_percent / 100
    assert breakdown.contract_discount_eligible == (breakdown.subtotal >= Decimal(3000))
    for line in breakdown.lines:
        assert line.gross == line.quantity * line.unit_price / (1 if line.per == "Mbps" else 1000)


@SETTINGS
@given(SCENARIOS)
def test_free_minutes_stay_within_the_allowance_and_lines_never_go_negative(
    scenario: Scenario,
) -> None:
    """Free minutes used never exceed the allowance (nor 10,000), no line takes more free minutes
    than it bills, only covered categories take any, and no net is negative."""
    breakdown = price(scenario, CARD)
    allowance = CARD.free_minutes if scenario.free_minutes is None else scenario.free_minutes
    assert breakdown.free_minutes_allowance == allowance
    assert 0 <= breakdown.free_minutes_used <= allowance <= 10_000
    assert breakdown.free_minutes_used == sum(line.free_minutes for line in breakdown.lines)
    billed_covered = sum(
        int(line.quantity) for line in breakdown.lines if line.category in CARD.free_order
    )
    assert breakdown.free_minutes_used == min(allowance, billed_covered)
    for line in breakdown.lines:
        assert 0 <= line.free_minutes <= line.quantity
        if line.category not in CARD.free_order:
            assert line.free_minutes == 0
        assert 0 <= line.net <= line.gross
    assert breakdown.total >= 0


@SETTINGS
@given(SCENARIOS, st.integers(0, 10_000), st.integers(0, 10_000))
def test_more_free_minutes_never_raise_the_total(scenario: Scenario, a: int, b: int) -> None:
    """A bigger allowance never costs more."""
    low, high = sorted((a, b))
    cheaper = price(structs.replace(scenario, free_minutes=high), CARD)
    dearer = price(structs.replace(scenario, free_minutes=low), CARD)
    assert cheaper.total <= dearer.total


def _grow(data: st.DataObject, scenario: Scenario) -> tuple[Scenario, bool]:
    """The scenario with more users, minutes, days, rooms or streams in one place; the flag
    says whether the change can move a tier (a stream was added)."""
    if not scenario.rooms:
        return structs.replace(scenario, rooms=(data.draw(rooms()),)), False
    r = data.draw(st.integers(0, len(scenario.rooms) - 1), label="room")
    room = scenario.rooms[r]
    g = data.draw(st.integers(0, len(room.groups) - 1), label="group")
    group = room.groups[g]
    change = data.draw(
        st.sampled_from(
            ("users", "room_minutes", "group_minutes", "days", "rooms_per_day", "stream")
        ),
        label="change",
    )
    streams_added = False
    if change == "users":
        group = structs.replace(group, count=group.count + data.draw(st.integers(1, 10)))
    elif change == "group_minutes" and group.seconds is not None:
        longer = group.seconds + data.draw(st.integers(1, 3600))
        group = structs.replace(group, seconds=min(longer, Decimal(86_400)))
    elif change == "stream" and group.mix is None and room.service not in AUDIO_SERVICES:
        group = structs.replace(group, receives=(*group.receives, data.draw(STREAM)))
        streams_added = True
    elif change == "room_minutes":
        longer = room.seconds + data.draw(st.integers(1, 3600))
        room = structs.replace(room, seconds=min(longer, Decimal(86_400)))
    elif change == "days":
        room = structs.replace(room, days=min(31, room.days + data.draw(st.integers(1, 5))))
    elif change == "rooms_per_day":
        room = structs.replace(room, rooms_per_day=room.rooms_per_day + 1)
    room = structs.replace(room, groups=(*room.groups[:g], group, *room.groups[g + 1 :]))
    grown = (*scenario.rooms[:r], room, *scenario.rooms[r + 1 :])
    return structs.replace(scenario, rooms=grown), streams_added


@SETTINGS
@given(SCENARIOS, st.data())
def test_more_use_never_lowers_the_gross(scenario: Scenario, data: st.DataObject) -> None:
    """Adding users, minutes, days or rooms never lowers the gross, nor the total. Adding a
    received stream never lowers the exact value of the time (seconds at their tier's price);
    the rounded gross may drop by the rounding of the category the time left, since each
    category rounds its month up to a whole minute (0.000001 s audio + 0.000001 s HD bill a
    minute each; both in HD bill one minute)."""
    grown, streams_added = _grow(data, scenario)
    before: Breakdown = price(scenario, CARD)
    after: Breakdown = price(grown, CARD)
    if not streams_added:
        assert after.gross >= before.gross
        assert after.total >= before.total
        return
    assert _exact_value(after) >= _exact_value(before)
    # gross - exact value < one minute's price per category, so the gross falls by less than that
    rounding = sum(
        (line.unit_price / 1000 for line in before.lines if line.section != "relay"), Decimal(0)
    )
    assert after.gross > before.gross - rounding


def _exact_value(breakdown: Breakdown) -> Decimal:
    """What the time is worth before rounding: seconds x price per minute, relay aside."""
    return sum(
        (line.seconds * line.unit_price / 60_000 for line in breakdown.lines
         if line.section != "relay"),
        Decimal(0),
    )


@SETTINGS
@given(SCENARIOS)
def test_a_recording_task_more_never_lowers_the_gross(scenario: Scenario) -> None:
    """Adding a recording task adds its minutes at its tier."""
    task = RecordingTask(1, 1, Decimal(60), records=(Resolution(1280, 720),))
    grown = structs.replace(scenario, recording=(*scenario.recording, task))
    assert price(grown, CARD).gross >= price(scenario, CARD).gross


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.builds(Resolution, st.integers(1, 4096), st.integers(1, 2160)), min_size=1, max_size=8
    )
)
def test_the_tier_never_goes_down_as_streams_are_added(streams: list[Resolution]) -> None:
    """Each stream added to what a user receives keeps or raises the tier (until no tier holds
    the aggregate, which is refused)."""
    order = ("audio", *(tier.name for tier in CARD.tiers))
    pixels = 0
    rank = 0
    for stream in streams:
        pixels += stream.pixels
        tier = CARD.tier_for(pixels)
        if tier is None:
            assert pixels > CARD.max_pixels
            break
        assert order.index(tier) >= rank
        rank = order.index(tier)


@SETTINGS
@given(SCENARIOS)
def test_a_saved_scenario_reads_back_equal(scenario: Scenario) -> None:
    """dump_scenario then parse_scenario gives an equal Scenario (and prices the same)."""
    again = parse_scenario(dump_scenario(scenario))
    assert again == scenario
    assert price(again, CARD) == price(scenario, CARD)
