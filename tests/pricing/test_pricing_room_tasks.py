"""Recording and mixing that follow the rooms, and the robot's own duration stated on every task."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from msgspec import structs
from pricing_builders import ROOT, group, line, minutes, priced, room, streams
from test_pricing_properties import SCENARIOS, SETTINGS

from estimator_gui.files.ratecard_io import default_rate_card, shipped_rate_card
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.pricing import (
    Breakdown,
    InputError,
    RateCard,
    RecordingTask,
    Room,
    Scenario,
    TranscodingTask,
    price,
)
from estimator_gui.pricing.expand import expand_tasks, written_out
from estimator_gui.pricing.scenario import Group, RoomMixing, RoomRecording

DATA = ROOT / "tests" / "pricing" / "data"
TUTORING = ROOT / "resources" / "examples" / "tutoring.json"
CARDS = [default_rate_card(), shipped_rate_card("trtc-intl-2026-12")]
CARD_IDS = [card.id for card in CARDS]


def figures(breakdown: Breakdown) -> tuple[object, ...]:
    """Everything a quote bills, without where the usages came from."""
    lines = tuple(
        (item.section, item.price_list, item.tier, item.seconds, item.quantity, item.gross,
         item.free_minutes, item.net, item.days)
        for item in breakdown.lines
    )
    totals = (breakdown.gross, breakdown.free_minutes_used, breakdown.free_amount,
              breakdown.subtotal, breakdown.discount, breakdown.total)
    return lines, totals, tuple(notice.code for notice in breakdown.notices)


def _with_record(scenario: Scenario, index: int, record: RoomRecording | None) -> Scenario:
    rooms = list(scenario.rooms)
    rooms[index] = structs.replace(rooms[index], record=record)
    return structs.replace(scenario, rooms=tuple(rooms))


@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
def test_recording_and_mixing_every_session_price_like_the_tasks_written_out_by_hand(
    card: RateCard,
) -> None:
    """The tutoring room records every lesson (2 x 1280x720 together) and the show is mixed for
    the CDN: the same lines, minutes, free minutes, totals and notices as the example's own
    recording and mixing tasks with their robots stated, typed again by hand."""
    by_room = price(read_scenario(DATA / "tutoring_room_tasks.json"), card)
    by_hand = price(read_scenario(DATA / "tutoring_tasks_by_hand.json"), card)
    assert figures(by_room) == figures(by_hand)
    assert {u.source for u in by_room.usages if u.role == "robot"} == {
        "rooms[0].record.robot", "rooms[1].mix_for_cdn.robot",
    }
    assert {u.source for u in by_hand.usages if u.role == "robot"} == {
        "recording[0].robot", "transcoding[0].robot",
    }


def test_turning_on_record_every_session_adds_the_recording_and_its_robot() -> None:
    """Tutoring without its free-standing task, then with "record every session" on the lessons
    room: 40 lessons a day x 22 days x 45 min = 39,600 min of FHD recording (13.49) and, the
    files going elsewhere by default, 39,600 min of FHD robot duration (8.99): +890.208 USD."""
    scenario = structs.replace(read_scenario(TUTORING), recording=())
    recorded = _with_record(scenario, 0, RoomRecording(records=streams("1280x720", "1280x720")))
    before, after = price(scenario, CARDS[0]), price(recorded, CARDS[0])
    assert line(after, "recording", "FHD").quantity == 39_600
    assert line(after, "duration", "FHD").quantity - line(before, "duration", "FHD").quantity == (
        39_600
    )
    assert after.total - before.total == Decimal("534.204") + Decimal("356.004")


def test_room_tasks_follow_the_rooms_sessions_days_and_minutes() -> None:
    """10 rooms a day for 3 days of 30 min, recorded at 1280x720 into VOD: 900 HD recording
    minutes (5.391 USD); 20 rooms a day bill 1,800, 45-minute sessions 1,350, 6 days 1,800."""
    base = room("video_call", group("participant", 2, "1280x720"), minutes_each=30,
                rooms_per_day=10, days=3,
                record=RoomRecording(records=streams("1280x720"), robot="files_to_vod"))
    breakdown = priced(base)
    assert line(breakdown, "recording", "HD").quantity == 900
    assert line(breakdown, "recording", "HD").gross == Decimal("5.391")
    for change, expected in (({"rooms_per_day": 20}, 1800), ({"seconds": minutes(45)}, 1350),
                             ({"days": 6}, 1800)):
        changed = structs.replace(base, **change)  # type: ignore[arg-type]
        assert line(priced(changed), "recording", "HD").quantity == expected


def test_per_stream_records_each_stream_at_its_own_tier_and_one_robot_at_their_aggregate() -> None:
    """One file per stream: 1920x1080 is 10 FHD recording minutes (13.49), 640x360 10 HD ones
    (5.99); the robot receives both, 2,304,000 px, 10 minutes of 2K duration (15.99)."""
    recorded = room("video_call", group("participant", 2, "1920x1080"),
                    record=RoomRecording(records=streams("1920x1080", "640x360"),
                                         mode="per_stream"))
    breakdown = priced(recorded)
    assert line(breakdown, "recording", "FHD").gross == Decimal("0.1349")
    assert line(breakdown, "recording", "HD").gross == Decimal("0.0599")
    assert line(breakdown, "duration", "2K").gross == Decimal("0.1599")
    assert line(breakdown, "duration", "FHD").gross == Decimal("0.1798")  # the 2 participants
    sources = [(u.source, u.section, u.tier, u.role) for u in breakdown.usages]
    assert sources[1:] == [
        ("rooms[0].record.records[0]", "recording", "FHD", ""),
        ("rooms[0].record.records[1]", "recording", "HD", ""),
        ("rooms[0].record.robot", "duration", "2K", "robot"),
    ]


@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
def test_the_robot_choice_changes_only_the_robot_and_its_tiers_line(card: RateCard) -> None:
    """Files to VOD against files elsewhere on the recorded tutoring room: only the FHD duration
    line moves, by the robot's 39,600 minutes x 8.99 per 1,000 = 356.004 USD; the only usage
    that differs is the robot's."""
    scenario = read_scenario(DATA / "tutoring_room_tasks.json")
    record = scenario.rooms[0].record
    assert record is not None and record.robot == "billed"  # the room default
    vod = price(_with_record(scenario, 0, structs.replace(record, robot="files_to_vod")), card)
    billed = price(scenario, card)
    moved = [(a, b) for a, b in zip(vod.lines, billed.lines, strict=True) if a != b]
    assert len(moved) == 1
    before, after = moved[0]
    assert (after.section, after.tier) == ("duration", "FHD")
    assert after.quantity - before.quantity == 39_600
    assert after.gross - before.gross == Decimal("356.004")
    assert after.free_minutes == before.free_minutes
    assert billed.total - vod.total == Decimal("356.004")
    assert set(billed.usages) - set(vod.usages) == {
        u for u in billed.usages if u.source == "rooms[0].record.robot"
    }
    assert set(vod.usages) <= set(billed.usages)


