"""The quote's font: the CJK font the app ships, the characters a quote draws, and a refusal for
a character the font lacks (fpdf2 would draw a box or nothing in its place)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from msgspec import Struct, structs

from estimator_gui.files.resources import CJK_FONT, resource
from estimator_gui.i18n import _
from estimator_gui.pricing.errors import InputError
from estimator_gui.quote.document import QuoteDocument
from estimator_gui.quote.fpdf_support import FPDF, TTFFont


class Letterhead(Struct, frozen=True):
    """The seller at the top of a PDF quote; empty parts are left off."""

    company: str = ""
    address: str = ""  # one or more lines
    logo: Path | None = None  # a PNG or JPEG


def font_path() -> Path:
    return resource(*CJK_FONT)


# Characters numbers, dates and the layout may draw besides the document's own texts: ASCII,
# Latin-1, general punctuation (bullets), currency signs, CJK punctuation, full-width forms.
_BASE_RANGES: tuple[tuple[int, int], ...] = (
    (0x20, 0x7E),
    (0xA0, 0xFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x3000, 0x303F),
    (0xFF00, 0xFFEF),
)


def drawn_characters(
    document: QuoteDocument, letterhead: Letterhead
) -> list[int | tuple[int, int]]:
    """Every character the quote can draw: its texts (walked field by field) and the ranges
    numbers and dates are written in."""
    found: set[int] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.update(map(ord, value))
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif isinstance(value, Mapping):
            for item in value.values():
                walk(item)
        elif isinstance(value, Struct):
            for item in structs.fields(value):
                walk(getattr(value, item.name))

    walk(document)
    walk((letterhead.company, letterhead.address))
    return [*_BASE_RANGES, *sorted(found)]


def check_glyphs(pdf: FPDF, font_key: str, document: QuoteDocument, letterhead: Letterhead) -> None:
    """Refuse a text with a character the shipped font lacks (a rare hanzi outside GB2312): the
    quote would show a box or nothing where the customer's name is."""
    font = pdf.fonts[font_key]
    cmap = font.cmap if isinstance(font, TTFFont) else {}
    texts = [
        ("letterhead.company", letterhead.company),
        ("letterhead.address", letterhead.address),
        ("title", document.title),
        *[(label, value) for label, value in document.details],
        *[("label", line.rooms) for line in document.lines],
        *[("assumptions", sentence) for sentence in document.assumptions],
    ]
    for name, text in texts:
        missing = "".join(dict.fromkeys(c for c in text if ord(c) not in cmap and c.isprintable()))
        if missing:
            raise InputError(
                name,
                text,
                _("has characters the quote's font cannot draw: {characters}").format(
                    characters=" ".join(missing)
                ),
                code="no_glyph",
            )
