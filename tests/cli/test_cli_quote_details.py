"""`quote FILE --output` shows the file's own quote details (customer, number, dates, notes, its
second currency); --currency with --rate and --rate-date replaces the currency for one run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from cli_runner import quote

DETAILS = Path(__file__).parent / "data" / "quote_details.json"


def _text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext is missing: apt-get install -y poppler-utils"
    return subprocess.run(
        [tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_pdf_shows_the_file_s_quote_details_and_its_currency(tmp_path: Path) -> None:
    out = tmp_path / "quote.pdf"
    result = quote(DETAILS, "--output", str(out))
    assert result.returncode == 0, result.stderr
    text = _text(out)
    for shown in ("주식회사 에이씨엠이 (ACME Korea)", "Q-2026-0042", "김민지", "December 31, 2026"):
        assert shown in text
    assert "1 USD = 1,385.20 KRW" in text


def test_the_command_line_s_currency_replaces_the_file_s(tmp_path: Path) -> None:
    out = tmp_path / "quote.pdf"
    result = quote(
        DETAILS, "--output", str(out), "--currency", "JPY", "--rate", "155.5",
        "--rate-date", "2026-11-29",
    )
    assert result.returncode == 0, result.stderr
    text = _text(out)
    assert "1 USD = 155.50 JPY" in text and "Total in KRW" not in text
    assert "Q-2026-0042" in text  # the rest of the file's details stay


def test_printing_a_quote_loads_no_document_library() -> None:
    """fpdf2 and XlsxWriter load with the first document of theirs, not for a table."""
    probe = (
        "import io, sys, contextlib\n"
        "from estimator_gui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['quote', {str(DETAILS)!r}])\n"
        "print(code, sorted(m for m in ('fpdf', 'xlsxwriter', 'PIL') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.stdout.strip() == "0 []", result.stderr