def test_a_task_that_does_not_state_its_robot_prices_as_before_and_says_so() -> None:
    """A task without the choice (every file written before it) prices without a robot and
    gives the notice; stating files_to_vod prices the same without the notice."""
    task = RecordingTask(1, 1, minutes(10), records=streams("1280x720"))
    unstated = priced(recording=(task,))
    vod = priced(recording=(structs.replace(task, robot="files_to_vod"),))
    assert figures(unstated)[:2] == figures(vod)[:2]
    assert [n.code for n in unstated.notices] == ["robot_duration_not_listed"]
    assert [n.code for n in vod.notices] == []


def test_a_free_standing_task_bills_its_robot_at_the_tier_it_receives() -> None:
    """2 recordings of 30 min of 2 x 1280x720 (FHD): 60 recording minutes (0.8094) and the
    robot's 60 FHD duration minutes (0.5394); a mixing task of one 640x360 input: 10 HD
    transcoding minutes (0.0599) and its robot's 10 HD duration minutes (0.0399)."""
    recording = RecordingTask(2, 1, minutes(30), records=streams("1280x720", "1280x720"),
                              robot="billed")
    mixing = TranscodingTask(1, 1, minutes(10), inputs=streams("640x360"), robot="billed")
    breakdown = priced(recording=(recording,), transcoding=(mixing,))
    assert line(breakdown, "recording", "FHD").gross == Decimal("0.8094")
    assert line(breakdown, "duration", "FHD").gross == Decimal("0.5394")
    assert line(breakdown, "transcoding", "HD", "h264").gross == Decimal("0.0599")
    assert line(breakdown, "duration", "HD").gross == Decimal("0.0399")
    robots = [(u.source, u.service, u.users, u.seconds) for u in breakdown.usages
              if u.role == "robot"]
    assert robots == [
        ("recording[0].robot", "recording", 2, minutes(60)),
        ("transcoding[0].robot", "transcoding", 1, minutes(10)),
    ]
    assert "robot_duration_not_listed" not in {n.code for n in breakdown.notices}


