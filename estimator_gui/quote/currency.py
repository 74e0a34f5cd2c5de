"""A quote's second currency: USD amounts converted at the rate the sales person entered."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation, localcontext

from estimator_gui.files.quote_details import CURRENCIES, Conversion
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
            _("is not one of {currencies}").format(currencies=", ".join(numbers.CURRENCY_PLACES)),
            code="unknown_choice",
        )
    rate = conversion.rate
    if not isinstance(rate, Decimal) or not rate.is_finite() or rate <= 0 or rate > RATE_MAX:
        raise InputError(
            "rate",
            rate,
            _("must be a number above 0 and at most {limit}").format(
                limit=numbers.format_int(int(RATE_MAX))
            ),
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


def conversion_from_options(
    currency: str, rate: str | None, rate_date: str | None
) -> Conversion | None:
    """The second currency the command line asks for (``--currency``, ``--rate``,
    ``--rate-date``), None for USD alone; InputError naming the option for anything refused:
    a currency we do not show, a rate without its date or a date without its rate, a rate
    that is not a positive number, a date not written YYYY-MM-DD."""
    code = currency.strip().upper()
    if code not in CURRENCIES:
        raise InputError(
            "--currency",
            currency,
            _("is not one of {currencies}").format(currencies=", ".join(CURRENCIES)),
            code="unknown_choice",
        )
    if rate is None and rate_date is None:
        if code != "USD":
            raise InputError(
                "--currency",
                code,
                _("needs --rate and --rate-date: the quote states the rate and its day"),
                code="rate_missing",
            )
        return None
    if code == "USD":
        raise InputError(
            "--rate" if rate is not None else "--rate-date",
            rate if rate is not None else rate_date,
            _("needs --currency, the currency one USD is converted to"),
            code="currency_missing",
        )
    if rate is None:
        raise InputError(
            "--rate-date", rate_date, _("needs --rate, the rate of that day"), code="rate_missing"
        )
    if rate_date is None:
        raise InputError(
            "--rate",
            rate,
            _("needs --rate-date YYYY-MM-DD, the day of the rate"),
            code="date_missing",
        )
    try:
        value = Decimal(rate.strip().replace(",", "")) if rate.strip() else Decimal("NaN")
    except InvalidOperation:
        value = Decimal("NaN")
    try:
        day = datetime.date.fromisoformat(rate_date.strip())
    except ValueError:
        raise InputError(
            "--rate-date", rate_date, _("is not a date written YYYY-MM-DD"), code="bad_date"
        ) from None
    conversion = Conversion(code, value, day)
    try:
        check_conversion(conversion)
    except InputError as error:
        raise InputError("--rate", rate, error.rule, code=error.code, limit=error.limit) from None
    return conversion
