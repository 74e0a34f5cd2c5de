"""The PDF comparison (fpdf2): variants side by side on landscape A4, charts, changes, sources.

It is laid out on the quote's own page (``pdf._QuotePdf``: the shipped font as a subset, the
footer with the rate card and page numbers), turned to landscape: up to four variant columns,
each with its difference to the base. The charts are fpdf2 rectangles and text; floats appear
only here, at drawing time.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from msgspec import structs

from estimator_gui.i18n import _, numbers
from estimator_gui.pricing.errors import InputError
from estimator_gui.quote.compare_document import CompareCell, CompareRow, ComparisonDocument
from estimator_gui.quote.compare_out import signed_change
from estimator_gui.quote.fpdf_support import FontFace, PageOrientation, Row, TTFFont, XPos, YPos
from estimator_gui.quote.pdf import (
    BAR,
    FONT,
    HEADING_FILL,
    MUTED,
    NOTICE_FILL,
    Letterhead,
    _heading,
    _provenance,
    _QuotePdf,
)

PDF_VARIANTS_MAX = 4  # columns that fit a landscape A4 page with their differences
LINE_WIDTH = 44.0  # mm, the column naming the line
# One colour per service in the split chart, reused in order past the eighth.
SERVICE_COLOURS = (
    (52, 116, 196),
    (230, 126, 34),
    (46, 160, 67),
    (155, 89, 182),
    (231, 76, 60),
    (22, 160, 160),
    (241, 196, 15),
    (127, 140, 141),
)
LOSS = (192, 57, 43)


def _texts(document: ComparisonDocument) -> Iterator[tuple[str, str]]:
    """Every text the comparison draws beside the base quote's, with the field it comes from."""
    yield "title", document.title
    for index, variant in enumerate(document.variants):
        yield f"variants[{index}].name", variant.name
        for text in variant.differences:
            yield f"variants[{index}].differences", text
        yield "contract_notice", variant.contract_notice
    for row in (*document.lines, *document.totals):
        yield "lines", f"{row.section} {row.tier} {' '.join(row.notes)}"
    yield "services", " ".join(document.services)
    yield "words", " ".join(document.words.values())


def _check_glyphs(pdf: _QuotePdf, document: ComparisonDocument) -> None:
    """Refuse a name with a character the shipped font lacks, rather than draw a box."""
    font = pdf.fonts[FONT]
    cmap = font.cmap if isinstance(font, TTFFont) else {}
    for field, text in _texts(document):
        missing = "".join(dict.fromkeys(c for c in text if ord(c) not in cmap and c.isprintable()))
        if missing:
            raise InputError(
                field,
                text,
                _("has characters the quote's font cannot draw: {characters}").format(
                    characters=" ".join(missing)
                ),
                code="no_glyph",
            )


