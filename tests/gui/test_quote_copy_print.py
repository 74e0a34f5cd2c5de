"""The quote leaves the window by the clipboard (tab-separated text and an HTML table) and by the
printer (a preview, then the same words and figures as the PDF); the letterhead and defaults are
typed once and remembered."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from tests_gui_paths import TUTORING

from estimator_gui.gui.app import build_window
from estimator_gui.gui.locale_format import format_money
from estimator_gui.gui.quote_dialog import LetterheadDialog, QuoteDetailsDialog
from estimator_gui.gui.settings import AppSettings, QuoteDefaults
from estimator_gui.i18n import numbers

TOTAL = "5,304.46"


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def on_modal(act) -> None:  # type: ignore[no-untyped-def]
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
        else:
            act(dialog)

    QTimer.singleShot(0, poll)


def click_ok(qtbot, dialog: QWidget) -> None:  # type: ignore[no-untyped-def]
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_ctrl_c_on_the_breakdown_table_copies_text_and_html(window, qtbot):
    QGuiApplication.clipboard().clear()
    window.show()
    qtbot.waitExposed(window)
    table = window.breakdown_table
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert {"text/plain", "text/html"} <= set(mime.formats())
    lines = mime.text().splitlines()
    breakdown = window.session.breakdown
    assert lines[0].split("\t")[0] == "Section"
    assert len(lines) == 1 + len(breakdown.lines) + 3  # header, lines, gross, free, total
    for row, line in zip(lines[1:], breakdown.lines, strict=False):
        cells = row.split("\t")
        assert cells[5] == format_money(line.gross) and cells[7] == format_money(line.net)
    assert lines[-1].split("\t") == ["Total", "USD", "", "", "", "", "", TOTAL]
    html = mime.html()
    assert "<table" in html and f"<b>{TOTAL}</b>" in html
    assert html.count("<tr>") == len(lines)


def test_edit_copy_quote_speaks_the_windows_language(window, qtbot):
    assert window.change_language("ko")
    window.files.quotes.copy_action.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    header = mime.text().splitlines()[0]
    assert any("\uac00" <= ch <= "\ud7a3" for ch in header)  # Hangul
    assert TOTAL in mime.text() and TOTAL in mime.html()
    assert window.session.scenario.title in mime.html()
    assert window.change_language("en")


def test_the_printed_quote_holds_the_pdfs_figures(window, tmp_path):
    from estimator_gui.gui.print_quote import print_to

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    print_to(printer, window, window.files.quotes)
    exported = tmp_path / "exported.pdf"
    assert window.files.quotes.export_to(exported)
    words = " ".join(pdf_text(printed).split())
    pdf = " ".join(pdf_text(exported).split())
    card = window.session.rate_card
    for shown in (TOTAL, card.id, "Assumptions", "Billed items", "Free minutes", "Total"):
        assert shown in words and shown in pdf
    for line in window.session.breakdown.lines:
        assert f"{line.gross:,.2f}" in words


def test_file_print_quote_opens_a_preview(window, qtbot, monkeypatch):
    pages: list[int] = []

    def close(dialog: QWidget) -> None:
        assert isinstance(dialog, QPrintPreviewDialog)
        pages.append(dialog.windowTitle() == "Print quote")
        dialog.reject()

    on_modal(close)
    assert window.files.quotes.print_action.text() == "&Print quote\u2026"
    assert window.files.quotes.print_quote() is False  # closed without printing
    assert pages == [True]


def test_letterhead_and_defaults_are_typed_once_and_remembered(qtbot, tmp_path):
    ini = tmp_path / "settings.ini"
    window = build_window(TUTORING, settings=AppSettings(ini))
    qtbot.addWidget(window)
    logo = tmp_path / "missing.png"

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, LetterheadDialog)
        qtbot.keyClicks(dialog.company, "Seoul Cloud Sales Ltd")
        qtbot.keyClicks(dialog.address, "12 Teheran-ro")
        qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.address, "Seoul")
        qtbot.keyClicks(dialog.sales_person, "Jiwoo Park")
        qtbot.keyClicks(dialog.logo, str(logo))
        dialog.language.setCurrentIndex(dialog.language.findData("zh"))
        dialog.page_size.setCurrentIndex(dialog.page_size.findData("letter"))
        click_ok(qtbot, dialog)
        refused.append(dialog.error.text() if dialog.isVisible() else "")
        dialog.logo.clear()  # the logo is optional: without it OK takes
        click_ok(qtbot, dialog)

    refused: list[str] = []
    on_modal(fill)
    assert window.files.quotes.edit_defaults()
    assert refused == [f"Logo: \u201c{logo}\u201d does not exist or is not a file"]
    remembered = AppSettings(ini).quote_defaults()
    assert remembered == QuoteDefaults(
        company="Seoul Cloud Sales Ltd",
        address="12 Teheran-ro\nSeoul",
        sales_person="Jiwoo Park",
        language="zh",
        page_size="letter",
    )
    seen: list[tuple[str, str, str]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, QuoteDetailsDialog)
        seen.append(
            (
                dialog.edits["sales_person"].text(),
                dialog.language.currentData(),
                dialog.edits["quote_date"].text(),
            )
        )
        click_ok(qtbot, dialog)

    on_modal(look)
    assert window.files.quotes.edit_details()
    assert seen == [("Jiwoo Park", "zh", datetime.date.today().isoformat())]
    exported = tmp_path / "letter.pdf"
    assert window.files.quotes.export_to(exported)
    info = subprocess.run(["pdfinfo", str(exported)], capture_output=True, text=True).stdout
    assert "612 x 792 pts" in info  # US Letter, from the defaults
    text = pdf_text(exported)
    assert "Seoul Cloud Sales Ltd" in text and "Teheran-ro" in text
    # The quote in Chinese (its dates in Chinese notation), the window in English.
    assert numbers.format_date(datetime.date.today(), "zh") in text
    assert window.files.quotes.export_action.text() == "&Export quote\u2026"
