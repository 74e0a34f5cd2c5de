"""Variants of one estimate side by side: totals, lines aligned by key, differences, input changes.

Codes and numbers only; the floors above word them. Every amount and difference is exact; a
percent is a quotient, which a decimal cannot always hold (a third), so it is rounded half even
to ``PERCENT_QUANTUM``, a millionth of a percent, as the shares of ``shares.py`` are.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from typing import Any

from msgspec import Struct, structs

from estimator_gui.pricing.breakdown import Breakdown, Line
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.ratecard import PRICE_LISTS, RELAY_TIER, SECTIONS
from estimator_gui.pricing.scenario import TIERS

PERCENT_QUANTUM = Decimal("1e-6")
HUNDRED = Decimal(100)
PRECISION = 80


class Change(Struct, frozen=True):
    """A figure of a variant against the base: ``amount`` = variant - base, exact; ``percent``
    of the base (rounded to PERCENT_QUANTUM), None when the base is 0."""

    amount: Decimal
    percent: Decimal | None


def change(base: Decimal, other: Decimal) -> Change:
    """``other`` against ``base``: the exact difference and its percent of the base."""
    with localcontext() as context:
        context.prec = PRECISION
        amount = other - base
        if base == 0:
            return Change(amount, None)
        percent = (amount * HUNDRED / base).quantize(PERCENT_QUANTUM, rounding=ROUND_HALF_EVEN)
        return Change(amount, percent)


class LineKey(Struct, frozen=True, order=True):
    """What makes a line the same line in two variants: section, price list (or service), tier
    (or option)."""

    section: str
    price_list: str
    tier: str


def line_key(line: Line) -> LineKey:
    return LineKey(line.section, line.price_list, line.tier)


class VariantTotals(Struct, frozen=True):
    """One variant's figures and how they differ from the base (the first variant)."""

    name: str
    breakdown: Breakdown
    total_change: Change
    gross_change: Change
    free_amount_change: Change
    discount_change: Change

    @property
    def total(self) -> Decimal:
        return self.breakdown.total

    @property
    def gross(self) -> Decimal:
        return self.breakdown.gross

    @property
    def free_minutes_used(self) -> int:
        return self.breakdown.free_minutes_used

    @property
    def free_amount(self) -> Decimal:
        return self.breakdown.free_amount

    @property
    def discount(self) -> Decimal:
        return self.breakdown.discount

    @property
    def contract_notice(self) -> bool:
        """The month reaches the card's contract threshold: the customer can ask for a discount."""
        return self.breakdown.contract_discount_eligible


class LineRow(Struct, frozen=True):
    """One line key across the variants: the variant's line or None (no such line there), and
    per variant the change of its gross and net against the base's (None: in neither)."""

    key: LineKey
    lines: tuple[Line | None, ...]
    gross_changes: tuple[Change | None, ...]
    net_changes: tuple[Change | None, ...]

    def minutes(self, variant: int) -> Decimal | None:
        """Billed minutes of the line in one variant; None when absent or billed by bandwidth."""
        line = self.lines[variant]
        return None if line is None else line.minutes


