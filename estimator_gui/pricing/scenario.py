"""The scenario: what a customer will use in a month, as frozen, validated records.

The core's records are frozen ``msgspec.Struct`` classes, not ``@dataclass(frozen=True,
slots=True)`` as the style guide shows: the same contract (slotted, immutable, validated in
``__post_init__``, changed only by ``replace``), but made in C, where Python 3.11's dataclasses
compile six generated methods per class. That was 23 ms of the window's first frame for the 38
records it loads (README, "The desktop bundle").
"""

from __future__ import annotations

import re
from decimal import Decimal

from msgspec import Struct, field

from estimator_gui.pricing import checks, limits
from estimator_gui.pricing.errors import InputError, Verbatim

SERVICES = ("audio_call", "video_call", "live_audio", "live_video")
CALL_SERVICES = ("audio_call", "video_call")
LIVE_SERVICES = ("live_audio", "live_video")
AUDIO_SERVICES = ("audio_call", "live_audio")
TIERS = ("audio", "HD", "FHD", "2K", "4K")
VIDEO_TIERS = TIERS[1:]
CALL_ROLES = ("participant", "robot")
LIVE_ROLES = ("anchor", "audience", "robot")
ROLES = ("participant", "anchor", "audience", "robot")
AUDIENCE_PRICE_LISTS = ("standard", "video_live_component")
DELIVERIES = ("low_latency", "cdn")
CODECS = ("h264", "h265")
# How a recording task writes its files: one file of the streams together (one task, tier from
# their aggregate), or one file per stream (one task per stream, each at its own tier; 45176).
RECORDING_MODES = ("mixed", "per_stream")
# The robot's own audio/video duration, stated on a task. Every recording or mixing task puts a
# robot in the room that subscribes to the streams it records or mixes and incurs duration for
# what it receives (42734, 47631); recording files delivered to VOD leave the robot unbilled
# (54633). None on a task: not stated (a file written before the choice existed): the task prices
# as it always did, without a robot, and the notice robot_duration_not_listed says so.
ROBOT_BILLED = "billed"  # files elsewhere (or a mixing robot): billed at the tier it receives
ROBOT_FILES_TO_VOD = "files_to_vod"  # recording files go to VOD: the robot is not billed
RECORDING_ROBOTS = (ROBOT_BILLED, ROBOT_FILES_TO_VOD)
MIXING_ROBOTS = (ROBOT_BILLED,)  # a mixing robot always subscribes to its inputs (47631)
# A room that records every session bills its robot unless the user says the files go to VOD:
# robots incur duration (42734, 47631) and only VOD delivery is exempt (54633), so a quote that
# leaves the choice alone never misses a charge; the user lowers it by choosing VOD.
ROOM_RECORDING_ROBOT_DEFAULT = ROBOT_BILLED
ROOM_MIXING_ROBOT_DEFAULT = ROBOT_BILLED
SECONDS_PER_MINUTE = 60
SESSION_SECONDS_MAX = limits.SESSION_MINUTES_MAX * SECONDS_PER_MINUTE

_RESOLUTION = re.compile(r"\s*([0-9]{1,5})\s*[xX\u00d7]\s*([0-9]{1,5})\s*")


class Resolution(Struct, frozen=True, order=True):
    """One video stream's size; its pixels add up into the aggregate resolution."""

    width: int
    height: int

    def __post_init__(self) -> None:
        for name in ("width", "height"):
            checks.whole(name, getattr(self, name), 1, limits.RESOLUTION_SIDE_MAX)

    @property
    def pixels(self) -> int:
        return self.width * self.height

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"

    @classmethod
    def parse(cls, value: object, field_name: str = "") -> Resolution:
        """Read ``WIDTHxHEIGHT`` (``1280x720``); refuse anything else naming the field."""
        match = _RESOLUTION.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            raise InputError(
                field_name,
                value,
                "is not a resolution written WIDTHxHEIGHT, such as 1280x720",
                code="bad_resolution",
            )
        try:
            return cls(int(match[1]), int(match[2]))
        except InputError as error:
            raise InputError(
                field_name,
                value,
                f"has a side outside 1..{limits.RESOLUTION_SIDE_MAX} pixels",
                code="bad_resolution",
                limit=limits.RESOLUTION_SIDE_MAX,
            ) from error


