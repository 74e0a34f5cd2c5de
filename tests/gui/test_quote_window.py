"""The quote from the window: details typed into their dialog (with undo, saved with the file),
and the PDF, XLSX and CSV exported from File > Export quote equal what the command line writes
from the saved file; refusals named in the dialog; a failed export leaves no file."""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from msgspec.structs import replace
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QWidget
from tests_gui_cli import CLI
from tests_gui_paths import TUTORING

from estimator_gui.files.quote_details import Conversion, QuoteDetails
from estimator_gui.files.scenario_io import read_scenario_file
from estimator_gui.gui.quote_dialog import QuoteDetailsDialog
from estimator_gui.gui.settings import AppSettings
from estimator_gui.i18n import numbers

TOTAL = "5,304.46"  # tutoring.json on its card, as the breakdown table shows it


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def while_modal(qtbot, act: Callable[[QWidget], None]) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Run ``act`` on the modal dialog the next step opens, as a person would, once it shows."""
    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, poll)
    return seen


def type_details(qtbot, fields: dict[str, str], currency: str = "USD"):  # type: ignore[no-untyped-def]
    """Fill the Quote details dialog field by field with the keyboard, then click OK."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QuoteDetailsDialog)
        dialog.currency.setCurrentText(currency)  # USD leaves the rate fields disabled
        for key, text in fields.items():
            edit = dialog.edits[key]
            edit.selectAll()
            qtbot.keyClick(edit, Qt.Key.Key_Delete)
            qtbot.keyClicks(edit, text)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    return act


DETAILS = {
    "customer": "Han River Academy",
    "quote_number": "Q-2026-118",
    "sales_person": "Jiwoo Park",
    "quote_date": "2026-12-01",
    "valid_until": "2026-12-31",
    "notes": "Prices for December",
}
EXPECTED = QuoteDetails(
    customer="Han River Academy",
    quote_number="Q-2026-118",
    sales_person="Jiwoo Park",
    quote_date=datetime.date(2026, 12, 1),
    valid_until=datetime.date(2026, 12, 31),
    notes="Prices for December",
)


def edit_details(window, qtbot, fields=DETAILS, currency="USD"):  # type: ignore[no-untyped-def]
    while_modal(qtbot, type_details(qtbot, fields, currency))
    return window.files.quotes.details_action.trigger()


def test_details_typed_into_the_dialog_are_one_undo_entry(window, qtbot):
    assert window.session.details is None and not window.session.modified
    edit_details(window, qtbot)
    session = window.session
    assert session.details == EXPECTED
    assert session.modified
    assert window.undo_action.text() == "&Undo Change the quote details"
    window.undo_action.trigger()
    assert session.details is None
    assert not session.modified
    window.redo_action.trigger()
    assert session.details == EXPECTED


def test_a_new_quote_starts_with_today_and_the_default_sales_person(window, qtbot):
    seen = while_modal(qtbot, lambda dialog: dialog.reject())
    window.files.quotes.details_action.trigger()
    dialog = seen[0]
    assert dialog.edits["quote_date"].text() == datetime.date.today().isoformat()
    assert dialog.language.currentData() == "en"
    assert window.session.details is None  # cancelled: nothing changed
    assert window.session.undo_stack.count() == 0


def test_a_korean_window_s_first_quote_is_in_korean(make_window, qtbot, tmp_path):
    """No quote language chosen yet: the quote speaks the window's language; one chosen in
    Settings or a quote's details stays chosen whatever the window speaks."""
    from estimator_gui.gui.app import build_window
    from estimator_gui.gui.language import apply_language

    settings = AppSettings(tmp_path / "settings.ini")
    window = build_window(TUTORING, settings=settings, language="ko")
    qtbot.addWidget(window)
    try:
        seen = while_modal(qtbot, lambda dialog: dialog.reject())
        window.files.quotes.details_action.trigger()
        assert seen[0].language.currentData() == "ko"
        settings.set_quote_defaults(replace(settings.quote_defaults(), language="zh"))
        seen = while_modal(qtbot, lambda dialog: dialog.reject())
        window.files.quotes.details_action.trigger()
        assert seen[0].language.currentData() == "zh"
    finally:
        apply_language("en")


