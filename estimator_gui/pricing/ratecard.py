"""The rate card: tiers, price lists, free minutes, contract hint and rounding, checked on load.

Everything that differs between card versions is data here: the rounding period, the free-minute
allowance with its order, weights and period, the relay rule, the packages and the value-added
services. The engine reads these fields and has no version switches.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from msgspec import Struct

from estimator_gui.pricing import limits
from estimator_gui.pricing.breakdown import PER_THOUSAND_MINUTES
from estimator_gui.pricing.card_rules import (
    PERIODS,
    PRICE_MAX,
    Package,
    RelayRule,
    Rounding,
    ValueAdded,
    choice,
    get,
    price,
    read_packages,
    read_relay,
    read_rounding,
    read_value_added,
    source_of,
    text,
    whole,
)
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import CODECS, TIERS, VIDEO_TIERS

FORMAT = "trtc-rate-card/1"
SECTIONS = ("duration", "recording", "transcoding", "relay")
# The price lists the engine knows, per section, in the order their lines are shown and deducted.
PRICE_LISTS: dict[str, tuple[str, ...]] = {
    "duration": ("standard", "video_live_component"),
    "recording": ("standard",),
    "transcoding": CODECS,
    "relay": ("bandwidth", "duration"),
}
RELAY_TIER = "relay"
FREE_SECTIONS = ("duration", "recording", "transcoding")  # relay is not billed in minutes of a tier
# What a package's weight may name: a category (section.tier) or one price list of it.
PACKAGE_CATEGORIES = frozenset(
    [f"{s}.{t}" for s in FREE_SECTIONS for t in TIERS]
    + [f"{s}.{n}.{t}" for s in FREE_SECTIONS for n in PRICE_LISTS[s] for t in TIERS]
)
# "or_more": the Korean brief's "3000 USD 이상"; "more_than": the English FAQ's "exceeds 3,000 USD".
CONTRACT_REACHED_AT = ("or_more", "more_than")
CONTRACT_BASES = ("after_free_minutes_before_discount",)
FREE_WEIGHT_MAX = 1000
# A card without a [relay] table prices the scenario's relay mode as the 2022 card always did.
_RELAY_OF_2022 = {"rule": "by_scenario_mode", "minutes_rounding": "ceil_minute_of_month_total"}
__all__ = ["PRICE_MAX", "Package", "RateCard", "RelayRule", "Rounding", "ValueAdded"]
# Every key a card may hold, per table: a key the engine would not apply is refused, not ignored.
CARD_KEYS = {
    "": (
        "format",
        "id",
        "title",
        "effective",
        "currency",
        "sources",
        "tiers",
        "price_lists",
        "free_minutes",
        "contract_hint",
        "rounding",
        "relay",
        "packages",
        "value_added",
    ),
    "sources": ("id", "title", "url", "date", "read"),
    "tiers": ("name", "above", "up_to"),
    "price_lists": ("section", "name", "source", "per", "prices"),
    "free_minutes": ("amount", "source", "order", "weights", "period"),
    "contract_hint": ("threshold", "reached_at", "basis", "source"),
}


class Tier(Struct, frozen=True):
    """A video tier: ``above < aggregate pixels <= up_to``."""

    name: str
    above: int
    up_to: int


class PriceList(Struct, frozen=True):
    section: str
    name: str
    per: str  # "1000 minutes" or "Mbps"
    prices: tuple[tuple[str, Decimal], ...]  # (tier, price) in tier order
    source: str = ""

    def price(self, tier: str) -> Decimal:
        return dict(self.prices)[tier]

    @property
    def divisor(self) -> Decimal:
        """What a price is divided by to give the price of one unit (a minute or a Mbps)."""
        return Decimal(1000) if self.per == PER_THOUSAND_MINUTES else Decimal(1)


class Source(Struct, frozen=True):
    id: str
    title: str
    url: str
    date: str  # the version of the page the card follows
    read: str = ""  # the day the page was read for the card


class RateCard(Struct, frozen=True):
    id: str
    title: str
    effective: str
    currency: str
    sources: tuple[Source, ...]
    tiers: tuple[Tier, ...]
    price_lists: tuple[PriceList, ...]
    free_minutes: int
    free_order: tuple[str, ...]  # categories "section.tier", deducted in this order
    contract_threshold: Decimal
    rounding: str  # the rounding rule's name
    rounding_rule: Rounding
    # Free minutes one billed minute of a category uses (1 where the card names none), and
    # whether they are taken from each day's minutes ("day") or from the month's ("month").
    free_weights: tuple[tuple[str, int], ...]
    free_period: str
    contract_reached_at: str
    relay: RelayRule
    packages: tuple[Package, ...]
    value_added: tuple[ValueAdded, ...]

    def tier_for(self, pixels: int) -> str | None:
        """The tier of an aggregate resolution; ``audio`` for none; None when no tier holds it."""
        if pixels == 0:
            return "audio"
        for tier in self.tiers:
            if tier.above < pixels <= tier.up_to:
                return tier.name
        return None

    def price_list(self, section: str, name: str) -> PriceList:
        for entry in self.price_lists:
            if entry.section == section and entry.name == name:
                return entry
        raise KeyError(f"{section}.{name}")

    @property
    def max_pixels(self) -> int:
        return self.tiers[-1].up_to

    @property
    def rounding_period(self) -> str:
        """``month`` or ``day``: what a category's seconds are summed over before rounding up."""
        return self.rounding_rule.period

    def free_weight(self, category: str) -> int:
        """Free minutes one billed minute of ``category`` uses."""
        return dict(self.free_weights).get(category, 1)

    def contract_reached(self, amount: Decimal) -> bool:
        """Whether ``amount`` reaches the contract hint, as the card words the threshold."""
        if self.contract_reached_at == "more_than":
            return amount > self.contract_threshold
        return amount >= self.contract_threshold

    def value_added_service(self, service: str) -> ValueAdded | None:
        for entry in self.value_added:
            if entry.id == service:
                return entry
        return None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> RateCard:
        """Build and check a card from parsed TOML/JSON; a bad card names the key at fault."""
        return _read_card(data)


