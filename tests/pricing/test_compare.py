"""Variants side by side (pricing/compare.py): exact differences to the base, lines aligned by key,
and the inputs that differ, as codes, for every kind of field."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import replace
from pricing_builders import ROOT, group, minutes, priced, room

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.scenario_io import read_scenario_file
from estimator_gui.pricing import Relay, Scenario, price
from estimator_gui.pricing.compare import (
    ADDED,
    CHOICE,
    DATE,
    DURATION,
    MIX,
    NUMBER,
    REMOVED,
    STREAMS,
    TEXT,
    Change,
    InputDifference,
    LineKey,
    change,
    compare,
    input_differences,
)
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.options import PriceOptions, ValueAddedUse
from estimator_gui.pricing.scenario import RecordingTask, RoomMixing, RoomRecording

EXAMPLES = ROOT / "resources" / "examples"
CARD = default_rate_card()


def example(name: str) -> Scenario:
    return read_scenario_file(EXAMPLES / f"{name}.json").scenario


def test_change_is_exact_and_percent_of_the_base() -> None:
    """The amount is other - base to the last digit; the percent is of the base, rounded to a
    millionth, and None when the base is 0."""
    assert change(Decimal("3"), Decimal("4")) == Change(Decimal("1"), Decimal("33.333333"))
    assert change(Decimal("0.0891"), Decimal("0.0297")).amount == Decimal("-0.0594")
    assert change(Decimal(0), Decimal("5")) == Change(Decimal("5"), None)
    assert change(Decimal("2"), Decimal(0)).percent == Decimal(-100)


def test_totals_and_their_differences_to_the_first_variant() -> None:
    """Each variant carries its total, gross, free minutes, discount and contract notice, and
    the difference of each to the first variant."""
    base, cdn = example("live_shopping"), example("webinar")
    a, b = price(base, CARD), price(cdn, CARD)
    comparison = compare([("Base", a), ("Webinar", b)])
    first, second = comparison.variants
    assert comparison.names == ("Base", "Webinar")
    assert first.total_change == Change(Decimal(0), Decimal(0))
    assert second.total == b.total
    assert second.total_change.amount == b.total - a.total
    assert second.gross_change.amount == b.gross - a.gross
    assert second.free_amount_change.amount == b.free_amount - a.free_amount
    assert second.discount_change.amount == b.discount - a.discount
    assert second.free_minutes_used == b.free_minutes_used
    assert (first.contract_notice, second.contract_notice) == (
        a.contract_discount_eligible,
        b.contract_discount_eligible,
    )


def test_a_line_in_one_variant_only_is_aligned_against_nothing() -> None:
    """A line the base lacks shows its whole amount as the change (no percent: the base is 0);
    a line the variant lacks shows minus the base's amount, -100%."""
    hd = priced(room("video_call", group("participant", 2, "640x360"), minutes_each=60))
    fhd = priced(room("video_call", group("participant", 2, "1920x1080"), minutes_each=60))
    comparison = compare([("HD", hd), ("FHD", fhd)])
    rows = {row.key: row for row in comparison.rows}
    hd_row = rows[LineKey("duration", "standard", "HD")]
    fhd_row = rows[LineKey("duration", "standard", "FHD")]
    assert hd_row.lines[1] is None and fhd_row.lines[0] is None
    assert hd_row.minutes(0) == Decimal(120) and hd_row.minutes(1) is None
    assert hd_row.gross_changes[1] == Change(-hd.lines[0].gross, Decimal(-100))
    assert fhd_row.gross_changes[1] == Change(fhd.lines[0].gross, None)
    assert fhd_row.net_changes[0] is None  # in neither the base nor this variant


def test_lines_follow_the_engines_order_whichever_variant_has_them() -> None:
    """Duration before recording, tiers upwards, relay last: the order of a quote's lines."""
    webinar = price(example("webinar"), CARD)
    shopping = price(example("live_shopping"), CARD)
    tutoring = price(example("tutoring"), CARD)
    keys = [row.key for row in compare([("a", shopping), ("b", webinar), ("c", tutoring)]).rows]
    assert keys == sorted(
        keys,
        key=lambda k: (
            ("duration", "recording", "transcoding", "relay").index(k.section),
            ("audio", "HD", "FHD", "2K", "4K", "relay").index(k.tier),
        ),
    )
    assert len(keys) == len(set(keys))
    every = {
        (line.section, line.price_list, line.tier)
        for b in (webinar, shopping, tutoring)
        for line in b.lines
    }
    assert {(k.section, k.price_list, k.tier) for k in keys} == every


