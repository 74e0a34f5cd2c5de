"""Every bad input of issue 2 section 5 through the command line: exit 2, one line on stderr
naming the field, the value and the rule, nothing on stdout and never a traceback."""

from __future__ import annotations

import copy
import json
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_runner import ROOT, quote

CALL: dict[str, Any] = {
    "format": "trtc-estimate/1",
    "free_minutes": 0,
    "rooms": [
        {"service": "video_call", "rooms_per_day": 1, "days": 1, "minutes": 10,
         "groups": [
             {"role": "participant", "count": 2, "receives": ["640x360"]},
             {"role": "participant", "count": 1},
         ]},
    ],
}
LIVE: dict[str, Any] = {
    "format": "trtc-estimate/1",
    "rooms": [
        {"service": "live_video", "rooms_per_day": 1, "days": 1, "minutes": 60,
         "delivery": "low_latency",
         "groups": [
             {"role": "anchor", "count": 1},
             {"role": "audience", "count": 10, "receives": ["1280x720"]},
         ]},
    ],
}
TASKS: dict[str, Any] = {
    "format": "trtc-estimate/1",
    "recording": [{"tasks_per_day": 1, "days": 1, "minutes": 10, "records": ["1280x720"]}],
    "transcoding": [{"tasks_per_day": 1, "days": 1, "minutes": 10, "codec": "h264",
                     "inputs": ["1280x720"]}],
}

Change = Callable[[dict[str, Any]], object]


def edit(base: dict[str, Any], change: Change) -> bytes:
    data = copy.deepcopy(base)
    change(data)
    return json.dumps(data).encode("utf-8")


def room(data: dict[str, Any]) -> dict[str, Any]:
    return data["rooms"][0]  # type: ignore[no-any-return]


def groups(data: dict[str, Any]) -> list[dict[str, Any]]:
    return room(data)["groups"]  # type: ignore[no-any-return]


CALL_TEXT = json.dumps(CALL)
LAST_COUNT = '"count": 1}'
assert CALL_TEXT.count(LAST_COUNT) == 1


