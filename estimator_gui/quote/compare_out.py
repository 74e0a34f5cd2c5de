"""A comparison of variants as plain data: JSON object, CSV rows and a text table; no Qt.

The JSON lists each variant with the fields of ``quote --format json`` (given by the caller, so
the two never drift apart) and its ``difference`` to the first variant, all exact decimal strings.
The table is for a person (words and numbers in the current language); the CSV for a spreadsheet
(codes and exact amounts, translated headers).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from msgspec import Struct, structs

from estimator_gui.i18n import N_, _, numbers
from estimator_gui.pricing.compare import (
    ADDED,
    REMOVED,
    Change,
    Comparison,
    InputDifference,
    LineRow,
)
from estimator_gui.pricing.scenario import Resolution
from estimator_gui.quote.names import (
    audience_price_list_name,
    codec_name,
    delivery_name,
    price_list_name,
    role_name,
    section_name,
    service_name,
    tier_name,
)
from estimator_gui.quote.tabular import plain

FORMAT = "trtc-compare/1"


# ---------------------------------------------------------------- JSON


def _percent(change: Change | None) -> str | None:
    return None if change is None or change.percent is None else plain(change.percent)


def _amount(change: Change | None) -> str | None:
    return None if change is None else plain(change.amount)


def line_difference(row: LineRow, variant: int) -> dict[str, Any]:
    """One line of one variant against the base: its key, both minutes, and the changes."""
    line, base = row.lines[variant], row.lines[0]
    minutes, base_minutes = row.minutes(variant), row.minutes(0)
    return {
        "section": row.key.section,
        "price_list": row.key.price_list,
        "tier": row.key.tier,
        "present": line is not None,
        "base_present": base is not None,
        "minutes": None if minutes is None else plain(minutes),
        "base_minutes": None if base_minutes is None else plain(base_minutes),
        "gross": _amount(row.gross_changes[variant]),
        "gross_percent": _percent(row.gross_changes[variant]),
        "net": _amount(row.net_changes[variant]),
        "net_percent": _percent(row.net_changes[variant]),
    }


def value_data(value: object) -> Any:
    """An input's value as JSON: numbers as exact strings, streams as ``WxH``, a mix as
    ``{tier: percent}``, an item (a room, a task) field by field as the core holds it."""
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Resolution):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        if value and all(isinstance(v, tuple) and len(v) == 2 for v in value):
            return {str(tier): value_data(share) for tier, share in value}  # a mix
        return [value_data(v) for v in value]
    if isinstance(value, Struct):
        return {f.name: value_data(getattr(value, f.name)) for f in structs.fields(value)}
    return value


def difference_data(difference: InputDifference) -> dict[str, Any]:
    return {
        "path": difference.path,
        "kind": difference.kind,
        "base": value_data(difference.base),
        "other": value_data(difference.other),
    }


def compare_data(
    comparison: Comparison,
    quote_data: Sequence[Mapping[str, Any]],
    inputs: Sequence[Sequence[InputDifference]] | None = None,
) -> dict[str, Any]:
    """The comparison as JSON data: per variant its name, ``quote_data`` (what ``quote --format
    json`` gives for it), ``difference`` to the first variant and the inputs that differ."""
    variants = []
    for index, variant in enumerate(comparison.variants):
        entry: dict[str, Any] = {"name": variant.name, **quote_data[index]}
        entry["difference"] = {
            "total": plain(variant.total_change.amount),
            "total_percent": _percent(variant.total_change),
            "gross": plain(variant.gross_change.amount),
            "gross_percent": _percent(variant.gross_change),
            "free_amount": plain(variant.free_amount_change.amount),
            "discount": plain(variant.discount_change.amount),
            "lines": [
                line_difference(row, index)
                for row in comparison.rows
                if row.lines[index] is not None or row.lines[0] is not None
            ],
        }
        if inputs is not None:
            entry["input_differences"] = [difference_data(d) for d in inputs[index]]
        variants.append(entry)
    return {"format": FORMAT, "base": comparison.variants[0].name, "variants": variants}


def compare_json(
    comparison: Comparison,
    quote_data: Sequence[Mapping[str, Any]],
    inputs: Sequence[Sequence[InputDifference]] | None = None,
) -> str:
    data = compare_data(comparison, quote_data, inputs)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- CSV

CSV_KEYS = ("section", "price_list", "tier")
CSV_HEADERS: Mapping[str, str] = {
    "section": N_("section"),
    "price_list": N_("price list"),
    "tier": N_("tier"),
    "minutes": N_("{variant}: minutes"),
    "gross": N_("{variant}: gross"),
    "net": N_("{variant}: net"),
    "difference": N_("{variant}: net difference"),
    "percent": N_("{variant}: net difference %"),
}
CSV_TOTALS = ("gross", "free_amount", "discount", "total")


def compare_csv(comparison: Comparison) -> str:
    """One row per line key, then the totals; per variant minutes, gross, net and the net's
    difference to the base (an empty cell: the variant has no such line)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = [_(CSV_HEADERS[key]) for key in CSV_KEYS]
    for variant in comparison.variants:
        header += [
            _(CSV_HEADERS[key]).format(variant=variant.name)
            for key in ("minutes", "gross", "net", "difference", "percent")
        ]
    writer.writerow(header)
    for row in comparison.rows:
        cells = [row.key.section, row.key.price_list, row.key.tier]
        for index, line in enumerate(row.lines):
            minutes = row.minutes(index)
            change = row.net_changes[index]
            cells += [
                "" if minutes is None else plain(minutes),
                "" if line is None else plain(line.gross),
                "" if line is None else plain(line.net),
                _amount(change) or "",
                _percent(change) or "",
            ]
        writer.writerow(cells)
    for key in CSV_TOTALS:
        cells = [key, "", ""]
        for variant in comparison.variants:
            moved = {
                "gross": variant.gross_change,
                "free_amount": variant.free_amount_change,
                "discount": variant.discount_change,
                "total": variant.total_change,
            }[key]
            value: Decimal = getattr(variant.breakdown, key)
            cells += ["", "", plain(value), plain(moved.amount), _percent(moved) or ""]
        writer.writerow(cells)
    return out.getvalue()


