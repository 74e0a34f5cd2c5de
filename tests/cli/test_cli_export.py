"""`quote FILE --output OUT.pdf|OUT.xlsx|OUT.csv`: documents from the command line, without Qt;
anything refused exits 2 with one line on stderr and leaves no file."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from cli_runner import EXAMPLES, quote

TUTORING = EXAMPLES / "tutoring.json"


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext is missing: apt-get install -y poppler-utils"
    result = subprocess.run([tool, str(path), "-"], capture_output=True, check=True, timeout=60)
    return result.stdout.decode("utf-8")


def test_pdf_with_a_second_currency_on_letter(tmp_path: Path) -> None:
    out = tmp_path / "quote.pdf"
    result = quote(
        TUTORING,
        "--output",
        str(out),
        "--currency",
        "KRW",
        "--rate",
        "1385.20",
        "--rate-date",
        "2026-11-30",
        "--page-size",
        "letter",
        "--language",
        "en",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    text = pdf_text(out)
    assert "5,304.46" in text and "trtc-intl-2022-06" in text
    assert "₩7,347,734" in text
    assert "1 USD = 1,385.20 KRW, rate of November 30, 2026, entered by the sales person" in text


def test_pdf_in_korean(tmp_path: Path) -> None:
    """--language ko writes the quote in Korean (dates by Babel in Korean at least)."""
    out = tmp_path / "quote.pdf"
    result = quote(
        TUTORING,
        "--output",
        str(out),
        "--language",
        "ko",
        "--currency",
        "JPY",
        "--rate",
        "151.3",
        "--rate-date",
        "2026-11-30",
    )
    assert result.returncode == 0, result.stderr
    assert "2026년 11월 30일" in pdf_text(out)


def test_xlsx_and_csv(tmp_path: Path) -> None:
    xlsx, csv = tmp_path / "quote.xlsx", tmp_path / "quote.csv"
    assert quote(TUTORING, "--output", str(xlsx)).returncode == 0
    assert quote(TUTORING, "--output", str(csv)).returncode == 0
    values = openpyxl.load_workbook(xlsx, data_only=True).worksheets[0]
    numbers = [cell.value for row in values.iter_rows() for cell in row]
    assert 5304.4572 in numbers  # the total's cached value, exact
    data = csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"2550.408" in data


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--output", "{tmp}/quote.docx"], "--output: '{tmp}/quote.docx' has no quote extension"),
        (["--output", "{tmp}/no/such/folder/quote.pdf"], "cannot be written"),
        (["--output", "{tmp}/q.pdf", "--currency", "KRW", "--rate", "1385"], "--rate-date"),
        (
            ["--output", "{tmp}/q.pdf", "--currency", "KRW", "--rate-date", "2026-11-30"],
            "--rate-date: '2026-11-30' needs --rate",
        ),
        (
            [
                "--output",
                "{tmp}/q.pdf",
                "--currency",
                "KRW",
                "--rate",
                "-2",
                "--rate-date",
                "2026-11-30",
            ],
            "--rate: '-2' must be a number above 0",
        ),
        (
            [
                "--output",
                "{tmp}/q.pdf",
                "--currency",
                "KRW",
                "--rate",
                "x",
                "--rate-date",
                "2026-11-30",
            ],
            "--rate: 'x' must be a number above 0",
        ),
        (
            [
                "--output",
                "{tmp}/q.pdf",
                "--currency",
                "KRW",
                "--rate",
                "1385",
                "--rate-date",
                "30.11.2026",
            ],
            "is not a date written YYYY-MM-DD",
        ),
        (["--output", "{tmp}/q.pdf", "--currency", "GBP"], "--currency: 'GBP' is not one of"),
        (["--output", "{tmp}/q.pdf", "--page-size", "b5"], "--page-size: 'b5' is not one of"),
        (["--currency", "KRW", "--rate", "1385", "--rate-date", "2026-11-30"], "needs --output"),
    ],
)
def test_refused_in_one_line_and_no_file(tmp_path: Path, options: list[str], words: str) -> None:
    given = [option.replace("{tmp}", str(tmp_path)) for option in options]
    result = quote(TUTORING, *given, "--language", "en")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert words.replace("{tmp}", str(tmp_path)) in lines[0]
    assert os.listdir(tmp_path) == []