Mix = tuple[tuple[str, Decimal], ...]  # (tier, percent of the time) in TIERS order


def aggregate_pixels(streams: tuple[Resolution, ...]) -> int:
    """Sum of width x height of the streams received (or recorded, or mixed) at once."""
    return sum(stream.pixels for stream in streams)


def describe_streams(streams: tuple[Resolution, ...]) -> str:
    """The working of an aggregate: ``2 x 1280x720 + 640x360 = 2,073,600 px``."""
    counts: dict[Resolution, int] = {}
    for stream in streams:
        counts[stream] = counts.get(stream, 0) + 1
    parts = [f"{n} x {s}" if n > 1 else str(s) for s, n in counts.items()]
    return " + ".join(parts) + f" = {aggregate_pixels(streams):,} px"


def check_stream_count(name: str, count: int) -> None:
    """Nobody receives (and no task takes) more streams at once than a room can publish."""
    if count > limits.STREAMS_MAX:
        raise InputError(
            name,
            count,
            f"streams at once is more than {limits.STREAMS_MAX}: a call room has at most "
            f"{limits.CALL_PUBLISHERS} cameras on and a live room at most "
            f"{limits.LIVE_CO_ANCHORS} co-anchors",
            code="too_many_streams",
            limit=limits.STREAMS_MAX,
        )


def _check_streams(name: str, streams: tuple[Resolution, ...], mix: Mix | None) -> None:
    if not isinstance(streams, tuple):
        raise InputError(name, streams, "must be a list", code="not_list")
    check_stream_count(name, len(streams))
    for index, stream in enumerate(streams):
        if not isinstance(stream, Resolution):
            raise InputError(
                f"{name}[{index}]", stream, "is not a resolution", code="bad_resolution"
            )
    total = aggregate_pixels(streams)
    if total > limits.MAX_AGGREGATE_PIXELS:
        raise InputError(
            name,
            describe_streams(streams),
            f"is above {limits.MAX_AGGREGATE_PIXELS:,} px (4096x2160), the largest aggregate "
            "resolution with a published price; the estimator does not guess a price above it",
            code="above_top_tier",
            limit=limits.MAX_AGGREGATE_PIXELS,
        )
    if mix is not None:
        if streams:
            raise InputError(
                "mix",
                "mix and " + name,
                f"give the resolution twice: use either {name} or mix",
                code="receives_and_mix",
            )
        _check_mix(mix)


def _check_mix(mix: Mix) -> None:
    checks.sequence("mix", mix, len(TIERS))
    seen: set[str] = set()
    for entry in mix:
        if not (isinstance(entry, tuple) and len(entry) == 2):
            raise InputError("mix", entry, "must pair a tier with a percentage", code="bad_mix")
        tier, share = entry
        checks.choice("mix", tier, TIERS)
        if tier in seen:
            raise InputError(f"mix.{tier}", share, "is given twice", code="bad_mix")
        seen.add(tier)
        checks.amount(f"mix.{tier}", share, 0, 100)
    total = sum((share for _, share in mix), Decimal(0))
    if total != 100:
        raise InputError(
            "mix",
            f"{format(total, 'f')}%",
            "must sum to exactly 100%",
            code="mix_not_100",
            limit=100,
        )


def _check_duration(name: str, seconds: Decimal) -> None:
    try:
        checks.amount(name, seconds, 0, SESSION_SECONDS_MAX)
    except InputError as error:
        if error.code != "too_large":
            raise
        raise InputError(
            name,
            Verbatim(f"{format(seconds, 'f')} s"),  # held in seconds, whatever the file said
            f"is longer than a day ({SESSION_SECONDS_MAX:,} s = "
            f"{limits.SESSION_MINUTES_MAX:,} minutes) for one session",
            code="too_large",
            limit=SESSION_SECONDS_MAX,
        ) from error