def comparison_pdf_bytes(document: ComparisonDocument) -> bytes:
    """The comparison as PDF bytes on landscape A4; at most PDF_VARIANTS_MAX variants."""
    count = len(document.variants)
    if count > PDF_VARIANTS_MAX:
        raise InputError(
            "variants",
            count,
            _("are too many for a PDF side by side: at most {limit}; write .xlsx or .csv").format(
                limit=PDF_VARIANTS_MAX
            ),
            code="too_many",
            limit=PDF_VARIANTS_MAX,
        )
    # The quote's page carries the font subset of every character it draws: the comparison's
    # texts ride along in the base quote's assumptions, which that subset is made from.
    carrier = structs.replace(
        document.base_quote,
        title=document.title,
        assumptions=tuple(text for _field, text in _texts(document)),
    )
    pdf = _QuotePdf(carrier, Letterhead(), "a4")
    _check_glyphs(pdf, document)
    # Every page landscape, the ones fpdf2 and the headings add as well.
    pdf.def_orientation = PageOrientation.LANDSCAPE
    pdf.add_page()
    pdf.set_font(FONT, size=18)
    pdf.multi_cell(0, 8.5, document.words["title"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=11)
    pdf.multi_cell(0, 5.5, document.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=pdf.wrap)
    pdf.set_font(FONT, size=9)
    _table(pdf, document)
    _notices(pdf, document)
    _totals_chart(pdf, document)
    _split_chart(pdf, document)
    _changes(pdf, document)
    _provenance(pdf)
    return bytes(pdf.output())


def _money(document: ComparisonDocument, cell: CompareCell, note: str = "") -> str:
    if cell.amount is None:
        return "-"
    text = numbers.format_money(cell.amount, document.language)
    if note:
        return f"{text}\n{note}"
    if cell.minutes is not None:
        minutes = numbers.format_decimal(cell.minutes, None, document.language)
        return f"{text}\n{document.words['min'].format(minutes=minutes)}"
    return text


def _table(pdf: _QuotePdf, document: ComparisonDocument) -> None:
    words = document.words
    _heading(pdf, words["lines"].format(currency=document.currency), room=40)
    others = len(document.variants) - 1
    amount_width = 32.0
    rest = (pdf.epw - LINE_WIDTH - amount_width) / others if others else 0.0
    widths = [LINE_WIDTH, amount_width]
    for _other in range(others):
        widths += [rest * 0.5, rest * 0.5]
    pdf.set_font(FONT, size=8)
    heading = FontFace(emphasis="NONE", fill_color=HEADING_FILL)
    with pdf.table(
        col_widths=widths,
        width=sum(widths),
        text_align=("LEFT", *["RIGHT"] * (len(widths) - 1)),
        headings_style=heading,
        num_heading_rows=2,
        borders_layout="HORIZONTAL_LINES",
        line_height=3.8,
        wrapmode=pdf.wrap,
        padding=(1, 1.2),
        repeat_headings=1,
        v_align="TOP",
    ) as table:
        names = table.row()
        names.cell(words["line"], rowspan=2, align="LEFT")
        base = document.variants[0]
        for index, variant in enumerate(document.variants):
            names.cell(f"{variant.letter}  {variant.name}", colspan=2 if index else 1)
        figures = table.row()
        figures.cell(words["amount"])
        for variant in document.variants[1:]:
            figures.cell(words["amount"])
            figures.cell(words["vs_base"].format(variant=variant.letter, base=base.letter))
        for row in document.lines:
            _row(table.row(), document, row)
        for row in document.totals:
            total = row.codes[0] == "total"
            style = FontFace(size_pt=10, fill_color=HEADING_FILL) if total else None
            _row(table.row(style=style), document, row)
    pdf.set_font(FONT, size=9)


def _row(out: Row, document: ComparisonDocument, row: CompareRow) -> None:
    cell = out.cell
    cell(f"{row.section}\n{row.tier}" if row.tier else row.section)
    for index, figures in enumerate(row.cells):
        cell(_money(document, figures, row.notes[index] if row.notes else ""))
        if index:
            moved = signed_change(figures.change, document.language)
            cell(moved.replace(" (", "\n("), style=FontFace(color=_tint(figures)))


def _tint(cell: CompareCell) -> tuple[int, int, int]:
    """Red for a higher amount, the muted ink for anything else: a rise is what a customer asks
    about first."""
    return LOSS if cell.change is not None and cell.change.amount > 0 else MUTED


def _notices(pdf: _QuotePdf, document: ComparisonDocument) -> None:
    notices = [
        f"{variant.letter}  {variant.name}: {variant.contract_notice}"
        for variant in document.variants
        if variant.contract_notice
    ]
    if not notices:
        return
    pdf.ln(3)
    pdf.set_fill_color(*NOTICE_FILL)
    pdf.multi_cell(
        0,
        4.6,
        "\n".join(notices),
        fill=True,
        padding=2,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
        wrapmode=pdf.wrap,
    )


def _labels(pdf: _QuotePdf, document: ComparisonDocument) -> tuple[list[str], float]:
    labels = [f"{variant.letter}  {variant.name}" for variant in document.variants]
    width = min(70.0, max(pdf.get_string_width(label) for label in labels) + 3)
    return labels, width


def _totals_chart(pdf: _QuotePdf, document: ComparisonDocument) -> None:
    """One bar per variant's total, to one scale, each with its amount and its change."""
    bar_height, gap = 5.0, 1.5
    _heading(pdf, document.words["totals_chart"], room=len(document.variants) * (bar_height + gap))
    pdf.set_font(FONT, size=8)
    labels, label_width = _labels(pdf, document)
    base = document.variants[0]
    texts = [
        numbers.format_money(variant.total, document.language) for variant in document.variants
    ]
    for index, variant in enumerate(document.variants[1:], start=1):
        moved = signed_change(variant.total_change, document.language)
        if moved:
            against = document.words["vs_base"].format(variant=variant.letter, base=base.letter)
            texts[index] += f"    {against}: {moved}"
    text_width = max(pdf.get_string_width(text) for text in texts) + 3
    left = pdf.l_margin + label_width
    span = pdf.epw - label_width - text_width
    largest = float(max(*(variant.total for variant in document.variants), Decimal(0)))
    for label, text, variant in zip(labels, texts, document.variants, strict=True):
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_width - 2, bar_height, label, align="R")
        length = span * float(variant.total) / largest if largest > 0 else 0.0
        pdf.set_fill_color(*BAR)
        pdf.rect(left, y + 0.8, max(length, 0.3), bar_height - 1.6, style="F")
        pdf.set_xy(left + max(length, 0.3) + 1.5, y)
        pdf.cell(text_width, bar_height, text)
        pdf.set_y(y + bar_height + gap)
    pdf.set_font(FONT, size=9)