def test_a_robot_follows_the_tasks_mix() -> None:
    """A mixing task given as 50% HD and 50% FHD of 10 minutes: its robot is 5 HD and 5 FHD
    duration minutes."""
    mixing = TranscodingTask(1, 1, minutes(10), mix=(("HD", Decimal(50)), ("FHD", Decimal(50))),
                             robot="billed")
    breakdown = priced(transcoding=(mixing,))
    assert line(breakdown, "duration", "HD").quantity == 5
    assert line(breakdown, "duration", "FHD").quantity == 5


def test_the_robots_minutes_take_free_minutes_like_any_duration() -> None:
    """A 20-minute HD recording with its robot and 10 free minutes: duration comes first in the
    2022 order, so the robot's HD minutes take all 10 (net 10 x 3.99 per 1,000)."""
    task = RecordingTask(1, 1, minutes(20), records=streams("1280x720"), robot="billed")
    breakdown = priced(recording=(task,), free_minutes=10)
    robot = line(breakdown, "duration", "HD")
    assert (robot.free_minutes, robot.net) == (10, Decimal("0.0399"))
    assert line(breakdown, "recording", "HD").free_minutes == 0


def test_expand_tasks_names_every_task_and_robot_by_where_it_comes_from() -> None:
    """Free-standing tasks first (recording, then mixing), then each room's, each followed by
    its billed robot; a room's tasks carry the room's label and follow its sessions."""
    recorded = room("video_call", group("participant", 2, "640x360"), rooms_per_day=3, days=2,
                    label="lessons",
                    record=RoomRecording(records=streams("640x360")),
                    mix_for_cdn=RoomMixing(inputs=streams("640x360"), robot=None))
    scenario = Scenario(
        rooms=(recorded,),
        recording=(RecordingTask(1, 1, minutes(5), records=streams("640x360", "1280x720"),
                                 mode="per_stream", robot="billed"),),
        transcoding=(TranscodingTask(1, 1, minutes(5), inputs=streams("640x360")),),
    )
    runs = [(r.source, r.section, r.role, r.room) for r in expand_tasks(scenario)]
    assert runs == [
        ("recording[0].records[0]", "recording", "", None),
        ("recording[0].records[1]", "recording", "", None),
        ("recording[0].robot", "duration", "robot", None),
        ("transcoding[0]", "transcoding", "", None),
        ("rooms[0].record", "recording", "", "rooms[0]"),
        ("rooms[0].record.robot", "duration", "robot", "rooms[0]"),
        ("rooms[0].mix_for_cdn", "transcoding", "", "rooms[0]"),
    ]
    room_runs = [r for r in expand_tasks(scenario) if r.room]
    assert {(r.tasks_per_day, r.days, r.seconds, r.label) for r in room_runs} == {
        (3, 2, minutes(10), "lessons")
    }


@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
@SETTINGS
@given(SCENARIOS)
def test_rooms_tasks_written_out_price_the_same(card: RateCard, scenario: Scenario) -> None:
    """Any scenario prices the same with its rooms' recording and mixing written out as
    free-standing tasks (robots, per-stream files, mixes and all), on both cards. Only the notice
    that a room's own robot may also be one of its robot groups goes: written out, the tasks
    no longer belong to the room."""
    lines, totals, notices = figures(price(scenario, card))
    out_lines, out_totals, out_notices = figures(price(written_out(scenario), card))
    assert (out_lines, out_totals) == (lines, totals)
    assert out_notices == tuple(code for code in notices if code != "robot_listed_twice")


# ---------------------------------------------------------------- refused, with field and limit


