"""Scenario edits the window asks for, as pure functions over the core's frozen records.

Each returns a new object built with ``msgspec.structs.replace`` (the core validates it on the
way) and never prices anything. The window only chooses which edit and words it; the arithmetic
is here so the command line and documents can reuse it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from msgspec import Struct
from msgspec.structs import replace

from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import (
    CALL_SERVICES,
    ROOM_MIXING_ROBOT_DEFAULT,
    ROOM_RECORDING_ROBOT_DEFAULT,
    SECONDS_PER_MINUTE,
    Group,
    Mix,
    RecordingTask,
    Resolution,
    Room,
    RoomMixing,
    RoomRecording,
    Scenario,
    TranscodingTask,
    aggregate_pixels,
)

T = TypeVar("T")

HD_720 = Resolution(1280, 720)
DEFAULT_DAYS = 22
DEFAULT_SECONDS = Decimal(30 * 60)


def replace_item(items: tuple[T, ...], index: int, item: T) -> tuple[T, ...]:
    return (*items[:index], item, *items[index + 1 :])


def remove_item(items: tuple[T, ...], index: int) -> tuple[T, ...]:
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


def minutes_to_seconds(minutes: int | Decimal) -> Decimal:
    return Decimal(minutes) * SECONDS_PER_MINUTE


def whole_minutes(seconds: Decimal) -> int:
    """Seconds as the whole minutes a slider shows (half a minute rounds to even)."""
    return int((seconds / SECONDS_PER_MINUTE).to_integral_value())


def main_group_index(room: Room, role: str) -> int | None:
    """The group the sliders of ``role`` drive: its largest group (the first of equals)."""
    best: int | None = None
    for index, group in enumerate(room.groups):
        if group.role == role and (best is None or group.count > room.groups[best].count):
            best = index
    return best


def role_count(room: Room, role: str) -> int:
    """How many members of ``role`` one room holds, over all its groups of that role."""
    return sum(group.count for group in room.groups if group.role == role)


def role_group_count(room: Room, role: str) -> int:
    return sum(1 for group in room.groups if group.role == role)


def with_role_count(room: Room, role: str, count: int) -> Room:
    """The room with ``count`` members of ``role`` in all: the largest group of the role takes
    the difference (added if the role has none); other groups keep theirs while they can, and
    shrink from the last when the largest alone cannot take it."""
    index = main_group_index(room, role)
    if index is None:
        return replace(room, groups=(*room.groups, Group(role, count)))
    others = role_count(room, role) - room.groups[index].count
    groups = list(room.groups)
    if count >= others:
        groups[index] = replace(groups[index], count=count - others)
        return replace(room, groups=tuple(groups))
    # Fewer than the other groups hold: the largest goes to 0, the others shrink from the last.
    groups[index] = replace(groups[index], count=0)
    excess = others - count
    for position in reversed(range(len(groups))):
        group = groups[position]
        if position == index or group.role != role or excess <= 0:
            continue
        taken = min(group.count, excess)
        groups[position] = replace(group, count=group.count - taken)
        excess -= taken
    return replace(room, groups=tuple(groups))


def with_group(room: Room, index: int, group: Group) -> Room:
    return replace(room, groups=replace_item(room.groups, index, group))


class MinutesOverride(Struct, frozen=True):
    """A group that stays a different time than the room's session."""

    index: int  # in room.groups
    seconds: Decimal  # the group's own time
    room_seconds: Decimal


def minutes_overrides(room: Room) -> tuple[MinutesOverride, ...]:
    """The groups whose own minutes differ from the room's session, in group order."""
    return tuple(
        MinutesOverride(index, group.seconds, room.seconds)
        for index, group in enumerate(room.groups)
        if group.seconds is not None and group.seconds != room.seconds
    )


def follow_room(room: Room) -> Room:
    """Every group back on the room's session length."""
    groups = tuple(
        group if group.seconds is None else replace(group, seconds=None) for group in room.groups
    )
    return replace(room, groups=groups)


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
    """A task the window adds states its robot: billed, unless the user says files go to VOD."""
    return RecordingTask(
        1,
        DEFAULT_DAYS,
        DEFAULT_SECONDS,
        records=(HD_720,),
        label=f"#{number}",
        robot=ROOM_RECORDING_ROBOT_DEFAULT,
    )


def new_transcoding(number: int) -> TranscodingTask:
    return TranscodingTask(
        1,
        DEFAULT_DAYS,
        DEFAULT_SECONDS,
        inputs=(HD_720, HD_720),
        label=f"#{number}",
        robot=ROOM_MIXING_ROBOT_DEFAULT,
    )


def published_streams(room: Room) -> tuple[Resolution, ...]:
    """The video streams a session publishes, as far as the room says: in a live room each
    anchor's camera (at the resolution the audience receives); in a call, one camera more than
    a participant receives (everyone sees the others). () when the room carries no video."""
    if room.is_live:
        index = main_group_index(room, "audience")
        watched = room.groups[index].receives if index is not None else ()
        size = watched[0] if watched else HD_720
        anchors = role_count(room, "anchor")
        return (size,) * min(anchors, 50) if room.service == "live_video" else ()
    index = main_group_index(room, "participant")
    watched = room.groups[index].receives if index is not None else ()
    if not watched:
        return ()
    return (*watched, watched[-1])[:50]


def recording_for(room: Room) -> RoomRecording:
    """Record every session: the streams the room publishes, mixed into one file, the robot
    billed (files elsewhere) until the user says the files go to VOD."""
    return RoomRecording(records=published_streams(room), robot=ROOM_RECORDING_ROBOT_DEFAULT)


def mixing_for(room: Room) -> RoomMixing:
    """Mix every session for the CDN: the streams the room publishes, H.264."""
    return RoomMixing(inputs=published_streams(room), robot=ROOM_MIXING_ROBOT_DEFAULT)


def starting_mix(streams: tuple[Resolution, ...], card: RateCard) -> Mix:
    """Switching streams to a resolution mix starts at 100% of the tier they have now."""
    tier = card.tier_for(aggregate_pixels(streams)) or "HD"
    return ((tier, Decimal(100)),)


def blank_scenario() -> Scenario:
    """File > New: nothing priced yet, the rate card's free minutes, no discount."""
    return Scenario(title="", rooms=())
