"""The scenario object of ``trtc-estimate/1`` read into a Scenario and its price options."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from estimator_gui.files.json_input import (
    build,
    date,
    join,
    json_object,
    kind,
    number,
    optional_text,
    refuse_duplicate,
    require,
    whole,
)
from estimator_gui.pricing import checks, limits
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.options import PriceOptions, ValueAddedUse
from estimator_gui.pricing.scenario import (
    ROOM_MIXING_ROBOT_DEFAULT,
    ROOM_RECORDING_ROBOT_DEFAULT,
    SECONDS_PER_MINUTE,
    SESSION_SECONDS_MAX,
    TIERS,
    Group,
    Mix,
    RecordingTask,
    Relay,
    Resolution,
    Room,
    RoomMixing,
    RoomRecording,
    Scenario,
    TranscodingTask,
    check_stream_count,
)

T = TypeVar("T")

FORMAT = "trtc-estimate/1"

# The fields of one scenario: the top level of a file, and each variant's "scenario".
SCENARIO_KEYS = {
    "format",
    "title",
    "free_minutes",
    "discount_percent",
    "rooms",
    "recording",
    "transcoding",
    "relay",
}
# Fields of the whole estimate, at the top level only: free information for people (not read),
# and the additive fields of the rate-card work: the card the estimate was made with (its id),
# the account's registration day (it picks the relay list on the current card) and value-added
# services. They are read into a ScenarioFile beside the Scenario.
ESTIMATE_KEYS = {"customer", "notes", "rate_card", "account_registered", "value_added"}
_ROOM_KEYS = {
    "service",
    "label",
    "rooms_per_day",
    "days",
    "minutes",
    "seconds",
    "groups",
    "audience_price_list",
    "delivery",
    "publishers",
    # Additive: tasks that follow the room's sessions (absent: the room has none).
    "record",
    "mix_for_cdn",
}
_GROUP_KEYS = {"role", "label", "count", "minutes", "seconds", "receives", "mix"}
_RECORDING_KEYS = {
    "label",
    "tasks_per_day",
    "days",
    "minutes",
    "seconds",
    "records",
    "mix",
    # Additive: per-stream files, and the robot's duration (absent: mixed, robot not stated).
    "mode",
    "robot",
}
_TRANSCODING_KEYS = {
    "label",
    "tasks_per_day",
    "days",
    "minutes",
    "seconds",
    "codec",
    "inputs",
    "mix",
    "robot",  # additive; absent: the robot is not stated
}
_ROOM_RECORDING_KEYS = {"records", "mix", "mode", "robot"}
_ROOM_MIXING_KEYS = {"inputs", "mix", "codec", "robot"}
_RELAY_KEYS = {"peak_mbps", "minutes"}
_VALUE_ADDED_KEYS = {
    "service",
    "option",
    "label",
    "tasks_per_day",
    "days",
    "minutes",
    "seconds",
    "languages",
}


def check_format(obj: dict[str, Any], required: bool = True) -> None:
    """The ``format`` of a scenario object: this version's; a variant's may leave it out."""
    if not required and "format" not in obj:
        return
    fmt = obj.get("format")
    if fmt != FORMAT:
        raise InputError(
            "format",
            fmt,
            f"is not a scenario format this version reads ({FORMAT!r})",
            code="unknown_format",
            limit=FORMAT,
        )


def scenario_from_object(obj: dict[str, Any]) -> Scenario:
    """The Scenario of a JSON object whose keys were already checked; paths from its top."""
    free = obj.get("free_minutes")
    relay = obj.get("relay")
    return build(
        "",
        Scenario,
        title=optional_text("", obj, "title"),
        free_minutes=None if free is None else whole("free_minutes", free),
        discount_percent=number("discount_percent", obj.get("discount_percent", 0)),
        rooms=_items(obj, "rooms", _room),
        recording=_items(obj, "recording", _recording),
        transcoding=_items(obj, "transcoding", _transcoding),
        relay=None if relay is None else _relay(relay),
    )


def card_id_from_object(obj: dict[str, Any]) -> str | None:
    """The ``rate_card`` id the estimate was made with; None when not recorded."""
    card = obj.get("rate_card")
    return None if card is None else _card_id(card)


def options_from_object(obj: dict[str, Any]) -> PriceOptions:
    """The price options of the top level: registration day and value-added services."""
    registered = obj.get("account_registered")
    return build(
        "",
        PriceOptions,
        registered=None if registered is None else date("account_registered", registered),
        value_added=_items(obj, "value_added", _value_added),
    )


def _card_id(value: Any) -> str:
    card_id = checks.text("rate_card", value if isinstance(value, str) else kind(value))
    if not card_id.strip():
        raise InputError("rate_card", card_id, "must name a rate card id", code="missing")
    return card_id


def _value_added(path: str, value: Any) -> ValueAddedUse:
    obj = json_object(path, value, _VALUE_ADDED_KEYS)
    seconds = _seconds(path, obj, required=True)
    languages = obj.get("languages", 1)
    return build(
        path,
        ValueAddedUse,
        service=require(path, obj, "service"),
        option=obj.get("option", "standard"),
        label=optional_text(path, obj, "label"),
        tasks_per_day=whole(join(path, "tasks_per_day"), require(path, obj, "tasks_per_day")),
        days=whole(join(path, "days"), require(path, obj, "days")),
        seconds=seconds,
        languages=whole(join(path, "languages"), languages),
    )


def _items(obj: dict[str, Any], key: str, read: Callable[[str, Any], T]) -> tuple[T, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise InputError(key, kind(value), "must be a list", code="not_list")
    if len(value) > limits.ROOMS_MAX:
        raise InputError(
            key,
            f"{len(value):,} entries",
            f"is more than the {limits.ROOMS_MAX:,} allowed",
            code="too_many",
            limit=limits.ROOMS_MAX,
        )
    return tuple(read(f"{key}[{i}]", item) for i, item in enumerate(value))


def _seconds(path: str, obj: dict[str, Any], required: bool) -> Decimal | None:
    """The duration of ``obj`` in seconds, from ``minutes`` or ``seconds`` (not both)."""
    if "minutes" in obj and "seconds" in obj:
        raise InputError(
            join(path, "seconds"),
            obj["seconds"],
            "is given with minutes; give one of them",
            code="minutes_and_seconds",
        )
    if "seconds" in obj:
        return checks.amount(
            join(path, "seconds"),
            number(join(path, "seconds"), obj["seconds"]),
            0,
            SESSION_SECONDS_MAX,
        )
    if "minutes" in obj:
        where = join(path, "minutes")
        minutes = checks.amount(where, number(where, obj["minutes"]), 0, limits.SESSION_MINUTES_MAX)
        return minutes * SECONDS_PER_MINUTE
    if required:
        raise InputError(join(path, "minutes"), None, "is required (or seconds)", code="missing")
    return None


def _streams(path: str, obj: dict[str, Any], key: str) -> tuple[Resolution, ...]:
    value = obj.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(
            join(path, key), kind(value), "must be a list of WIDTHxHEIGHT", code="not_list"
        )
    check_stream_count(join(path, key), len(value))  # before parsing a hostile list's items
    return tuple(Resolution.parse(item, f"{path}.{key}[{i}]") for i, item in enumerate(value))


def _mix(path: str, obj: dict[str, Any]) -> Mix | None:
    value = obj.get("mix")
    if value is None:
        return None
    where = join(path, "mix")
    if not isinstance(value, dict):
        raise InputError(where, kind(value), "must be an object of tier: percent", code="bad_mix")
    for tier in value:
        refuse_duplicate(where, tier, value[tier])
        if tier not in TIERS:
            raise InputError(
                f"{where}.{tier}",
                value[tier],
                "is not a tier: " + ", ".join(TIERS),
                code="unknown_choice",
            )
    return tuple((tier, number(f"{where}.{tier}", value[tier])) for tier in TIERS if tier in value)


def _group(path: str, value: Any) -> Group:
    obj = json_object(path, value, _GROUP_KEYS)
    return build(
        path,
        Group,
        role=require(path, obj, "role"),
        count=whole(join(path, "count"), require(path, obj, "count")),
        seconds=_seconds(path, obj, required=False),
        receives=_streams(path, obj, "receives"),
        mix=_mix(path, obj),
        label=optional_text(path, obj, "label"),
    )


def _room(path: str, value: Any) -> Room:
    obj = json_object(path, value, _ROOM_KEYS)
    groups = require(path, obj, "groups")
    if not isinstance(groups, list):
        raise InputError(join(path, "groups"), kind(groups), "must be a list", code="not_list")
    if len(groups) > limits.GROUPS_MAX:
        raise InputError(
            join(path, "groups"),
            f"{len(groups)} groups",
            f"is more than the {limits.GROUPS_MAX} allowed",
            code="too_many",
        )
    publishers = obj.get("publishers")
    seconds = _seconds(path, obj, required=True)
    assert seconds is not None
    record, mixing = obj.get("record"), obj.get("mix_for_cdn")
    return build(
        path,
        Room,
        service=require(path, obj, "service"),
        label=optional_text(path, obj, "label"),
        rooms_per_day=whole(join(path, "rooms_per_day"), require(path, obj, "rooms_per_day")),
        days=whole(join(path, "days"), require(path, obj, "days")),
        seconds=seconds,
        groups=tuple(_group(f"{path}.groups[{i}]", g) for i, g in enumerate(groups)),
        audience_price_list=obj.get("audience_price_list", "standard"),
        delivery=obj.get("delivery", "low_latency"),
        publishers=None if publishers is None else whole(join(path, "publishers"), publishers),
        record=None if record is None else _room_recording(join(path, "record"), record),
        mix_for_cdn=None if mixing is None else _room_mixing(join(path, "mix_for_cdn"), mixing),
    )


def _room_recording(path: str, value: Any) -> RoomRecording:
    """A room's "record every session"; a robot not given is the room default (billed)."""
    obj = json_object(path, value, _ROOM_RECORDING_KEYS)
    return build(
        path,
        RoomRecording,
        records=_streams(path, obj, "records"),
        mix=_mix(path, obj),
        mode=obj.get("mode", "mixed"),
        robot=obj.get("robot", ROOM_RECORDING_ROBOT_DEFAULT),
    )


