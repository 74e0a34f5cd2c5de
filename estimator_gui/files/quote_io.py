"""The optional ``quote`` object of ``trtc-estimate/1`` (QuoteDetails): read, checked, written."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from estimator_gui.files.json_input import date, json_object, kind, number, optional_text
from estimator_gui.files.quote_details import CURRENCIES, Conversion, QuoteDetails
from estimator_gui.pricing import checks
from estimator_gui.pricing.errors import InputError

LANGUAGES = ("en", "ko", "zh")
BASE_CURRENCY = "USD"  # the price list's; a quote converts from it, never to it
RATE_MAX = Decimal(10) ** 9  # as quote/currency.py: far above any real rate (1 USD ~ 1,400 KRW)
_TEXTS = ("customer", "quote_number", "sales_person", "notes")
QUOTE_KEYS = {*_TEXTS, "quote_date", "valid_until", "language", "currency", "rate", "rate_date"}


def details_from_object(value: Any) -> QuoteDetails:
    """QuoteDetails from the file's ``quote`` object; refusals are named ``quote.<field>``."""
    obj = json_object("quote", value, QUOTE_KEYS)
    texts = {key: optional_text("quote", obj, key) for key in _TEXTS}
    language = checks.choice("quote.language", obj.get("language", "en"), LANGUAGES)
    details = QuoteDetails(
        quote_date=_optional_date(obj, "quote_date"),
        valid_until=_optional_date(obj, "valid_until"),
        language=language,
        conversion=_conversion(obj),
        **texts,
    )
    try:
        check_quote_details(details)
    except InputError as error:
        raise error.within("quote") from None
    return details


def _optional_date(obj: dict[str, Any], key: str) -> datetime.date | None:
    value = obj.get(key)
    return None if value is None else date(f"quote.{key}", value)


def _conversion(obj: dict[str, Any]) -> Conversion | None:
    currency = checks.choice("quote.currency", obj.get("currency", BASE_CURRENCY), CURRENCIES)
    rate, day = obj.get("rate"), obj.get("rate_date")
    if currency == BASE_CURRENCY:
        if rate is not None:
            raise InputError(
                "quote.rate",
                _shown(rate),
                f"is given for {BASE_CURRENCY}, the price list's own currency; set the "
                "currency it converts to",
                code="rate_without_currency",
            )
        if day is not None:
            raise InputError(
                "quote.rate_date",
                _shown(day),
                f"is given for {BASE_CURRENCY}, which needs no rate",
                code="rate_without_currency",
            )
        return None
    if rate is None and day is None:
        raise InputError(
            "quote.currency",
            currency,
            f"needs a rate (how many {currency} one {BASE_CURRENCY} buys) and its rate_date",
            code="missing_rate",
        )
    if day is None:
        raise InputError(
            "quote.rate",
            _shown(rate),
            "is given without a rate_date; a quote prints the day of its rate",
            code="missing_rate_date",
        )
    if rate is None:
        raise InputError(
            "quote.rate_date",
            _shown(day),
            "is given without a rate; give the rate of that day",
            code="missing_rate",
        )
    return Conversion(currency, number("quote.rate", rate), date("quote.rate_date", day))


def _shown(value: Any) -> Any:
    """A value as a message names it: a refused number's text, ``null``, ``a list``."""
    return getattr(value, "text", None) or kind(value)


def check_quote_details(details: QuoteDetails) -> None:
    """Refuse details a file could not hold; fields are named as in the ``quote`` object.

    The window's Quote details dialog can call it before it replaces the estimate's details.
    """
    for key in _TEXTS:
        checks.text(key, getattr(details, key))
    checks.choice("language", details.language, LANGUAGES)
    for key in ("quote_date", "valid_until"):
        day = getattr(details, key)
        if day is not None and not isinstance(day, datetime.date):
            raise InputError(key, kind(day), "must be a date", code="bad_date")
    if details.quote_date and details.valid_until and details.valid_until < details.quote_date:
        raise InputError(
            "valid_until",
            details.valid_until.isoformat(),
            f"is before the quote_date {details.quote_date.isoformat()}",
            code="too_small",
            limit=details.quote_date,
        )
    if details.conversion is not None:
        _check_conversion(details.conversion)


def _check_conversion(conversion: Conversion) -> None:
    currency = conversion.currency
    others = tuple(code for code in CURRENCIES if code != BASE_CURRENCY)
    checks.choice("currency", currency, others)
    rate = checks.amount("rate", conversion.rate, 0, RATE_MAX)
    if rate == 0:
        raise InputError("rate", rate, "must be above 0", code="too_small", limit=0)
    if not isinstance(conversion.rate_date, datetime.date):
        raise InputError("rate_date", kind(conversion.rate_date), "must be a date", code="bad_date")


def details_to_data(details: QuoteDetails) -> dict[str, Any]:
    """The ``quote`` object: texts and dates that are set, the language and the currency always
    (a rate as an exact string, as entered: ``"1385.20"`` keeps its last zero)."""
    data: dict[str, Any] = {}
    for key in ("customer", "quote_number", "sales_person"):
        if getattr(details, key):
            data[key] = getattr(details, key)
    for key in ("quote_date", "valid_until"):
        day = getattr(details, key)
        if day is not None:
            data[key] = day.isoformat()
    if details.notes:
        data["notes"] = details.notes
    data["language"] = details.language
    conversion = details.conversion
    if conversion is None:
        data["currency"] = BASE_CURRENCY
    else:
        data["currency"] = conversion.currency
        data["rate"] = format(conversion.rate, "f")
        data["rate_date"] = conversion.rate_date.isoformat()
    return data
