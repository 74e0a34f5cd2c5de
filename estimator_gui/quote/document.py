"""What every quote document shows, once, in the quote's language: PDF, XLSX and CSV read it.

``quote_document()`` turns a Breakdown, its Scenario, the RateCard and the QuoteDetails into a
QuoteDocument: every text already translated (``_()`` in the quote's language, the previous
language restored afterwards), every amount still an exact Decimal. The writers only lay it out
and format numbers with ``numbers`` in ``document.language``, so the three formats cannot
disagree about a word or a figure.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal

from msgspec import Struct

from estimator_gui import i18n
from estimator_gui.files.quote_details import Conversion, QuoteDetails
from estimator_gui.i18n import _, numbers
from estimator_gui.pricing.breakdown import PER_THOUSAND_MINUTES, Breakdown, Line, Usage
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Scenario
from estimator_gui.pricing.shares import gross_by
from estimator_gui.quote.assumptions import assumptions
from estimator_gui.quote.currency import check_conversion, convert, rate_line
from estimator_gui.quote.names import price_list_name, section_name, service_name, tier_name
from estimator_gui.quote.notices import notice_text

# Tiers that say nothing beside their price list (relay, a value-added service's "per minute").
_LIST_ONLY_TIERS = ("relay", "standard")


class QuoteLine(Struct, frozen=True):
    """One billed line: words translated, figures exact (``amount`` is the line's gross)."""

    section: str
    service: str  # the services the line bills, in words
    tier: str
    rooms: str  # the labels of the rooms and tasks it comes from, as the user typed them
    minutes: Decimal | None  # None for a line billed by bandwidth
    quantity: Decimal  # billed minutes, or Mbps
    per_thousand_minutes: bool  # unit_price is per 1,000 minutes (else per Mbps)
    unit_price: Decimal
    amount: Decimal


class TotalRow(Struct, frozen=True):
    """A row under the lines: its words, its signed amount, and a note (``10,000 of 10,000``)."""

    key: str  # gross, free_minutes, discount, total: what the row is, for the spreadsheet
    label: str
    amount: Decimal
    note: str = ""


class QuoteDocument(Struct, frozen=True):
    language: str
    currency: str
    title: str
    customer: str
    details: tuple[tuple[str, str], ...]  # (label, value) pairs, empty ones left out
    assumptions: tuple[str, ...]
    lines: tuple[QuoteLine, ...]
    totals: tuple[TotalRow, ...]  # gross, free minutes, [discount,] total
    total: Decimal
    contract_notice: str  # "" below the contract threshold
    notices: tuple[str, ...]
    by_service: tuple[tuple[str, Decimal], ...]  # gross by service, for the chart
    rate_card_id: str
    rate_card_title: str
    rate_card_effective: str  # in the quote's date notation
    sources: tuple[str, ...]
    conversion: Conversion | None
    converted_total: Decimal | None
    rate_line: str  # "" without a conversion
    words: Mapping[str, str]  # headings and templates the writers lay out


speaking = i18n.speaking  # the quote's own language inside a block, the window's after


def quote_document(
    breakdown: Breakdown, scenario: Scenario, card: RateCard, details: QuoteDetails
) -> QuoteDocument:
    """The document of a priced scenario in ``details.language``."""
    if details.conversion is not None:
        check_conversion(details.conversion)
    with speaking(details.language):
        return _document(breakdown, scenario, card, details, details.language)


def _document(
    breakdown: Breakdown,
    scenario: Scenario,
    card: RateCard,
    details: QuoteDetails,
    language: str,
) -> QuoteDocument:
    conversion = details.conversion
    converted = None if conversion is None else convert(breakdown.total, conversion)
    title = scenario.title or _("Price estimate")
    return QuoteDocument(
        language=language,
        currency=breakdown.currency,
        title=title,
        customer=details.customer,
        details=_details(details, language),
        assumptions=tuple(assumptions(scenario, card, language)),
        lines=tuple(_line(line) for line in breakdown.lines),
        totals=_totals(breakdown, language),
        total=breakdown.total,
        contract_notice=contract_notice(breakdown, language),
        notices=tuple(
            notice_text(notice, lambda value: numbers.format_int(value, language))
            for notice in breakdown.notices
        ),
        by_service=_by_service(breakdown),
        rate_card_id=card.id,
        rate_card_title=card.title,
        rate_card_effective=_date_text(card.effective, language),
        sources=tuple(
            _("{id}: {title}, page of {date}, {url}").format(
                id=source.id, title=source.title, date=source.date, url=source.url
            )
            for source in card.sources
        ),
        conversion=conversion,
        converted_total=converted,
        rate_line="" if conversion is None else rate_line(conversion, language),
        words=_words(),
    )


def _details(details: QuoteDetails, language: str) -> tuple[tuple[str, str], ...]:
    pairs = (
        (_("Customer"), details.customer),
        (_("Quote number"), details.quote_number),
        (_("Sales person"), details.sales_person),
        (_("Quote date"), _date(details.quote_date, language)),
        (_("Valid until"), _date(details.valid_until, language)),
        (_("Notes"), details.notes),
    )
    return tuple((label, value) for label, value in pairs if value)


def _date(value: datetime.date | None, language: str) -> str:
    return "" if value is None else numbers.format_date(value, language)


def _date_text(value: str, language: str) -> str:
    """A date the card writes ``YYYY-MM-DD`` in the quote's notation; other text as it is."""
    try:
        return numbers.format_date(datetime.date.fromisoformat(value), language)
    except ValueError:
        return value


def _line(line: Line) -> QuoteLine:
    if line.tier in _LIST_ONLY_TIERS:
        tier = price_list_name(line.price_list)
    elif line.price_list != "standard":
        tier = _("{tier}, {price_list}").format(
            tier=tier_name(line.tier), price_list=price_list_name(line.price_list)
        )
    else:
        tier = tier_name(line.tier)
    labels = dict.fromkeys(usage.label for usage in line.usages if usage.label)
    return QuoteLine(
        section=section_name(line.section),
        service=", ".join(service_name(service) for service in line.services)
        or section_name(line.section),
        tier=tier,
        rooms=", ".join(labels),
        minutes=line.minutes,
        quantity=line.quantity,
        per_thousand_minutes=line.per == PER_THOUSAND_MINUTES,
        unit_price=line.unit_price,
        amount=line.gross,
    )


def _totals(breakdown: Breakdown, language: str) -> tuple[TotalRow, ...]:
    rows = [
        TotalRow("gross", _("Total before free minutes"), breakdown.gross),
        TotalRow(
            "free_minutes",
            _("Free minutes"),
            -breakdown.free_amount,
            _("{used} of {allowance} min").format(
                used=numbers.format_int(breakdown.free_minutes_used, language),
                allowance=numbers.format_int(breakdown.free_minutes_allowance, language),
            ),
        ),
    ]
    if breakdown.discount_percent:
        rows.append(
            TotalRow(
                "discount",
                _("Contract discount"),
                -breakdown.discount,
                _("{percent}%").format(
                    percent=numbers.format_decimal(breakdown.discount_percent, None, language)
                ),
            )
        )
    rows.append(TotalRow("total", _("Total"), breakdown.total))
    return tuple(rows)


def contract_notice(breakdown: Breakdown, language: str) -> str:
    """The sentence a month at the contract threshold gets; "" below it."""
    if not breakdown.contract_discount_eligible:
        return ""
    return _(
        "The month reaches {threshold} {currency}: the customer can ask sales for a contract "
        "discount."
    ).format(
        threshold=numbers.format_money(breakdown.contract_threshold, language),
        currency=breakdown.currency,
    )


def service_of(line: Line, usage: Usage | None) -> str:
    """The service a usage bills (a line without usages: its section)."""
    return usage.service if usage is not None else line.section


def _by_service(breakdown: Breakdown) -> tuple[tuple[str, Decimal], ...]:
    amounts = gross_by(breakdown, service_of)
    return tuple((service_name(service), amount) for service, amount in amounts.items() if amount)


def _words() -> dict[str, str]:
    return {
        "quote": _("Quote"),
        "assumptions": _("Assumptions"),
        "lines": _("Billed items"),
        "section": _("Section"),
        "service": _("Service"),
        "tier": _("Tier"),
        "rooms": _("Rooms and tasks"),
        "minutes": _("Minutes"),
        "quantity": _("Billed"),
        "unit_price": _("Unit price"),
        "unit": _("Unit"),
        "amount": _("Amount"),
        "currency": _("Currency"),
        "chart": _("Amounts by service (before free minutes)"),
        "notices": _("Notes on this estimate"),
        "rate_card": _("Rate card"),
        "sources": _("Sources"),
        "in_currency": _("Total in {currency}"),
        "converted": _("Total converted"),
        "rate": _("Rate"),
        "value": _("Value"),
        "item": _("Item"),
        "rate_card_footer": _("Rate card {id}, effective {date}. Prices in {currency}."),
        "effective": _("Effective"),
        "page": _("Page {page} of {pages}"),
        "per_thousand": _("{price} per {thousand} min"),
        "per_mbps": _("{price} per Mbps"),
        "min": _("{minutes} min"),
        "mbps": _("{mbps} Mbps"),
        "assumptions_sheet": _("Assumptions"),
        "quote_sheet": _("Quote"),
    }