def _split_chart(pdf: _QuotePdf, document: ComparisonDocument) -> None:
    """One stacked bar per variant: its gross by service, to one scale, a legend below."""
    bar_height, gap = 5.0, 1.5
    rows = len(document.variants)
    _heading(pdf, document.words["split_chart"], room=rows * (bar_height + gap) + 12)
    pdf.set_font(FONT, size=8)
    labels, label_width = _labels(pdf, document)
    sums = [
        sum((amount for _name, amount in variant.by_service), Decimal(0))
        for variant in document.variants
    ]
    texts = [numbers.format_money(amount, document.language) for amount in sums]
    text_width = max(pdf.get_string_width(text) for text in texts) + 3
    left = pdf.l_margin + label_width
    span = pdf.epw - label_width - text_width
    largest = float(max(*sums, Decimal(0)))
    for label, text, variant in zip(labels, texts, document.variants, strict=True):
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_width - 2, bar_height, label, align="R")
        x = left
        for index, (_name, amount) in enumerate(variant.by_service):
            length = span * float(amount) / largest if largest > 0 and amount > 0 else 0.0
            if length <= 0:
                continue
            pdf.set_fill_color(*SERVICE_COLOURS[index % len(SERVICE_COLOURS)])
            pdf.rect(x, y + 0.8, length, bar_height - 1.6, style="F")
            x += length
        pdf.set_xy(x + 1.5, y)
        pdf.cell(text_width, bar_height, text)
        pdf.set_y(y + bar_height + gap)
    # The legend: a swatch and the service's name, wrapped across the page.
    x, y = left, pdf.get_y() + 1
    for index, name in enumerate(document.services):
        width = pdf.get_string_width(name) + 8
        if x + width > pdf.w - pdf.r_margin:
            x, y = left, y + 5
        pdf.set_fill_color(*SERVICE_COLOURS[index % len(SERVICE_COLOURS)])
        pdf.rect(x, y + 1, 3, 3, style="F")
        pdf.set_xy(x + 4, y)
        pdf.cell(width - 4, 5, name)
        x += width + 2
    pdf.set_xy(pdf.l_margin, y + 5.5)
    pdf.set_font(FONT, size=9)


def _changes(pdf: _QuotePdf, document: ComparisonDocument) -> None:
    words = document.words
    _heading(pdf, words["changes"])
    for variant in document.variants[1:]:
        pdf.set_font(FONT, size=9.5)
        title = words["changes_of"].format(variant=f"{variant.letter}  {variant.name}")
        pdf.multi_cell(0, 5, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=pdf.wrap)
        pdf.set_font(FONT, size=8.5)
        for text in variant.differences or (words["nothing"],):
            pdf.set_x(pdf.l_margin + 3)
            pdf.cell(4, 4.4, "\u2022")
            pdf.multi_cell(
                pdf.epw - 7, 4.4, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=pdf.wrap
            )
        pdf.ln(0.8)
    pdf.set_font(FONT, size=9)
