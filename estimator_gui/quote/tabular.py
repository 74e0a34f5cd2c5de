"""The breakdown as plain data: JSON object, CSV rows and a text table for the command line."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from estimator_gui.pricing.breakdown import Breakdown, Line, Usage, round_money
from estimator_gui.pricing.expand import ROBOT
from estimator_gui.pricing.shares import ItemShare, item_shares, line_net_shares, line_shares
from estimator_gui.quote.notices import notice_text

SECONDS_PER_MINUTE = 60


def plain(value: Decimal) -> str:
    """An exact decimal string without exponent or trailing zeros (``1.2564``, ``94.95``, ``0``)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def usage_data(usage: Usage, gross: Decimal, net: Decimal) -> dict[str, Any]:
    """One usage of a line: where it comes from, its exact seconds, and its part of the line's
    gross and net (in proportion to its seconds; the parts add up to the line's)."""
    return {
        "source": usage.source,
        "service": usage.service,
        "role": usage.role,
        "label": usage.label,
        "seconds": plain(usage.seconds),
        "gross": plain(gross),
        "net": plain(net),
    }


def line_usages(line: Line) -> list[dict[str, Any]]:
    """The line's billed usages, each with its part of the gross and the net."""
    nets = line_net_shares(line)
    return [
        usage_data(usage, gross, net)
        for (usage, gross), (_same, net) in zip(line_shares(line), nets, strict=True)
        if usage is not None
    ]


def line_data(line: Line) -> dict[str, Any]:
    return {
        "section": line.section,
        "tier": line.tier,
        "price_list": line.price_list,
        "services": list(line.services),
        "seconds": plain(line.seconds),
        "minutes": None if line.minutes is None else plain(line.minutes),
        "quantity": plain(line.quantity),
        "per": line.per,
        "unit_price": plain(line.unit_price),
        "gross": plain(line.gross),
        "free_minutes": line.free_minutes,
        "net": plain(line.net),
    }


_INDEXED = re.compile(r"([a-z_]+)\[([0-9]+)\]")
_TASK_NAMES = {"record": "recording", "mix_for_cdn": "mixing for CDN"}


def item_names(items: tuple[ItemShare, ...]) -> dict[str, str]:
    """Each room or task's name: its label, else ``video_call #1``, ``recording #2``; a room's
    task is the room's name with ``/ recording`` or ``/ mixing for CDN``."""
    names: dict[str, str] = {}
    for item in items:
        top, _, rest = item.source.partition(".")
        match = _INDEXED.fullmatch(top)
        number = f" #{int(match[2]) + 1}" if match else ""
        if rest and item.room is not None:
            room = names.get(item.room) or (item.room if not match else f"room{number}")
            names[item.source] = f"{room} / {_TASK_NAMES.get(rest, rest)}"
        else:
            names[item.source] = item.label or f"{item.service}{number}"
    return names


def rooms_data(breakdown: Breakdown) -> list[dict[str, Any]]:
    """Each room and task with its gross, net, total and percent of the total (exact strings;
    the totals add up to the breakdown's total, the percents to 100)."""
    items = item_shares(breakdown)
    names = item_names(items)
    return [
        {
            "name": names[item.source],
            "source": item.source,
            "room": item.room,
            "service": item.service,
            "gross": plain(item.gross),
            "net": plain(item.net),
            "total": plain(item.total),
            "share": plain(item.share),
        }
        for item in items
    ]


def breakdown_data(breakdown: Breakdown, title: str = "") -> dict[str, Any]:
    """The public JSON of a priced scenario: amounts as exact decimal strings, unrounded."""
    return {
        "title": title,
        "currency": breakdown.currency,
        "rate_card": {
            "id": breakdown.rate_card_id,
            "title": breakdown.rate_card_title,
            "effective": breakdown.rate_card_effective,
        },
        "lines": [{**line_data(line), "usages": line_usages(line)} for line in breakdown.lines],
        "gross": plain(breakdown.gross),
        "free_minutes_allowance": breakdown.free_minutes_allowance,
        "free_minutes_used": breakdown.free_minutes_used,
        "free_amount": plain(breakdown.free_amount),
        "subtotal": plain(breakdown.subtotal),
        "discount_percent": plain(breakdown.discount_percent),
        "discount": plain(breakdown.discount),
        "total": plain(breakdown.total),
        "total_rounded": format(round_money(breakdown.total), "f"),  # money: "13.50"
        "contract_threshold": plain(breakdown.contract_threshold),
        "contract_discount_eligible": breakdown.contract_discount_eligible,
        "warnings": [
            {"code": n.code, "field": n.field, "message": notice_text(n)} for n in breakdown.notices
        ],
        "rooms": rooms_data(breakdown),
    }


