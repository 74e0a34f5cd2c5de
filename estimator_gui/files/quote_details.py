"""A quote's own details (customer, number, validity, language, second currency), kept with the
estimate in its file; the price does not depend on any of them."""

from __future__ import annotations

import datetime
from decimal import Decimal

from msgspec import Struct

# The currencies a quote may show beside USD, the price list's currency.
CURRENCIES = ("USD", "KRW", "CNY", "JPY", "EUR")


class Conversion(Struct, frozen=True):
    """A second currency at a rate the sales person entered, with the day of that rate.

    ``rate`` is how many units of ``currency`` one USD buys (``1385.20`` for KRW). Never fetched:
    a quote states whose rate it is and from when.
    """

    currency: str
    rate: Decimal
    rate_date: datetime.date


class QuoteDetails(Struct, frozen=True):
    """What a quote document shows besides the estimate. Empty texts are left off the document.

    ``language`` is the quote's own language (``en``, ``ko``, ``zh``), independent of the
    window's; ``conversion`` is None for a quote in USD only.
    """

    customer: str = ""
    quote_number: str = ""
    sales_person: str = ""
    quote_date: datetime.date | None = None
    valid_until: datetime.date | None = None
    notes: str = ""
    language: str = "en"
    conversion: Conversion | None = None