class Comparison(Struct, frozen=True):
    variants: tuple[VariantTotals, ...]
    rows: tuple[LineRow, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(variant.name for variant in self.variants)


def compare(variants: Sequence[tuple[str, Breakdown]]) -> Comparison:
    """The variants side by side, each against the first: totals and every line by its key."""
    if not variants:
        raise InputError("variants", 0, "must hold at least one variant", code="too_few", limit=1)
    base = variants[0][1]
    totals = tuple(
        VariantTotals(
            name=name,
            breakdown=breakdown,
            total_change=change(base.total, breakdown.total),
            gross_change=change(base.gross, breakdown.gross),
            free_amount_change=change(base.free_amount, breakdown.free_amount),
            discount_change=change(base.discount, breakdown.discount),
        )
        for name, breakdown in variants
    )
    keyed = [{line_key(line): line for line in b.lines} for _, b in variants]
    rows = []
    for key in _merged_order([[line_key(line) for line in b.lines] for _, b in variants]):
        lines = tuple(found.get(key) for found in keyed)
        rows.append(
            LineRow(
                key=key,
                lines=lines,
                gross_changes=_line_changes(lines, "gross"),
                net_changes=_line_changes(lines, "net"),
            )
        )
    return Comparison(totals, tuple(rows))


def _line_changes(lines: tuple[Line | None, ...], figure: str) -> tuple[Change | None, ...]:
    """Each variant's line against the base's: an absent line counts 0; absent in both, None."""
    base = lines[0]
    base_amount = Decimal(0) if base is None else getattr(base, figure)
    return tuple(
        None
        if base is None and line is None
        else change(base_amount, Decimal(0) if line is None else getattr(line, figure))
        for line in lines
    )


def _merged_order(orders: list[list[LineKey]]) -> list[LineKey]:
    """The keys of every variant once, in the engine's order of lines (sections, price lists,
    tiers); keys it does not rank (value-added services) after them, as first met."""
    seen: dict[LineKey, None] = {}
    for order in orders:
        for key in order:
            seen.setdefault(key)
    ranked = list(seen)
    return sorted(ranked, key=lambda key: (*_rank(key), ranked.index(key)))


def _rank(key: LineKey) -> tuple[int, int, int]:
    if key.section not in SECTIONS:
        return (len(SECTIONS), 0, 0)
    lists = PRICE_LISTS[key.section]
    tiers = (*TIERS, RELAY_TIER)
    return (
        SECTIONS.index(key.section),
        lists.index(key.price_list) if key.price_list in lists else len(lists),
        tiers.index(key.tier) if key.tier in tiers else len(tiers),
    )


# ---------------------------------------------------------------- what differs in the inputs

NUMBER = "number"  # a count, days, a percent, Mbps, free minutes
DURATION = "duration"  # seconds (a room's or group's session, a task's minutes)
CHOICE = "choice"  # one of a list of codes: service, role, delivery, price list, codec, robot...
TEXT = "text"  # a title or a label
STREAMS = "streams"  # the resolutions received, recorded or mixed at once
MIX = "mix"  # the share of time per tier
DATE = "date"  # the account's registration day (price options)
ADDED = "added"  # an item (room, group, task, relay, a room's recording or mixing) in other only
REMOVED = "removed"  # an item in base only
KINDS = (NUMBER, DURATION, CHOICE, TEXT, STREAMS, MIX, DATE, ADDED, REMOVED)

_CHOICES = frozenset(
    {"service", "role", "delivery", "audience_price_list", "codec", "mode", "robot", "option"}
)
_TEXTS = frozenset({"title", "label"})
_STREAMS = frozenset({"receives", "records", "inputs"})


class InputDifference(Struct, frozen=True):
    """One input that differs: ``path`` as the scenario file names it (``rooms[0].delivery``;
    ``rooms[0].seconds`` holds seconds), the kind of field, and the two values (None where
    unset). An added item is named by its place in ``other``, anything else by its place in
    ``base``."""

    path: str
    kind: str
    base: Any
    other: Any


def input_differences(base: object, other: object) -> list[InputDifference]:
    """What ``other`` changes in ``base``, field by field, in the order of the fields: two
    Scenarios (or two PriceOptions). Lists of items are matched by equal items first, so a room
    removed at the front is one removal, not every later room changed."""
    found: list[InputDifference] = []
    _diff("", base, other, found)
    return found


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _diff(path: str, base: object, other: object, found: list[InputDifference]) -> None:
    if base == other:
        return
    if isinstance(base, Struct) and type(base) is type(other):
        for item in structs.fields(base):
            name = item.name
            _field(_join(path, name), name, getattr(base, name), getattr(other, name), found)
        return
    kind = _scalar_kind(path.rsplit(".", 1)[-1])
    found.append(InputDifference(path, kind, base, other))


def _field(path: str, name: str, base: Any, other: Any, found: list[InputDifference]) -> None:
    if base == other:
        return
    if name in _STREAMS:
        found.append(InputDifference(path, STREAMS, base, other))
    elif name == "mix":
        found.append(InputDifference(path, MIX, base, other))
    elif isinstance(base, Struct) or isinstance(other, Struct):
        if base is None:
            found.append(InputDifference(path, ADDED, None, other))
        elif other is None:
            found.append(InputDifference(path, REMOVED, base, None))
        else:
            _diff(path, base, other, found)
    elif isinstance(base, tuple) and isinstance(other, tuple):
        _items(path, base, other, found)
    else:
        found.append(InputDifference(path, _scalar_kind(name), base, other))


def _scalar_kind(name: str) -> str:
    if name in _CHOICES:
        return CHOICE
    if name in _TEXTS:
        return TEXT
    if name == "seconds":
        return DURATION
    if name == "registered":
        return DATE
    return NUMBER


def _items(
    path: str, base: tuple[Any, ...], other: tuple[Any, ...], found: list[InputDifference]
) -> None:
    """Items of a list: equal ones matched; among the rest, items of the same kind (a room of
    the same service, a group of the same role) paired in order and compared field by field;
    what is left removed or added."""
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    for op, b1, b2, o1, o2 in matcher.get_opcodes():
        if op == "equal":
            continue
        free = list(range(o1, o2))
        pairs: dict[int, int] = {}
        for b in range(b1, b2):
            match = next((o for o in free if _kind_of(other[o]) == _kind_of(base[b])), None)
            if match is not None:
                free.remove(match)
                pairs[b] = match
        for b in range(b1, b2):
            if b in pairs:
                _diff(f"{path}[{b}]", base[b], other[pairs[b]], found)
            else:
                found.append(InputDifference(f"{path}[{b}]", REMOVED, base[b], None))
        for o in free:
            found.append(InputDifference(f"{path}[{o}]", ADDED, None, other[o]))


def _kind_of(item: object) -> tuple[str, object]:
    """What makes two items the same thing changed rather than one removed and one added."""
    for name in ("service", "role"):
        if hasattr(item, name):
            return type(item).__name__, getattr(item, name)
    return type(item).__name__, None
