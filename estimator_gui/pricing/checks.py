"""Validators shared by the core's records: each names the field, the value and the limit."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from estimator_gui.pricing import limits
from estimator_gui.pricing.errors import InputError


def whole(field: str, value: object, low: int, high: int) -> int:
    """A whole number in ``low..high`` (bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InputError(field, value, "is not a whole number", code="not_integer")
    if isinstance(value, Decimal):
        if not value.is_finite() or value != value.to_integral_value():
            raise InputError(field, value, "is not a whole number", code="not_integer")
        value = int(value)
    _bounds(field, Decimal(value), Decimal(low), Decimal(high))
    return value


def amount(field: str, value: object, low: int | Decimal, high: int | Decimal) -> Decimal:
    """An exact decimal in ``low..high`` with at most FRACTION_DIGITS_MAX decimals."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InputError(field, value, "is not a number", code="not_number")
    number = Decimal(value)
    if not number.is_finite():
        raise InputError(field, value, "is not a finite number", code="not_number")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > limits.FRACTION_DIGITS_MAX:
        raise InputError(
            field,
            value,
            f"has more than {limits.FRACTION_DIGITS_MAX} decimal places",
            code="too_precise",
            limit=limits.FRACTION_DIGITS_MAX,
        )
    _bounds(field, number, Decimal(low), Decimal(high))
    return number


def _bounds(field: str, number: Decimal, low: Decimal, high: Decimal) -> None:
    if number < low:
        rule = "must not be negative" if low == 0 else f"is below the minimum of {low}"
        raise InputError(field, number, rule, code="too_small", limit=low)
    if number > high:
        raise InputError(
            field, number, f"is above the maximum of {high:,}", code="too_large", limit=high
        )


def choice(field: str, value: object, allowed: tuple[str, ...]) -> str:
    """One of a fixed set of codes."""
    if not isinstance(value, str) or value not in allowed:
        raise InputError(
            field,
            value,
            "must be one of: " + ", ".join(allowed),
            code="unknown_choice",
            limit=allowed,
        )
    return value


def text(field: str, value: object) -> str:
    """A short single-line label."""
    if not isinstance(value, str):
        raise InputError(field, value, "must be text", code="not_text")
    if len(value) > limits.TEXT_MAX:
        raise InputError(
            field,
            value,
            f"is longer than {limits.TEXT_MAX} characters",
            code="too_long",
            limit=limits.TEXT_MAX,
        )
    for character in value:
        if unicodedata.category(character) in _REFUSED_CATEGORIES or character in _BIDI_CONTROLS:
            raise InputError(
                field,
                value,
                f"contains U+{ord(character):04X}, a control, line-break or unpaired surrogate "
                "character a one-line label cannot hold",
                code="control_chars",
            )
    return value


# Controls (tab, NEL, DEL), unpaired surrogates (cannot be saved as UTF-8), line and paragraph
# separators, and the bidirectional overrides that can make a label read other than it is.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def sequence(field: str, value: object, high: int) -> tuple[object, ...]:
    """A tuple of at most ``high`` items."""
    if not isinstance(value, tuple):
        raise InputError(field, value, "must be a list", code="not_list")
    if len(value) > high:
        raise InputError(
            field, len(value), f"items is more than the {high} allowed", code="too_many", limit=high
        )
    return value