def test_no_variant_is_refused() -> None:
    with pytest.raises(InputError) as refused:
        compare([])
    assert refused.value.field == "variants"


sizes = st.sampled_from(["320x180", "640x360", "1280x720", "1920x1080"])


@st.composite
def call_rooms(draw: st.DrawFn) -> Scenario:
    streams = draw(st.lists(sizes, min_size=0, max_size=3))
    return Scenario(
        rooms=(
            room(
                "video_call",
                group("participant", draw(st.integers(1, 20)), *streams),
                minutes_each=draw(st.integers(1, 300)),
                days=draw(st.integers(1, 31)),
            ),
        ),
        free_minutes=draw(st.sampled_from([0, 10_000, None])),
        discount_percent=Decimal(draw(st.integers(0, 20))),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(call_rooms(), min_size=1, max_size=4))
def test_line_changes_add_up_to_the_totals_changes(scenarios: list[Scenario]) -> None:
    """Per variant, the lines' gross changes add up to the gross change and their net changes to
    the subtotal's, exactly: no line is lost or counted twice by the alignment."""
    breakdowns = [price(s, CARD) for s in scenarios]
    comparison = compare([(str(i), b) for i, b in enumerate(breakdowns)])
    for index, breakdown in enumerate(breakdowns):
        gross = sum(
            (
                row.gross_changes[index].amount
                for row in comparison.rows
                if row.gross_changes[index] is not None
            ),
            Decimal(0),
        )
        net = sum(
            (
                row.net_changes[index].amount
                for row in comparison.rows
                if row.net_changes[index] is not None
            ),
            Decimal(0),
        )
        assert gross == breakdown.gross - breakdowns[0].gross
        assert net == breakdown.subtotal - breakdowns[0].subtotal
        assert comparison.variants[index].total_change.amount == (
            breakdown.total - breakdowns[0].total
        )


# ---------------------------------------------------------------- input differences


def _by_path(differences: list[InputDifference]) -> dict[str, InputDifference]:
    return {d.path: d for d in differences}


def test_same_scenario_differs_in_nothing() -> None:
    assert input_differences(example("live_shopping"), example("live_shopping")) == []


def test_numbers_durations_texts_and_choices() -> None:
    """Counts, seconds, labels and codes (delivery, price list, service...) each with their kind
    and both values."""
    base = example("live_shopping")
    first = base.rooms[0]
    other = replace(
        base,
        title="Viewers on CDN",
        discount_percent=Decimal(5),
        free_minutes=0,
        rooms=(
            replace(
                first,
                delivery="cdn",
                audience_price_list="video_live_component",
                rooms_per_day=2,
                seconds=minutes(60),
                label="Evening show",
            ),
            *base.rooms[1:],
        ),
    )
    found = _by_path(input_differences(base, other))
    assert found["rooms[0].delivery"] == InputDifference(
        "rooms[0].delivery", CHOICE, "low_latency", "cdn"
    )
    assert found["rooms[0].audience_price_list"].kind == CHOICE
    assert found["rooms[0].audience_price_list"].other == "video_live_component"
    assert found["rooms[0].rooms_per_day"] == InputDifference(
        "rooms[0].rooms_per_day", NUMBER, 1, 2
    )
    assert found["rooms[0].seconds"] == InputDifference(
        "rooms[0].seconds", DURATION, Decimal(5400), Decimal(3600)
    )
    assert found["rooms[0].label"].kind == TEXT
    assert found["title"] == InputDifference("title", TEXT, base.title, "Viewers on CDN")
    assert found["discount_percent"] == InputDifference(
        "discount_percent", NUMBER, Decimal(0), Decimal(5)
    )
    assert found["free_minutes"] == InputDifference("free_minutes", NUMBER, 10000, 0)
    assert len(found) == 8


