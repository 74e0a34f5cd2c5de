"""Rules a rate card states as data (rounding, relay, packages, value-added), checked on load."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from msgspec import Struct

from estimator_gui.pricing import checks
from estimator_gui.pricing.errors import InputError

PRICE_MAX = Decimal(1_000_000)  # USD per unit; far above any list, low enough to stay exact
WEIGHT_MAX = Decimal(1000)  # minutes of a package one billed minute can use; 36 is the largest seen
PACKAGE_MINUTES_MAX = 10**12

# Each rounding rule the engine applies, with the period its seconds are summed over before they
# are rounded up to whole minutes. A category is section + price list + tier.
ROUNDING_RULES = {
    "ceil_minute_per_category_per_month": "month",
    "ceil_minute_per_category_per_day_per_application": "day",
}
PERIODS = ("month", "day")
SUMMED = ("category",)
# Relay to CDN: the scenario's relay mode picks the list (peak_mbps or minutes), or the account's
# registration date does (bandwidth before the date, duration from it on).
RELAY_RULES = ("by_scenario_mode", "by_registration_date")
RELAY_LISTS = ("bandwidth", "duration")
# Relay minutes are given for the month; no page says how they round, so the card names the rule.
RELAY_MINUTES_ROUNDING = ("ceil_minute_of_month_total",)
PACKAGE_PERIODS = ("month", "once")
ELIGIBILITY = ("any_account", "new_accounts_once")
VALUE_ADDED_UNITS = ("minute", "1000 minutes")


def get(data: Mapping[str, Any], key: str, where: str = "") -> Any:
    """``data[key]``, or a refusal naming the missing key by its full path."""
    path = f"{where}.{key}" if where else key
    if not isinstance(data, Mapping) or key not in data:
        raise InputError(path, None, "is missing from the rate card", code="missing")
    return data[key]


def text(data: Mapping[str, Any], key: str, where: str = "") -> str:
    value = get(data, key, where)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}.{key}" if where else key, value, "must be non-empty text")
    return value


def price(path: str, value: Any, high: Decimal = PRICE_MAX) -> Decimal:
    """A non-negative exact price from a decimal string or an integer."""
    if isinstance(value, str):
        try:
            value = Decimal(value)
        except ArithmeticError:
            raise InputError(path, value, "is not a price", code="not_number") from None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | Decimal)
        or not Decimal(value).is_finite()
    ):
        raise InputError(path, value, "is not a price", code="not_number")
    if value < 0:
        raise InputError(path, value, "is a negative price", code="negative_price")
    return checks.amount(path, Decimal(value), 0, high)  # bounded digits: exact arithmetic


def whole(path: str, value: Any, high: int = 10**12) -> int:
    return checks.whole(path, value, 0, high)


def choice(path: str, value: Any, allowed: tuple[str, ...], what: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InputError(
            path,
            value,
            f"is not {what} the engine knows: " + ", ".join(allowed),
            code="unknown_rule",
            limit=allowed,
        )
    return value


def day(path: str, value: Any) -> datetime.date:
    """A calendar date, written as a TOML date or as ``YYYY-MM-DD`` text."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError(path, value, "is not a date written YYYY-MM-DD", code="bad_date")


def source_of(
    data: Mapping[str, Any], where: str, sources: frozenset[str], required: bool = True
) -> str:
    """The ``source`` of a rule: the id of one of the card's ``[[sources]]``."""
    if not required and "source" not in data:
        return ""
    value = text(data, "source", where)
    if value not in sources:
        raise InputError(
            f"{where}.source",
            value,
            "is not the id of one of the card's [[sources]]: " + ", ".join(sorted(sources)),
            code="unknown_source",
        )
    return value


def refuse_unknown_keys(where: str, table: Any, keys: tuple[str, ...]) -> Mapping[str, Any]:
    """A table whose every key is one the engine applies: any other is refused, never ignored."""
    if not isinstance(table, Mapping):
        raise InputError(where, table, "must be a table of keys")
    for key in table:
        if key not in keys:
            raise InputError(
                f"{where}.{key}" if where else key,
                table[key],
                "is not a key the engine applies; the keys here are: " + ", ".join(keys),
                code="unknown_key",
            )
    return table


# ---------------------------------------------------------------- rounding


ROUNDING_KEYS = ("rule", "period", "summed", "source")


