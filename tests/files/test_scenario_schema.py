"""resources/scenario.schema.json describes trtc-estimate/1 as scenario_io reads it: the files it
accepts, the reader accepts, and the bad files below fail both."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.scenario_io import parse_scenario
from estimator_gui.pricing import InputError, price

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "scenario.schema.json").read_text(encoding="utf-8"))
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))
WORKED = sorted((ROOT / "tests" / "data").glob("*.json"))
VALIDATOR = Draft202012Validator(SCHEMA)

BASE: dict[str, Any] = {
    "format": "trtc-estimate/1",
    "rooms": [
        {"service": "video_call", "rooms_per_day": 1, "days": 1, "minutes": 10,
         "groups": [{"role": "participant", "count": 2, "receives": ["640x360"]}]},
        {"service": "live_video", "rooms_per_day": 1, "days": 1, "minutes": 10,
         "groups": [{"role": "anchor", "count": 1}, {"role": "audience", "count": 5}]},
    ],
    "recording": [{"tasks_per_day": 1, "days": 1, "minutes": 10, "records": ["1280x720"]}],
    "transcoding": [{"tasks_per_day": 1, "days": 1, "minutes": 10, "inputs": ["1280x720"]}],
    "relay": {"peak_mbps": "5"},
}


DELETE = object()


def _changed(**edits: Any) -> dict[str, Any]:
    """BASE with edits by path, ``rooms__0__groups__0__count=3``; DELETE removes the key."""
    data = copy.deepcopy(BASE)
    for dotted, value in edits.items():
        *parents, last = dotted.split("__")
        target: Any = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
    return data


def test_the_schema_is_valid_draft_2020_12() -> None:
    """The schema itself is a valid draft 2020-12 schema."""
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_there_are_examples_to_check() -> None:
    """The window issue's examples are bundled beside tutoring.json."""
    names = {path.name for path in EXAMPLES}
    assert {"tutoring.json", "team_meetings.json", "live_shopping.json", "webinar.json"} <= names


@pytest.mark.parametrize("path", EXAMPLES + WORKED, ids=lambda p: p.name)
def test_every_example_validates_reads_and_prices(path: Path) -> None:
    """Each bundled example (and each worked example) passes the schema, the reader and price()."""
    raw = path.read_bytes()
    errors = [error.message for error in VALIDATOR.iter_errors(json.loads(raw))]
    assert errors == []
    breakdown = price(parse_scenario(raw), default_rate_card())
    assert breakdown.lines


GOOD = [
    pytest.param(BASE, id="base"),
    pytest.param(_changed(rooms__0__groups__0__count="2", rooms__0__minutes="12.5",
                          discount_percent="7.5", free_minutes=0), id="decimal-strings"),
    pytest.param(_changed(rooms__0__minutes=DELETE, rooms__0__seconds=750), id="seconds"),
    pytest.param(_changed(**{"x-crm": {"id": 1}, "_note": "draft", "rooms__0__x-tag": 1}),
                 id="extension-keys"),
    pytest.param(_changed(rooms__0__groups__0__receives=None, relay=None, free_minutes=None),
                 id="nulls"),
    pytest.param(_changed(rooms__0__groups__0__receives=[],
                          rooms__0__groups__0__mix={"audio": 50, "HD": "50"}),
                 id="empty-receives-with-mix"),
    pytest.param(_changed(rooms__1__service="live_audio",
                          rooms__1__groups__1__mix={"audio": 100, "HD": 0}),
                 id="audio-mix-with-zero-video"),
    pytest.param(_changed(rooms__1__audience_price_list="video_live_component",
                          rooms__1__delivery="cdn", customer="Acme", notes=["any", 1]),
                 id="live-options"),
    pytest.param(_changed(rooms__0__groups__0__count=2.0, rooms__0__days="31"),
                 id="integral-numbers"),
    pytest.param(_changed(rooms__0__publishers=2, rooms__1__publishers=None),
                 id="publishers-stated-and-null"),
    pytest.param(_changed(rooms__0__record={"records": ["640x360", "640x360"]},
                          rooms__1__mix_for_cdn={"inputs": ["1280x720"], "codec": "h265"}),
                 id="room-tasks-by-default"),
    pytest.param(_changed(rooms__0__record={"mode": "per_stream", "records": ["640x360"],
                                            "robot": "files_to_vod"},
                          rooms__1__mix_for_cdn={"mix": {"HD": 100}, "robot": None},
                          rooms__1__record=None),
                 id="room-tasks-stated"),
    pytest.param(_changed(recording__0__robot="billed", recording__0__mode="per_stream",
                          transcoding__0__robot="billed"), id="task-robots"),
    pytest.param(_changed(recording__0__robot=None, transcoding__0__robot=None),
                 id="task-robots-null"),
]


@pytest.mark.parametrize("data", GOOD)
def test_good_files_pass_both(data: dict[str, Any]) -> None:
    """Files the schema accepts are read by scenario_io (and the other way round)."""
    errors = [error.message for error in VALIDATOR.iter_errors(data)]
    assert errors == []
    parse_scenario(json.dumps(data))