@pytest.mark.parametrize(
    ("build", "field", "code", "words"),
    [
        (lambda: TranscodingTask(1, 1, minutes(1), robot="files_to_vod"), "robot",
         "unknown_choice", "647/47631"),
        (lambda: RoomMixing(robot="files_to_vod"), "robot", "unknown_choice", "use billed"),
        (lambda: RecordingTask(1, 1, minutes(1), robot="maybe"), "robot", "unknown_choice",
         "billed, files_to_vod"),
        (lambda: RoomRecording(robot=None), "robot", "unknown_choice", "billed, files_to_vod"),
        (lambda: RecordingTask(1, 1, minutes(1), mode="split"), "mode", "unknown_choice",
         "mixed, per_stream"),
        (lambda: RecordingTask(1, 1, minutes(1), mode="per_stream",
                               mix=(("HD", Decimal(100)),)), "mode",
         "per_stream_needs_streams", "list the streams in records"),
        (lambda: RoomRecording(mode="per_stream"), "records", "per_stream_needs_streams",
         "use mode mixed"),
        (lambda: RoomMixing(codec="vp8"), "codec", "unknown_choice", "h264, h265"),
        (lambda: Room("audio_call", 1, 1, minutes(1), groups=(Group("participant", 2),),
                      record=RoomRecording(records=streams("640x360"))),
         "record.records", "video_in_audio_service", "audio only"),
        (lambda: Room("live_audio", 1, 1, minutes(1), groups=(Group("anchor", 1),),
                      mix_for_cdn=RoomMixing(mix=(("HD", Decimal(100)),))),
         "mix_for_cdn.mix", "video_in_audio_service", "audio only"),
        (lambda: Room("video_call", 1, 1, minutes(1), groups=(Group("participant", 2),),
                      publishers=1, record=RoomRecording(records=streams("640x360", "640x360"))),
         "record.records", "more_streams_than_publishers", "1 cameras"),
        (lambda: Room("video_call", 1, 1, minutes(1), groups=(), record="yes"),  # type: ignore[arg-type]
         "record", "not_task", "RoomRecording"),
    ],
)
def test_bad_room_tasks_and_robot_choices_are_refused_by_name(
    build: object, field: str, code: str, words: str
) -> None:
    """Each refusal names the field, the value and the rule (and the choices allowed)."""
    with pytest.raises(InputError) as caught:
        build()  # type: ignore[operator]
    assert (caught.value.field, caught.value.code) == (field, code)
    assert words in caught.value.message


def test_per_stream_refuses_an_empty_list_with_its_limit() -> None:
    """One file per listed stream needs one stream at least."""
    with pytest.raises(InputError) as caught:
        RecordingTask(1, 1, minutes(1), mode="per_stream")
    assert caught.value.limit == 1
    assert caught.value.message.startswith("records: an empty list names no stream")


# ---------------------------------------------------------------- notices


def test_a_room_billing_its_robot_beside_a_robot_group_is_told_to_check() -> None:
    """A robot group and the room's own recording robot may be the same robot counted twice."""
    recorded = room("video_call", group("participant", 2), group("robot", 1),
                    record=RoomRecording())
    breakdown = priced(recorded)
    assert [(n.code, n.field) for n in breakdown.notices] == [("robot_listed_twice", "rooms[0]")]
    vod = priced(structs.replace(recorded, record=RoomRecording(robot="files_to_vod")))
    assert vod.notices == ()


def test_a_rooms_single_input_mixing_and_the_components_mixing_are_noticed() -> None:
    """A room mixing one stream may cost nothing (647/47631); a Video Live component room with
    two anchors that mixes for the CDN needs no "add a mixing task" notice."""
    live = room("live_video", group("anchor", 2, "1280x720"), group("audience", 3, "1280x720"),
                audience_price_list="video_live_component",
                mix_for_cdn=RoomMixing(inputs=streams("1280x720")))
    breakdown = priced(live)
    assert [(n.code, n.field) for n in breakdown.notices] == [
        ("single_input_transcoding", "rooms[0].mix_for_cdn")
    ]
    unmixed = priced(structs.replace(live, mix_for_cdn=None))
    assert [n.code for n in unmixed.notices] == ["component_mixing_not_listed"]