def _get(data: Mapping[str, Any], key: str, where: str = "") -> Any:
    return get(data, key, where)


def _text(data: Mapping[str, Any], key: str, where: str = "") -> str:
    return text(data, key, where)


def _price(path: str, value: Any) -> Decimal:
    return price(path, value)


def _whole(path: str, value: Any) -> int:
    return whole(path, value)


def _read_card(data: Mapping[str, Any]) -> RateCard:
    if not isinstance(data, Mapping):
        raise InputError("", data, "is not a rate card (a table of keys)")
    if _get(data, "format") != FORMAT:
        raise InputError("format", data.get("format"), f"is not {FORMAT!r}", code="unknown_format")
    _check_keys(data)
    sources = tuple(_read_source(i, item) for i, item in enumerate(_list(data, "sources")))
    source_ids = frozenset(s.id for s in sources)
    tiers = _read_tiers(_list(data, "tiers"))
    price_lists = _read_price_lists(_list(data, "price_lists"), source_ids)
    free = _get(data, "free_minutes")
    order = _get(free, "order", "free_minutes")
    if not isinstance(order, list) or not order or not all(isinstance(c, str) for c in order):
        raise InputError(
            "free_minutes.order",
            order,
            "must be a non-empty list of categories such as 'duration.audio'",
            code="bad_order",
        )
    free_order = tuple(order)
    _check_free_order(free_order)
    source_of(free, "free_minutes", source_ids)
    free_weights = _read_free_weights(free, free_order)
    contract = _get(data, "contract_hint")
    reached_at = _get(contract, "reached_at", "contract_hint")
    if reached_at not in CONTRACT_REACHED_AT:
        raise InputError(
            "contract_hint.reached_at",
            reached_at,
            "must be one of: " + ", ".join(CONTRACT_REACHED_AT),
            code="unknown_rule",
        )
    basis = _get(contract, "basis", "contract_hint")
    if basis not in CONTRACT_BASES:
        raise InputError(
            "contract_hint.basis",
            basis,
            "is not what the engine compares: " + ", ".join(CONTRACT_BASES),
            code="unknown_basis",
        )
    source_of(contract, "contract_hint", source_ids, required=False)
    rounding = read_rounding(_get(data, "rounding"), source_ids)
    free_period = choice(
        "free_minutes.period", free.get("period", "month"), PERIODS, "a free-minute period"
    )
    if free_period == "day" and rounding.period != "day":
        raise InputError(
            "free_minutes.period",
            free_period,
            "needs minutes per day, and rounding.rule sums over the month",
            code="rule_contradiction",
        )
    relay = read_relay(data.get("relay", _RELAY_OF_2022), source_ids)
    return RateCard(
        id=_text(data, "id"),
        title=_text(data, "title"),
        effective=str(_get(data, "effective")),
        currency=_text(data, "currency"),
        sources=sources,
        tiers=tiers,
        price_lists=price_lists,
        free_minutes=_whole("free_minutes.amount", _get(free, "amount", "free_minutes")),
        free_order=free_order,
        contract_threshold=_price(
            "contract_hint.threshold", _get(contract, "threshold", "contract_hint")
        ),
        rounding=rounding.rule,
        rounding_rule=rounding,
        free_weights=free_weights,
        free_period=free_period,
        contract_reached_at=reached_at,
        relay=relay,
        packages=read_packages(data.get("packages", []), source_ids, PACKAGE_CATEGORIES),
        value_added=read_value_added(data.get("value_added", []), source_ids),
    )


