"""Write a comparison of variants to a file, PDF, XLSX or CSV by its extension, atomically.

The CSV has one row per line (and total) and variant: the variant, the line in words and codes,
its minutes, amount, difference and percent against the base; UTF-8 with a BOM, exact decimals
with a point, every text made safe against formula injection as the quote's CSV does.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from estimator_gui.files.atomic import write_bytes_atomic
from estimator_gui.i18n import _
from estimator_gui.pricing.compare import Comparison, InputDifference
from estimator_gui.pricing.errors import InputError, Verbatim
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Scenario
from estimator_gui.quote.compare_document import ComparisonDocument, comparison_document
from estimator_gui.quote.csv_out import safe_text
from estimator_gui.quote.export import quote_format
from estimator_gui.quote.tabular import plain


def comparison_csv_bytes(document: ComparisonDocument) -> bytes:
    words = document.words
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    headings = (
        words["variant"],
        words["section"],
        words["tier"],
        "section",
        "price_list",
        "tier",
        words["minutes"],
        words["amount"],
        words["difference"],
        words["difference_percent"],
        document.base_quote.words["currency"],
    )
    writer.writerow(safe_text(heading) for heading in headings)
    for row in (*document.lines, *document.totals):
        for index, (variant, cell) in enumerate(zip(document.variants, row.cells, strict=True)):
            change = cell.change
            minutes = row.notes[index] if row.notes else cell.minutes
            writer.writerow(
                [
                    *(safe_text(text) for text in (variant.name, row.section, row.tier)),
                    *row.codes,
                    minutes
                    if isinstance(minutes, str)
                    else ""
                    if minutes is None
                    else plain(minutes),
                    "" if cell.amount is None else plain(cell.amount),
                    "" if change is None else plain(change.amount),
                    "" if change is None or change.percent is None else plain(change.percent),
                    document.currency,
                ]
            )
    return out.getvalue().encode("utf-8-sig")


def comparison_bytes(document: ComparisonDocument, suffix: str) -> bytes:
    """The document in the format of ``suffix`` (``.pdf``, ``.xlsx`` or ``.csv``); fpdf2 and
    XlsxWriter load with the first document of theirs."""
    from estimator_gui.quote.compare_pdf import comparison_pdf_bytes
    from estimator_gui.quote.compare_xlsx import comparison_xlsx_bytes

    writers: dict[str, Callable[[ComparisonDocument], bytes]] = {
        ".pdf": comparison_pdf_bytes,
        ".xlsx": comparison_xlsx_bytes,
        ".csv": comparison_csv_bytes,
    }
    return writers[suffix](document)


def write_comparison(
    path: Path,
    comparison: Comparison,
    scenarios: Sequence[Scenario],
    card: RateCard,
    language: str,
    inputs: Sequence[Sequence[InputDifference]] | None = None,
    title: str = "",
) -> None:
    """Write ``comparison`` to ``path`` as PDF, XLSX or CSV, by its extension, in ``language``.

    ``scenarios`` are the variants' scenarios in order (the base first); ``inputs`` what each
    changes in the base (None: worked out from the scenarios). The whole document is made in
    memory, then written through ``write_bytes_atomic``: a refusal (an unknown extension, more
    variants than a PDF holds, a character the font lacks) or a failed write raises InputError
    naming the field or the path, and leaves no file and an older file as it was.
    """
    path = Path(path)
    suffix = quote_format(path)
    document = comparison_document(comparison, scenarios, card, language, inputs, title)
    data = comparison_bytes(document, suffix)
    try:
        write_bytes_atomic(path, data)
    except OSError as failure:
        raise InputError(
            "output",
            Verbatim(repr(str(path))),  # the whole path, however long
            _("cannot be written: {reason}").format(reason=failure.strerror or repr(failure)),
            code="cannot_write",
        ) from failure
