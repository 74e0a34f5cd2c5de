"""Each line's gross shared among the usages that make it up: per service and tier, per source.

A line gathers every usage's time in one category (the free minutes and the rounding up to a
minute apply per category), so a usage's share of the line is in proportion to its billed seconds.
A share is a fraction of the gross, which a decimal cannot always hold (a third of 1 USD), so each
is rounded down to ``QUANTUM`` and what the rounding left goes to the largest share: the shares of
a line add up to its gross exactly, and so every table of shares adds up to the breakdown's gross.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import TypeVar

from estimator_gui.pricing.breakdown import Breakdown, Line, Usage

QUANTUM = Decimal("1e-12")  # a millionth of a millionth of the currency: far below any cent
# Digits for the sums: a valid scenario's amounts (at most 30 digits each, scenario.py) add and
# subtract exactly within it, so no share is rounded but at QUANTUM.
PRECISION = 80

Key = TypeVar("Key", bound=Hashable)


def line_shares(line: Line) -> list[tuple[Usage | None, Decimal]]:
    """The line's gross split among its billed usages in proportion to their seconds.

    The shares add up to ``line.gross`` exactly. A line without billed seconds (relay billed by
    bandwidth) goes whole to its first usage; one without any usage to ``None``.
    """
    with localcontext() as context:
        context.prec = PRECISION
        return _shares(line)


def gross_by(breakdown: Breakdown, key: Callable[[Line, Usage | None], Key]) -> dict[Key, Decimal]:
    """The breakdown's gross shared out by ``key(line, usage)``: the values add up to it."""
    amounts: dict[Key, Decimal] = {}
    with localcontext() as context:  # once, not per line: the chart calls this per slider step
        context.prec = PRECISION
        for line in breakdown.lines:
            for usage, share in _shares(line):
                name = key(line, usage)
                amounts[name] = amounts.get(name, Decimal(0)) + share
    return amounts


def _shares(line: Line) -> list[tuple[Usage | None, Decimal]]:
    """``line_shares``, in a context of ``PRECISION`` digits set by the caller."""
    billed = [u for u in line.usages if u.billed] or list(line.usages)
    if len(billed) < 2:
        return [(billed[0] if billed else None, line.gross)]
    seconds = sum((u.seconds for u in billed), Decimal(0))
    if not seconds:
        return [(billed[0], line.gross)]
    shares = [
        (line.gross * u.seconds / seconds).quantize(QUANTUM, rounding=ROUND_DOWN) for u in billed
    ]
    rest = line.gross - sum(shares, Decimal(0))  # 0 <= rest < len(shares) * QUANTUM
    largest = max(range(len(shares)), key=shares.__getitem__)
    shares[largest] += rest
    return list(zip(billed, shares, strict=True))


def gross_by_service_and_tier(breakdown: Breakdown) -> dict[tuple[str, str], Decimal]:
    """Gross per (service, tier): what each service's time costs in each tier, before free
    minutes and discount. Service codes as in ``Usage.service``; ``relay`` is a tier of its own."""
    return gross_by(breakdown, _service_and_tier)


def gross_by_source(breakdown: Breakdown) -> dict[str, Decimal]:
    """Gross per usage source: a room's group (``rooms[0].groups[1]``), a recording or mixing
    task (``recording[0]``, ``transcoding[1]``) or ``relay``, before free minutes and discount."""
    return gross_by(breakdown, _source)


def gross_by_item(breakdown: Breakdown) -> dict[str, Decimal]:
    """Gross per room or task (``rooms[0]``, ``recording[0]``, ``relay``): its groups together."""
    return gross_by(breakdown, lambda line, usage: item_of(_source(line, usage)))


def item_of(source: str) -> str:
    """The room or task a usage source belongs to: ``rooms[0].groups[1]`` -> ``rooms[0]``."""
    return source.split(".", 1)[0]


def _service_and_tier(line: Line, usage: Usage | None) -> tuple[str, str]:
    return (line.section if usage is None else usage.service, line.tier)


def _source(line: Line, usage: Usage | None) -> str:
    return line.section if usage is None else usage.source
