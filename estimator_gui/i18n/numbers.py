"""Numbers, money and dates in a language's own notation, by Babel (CLDR), exact for Decimals.

Babel and its locale data load on the first call, never at start-up: the command line and the
quote documents use this module; the window formats with QLocale (the same CLDR data, already
loaded with Qt) and tests/i18n/test_numbers.py checks that the two agree for every language.
Rounding is ours, half-up and once (``round_money``, ``round_to``), before Babel sees a value, so
Babel only lays out digits that are already final.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from estimator_gui import i18n
from estimator_gui.pricing.breakdown import round_money

# Digits after the point for the currencies a quote can show (ISO 4217 minor units).
CURRENCY_PLACES = {"USD": 2, "KRW": 0, "CNY": 2, "JPY": 0, "EUR": 2}


def round_to(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _pattern(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def format_decimal(value: Decimal, places: int | None = None, language: str | None = None) -> str:
    """``value`` with the language's grouping and decimal sign; ``places`` rounds half up to
    that many decimals, without it every significant digit is kept."""
    from babel.numbers import format_decimal as babel_format

    locale = i18n.cldr_locale(language)
    if places is None:
        exponent = value.normalize().as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
    rounded = _unsigned_zero(round_to(value, places))  # -0.001 to the cent is 0.00, not -0.00
    return babel_format(rounded, _pattern(places), locale=locale, decimal_quantization=False)


def format_int(value: int, language: str | None = None) -> str:
    return format_decimal(Decimal(value), 0, language)


def format_money(value: Decimal, language: str | None = None) -> str:
    """USD to the cent, rounded once by the core's own rule, without a currency sign."""
    return format_decimal(round_money(value), 2, language)


def _unsigned_zero(value: Decimal) -> Decimal:
    return value if value else value.copy_abs()


def format_currency(value: Decimal, currency: str, language: str | None = None) -> str:
    """An amount with its currency as the language writes it (``US$1,234.56``, ``₩1,234``),
    rounded half up to the currency's minor unit."""
    from babel.numbers import format_currency as babel_currency

    places = CURRENCY_PLACES[currency]
    pattern = "¤#,##0" + ("." + "0" * places if places else "")
    return babel_currency(
        _unsigned_zero(round_to(value, places)),
        currency,
        format=pattern,
        locale=i18n.cldr_locale(language),
        currency_digits=False,
        decimal_quantization=False,
    )


def format_date(value: datetime.date, language: str | None = None) -> str:
    """A date as the language writes it in full (``December 1, 2026``, ``2026년 12월 1일``)."""
    from babel.dates import format_date as babel_date

    return babel_date(value, format="long", locale=i18n.cldr_locale(language))