def _room_mixing(path: str, value: Any) -> RoomMixing:
    """A room's "mix for CDN"; a robot not given is billed, null is not stated."""
    obj = json_object(path, value, _ROOM_MIXING_KEYS)
    return build(
        path,
        RoomMixing,
        inputs=_streams(path, obj, "inputs"),
        mix=_mix(path, obj),
        codec=obj.get("codec", "h264"),
        robot=obj.get("robot", ROOM_MIXING_ROBOT_DEFAULT),
    )


def _task_common(path: str, obj: dict[str, Any]) -> dict[str, Any]:
    seconds = _seconds(path, obj, required=True)
    return {
        "label": optional_text(path, obj, "label"),
        "tasks_per_day": whole(join(path, "tasks_per_day"), require(path, obj, "tasks_per_day")),
        "days": whole(join(path, "days"), require(path, obj, "days")),
        "seconds": seconds,
        "mix": _mix(path, obj),
    }


def _recording(path: str, value: Any) -> RecordingTask:
    obj = json_object(path, value, _RECORDING_KEYS)
    return build(
        path,
        RecordingTask,
        records=_streams(path, obj, "records"),
        mode=obj.get("mode", "mixed"),
        robot=obj.get("robot"),
        **_task_common(path, obj),
    )


def _transcoding(path: str, value: Any) -> TranscodingTask:
    obj = json_object(path, value, _TRANSCODING_KEYS)
    return build(
        path,
        TranscodingTask,
        codec=obj.get("codec", "h264"),
        inputs=_streams(path, obj, "inputs"),
        robot=obj.get("robot"),
        **_task_common(path, obj),
    )


def _relay(value: Any) -> Relay:
    obj = json_object("relay", value, _RELAY_KEYS)
    mbps, minutes = obj.get("peak_mbps"), obj.get("minutes")
    return build(
        "relay",
        Relay,
        peak_mbps=None if mbps is None else number("relay.peak_mbps", mbps),
        minutes=None if minutes is None else number("relay.minutes", minutes),
    )
