"""The XLSX quote (XlsxWriter): amounts as numbers with currency formats, totals as formulas.

Sheet one holds the details, one row per billed line and the totals: the gross is a SUM of the
line amounts and the total a SUM of the gross, free minutes and discount, each formula written
with its cached value (the exact figure the PDF shows), so a viewer that does not recalculate
shows the same. Sheet two holds the assumptions and where the prices come from. Every text is
written as a string, never read as a formula.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]
from xlsxwriter.utility import xl_rowcol_to_cell  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from estimator_gui.i18n import numbers
from estimator_gui.quote.document import QuoteDocument

USD_FORMAT = "#,##0.00"
PRICE_FORMAT = "#,##0.00##"
COUNT_FORMAT = "#,##0.####"
# Column of each value on the quote sheet (0-based).
COLUMNS = ("section", "service", "tier", "rooms", "quantity", "unit", "unit_price", "amount")
AMOUNT_COLUMN = COLUMNS.index("amount")
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")


def currency_format(currency: str) -> str:
    """A number format with the currency's own decimals (none for KRW and JPY)."""
    places = numbers.CURRENCY_PLACES.get(currency, 2)
    return "#,##0" + ("." + "0" * places if places else "")


def sheet_name(text: str, fallback: str) -> str:
    """A name Excel accepts: no ``[]:*?/\\``, at most 31 characters, not empty."""
    name = _SHEET_UNSAFE.sub(" ", text).strip().strip("'")[:31]
    return name or fallback


def new_workbook(
    out: io.BytesIO, title: str, rate_card_id: str, extra: dict[str, dict[str, object]]
) -> tuple[Any, dict[str, Any]]:
    """A workbook in memory that keeps every text as text (never a formula, number or link),
    with the styles every document shares and ``extra`` ones, by name."""
    workbook = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties({"title": title, "comments": rate_card_id})
    formats: dict[str, dict[str, object]] = {
        "title": {"bold": True, "font_size": 14},
        "heading": {"bold": True, "bg_color": "#E9ECEF", "bottom": 1},
        "muted": {"font_color": "#6C757D"},
        "wrap": {"text_wrap": True, "valign": "top"},
        "usd": {"num_format": USD_FORMAT},
        "count": {"num_format": COUNT_FORMAT},
        "total": {"num_format": USD_FORMAT, "bold": True, "top": 1},
        "total_label": {"bold": True, "top": 1},
        **extra,
    }
    return workbook, {name: workbook.add_format(spec) for name, spec in formats.items()}


def xlsx_bytes(document: QuoteDocument) -> bytes:
    out = io.BytesIO()
    workbook, styles = new_workbook(
        out, document.title, document.rate_card_id, {"price": {"num_format": PRICE_FORMAT}}
    )
    words = document.words
    quote = workbook.add_worksheet(sheet_name(words["quote_sheet"], "Quote"))
    _quote_sheet(workbook, quote, document, styles)
    facts = workbook.add_worksheet(sheet_name(words["assumptions_sheet"], "Assumptions"))
    _facts_sheet(facts, document, styles)
    workbook.close()
    return out.getvalue()


def _number(value: Decimal) -> float:
    # A spreadsheet cell holds a double: an amount of the core has at most a handful of decimals,
    # which a double keeps to the digit (checked when read back in the tests).
    return float(value)


