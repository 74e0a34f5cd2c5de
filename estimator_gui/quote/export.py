"""Write a quote document to a file, the format chosen by its extension, atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from estimator_gui.files.atomic import write_bytes_atomic
from estimator_gui.files.quote_details import QuoteDetails
from estimator_gui.i18n import _
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.errors import InputError, Verbatim
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Scenario
from estimator_gui.quote.csv_out import csv_bytes
from estimator_gui.quote.document import QuoteDocument, quote_document

if TYPE_CHECKING:
    from estimator_gui.quote.pdf_font import Letterhead

# The paper a PDF quote is laid out on (quote/pdf.py reads the same table). fpdf2 and XlsxWriter
# load when a document of theirs is first written: `quote` printing a table never loads them.
PAGE_SIZES = {"a4": "A4", "letter": "Letter"}

EXTENSIONS = (".pdf", ".xlsx", ".csv")


def _path(path: Path) -> Verbatim:
    """A path named whole in a message (the core shortens a long value otherwise)."""
    return Verbatim(repr(str(path)))


def quote_format(path: Path) -> str:
    """The format ``path`` asks for by its extension (``.pdf``, ``.xlsx``, ``.csv``, any case);
    InputError naming the path and the extensions allowed otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise InputError(
            "output",
            _path(path),
            _("has no quote extension: use {extensions}").format(extensions=", ".join(EXTENSIONS)),
            code="unknown_extension",
        )
    return suffix


def check_page_size(page_size: str) -> None:
    if page_size not in PAGE_SIZES:
        raise InputError(
            "page_size",
            page_size,
            _("is not one of {choices}").format(choices=", ".join(PAGE_SIZES)),
            code="unknown_choice",
        )


def quote_bytes(
    document: QuoteDocument, suffix: str, letterhead: Letterhead, page_size: str
) -> bytes:
    from estimator_gui.quote.pdf import pdf_bytes
    from estimator_gui.quote.xlsx import xlsx_bytes

    writers: dict[str, Callable[[], bytes]] = {
        ".pdf": lambda: pdf_bytes(document, letterhead, page_size),
        ".xlsx": lambda: xlsx_bytes(document),
        ".csv": lambda: csv_bytes(document),
    }
    return writers[suffix]()


def write_quote(
    path: Path,
    breakdown: Breakdown,
    scenario: Scenario,
    card: RateCard,
    details: QuoteDetails,
    letterhead: Letterhead | None = None,
    page_size: str = "a4",
) -> None:
    """Write the quote of a priced scenario to ``path`` as PDF, XLSX or CSV, by its extension.

    The whole document is made in memory first and then written through ``write_bytes_atomic``:
    a refusal or a failed write (a read-only folder, a full disk) raises InputError naming the
    path and leaves no file, and an older file at ``path`` as it was.
    """
    path = Path(path)
    suffix = quote_format(path)
    check_page_size(page_size)
    document = quote_document(breakdown, scenario, card, details)
    if letterhead is None:
        from estimator_gui.quote.pdf_font import Letterhead

        letterhead = Letterhead()
    data = quote_bytes(document, suffix, letterhead, page_size)
    try:
        write_bytes_atomic(path, data)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(
            "output",
            _path(path),
            _("cannot be written: {reason}").format(reason=reason),
            code="cannot_write",
        ) from error
