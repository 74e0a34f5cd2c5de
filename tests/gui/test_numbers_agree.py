"""The window (QLocale) and the documents and command line (Babel) write numbers alike in every
language: the same CLDR notation, the same exact rounding."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estimator_gui import i18n
from estimator_gui.gui import locale_format
from estimator_gui.gui.language import apply_language
from estimator_gui.i18n import numbers


@pytest.fixture(autouse=True)
def english_after(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    yield
    apply_language("en")


AMOUNTS = st.decimals(
    min_value=Decimal("-99999999.999"), max_value=Decimal("99999999.999"), places=3
)


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
@settings(max_examples=200, deadline=None)
@given(value=AMOUNTS)
def test_money_and_numbers_read_the_same_in_the_window_and_in_documents(code, value) -> None:
    apply_language(code)
    assert locale_format.format_money(value) == numbers.format_money(value, code)
    assert locale_format.format_decimal(value, 3) == numbers.format_decimal(value, 3, code)
    whole = int(value)
    assert locale_format.format_int(whole) == numbers.format_int(whole, code)


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_half_a_cent_rounds_up_once_in_both(code) -> None:
    apply_language(code)
    assert locale_format.format_money(Decimal("3000.005")) == "3,000.01"
    assert numbers.format_money(Decimal("3000.005"), code) == "3,000.01"
