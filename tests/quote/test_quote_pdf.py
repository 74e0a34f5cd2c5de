"""The PDF quote: real text in the shipped font, every figure there, laid out on A4 and Letter."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from msgspec import structs

from estimator_gui import i18n
from estimator_gui.files.resources import CJK_FONT, resource
from estimator_gui.i18n import _, numbers
from estimator_gui.pricing.errors import InputError
from estimator_gui.quote.document import QuoteDocument, quote_document
from estimator_gui.quote.pdf import Letterhead, pdf_bytes
from tests.quote.conftest import (
    CHINESE_CUSTOMER,
    KOREAN_CUSTOMER,
    KRW,
    Priced,
    details,
    pdf_text,
    poppler,
)

LETTERHEAD = Letterhead("Cloud Reseller Ltd.", "1 Example Road\nSeoul 04524")


def write(tmp_path: Path, document: QuoteDocument, page_size: str = "a4") -> Path:
    path = tmp_path / f"quote-{document.language}-{page_size}.pdf"
    path.write_bytes(pdf_bytes(document, LETTERHEAD, page_size))
    return path


def flat(text: str) -> str:
    """The text without line breaks and spaces: a wrapped name reads back whole."""
    return re.sub(r"\s+", "", text)


def fonts(path: Path) -> str:
    result = subprocess.run(
        [poppler("pdffonts"), str(path)], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout


def test_the_shipped_font_is_there() -> None:
    """The product embeds resources/fonts' font; without it no PDF quote can be written."""
    assert resource(*CJK_FONT).is_file(), f"missing {resource(*CJK_FONT)}"


def test_text_holds_total_every_line_and_the_rate_card(tutoring: Priced, tmp_path: Path) -> None:
    breakdown = tutoring.breakdown
    document = quote_document(breakdown, tutoring.scenario, tutoring.card, details(conversion=KRW))
    path = write(tmp_path, document)
    text = pdf_text(path)
    assert "5,304.46" in text  # the total, to the cent
    for line in breakdown.lines:
        assert numbers.format_money(line.gross, "en") in text
    assert "-39.18" in text  # the free minutes
    assert "trtc-intl-2022-06" in text
    assert "June 15, 2022" in text  # the card's effective date, in the footer and at the end
    assert "647/42734" in text  # a source
    assert "₩7,347,734" in text  # the total in KRW, rounded once
    assert "1 USD = 1,385.20 KRW, rate of November 30, 2026" in text
    assert "contract discount" in text  # above 3,000 USD
    assert "1:1 lessons: 40 rooms a day x 22 days x 45 min" in text  # an assumption
    pages = pdf_text(path, "-layout").split("\f")
    count = len([page for page in pages if page.strip()])
    assert f"Page 1 of {count}" in text and f"Page {count} of {count}" in text
    assert "NotoSansCJK" in fonts(path)
    assert re.search(r"^[A-Z]{6}\+NotoSansCJK", fonts(path).splitlines()[2])  # a subset


def test_discount_row(webinar: Priced, tmp_path: Path) -> None:
    document = quote_document(webinar.breakdown, webinar.scenario, webinar.card, details())
    text = pdf_text(write(tmp_path, document))
    assert "Contract discount" in text and "-36.04" in text and "684.79" in text
    assert "can ask sales" not in text  # below the 3,000 USD threshold


@pytest.mark.parametrize(
    ("language", "customer", "date"),
    [("ko", KOREAN_CUSTOMER, "2026년 12월 1일"), ("zh", CHINESE_CUSTOMER, "2026年12月1日")],
)
def test_korean_and_chinese_quotes(
    tutoring: Priced,
    tmp_path: Path,
    restore_language: None,
    language: str,
    customer: str,
    date: str,
) -> None:
    """The quote is written in its own language (dates in that script by Babel; the words too
    where the catalogue translates them), in the one font, and the window's language is back
    afterwards."""
    i18n.set_language("en")
    quote = details(language, customer)
    document = quote_document(tutoring.breakdown, tutoring.scenario, tutoring.card, quote)
    assert i18n.language() == "en"
    path = write(tmp_path, document)
    text = pdf_text(path)
    assert customer in text
    assert date in text
    assert "5,304.46" in text
    i18n.set_language(language)
    translated = i18n._("Unit price")
    i18n.set_language("en")
    assert translated in text  # the heading as the catalogue has it (English when untranslated)
    listed = fonts(path).splitlines()[2:]
    assert len(listed) == 1 and "NotoSansCJK" in listed[0]


