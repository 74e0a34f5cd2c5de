"""The self-test's quote documents: PDF, XLSX and CSV written as File > Export writes them, in
the window's language and in Korean (the shipped font, whatever fonts the system has)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from estimator_gui import i18n


def write_quotes(
    breakdown: Any, scenario: Any, card: Any, outdir: Path, check: Callable[[Path], None]
) -> list[Path]:
    """``quote.pdf``, ``quote.xlsx``, ``quote.csv`` and ``quote-ko.pdf`` of the window's
    estimate in ``outdir``, each checked by ``check``; the first failure raises."""
    from estimator_gui.files.quote_details import QuoteDetails
    from estimator_gui.quote.export import write_quote

    written = []
    targets = [(f"quote.{suffix}", i18n.language()) for suffix in ("pdf", "xlsx", "csv")]
    targets.append(("quote-ko.pdf", "ko"))
    for name, language in targets:
        details = QuoteDetails(customer="주식회사 자가진단 / 自检客户", language=language)
        target = outdir / name
        write_quote(target, breakdown, scenario, card, details, None, "a4")
        check(target)
        written.append(target)
    return written