def mix_has_video(mix: Mix | None) -> bool:
    return mix is not None and any(tier != "audio" and share > 0 for tier, share in mix)


class Group(Struct, frozen=True):
    """Users of one room who play the same role, stay as long and receive the same streams."""

    role: str
    count: int
    seconds: Decimal | None = None  # None: the room's session length
    receives: tuple[Resolution, ...] = ()  # streams one member receives at once; () = audio
    mix: Mix | None = None  # alternative to receives: share of time per tier
    label: str = ""

    def __post_init__(self) -> None:
        checks.choice("role", self.role, ROLES)
        checks.text("label", self.label)
        checks.whole("count", self.count, 0, limits.GROUP_COUNT_MAX)
        if self.seconds is not None:
            _check_duration("minutes", self.seconds)
        _check_streams("receives", self.receives, self.mix)

    @property
    def has_video(self) -> bool:
        return bool(self.receives) or mix_has_video(self.mix)


def _check_recording_choices(mode: object, robot: object, optional_robot: bool) -> None:
    checks.choice("mode", mode, RECORDING_MODES)
    if robot is None and optional_robot:
        return
    checks.choice("robot", robot, RECORDING_ROBOTS)


def _check_per_stream(mode: str, records: tuple[Resolution, ...], mix: Mix | None) -> None:
    """One file per stream needs the streams: a mix names none, and no list names no file."""
    if mode != "per_stream":
        return
    if mix is not None:
        raise InputError(
            "mode",
            mode,
            "records each listed stream to a file of its own, and a mix gives shares of time, "
            "not streams: list the streams in records, or use mode mixed",
            code="per_stream_needs_streams",
        )
    if not records:
        raise InputError(
            "records",
            Verbatim("an empty list"),
            "names no stream, and mode per_stream records one file per listed stream: list "
            "them, or use mode mixed for an audio-only recording",
            code="per_stream_needs_streams",
            limit=1,
        )


def _check_mixing_robot(robot: object) -> None:
    if robot is None:
        return
    if robot == ROBOT_FILES_TO_VOD:
        raise InputError(
            "robot",
            robot,
            "is a choice of recording tasks; a mixing robot always subscribes to its inputs and "
            "is billed (647/47631): use billed, or leave robot out",
            code="unknown_choice",
            limit=MIXING_ROBOTS,
        )
    checks.choice("robot", robot, MIXING_ROBOTS)


class RoomRecording(Struct, frozen=True):
    """A room records every session: its tasks follow the room's rooms a day, days and minutes.

    ``mixed``: one task a session records ``records`` together (tier from their aggregate);
    ``per_stream``: one task a session per listed stream, each at its own tier. ``robot``: the
    recording robot's own duration, billed at the aggregate of what it records unless the files
    go to VOD (``files_to_vod``).
    """

    records: tuple[Resolution, ...] = ()  # () = audio only
    mix: Mix | None = None
    mode: str = "mixed"
    robot: str = ROOM_RECORDING_ROBOT_DEFAULT

    def __post_init__(self) -> None:
        _check_recording_choices(self.mode, self.robot, optional_robot=False)
        _check_streams("records", self.records, self.mix)
        _check_per_stream(self.mode, self.records, self.mix)

    @property
    def has_video(self) -> bool:
        return bool(self.records) or mix_has_video(self.mix)


