"""The PDF quote (fpdf2): letterhead, details, assumptions, lines, totals, chart, footer.

All text is real text in the one font the app ships (resources/fonts, CJK and Latin alike),
embedded as a subset, so a quote reads and copies the same on any machine and stays small. The
chart is drawn with fpdf2's own rectangles and text. Floats appear only here, at drawing time.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from estimator_gui.i18n import _, numbers
from estimator_gui.pricing.errors import InputError, Verbatim
from estimator_gui.quote.document import QuoteDocument, QuoteLine
from estimator_gui.quote.export import PAGE_SIZES
from estimator_gui.quote.fpdf_support import FPDF, FontFace, WrapMode, XPos, YPos
from estimator_gui.quote.pdf_font import Letterhead, check_glyphs, drawn_characters, font_path

__all__ = ["FONT", "PAGE_SIZES", "Letterhead", "pdf_bytes", "unit_price_text"]

FONT = "quote"
MARGIN = 15.0  # mm
FOOTER_HEIGHT = 16.0
INK = (33, 37, 41)
MUTED = (108, 117, 125)
RULE = (206, 212, 218)
HEADING_FILL = (233, 236, 239)
BAR = (52, 116, 196)
NOTICE_FILL = (255, 243, 205)
# Column widths of the line table, in parts of the text width.
LINE_COLUMNS = (18, 28, 14, 14, 16, 12)


class _QuotePdf(FPDF):
    def __init__(self, document: QuoteDocument, letterhead: Letterhead, page_size: str) -> None:
        super().__init__(unit="mm", format=PAGE_SIZES[page_size])
        self.document = document
        # WORD breaks at spaces and splits a run of CJK text with none where it must.
        self.wrap = WrapMode.WORD
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + FOOTER_HEIGHT)
        # Only the characters this quote draws: reading the widths of the font's 19,000 glyphs
        # took a third of a quote's time. The ranges cover what Babel writes around the text.
        self.add_font(FONT, fname=font_path(), unicode_range=drawn_characters(document, letterhead))
        self.set_font(FONT, size=9)
        self.set_text_color(*INK)
        self.set_title(document.title)
        self.set_creator("TRTC price estimator")
        self.set_lang(document.language)

    def multi_cell(self, *args: Any, **kwargs: Any) -> Any:
        # fpdf2 justifies by default: a line with a long URL or a CJK run then gets wide gaps.
        kwargs.setdefault("align", "L")
        return super().multi_cell(*args, **kwargs)

    def footer(self) -> None:
        document = self.document
        self.set_y(-(MARGIN + FOOTER_HEIGHT - 4))
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)
        self.set_font(FONT, size=7)
        self.set_text_color(*MUTED)
        card = document.words["rate_card_footer"].format(
            id=document.rate_card_id,
            date=document.rate_card_effective,
            currency=document.currency,
        )
        sources = ", ".join(source.split(":", 1)[0] for source in document.sources)
        page = document.words["page"].format(page=self.page_no(), pages="{nb}")
        width = self.epw - 30
        self.multi_cell(
            width, 3.4, f"{card}\n{document.words['sources']}: {sources}", wrapmode=self.wrap
        )
        self.set_xy(self.w - self.r_margin - 30, -(MARGIN + FOOTER_HEIGHT - 5.5))
        self.cell(30, 3.4, page, align="R")
        self.set_text_color(*INK)


def pdf_bytes(document: QuoteDocument, letterhead: Letterhead, page_size: str = "a4") -> bytes:
    """The quote as PDF bytes, on A4 or US Letter (``page_size`` ``a4`` or ``letter``)."""
    if page_size not in PAGE_SIZES:
        raise InputError(
            "page_size",
            page_size,
            _("is not one of {choices}").format(choices=", ".join(PAGE_SIZES)),
            code="unknown_choice",
        )
    pdf = _QuotePdf(document, letterhead, page_size)
    check_glyphs(pdf, FONT, document, letterhead)
    pdf.add_page()
    _letterhead(pdf, letterhead)
    _details(pdf)
    _assumptions(pdf)
    _lines(pdf)
    _totals(pdf)
    _notices(pdf)
    _chart(pdf)
    _provenance(pdf)
    return bytes(pdf.output())


def _money(pdf: _QuotePdf, value: Decimal) -> str:
    return numbers.format_money(value, pdf.document.language)


def _heading(pdf: _QuotePdf, text: str, room: float = 20) -> None:
    """A section heading, moved to the next page with ``room`` mm of what follows it."""
    if pdf.get_y() + 8 + room > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FONT, size=12)
    pdf.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=pdf.wrap)
    pdf.set_draw_color(*RULE)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(1.5)
    pdf.set_font(FONT, size=9)


def _letterhead(pdf: _QuotePdf, letterhead: Letterhead) -> None:
    top = pdf.get_y()
    text_width = pdf.epw
    if letterhead.logo is not None:
        try:
            info = pdf.image(str(letterhead.logo), h=16, x=pdf.w - pdf.r_margin - 40, y=top)
        except Exception as error:  # fpdf2 and Pillow raise many kinds for a bad image
            raise InputError(
                "logo",
                Verbatim(repr(str(letterhead.logo))),  # the whole path, however long
                _("cannot be read as a PNG or JPEG image"),
                code="bad_logo",
            ) from error
        text_width = pdf.epw - max(40.0, float(info.rendered_width)) - 4
        pdf.set_xy(pdf.l_margin, top)
    if letterhead.company:
        pdf.set_font(FONT, size=14)
        pdf.multi_cell(
            text_width,
            6.5,
            letterhead.company,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=pdf.wrap,
        )
    if letterhead.address:
        pdf.set_font(FONT, size=8.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(
            text_width,
            4,
            letterhead.address,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=pdf.wrap,
        )
        pdf.set_text_color(*INK)
    if letterhead.logo is not None:
        pdf.set_y(max(pdf.get_y(), top + 17))
    pdf.ln(4)


def _details(pdf: _QuotePdf) -> None:
    document = pdf.document
    pdf.set_font(FONT, size=18)
    pdf.multi_cell(0, 8.5, document.words["quote"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=11)
    pdf.multi_cell(0, 5.5, document.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=pdf.wrap)
    pdf.ln(2)
    pdf.set_font(FONT, size=9)
    if not document.details:
        return
    with pdf.table(
        col_widths=(1, 3),
        first_row_as_headings=False,
        borders_layout="NONE",
        text_align=("LEFT", "LEFT"),
        line_height=4.6,
        wrapmode=pdf.wrap,
        padding=(0.6, 1),
        align="LEFT",
    ) as table:
        for label, value in document.details:
            row = table.row()
            row.cell(label, style=FontFace(color=MUTED))
            row.cell(value)


def _assumptions(pdf: _QuotePdf) -> None:
    document = pdf.document
    _heading(pdf, document.words["assumptions"])
    for sentence in document.assumptions:
        pdf.set_x(pdf.l_margin)
        pdf.cell(4, 4.6, "\u2022")
        pdf.multi_cell(
            pdf.epw - 4, 4.6, sentence, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=pdf.wrap
        )
        pdf.ln(0.8)


def _line_cells(pdf: _QuotePdf, line: QuoteLine) -> tuple[str, ...]:
    words, language = pdf.document.words, pdf.document.language
    if line.minutes is not None:
        billed = words["min"].format(minutes=numbers.format_decimal(line.minutes, None, language))
    else:
        billed = words["mbps"].format(mbps=numbers.format_decimal(line.quantity, None, language))
    price = unit_price_text(line.unit_price, language)
    per = words["per_thousand"] if line.per_thousand_minutes else words["per_mbps"]
    service = f"{line.service}\n{line.rooms}" if line.rooms else line.service
    return (
        line.section,
        service,
        line.tier,
        billed,
        per.format(price=price, thousand=numbers.format_int(1000, language)),
        _money(pdf, line.amount),
    )


def unit_price_text(price: Decimal, language: str) -> str:
    """A list price with every digit it has, at least to the cent (``0.50``, ``1.2564``)."""
    exponent = price.normalize().as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return numbers.format_decimal(price, places, language)


def _lines(pdf: _QuotePdf) -> None:
    document = pdf.document
    words = document.words
    _heading(pdf, words["lines"], room=30)
    pdf.set_font(FONT, size=8)
    headings = (
        words["section"],
        words["service"],
        words["tier"],
        words["quantity"],
        words["unit_price"],
        f"{words['amount']} ({document.currency})",
    )
    with pdf.table(
        col_widths=LINE_COLUMNS,
        text_align=("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"),
        headings_style=FontFace(emphasis="NONE", fill_color=HEADING_FILL),
        borders_layout="HORIZONTAL_LINES",
        line_height=4,
        wrapmode=pdf.wrap,
        padding=(1, 1.2),
        repeat_headings=1,
        v_align="TOP",
    ) as table:
        table.row(headings)
        for line in document.lines:
            table.row(_line_cells(pdf, line))
    pdf.set_font(FONT, size=9)


def _totals(pdf: _QuotePdf) -> None:
    document = pdf.document
    rows: list[tuple[str, str, str]] = [
        (row.label, row.note, _money(pdf, row.amount)) for row in document.totals
    ]
    if document.conversion is not None and document.converted_total is not None:
        rows.append(
            (
                document.words["in_currency"].format(currency=document.conversion.currency),
                "",
                numbers.format_currency(
                    document.converted_total, document.conversion.currency, document.language
                ),
            )
        )
    if pdf.get_y() + 6 * len(rows) + 4 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(2)
    with pdf.table(
        col_widths=(3, 2, 2),
        width=pdf.epw * 0.7,
        align="RIGHT",
        first_row_as_headings=False,
        borders_layout="NONE",
        text_align=("LEFT", "RIGHT", "RIGHT"),
        line_height=5,
        wrapmode=pdf.wrap,
        padding=(0.6, 1.2),
    ) as table:
        for index, (label, note, amount) in enumerate(rows):
            total = document.totals[min(index, len(document.totals) - 1)].key == "total"
            style = FontFace(size_pt=11, fill_color=HEADING_FILL) if total else None
            row = table.row(style=style)
            row.cell(label)
            row.cell(note, style=FontFace(color=MUTED))
            row.cell(amount)
    if document.rate_line:
        pdf.set_font(FONT, size=8)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(
            0,
            4,
            document.rate_line,
            align="R",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=pdf.wrap,
        )
        pdf.set_text_color(*INK)
        pdf.set_font(FONT, size=9)


def _notices(pdf: _QuotePdf) -> None:
    document = pdf.document
    if document.contract_notice:
        pdf.ln(3)
        pdf.set_fill_color(*NOTICE_FILL)
        pdf.multi_cell(
            0,
            5,
            document.contract_notice,
            fill=True,
            padding=2,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=pdf.wrap,
        )
    if not document.notices:
        return
    _heading(pdf, document.words["notices"])
    pdf.set_font(FONT, size=8.5)
    for notice in document.notices:
        pdf.cell(4, 4.4, "\u2022")
        pdf.multi_cell(
            pdf.epw - 4, 4.4, notice, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=pdf.wrap
        )
        pdf.ln(0.6)
    pdf.set_font(FONT, size=9)


def _chart(pdf: _QuotePdf) -> None:
    """Horizontal bars of the gross by service, longest to scale, each with its amount."""
    document = pdf.document
    bars = sorted(document.by_service, key=lambda item: item[1], reverse=True)
    if not bars:
        return
    bar_height, gap = 5.0, 2.0
    _heading(pdf, document.words["chart"], room=len(bars) * (bar_height + gap))
    pdf.set_font(FONT, size=8)
    label_width = min(55.0, max(pdf.get_string_width(label) for label, _ in bars) + 3)
    amount_width = max(pdf.get_string_width(_money(pdf, amount)) for _, amount in bars) + 3
    left = pdf.l_margin + label_width
    span = pdf.epw - label_width - amount_width
    largest = float(max(amount for _, amount in bars))
    for label, amount in bars:
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_width - 2, bar_height, label, align="R")
        length = span * float(amount) / largest if largest > 0 else 0.0
        pdf.set_fill_color(*BAR)
        pdf.rect(left, y + 0.6, max(length, 0.3), bar_height - 1.2, style="F")
        pdf.set_xy(left + length + 1.5, y)
        pdf.cell(amount_width, bar_height, _money(pdf, amount))
        pdf.set_y(y + bar_height + gap)
    pdf.set_draw_color(*MUTED)
    pdf.line(left, pdf.get_y() - len(bars) * (bar_height + gap), left, pdf.get_y() - gap)
    pdf.set_font(FONT, size=9)


def _provenance(pdf: _QuotePdf) -> None:
    document = pdf.document
    _heading(pdf, document.words["rate_card"])
    pdf.set_font(FONT, size=8)
    pdf.multi_cell(
        0,
        4,
        f"{document.rate_card_title} ({document.rate_card_id})\n"
        f"{document.words['effective']}: {document.rate_card_effective}",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
        wrapmode=pdf.wrap,
    )
    pdf.ln(1)
    pdf.set_text_color(*MUTED)
    for source in document.sources:
        pdf.multi_cell(0, 3.8, source, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=pdf.wrap)
    pdf.set_text_color(*INK)
