"""The CSV quote: UTF-8 with a BOM, one row per billed line, ``.`` decimals, formula-safe text.

A spreadsheet opening the file runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (CSV injection), so such a text cell gets a leading ``'``: it then
shows as the text the user typed. Numbers are exact decimals with a point, whatever the language.
"""

from __future__ import annotations

import csv
import io

from estimator_gui.quote.document import QuoteDocument, QuoteLine
from estimator_gui.quote.tabular import plain

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _row(document: QuoteDocument, line: QuoteLine) -> list[str]:
    words = document.words
    unit = words["min"].format(minutes="1000") if line.per_thousand_minutes else "Mbps"
    texts = [line.section, line.service, line.tier, line.rooms]
    return [safe_text(text) for text in texts] + [
        "" if line.minutes is None else plain(line.minutes),
        plain(line.quantity),
        safe_text(unit),
        plain(line.unit_price),
        plain(line.amount),
        safe_text(document.currency),
    ]


def csv_bytes(document: QuoteDocument) -> bytes:
    words = document.words
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        safe_text(heading)
        for heading in (
            words["section"],
            words["service"],
            words["tier"],
            words["rooms"],
            words["minutes"],
            words["quantity"],
            words["unit"],
            words["unit_price"],
            words["amount"],
            words["currency"],
        )
    )
    for line in document.lines:
        writer.writerow(_row(document, line))
    return out.getvalue().encode("utf-8-sig")