class RoomMixing(Struct, frozen=True):
    """A room mixes every session for the CDN: one MixTranscoding task a session, billed on its
    inputs' duration at the tier of their aggregate; ``robot``: the mixing robot's own duration
    (``billed``, or None: not stated)."""

    inputs: tuple[Resolution, ...] = ()  # () = audio-only mixing
    mix: Mix | None = None
    codec: str = "h264"
    robot: str | None = ROOM_MIXING_ROBOT_DEFAULT

    def __post_init__(self) -> None:
        checks.choice("codec", self.codec, CODECS)
        _check_mixing_robot(self.robot)
        _check_streams("inputs", self.inputs, self.mix)

    @property
    def has_video(self) -> bool:
        return bool(self.inputs) or mix_has_video(self.mix)


class Room(Struct, frozen=True):
    """A kind of room the customer runs: how many a day, how many days, who is in each."""

    service: str
    rooms_per_day: int
    days: int
    seconds: Decimal
    groups: tuple[Group, ...]
    label: str = ""
    audience_price_list: str = "standard"
    delivery: str = "low_latency"
    # Call rooms: microphones (audio call) or cameras (video call) on at once; None: not stated.
    # It does not change the price; it is checked against the brief's limit of 50.
    publishers: int | None = None
    # Tasks that follow the room (one per session): None, the room has none of its own.
    record: RoomRecording | None = None
    mix_for_cdn: RoomMixing | None = None

    def __post_init__(self) -> None:
        checks.choice("service", self.service, SERVICES)
        checks.text("label", self.label)
        checks.whole("rooms_per_day", self.rooms_per_day, 0, limits.ROOMS_PER_DAY_MAX)
        checks.whole("days", self.days, limits.DAYS_MIN, limits.DAYS_MAX)
        _check_duration("minutes", self.seconds)
        checks.sequence("groups", self.groups, limits.GROUPS_MAX)
        checks.choice("audience_price_list", self.audience_price_list, AUDIENCE_PRICE_LISTS)
        checks.choice("delivery", self.delivery, DELIVERIES)
        if self.service != "live_video" and self.audience_price_list != "standard":
            raise InputError(
                "audience_price_list",
                self.audience_price_list,
                "applies to live_video rooms only (the Video Live component)",
                code="not_applicable",
            )
        if self.service in CALL_SERVICES and self.delivery != "low_latency":
            raise InputError(
                "delivery", self.delivery, "applies to live rooms only", code="not_applicable"
            )
        self._check_publishers()
        for index, group in enumerate(self.groups):
            self._check_group(index, group)
        self._check_room_limits()
        self._check_room_tasks()

    def _check_publishers(self) -> None:
        if self.publishers is None:
            return
        if self.service not in CALL_SERVICES:
            raise InputError(
                "publishers",
                self.publishers,
                "applies to call rooms only; in a live room the anchors publish",
                code="not_applicable",
            )
        device = "microphones" if self.service == "audio_call" else "cameras"
        checks.whole("publishers", self.publishers, 0, 10**9)
        if self.publishers > limits.CALL_PUBLISHERS:
            raise InputError(
                "publishers",
                self.publishers,
                f"{device} on at once is more than the {limits.CALL_PUBLISHERS} a call room allows",
                code="too_many_publishers",
                limit=limits.CALL_PUBLISHERS,
            )
        users = sum(group.count for group in self.groups if isinstance(group, Group))
        if self.publishers > users:
            raise InputError(
                "publishers",
                self.publishers,
                f"{device} on at once is more than the {users} users in the room",
                code="more_publishers_than_users",
                limit=users,
            )

    @property
    def is_live(self) -> bool:
        return self.service in LIVE_SERVICES

    @property
    def audience_on_cdn(self) -> bool:
        """Its viewers watch through a CDN: the CDN bills them, not TRTC by duration (billing
        rules 2; TRTC bills the relay, 4)."""
        return self.is_live and self.delivery == "cdn"

    def _check_group(self, index: int, group: Group) -> None:
        where = f"groups[{index}]"
        if not isinstance(group, Group):
            raise InputError(where, group, "is not a group", code="not_group")
        roles = LIVE_ROLES if self.is_live else CALL_ROLES
        if group.role not in roles:
            raise InputError(
                f"{where}.role",
                group.role,
                f"is not a role in a {self.service} room; use one of: " + ", ".join(roles),
                code="role_not_in_service",
                limit=roles,
            )
        if self.service in AUDIO_SERVICES and group.has_video:
            raise InputError(
                f"{where}.receives" if group.receives else f"{where}.mix",
                " + ".join(str(s) for s in group.receives) or "video share",
                f"is video, and {self.service} rooms carry audio only; "
                "use a video service for video",
                code="video_in_audio_service",
            )
        if self.publishers is not None and len(group.receives) > self.publishers:
            raise InputError(
                f"{where}.receives",
                len(group.receives),
                f"streams is more than the {self.publishers} "
                f"{'cameras' if self.service == 'video_call' else 'publishers'} on in the room "
                "(publishers)",
                code="more_streams_than_publishers",
                limit=self.publishers,
            )

    def _check_room_tasks(self) -> None:
        """A room's recording and mixing take what the room carries: no video from an audio
        room, no more streams than the cameras it has on."""
        tasks = (
            ("record", "records", self.record, RoomRecording),
            ("mix_for_cdn", "inputs", self.mix_for_cdn, RoomMixing),
        )
        for name, streams_key, task, kind in tasks:
            if task is None:
                continue
            if not isinstance(task, kind):
                raise InputError(name, task, f"is not a {kind.__name__}", code="not_task")
            streams: tuple[Resolution, ...] = getattr(task, streams_key)
            if self.service in AUDIO_SERVICES and task.has_video:
                raise InputError(
                    f"{name}.{streams_key}" if streams else f"{name}.mix",
                    " + ".join(str(s) for s in streams) or "video share",
                    f"is video, and {self.service} rooms carry audio only; "
                    "use a video service for video",
                    code="video_in_audio_service",
                )
            if self.publishers is not None and len(streams) > self.publishers:
                raise InputError(
                    f"{name}.{streams_key}",
                    len(streams),
                    f"streams is more than the {self.publishers} "
                    f"{'cameras' if self.service == 'video_call' else 'publishers'} on in the "
                    "room (publishers)",
                    code="more_streams_than_publishers",
                    limit=self.publishers,
                )

    def _check_room_limits(self) -> None:
        totals: dict[str, int] = {}
        for index, group in enumerate(self.groups):
            if self.is_live:
                kind = group.role if group.role in ("anchor", "audience") else ""
            else:
                kind = "users"
            if not kind:
                continue
            totals[kind] = totals.get(kind, 0) + group.count
            where = f"groups[{index}].count"
            if kind == "users" and totals[kind] > limits.CALL_ROOM_USERS:
                raise InputError(
                    where,
                    group.count,
                    f"brings the room to {totals[kind]:,} users; a call room holds at most "
                    f"{limits.CALL_ROOM_USERS} (interactive live streaming takes more)",
                    code="too_many_users",
                    limit=limits.CALL_ROOM_USERS,
                )
            if kind == "anchor" and totals[kind] > limits.LIVE_CO_ANCHORS:
                raise InputError(
                    where,
                    group.count,
                    f"brings the room to {totals[kind]:,} anchors at once; a live room holds at "
                    f"most {limits.LIVE_CO_ANCHORS} co-anchors",
                    code="too_many_anchors",
                    limit=limits.LIVE_CO_ANCHORS,
                )
            if (
                kind == "audience"
                and self.delivery == "low_latency"
                and totals[kind] > limits.LOW_LATENCY_AUDIENCE
            ):
                raise InputError(
                    where,
                    group.count,
                    f"brings the room to {totals[kind]:,} low-latency viewers; at most "
                    f"{limits.LOW_LATENCY_AUDIENCE:,} (set delivery to cdn, Relay to CDN, "
                    "for more)",
                    code="too_many_viewers",
                    limit=limits.LOW_LATENCY_AUDIENCE,
                )