def test_streams_mix_and_codec() -> None:
    """Resolutions received, a resolution mix and a task's codec."""
    base = example("live_shopping")
    shopping = base.rooms[0]
    viewers = shopping.groups[2]
    host = shopping.groups[0]
    groups = (
        replace(host, receives=group("anchor", 1, "1920x1080").receives),
        shopping.groups[1],
        replace(viewers, mix=(("HD", Decimal(100)),)),
        shopping.groups[3],
    )
    other = replace(
        base,
        rooms=(replace(shopping, groups=groups), *base.rooms[1:]),
        transcoding=(replace(base.transcoding[0], codec="h265"),),
    )
    found = _by_path(input_differences(base, other))
    receives = found["rooms[0].groups[0].receives"]
    assert receives.kind == STREAMS
    assert [str(s) for s in receives.base] == ["1280x720"]
    assert [str(s) for s in receives.other] == ["1920x1080"]
    mix = found["rooms[0].groups[2].mix"]
    assert mix.kind == MIX
    assert mix.base == (("HD", Decimal(60)), ("FHD", Decimal(40)))
    assert mix.other == (("HD", Decimal(100)),)
    assert found["transcoding[0].codec"] == InputDifference(
        "transcoding[0].codec", CHOICE, "h264", "h265"
    )
    assert len(found) == 3


def test_rooms_groups_and_tasks_added_and_removed() -> None:
    """Items of a list are matched by equality first: the first room removed is one removal,
    not every later room changed; a group, a task and relay come and go as items."""
    base = example("live_shopping")
    extra = room("video_call", group("participant", 2, "640x360"))
    shopping = base.rooms[0]
    other = replace(
        base,
        rooms=(replace(shopping, groups=shopping.groups[:3]), extra),
        recording=(*base.recording, RecordingTask(1, 4, minutes(30))),
        relay=None,
    )
    found = input_differences(base, other)
    assert InputDifference("rooms[0].groups[3]", REMOVED, shopping.groups[3], None) in found
    assert InputDifference("rooms[1]", REMOVED, base.rooms[1], None) in found
    assert InputDifference("rooms[1]", ADDED, None, extra) in found
    assert InputDifference("recording[1]", ADDED, None, other.recording[1]) in found
    assert InputDifference("relay", REMOVED, base.relay, None) in found
    assert len(found) == 5
    dropped_first = replace(base, rooms=base.rooms[1:])
    assert input_differences(base, dropped_first) == [
        InputDifference("rooms[0]", REMOVED, base.rooms[0], None)
    ]


def test_a_rooms_own_tasks_and_relay_settings() -> None:
    """A room's recording or mixing switched on is an added item; its settings then differ
    field by field (the robot's choice, the mode); relay Mbps is a number."""
    base = example("tutoring")
    lessons = base.rooms[0]
    recorded = replace(lessons, record=RoomRecording(records=lessons.groups[0].receives))
    with_record = replace(base, rooms=(recorded, *base.rooms[1:]))
    assert input_differences(base, with_record) == [
        InputDifference("rooms[0].record", ADDED, None, recorded.record)
    ]
    assert recorded.record is not None
    vod = replace(recorded, record=replace(recorded.record, robot="files_to_vod"))
    mixed = replace(vod, mix_for_cdn=RoomMixing(inputs=lessons.groups[0].receives))
    other = replace(base, rooms=(mixed, *base.rooms[1:]), relay=Relay(peak_mbps=Decimal(7)))
    found = _by_path(input_differences(with_record, other))
    assert found["rooms[0].record.robot"] == InputDifference(
        "rooms[0].record.robot", CHOICE, "billed", "files_to_vod"
    )
    assert found["rooms[0].mix_for_cdn"].kind == ADDED
    assert found["relay.peak_mbps"] == InputDifference(
        "relay.peak_mbps", NUMBER, Decimal(5), Decimal(7)
    )


def test_price_options_differ_by_date_and_value_added_use() -> None:
    """The price options (registration day, value-added services) differ as codes too."""
    base = PriceOptions()
    use = ValueAddedUse("speech_to_text", 1, 10, minutes(30))
    other = PriceOptions(registered=datetime.date(2025, 11, 1), value_added=(use,))
    assert input_differences(base, other) == [
        InputDifference("registered", DATE, None, datetime.date(2025, 11, 1)),
        InputDifference("value_added[0]", ADDED, None, use),
    ]
    longer = PriceOptions(value_added=(replace(use, option="HD", seconds=minutes(45)),))
    assert _by_path(input_differences(PriceOptions(value_added=(use,)), longer)) == {
        "value_added[0].seconds": InputDifference(
            "value_added[0].seconds", DURATION, minutes(30), minutes(45)
        ),
        "value_added[0].option": InputDifference("value_added[0].option", CHOICE, "standard", "HD"),
    }