def breakdown_json(breakdown: Breakdown, title: str = "") -> str:
    return json.dumps(breakdown_data(breakdown, title), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "section",
    "price_list",
    "tier",
    "minutes",
    "quantity",
    "per",
    "unit_price",
    "gross",
    "free_minutes",
    "net",
)


def breakdown_csv(breakdown: Breakdown) -> str:
    """Lines then totals, exact amounts; opens in a spreadsheet as text-safe decimals."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for line in breakdown.lines:
        data = line_data(line)
        writer.writerow(["" if data[c] is None else data[c] for c in CSV_COLUMNS])
    for key, value in (
        ("gross", breakdown.gross),
        ("free_amount", breakdown.free_amount),
        ("subtotal", breakdown.subtotal),
        ("discount", breakdown.discount),
        ("total", breakdown.total),
    ):
        writer.writerow([key, "", "", "", "", "", "", "", "", plain(value)])
    # Which prices these are: a CSV passed on alone still names its rate card.
    writer.writerow(["rate_card", "", "", "", "", "", "", "", "", breakdown.rate_card_id])
    writer.writerow(
        ["rate_card_effective", "", "", "", "", "", "", "", "", breakdown.rate_card_effective]
    )
    return out.getvalue()


def breakdown_table(breakdown: Breakdown, title: str = "") -> str:
    """A text table for a person: money to the cent, the exact figures in the JSON and CSV."""
    header = ("Section", "List", "Tier", "Billed", "Price", "Gross", "Free min", "Net")
    rows = [header]
    for line in breakdown.lines:
        billed = (
            f"{line.quantity:,} min" if line.minutes is not None else f"{plain(line.quantity)} Mbps"
        )
        rows.append(
            (
                line.section,
                line.price_list,
                line.tier,
                billed,
                f"{plain(line.unit_price)}/{'1k min' if line.per != 'Mbps' else 'Mbps'}",
                f"{round_money(line.gross):,}",
                f"{line.free_minutes:,}",
                f"{round_money(line.net):,}",
            )
        )
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    text_cols = 3
    out = []
    if title:
        out.append(title)
    out.append(
        f"Rate card: {breakdown.rate_card_title} ({breakdown.rate_card_id}, "
        f"effective {breakdown.rate_card_effective}); amounts in {breakdown.currency}"
    )
    out.append("")
    for n, row in enumerate(rows):
        cells = [
            str(c).ljust(w) if i < text_cols else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
        else:
            out += _robot_rows(breakdown.lines[n - 1], breakdown.currency)
    if not breakdown.lines:
        out.append("(no billed usage)")
    out.append("")
    money = breakdown.currency
    out.append(f"Gross                     {round_money(breakdown.gross):>14,} {money}")
    out.append(
        f"Free minutes used         {breakdown.free_minutes_used:>14,} of "
        f"{breakdown.free_minutes_allowance:,}  (-{round_money(breakdown.free_amount):,} {money})"
    )
    if breakdown.discount_percent:
        out.append(
            f"Contract discount {plain(breakdown.discount_percent):>6}%  "
            f"{-round_money(breakdown.discount):>14,} {money}"
        )
    out.append(
        f"Total                     {round_money(breakdown.total):>14,} {money}"
        f"  (exact {plain(breakdown.total)})"
    )
    if breakdown.contract_discount_eligible:
        out.append(
            f"The month reaches {plain(breakdown.contract_threshold)} {money}: "
            "the customer can ask sales for a contract discount."
        )
    for notice in breakdown.notices:
        out.append(
            f"Note: {notice_text(notice)} [{notice.field}]"
            if notice.field
            else f"Note: {notice_text(notice)}"
        )
    out += _rooms_table(breakdown)
    return "\n".join(out) + "\n"


def _robot_rows(line: Line, currency: str) -> list[str]:
    """Under a duration line, each robot's own minutes and its part of the line's gross."""
    rows = []
    for usage, gross in line_shares(line):
        if usage is None or usage.role != ROBOT:
            continue
        label = f" ({usage.label})" if usage.label else ""
        minutes = usage.seconds / SECONDS_PER_MINUTE
        rows.append(
            f"    robot {usage.source}{label}: {minutes:,} min, "
            f"{round_money(gross):,} {currency} of this line"
        )
    return rows


def _rooms_table(breakdown: Breakdown) -> list[str]:
    """Each room and task: gross, total after free minutes and discount, percent of the total."""
    items = item_shares(breakdown)
    if not items:
        return []
    names = item_names(items)
    header = ("Room or task", "Source", "Gross", "Total", "Share")
    rows = [header] + [
        (
            names[item.source],
            item.source,
            f"{round_money(item.gross):,}",
            f"{round_money(item.total):,}",
            f"{item.share.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%",
        )
        for item in items
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    out = ["", f"By room or task ({breakdown.currency}, total after free minutes and discount):"]
    for n, row in enumerate(rows):
        cells = [
            c.ljust(w) if i < 2 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out
