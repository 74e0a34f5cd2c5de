"""The scenario file: save and read back, atomic saves, minutes or seconds, exact numbers."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from estimator_gui.files.atomic import write_bytes_atomic
from estimator_gui.files.scenario_io import (
    dump_scenario,
    parse_scenario,
    read_scenario,
    save_scenario,
)
from estimator_gui.pricing import (
    Group,
    InputError,
    RecordingTask,
    Relay,
    Resolution,
    Room,
    Scenario,
    TranscodingTask,
)
from estimator_gui.pricing.scenario import RoomMixing, RoomRecording

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))

FULL = Scenario(
    title="Ünïcode title, 東京",
    free_minutes=2500,
    discount_percent=Decimal("12.5"),
    rooms=(
        Room("video_call", 40, 22, Decimal(2700), label="1:1 lessons", groups=(
            Group("participant", 2, receives=(Resolution(1280, 720),)),
            Group("robot", 1, seconds=Decimal("90.5"), label="recorder",
                  receives=(Resolution(1280, 720), Resolution(1280, 720))),
        )),
        Room("live_video", 1, 4, Decimal("3600"), audience_price_list="video_live_component",
             delivery="cdn", groups=(
                 Group("anchor", 2),
                 Group("audience", 5000, seconds=Decimal(2400),
                       mix=(("audio", Decimal("0.5")), ("HD", Decimal("69.5")),
                            ("FHD", Decimal(30)))),
             )),
    ),
    recording=(RecordingTask(40, 22, Decimal(2700), records=(Resolution(960, 720),) * 2),),
    transcoding=(TranscodingTask(1, 4, Decimal("0.001"), codec="h265",
                                 mix=(("HD", Decimal(100)),)),),
    relay=Relay(minutes=Decimal("1234.5")),
)


def _minimal(**room: object) -> str:
    data = {"format": "trtc-estimate/1", "rooms": [
        {"service": "audio_call", "rooms_per_day": 1, "days": 1,
         "groups": [{"role": "participant", "count": 3}], **room},
    ]}
    return json.dumps(data)


def test_save_and_read_back_gives_an_equal_scenario(tmp_path: Path) -> None:
    """save_scenario then read_scenario returns the same Scenario, every field included."""
    path = tmp_path / "quote.json"
    save_scenario(FULL, path)
    assert read_scenario(path) == FULL
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "trtc-estimate/1"
    assert data["title"] == "Ünïcode title, 東京"


def test_a_saved_file_writes_decimals_as_exact_strings(tmp_path: Path) -> None:
    """Whole numbers are JSON numbers, other decimals exact strings, never floats."""
    text = dump_scenario(FULL)
    data = json.loads(text, parse_float=lambda _: pytest.fail("a float in the saved file"))
    assert data["discount_percent"] == "12.5"
    assert data["rooms"][0]["groups"][1]["seconds"] == "90.5"
    assert data["rooms"][1]["groups"][1]["mix"] == {"audio": "0.5", "HD": "69.5", "FHD": 30}
    assert data["relay"] == {"minutes": "1234.5"}
    assert data["rooms"][0]["minutes"] == 45


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_survives_a_round_trip(path: Path) -> None:
    """Reading an example, writing it and reading it again changes nothing."""
    scenario = read_scenario(path)
    assert parse_scenario(dump_scenario(scenario)) == scenario


def test_seconds_with_six_decimals_survive_a_round_trip() -> None:
    """A valid duration of 0.000006 s (6 decimals) reads back after saving."""
    scenario = Scenario(rooms=(Room("audio_call", 1, 1, Decimal("0.000006"),
                                    groups=(Group("participant", 1),)),))
    assert parse_scenario(dump_scenario(scenario)) == scenario


def test_a_failed_save_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the final rename fails, the previous file keeps its bytes and no .part file remains."""
    path = tmp_path / "quote.json"
    save_scenario(Scenario(title="old"), path)
    before = path.read_bytes()

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        save_scenario(FULL, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quote.json"]


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while flushing to disk (before the rename) also leaves the old file whole."""
    path = tmp_path / "quote.json"
    path.write_bytes(b"old bytes")

    def fail(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="Input/output"):
        write_bytes_atomic(path, b"new bytes")
    assert path.read_bytes() == b"old bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["quote.json"]


def test_a_save_replaces_the_file_whole(tmp_path: Path) -> None:
    """A successful save replaces the content and leaves no temporary file."""
    path = tmp_path / "quote.json"
    path.write_bytes(b"x" * 100_000)
    save_scenario(Scenario(title="new"), path)
    assert read_scenario(path) == Scenario(title="new")
    assert [p.name for p in tmp_path.iterdir()] == ["quote.json"]


def test_minutes_and_seconds_are_the_same_duration() -> None:
    """``seconds: 90`` and ``minutes: 1.5`` are the same 90 seconds, room and group alike."""
    by_minutes = parse_scenario(_minimal(minutes=1.5))
    by_seconds = parse_scenario(_minimal(seconds=90))
    assert by_minutes == by_seconds
    assert by_minutes.rooms[0].seconds == Decimal(90)


def test_a_group_may_give_seconds_under_a_room_in_minutes() -> None:
    """A group's own duration overrides the room's, in seconds as well as minutes."""
    text = _minimal(minutes=10).replace('"count": 3}', '"count": 3, "seconds": "7.25"}')
    group = parse_scenario(text).rooms[0].groups[0]
    assert group.seconds == Decimal("7.25")


def test_minutes_and_seconds_together_are_refused() -> None:
    """Giving both is ambiguous: refused, naming seconds."""
    with pytest.raises(InputError) as caught:
        parse_scenario(_minimal(minutes=1, seconds=60))
    assert caught.value.field == "rooms[0].seconds"
    assert caught.value.code == "minutes_and_seconds"


def test_a_session_longer_than_a_day_is_refused_in_seconds_too() -> None:
    """86,400 s is a day and accepted; 86,401 s is refused like 1,441 minutes."""
    assert parse_scenario(_minimal(seconds=86_400)).rooms[0].seconds == 86_400
    with pytest.raises(InputError) as caught:
        parse_scenario(_minimal(seconds=86_401))
    assert caught.value.field == "rooms[0].seconds"
    assert caught.value.code == "too_large"


def test_a_missing_duration_is_refused() -> None:
    """A room needs minutes or seconds."""
    with pytest.raises(InputError) as caught:
        parse_scenario(_minimal())
    assert (caught.value.field, caught.value.code) == ("rooms[0].minutes", "missing")


@pytest.mark.parametrize(
    ("written", "exact"),
    [("0.1", "0.1"), ('"0.1"', "0.1"), ("12.5", "12.5"), ('"12.500"', "12.5"),
     ("1e1", "10"), ("1.5E+1", "15"), ('" 7 "', "7"), ("0.123456", "0.123456"),
     ('"0.123456"', "0.123456")],
)
def test_numbers_and_decimal_strings_are_read_exactly(written: str, exact: str) -> None:
    """A JSON number and a decimal string are both read as the exact decimal, never a float."""
    text = _minimal(minutes=0).replace('"minutes": 0', f'"minutes": {written}')
    assert parse_scenario(text).rooms[0].seconds == Decimal(exact) * 60


def test_point_one_minute_times_three_is_exactly_point_three() -> None:
    """0.1 minute x 3 users is 18 s exactly (0.3 min), never 0.30000000000000004 min."""
    scenario = parse_scenario(_minimal(minutes=0.1))
    room = scenario.rooms[0]
    total = room.seconds * room.groups[0].count
    assert total == Decimal(18)
    assert total / 60 == Decimal("0.3")


@pytest.mark.parametrize(
    ("written", "code"),
    [('"1e1"', "not_number"), ('"0x10"', "not_number"), ('""', "not_number"),
     ("0.1234567", "too_precise"), ('"0.1234567"', "too_precise"), ("true", "not_number"),
     ("[1]", "not_number")],
)
def test_numbers_the_reader_refuses(written: str, code: str) -> None:
    """Exponents in strings, hex, empty strings, booleans, lists and more than 6 decimals are
    refused with the field named."""
    text = _minimal(minutes=0).replace('"minutes": 0', f'"minutes": {written}')
    with pytest.raises(InputError) as caught:
        parse_scenario(text)
    assert caught.value.field == "rooms[0].minutes"
    assert caught.value.code == code


def test_a_byte_order_mark_is_accepted() -> None:
    """Files saved by Windows tools with a UTF-8 BOM are read."""
    raw = b"\xef\xbb\xbf" + _minimal(minutes=1).encode()
    assert parse_scenario(raw).rooms[0].seconds == 60


# ---------------------------------------------------------------- rooms' tasks and robots

HD = Resolution(1280, 720)
WITH_TASKS = Scenario(
    rooms=(
        Room("video_call", 40, 22, Decimal(2700), label="1:1 lessons",
             groups=(Group("participant", 2, receives=(HD,)),),
             record=RoomRecording(records=(HD, HD), mode="per_stream", robot="files_to_vod"),
             mix_for_cdn=RoomMixing(inputs=(HD,), codec="h265", robot=None)),
        Room("live_video", 1, 4, Decimal(3600), groups=(Group("anchor", 1),),
             record=RoomRecording(mix=(("audio", Decimal(40)), ("HD", Decimal(60)))),
             mix_for_cdn=RoomMixing()),
    ),
    recording=(RecordingTask(1, 2, Decimal(60), records=(HD,), mode="per_stream",
                             robot="billed"),
               RecordingTask(1, 2, Decimal(60), robot="files_to_vod")),
    transcoding=(TranscodingTask(1, 2, Decimal(60), inputs=(HD,), robot="billed"),),
)


def test_rooms_tasks_and_robot_choices_survive_a_round_trip(tmp_path: Path) -> None:
    """Room recording (per stream, files to VOD; a mix), room mixing (robot not stated; the
    defaults), per-stream and robot choices of free-standing tasks: saved, read back equal."""
    path = tmp_path / "tasks.json"
    save_scenario(WITH_TASKS, path)
    assert read_scenario(path) == WITH_TASKS
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["rooms"][0]["record"] == {"mode": "per_stream", "records": ["1280x720"] * 2,
                                          "robot": "files_to_vod"}
    assert data["rooms"][0]["mix_for_cdn"] == {"codec": "h265", "inputs": ["1280x720"],
                                               "robot": None}
    assert data["rooms"][1]["record"] == {"mode": "mixed", "mix": {"audio": 40, "HD": 60},
                                          "robot": "billed"}
    assert data["rooms"][1]["mix_for_cdn"] == {"codec": "h264", "inputs": [], "robot": "billed"}
    assert [(t.get("mode"), t.get("robot")) for t in data["recording"]] == [
        ("per_stream", "billed"), (None, "files_to_vod")]
    assert data["transcoding"][0]["robot"] == "billed"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_file_without_the_new_fields_is_written_without_them(path: Path) -> None:
    """An example (none states a room task or a robot) is written back without record,
    mix_for_cdn, mode or robot: a file from before stays a file from before."""
    data = json.loads(dump_scenario(read_scenario(path)))
    for room in data["rooms"]:
        assert not {"record", "mix_for_cdn"} & set(room)
    for task in data["recording"] + data["transcoding"]:
        assert not {"mode", "robot"} & set(task)


def test_a_room_recording_without_a_robot_bills_it_and_says_so_when_written() -> None:
    """"record": {...} without "robot" is the room default, billed; written back, it is stated;
    "mix_for_cdn" without one is billed too, and null leaves it unstated."""
    scenario = parse_scenario(_minimal(minutes=10, record={}, mix_for_cdn={}))
    record, mixing = scenario.rooms[0].record, scenario.rooms[0].mix_for_cdn
    assert record == RoomRecording(records=(), mode="mixed", robot="billed")
    assert mixing == RoomMixing(robot="billed")
    assert json.loads(dump_scenario(scenario))["rooms"][0]["record"]["robot"] == "billed"
    unstated = parse_scenario(_minimal(minutes=10, mix_for_cdn={"robot": None}))
    assert unstated.rooms[0].mix_for_cdn == RoomMixing(robot=None)


@pytest.mark.parametrize(
    ("room", "message"),
    [
        ({"record": {"mode": "split"}},
         "rooms[0].record.mode: 'split' must be one of: mixed, per_stream"),
        ({"record": {"robot": "maybe"}},
         "rooms[0].record.robot: 'maybe' must be one of: billed, files_to_vod"),
        ({"record": {"mode": "per_stream"}},
         "rooms[0].record.records: an empty list names no stream, and mode per_stream records "
         "one file per listed stream"),
        ({"mix_for_cdn": {"robot": "files_to_vod"}},
         "rooms[0].mix_for_cdn.robot: 'files_to_vod' is a choice of recording tasks"),
        ({"record": {"records": ["640x360"]}},
         "rooms[0].record.records: '640x360' is video, and audio_call rooms carry audio only"),
        ({"record": {"records": "640x360"}},
         "rooms[0].record.records: '640x360' must be a list of WIDTHxHEIGHT"),
        ({"record": {"records": ["640x360"] * 51}},
         "rooms[0].record.records: 51 streams at once is more than 50"),
    ],
)
def test_bad_room_tasks_in_a_file_are_refused_by_path_value_and_rule(
    room: dict[str, object], message: str
) -> None:
    """Each refusal names the full path of the field, the value and the rule or limit."""
    with pytest.raises(InputError) as caught:
        parse_scenario(_minimal(minutes=10, **room))
    assert caught.value.message.startswith(message)


def test_a_free_standing_tasks_robot_choice_is_refused_by_path() -> None:
    """recording[0].robot and transcoding[0].robot are named in full."""
    for key, robot, message in (
        ("recording", "maybe", "recording[0].robot: 'maybe' must be one of: billed, "
         "files_to_vod"),
        ("transcoding", "files_to_vod", "transcoding[0].robot: 'files_to_vod' is a choice of "
         "recording tasks"),
    ):
        data = {"format": "trtc-estimate/1",
                key: [{"tasks_per_day": 1, "days": 1, "minutes": 1, "robot": robot}]}
        with pytest.raises(InputError) as caught:
            parse_scenario(json.dumps(data))
        assert caught.value.message.startswith(message)
