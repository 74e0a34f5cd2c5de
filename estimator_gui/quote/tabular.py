"""The breakdown as plain data: JSON object, CSV rows and a text table for the command line.

The table is for a person: its words in the current language, its numbers as the language writes
them (Babel). The CSV is for a spreadsheet or a script: translated headers, but plain digits with
a ``.`` point and the core's codes. The JSON is an interface: English keys and codes, exact
amounts; only its sentences (notices, names of tasks) follow the language.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from estimator_gui.i18n import N_, _, numbers
from estimator_gui.pricing.breakdown import Breakdown, Line, Usage, round_money
from estimator_gui.pricing.expand import ROBOT
from estimator_gui.pricing.shares import ItemShare, item_shares, line_net_shares, line_shares
from estimator_gui.quote.names import price_list_name, section_name, service_name, tier_name
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
_TASK_NAMES: Mapping[str, str] = {"record": N_("recording"), "mix_for_cdn": N_("mixing for CDN")}


def item_names(
    items: tuple[ItemShare, ...], service_label: Callable[[str], str] = str
) -> dict[str, str]:
    """Each room or task's name: its label, else ``video_call #1``, ``recording #2`` (the
    service as ``service_label`` writes it); a room's task is the room's name with
    ``/ recording`` or ``/ mixing for CDN``, in the current language."""
    names: dict[str, str] = {}
    for item in items:
        top, _dot, rest = item.source.partition(".")
        match = _INDEXED.fullmatch(top)
        number = f" #{int(match[2]) + 1}" if match else ""
        if rest and item.room is not None:
            room = names.get(item.room) or (item.room if not match else _("room") + number)
            task = _TASK_NAMES.get(rest)
            names[item.source] = f"{room} / {rest if task is None else _(task)}"
        else:
            names[item.source] = item.label or f"{service_label(item.service)}{number}"
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
            {"code": n.code, "field": n.field, "message": notice_text(n, numbers.format_int)}
            for n in breakdown.notices
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


# The CSV's headers and the names of its rows of totals, translated; in English they are the
# JSON's keys, so a script reading an English CSV finds the same names.
CSV_HEADERS: Mapping[str, str] = {
    "section": N_("section"),
    "price_list": N_("price_list"),
    "tier": N_("tier"),
    "minutes": N_("minutes"),
    "quantity": N_("quantity"),
    "per": N_("per"),
    "unit_price": N_("unit_price"),
    "gross": N_("gross"),
    "free_minutes": N_("free_minutes"),
    "net": N_("net"),
    "free_amount": N_("free_amount"),
    "subtotal": N_("subtotal"),
    "discount": N_("discount"),
    "total": N_("total"),
    "rate_card": N_("rate_card"),
    "rate_card_effective": N_("rate_card_effective"),
}


def csv_header(key: str) -> str:
    return _(CSV_HEADERS[key])


def breakdown_csv(breakdown: Breakdown) -> str:
    """Lines then totals, exact amounts; opens in a spreadsheet as text-safe decimals."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([csv_header(column) for column in CSV_COLUMNS])
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
        writer.writerow([csv_header(key), "", "", "", "", "", "", "", "", plain(value)])
    # Which prices these are: a CSV passed on alone still names its rate card.
    for key, text in (
        ("rate_card", breakdown.rate_card_id),
        ("rate_card_effective", breakdown.rate_card_effective),
    ):
        writer.writerow([csv_header(key), "", "", "", "", "", "", "", "", text])
    return out.getvalue()


