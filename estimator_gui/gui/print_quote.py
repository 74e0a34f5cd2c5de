"""File > Print quote: the quote document (the one the PDF lays out) as HTML in a QTextDocument,
shown in a print preview and printed from there."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from estimator_gui.i18n import _, numbers
from estimator_gui.pricing.errors import InputError
from estimator_gui.quote.document import QuoteDocument, quote_document
from estimator_gui.quote.pdf import unit_price_text
from estimator_gui.quote.pdf_font import Letterhead

if TYPE_CHECKING:
    from estimator_gui.gui.main_window import MainWindow
    from estimator_gui.gui.quote_actions import QuoteActions

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
_STYLE = """
body { font-size: 9pt; color: #212529; }
h1 { font-size: 18pt; margin: 0; }
h2 { font-size: 12pt; margin-top: 10px; border-bottom: 1px solid #ced4da; }
.muted { color: #6c757d; }
.company { font-size: 14pt; }
th { background: #e9ecef; text-align: left; font-weight: normal; }
.total td { background: #e9ecef; font-size: 11pt; }
.notice { background: #fff3cd; }
"""


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def quote_html(document: QuoteDocument, letterhead: Letterhead) -> str:
    """The quote as HTML: the same sections, words and figures as the PDF, in its language."""
    words, language = document.words, document.language

    def money(value: object) -> str:
        return numbers.format_money(value, language)  # type: ignore[arg-type]

    out = [f"<html><head><style>{_STYLE}</style></head><body>"]
    if letterhead.logo is not None:
        out.append(f'<p><img src="{html.escape(letterhead.logo.as_uri())}" height="60"></p>')
    if letterhead.company:
        out.append(f'<p class="company">{_e(letterhead.company)}</p>')
    if letterhead.address:
        out.append(f'<p class="muted">{_e(letterhead.address)}</p>')
    out.append(f"<h1>{_e(words['quote'])}</h1><p><b>{_e(document.title)}</b></p>")
    if document.details:
        out.append("<table cellpadding='2'>")
        for label, value in document.details:
            out.append(f"<tr><td class='muted'>{_e(label)}</td><td>{_e(value)}</td></tr>")
        out.append("</table>")
    out.append(f"<h2>{_e(words['assumptions'])}</h2><ul>")
    out.extend(f"<li>{_e(sentence)}</li>" for sentence in document.assumptions)
    out.append(f"</ul><h2>{_e(words['lines'])}</h2>")
    out.append("<table width='100%' cellspacing='0' cellpadding='3' border='0'><tr>")
    headings = (
        words["section"],
        words["service"],
        words["tier"],
        words["quantity"],
        words["unit_price"],
        f"{words['amount']} ({document.currency})",
    )
    for index, heading in enumerate(headings):
        align = " align='right'" if index >= 3 else ""
        out.append(f"<th{align}>{_e(heading)}</th>")
    out.append("</tr>")
    thousand = numbers.format_int(1000, language)
    for line in document.lines:
        if line.minutes is not None:
            billed = words["min"].format(
                minutes=numbers.format_decimal(line.minutes, None, language)
            )
        else:
            billed = words["mbps"].format(
                mbps=numbers.format_decimal(line.quantity, None, language)
            )
        per = words["per_thousand"] if line.per_thousand_minutes else words["per_mbps"]
        price = per.format(price=unit_price_text(line.unit_price, language), thousand=thousand)
        service = f"{line.service}\n{line.rooms}" if line.rooms else line.service
        cells = (line.section, service, line.tier, billed, price, money(line.amount))
        out.append(
            "<tr>"
            + "".join(
                f"<td{' align=right' if index >= 3 else ''}>{_e(cell)}</td>"
                for index, cell in enumerate(cells)
            )
            + "</tr>"
        )
    out.append("</table><br><table align='right' cellpadding='3' cellspacing='0'>")
    for row in document.totals:
        css = " class='total'" if row.key == "total" else ""
        out.append(
            f"<tr{css}><td>{_e(row.label)}</td><td class='muted' align='right'>{_e(row.note)}"
            f"</td><td align='right'>{_e(money(row.amount))}</td></tr>"
        )
    if document.conversion is not None and document.converted_total is not None:
        currency = document.conversion.currency
        converted = numbers.format_currency(document.converted_total, currency, language)
        out.append(
            f"<tr><td>{_e(words['in_currency'].format(currency=currency))}</td><td></td>"
            f"<td align='right'>{_e(converted)}</td></tr>"
        )
    out.append("</table><br clear='all'>")
    if document.rate_line:
        out.append(f"<p class='muted' align='right'>{_e(document.rate_line)}</p>")
    if document.contract_notice:
        out.append(f"<p class='notice'>{_e(document.contract_notice)}</p>")
    if document.notices:
        out.append(f"<h2>{_e(words['notices'])}</h2><ul>")
        out.extend(f"<li>{_e(notice)}</li>" for notice in document.notices)
        out.append("</ul>")
    if document.by_service:
        out.append(f"<h2>{_e(words['chart'])}</h2><table cellpadding='2'>")
        for label, amount in sorted(document.by_service, key=lambda item: item[1], reverse=True):
            out.append(f"<tr><td>{_e(label)}</td><td align='right'>{_e(money(amount))}</td></tr>")
        out.append("</table>")
    out.append(f"<h2>{_e(words['rate_card'])}</h2>")
    out.append(
        f"<p>{_e(document.rate_card_title)} ({_e(document.rate_card_id)})<br>"
        f"{_e(words['effective'])}: {_e(document.rate_card_effective)}</p>"
    )
    out.extend(f"<p class='muted'>{_e(source)}</p>" for source in document.sources)
    footer = words["rate_card_footer"].format(
        id=document.rate_card_id, date=document.rate_card_effective, currency=document.currency
    )
    out.append(f"<p class='muted'>{_e(footer)}</p></body></html>")
    return "\n".join(out)


def quote_text_document(window: MainWindow, actions: QuoteActions) -> QTextDocument:
    """The window's quote, in the quote's language, laid out for printing."""
    session = window.session
    document = quote_document(
        session.breakdown, session.scenario, session.rate_card, actions.quote_details()
    )
    text = QTextDocument(window)
    text.setHtml(quote_html(document, actions.letterhead()))
    return text


def printer_for(page_size: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def print_to(printer: QPrinter, window: MainWindow, actions: QuoteActions) -> None:
    text = quote_text_document(window, actions)
    text.print_(printer)
    text.deleteLater()


def preview_quote(window: MainWindow, actions: QuoteActions) -> bool:
    """A print preview of the quote; the user prints from it. False when refused or cancelled."""
    try:
        quote_text_document(window, actions).deleteLater()  # a refusal before the dialog opens
    except InputError as error:
        window.report(_("Cannot print the quote"), error.message)
        return False
    printer = printer_for(actions.defaults().page_size)
    dialog = QPrintPreviewDialog(printer, window)
    dialog.setObjectName("quote_print_preview")
    dialog.setWindowTitle(_("Print quote"))
    dialog.paintRequested.connect(lambda target: print_to(target, window, actions))
    try:
        return bool(dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted)
    finally:
        dialog.deleteLater()