def _quote_sheet(
    workbook: Any, sheet: Worksheet, document: QuoteDocument, styles: dict[str, Any]
) -> None:
    words = document.words
    sheet.set_column(0, 1, 24)
    sheet.set_column(2, 2, 18)
    sheet.set_column(3, 3, 30)
    sheet.set_column(4, 7, 16)
    sheet.write_string(0, 0, words["quote"], styles["title"])
    sheet.write_string(1, 0, document.title)
    row = 3
    for label, value in document.details:
        sheet.write_string(row, 0, label, styles["muted"])
        sheet.write_string(row, 1, value)
        row += 1
    row += 1
    headings = (
        words["section"],
        words["service"],
        words["tier"],
        words["rooms"],
        words["quantity"],
        words["unit"],
        f"{words['unit_price']} ({document.currency})",
        f"{words['amount']} ({document.currency})",
    )
    for column, heading in enumerate(headings):
        sheet.write_string(row, column, heading, styles["heading"])
    sheet.freeze_panes(row + 1, 0)
    first = row + 1
    for line in document.lines:
        row += 1
        sheet.write_string(row, 0, line.section)
        sheet.write_string(row, 1, line.service)
        sheet.write_string(row, 2, line.tier)
        sheet.write_string(row, 3, line.rooms)
        sheet.write_number(row, 4, _number(line.quantity), styles["count"])
        unit = (
            words["min"].format(minutes=numbers.format_int(1000, document.language))
            if line.per_thousand_minutes
            else "Mbps"
        )
        sheet.write_string(row, 5, unit)
        sheet.write_number(row, 6, _number(line.unit_price), styles["price"])
        sheet.write_number(row, AMOUNT_COLUMN, _number(line.amount), styles["usd"])
    last = row
    row += 1
    total_cells: dict[str, str] = {}
    for total in document.totals:
        row += 1
        cell = xl_rowcol_to_cell(row, AMOUNT_COLUMN)
        total_cells[total.key] = cell
        label_style = styles["total_label"] if total.key in ("gross", "total") else None
        sheet.write_string(row, AMOUNT_COLUMN - 2, total.label, label_style)
        if total.note:
            sheet.write_string(row, AMOUNT_COLUMN - 1, total.note, styles["muted"])
        if total.key == "gross":
            top, bottom = (xl_rowcol_to_cell(at, AMOUNT_COLUMN) for at in (first, last))
            formula = f"=SUM({top}:{bottom})" if document.lines else "=0"
            sheet.write_formula(row, AMOUNT_COLUMN, formula, styles["total"], _number(total.amount))
        elif total.key == "total":
            parts = ",".join(cell for key, cell in total_cells.items() if key != "total")
            sheet.write_formula(
                row, AMOUNT_COLUMN, f"=SUM({parts})", styles["total"], _number(total.amount)
            )
        else:
            sheet.write_number(row, AMOUNT_COLUMN, _number(total.amount), styles["usd"])
    if document.conversion is not None and document.converted_total is not None:
        conversion = document.conversion
        row += 2
        rate_cell = xl_rowcol_to_cell(row, AMOUNT_COLUMN)
        sheet.write_string(row, AMOUNT_COLUMN - 2, words["rate"])
        sheet.write_string(row, AMOUNT_COLUMN - 1, f"USD -> {conversion.currency}")
        sheet.write_number(row, AMOUNT_COLUMN, _number(conversion.rate), styles["price"])
        row += 1
        places = numbers.CURRENCY_PLACES[conversion.currency]
        sheet.write_string(
            row,
            AMOUNT_COLUMN - 2,
            words["in_currency"].format(currency=conversion.currency),
            styles["total_label"],
        )
        money = workbook.add_format(
            {"num_format": currency_format(conversion.currency), "bold": True, "top": 1}
        )
        sheet.write_formula(
            row,
            AMOUNT_COLUMN,
            f"=ROUND({total_cells['total']}*{rate_cell},{places})",
            money,
            _number(document.converted_total),
        )
        row += 1
        sheet.write_string(row, AMOUNT_COLUMN - 2, document.rate_line, styles["muted"])
    if document.contract_notice:
        row += 2
        sheet.write_string(row, 0, document.contract_notice)


def _facts_sheet(sheet: Worksheet, document: QuoteDocument, styles: dict[str, Any]) -> None:
    words = document.words
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 110)
    row = 0
    sheet.write_string(row, 0, words["assumptions"], styles["title"])
    for sentence in document.assumptions:
        row += 1
        sheet.write_string(row, 1, sentence, styles["wrap"])
    if document.notices:
        row += 2
        sheet.write_string(row, 0, words["notices"], styles["title"])
        for notice in document.notices:
            row += 1
            sheet.write_string(row, 1, notice, styles["wrap"])
    row += 2
    sheet.write_string(row, 0, words["rate_card"], styles["title"])
    for label, value in (
        (words["rate_card"], document.rate_card_id),
        ("", document.rate_card_title),
        (words["effective"], document.rate_card_effective),
    ):
        row += 1
        sheet.write_string(row, 0, label, styles["muted"])
        sheet.write_string(row, 1, value)
    for index, source in enumerate(document.sources):
        row += 1
        sheet.write_string(row, 0, words["sources"] if index == 0 else "", styles["muted"])
        sheet.write_string(row, 1, source, styles["wrap"])
    if document.rate_line:
        row += 2
        sheet.write_string(row, 0, words["rate"], styles["muted"])
        sheet.write_string(row, 1, document.rate_line)