@pytest.mark.parametrize(
    ("fields", "currency", "named"),
    [
        ({"rate": "0", "rate_date": "2026-11-30"}, "KRW", ("Rate", "\u201c0\u201d", "above 0")),
        ({"rate": "-3", "rate_date": "2026-11-30"}, "KRW", ("Rate", "\u201c-3\u201d", "above 0")),
        ({"rate": "1385.20", "rate_date": ""}, "KRW", ("Rate date", "(empty)", "with a rate")),
        ({"rate": "", "rate_date": "2026-11-30"}, "KRW", ("Rate", "(empty)", "KRW one USD buys")),
        ({"rate": "abc", "rate_date": "2026-11-30"}, "EUR", ("Rate", "\u201cabc\u201d", "number")),
        (
            {"quote_date": "2026-12-01", "valid_until": "2026-11-20"},
            "USD",
            ("Valid until", "\u201c2026-11-20\u201d", "before the quote date 2026-12-01"),
        ),
        ({"quote_date": "1.12.2026"}, "USD", ("Quote date", "\u201c1.12.2026\u201d", "YYYY-MM-DD")),
    ],
)
def test_bad_input_is_refused_in_the_dialog_naming_field_value_and_rule(
    window, qtbot, fields, currency, named
):
    outcome: dict[str, object] = {}

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QuoteDetailsDialog)
        type_details(qtbot, {"customer": "Keep me", **fields}, currency)(dialog)
        outcome["open"] = dialog.isVisible()  # OK was clicked: still open
        outcome["error"] = dialog.error.text() if dialog.error.isVisible() else ""
        outcome["kept"] = {key: dialog.edits[key].text() for key in ("customer", *fields)}
        dialog.reject()

    while_modal(qtbot, act)
    window.files.quotes.details_action.trigger()
    assert outcome["open"] is True
    for part in named:
        assert part in outcome["error"]
    assert outcome["kept"] == {"customer": "Keep me", **fields}  # nothing typed is lost
    assert window.session.details is None
    assert window.session.undo_stack.count() == 0


def test_details_round_trip_through_save_and_open(make_window, qtbot, tmp_path):
    window = make_window(TUTORING)
    edit_details(window, qtbot, {**DETAILS, "rate": "1,385.20", "rate_date": "2026-11-30"}, "KRW")
    conversion = Conversion("KRW", Decimal("1385.20"), datetime.date(2026, 11, 30))
    assert window.session.details.conversion == conversion
    saved = tmp_path / "academy.json"
    assert window.save_file(saved)
    assert not window.session.modified
    assert read_scenario_file(saved).details == window.session.details
    other = make_window(TUTORING)
    assert other.open_file(saved)
    assert other.session.details == window.session.details
    assert not other.session.modified
    other.undo_action.trigger()  # an open starts a fresh history: nothing to undo
    assert other.session.details.conversion == conversion


def _export(window, monkeypatch, path: Path, chosen: str) -> bool:  # type: ignore[no-untyped-def]
    """File > Export quote with the save dialog answered: ``path`` and the filter ``chosen``."""
    asked: list[str] = []

    def get_save(_parent, _caption, _start, filters, *_args):  # type: ignore[no-untyped-def]
        asked.append(filters)
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    window.files.quotes.export_action.trigger()
    assert asked and all(f in asked[0] for f in ("*.pdf", "*.xlsx", "*.csv"))
    return True


