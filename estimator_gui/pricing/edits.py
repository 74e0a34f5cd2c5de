"""Scenario edits the panels ask for, as pure functions over the core's frozen dataclasses.

Each returns a new object built with ``dataclasses.replace`` (the core validates it on the way) and
never prices anything: pricing is the session's job.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from estimator_gui.pricing.scenario import (
    CALL_SERVICES,
    Group,
    RecordingTask,
    Resolution,
    Room,
    Scenario,
    TranscodingTask,
)

HD_720 = Resolution(1280, 720)
DEFAULT_DAYS = 22
DEFAULT_SECONDS = Decimal(30 * 60)


def replace_item(items: tuple, index: int, item: object) -> tuple:
    return (*items[:index], item, *items[index + 1 :])


def remove_item(items: tuple, index: int) -> tuple:
    return (*items[:index], *items[index + 1 :])


def room_indices(scenario: Scenario, service: str) -> list[int]:
    """Positions in ``scenario.rooms`` of the rooms of one service, in file order."""
    return [i for i, room in enumerate(scenario.rooms) if room.service == service]


def new_room(service: str, number: int) -> Room:
    """A sensible room to start from when a sales person adds one."""
    video = (HD_720,)
    groups: tuple[Group, ...]
    if service == "audio_call":
        groups = (Group("participant", 2),)
    elif service == "video_call":
        groups = (Group("participant", 2, receives=video),)
    elif service == "live_audio":
        groups = (Group("anchor", 1), Group("audience", 100))
    else:
        groups = (Group("anchor", 1), Group("audience", 1000, receives=video))
    return Room(service, 10, DEFAULT_DAYS, DEFAULT_SECONDS, groups, label=f"#{number}")


def new_group(room: Room) -> Group:
    role = "participant" if room.service in CALL_SERVICES else "audience"
    return Group(role, 1)


def main_group_index(room: Room, role: str) -> int | None:
    for index, group in enumerate(room.groups):
        if group.role == role:
            return index
    return None


def with_role_count(room: Room, role: str, count: int) -> Room:
    """The room with its first ``role`` group at ``count`` members (added if missing)."""
    index = main_group_index(room, role)
    if index is None:
        return replace(room, groups=(*room.groups, Group(role, count)))
    group = replace(room.groups[index], count=count)
    return replace(room, groups=replace_item(room.groups, index, group))


def with_group(room: Room, index: int, group: Group) -> Room:
    return replace(room, groups=replace_item(room.groups, index, group))


def stream_resolution(streams: tuple[Resolution, ...]) -> Resolution | None:
    """The resolution the streams share, or None when they differ or there are none."""
    if streams and all(stream == streams[0] for stream in streams):
        return streams[0]
    return None


def with_stream_count(
    streams: tuple[Resolution, ...], count: int, fallback: Resolution
) -> tuple[Resolution, ...]:
    """``count`` streams: the current ones kept, more of the last one added, extra ones dropped."""
    if count <= len(streams):
        return streams[:count]
    extra = streams[-1] if streams else fallback
    return streams + (extra,) * (count - len(streams))


def with_resolution(
    streams: tuple[Resolution, ...], resolution: Resolution
) -> tuple[Resolution, ...]:
    return (resolution,) * max(len(streams), 1)


def replace_room(scenario: Scenario, index: int, room: Room) -> Scenario:
    return replace(scenario, rooms=replace_item(scenario.rooms, index, room))


def new_recording(number: int) -> RecordingTask:
    return RecordingTask(1, DEFAULT_DAYS, DEFAULT_SECONDS, records=(HD_720,), label=f"#{number}")


def new_transcoding(number: int) -> TranscodingTask:
    return TranscodingTask(
        1, DEFAULT_DAYS, DEFAULT_SECONDS, inputs=(HD_720, HD_720), label=f"#{number}"
    )
