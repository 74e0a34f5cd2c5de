"""Numbers shown and typed through QLocale: exact decimals in, locale text out, and back again."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtCore import QLocale

from estimator_gui.pricing.breakdown import round_money

_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def _locale(locale: QLocale | None) -> QLocale:
    return QLocale() if locale is None else locale


def format_int(value: int, locale: QLocale | None = None) -> str:
    """A whole number with the locale's digit grouping (``12,345`` or ``12.345``)."""
    return _locale(locale).toString(int(value))


def format_decimal(value: Decimal, places: int | None = None, locale: QLocale | None = None) -> str:
    """An exact decimal in the locale's notation, never through binary floating point.

    ``places`` rounds half up to that many decimals; without it trailing zeros are dropped.
    """
    loc = _locale(locale)
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = format(value, "f")
    else:
        text = format(value.normalize(), "f") if value else "0"
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    out = loc.toString(int(whole))
    if fraction:
        out += loc.decimalPoint() + fraction
    if negative and value != 0:
        out = loc.negativeSign() + out
    return out


def format_money(value: Decimal, locale: QLocale | None = None) -> str:
    """Money to the cent, rounded once by the core's own rule."""
    return format_decimal(round_money(value), 2, locale)


def parse_decimal(text: str, locale: QLocale | None = None) -> Decimal:
    """Read a number typed in the locale's notation ("1.234,5" in German, "1,234.5" in English).

    Raises ValueError for anything that is not a plain number.
    """
    loc = _locale(locale)
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    group, point = loc.groupSeparator(), loc.decimalPoint()
    if group and group != point:
        cleaned = cleaned.replace(group, "")
    cleaned = cleaned.replace(point, ".")
    cleaned = cleaned.replace(loc.negativeSign(), "-")
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