# id, file bytes, field named first in the message, part of the rule
CASES: list[Any] = [
    ("truncated-json", CALL_TEXT.encode()[:60], "file", "not valid JSON"),
    ("not-utf8", CALL_TEXT.replace('"rooms_per_day"', '"label": "café", "rooms_per_day"')
     .encode("latin-1"), "file", "UTF-8"),
    ("unknown-format", edit(CALL, lambda d: d.update(format="trtc-estimate/2")), "format",
     "'trtc-estimate/1'"),
    ("unknown-service", edit(CALL, lambda d: room(d).update(service="video_conference")),
     "rooms[0].service", "must be one of: audio_call, video_call, live_audio, live_video"),
    ("negative-count", edit(CALL, lambda d: groups(d)[1].update(count=-1)),
     "rooms[0].groups[1].count", "-1 must not be negative"),
    ("non-numeric-count", edit(CALL, lambda d: groups(d)[1].update(count="abc")),
     "rooms[0].groups[1].count", "'abc' is not a number"),
    ("fractional-count", edit(CALL, lambda d: groups(d)[1].update(count=2.5)),
     "rooms[0].groups[1].count", "2.5 is not a whole number"),
    ("negative-room-minutes", edit(CALL, lambda d: room(d).update(minutes=-5)),
     "rooms[0].minutes", "-5 must not be negative"),
    ("negative-group-minutes", edit(CALL, lambda d: groups(d)[1].update(minutes=-5)),
     "rooms[0].groups[1].minutes", "-5 must not be negative"),
    ("negative-seconds", edit(CALL, lambda d: groups(d)[1].update(seconds="-1")),
     "rooms[0].groups[1].seconds", "must not be negative"),
    ("days-0", edit(CALL, lambda d: room(d).update(days=0)), "rooms[0].days",
     "0 is below the minimum of 1"),
    ("days-32", edit(CALL, lambda d: room(d).update(days=32)), "rooms[0].days",
     "32 is above the maximum of 31"),
    ("room-minutes-1441", edit(CALL, lambda d: room(d).update(minutes=1441)),
     "rooms[0].minutes", "1441 is above the maximum of 1,440"),
    ("group-minutes-1441", edit(CALL, lambda d: groups(d)[0].update(minutes=1441)),
     "rooms[0].groups[0].minutes", "1441 is above the maximum of 1,440"),
    ("resolution-star", edit(CALL, lambda d: groups(d)[0].update(receives=["1280*720"])),
     "rooms[0].groups[0].receives[0]", "'1280*720' is not a resolution written WIDTHxHEIGHT"),
    ("resolution-letters", edit(CALL, lambda d: groups(d)[0].update(receives=["axb"])),
     "rooms[0].groups[0].receives[0]", "'axb' is not a resolution"),
    ("mix-99", edit(CALL, lambda d: groups(d)[1].update(mix={"HD": 49, "FHD": 50})),
     "rooms[0].groups[1].mix", "'99%' must sum to exactly 100%"),
    ("mix-101", edit(CALL, lambda d: groups(d)[1].update(mix={"HD": 51, "FHD": 50})),
     "rooms[0].groups[1].mix", "'101%' must sum to exactly 100%"),
    ("mix-unknown-tier", edit(CALL, lambda d: groups(d)[1].update(mix={"8K": 100})),
     "rooms[0].groups[1].mix.8K", "is not a tier"),
    ("receives-and-mix", edit(CALL, lambda d: groups(d)[0].update(mix={"HD": 100})),
     "rooms[0].groups[0].mix", "use either receives or mix"),
    ("301-call-users", edit(CALL, lambda d: (groups(d)[0].update(count=200),
                                             groups(d)[1].update(count=101))),
     "rooms[0].groups[1].count", "brings the room to 301 users; a call room holds at most 300"),
    ("51-anchors", edit(LIVE, lambda d: groups(d).insert(1, {"role": "anchor", "count": 50})),
     "rooms[0].groups[1].count", "brings the room to 51 anchors"),
    ("100001-low-latency-viewers", edit(LIVE, lambda d: groups(d)[1].update(count=100_001)),
     "rooms[0].groups[1].count", "100,001 low-latency viewers"),
    ("aggregate-5x1080p", edit(CALL, lambda d: groups(d)[0].update(receives=["1920x1080"] * 5)),
     "rooms[0].groups[0].receives", "the largest aggregate resolution with a published price"),
    ("duplicate-key", CALL_TEXT.replace(LAST_COUNT, '"count": 1, "count": 2}').encode(),
     "rooms[0].groups[1].count", "is given twice"),
    ("nan", CALL_TEXT.replace(LAST_COUNT, '"count": NaN}').encode(),
     "rooms[0].groups[1].count", "'NaN' is not a number"),
    ("infinity", CALL_TEXT.replace(LAST_COUNT, '"count": Infinity}').encode(),
     "rooms[0].groups[1].count", "'Infinity' is not a number"),
    ("unknown-field", edit(CALL, lambda d: groups(d)[1].update(colour="red")),
     "rooms[0].groups[1].colour", "is not a field of this object"),
    ("unknown-top-field", edit(CALL, lambda d: d.update(rooom=[])), "rooom",
     "is not a field of this object"),
    ("role-not-in-service", edit(CALL, lambda d: groups(d)[1].update(role="audience")),
     "rooms[0].groups[1].role", "is not a role in a video_call room"),
    ("video-in-audio-call", edit(CALL, lambda d: room(d).update(service="audio_call")),
     "rooms[0].groups[0].receives", "audio only"),
    ("recording-negative-minutes", edit(TASKS, lambda d: d["recording"][0].update(minutes=-1)),
     "recording[0].minutes", "must not be negative"),
    ("recording-days-32", edit(TASKS, lambda d: d["recording"][0].update(days=32)),
     "recording[0].days", "32 is above the maximum of 31"),
    ("transcoding-unknown-codec", edit(TASKS, lambda d: d["transcoding"][0].update(codec="vp9")),
     "transcoding[0].codec", "must be one of: h264, h265"),
    ("relay-two-modes", edit(TASKS, lambda d: d.update(relay={"peak_mbps": 1, "minutes": 1})),
     "relay.minutes", "is given with peak_mbps"),
    ("discount-above-100", edit(CALL, lambda d: d.update(discount_percent="100.5")),
     "discount_percent", "is above the maximum of 100"),
    ("free-minutes-above-card", edit(CALL, lambda d: d.update(free_minutes=10_001)),
     "free_minutes", "is above the 10,000 free minutes"),
    ("too-precise", edit(CALL, lambda d: room(d).update(minutes="0.0000001")),
     "rooms[0].minutes", "more than 6 decimal places"),
    ("not-an-object", b"[]", "file", "must be a JSON object"),
]


def _params() -> list[Any]:
    return [pytest.param(raw, field, rule, id=name) for name, raw, field, rule in CASES]


def _refused(folder: Path, raw: bytes) -> str:
    """Run the file through the CLI, check the refusal is clean, return the message."""
    path = folder / "bad.json"
    path.write_bytes(raw)
    result = quote(path, "--format", "json")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    prefix = f"error: {path}: "
    assert result.stderr.startswith(prefix), result.stderr
    return result.stderr.removeprefix(prefix).rstrip("\n")


@pytest.fixture(scope="module")
def refusal(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bytes], str]:
    """The refusal message of each bad file, run once for both tests below."""
    folder = tmp_path_factory.mktemp("refused")
    seen: dict[bytes, str] = {}

    def run(raw: bytes) -> str:
        if raw not in seen:
            seen[raw] = _refused(folder, raw)
        return seen[raw]

    return run


@pytest.mark.parametrize(("raw", "field", "rule"), _params())
def test_bad_input_exits_2_with_one_clear_line(
    refusal: Callable[[bytes], str], raw: bytes, field: str, rule: str
) -> None:
    """Exit 2, nothing on stdout, one line on stderr with the rule, never a traceback."""
    assert rule in refusal(raw)


