"""The scenario file (``trtc-estimate/1``, JSON, UTF-8): read with named errors, atomic saves."""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, Inexact, localcontext
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from estimator_gui.files.regular import NotAFileError, open_regular
from estimator_gui.pricing import checks, limits
from estimator_gui.pricing.errors import InputError, Verbatim
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

FORMAT = "trtc-estimate/1"
MAX_BYTES = 5_000_000
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")  # ASCII digits only

_SCENARIO_KEYS = {
    "format",
    "title",
    "free_minutes",
    "discount_percent",
    "rooms",
    "recording",
    "transcoding",
    "relay",
    "customer",
    "notes",
    # Additive fields of the rate-card work: the card the estimate was made with (its id), the
    # account's registration day (it picks the relay list on the current card) and value-added
    # services. They are read into a ScenarioFile beside the Scenario.
    "rate_card",
    "account_registered",
    "value_added",
}
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


@dataclass(frozen=True, slots=True)
class ScenarioFile:
    """What a scenario file holds: the Scenario, the id of the rate card it was made with (None:
    not recorded), and the price options (registration day, value-added services)."""

    scenario: Scenario
    rate_card_id: str | None = None
    options: PriceOptions = field(default_factory=PriceOptions)


T = TypeVar("T")


# ---------------------------------------------------------------- reading


def read_scenario(path: Path) -> Scenario:
    """Read a scenario file; anything wrong raises InputError naming the field, value and rule.

    Only a regular file is read: a named pipe, a device or a folder is refused at once, by kind
    (``/tmp/q.json is a named pipe, not a file``), never waited on.
    """
    return read_scenario_file(path).scenario


def read_scenario_file(path: Path) -> ScenarioFile:
    """Read a scenario file with its rate card id and price options, refused as read_scenario."""
    path = Path(path)
    try:
        with open_regular(path) as stream:
            raw = read_bounded(stream)
    except NotAFileError as error:
        raise InputError(str(path), None, error.reason, code="not_a_file") from None
    except OSError as error:
        raise InputError(
            "file", None, f"cannot be read: {error.strerror}", code="unreadable"
        ) from None
    return parse_scenario_file(raw)


def read_bounded(stream: BinaryIO) -> bytes:
    """At most MAX_BYTES from a file, a pipe or a device; more is refused, never read whole.

    A regular file that says it is larger is refused before a byte is read.
    """
    size = _regular_size(stream)
    if size is not None and size > MAX_BYTES:
        raise _too_large(f"{size:,} bytes")
    raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        size = _regular_size(stream)  # it grew while read, or is a pipe or a device
        raise _too_large(f"{size:,} bytes" if size else f"more than {MAX_BYTES:,} bytes")
    return raw


def _regular_size(stream: BinaryIO) -> int | None:
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _too_large(size: str) -> InputError:
    return InputError(
        "file",
        size,
        f"is larger than the {MAX_BYTES:,} bytes a scenario may have",
        code="too_large",
        limit=MAX_BYTES,
    )


def parse_scenario(raw: bytes | str) -> Scenario:
    return parse_scenario_file(raw).scenario


def parse_scenario_file(raw: bytes | str) -> ScenarioFile:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InputError(
                "file", f"byte {error.start}", "is not UTF-8 text", code="bad_json"
            ) from None
    try:
        data = json.loads(
            raw,
            parse_float=_parse_float,
            parse_int=_parse_int,
            parse_constant=_Refused,  # NaN, Infinity, -Infinity
            object_pairs_hook=_mark_duplicates,
        )
    except json.JSONDecodeError as error:
        raise InputError(
            "file",
            f"line {error.lineno}, column {error.colno}",
            f"is not valid JSON ({error.msg}); the file may be truncated or not a scenario",
            code="bad_json",
        ) from None
    except RecursionError:
        raise InputError(
            "file", "nesting", "is nested too deeply to be a scenario", code="bad_json"
        ) from None
    return scenario_file_from_data(data)


