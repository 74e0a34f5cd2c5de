"""A quote's second currency: USD amounts converted at the rate the sales person entered."""

from __future__ import annotations

from decimal import Decimal, localcontext

from estimator_gui.files.quote_details import Conversion
from estimator_gui.i18n import _, numbers
from estimator_gui.pricing.errors import InputError

# Digits kept while multiplying: a valid amount times a valid rate is exact within them, so the
# one rounding is the half-up to the currency's minor unit at the end.
PRECISION = 80
RATE_MAX = Decimal(10) ** 9  # far above any real rate (1 USD is about 1,400 KRW)


def check_conversion(conversion: Conversion) -> None:
    """Refuse a currency we do not show or a rate that is not a positive, sensible number."""
    if conversion.currency not in numbers.CURRENCY_PLACES:
        raise InputError(
            "currency",
            conversion.currency,
            f"is not one of {', '.join(numbers.CURRENCY_PLACES)}",
            code="unknown_choice",
        )
    rate = conversion.rate
    if not isinstance(rate, Decimal) or not rate.is_finite() or rate <= 0 or rate > RATE_MAX:
        raise InputError(
            "rate",
            rate,
            f"must be a number above 0 and at most {RATE_MAX:,}",
            code="bad_rate",
            limit=RATE_MAX,
        )


def convert(amount: Decimal, conversion: Conversion) -> Decimal:
    """``amount`` (exact USD) in the conversion's currency: multiplied exactly, then rounded
    once, half up, to the currency's minor unit (no decimals for KRW and JPY)."""
    with localcontext() as context:
        context.prec = PRECISION
        exact = amount * conversion.rate
    return numbers.round_to(exact, numbers.CURRENCY_PLACES[conversion.currency])


def rate_places(rate: Decimal) -> int:
    """Decimals to show of a rate: as entered, at least two (``1,385.20``)."""
    exponent = rate.as_tuple().exponent
    given = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return max(2, given)


def rate_line(conversion: Conversion, language: str | None = None) -> str:
    """The rate as the quote prints it, in the current language's words and notation:
    ``1 USD = 1,385.20 KRW, rate of 2026-11-30, entered by the sales person``."""
    return _("1 USD = {rate} {currency}, rate of {date}, entered by the sales person").format(
        rate=numbers.format_decimal(conversion.rate, rate_places(conversion.rate), language),
        currency=conversion.currency,
        date=numbers.format_date(conversion.rate_date, language),
    )
