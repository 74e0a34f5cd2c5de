"""What every comparison document shows, once, in its language: PDF, XLSX and CSV read it.

``comparison_document()`` turns a Comparison of priced variants, their Scenarios and the RateCard
into a ComparisonDocument: the variants' names and figures, every line aligned across them with
its difference to the base, the inputs each variant changes in plain words and where the prices
come from. Texts are translated in the document's language (the previous one restored after);
amounts stay exact Decimals, so the three formats cannot disagree about a word or a figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from msgspec import Struct

from estimator_gui.files.quote_details import QuoteDetails
from estimator_gui.i18n import _, numbers
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.compare import (
    Change,
    Comparison,
    InputDifference,
    LineRow,
    input_differences,
)
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Scenario
from estimator_gui.pricing.shares import gross_by
from estimator_gui.quote.compare_out import column_letter
from estimator_gui.quote.compare_words import difference_words
from estimator_gui.quote.document import (
    QuoteDocument,
    contract_notice,
    quote_document,
    service_of,
    speaking,
)
from estimator_gui.quote.names import price_list_name, section_name, service_name, tier_name


class CompareCell(Struct, frozen=True):
    """One figure of one variant: its amount (None: the variant has no such line), the billed
    minutes where the line has them, and the change against the base (None in the base's column
    and where there is nothing to compare)."""

    amount: Decimal | None
    minutes: Decimal | None = None
    change: Change | None = None


class CompareRow(Struct, frozen=True):
    """A line (or a total) across the variants: codes for a spreadsheet, words for a person."""

    codes: tuple[str, str, str]  # section, price list, tier; a total: (key, "", "")
    section: str
    tier: str
    cells: tuple[CompareCell, ...]
    notes: tuple[str, ...] = ()  # per variant, beside a total ("10,000 of 10,000 min")


class VariantColumn(Struct, frozen=True):
    name: str
    letter: str  # A, B, C, D: the column of the variant in a table
    total: Decimal
    total_change: Change
    contract_notice: str  # "" below the contract threshold
    by_service: tuple[tuple[str, Decimal], ...]  # gross by service, in ComparisonDocument.services
    differences: tuple[str, ...]  # the inputs this variant changes in the base, in words


class ComparisonDocument(Struct, frozen=True):
    language: str
    currency: str
    title: str
    variants: tuple[VariantColumn, ...]
    lines: tuple[CompareRow, ...]
    totals: tuple[CompareRow, ...]  # gross, free minutes, discount, total
    services: tuple[str, ...]  # every service any variant bills, for the chart's colours
    base_quote: QuoteDocument  # the base's quote: rate card, sources, the shared words
    words: Mapping[str, str]

    @property
    def rate_card_id(self) -> str:
        return self.base_quote.rate_card_id

    @property
    def rate_card_title(self) -> str:
        return self.base_quote.rate_card_title

    @property
    def rate_card_effective(self) -> str:
        return self.base_quote.rate_card_effective

    @property
    def sources(self) -> tuple[str, ...]:
        return self.base_quote.sources


def comparison_document(
    comparison: Comparison,
    scenarios: Sequence[Scenario],
    card: RateCard,
    language: str,
    inputs: Sequence[Sequence[InputDifference]] | None = None,
    title: str = "",
) -> ComparisonDocument:
    """The document of ``comparison`` in ``language``. ``scenarios`` are the variants' scenarios
    in the comparison's order (the base first); ``inputs`` what each changes in the base (None:
    ``input_differences`` of the scenarios)."""
    if len(scenarios) != len(comparison.variants):
        raise ValueError("comparison_document needs one scenario per variant")
    if inputs is None:
        inputs = [input_differences(scenarios[0], scenario) for scenario in scenarios]
    base = comparison.variants[0]
    base_quote = quote_document(base.breakdown, scenarios[0], card, QuoteDetails(language=language))
    with speaking(language):
        services = _services(comparison)
        variants = tuple(
            VariantColumn(
                name=variant.name,
                letter=column_letter(index),
                total=variant.total,
                total_change=variant.total_change,
                contract_notice=contract_notice(variant.breakdown, language),
                by_service=_by_service(variant.breakdown, services),
                differences=tuple(difference_words(d, scenarios[0]) for d in inputs[index]),
            )
            for index, variant in enumerate(comparison.variants)
        )
        return ComparisonDocument(
            language=language,
            currency=base.breakdown.currency,
            title=title or _("Variants compared"),
            variants=variants,
            lines=tuple(_line_row(row) for row in comparison.rows),
            totals=_totals(comparison, language),
            services=tuple(service_name(code) for code in services),
            base_quote=base_quote,
            words=_words(),
        )


def _line_row(row: LineRow) -> CompareRow:
    key = row.key
    tier = tier_name(key.tier)
    if key.price_list != "standard":
        tier = _("{tier}, {price_list}").format(
            tier=tier, price_list=price_list_name(key.price_list)
        )
    cells = tuple(
        CompareCell(
            amount=None if line is None else line.gross,
            minutes=row.minutes(index),
            change=row.gross_changes[index] if index else None,
        )
        for index, line in enumerate(row.lines)
    )
    return CompareRow(
        (key.section, key.price_list, key.tier), section_name(key.section), tier, cells
    )


def _negated(change: Change) -> Change:
    # A deduction shown as a negative amount: its change flips sign, its percent stays.
    return Change(-change.amount, change.percent)


def _totals(comparison: Comparison, language: str) -> tuple[CompareRow, ...]:
    variants = comparison.variants

    def row(
        key: str, label: str, cells: list[CompareCell], notes: Sequence[str] = ()
    ) -> CompareRow:
        return CompareRow((key, "", ""), label, "", tuple(cells), tuple(notes))

    minutes = _("{used} of {allowance} min")
    rows = [
        row(
            "gross",
            _("Total before free minutes"),
            [
                CompareCell(v.gross, None, v.gross_change if i else None)
                for i, v in enumerate(variants)
            ],
        ),
        row(
            "free_minutes",
            _("Free minutes"),
            [
                CompareCell(-v.free_amount, None, _negated(v.free_amount_change) if i else None)
                for i, v in enumerate(variants)
            ],
            [
                minutes.format(
                    used=numbers.format_int(v.free_minutes_used, language),
                    allowance=numbers.format_int(v.breakdown.free_minutes_allowance, language),
                )
                for v in variants
            ],
        ),
    ]
    if any(v.discount for v in variants):
        rows.append(
            row(
                "discount",
                _("Contract discount"),
                [
                    CompareCell(-v.discount, None, _negated(v.discount_change) if i else None)
                    for i, v in enumerate(variants)
                ],
            )
        )
    rows.append(
        row(
            "total",
            _("Total"),
            [
                CompareCell(v.total, None, v.total_change if i else None)
                for i, v in enumerate(variants)
            ],
        )
    )
    return tuple(rows)


def _services(comparison: Comparison) -> tuple[str, ...]:
    """Every service billed in any variant, in the order first met: one colour each."""
    found: dict[str, None] = {}
    for variant in comparison.variants:
        for code, amount in gross_by(variant.breakdown, service_of).items():
            if amount:
                found.setdefault(code)
    return tuple(found)


def _by_service(breakdown: Breakdown, services: tuple[str, ...]) -> tuple[tuple[str, Decimal], ...]:
    amounts = gross_by(breakdown, service_of)
    return tuple((service_name(code), amounts.get(code, Decimal(0))) for code in services)


def _words() -> dict[str, str]:
    return {
        "title": _("Comparison of variants"),
        "variant": _("Variant"),
        "base": _("base"),
        "line": _("Line"),
        "section": _("Section"),
        "tier": _("Tier"),
        "price_list": _("Price list"),
        "minutes": _("Minutes"),
        "amount": _("Amount"),
        "difference": _("Difference"),
        "difference_percent": _("Difference %"),
        "vs_base": _("{variant} - {base}"),
        "note": _("Note"),
        "total": _("Total"),
        "lines": _("Lines and totals side by side ({currency})"),
        "changes": _("What each variant changes"),
        "changes_of": _("{variant} changes:"),
        "nothing": _("nothing"),
        "totals_chart": _("Total of each variant"),
        "split_chart": _("Each variant's amount by service (before free minutes)"),
        "notices": _("Contract notices"),
        "sheet_compare": _("Comparison"),
        "sheet_inputs": _("Inputs and sources"),
        "min": _("{minutes} min"),
        "missing": _("not in this variant"),
    }
