"""The breakdown on the clipboard: tab-separated text for a spreadsheet and an HTML table for an
e-mail, in the window's language, each line and total as the table shows it."""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel

from estimator_gui.gui.breakdown_model import BreakdownTableModel
from estimator_gui.gui.locale_format import format_decimal, format_int, format_money
from estimator_gui.i18n import _
from estimator_gui.pricing.breakdown import Breakdown


def breakdown_rows(model: BreakdownTableModel, breakdown: Breakdown) -> list[list[str]]:
    """The header, one row per line (the table's own texts), then the totals under Net."""
    columns = model.columnCount()
    header = [str(model.headerData(column, Qt.Orientation.Horizontal)) for column in range(columns)]
    rows = [header]
    for line in range(model.rowCount()):
        rows.append([str(model.index(line, column).data() or "") for column in range(columns)])
    totals: list[tuple[str, str, str]] = [
        (_("Total before free minutes"), "", format_money(breakdown.gross)),
        (
            _("Free minutes"),
            _("{used} of {allowance} min").format(
                used=format_int(breakdown.free_minutes_used),
                allowance=format_int(breakdown.free_minutes_allowance),
            ),
            format_money(-breakdown.free_amount),
        ),
    ]
    if breakdown.discount_percent:
        totals.append(
            (
                _("Contract discount"),
                _("{percent}%").format(percent=format_decimal(breakdown.discount_percent)),
                format_money(-breakdown.discount),
            )
        )
    totals.append(
        (
            _("Total"),
            breakdown.currency,
            format_money(breakdown.total),
        )
    )
    for label, note, amount in totals:
        cells = [""] * columns
        cells[0], cells[1], cells[-1] = label, note, amount
        rows.append(cells)
    return rows


def _tsv_cell(text: str) -> str:
    # A tab or line break inside a cell would shift every cell after it in the spreadsheet.
    return " ".join(text.replace("\t", " ").splitlines())


def breakdown_text(rows: list[list[str]]) -> str:
    return "".join("\t".join(_tsv_cell(cell) for cell in row) + "\n" for row in rows)


def breakdown_html(rows: list[list[str]], numeric: frozenset[int], title: str = "") -> str:
    """An HTML table: numbers right-aligned, the total row bold."""
    parts = ['<meta charset="utf-8">']
    if title:
        parts.append(f"<p><b>{html.escape(title)}</b></p>")
    parts.append('<table border="1" cellspacing="0" cellpadding="3">')
    for index, row in enumerate(rows):
        tag = "th" if index == 0 else "td"
        cells = []
        for column, cell in enumerate(row):
            align = ' align="right"' if column in numeric else ""
            text = html.escape(cell).replace("\n", "<br>")
            if index == len(rows) - 1 and text:
                text = f"<b>{text}</b>"
            cells.append(f"<{tag}{align}>{text}</{tag}>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table>")
    return "\n".join(parts) + "\n"


def _plain_mime_data() -> QMimeData:
    """An empty QMimeData made by Qt itself, not by Python.

    A QMimeData made in Python is a PySide subclass whose destructor calls back into Python; the
    clipboard deletes what it holds after the interpreter has gone, and that crashed the process
    at exit (seen offscreen: exit code 139). An item model's mimeData() is a plain QMimeData.
    """
    model = QStandardItemModel()
    model.appendRow(QStandardItem())
    mime = model.mimeData([model.index(0, 0)])
    for kind in mime.formats():
        mime.removeFormat(kind)
    return mime


def breakdown_mime(model: BreakdownTableModel, breakdown: Breakdown, title: str = "") -> QMimeData:
    """text/plain (tab-separated) and text/html (a table) of the breakdown shown in ``model``."""
    rows = breakdown_rows(model, breakdown)
    mime = _plain_mime_data()
    mime.setText(breakdown_text(rows))
    mime.setHtml(breakdown_html(rows, model.NUMERIC, title))
    return mime


def copy_breakdown(model: BreakdownTableModel, breakdown: Breakdown, title: str = "") -> None:
    """Put the breakdown on the system clipboard (it owns the data from then on)."""
    QGuiApplication.clipboard().setMimeData(breakdown_mime(model, breakdown, title))