def text_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a Korean or Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` terminal columns, on the left when ``right``."""
    fill = " " * max(0, width - text_width(text))
    return fill + text if right else text + fill


def text_rows(
    rows: Sequence[Sequence[str]], text_columns: int, under: Callable[[int], list[str]]
) -> list[str]:
    """Rows as aligned columns (the first ``text_columns`` to the left, numbers to the right),
    a rule under the header, and ``under(n)``'s extra lines after the n-th row."""
    widths = [max(text_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        cells = [
            pad(c, w, right=i >= text_columns)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
        else:
            out += under(n)
    return out


def _billed(line: Line) -> str:
    if line.minutes is not None:
        return _("{minutes} min").format(minutes=numbers.format_decimal(line.quantity))
    return _("{quantity} Mbps").format(quantity=numbers.format_decimal(line.quantity))


def _unit_price(line: Line) -> str:
    price = numbers.format_decimal(line.unit_price)
    if line.per == "Mbps":
        return _("{price}/Mbps").format(price=price)
    return _("{price}/1k min").format(price=price)


def breakdown_table(breakdown: Breakdown, title: str = "") -> str:
    """A text table for a person: money to the cent, the exact figures in the JSON and CSV."""
    header = (
        _("Section"),
        _("List"),
        _("Tier"),
        _("Billed"),
        _("Price"),
        _("Gross"),
        _("Free min"),
        _("Net"),
    )
    rows = [header] + [
        (
            section_name(line.section),
            price_list_name(line.price_list),
            tier_name(line.tier),
            _billed(line),
            _unit_price(line),
            numbers.format_money(line.gross),
            numbers.format_int(line.free_minutes),
            numbers.format_money(line.net),
        )
        for line in breakdown.lines
    ]
    out = [title] if title else []
    out.append(
        _("Rate card: {title} ({id}, effective {effective}); amounts in {currency}").format(
            title=breakdown.rate_card_title,
            id=breakdown.rate_card_id,
            effective=breakdown.rate_card_effective,
            currency=breakdown.currency,
        )
    )
    out.append("")
    out += text_rows(rows, 3, lambda n: _robot_rows(breakdown.lines[n - 1], breakdown.currency))
    if not breakdown.lines:
        out.append(_("(no billed usage)"))
    out.append("")
    out += _totals(breakdown)
    if breakdown.contract_discount_eligible:
        out.append(
            _(
                "The month reaches {threshold} {currency}: the customer can ask sales for a "
                "contract discount."
            ).format(
                threshold=numbers.format_decimal(breakdown.contract_threshold),
                currency=breakdown.currency,
            )
        )
    for notice in breakdown.notices:
        text = notice_text(notice, numbers.format_int)
        out.append(
            _("Note: {text} [{field}]").format(text=text, field=notice.field)
            if notice.field
            else _("Note: {text}").format(text=text)
        )
    out += _rooms_table(breakdown)
    return "\n".join(out) + "\n"


def _totals(breakdown: Breakdown) -> list[str]:
    """Gross, free minutes, discount and total: a label, a figure aligned right, its unit."""
    money = breakdown.currency
    free = _("of {allowance}  (-{amount} {currency})").format(
        allowance=numbers.format_int(breakdown.free_minutes_allowance),
        amount=numbers.format_money(breakdown.free_amount),
        currency=money,
    )
    rows = [
        (_("Gross"), numbers.format_money(breakdown.gross), money),
        (_("Free minutes used"), numbers.format_int(breakdown.free_minutes_used), free),
    ]
    if breakdown.discount_percent:
        label = _("Contract discount {percent}%").format(
            percent=numbers.format_decimal(breakdown.discount_percent)
        )
        rows.append((label, numbers.format_money(-breakdown.discount), money))
    exact = _("(exact {amount})").format(amount=numbers.format_decimal(breakdown.total))
    rows.append((_("Total"), numbers.format_money(breakdown.total), f"{money}  {exact}"))
    width = max(26, *(text_width(label) + 1 for label, _figure, _unit in rows))
    return [
        f"{pad(label, width)}{pad(figure, 14, right=True)} {unit}" for label, figure, unit in rows
    ]


def _robot_rows(line: Line, currency: str) -> list[str]:
    """Under a duration line, each robot's own minutes and its part of the line's gross."""
    rows = []
    for usage, gross in line_shares(line):
        if usage is None or usage.role != ROBOT:
            continue
        text = _("robot {source}: {minutes} min, {amount} {currency} of this line").format(
            source=f"{usage.source} ({usage.label})" if usage.label else usage.source,
            minutes=numbers.format_decimal(usage.seconds / SECONDS_PER_MINUTE),
            amount=numbers.format_money(gross),
            currency=currency,
        )
        rows.append("    " + text)
    return rows


def _rooms_table(breakdown: Breakdown) -> list[str]:
    """Each room and task: gross, total after free minutes and discount, percent of the total."""
    items = item_shares(breakdown)
    if not items:
        return []
    names = item_names(items, service_name)
    header = (_("Room or task"), _("Source"), _("Gross"), _("Total"), _("Share"))
    rows = [header] + [
        (
            names[item.source],
            item.source,
            numbers.format_money(item.gross),
            numbers.format_money(item.total),
            numbers.format_decimal(item.share, 1) + "%",
        )
        for item in items
    ]
    title = _("By room or task ({currency}, total after free minutes and discount):").format(
        currency=breakdown.currency
    )
    return ["", title, *text_rows(rows, 2, lambda n: [])]