class Rounding(Struct, frozen=True):
    """Seconds are summed per ``summed`` (a category) over ``period``, then rounded up."""

    rule: str
    period: str  # "month" or "day"
    summed: str = "category"
    source: str = ""


def read_rounding(table: Any, sources: frozenset[str]) -> Rounding:
    refuse_unknown_keys("rounding", table, ROUNDING_KEYS)
    rule = get(table, "rule", "rounding")
    if rule not in ROUNDING_RULES:
        raise InputError(
            "rounding.rule",
            rule,
            "is not a rounding rule the engine knows: " + ", ".join(ROUNDING_RULES),
            code="unknown_rounding",
            limit=tuple(ROUNDING_RULES),
        )
    period = ROUNDING_RULES[rule]
    if "period" in table:
        stated = choice("rounding.period", table["period"], PERIODS, "a rounding period")
        if stated != period:
            raise InputError(
                "rounding.period",
                stated,
                f"contradicts rounding.rule {rule!r}, which sums over a {period}",
                code="rule_contradiction",
            )
    summed = choice("rounding.summed", table.get("summed", "category"), SUMMED, "a sum")
    return Rounding(rule, period, summed, source_of(table, "rounding", sources, required=False))


# ---------------------------------------------------------------- relay


RELAY_KEYS = ("rule", "registered_before", "before", "from", "minutes_rounding", "source")


class RelayRule(Struct, frozen=True):
    """Which relay price list applies, and how relay minutes round."""

    rule: str = "by_scenario_mode"
    registered_before: datetime.date | None = None  # by_registration_date: the cut-off day
    before: str = "bandwidth"  # the list of accounts registered before the cut-off
    after: str = "duration"  # the list of accounts registered on the cut-off day or later
    minutes_rounding: str = "ceil_minute_of_month_total"
    source: str = ""

    def list_for(self, registered: datetime.date) -> str:
        """The relay price list of an account registered on ``registered``."""
        assert self.registered_before is not None
        return self.before if registered < self.registered_before else self.after


def read_relay(table: Any, sources: frozenset[str]) -> RelayRule:
    refuse_unknown_keys("relay", table, RELAY_KEYS)
    rule = choice("relay.rule", get(table, "rule", "relay"), RELAY_RULES, "a relay rule")
    rounding = choice(
        "relay.minutes_rounding",
        get(table, "minutes_rounding", "relay"),
        RELAY_MINUTES_ROUNDING,
        "a relay rounding rule",
    )
    if rule == "by_scenario_mode":
        for key in ("registered_before", "before", "from"):
            if key in table:
                raise InputError(
                    f"relay.{key}",
                    table[key],
                    "applies only to relay.rule 'by_registration_date'",
                    code="rule_contradiction",
                )
        return RelayRule(
            rule,
            None,
            minutes_rounding=rounding,
            source=source_of(table, "relay", sources, required=False),
        )
    cutoff = day("relay.registered_before", get(table, "registered_before", "relay"))
    before = choice("relay.before", get(table, "before", "relay"), RELAY_LISTS, "a relay list")
    after = choice("relay.from", get(table, "from", "relay"), RELAY_LISTS, "a relay list")
    if before == after:
        raise InputError(
            "relay.from", after, "is the same list as relay.before", code="rule_contradiction"
        )
    return RelayRule(rule, cutoff, before, after, rounding, source_of(table, "relay", sources))


# ---------------------------------------------------------------- packages


PACKAGE_KEYS = (
    "id",
    "title",
    "source",
    "fee",
    "per",
    "minutes",
    "weights",
    "eligibility",
    "note",
)


class Package(Struct, frozen=True):
    """A package bought beside pay-as-you-go: ``minutes`` deducted at ``weights`` per category.

    A weight's key is ``section.tier`` or ``section.price_list.tier`` (the latter wins); one billed
    minute of that category uses ``weight`` package minutes. Categories without a weight are not
    covered and stay pay-as-you-go.
    """

    id: str
    title: str
    fee: Decimal
    per: str  # "month", or "once" (bought once, such as a starter package)
    minutes: int
    weights: tuple[tuple[str, Decimal], ...]
    eligibility: str = "any_account"
    source: str = ""

    def weight(self, section: str, price_list: str, tier: str) -> Decimal | None:
        table = dict(self.weights)
        found = table.get(f"{section}.{price_list}.{tier}")
        return table.get(f"{section}.{tier}") if found is None else found