def _check_task(label: str, tasks_per_day: int, days: int, seconds: Decimal) -> None:
    """What recording and mixing tasks share: a label, tasks a day, days, minutes per task."""
    checks.text("label", label)
    checks.whole("tasks_per_day", tasks_per_day, 0, limits.TASKS_PER_DAY_MAX)
    checks.whole("days", days, limits.DAYS_MIN, limits.DAYS_MAX)
    _check_duration("minutes", seconds)


class RecordingTask(Struct, frozen=True):
    """Cloud recording: each task records the listed streams together."""

    tasks_per_day: int
    days: int
    seconds: Decimal
    records: tuple[Resolution, ...] = ()  # () = audio only
    mix: Mix | None = None
    label: str = ""
    mode: str = "mixed"  # or per_stream: one task per listed stream, each at its own tier
    robot: str | None = None  # billed, files_to_vod, or None: not stated (priced as before)

    def __post_init__(self) -> None:
        _check_task(self.label, self.tasks_per_day, self.days, self.seconds)
        _check_recording_choices(self.mode, self.robot, optional_robot=True)
        _check_streams("records", self.records, self.mix)
        _check_per_stream(self.mode, self.records, self.mix)


class TranscodingTask(Struct, frozen=True):
    """On-cloud MixTranscoding: billed on input duration, tier from the inputs' aggregate."""

    tasks_per_day: int
    days: int
    seconds: Decimal
    codec: str = "h264"
    inputs: tuple[Resolution, ...] = ()  # () = audio-only mixing
    mix: Mix | None = None
    label: str = ""
    robot: str | None = None  # billed, or None: not stated (priced as before)

    def __post_init__(self) -> None:
        _check_task(self.label, self.tasks_per_day, self.days, self.seconds)
        checks.choice("codec", self.codec, CODECS)
        _check_mixing_robot(self.robot)
        _check_streams("inputs", self.inputs, self.mix)