BAD = [
    pytest.param(_changed(format="trtc-estimate/2"), "format", id="format"),
    pytest.param(_changed(format=DELETE), "format", id="no-format"),
    pytest.param(_changed(rooms__0__service="video_conference"), "service", id="service"),
    pytest.param(_changed(rooms__0__groups__0__colour="red"), "colour", id="unknown-field"),
    pytest.param(_changed(rooms__0__groups__0__count="abc"), "count", id="count-abc"),
    pytest.param(_changed(rooms__0__groups__0__count=2.5), "count", id="count-2.5"),
    pytest.param(_changed(rooms__0__groups__0__count=-1), "count", id="count-negative"),
    pytest.param(_changed(rooms__0__groups__0__count=DELETE), "count", id="count-missing"),
    pytest.param(_changed(rooms__0__days=0), "days", id="days-0"),
    pytest.param(_changed(rooms__0__days=32), "days", id="days-32"),
    pytest.param(_changed(rooms__0__minutes=1441), "minutes", id="minutes-1441"),
    pytest.param(_changed(rooms__0__minutes=DELETE), "minutes", id="no-duration"),
    pytest.param(_changed(rooms__0__seconds=60), "seconds", id="minutes-and-seconds"),
    pytest.param(_changed(rooms__0__groups__0__receives=["1280*720"]), "receives",
                 id="resolution"),
    pytest.param(_changed(rooms__0__groups__0__mix={"HD": 100}), "mix", id="receives-and-mix"),
    pytest.param(_changed(rooms__0__groups__0__receives=[],
                          rooms__0__groups__0__mix={"8K": 100}), "8K", id="mix-tier"),
    pytest.param(_changed(rooms__0__service="audio_call"), "receives", id="video-in-audio"),
    pytest.param(_changed(rooms__0__groups__0__role="audience"), "role", id="role"),
    pytest.param(_changed(rooms__0__delivery="cdn"), "delivery", id="cdn-call"),
    pytest.param(_changed(rooms__0__audience_price_list="video_live_component"),
                 "audience_price_list", id="component-call"),
    pytest.param(_changed(relay={"peak_mbps": 1, "minutes": 1}), "relay", id="relay-two-modes"),
    pytest.param(_changed(transcoding__0__codec="vp9"), "codec", id="codec"),
    pytest.param(_changed(title="line\nbreak"), "title", id="control-character"),
    pytest.param(_changed(discount_percent="12.1234567"), "discount_percent", id="too-precise"),
    pytest.param(_changed(rooms=DELETE, recording={}), "recording", id="not-a-list"),
    pytest.param(_changed(rooms__0__groups__0__count="\u0662"), "count", id="arabic-indic-digit"),
    pytest.param(_changed(rooms__0__groups__0__receives=["\uff11280x720"]), "receives",
                 id="full-width-digit"),
    pytest.param(_changed(rooms__0__publishers=51), "publishers", id="publishers-51"),
    pytest.param(_changed(rooms__1__publishers=1), "publishers", id="publishers-live"),
    pytest.param(_changed(title="\u202eevil"), "title", id="bidi-override"),
    pytest.param(_changed(transcoding__0__robot="files_to_vod"), "transcoding[0].robot",
                 id="mixing-robot-to-vod"),
    pytest.param(_changed(recording__0__robot="yes"), "recording[0].robot", id="robot-yes"),
    pytest.param(_changed(recording__0__mode="split"), "recording[0].mode", id="mode"),
    pytest.param(_changed(recording__0__mode="per_stream", recording__0__records=[]),
                 "recording[0].records", id="per-stream-no-streams"),
    pytest.param(_changed(recording__0__mode="per_stream", recording__0__records=DELETE,
                          recording__0__mix={"HD": 100}), "recording[0].mode",
                 id="per-stream-mix"),
    pytest.param(_changed(rooms__0__record={"records": ["640x360"], "robot": None}),
                 "rooms[0].record.robot", id="room-record-robot-null"),
    pytest.param(_changed(rooms__0__record={"records": ["640x360"], "colour": "red"}),
                 "rooms[0].record.colour", id="room-record-unknown-field"),
    pytest.param(_changed(rooms__0__record=["640x360"]), "rooms[0].record",
                 id="room-record-not-object"),
    pytest.param(_changed(rooms__0__service="audio_call", rooms__0__groups__0__receives=[],
                          rooms__0__record={"records": ["640x360"]}),
                 "rooms[0].record.records", id="room-record-video-in-audio"),
    pytest.param(_changed(rooms__1__service="live_audio", rooms__1__mix_for_cdn={
                     "mix": {"audio": 50, "HD": 50}}),
                 "rooms[1].mix_for_cdn.mix", id="room-mixing-video-in-audio"),
    pytest.param(_changed(rooms__0__mix_for_cdn={"codec": "vp9"}), "rooms[0].mix_for_cdn.codec",
                 id="room-mixing-codec"),
    pytest.param(_changed(rooms__0__mix_for_cdn={"inputs": ["640x360"],
                                                 "robot": "files_to_vod"}),
                 "rooms[0].mix_for_cdn.robot", id="room-mixing-robot-to-vod"),
]


@pytest.mark.parametrize(("data", "field"), BAD)
def test_bad_files_fail_both(data: dict[str, Any], field: str) -> None:
    """The schema and the reader refuse the same bad file; the reader names the field."""
    assert list(VALIDATOR.iter_errors(data)), "the schema accepted a bad file"
    with pytest.raises(InputError) as caught:
        parse_scenario(json.dumps(data))
    assert field in caught.value.field