def read_packages(
    items: Any,
    sources: frozenset[str],
    categories: frozenset[str],
    where: str = "packages",
) -> tuple[Package, ...]:
    """Packages from ``[[packages]]``; ``categories`` are the weight keys the engine knows."""
    if not isinstance(items, list):
        raise InputError(where, items, "must be a list of [[packages]] tables", code="not_list")
    packages = []
    for i, item in enumerate(items):
        place = f"{where}[{i}]"
        refuse_unknown_keys(place, item, PACKAGE_KEYS)
        weights = get(item, "weights", place)
        if not isinstance(weights, Mapping) or not weights:
            raise InputError(
                f"{place}.weights",
                weights,
                "must be a table of category = weight, such as 'duration.HD' = 4",
            )
        read_weights = []
        for key, value in weights.items():
            if key not in categories:
                raise InputError(
                    f"{place}.weights.{key}",
                    value,
                    "is not a category such as 'duration.HD' or 'duration.standard.HD'",
                    code="unknown_category",
                )
            weight = price(f"{place}.weights.{key}", value, WEIGHT_MAX)
            if weight == 0:
                raise InputError(
                    f"{place}.weights.{key}", value, "must be above 0", code="too_small"
                )
            read_weights.append((key, weight))
        packages.append(
            Package(
                id=text(item, "id", place),
                title=text(item, "title", place),
                fee=price(f"{place}.fee", get(item, "fee", place)),
                per=choice(f"{place}.per", get(item, "per", place), PACKAGE_PERIODS, "a period"),
                minutes=whole(f"{place}.minutes", get(item, "minutes", place), PACKAGE_MINUTES_MAX),
                weights=tuple(read_weights),
                eligibility=choice(
                    f"{place}.eligibility",
                    item.get("eligibility", "any_account"),
                    ELIGIBILITY,
                    "an eligibility",
                ),
                source=source_of(item, place, sources),
            )
        )
    ids = [p.id for p in packages]
    for i, package_id in enumerate(ids):
        if package_id in ids[:i]:
            raise InputError(f"{where}[{i}].id", package_id, "is given twice", code="duplicate")
    return tuple(packages)


# ---------------------------------------------------------------- value-added services


VALUE_ADDED_KEYS = ("id", "title", "source", "per", "prices", "per_language", "requires")


class ValueAdded(Struct, frozen=True):
    """A value-added service priced per minute of use: one price per option (``HD``, ``FHD``)."""

    id: str
    title: str
    per: str  # "minute" or "1000 minutes"
    prices: tuple[tuple[str, Decimal], ...]
    per_language: bool = False  # billed as input minutes x output languages
    requires: str = ""  # what must be bought first, as the source words it
    source: str = ""

    def price(self, option: str) -> Decimal:
        return dict(self.prices)[option]

    @property
    def divisor(self) -> Decimal:
        return Decimal(1000) if self.per == "1000 minutes" else Decimal(1)


def read_value_added(items: Any, sources: frozenset[str]) -> tuple[ValueAdded, ...]:
    if not isinstance(items, list):
        raise InputError(
            "value_added", items, "must be a list of [[value_added]] tables", code="not_list"
        )
    services = []
    for i, item in enumerate(items):
        place = f"value_added[{i}]"
        refuse_unknown_keys(place, item, VALUE_ADDED_KEYS)
        prices = get(item, "prices", place)
        if not isinstance(prices, Mapping) or not prices:
            raise InputError(f"{place}.prices", prices, "must be a table of option = price")
        per_language = item.get("per_language", False)
        if not isinstance(per_language, bool):
            raise InputError(f"{place}.per_language", per_language, "must be true or false")
        requires = item.get("requires", "")
        if not isinstance(requires, str):
            raise InputError(f"{place}.requires", requires, "must be text")
        services.append(
            ValueAdded(
                id=text(item, "id", place),
                title=text(item, "title", place),
                per=choice(f"{place}.per", get(item, "per", place), VALUE_ADDED_UNITS, "a unit"),
                prices=tuple(
                    (str(option), price(f"{place}.prices.{option}", value))
                    for option, value in prices.items()
                ),
                per_language=per_language,
                requires=requires,
                source=source_of(item, place, sources),
            )
        )
    ids = [s.id for s in services]
    for i, service_id in enumerate(ids):
        if service_id in ids[:i]:
            raise InputError(f"value_added[{i}].id", service_id, "is given twice", code="duplicate")
    return tuple(services)