class Relay(Struct, frozen=True):
    """Relay to CDN: by monthly peak bandwidth, or by relay minutes; never both."""

    peak_mbps: Decimal | None = None
    minutes: Decimal | None = None

    def __post_init__(self) -> None:
        if self.peak_mbps is not None and self.minutes is not None:
            raise InputError(
                "minutes",
                self.minutes,
                "is given with peak_mbps, and relay is billed one way: peak_mbps (accounts "
                "registered before 2025-10-23) or minutes (after); give one",
                code="relay_two_modes",
            )
        if self.peak_mbps is not None:
            checks.amount("peak_mbps", self.peak_mbps, 0, limits.RELAY_MBPS_MAX)
        if self.minutes is not None:
            checks.amount("minutes", self.minutes, 0, limits.RELAY_MINUTES_MAX)


class Scenario(Struct, frozen=True):
    """One month of a customer's use: the whole input of ``price()``."""

    rooms: tuple[Room, ...] = ()
    recording: tuple[RecordingTask, ...] = ()
    transcoding: tuple[TranscodingTask, ...] = ()
    relay: Relay | None = None
    title: str = ""
    free_minutes: int | None = None  # None: the rate card's allowance; 0 switches it off
    discount_percent: Decimal = field(default=Decimal(0))

    def __post_init__(self) -> None:
        checks.text("title", self.title)
        if self.free_minutes is not None:
            checks.whole("free_minutes", self.free_minutes, 0, 10**9)
        checks.amount("discount_percent", self.discount_percent, 0, limits.DISCOUNT_PERCENT_MAX)
        for name, kind in (
            ("rooms", Room),
            ("recording", RecordingTask),
            ("transcoding", TranscodingTask),
        ):
            items = checks.sequence(name, getattr(self, name), limits.ROOMS_MAX)
            for index, item in enumerate(items):
                if not isinstance(item, kind):
                    raise InputError(f"{name}[{index}]", item, f"is not a {kind.__name__}")
        if self.relay is not None and not isinstance(self.relay, Relay):
            raise InputError("relay", self.relay, "is not a relay setting")