# The JSON reader does not know where a value stands; these markers carry a refused value to the
# code that does, so that the message names its full path (rooms[0].groups[1].count).
DIGITS_MAX = 30  # more digits than any figure of a month's use: a garbled or hostile file


class _Refused:
    """NaN, Infinity or a number too long to be meant, kept until its field is known."""

    __slots__ = ("rule", "text")

    def __init__(self, text: str, rule: str = "is not a number the estimator accepts") -> None:
        self.text = text if len(text) <= 24 else text[:21] + "..."
        self.rule = rule

    def __repr__(self) -> str:
        return self.text


class _DuplicateKey:
    """A key given a second time in one object (hashed apart from the first one)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


_TOO_LARGE = f"is above the maximum any field accepts (10^{DIGITS_MAX})"
_TOO_PRECISE = "has more digits than any figure the estimator accepts"


def _parse_int(text: str) -> int | _Refused:
    if len(text.lstrip("-")) > DIGITS_MAX:
        return _Refused(text, _TOO_LARGE if not text.startswith("-") else "must not be negative")
    return int(text)


def _parse_float(text: str) -> Decimal | _Refused:
    _, _, exponent = text.lower().partition("e")
    if len(exponent.lstrip("+-")) > 6:  # 1e99999999999999999999 is beyond even Decimal's range
        return _Refused(text, _TOO_LARGE if not exponent.startswith("-") else _TOO_PRECISE)
    number = Decimal(text)
    if number.adjusted() >= DIGITS_MAX:
        return _Refused(text, _TOO_LARGE if number > 0 else "must not be negative")
    if len(number.as_tuple().digits) > DIGITS_MAX or number.adjusted() < -DIGITS_MAX:
        return _Refused(text, _TOO_PRECISE)
    return number


def _mark_duplicates(pairs: list[tuple[str, Any]]) -> dict[object, Any]:
    result: dict[object, Any] = {}
    for key, value in pairs:
        result[_DuplicateKey(key) if key in result else key] = value
    return result


def scenario_from_data(data: Any) -> Scenario:
    """Build a Scenario from parsed JSON data (numbers as int, Decimal or decimal strings)."""
    return scenario_file_from_data(data).scenario


def scenario_file_from_data(data: Any) -> ScenarioFile:
    """A ScenarioFile from parsed JSON data: the Scenario, the card id and the price options."""
    obj = _object("", data, _SCENARIO_KEYS)
    fmt = obj.get("format")
    if fmt != FORMAT:
        raise InputError(
            "format",
            fmt,
            f"is not a scenario format this version reads ({FORMAT!r})",
            code="unknown_format",
            limit=FORMAT,
        )
    free = obj.get("free_minutes")
    relay = obj.get("relay")
    scenario = _build(
        "",
        Scenario,
        title=_optional_text("", obj, "title"),
        free_minutes=None if free is None else _int("free_minutes", free),
        discount_percent=_number("discount_percent", obj.get("discount_percent", 0)),
        rooms=_items(obj, "rooms", _room),
        recording=_items(obj, "recording", _recording),
        transcoding=_items(obj, "transcoding", _transcoding),
        relay=None if relay is None else _relay(relay),
    )
    card = obj.get("rate_card")
    registered = obj.get("account_registered")
    return ScenarioFile(
        scenario=scenario,
        rate_card_id=None if card is None else _card_id(card),
        options=_build(
            "",
            PriceOptions,
            registered=None if registered is None else _date("account_registered", registered),
            value_added=_items(obj, "value_added", _value_added),
        ),
    )


def _card_id(value: Any) -> str:
    card_id = checks.text("rate_card", value if isinstance(value, str) else _kind(value))
    if not card_id.strip():
        raise InputError("rate_card", card_id, "must name a rate card id", code="missing")
    return card_id


def _date(path: str, value: Any) -> datetime.date:
    """A calendar day written ``YYYY-MM-DD``."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError(path, _kind(value), "is not a date written YYYY-MM-DD", code="bad_date")


