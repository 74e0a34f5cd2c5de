"""Hostile-input JSON reading: bounded bytes, exact numbers, duplicate keys, named field errors."""

from __future__ import annotations

import datetime
import io
import os
import re
import stat
from collections.abc import Callable
from decimal import Decimal
from typing import Any, BinaryIO, TypeVar

from estimator_gui.pricing import checks
from estimator_gui.pricing.errors import InputError, Verbatim

MAX_BYTES = 5_000_000
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")  # ASCII digits only

T = TypeVar("T")


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


def load_json(raw: bytes | str) -> Any:
    """Parsed JSON whose numbers are exact (int or Decimal); refused values and repeated keys are
    kept as markers until the field that holds them is known."""
    import json  # when a file is read, not when the window starts

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
    return data


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


def date(path: str, value: Any) -> datetime.date:
    """A calendar day written ``YYYY-MM-DD``."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError(path, kind(value), "is not a date written YYYY-MM-DD", code="bad_date")


def build(path: str, make: Callable[..., T], **fields: Any) -> T:
    """Construct ``make`` from fields already parsed; its own errors get ``path`` in front."""
    try:
        return make(**fields)
    except InputError as error:
        raise error.within(path) from None


def json_object(path: str, value: Any, keys: set[str]) -> dict[str, Any]:
    """A JSON object with only ``keys`` (and extension keys: ``x-...``, ``_...``), each once."""
    if not isinstance(value, dict):
        raise InputError(path or "file", kind(value), "must be a JSON object", code="not_object")
    for key in value:
        refuse_duplicate(path, key, value[key])

        if key not in keys and not key.startswith(("x-", "_")):
            raise InputError(
                join(path, key),
                value[key],
                "is not a field of this object; the fields are: " + ", ".join(sorted(keys)),
                code="unknown_field",
            )
    return value


def refuse_duplicate(path: str, key: object, value: Any) -> None:
    if isinstance(key, _DuplicateKey):
        raise InputError(
            join(path, key.name), value, "is given twice in one object", code="duplicate_key"
        )


def kind(value: Any) -> Any:
    """How a value that is not what a field wants is named: ``null``, ``a list``, ``an object``."""
    names = {type(None): "null", list: "a list", dict: "an object", bool: "true or false"}
    name = names.get(type(value))
    return Verbatim(name) if name is not None else value


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def require(path: str, obj: dict[str, Any], key: str) -> Any:
    if key not in obj:
        raise InputError(join(path, key), None, "is required", code="missing")
    return obj[key]


def number(path: str, value: Any) -> Decimal:
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
            kind(value),
            "is not a number",
            code="not_number",
        )
    return Decimal(value)


def whole(path: str, value: Any) -> int:
    figure = number(path, value)
    if figure != figure.to_integral_value():
        raise InputError(path, value, "is not a whole number", code="not_integer")
    return int(figure)


def optional_text(path: str, obj: dict[str, Any], key: str) -> str:
    value = obj.get(key, "")
    return checks.text(join(path, key), value if isinstance(value, str) else kind(value))