def _read_source(index: int, item: Any) -> Source:
    where = f"sources[{index}]"
    read = item.get("read", "") if isinstance(item, Mapping) else ""
    return Source(
        _text(item, "id", where),
        _text(item, "title", where),
        _text(item, "url", where),
        str(_get(item, "date", where)),
        str(read),
    )


def _read_free_weights(
    free: Mapping[str, Any], order: tuple[str, ...]
) -> tuple[tuple[str, int], ...]:
    """Free minutes per billed minute of each category; a category not in the order is refused."""
    weights = free.get("weights", {})
    if not isinstance(weights, Mapping):
        raise InputError("free_minutes.weights", weights, "must be a table of category = weight")
    read = []
    for category, value in weights.items():
        if category not in order:
            raise InputError(
                f"free_minutes.weights.{category}",
                value,
                "is not a category of free_minutes.order, so no free minute is taken from it",
                code="unknown_category",
            )
        weight = whole(f"free_minutes.weights.{category}", value, FREE_WEIGHT_MAX)
        if weight == 0:
            raise InputError(
                f"free_minutes.weights.{category}", value, "must be 1 or more", code="too_small"
            )
        read.append((category, weight))
    return tuple(read)


def _check_keys(data: Mapping[str, Any]) -> None:
    tables: list[tuple[str, str, Any]] = [("", "", data)]
    for key in ("free_minutes", "contract_hint"):
        tables.append((key, key, data.get(key, {})))
    for key in ("sources", "tiers", "price_lists"):
        items = data.get(key, [])
        if isinstance(items, list):
            tables += [(key, f"{key}[{i}]", item) for i, item in enumerate(items)]
    for kind, where, table in tables:
        if not isinstance(table, Mapping):
            raise InputError(where, table, "must be a table of keys")
        for key in table:
            if key not in CARD_KEYS[kind]:
                raise InputError(
                    f"{where}.{key}" if where else key,
                    table[key],
                    "is not a key the engine applies; the keys here are: "
                    + ", ".join(CARD_KEYS[kind]),
                    code="unknown_key",
                )


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = _get(data, key)
    if not isinstance(value, list) or not value:
        raise InputError(key, value, "must be a non-empty list")
    return value


