"""Readers of typed streams ("3 x 1280x720 + 640x360") and mixes ("HD 70, FHD 30"), exact.

Numbers are ASCII digits with "." for decimals unless the caller passes its own reader: the
window passes its locale-aware one, so "29,5" reads as 29.5 where the user's locale says so.
A reader takes the typed text of one number and raises ValueError when it is not a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from estimator_gui.pricing import limits
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import TIERS, Mix, Resolution, check_stream_count

NumberReader = Callable[[str], Decimal]

_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_ONE_STREAM = re.compile(r"\s*[0-9]+\s*[xX\u00d7]\s*[0-9]+\s*")  # "1280 x 720" is one stream
_MULTIPLIED = re.compile(r"\s*([0-9]+)\s*(?:\s[xX\u00d7*]\s|[\u00d7*])\s*(.+)")
_COUNT_DIGITS_MAX = 4  # more digits than this is far above STREAMS_MAX whatever they say
_NO_VIDEO = ("", "audio", "-")
_TIER = r"(?:audio|hd|fhd|2k|4k)(?![a-z])"
_STARTS_WITH_TIER = re.compile(r"\s*" + _TIER, re.IGNORECASE)
# A new share starts where a tier name follows a separator: "HD 70, FHD 30", "HD 70 FHD 30".
# A comma followed by digits stays inside the number ("HD 70,5, FHD 29,5" in a comma locale).
_SHARE_BREAK = re.compile(r"(?:[,;/]|\s)\s*(?=" + _TIER + ")", re.IGNORECASE)
_SHARE = re.compile(r"\s*(" + _TIER + r")\s*[:=]?\s*([^\s%]+)\s*%?\s*", re.IGNORECASE)
_SHARE_RULE = "is not a share written TIER PERCENT, such as HD 70 (tiers: " + ", ".join(TIERS) + ")"


def plain_decimal(text: str) -> Decimal:
    """``70``, ``12.5``: ASCII digits with ``.`` for decimals, read exactly; else ValueError."""
    cleaned = text.strip()
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        raise ValueError(text)
    return Decimal(cleaned)


def parse_streams(text: str, field: str = "receives") -> tuple[Resolution, ...]:
    """``1280x720, 640x360`` or ``3 x 1280x720 + 640x360``; empty, ``audio`` or ``-`` is none.

    Parts are separated by ``,``, ``+`` or ``;``; ``N x WIDTHxHEIGHT`` repeats a stream N times
    (``×`` and ``*`` work as well). More streams than a room can publish at once are refused
    before any is made.
    """
    if text.strip().lower() in _NO_VIDEO:
        return ()
    streams: list[Resolution] = []
    for part in re.split(r"[,+;]", text):
        if not part.strip():
            continue
        match = None if _ONE_STREAM.fullmatch(part) else _MULTIPLIED.fullmatch(part)
        if match is None:
            streams.append(Resolution.parse(part.strip(), field))
            continue
        digits = match[1]
        if len(digits) > _COUNT_DIGITS_MAX:
            raise InputError(
                field,
                part.strip(),
                f"asks for more than {limits.STREAMS_MAX} streams at once",
                code="too_many_streams",
                limit=limits.STREAMS_MAX,
            )
        count = int(digits)
        if count == 0:
            raise InputError(
                field, part.strip(), "repeats a stream 0 times: leave it out", code="zero_count"
            )
        check_stream_count(field, len(streams) + count)
        streams.extend([Resolution.parse(match[2].strip(), field)] * count)
    return tuple(streams)


def parse_mix(text: str, field: str = "mix", number: NumberReader = plain_decimal) -> Mix | None:
    """``HD 70, FHD 30`` (``%`` and ``:`` optional, tiers in any case) as a complete mix.

    None when the text is not a mix at all (it does not start with a tier name followed by a
    share, so it is streams, or ``audio`` alone). A text that starts as a mix but has a bad
    share, a tier twice, or shares that do not sum to exactly 100 is refused: a typed mix is
    taken as it is, never completed or rebalanced.
    """
    if text.strip().lower() in _NO_VIDEO or not _STARTS_WITH_TIER.match(text):
        return None
    shares: dict[str, Decimal] = {}
    for part in _SHARE_BREAK.split(text.strip()):
        match = _SHARE.fullmatch(part)
        if match is None:
            raise InputError(field, part.strip(), _SHARE_RULE, code="bad_mix")
        tier = next(t for t in TIERS if t.lower() == match[1].lower())
        try:
            share = number(match[2])
        except ValueError:
            raise InputError(
                f"{field}.{tier}", match[2], "is not a number of percent", code="not_number"
            ) from None
        if tier in shares:
            raise InputError(f"{field}.{tier}", part.strip(), "is given twice", code="bad_mix")
        shares[tier] = share
    total = sum(shares.values(), Decimal(0))
    if total != 100:
        raise InputError(
            field,
            text.strip(),
            f"sums to {format(total, 'f')}%: the shares of a mix must sum to exactly 100%",
            code="mix_not_100",
            limit=100,
        )
    return tuple((tier, shares[tier]) for tier in TIERS if tier in shares)