def _value_added(path: str, value: Any) -> ValueAddedUse:
    obj = _object(path, value, _VALUE_ADDED_KEYS)
    seconds = _seconds(path, obj, required=True)
    languages = obj.get("languages", 1)
    return _build(
        path,
        ValueAddedUse,
        service=_require(path, obj, "service"),
        option=obj.get("option", "standard"),
        label=_optional_text(path, obj, "label"),
        tasks_per_day=_int(_join(path, "tasks_per_day"), _require(path, obj, "tasks_per_day")),
        days=_int(_join(path, "days"), _require(path, obj, "days")),
        seconds=seconds,
        languages=_int(_join(path, "languages"), languages),
    )


def _build(path: str, kind: Callable[..., T], **fields: Any) -> T:
    """Construct ``kind`` from fields already parsed; its own errors get ``path`` in front."""
    try:
        return kind(**fields)
    except InputError as error:
        raise error.within(path) from None


def _object(path: str, value: Any, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(path or "file", _kind(value), "must be a JSON object", code="not_object")
    for key in value:
        _refuse_duplicate(path, key, value[key])

        if key not in keys and not key.startswith(("x-", "_")):
            raise InputError(
                _join(path, key),
                value[key],
                "is not a field of this object; the fields are: " + ", ".join(sorted(keys)),
                code="unknown_field",
            )
    return value


def _refuse_duplicate(path: str, key: object, value: Any) -> None:
    if isinstance(key, _DuplicateKey):
        raise InputError(
            _join(path, key.name), value, "is given twice in one object", code="duplicate_key"
        )


def _kind(value: Any) -> Any:
    """How a value that is not what a field wants is named: ``null``, ``a list``, ``an object``."""
    names = {type(None): "null", list: "a list", dict: "an object", bool: "true or false"}
    name = names.get(type(value))
    return Verbatim(name) if name is not None else value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _items(obj: dict[str, Any], key: str, read: Callable[[str, Any], T]) -> tuple[T, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise InputError(key, _kind(value), "must be a list", code="not_list")
    if len(value) > limits.ROOMS_MAX:
        raise InputError(
            key,
            f"{len(value):,} entries",
            f"is more than the {limits.ROOMS_MAX:,} allowed",
            code="too_many",
            limit=limits.ROOMS_MAX,
        )
    return tuple(read(f"{key}[{i}]", item) for i, item in enumerate(value))


def _require(path: str, obj: dict[str, Any], key: str) -> Any:
    if key not in obj:
        raise InputError(_join(path, key), None, "is required", code="missing")
    return obj[key]


def _number(path: str, value: Any) -> Decimal:
    """An exact decimal from a JSON number or a decimal string, never through binary floats."""
    if isinstance(value, _Refused):
        raise InputError(path, value.text, value.rule, code="not_number")
    if isinstance(value, str):
        if not _NUMBER.fullmatch(value.strip()) or len(value.strip()) > DIGITS_MAX + 2:
            raise InputError(path, value, "is not a number", code="not_number")
        return Decimal(value.strip())
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InputError(
            path,
            _kind(value),
            "is not a number",
            code="not_number",
        )
    return Decimal(value)


def _int(path: str, value: Any) -> int:
    number = _number(path, value)
    if number != number.to_integral_value():
        raise InputError(path, value, "is not a whole number", code="not_integer")
    return int(number)


def _optional_text(path: str, obj: dict[str, Any], key: str) -> str:
    value = obj.get(key, "")
    return checks.text(_join(path, key), value if isinstance(value, str) else _kind(value))


def _seconds(path: str, obj: dict[str, Any], required: bool) -> Decimal | None:
    """The duration of ``obj`` in seconds, from ``minutes`` or ``seconds`` (not both)."""
    if "minutes" in obj and "seconds" in obj:
        raise InputError(
            _join(path, "seconds"),
            obj["seconds"],
            "is given with minutes; give one of them",
            code="minutes_and_seconds",
        )
    if "seconds" in obj:
        return checks.amount(
            _join(path, "seconds"),
            _number(_join(path, "seconds"), obj["seconds"]),
            0,
            SESSION_SECONDS_MAX,
        )
    if "minutes" in obj:
        where = _join(path, "minutes")
        minutes = checks.amount(
            where, _number(where, obj["minutes"]), 0, limits.SESSION_MINUTES_MAX
        )
        return minutes * SECONDS_PER_MINUTE
    if required:
        raise InputError(_join(path, "minutes"), None, "is required (or seconds)", code="missing")
    return None


def _streams(path: str, obj: dict[str, Any], key: str) -> tuple[Resolution, ...]:
    value = obj.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(
            _join(path, key), _kind(value), "must be a list of WIDTHxHEIGHT", code="not_list"
        )
    check_stream_count(_join(path, key), len(value))  # before parsing a hostile list's items
    return tuple(Resolution.parse(item, f"{path}.{key}[{i}]") for i, item in enumerate(value))


def _mix(path: str, obj: dict[str, Any]) -> Mix | None:
    value = obj.get("mix")
    if value is None:
        return None
    where = _join(path, "mix")
    if not isinstance(value, dict):
        raise InputError(where, _kind(value), "must be an object of tier: percent", code="bad_mix")
    for tier in value:
        _refuse_duplicate(where, tier, value[tier])
        if tier not in TIERS:
            raise InputError(
                f"{where}.{tier}",
                value[tier],
                "is not a tier: " + ", ".join(TIERS),
                code="unknown_choice",
            )
    return tuple((tier, _number(f"{where}.{tier}", value[tier])) for tier in TIERS if tier in value)


def _group(path: str, value: Any) -> Group:
    obj = _object(path, value, _GROUP_KEYS)
    return _build(
        path,
        Group,
        role=_require(path, obj, "role"),
        count=_int(_join(path, "count"), _require(path, obj, "count")),
        seconds=_seconds(path, obj, required=False),
        receives=_streams(path, obj, "receives"),
        mix=_mix(path, obj),
        label=_optional_text(path, obj, "label"),
    )


def _room(path: str, value: Any) -> Room:
    obj = _object(path, value, _ROOM_KEYS)
    groups = _require(path, obj, "groups")
    if not isinstance(groups, list):
        raise InputError(_join(path, "groups"), _kind(groups), "must be a list", code="not_list")
    if len(groups) > limits.GROUPS_MAX:
        raise InputError(
            _join(path, "groups"),
            f"{len(groups)} groups",
            f"is more than the {limits.GROUPS_MAX} allowed",
            code="too_many",
        )
    publishers = obj.get("publishers")
    seconds = _seconds(path, obj, required=True)
    assert seconds is not None
    record, mixing = obj.get("record"), obj.get("mix_for_cdn")
    return _build(
        path,
        Room,
        service=_require(path, obj, "service"),
        label=_optional_text(path, obj, "label"),
        rooms_per_day=_int(_join(path, "rooms_per_day"), _require(path, obj, "rooms_per_day")),
        days=_int(_join(path, "days"), _require(path, obj, "days")),
        seconds=seconds,
        groups=tuple(_group(f"{path}.groups[{i}]", g) for i, g in enumerate(groups)),
        audience_price_list=obj.get("audience_price_list", "standard"),
        delivery=obj.get("delivery", "low_latency"),
        publishers=None if publishers is None else _int(_join(path, "publishers"), publishers),
        record=None if record is None else _room_recording(_join(path, "record"), record),
        mix_for_cdn=None if mixing is None else _room_mixing(_join(path, "mix_for_cdn"), mixing),
    )


def _room_recording(path: str, value: Any) -> RoomRecording:
    """A room's "record every session"; a robot not given is the room default (billed)."""
    obj = _object(path, value, _ROOM_RECORDING_KEYS)
    return _build(
        path,
        RoomRecording,
        records=_streams(path, obj, "records"),
        mix=_mix(path, obj),
        mode=obj.get("mode", "mixed"),
        robot=obj.get("robot", ROOM_RECORDING_ROBOT_DEFAULT),
    )


def _room_mixing(path: str, value: Any) -> RoomMixing:
    """A room's "mix for CDN"; a robot not given is billed, null is not stated."""
    obj = _object(path, value, _ROOM_MIXING_KEYS)
    return _build(
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
        "label": _optional_text(path, obj, "label"),
        "tasks_per_day": _int(_join(path, "tasks_per_day"), _require(path, obj, "tasks_per_day")),
        "days": _int(_join(path, "days"), _require(path, obj, "days")),
        "seconds": seconds,
        "mix": _mix(path, obj),
    }


def _recording(path: str, value: Any) -> RecordingTask:
    obj = _object(path, value, _RECORDING_KEYS)
    return _build(
        path,
        RecordingTask,
        records=_streams(path, obj, "records"),
        mode=obj.get("mode", "mixed"),
        robot=obj.get("robot"),
        **_task_common(path, obj),
    )


def _transcoding(path: str, value: Any) -> TranscodingTask:
    obj = _object(path, value, _TRANSCODING_KEYS)
    return _build(
        path,
        TranscodingTask,
        codec=obj.get("codec", "h264"),
        inputs=_streams(path, obj, "inputs"),
        robot=obj.get("robot"),
        **_task_common(path, obj),
    )


def _relay(value: Any) -> Relay:
    obj = _object("relay", value, _RELAY_KEYS)
    mbps, minutes = obj.get("peak_mbps"), obj.get("minutes")
    return _build(
        "relay",
        Relay,
        peak_mbps=None if mbps is None else _number("relay.peak_mbps", mbps),
        minutes=None if minutes is None else _number("relay.minutes", minutes),
    )


# ---------------------------------------------------------------- writing


def scenario_to_data(scenario: Scenario) -> dict[str, Any]:
    """The JSON object of a scenario: whole numbers as numbers, other decimals as exact strings."""
    data: dict[str, Any] = {"format": FORMAT, "title": scenario.title}
    if scenario.free_minutes is not None:
        data["free_minutes"] = scenario.free_minutes
    data["discount_percent"] = _plain(scenario.discount_percent)
    data["rooms"] = [_room_data(room) for room in scenario.rooms]
    data["recording"] = [
        {
            "label": t.label,
            "tasks_per_day": t.tasks_per_day,
            "days": t.days,
            **_duration(t.seconds),
            **_streams_data("records", t.records, t.mix),
            **({"mode": t.mode} if t.mode != "mixed" else {}),
            **({"robot": t.robot} if t.robot is not None else {}),
        }
        for t in scenario.recording
    ]
    data["transcoding"] = [
        {
            "label": t.label,
            "tasks_per_day": t.tasks_per_day,
            "days": t.days,
            **_duration(t.seconds),
            "codec": t.codec,
            **_streams_data("inputs", t.inputs, t.mix),
            **({"robot": t.robot} if t.robot is not None else {}),
        }
        for t in scenario.transcoding
    ]
    if scenario.relay is not None:
        relay = scenario.relay
        data["relay"] = (
            {"peak_mbps": _plain(relay.peak_mbps)}
            if relay.peak_mbps is not None
            else {"minutes": _plain(relay.minutes)}
            if relay.minutes is not None
            else {}
        )
    return data


def _room_data(room: Room) -> dict[str, Any]:
    data: dict[str, Any] = {
        "service": room.service,
        "label": room.label,
        "rooms_per_day": room.rooms_per_day,
        "days": room.days,
        **_duration(room.seconds),
    }
    if room.service == "live_video":
        data["audience_price_list"] = room.audience_price_list
    if room.is_live:
        data["delivery"] = room.delivery
    if room.publishers is not None:
        data["publishers"] = room.publishers
    data["groups"] = []
    for group in room.groups:
        item: dict[str, Any] = {"role": group.role, "count": group.count}
        if group.label:
            item["label"] = group.label
        if group.seconds is not None:
            item.update(_duration(group.seconds))
        item.update(_streams_data("receives", group.receives, group.mix))
        data["groups"].append(item)
    if room.record is not None:
        record = room.record
        data["record"] = {
            "mode": record.mode,
            **_streams_data("records", record.records, record.mix),
            "robot": record.robot,  # always written: the choice is explicit in the file
        }
    if room.mix_for_cdn is not None:
        mixing = room.mix_for_cdn
        data["mix_for_cdn"] = {
            "codec": mixing.codec,
            **_streams_data("inputs", mixing.inputs, mixing.mix),
            "robot": mixing.robot,  # null: not stated
        }
    return data


def _streams_data(key: str, streams: tuple[Resolution, ...], mix: Mix | None) -> dict[str, Any]:
    if mix is not None:
        return {"mix": {tier: _plain(share) for tier, share in mix}}
    return {key: [str(s) for s in streams]}


def _duration(seconds: Decimal) -> dict[str, Any]:
    """``minutes`` where seconds divide into an exact decimal of minutes, else ``seconds``."""
    with localcontext() as context:
        context.traps[Inexact] = True
        try:
            minutes = seconds / SECONDS_PER_MINUTE
        except Inexact:
            return {"seconds": _plain(seconds)}
    exponent = minutes.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > limits.FRACTION_DIGITS_MAX:
        return {"seconds": _plain(seconds)}  # 0.000006 s: minutes would need 7 decimals
    return {"minutes": _plain(minutes)}


def _plain(value: Decimal | None) -> int | str:
    """A whole decimal as a JSON number; any other as an exact string (never a float)."""
    assert value is not None
    if value == value.to_integral_value():
        return int(value)
    return format(value.normalize(), "f")


def scenario_file_to_data(document: ScenarioFile) -> dict[str, Any]:
    """The JSON object of a ScenarioFile: the scenario's, plus the additive fields that are set."""
    data = scenario_to_data(document.scenario)
    if document.rate_card_id is not None:
        data["rate_card"] = document.rate_card_id
    options = document.options
    if options.registered is not None:
        data["account_registered"] = options.registered.isoformat()
    if options.value_added:
        data["value_added"] = [
            {
                "service": use.service,
                "option": use.option,
                **({"label": use.label} if use.label else {}),
                "tasks_per_day": use.tasks_per_day,
                "days": use.days,
                **_duration(use.seconds),
                **({"languages": use.languages} if use.languages != 1 else {}),
            }
            for use in options.value_added
        ]
    return data


def dump_scenario(scenario: Scenario) -> str:
    return json.dumps(scenario_to_data(scenario), ensure_ascii=False, indent=2) + "\n"


def dump_scenario_file(document: ScenarioFile) -> str:
    return json.dumps(scenario_file_to_data(document), ensure_ascii=False, indent=2) + "\n"


def save_scenario(scenario: Scenario, path: Path) -> None:
    """Save atomically: the old file stays whole until the new one is complete on disk."""
    from estimator_gui.files.atomic import write_bytes_atomic  # on the first save, not at start

    write_bytes_atomic(Path(path), dump_scenario(scenario).encode("utf-8"))


def save_scenario_file(document: ScenarioFile, path: Path) -> None:
    """Save a ScenarioFile atomically, its card id and price options with the scenario."""
    from estimator_gui.files.atomic import write_bytes_atomic  # on the first save, not at start

    write_bytes_atomic(Path(path), dump_scenario_file(document).encode("utf-8"))
