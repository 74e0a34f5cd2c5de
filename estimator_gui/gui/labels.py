"""The window's names for the core's codes (services, tiers, roles, notices, refusals).

The words live below the window, in quote/names.py and quote/notices.py (one gettext catalogue
for every floor); this module only writes their numbers the window's way, through QLocale.
"""

from __future__ import annotations

from estimator_gui.gui.locale_format import format_int
from estimator_gui.pricing.breakdown import Notice
from estimator_gui.pricing.errors import InputError
from estimator_gui.quote import names, notices


def _format_int(value: int) -> str:
    return format_int(value)  # the window's QLocale, taken when shown


def service_name(code: str) -> str:
    return names.service_name(code)


def section_name(code: str) -> str:
    return names.section_name(code)


def price_list_name(code: str) -> str:
    return names.price_list_name(code)


def tier_name(code: str) -> str:
    return names.tier_name(code)


def role_name(code: str) -> str:
    return names.role_name(code)


def delivery_name(code: str) -> str:
    return names.delivery_name(code)


def audience_price_list_name(code: str) -> str:
    return names.audience_price_list_name(code)


def codec_name(code: str) -> str:
    return names.codec_name(code)


def notice_text(notice: Notice) -> str:
    """A notice in the user's language, from the one table the command line uses too."""
    return notices.notice_text(notice, _format_int)


def refusal_text(error: InputError) -> str:
    """What the window says next to an input the core refused: the rule, in the user's language."""
    return names.refusal_text(error, _format_int)
