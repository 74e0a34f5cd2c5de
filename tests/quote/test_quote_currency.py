"""The second currency: exact conversion rounded once, half up, to the currency's minor unit."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from estimator_gui import i18n
from estimator_gui.files.quote_details import Conversion
from estimator_gui.pricing.errors import InputError
from estimator_gui.quote.currency import conversion_from_options, convert, rate_line

DAY = datetime.date(2026, 11, 30)


def test_krw_has_no_decimals_and_rounds_half_up_once() -> None:
    """5304.4572 x 1385.20 = 7,347,734.11344 -> 7,347,734; 0.5 KRW goes up."""
    krw = Conversion("KRW", Decimal("1385.20"), DAY)
    assert convert(Decimal("5304.4572"), krw) == Decimal("7347734")
    assert convert(Decimal("0.25"), Conversion("KRW", Decimal("2"), DAY)) == Decimal("1")
    assert convert(Decimal("0.249"), Conversion("KRW", Decimal("2"), DAY)) == Decimal("0")


def test_rounded_once_at_the_end_not_per_step() -> None:
    """1.005 USD x 1 EUR is 1.01 (half up of the exact product), not a rounded USD first."""
    eur = Conversion("EUR", Decimal("1"), DAY)
    assert convert(Decimal("1.005"), eur) == Decimal("1.01")
    # Rounding the USD first would give 1.00 x 1.5 = 1.50; the exact 1.506 gives 1.51.
    assert convert(Decimal("1.004"), Conversion("EUR", Decimal("1.5"), DAY)) == Decimal("1.51")
    jpy = Conversion("JPY", Decimal("151.35"), DAY)
    assert convert(Decimal("10.01"), jpy) == Decimal("1515")  # 1515.0135


def test_rate_line_in_english() -> None:
    line = rate_line(Conversion("KRW", Decimal("1385.2"), DAY), "en")
    assert line == "1 USD = 1,385.20 KRW, rate of November 30, 2026, entered by the sales person"


def test_rate_line_follows_the_language(restore_language: None) -> None:
    """Babel writes the date in the quote's language (Korean date notation)."""
    i18n.set_language("ko")
    line = rate_line(Conversion("JPY", Decimal("151.3456"), DAY))
    assert "151.3456 JPY" in line
    assert "2026년 11월 30일" in line


@pytest.mark.parametrize(
    ("currency", "rate", "day", "field", "words"),
    [
        ("KRW", None, None, "--currency", "needs --rate and --rate-date"),
        ("KRW", "1385.2", None, "--rate", "needs --rate-date"),
        ("KRW", None, "2026-11-30", "--rate-date", "needs --rate"),
        ("USD", "2", "2026-11-30", "--rate", "needs --currency"),
        ("KRW", "0", "2026-11-30", "--rate", "must be a number above 0"),
        ("KRW", "-3", "2026-11-30", "--rate", "must be a number above 0"),
        ("KRW", "abc", "2026-11-30", "--rate", "must be a number above 0"),
        ("KRW", "nan", "2026-11-30", "--rate", "must be a number above 0"),
        ("KRW", "1385", "30/11/2026", "--rate-date", "YYYY-MM-DD"),
        ("GBP", None, None, "--currency", "USD, KRW, CNY, JPY, EUR"),
    ],
)
def test_command_line_options_refused_by_name(
    currency: str, rate: str | None, day: str | None, field: str, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        conversion_from_options(currency, rate, day)
    assert caught.value.field == field
    assert words in caught.value.message


def test_command_line_options_accepted() -> None:
    assert conversion_from_options("USD", None, None) is None
    assert conversion_from_options("krw", "1,385.20", "2026-11-30") == Conversion(
        "KRW", Decimal("1385.20"), DAY
    )
