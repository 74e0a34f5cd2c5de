"""What ``price()`` takes beside the scenario: the account's registration day, value-added use."""

from __future__ import annotations

import datetime
from decimal import Decimal

from msgspec import Struct

from estimator_gui.pricing import checks, limits
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import SESSION_SECONDS_MAX

LANGUAGES_MAX = 100  # output languages of one translation; AI translation lists 15


class ValueAddedUse(Struct, frozen=True):
    """A value-added service the card lists, used like a task: ``tasks_per_day x days x seconds``.

    ``service`` is the card's id (``speech_to_text``); ``option`` one of its prices (``standard``,
    or ``HD``/``FHD`` for web page recording); ``languages`` multiplies the minutes of a service
    billed per output language (AI real-time translation).
    """

    service: str
    tasks_per_day: int
    days: int
    seconds: Decimal
    option: str = "standard"
    languages: int = 1
    label: str = ""

    def __post_init__(self) -> None:
        checks.text("service", self.service)
        checks.text("option", self.option)
        checks.text("label", self.label)
        checks.whole("tasks_per_day", self.tasks_per_day, 0, limits.TASKS_PER_DAY_MAX)
        checks.whole("days", self.days, limits.DAYS_MIN, limits.DAYS_MAX)
        checks.amount("minutes", self.seconds, 0, SESSION_SECONDS_MAX)
        checks.whole("languages", self.languages, 1, LANGUAGES_MAX)


class PriceOptions(Struct, frozen=True):
    """The account's registration day (it picks the relay list on cards that say so) and the
    value-added services used; neither changes a card that does not list the rule."""

    registered: datetime.date | None = None
    value_added: tuple[ValueAddedUse, ...] = ()

    def __post_init__(self) -> None:
        if self.registered is not None and not (
            isinstance(self.registered, datetime.date)
            and not isinstance(self.registered, datetime.datetime)
        ):
            raise InputError("account_registered", self.registered, "is not a date")
        items = checks.sequence("value_added", self.value_added, limits.ROOMS_MAX)
        for index, item in enumerate(items):
            if not isinstance(item, ValueAddedUse):
                raise InputError(f"value_added[{index}]", item, "is not a value-added use")
