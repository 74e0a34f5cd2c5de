"""``quote`` on rooms that record and mix every session: the robot's line, each room's share."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cli_runner import ROOT, quote

DATA = ROOT / "tests" / "pricing" / "data"
BY_ROOM = DATA / "tutoring_room_tasks.json"
BY_HAND = DATA / "tutoring_tasks_by_hand.json"
CARDS = ["trtc-intl-2022-06", "trtc-intl-2026-12"]


def _json(path: Path, *options: str) -> dict[str, Any]:
    result = quote(path, "--format", "json", *options)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _billed(data: dict[str, Any]) -> dict[str, Any]:
    """What the quote bills, without where each usage came from (title aside)."""
    rest = {key: value for key, value in data.items() if key not in ("rooms", "title")}
    rest["lines"] = [{k: v for k, v in line.items() if k != "usages"} for line in data["lines"]]
    return rest


@pytest.mark.parametrize("card", CARDS)
def test_record_every_session_quotes_like_the_tasks_written_out_by_hand(card: str) -> None:
    """The same lines, minutes, per-day working, free minutes, totals and notes from the room
    that records and mixes every session as from the tasks typed out by hand."""
    by_room = _json(BY_ROOM, "--rate-card", card)
    by_hand = _json(BY_HAND, "--rate-card", card)
    assert _billed(by_room) == _billed(by_hand)
    table_room = quote(BY_ROOM, "--rate-card", card).stdout
    table_hand = quote(BY_HAND, "--rate-card", card).stdout
    total = [row for row in table_room.splitlines() if row.startswith("Total")]
    assert total == [row for row in table_hand.splitlines() if row.startswith("Total")]


def test_the_robots_duration_is_a_usage_of_its_line_in_the_json() -> None:
    """The FHD duration line lists the lessons' recording robot: 39,600 minutes (2,376,000 s)
    at 8.99, 356.004 USD of the line."""
    data = _json(BY_ROOM)
    fhd = next(line for line in data["lines"]
               if (line["section"], line["tier"]) == ("duration", "FHD"))
    robot = next(u for u in fhd["usages"] if u["source"] == "rooms[0].record.robot")
    assert robot == {"source": "rooms[0].record.robot", "service": "recording", "role": "robot",
                     "label": "1:1 lessons", "seconds": "2376000", "gross": "356.004",
                     "net": "356.004"}
    for line in data["lines"]:
        assert sum(Decimal(u["gross"]) for u in line["usages"]) == Decimal(line["gross"])
        assert sum(Decimal(u["net"]) for u in line["usages"]) == Decimal(line["net"])


@pytest.mark.parametrize("card", CARDS)
def test_the_rooms_list_names_each_room_and_task_and_adds_up_to_the_total(card: str) -> None:
    """`rooms`: each room, its own recording and mixing, and the relay, with gross, total and
    percent of the total as exact strings adding up to the quote's."""
    data = _json(BY_ROOM, "--rate-card", card)
    rooms = data["rooms"]
    assert [(r["name"], r["source"], r["room"]) for r in rooms] == [
        ("1:1 lessons", "rooms[0]", "rooms[0]"),
        ("1:1 lessons / recording", "rooms[0].record", "rooms[0]"),
        ("Friday show", "rooms[1]", "rooms[1]"),
        ("Friday show / mixing for CDN", "rooms[1].mix_for_cdn", "rooms[1]"),
        ("relay", "relay", None),
    ]
    assert sum(Decimal(r["total"]) for r in rooms) == Decimal(data["total"])
    assert sum(Decimal(r["gross"]) for r in rooms) == Decimal(data["gross"])
    assert sum(Decimal(r["share"]) for r in rooms) == 100
    assert rooms[1]["gross"] == "890.208"  # 534.204 recording + 356.004 robot


def test_an_unlabelled_room_and_task_get_a_default_name(tmp_path: Path) -> None:
    """No label: "video_call #1", its recording "video_call #1 / recording", "recording #1"."""
    path = tmp_path / "plain.json"
    path.write_text(json.dumps({
        "format": "trtc-estimate/1", "free_minutes": 0,
        "rooms": [{"service": "video_call", "rooms_per_day": 1, "days": 1, "minutes": 10,
                   "groups": [{"role": "participant", "count": 2, "receives": ["640x360"]}],
                   "record": {"records": ["640x360"], "robot": "files_to_vod"}}],
        "recording": [{"tasks_per_day": 1, "days": 1, "minutes": 10, "robot": "billed"}],
    }), encoding="utf-8")
    names = [room["name"] for room in _json(path)["rooms"]]
    assert names == ["video_call #1", "video_call #1 / recording", "recording #1"]


def test_the_table_shows_the_robot_under_its_line_and_each_rooms_share() -> None:
    """Each robot is an indented row under the duration line of its tier: the lessons'
    recording robot receives 2 x 1280x720 (FHD), the show's mixing robot 1920x1080 + 1280x720
    (2,995,200 px, 2K: 240 min x 15.99 = 3.84, all of that line). A table of rooms and tasks
    with gross, total and share follows the notes."""
    result = quote(BY_ROOM)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    for tier, robot in (
        ("FHD", "    robot rooms[0].record.robot (1:1 lessons): 39,600 min, 356.00 USD of this "
                "line"),
        ("2K", "    robot rooms[1].mix_for_cdn.robot (Friday show): 240 min, 3.84 USD of this "
               "line"),
    ):
        at = next(i for i, row in enumerate(rows)
                  if row.startswith("Audio/video duration") and f" {tier} " in row)
        assert rows[at + 1] == robot
        assert not rows[at + 2].startswith("    robot")
    start = rows.index(
        "By room or task (USD, total after free minutes and discount):"
    )
    table = rows[start + 1 :]
    assert table[0].split() == ["Room", "or", "task", "Source", "Gross", "Total", "Share"]
    # 890.208 of 5,664.2988 (the tutoring month with both robots, after free minutes): 15.7%
    assert table[3].split()[-4:] == ["rooms[0].record", "890.21", "890.21", "15.7%"]


def test_a_bad_room_task_is_refused_in_one_line(tmp_path: Path) -> None:
    """Exit 2, one line naming the file, the field, the value and the rule."""
    data = json.loads(BY_ROOM.read_text(encoding="utf-8"))
    data["rooms"][1]["mix_for_cdn"]["robot"] = "files_to_vod"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = quote(path)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"error: {path}: rooms[1].mix_for_cdn.robot: 'files_to_vod' is a choice of recording "
        "tasks; a mixing robot always subscribes to its inputs and is billed (647/47631)"
    )
    assert result.stderr.count("\n") == 1