@pytest.fixture
def saved_quote(make_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window = make_window(TUTORING)
    edit_details(window, qtbot, {**DETAILS, "rate": "1385.2", "rate_date": "2026-11-30"}, "KRW")
    saved = tmp_path / "academy.json"
    assert window.save_file(saved)
    return window, saved


def test_the_pdf_from_the_window_equals_the_command_lines(saved_quote, monkeypatch, tmp_path):
    window, saved = saved_quote
    # A name without an extension takes the chosen filter's.
    _export(window, monkeypatch, tmp_path / "from-window", "PDF document (*.pdf)")
    ours = tmp_path / "from-window.pdf"
    assert ours.is_file()
    assert window.statusBar().currentMessage() == f"Quote written to {ours}"
    result = CLI.quote(saved, "--output", str(tmp_path / "cli.pdf"))
    assert result.returncode == 0, result.stderr
    text = pdf_text(ours)
    assert text == pdf_text(tmp_path / "cli.pdf")
    # Converted exactly, rounded once half up to whole won.
    won = (window.session.breakdown.total * Decimal("1385.2")).quantize(Decimal(1), ROUND_HALF_UP)
    for shown in (TOTAL, "Han River Academy", "Q-2026-118", "1 USD = 1,385.20 KRW", f"{won:,}"):
        assert shown in text
    for line in window.session.breakdown.lines:
        assert f"{line.gross:,.2f}" in text


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_xlsx_and_csv_from_the_window_equal_the_command_lines(
    saved_quote, monkeypatch, tmp_path, suffix
):
    window, saved = saved_quote
    ours = tmp_path / f"from-window{suffix}"
    _export(window, monkeypatch, ours, "PDF document (*.pdf)")  # the extension typed wins
    theirs = tmp_path / f"cli{suffix}"
    assert CLI.quote(saved, "--output", str(theirs)).returncode == 0
    if suffix == ".csv":
        assert ours.read_bytes() == theirs.read_bytes()
        rows = list(csv.DictReader(io.StringIO(ours.read_text("utf-8-sig"))))
        assert [Decimal(row["Amount"]) for row in rows] == [
            line.gross for line in window.session.breakdown.lines
        ]  # exact, one row per line
        return
    a, b = openpyxl.load_workbook(ours), openpyxl.load_workbook(theirs)
    assert a.sheetnames == b.sheetnames
    for name in a.sheetnames:
        cells_a = [[c.value for c in row] for row in a[name].iter_rows()]
        cells_b = [[c.value for c in row] for row in b[name].iter_rows()]
        assert cells_a == cells_b
    values = [c.value for row in a[a.sheetnames[0]].iter_rows() for c in row]
    assert any(isinstance(v, (int, float)) and f"{v:.2f}" == "2550.41" for v in values)


@pytest.mark.parametrize("where", ["missing/folder/q.pdf", "a-file/q.pdf"])
def test_an_export_that_cannot_be_written_says_why_and_leaves_no_file(
    window, tmp_path, no_modal_dialogs, where
):
    (tmp_path / "a-file").write_text("not a folder")
    target = tmp_path / where
    before = sorted(p.name for p in tmp_path.rglob("*"))
    window.show()
    assert not window.files.quotes.export_to(target)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    ((title, text),) = no_modal_dialogs
    assert title == "Cannot export the quote"
    assert str(target) in text
    assert "cannot be written" in text
    assert ("No such file or directory" in text) or ("Not a directory" in text)


def test_an_unknown_extension_is_refused_by_name(window, tmp_path, no_modal_dialogs):
    window.show()
    assert not window.files.quotes.export_to(tmp_path / "q.docx")
    assert not (tmp_path / "q.docx").exists()
    assert ".pdf, .xlsx, .csv" in no_modal_dialogs[0][1]


def test_the_quote_language_is_its_own(saved_quote, qtbot, monkeypatch, tmp_path):
    window, _saved = saved_quote
    edit_details(window, qtbot, {"rate": "1385.2", "rate_date": "2026-11-30"}, "KRW")

    def to_korean(dialog: QWidget) -> None:
        dialog.language.setCurrentIndex(dialog.language.findData("ko"))
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    while_modal(qtbot, to_korean)
    window.files.quotes.details_action.trigger()
    assert window.session.details.language == "ko"
    ours = tmp_path / "ko.pdf"
    assert window.files.quotes.export_to(ours)
    text = pdf_text(ours)
    # In Korean: its dates in Korean notation (Babel's, whatever the catalogue holds).
    assert numbers.format_date(datetime.date(2026, 12, 1), "ko") in text and TOTAL in text
    assert window.files.quotes.export_action.text() == "&Export quote\u2026"  # window: English