# ---------------------------------------------------------------- text table


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def _rows(rows: list[list[str]], text_columns: int) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        cells = [
            _pad(c, w, i >= text_columns) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def signed_change(change: Change | None, language: str | None = None) -> str:
    """A difference for a person: ``+12.30 (+4.1%)``; empty where there is nothing to show."""
    if change is None or (change.amount == 0 and change.percent in (None, 0)):
        return ""
    sign = "+" if change.amount > 0 else ""
    text = sign + numbers.format_money(change.amount, language)
    if change.percent is not None:
        percent = numbers.format_decimal(change.percent, 1, language)
        text += f" ({'+' if change.percent > 0 else ''}{percent}%)"
    return text


def column_letter(index: int) -> str:
    """A, B, C ... Z, then AA, AB: the column of a variant."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def _line_name(row: LineRow) -> str:
    key = row.key
    parts = [section_name(key.section), price_list_name(key.price_list), tier_name(key.tier)]
    return " / ".join(parts)


def compare_table(
    comparison: Comparison, inputs: Sequence[Sequence[InputDifference]] | None = None
) -> str:
    """The variants side by side: each line's gross and its difference to the base, the totals,
    the contract notice and the inputs each variant changes."""
    variants = comparison.variants
    currency = variants[0].breakdown.currency
    # Names are long ("Live shopping show: 3 shows a week..."): columns carry a letter each,
    # named once above the table.
    letters = [column_letter(index) for index in range(len(variants))]
    header = [_("Line")]
    for index, letter in enumerate(letters):
        header.append(letter)
        if index:
            header.append(_("{variant} - {base}").format(variant=letter, base=letters[0]))
    rows = [header]
    for row in comparison.rows:
        cells = [_line_name(row)]
        for index, line in enumerate(row.lines):
            cells.append("-" if line is None else numbers.format_money(line.gross))
            if index:
                cells.append(signed_change(row.gross_changes[index]))
        rows.append(cells)
    totals = (
        (_("Gross"), "gross", "gross_change"),
        (_("Free minutes taken off"), "free_amount", "free_amount_change"),
        (_("Discount"), "discount", "discount_change"),
        (_("Total"), "total", "total_change"),
    )
    for label, figure, moved in totals:
        cells = [label]
        for index, variant in enumerate(variants):
            cells.append(numbers.format_money(getattr(variant, figure)))
            if index:
                cells.append(signed_change(getattr(variant, moved)))
        rows.append(cells)
    out = [
        _("Variants compared ({currency}), each against the base {base}:").format(
            currency=currency, base=letters[0]
        )
    ]
    out += [
        f"  {letter}  {variant.name}" for letter, variant in zip(letters, variants, strict=True)
    ]
    out.append("")
    out += _rows(rows, 1)
    for variant in variants:
        if variant.contract_notice:
            out.append(
                _(
                    "{variant}: the month reaches {threshold} {currency}; the customer can ask "
                    "sales for a contract discount."
                ).format(
                    variant=variant.name,
                    threshold=numbers.format_decimal(variant.breakdown.contract_threshold),
                    currency=currency,
                )
            )
    if inputs is not None:
        for variant, found in zip(variants[1:], inputs[1:], strict=True):
            out += ["", _("{variant} changes:").format(variant=variant.name)]
            out += [f"  {difference_text(d)}" for d in found] or ["  " + _("nothing")]
    return "\n".join(out) + "\n"


_CHOICE_NAMES = {
    "service": service_name,
    "role": role_name,
    "delivery": delivery_name,
    "audience_price_list": audience_price_list_name,
    "codec": codec_name,
}


def shown_value(name: str, value: object) -> str:
    if value is None:
        return _("none")
    if value == "":
        return _("(empty)")
    if name in _CHOICE_NAMES and isinstance(value, str):
        return _CHOICE_NAMES[name](value)
    if isinstance(value, Decimal):
        return numbers.format_decimal(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return numbers.format_int(value)
    data = value_data(value)
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)


def difference_text(difference: InputDifference) -> str:
    """One changed input on a line: ``rooms[1].delivery: Low latency -> Relay to CDN``."""
    name = difference.path.rsplit(".", 1)[-1]
    if difference.kind == ADDED:
        return _("{path}: added").format(path=difference.path)
    if difference.kind == REMOVED:
        return _("{path}: removed").format(path=difference.path)
    return _("{path}: {base} -> {other}").format(
        path=difference.path,
        base=shown_value(name, difference.base),
        other=shown_value(name, difference.other),
    )
