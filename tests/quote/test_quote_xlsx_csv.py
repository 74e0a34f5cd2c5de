"""The XLSX and CSV quotes read back: exact numbers, formulas with their values, safe text."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from msgspec import structs

from estimator_gui import i18n
from estimator_gui.i18n import _
from estimator_gui.pricing.engine import price
from estimator_gui.quote.csv_out import csv_bytes, safe_text
from estimator_gui.quote.document import quote_document
from estimator_gui.quote.xlsx import AMOUNT_COLUMN, xlsx_bytes
from tests.quote.conftest import KOREAN_CUSTOMER, KRW, Priced, details

HOSTILE = "=cmd|' /C calc'!A0"


def exact(value: object) -> Decimal:
    """A cell's number as the decimal it was written from (a double's shortest repr)."""
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    return Decimal(repr(value))


def workbooks(tmp_path: Path, data: bytes) -> tuple[openpyxl.Workbook, openpyxl.Workbook]:
    path = tmp_path / "quote.xlsx"
    path.write_bytes(data)
    return openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)


def test_xlsx_equals_the_breakdown(tutoring: Priced, tmp_path: Path) -> None:
    breakdown = tutoring.breakdown
    quote = details(conversion=KRW)
    document = quote_document(breakdown, tutoring.scenario, tutoring.card, quote)
    formulas, values = workbooks(tmp_path, xlsx_bytes(document))
    sheet, cached = formulas.worksheets[0], values.worksheets[0]
    column = AMOUNT_COLUMN + 1
    header = next(row for row in range(1, 30) if sheet.cell(row, column).value == "Amount (USD)")
    first = header + 1
    for offset, line in enumerate(breakdown.lines):
        cell = sheet.cell(first + offset, column)
        assert cell.data_type == "n"
        assert exact(cell.value) == line.gross
        assert cell.number_format == "#,##0.00"
        assert exact(sheet.cell(first + offset, 5).value) == line.quantity
        assert exact(sheet.cell(first + offset, 7).value) == line.unit_price
    last = first + len(breakdown.lines) - 1
    labels = {sheet.cell(row, column - 2).value: row for row in range(last + 1, last + 12)}
    gross_row, total_row = labels["Total before free minutes"], labels["Total"]
    top, bottom = f"H{first}", f"H{last}"
    assert sheet.cell(gross_row, column).value == f"=SUM({top}:{bottom})"
    assert exact(cached.cell(gross_row, column).value) == breakdown.gross
    assert str(sheet.cell(total_row, column).value).startswith("=SUM(")
    assert exact(cached.cell(total_row, column).value) == breakdown.total
    free = labels["Free minutes"]
    assert exact(sheet.cell(free, column).value) == -breakdown.free_amount
    # What the formulas add up to is what is shown: the parts of the total sum to it exactly.
    parts = sheet.cell(total_row, column).value.removeprefix("=SUM(").removesuffix(")")
    summed = sum(exact(cached[ref].value) for ref in parts.split(","))
    assert summed == breakdown.total
    krw = labels["Total in KRW"]
    assert sheet.cell(krw, column).value.startswith("=ROUND(")
    assert cached.cell(krw, column).value == 7347734
    facts = formulas.worksheets[1]
    texts = [cell.value for row in facts.iter_rows() for cell in row if cell.value]
    assert "trtc-intl-2022-06" in texts
    assert any(str(text).startswith("1:1 lessons: 40 rooms a day") for text in texts)
    assert any("https://intl.cloud.tencent.com/document/product/647/42734" in str(t) for t in texts)


def test_xlsx_text_is_never_a_formula(tutoring: Priced, tmp_path: Path) -> None:
    room = structs.replace(tutoring.scenario.rooms[0], label=HOSTILE)
    scenario = structs.replace(tutoring.scenario, rooms=(room,))
    breakdown = price(scenario, tutoring.card)
    document = quote_document(breakdown, scenario, tutoring.card, details(customer=HOSTILE))
    sheet = workbooks(tmp_path, xlsx_bytes(document))[0].worksheets[0]
    hostile = [cell for row in sheet.iter_rows() for cell in row if cell.value == HOSTILE]
    assert len(hostile) == 2  # the customer and the line's room
    assert all(cell.data_type == "s" for cell in hostile)


def test_csv_rows_bom_decimals_and_hostile_text(tutoring: Priced) -> None:
    room = structs.replace(tutoring.scenario.rooms[0], label=HOSTILE)
    scenario = structs.replace(tutoring.scenario, rooms=(room,))
    breakdown = price(scenario, tutoring.card)
    document = quote_document(breakdown, scenario, tutoring.card, details("ko", KOREAN_CUSTOMER))
    data = csv_bytes(document)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1 + len(breakdown.lines)
    header = rows[0]
    with i18n.speaking("ko"):  # the quote's headers, as its language's catalogue has them
        amount, billed = header.index(_("Amount")), header.index(_("Billed"))
        rooms_column = header.index(_("Rooms and tasks"))
    for row, line in zip(rows[1:], breakdown.lines, strict=True):
        assert Decimal(row[amount]) == line.gross
        assert Decimal(row[billed]) == line.quantity
        assert row[-1] == "USD"
    rooms = [row[rooms_column] for row in rows[1:]]
    assert "'" + HOSTILE in rooms
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_safe_text(text: str, safe: str) -> None:
    assert safe_text(text) == safe