@pytest.mark.parametrize("page_size", ["a4", "letter"])
def test_forty_lines_and_a_long_name_lay_out(
    tutoring: Priced, tmp_path: Path, page_size: str
) -> None:
    """40 lines run over pages with the column headings repeated on each; a long customer name
    wraps and comes back whole; the page is the size asked for."""
    name = "대한민국 온라인 교육 플랫폼 주식회사 (서울 본사 및 부산 지사 통합 견적) " * 3
    quote = details("ko", name.strip())
    document = quote_document(tutoring.breakdown, tutoring.scenario, tutoring.card, quote)
    lines = (document.lines * 7)[:40]
    document = structs.replace(document, lines=lines)
    path = write(tmp_path, document, page_size)
    pages = [page for page in pdf_text(path).split("\f") if page.strip()]
    assert len(pages) >= 2
    with i18n.speaking("ko"):  # the quote's words, as its language's catalogue has them
        section, unit, amount = _("Audio/video duration"), _("Unit price"), _("Amount")
        minutes = _("{minutes} min").format(minutes="").strip()
    with_lines = [page for page in pages if section in page]
    assert len(with_lines) >= 2
    for page in with_lines:
        assert unit in page and amount in page
    amounts = sum(page.count(minutes) for page in pages)
    assert amounts >= 40
    assert flat(name) in flat(pdf_text(path))
    info = subprocess.run(
        [poppler("pdfinfo"), str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert ("(A4)" in info) if page_size == "a4" else ("612 x 792 pts (letter)" in info)


def test_a_bad_logo_is_refused_by_name(tutoring: Priced, tmp_path: Path) -> None:
    document = quote_document(tutoring.breakdown, tutoring.scenario, tutoring.card, details())
    logo = tmp_path / "logo.png"
    logo.write_text("not an image")
    with pytest.raises(InputError) as caught:
        pdf_bytes(document, Letterhead("Co", logo=logo))
    assert caught.value.field == "logo" and str(logo) in caught.value.message


def test_a_character_the_font_lacks_is_refused_by_field(tutoring: Priced) -> None:
    """犇 is outside GB2312 and not in the shipped subset: refused, never drawn as a box."""
    quote = details("zh", "上海犇犇科技有限公司")
    document = quote_document(tutoring.breakdown, tutoring.scenario, tutoring.card, quote)
    with pytest.raises(InputError) as caught:
        pdf_bytes(document, LETTERHEAD)
    with i18n.speaking("zh"):  # the field as the quote names it, in the quote's language
        assert caught.value.field == _("Customer")
    assert caught.value.value == "上海犇犇科技有限公司" and caught.value.message.endswith("犇")


def test_a_logo_sits_in_the_letterhead(tutoring: Priced, tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (200, 30, 30)).save(logo)
    document = quote_document(tutoring.breakdown, tutoring.scenario, tutoring.card, details())
    path = tmp_path / "quote.pdf"
    path.write_bytes(pdf_bytes(document, Letterhead("Cloud Reseller Ltd.", logo=logo)))
    listed = subprocess.run(
        [poppler("pdfimages"), "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(listed) == 1 and " 120 " in listed[0] and " 40 " in listed[0]
    assert "Cloud Reseller Ltd." in pdf_text(path)


def test_a_pdf_is_written_where_python_has_no_ssl(tmp_path: Path) -> None:
    """The bundle leaves OpenSSL out: fpdf2 still loads (a stand-in refuses https) and writes."""
    out = tmp_path / "quote.pdf"
    tutoring_file = resource("examples", "tutoring.json")
    probe = (
        "import sys\n"
        "sys.modules['ssl'] = None  # as in the bundle: import ssl fails\n"
        "from estimator_gui.cli import main\n"
        f"sys.exit(main(['quote', {str(tutoring_file)!r}, '--output', {str(out)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
