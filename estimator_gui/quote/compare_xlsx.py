"""The XLSX comparison (XlsxWriter): the aligned table with its differences as formulas.

Sheet one holds every line and total across the variants: per variant the billed minutes and
the amount as numbers, and for each what-if its difference to the base (``=E7-C7``) and that
difference in percent of the base, as formulas written with their cached values (the exact
figures the PDF shows), so a viewer that does not recalculate shows the same. The gross of each
variant is a SUM of its lines and the total a SUM of the gross and the deductions. Sheet two
holds the inputs each variant changes, the contract notices and where the prices come from.
Every text is written as a string, never read as a formula.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from estimator_gui.quote.compare_document import CompareRow, ComparisonDocument
from estimator_gui.quote.xlsx import new_workbook, sheet_name

PERCENT_FORMAT = "+0.0%;-0.0%;0.0%"
DIFFERENCE_FORMAT = "+#,##0.00;-#,##0.00;0.00"
FIRST_VARIANT_COLUMN = 2  # after the section and the tier


def variant_columns(variants: int) -> list[dict[str, int]]:
    """Where each variant's figures sit on the comparison sheet (0-based columns): minutes and
    amount, and for a what-if its difference and percent."""
    columns: list[dict[str, int]] = []
    at = FIRST_VARIANT_COLUMN
    for index in range(variants):
        found = {"minutes": at, "amount": at + 1}
        at += 2
        if index:
            found |= {"difference": at, "percent": at + 1}
            at += 2
        columns.append(found)
    return columns


def _number(value: Decimal) -> float:
    # A cell holds a double: the core's amounts have a handful of decimals, kept to the digit.
    return float(value)


def comparison_xlsx_bytes(document: ComparisonDocument) -> bytes:
    out = io.BytesIO()
    workbook, styles = new_workbook(
        out,
        document.title,
        document.rate_card_id,
        {
            "difference": {"num_format": DIFFERENCE_FORMAT},
            "percent": {"num_format": PERCENT_FORMAT},
        },
    )
    words = document.words
    table = workbook.add_worksheet(sheet_name(words["sheet_compare"], "Comparison"))
    _table_sheet(table, document, styles)
    inputs = workbook.add_worksheet(sheet_name(words["sheet_inputs"], "Inputs"))
    _inputs_sheet(inputs, document, styles)
    workbook.close()
    return out.getvalue()


HEADER_ROW = 3  # variant names; the figure names one row below, the lines from the next


def _table_sheet(sheet: Worksheet, document: ComparisonDocument, styles: dict[str, Any]) -> None:
    words = document.words
    columns = variant_columns(len(document.variants))
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 22)
    sheet.set_column(FIRST_VARIANT_COLUMN, FIRST_VARIANT_COLUMN + 4 * len(columns), 14)
    sheet.write_string(0, 0, words["title"], styles["title"])
    sheet.write_string(1, 0, document.title)
    sheet.write_string(1, FIRST_VARIANT_COLUMN, document.currency, styles["muted"])
    heading = styles["heading"]
    sheet.write_string(HEADER_ROW, 0, words["section"], heading)
    sheet.write_string(HEADER_ROW, 1, words["tier"], heading)
    sheet.write_string(HEADER_ROW + 1, 0, "", heading)
    sheet.write_string(HEADER_ROW + 1, 1, "", heading)
    base = document.variants[0]
    for variant, found in zip(document.variants, columns, strict=True):
        sheet.write_string(
            HEADER_ROW, found["minutes"], f"{variant.letter}: {variant.name}", heading
        )
        for key in ("amount", "difference", "percent"):
            if key in found:
                sheet.write_string(HEADER_ROW, found[key], "", heading)
        sheet.write_string(HEADER_ROW + 1, found["minutes"], words["minutes"], heading)
        sheet.write_string(HEADER_ROW + 1, found["amount"], words["amount"], heading)
        if "difference" in found:
            name = words["vs_base"].format(variant=variant.letter, base=base.letter)
            sheet.write_string(HEADER_ROW + 1, found["difference"], name, heading)
            sheet.write_string(HEADER_ROW + 1, found["percent"], f"{name} %", heading)
    sheet.freeze_panes(HEADER_ROW + 2, FIRST_VARIANT_COLUMN)
    row = HEADER_ROW + 2
    first = row
    for line in document.lines:
        _figures(sheet, row, line, columns, styles)
        row += 1
    last = row - 1
    totals: dict[str, int] = {}
    for total in document.totals:
        key = total.codes[0]
        totals[key] = row
        _figures(sheet, row, total, columns, styles, _amount_formulas(key, first, last, totals))
        row += 1


def _amount_formulas(key: str, first: int, last: int, totals: dict[str, int]) -> str | None:
    """The formula of a total's amount, ``{column}`` standing for the variant's column letter
    part of a cell: the gross sums the lines, the total the gross and the deductions."""
    if key == "gross":
        return f"=SUM({{col}}{first + 1}:{{col}}{last + 1})" if last >= first else "=0"
    if key == "total":
        parts = ",".join(f"{{col}}{at + 1}" for name, at in totals.items() if name != "total")
        return f"=SUM({parts})"
    return None


def _figures(
    sheet: Worksheet,
    row: int,
    line: CompareRow,
    columns: list[dict[str, int]],
    styles: dict[str, Any],
    amount_formula: str | None = None,
) -> None:
    is_total = line.codes[0] == "total"
    sheet.write_string(row, 0, line.section, styles["total_label"] if is_total else None)
    sheet.write_string(row, 1, line.tier)
    base_cell = xl_rowcol_to_cell(row, columns[0]["amount"])
    for index, (cell, found) in enumerate(zip(line.cells, columns, strict=True)):
        if line.notes:
            sheet.write_string(row, found["minutes"], line.notes[index], styles["muted"])
        elif cell.minutes is not None:
            sheet.write_number(row, found["minutes"], _number(cell.minutes), styles["count"])
        amount_cell = xl_rowcol_to_cell(row, found["amount"])
        money = styles["total"] if is_total else styles["usd"]
        if cell.amount is not None and amount_formula is not None:
            column = amount_cell.rstrip("0123456789")
            formula = amount_formula.replace("{col}", column)
            sheet.write_formula(row, found["amount"], formula, money, _number(cell.amount))
        elif cell.amount is not None:
            sheet.write_number(row, found["amount"], _number(cell.amount), money)
        if not index or cell.change is None:
            continue
        sheet.write_formula(
            row,
            found["difference"],
            f"=N({amount_cell})-N({base_cell})",
            styles["difference"],
            _number(cell.change.amount),
        )
        if cell.change.percent is not None:
            sheet.write_formula(
                row,
                found["percent"],
                f"=(N({amount_cell})-N({base_cell}))/N({base_cell})",
                styles["percent"],
                _number(cell.change.percent / 100),
            )


def _inputs_sheet(sheet: Worksheet, document: ComparisonDocument, styles: dict[str, Any]) -> None:
    words = document.words
    quote_words = document.base_quote.words
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 110)
    row = 0
    sheet.write_string(row, 0, words["changes"], styles["title"])
    for variant in document.variants[1:]:
        row += 1
        sheet.write_string(row, 0, f"{variant.letter}: {variant.name}", styles["muted"])
        for index, text in enumerate(variant.differences or (words["nothing"],)):
            row += index > 0
            sheet.write_string(row, 1, text, styles["wrap"])
    notices = [variant for variant in document.variants if variant.contract_notice]
    if notices:
        row += 2
        sheet.write_string(row, 0, words["notices"], styles["title"])
        for variant in notices:
            row += 1
            sheet.write_string(row, 0, f"{variant.letter}: {variant.name}", styles["muted"])
            sheet.write_string(row, 1, variant.contract_notice, styles["wrap"])
    row += 2
    sheet.write_string(row, 0, quote_words["rate_card"], styles["title"])
    for label, value in (
        (quote_words["rate_card"], document.rate_card_id),
        ("", document.rate_card_title),
        (quote_words["effective"], document.rate_card_effective),
    ):
        row += 1
        sheet.write_string(row, 0, label, styles["muted"])
        sheet.write_string(row, 1, value)
    for index, source in enumerate(document.sources):
        row += 1
        sheet.write_string(row, 0, quote_words["sources"] if index == 0 else "", styles["muted"])
        sheet.write_string(row, 1, source, styles["wrap"])
