"""Each line's gross and net shared among the usages that make it up; each room's and task's part.

A line gathers every usage's time in one category (the free minutes and the rounding up to a
minute apply per category), so a usage's share of the line is in proportion to its billed seconds.
A share is a fraction of the gross, which a decimal cannot always hold (a third of 1 USD), so each
is rounded down to ``QUANTUM`` and what the rounding left goes to the largest share: the shares of
a line add up to its gross exactly, and so every table of shares adds up to the breakdown's gross.

The net (after free minutes) is shared the same way, line by line. The contract discount is then
taken from each room or task in proportion to its net: ``net x (100 - percent) / 100`` is a finite
decimal, kept exact, so the parts add up to the breakdown's total to the last digit. Each part's
percent of the total is rounded down to ``PERCENT_QUANTUM`` with the rest going to the largest
part, so the percents add up to exactly 100 (0 each when the total is 0).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import TypeVar

from msgspec import Struct

from estimator_gui.pricing.breakdown import Breakdown, Line, Usage
from estimator_gui.pricing.expand import ROOM_TASKS, room_of, task_of

QUANTUM = Decimal("1e-12")  # a millionth of a millionth of the currency: far below any cent
PERCENT_QUANTUM = Decimal("1e-6")  # a millionth of a percent
HUNDRED = Decimal(100)
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
    return _split(line, line.gross)


def _split(line: Line, amount: Decimal) -> list[tuple[Usage | None, Decimal]]:
    """``amount`` of ``line`` split among its billed usages by their seconds, adding up exactly."""
    billed = [u for u in line.usages if u.billed] or list(line.usages)
    if len(billed) < 2:
        return [(billed[0] if billed else None, amount)]
    seconds = sum((u.seconds for u in billed), Decimal(0))
    if not seconds:
        return [(billed[0], amount)]
    return list(zip(billed, _apportion(amount, [u.seconds for u in billed], QUANTUM), strict=True))


def _apportion(amount: Decimal, weights: list[Decimal], quantum: Decimal) -> list[Decimal]:
    """``amount`` in proportion to ``weights`` (their sum above 0), each part rounded down to
    ``quantum`` and the rest to the largest part (the first of equals): the parts add up exactly."""
    whole = sum(weights, Decimal(0))
    parts = [(amount * weight / whole).quantize(quantum, rounding=ROUND_DOWN) for weight in weights]
    rest = amount - sum(parts, Decimal(0))  # 0 <= rest < len(parts) * quantum
    largest = max(range(len(parts)), key=parts.__getitem__)
    parts[largest] += rest
    return parts


def line_net_shares(line: Line) -> list[tuple[Usage | None, Decimal]]:
    """The line's net (after free minutes) split among its billed usages as ``line_shares``
    splits its gross: in proportion to their seconds, adding up to ``line.net`` exactly."""
    with localcontext() as context:
        context.prec = PRECISION
        return _split(line, line.net)


def net_by(breakdown: Breakdown, key: Callable[[Line, Usage | None], Key]) -> dict[Key, Decimal]:
    """The breakdown's subtotal (after free minutes, before the discount) shared out by
    ``key(line, usage)``: the values add up to it."""
    amounts: dict[Key, Decimal] = {}
    with localcontext() as context:
        context.prec = PRECISION
        for line in breakdown.lines:
            for usage, share in _split(line, line.net):
                name = key(line, usage)
                amounts[name] = amounts.get(name, Decimal(0)) + share
    return amounts


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


class ItemShare(Struct, frozen=True):
    """A room's or task's part of the month.

    ``source``: ``rooms[0]`` (the room's groups), ``rooms[0].record`` or ``rooms[0].mix_for_cdn``
    (tasks that follow the room, their robot and per-stream tasks included), ``recording[1]``,
    ``transcoding[0]`` (free-standing tasks, with their robot), ``relay``, ``value_added[0]``.
    ``room``: the room it follows (``rooms[0]`` for the room and its tasks), else None.
    ``service`` and ``label`` are its first usage's (a room's tasks carry the room's label).
    ``gross`` before free minutes, ``net`` after them, ``total`` after the discount too;
    ``share`` is ``total`` in percent of the breakdown's total.
    """

    source: str
    room: str | None
    service: str
    label: str
    gross: Decimal
    net: Decimal
    total: Decimal
    share: Decimal


def item_shares(breakdown: Breakdown) -> tuple[ItemShare, ...]:
    """Each room and each task (a room's own tasks apart from the room), relay and value-added
    use: gross, net, total and percent of the total. Totals add up to ``breakdown.total``,
    grosses to ``breakdown.gross``, nets to ``breakdown.subtotal``, percents to 100 (or all 0),
    exactly. Every room or task with a usage is listed, one that bills nothing at 0; order:
    each room then its recording and mixing, free-standing recording, mixing, relay, the rest."""
    with localcontext() as context:
        context.prec = PRECISION
        firsts: dict[str, Usage] = {}
        for each in (*breakdown.usages, *(u for line in breakdown.lines for u in line.usages)):
            firsts.setdefault(task_of(each.source), each)
        gross: dict[str, Decimal] = {}
        net: dict[str, Decimal] = {}
        for line in breakdown.lines:
            for amounts, amount in ((gross, line.gross), (net, line.net)):
                for usage, share in _split(line, amount):
                    item = line.section if usage is None else task_of(usage.source)
                    amounts[item] = amounts.get(item, Decimal(0)) + share
        items = sorted({*firsts, *gross}, key=_order)
        keep = (HUNDRED - breakdown.discount_percent) / HUNDRED
        totals = [net.get(item, Decimal(0)) * keep for item in items]
        if breakdown.total > 0:
            shares = _apportion(HUNDRED, totals, PERCENT_QUANTUM)
        else:
            shares = [Decimal(0)] * len(items)
        return tuple(
            ItemShare(
                source=item,
                room=room_of(item),
                service=firsts[item].service if item in firsts else item,
                label=firsts[item].label if item in firsts else "",
                gross=gross.get(item, Decimal(0)),
                net=net.get(item, Decimal(0)),
                total=total,
                share=share,
            )
            for item, total, share in zip(items, totals, shares, strict=True)
        )


def room_shares(breakdown: Breakdown) -> tuple[ItemShare, ...]:
    """``item_shares`` with each room's tasks counted in the room (source ``rooms[0]``); tasks
    that follow no room, relay and value-added use stand alone. The sums stay exact."""
    rooms: dict[str, list[ItemShare]] = {}
    for item in item_shares(breakdown):
        rooms.setdefault(item.room or item.source, []).append(item)
    merged = []
    for source, parts in rooms.items():
        first = parts[0]
        merged.append(
            ItemShare(
                source=source,
                room=first.room,
                service=first.service,
                label=first.label,
                gross=sum((p.gross for p in parts), Decimal(0)),
                net=sum((p.net for p in parts), Decimal(0)),
                total=sum((p.total for p in parts), Decimal(0)),
                share=sum((p.share for p in parts), Decimal(0)),
            )
        )
    return tuple(merged)


_SOURCE = re.compile(r"([a-z_]+)(?:\[([0-9]+)\])?(?:\.(.*))?")
_RANKS = {"rooms": 0, "recording": 1, "transcoding": 2, "relay": 3, "value_added": 4}


def _order(item: str) -> tuple[int, int, int, str]:
    """Rooms (each followed by its recording, then its mixing), free-standing recording, mixing,
    relay, value-added use; anything else last, by name."""
    match = _SOURCE.fullmatch(item)
    if match is None:
        return (len(_RANKS), 0, 0, item)
    kind, index, rest = match.groups()
    sub = 1 + ROOM_TASKS.index(rest) if rest in ROOM_TASKS else 0
    return (_RANKS.get(kind, len(_RANKS)), int(index or 0), sub, item)