def _read_tiers(items: list[Any]) -> tuple[Tier, ...]:
    tiers = []
    for i, item in enumerate(items):
        where = f"tiers[{i}]"
        name = _text(item, "name", where)
        if name not in VIDEO_TIERS:
            raise InputError(
                f"{where}.name", name, "is not a known tier: " + ", ".join(VIDEO_TIERS)
            )
        tiers.append(
            Tier(
                name,
                _whole(f"{where}.above", _get(item, "above", where)),
                _whole(f"{where}.up_to", _get(item, "up_to", where)),
            )
        )
    if [t.name for t in tiers] != list(VIDEO_TIERS):
        raise InputError(
            "tiers", [t.name for t in tiers], "must list " + ", ".join(VIDEO_TIERS) + " in order"
        )
    previous = 0
    for i, tier in enumerate(tiers):
        if tier.up_to <= tier.above:
            raise InputError(f"tiers[{i}].up_to", tier.up_to, f"must be above {tier.above:,}")
        if tier.above < previous:
            raise InputError(
                f"tiers[{i}].above",
                tier.above,
                f"overlaps the tier below, which ends at {previous:,} px",
                code="tiers_overlap",
            )
        if tier.above > previous:
            raise InputError(
                f"tiers[{i}].above",
                tier.above,
                f"leaves a gap after the tier below, which ends at {previous:,} px",
                code="tiers_gap",
            )
        previous = tier.up_to
    if previous != limits.MAX_AGGREGATE_PIXELS:
        raise InputError(
            f"tiers[{len(tiers) - 1}].up_to",
            previous,
            f"must be {limits.MAX_AGGREGATE_PIXELS:,} px, the top of the 4K tier the product's "
            "limits and messages are built on",
            code="top_tier_mismatch",
            limit=limits.MAX_AGGREGATE_PIXELS,
        )
    return tuple(tiers)


def _read_price_lists(items: list[Any], sources: frozenset[str]) -> tuple[PriceList, ...]:
    lists = []
    for i, item in enumerate(items):
        where = f"price_lists[{i}]"
        section = _text(item, "section", where)
        if section not in SECTIONS:
            raise InputError(
                f"{where}.section",
                section,
                "is not a known category: " + ", ".join(SECTIONS),
                code="unknown_category",
            )
        name = _text(item, "name", where)
        if name not in PRICE_LISTS[section]:
            raise InputError(
                f"{where}.name",
                name,
                f"is not a {section} price list the engine knows: "
                + ", ".join(PRICE_LISTS[section]),
                code="unknown_category",
            )
        per = _text(item, "per", where)
        wanted_tiers = (RELAY_TIER,) if section == "relay" else TIERS
        wanted_per = ("Mbps",) if (section, name) == ("relay", "bandwidth") else ("1000 minutes",)
        if per not in wanted_per:
            raise InputError(f"{where}.per", per, f"must be {wanted_per[0]!r}")
        prices = _get(item, "prices", where)
        if not isinstance(prices, Mapping):
            raise InputError(f"{where}.prices", prices, "must be a table of tier = price")
        for key in prices:
            if key not in wanted_tiers:
                raise InputError(
                    f"{where}.prices.{key}",
                    prices[key],
                    "is not a known tier: " + ", ".join(wanted_tiers),
                    code="unknown_category",
                )
        lists.append(
            PriceList(
                section,
                name,
                per,
                tuple(
                    (t, _price(f"{where}.prices.{t}", _get(prices, t, f"{where}.prices")))
                    for t in wanted_tiers
                ),
                source_of(item, where, sources),
            )
        )
    have = {(p.section, p.name) for p in lists}
    if len(have) != len(lists):
        raise InputError("price_lists", len(lists), "lists one price list twice", code="duplicate")
    for section, names in PRICE_LISTS.items():
        for name in names:
            if (section, name) not in have:
                raise InputError(
                    f"price_lists.{section}.{name}",
                    None,
                    "is missing from the rate card",
                    code="missing",
                )
    order = {(s, n): k for k, (s, n) in enumerate((s, n) for s in SECTIONS for n in PRICE_LISTS[s])}
    return tuple(sorted(lists, key=lambda p: order[(p.section, p.name)]))


def _check_free_order(order: tuple[Any, ...]) -> None:
    known = {f"{s}.{t}" for s in FREE_SECTIONS for t in TIERS}
    for i, category in enumerate(order):
        if category not in known:
            raise InputError(
                f"free_minutes.order[{i}]",
                category,
                "is not a known category such as 'duration.HD'",
                code="unknown_category",
            )
    if len(set(order)) != len(order):
        raise InputError(
            "free_minutes.order", list(order), "names a category twice", code="duplicate"
        )