@pytest.mark.parametrize(("raw", "field", "rule"), _params())
def test_bad_input_names_the_exact_field_path(
    refusal: Callable[[bytes], str], raw: bytes, field: str, rule: str
) -> None:
    """The message starts with the field's exact path, e.g. ``rooms[0].groups[1].count: ``."""
    message = refusal(raw)
    assert message.startswith(f"{field}: "), message


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    """A file that does not exist: exit 2, the file named, no traceback."""
    path = tmp_path / "nowhere.json"
    result = quote(path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {path}: ")
    assert "cannot be read: No such file or directory" in result.stderr


def test_a_6_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    """Files over 5,000,000 bytes are not scenarios: refused by size, no traceback."""
    path = tmp_path / "huge.json"
    path.write_bytes(CALL_TEXT.encode() + b" " * 6_000_000)
    result = quote(path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "6,000," in result.stderr
    assert "is larger than the 5,000,000 bytes a scenario may have" in result.stderr


def test_low_latency_limit_suggests_cdn_and_cdn_is_accepted(tmp_path: Path) -> None:
    """100,001 low-latency viewers are refused with a hint to use delivery cdn; the same room with
    delivery cdn prices, its audience left to the CDN."""
    refused = _refused(tmp_path, edit(LIVE, lambda d: groups(d)[1].update(count=100_001)))
    assert "set delivery to cdn" in refused
    path = tmp_path / "cdn.json"
    path.write_bytes(edit(LIVE, lambda d: (groups(d)[1].update(count=100_001),
                                           room(d).update(delivery="cdn"))))
    result = quote(path, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(item["section"], item["tier"]) for item in data["lines"]] == [("duration", "audio")]
    assert [w["code"] for w in data["warnings"]][:1] == ["cdn_audience_not_trtc"]


def test_extension_keys_are_accepted(tmp_path: Path) -> None:
    """Keys starting with x- or _ are extensions other tools may write: read, not refused."""
    path = tmp_path / "extended.json"
    path.write_bytes(edit(CALL, lambda d: (d.update({"x-crm-id": 42, "_comment": "draft"}),
                                           groups(d)[1].update({"x-note": ["a"]}))))
    result = quote(path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == "0.0897"


def test_bad_input_on_standard_input(tmp_path: Path) -> None:
    """``quote -`` reads standard input; a bad one is refused the same way, without a file name."""
    result = quote("-", stdin=edit(CALL, lambda d: room(d).update(days=0)))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "error: rooms[0].days: 0 is below the minimum of 1\n"


def test_an_overlong_integer_is_refused_without_traceback(tmp_path: Path) -> None:
    """A 5,000-digit count is a garbled file: exit 2 naming it, not a traceback."""
    message = _refused(tmp_path, CALL_TEXT.replace(LAST_COUNT, f'"count": {"9" * 5000}}}').encode())
    assert message.startswith("rooms[0].groups[1].count: ")


def test_a_huge_exponent_is_refused_quickly(tmp_path: Path) -> None:
    """count 1e999999 is far above the limit: refused at once (here: within 4 s)."""
    path = tmp_path / "exponent.json"
    path.write_bytes(CALL_TEXT.replace(LAST_COUNT, '"count": 1e999999}').encode())
    result = quote(path, timeout=4)
    assert result.returncode == 2
    assert "is above the maximum" in result.stderr


def test_a_huge_exponent_in_a_duration_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """minutes 1e9999999999 (13 bytes) is refused as too large by a process limited to 2 GB
    (formatting it in full once took ~20 GB)."""
    path = tmp_path / "exponent.json"
    path.write_bytes(CALL_TEXT.replace('"minutes": 10', '"minutes": 1e9999999999').encode())
    limit = 2 * 1024**3

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "estimator_gui", "quote", str(path)], capture_output=True,
        text=True, cwd=ROOT, timeout=30, preexec_fn=cap_memory, check=False,
    )
    assert result.returncode == 2, result.stderr[-500:]
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {path}: rooms[0].minutes: ")


def test_a_300000_digit_string_count_is_refused_quickly(tmp_path: Path) -> None:
    """A count written as a 300,000-digit string is refused without converting it (seconds)."""
    message = _refused(tmp_path, CALL_TEXT.replace(LAST_COUNT, f'"count": "{"1" * 300_000}"}}')
                       .encode())
    assert message.startswith("rooms[0].groups[1].count: ")


@pytest.mark.parametrize("number", ["1e99999999999999999999", "1e-99999999999999999999"])
def test_an_exponent_beyond_decimal_range_is_refused_without_traceback(
    tmp_path: Path, number: str
) -> None:
    """minutes 1e99999999999999999999: exit 2 naming rooms[0].minutes, no traceback."""
    message = _refused(tmp_path, CALL_TEXT.replace('"minutes": 10', f'"minutes": {number}')
                       .encode())
    assert message.startswith("rooms[0].minutes: ")
