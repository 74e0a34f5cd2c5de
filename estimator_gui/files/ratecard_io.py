"""Loading rate cards and package books from TOML files, prices read as exact decimals.

A card file is read like a scenario file: regular files only (a named pipe or a device is refused
at once, never read), at most MAX_BYTES, and every refusal is one InputError naming the file and
the key, never a traceback - a 5,000-digit number or arrays nested 100,000 deep included.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from estimator_gui.files.regular import NotAFileError, open_regular
from estimator_gui.files.resources import DEFAULT_RATE_CARD, resource
from estimator_gui.pricing.card_rules import (
    Package,
    read_packages,
    refuse_unknown_keys,
    text,
)
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.ratecard import PACKAGE_CATEGORIES, RateCard

MAX_BYTES = 1_000_000
RATE_CARDS = "rate_cards"
PACKAGE_BOOK_FORMAT = "trtc-package-book/1"
_BOOK_KEYS = ("format", "id", "title", "sources", "packages")


def load_rate_card(path: Path) -> RateCard:
    """Read and check a rate card; a bad one raises InputError naming the file and the key."""
    path = Path(path)
    data = _read_toml(path)
    try:
        return RateCard.from_mapping(data)
    except InputError as error:
        raise _in_file(path, error) from None


def load_package_book(path: Path) -> tuple[Package, ...]:
    """A sales team's own packages (``trtc-package-book/1``), checked like a card's [[packages]].

    Each package names one of the book's ``[[sources]]`` ids, as a card's rules do.
    """
    path = Path(path)
    data = _read_toml(path)
    try:
        return _read_book(data)
    except InputError as error:
        raise _in_file(path, error) from None


def default_rate_card() -> RateCard:
    """The rate card the product ships with and prices by default (the 2022-06 list)."""
    return _shipped(DEFAULT_RATE_CARD[-1])


@lru_cache(maxsize=1)
def shipped_rate_cards() -> tuple[RateCard, ...]:
    """Every card in ``resources/rate_cards/``, oldest ``effective`` first."""
    cards = [_shipped(path.name) for path in sorted(resource(RATE_CARDS).glob("*.toml"))]
    return tuple(sorted(cards, key=lambda card: (card.effective, card.id)))


@cache
def _shipped(file_name: str) -> RateCard:
    """One shipped card, read and checked once per run whichever way it is asked for."""
    return load_rate_card(resource(RATE_CARDS, file_name))


def _shipped_by_file_name(card_id: str) -> RateCard | None:
    """A shipped card's file is named after its id (tests/files/ holds them to it): a file that
    names its card opens with that card read alone, not every card there is."""
    name = f"{card_id}.toml"
    if "/" in card_id or "\\" in card_id or not resource(RATE_CARDS, name).is_file():
        return None
    card = _shipped(name)
    return card if card.id == card_id else None


def shipped_rate_card(card_id: str) -> RateCard:
    """The shipped card with this id; an unknown id is refused, naming the ids there are."""
    card = _shipped_by_file_name(card_id)
    if card is not None:
        return card
    for card in shipped_rate_cards():
        if card.id == card_id:
            return card
    raise InputError(
        "rate_card",
        card_id,
        "is not a shipped rate card: " + ", ".join(c.id for c in shipped_rate_cards()),
        code="unknown_rate_card",
        limit=tuple(c.id for c in shipped_rate_cards()),
    )


def is_shipped_id(value: str) -> bool:
    return _shipped_by_file_name(value) is not None or any(
        card.id == value for card in shipped_rate_cards()
    )


def resolve_rate_card(value: str | Path) -> RateCard:
    """A shipped card by its id (``trtc-intl-2026-12``), or else a card file by its path."""
    if isinstance(value, str) and is_shipped_id(value):
        return shipped_rate_card(value)
    return load_rate_card(Path(value))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open_regular(path) as stream:  # a named pipe or a device is refused, not waited on
            size = os.fstat(stream.fileno()).st_size
            raw = b"" if size > MAX_BYTES else stream.read(MAX_BYTES + 1)
    except NotAFileError as error:
        raise InputError(str(path), None, error.reason, code="not_a_file") from None
    except OSError as error:
        raise InputError(
            str(path), None, f"cannot be read: {error.strerror}", code="unreadable"
        ) from None
    if size > MAX_BYTES or len(raw) > MAX_BYTES:
        shown = f"{size:,} bytes" if size > MAX_BYTES else f"more than {MAX_BYTES:,} bytes"
        raise InputError(
            str(path),
            shown,
            f"is larger than {MAX_BYTES:,} bytes",
            code="too_large",
            limit=MAX_BYTES,
        )
    try:
        return tomllib.loads(raw.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(
            str(path), None, f"is not a valid TOML file: {error}", code="bad_toml"
        ) from None
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise InputError(
            str(path), None, "is nested too deeply to be a rate card", code="bad_toml"
        ) from None
    except ValueError as error:  # an integer of more digits than Python converts (4,300)
        raise InputError(
            str(path), None, f"holds a number too long to be a price ({error})", code="bad_toml"
        ) from None


def _in_file(path: Path, error: InputError) -> InputError:
    return InputError(
        f"{path.name}: {error.field}", error.value, error.rule, code=error.code, limit=error.limit
    )


def _read_book(data: Mapping[str, Any]) -> tuple[Package, ...]:
    refuse_unknown_keys("", data, _BOOK_KEYS)
    if data.get("format") != PACKAGE_BOOK_FORMAT:
        raise InputError(
            "format",
            data.get("format"),
            f"is not {PACKAGE_BOOK_FORMAT!r}",
            code="unknown_format",
        )
    text(data, "id")
    sources = data.get("sources")
    if not isinstance(sources, list) or not sources:
        raise InputError("sources", sources, "must be a non-empty list of [[sources]] tables")
    ids = frozenset(text(item, "id", f"sources[{i}]") for i, item in enumerate(sources))
    return read_packages(data.get("packages", []), ids, PACKAGE_CATEGORIES)
