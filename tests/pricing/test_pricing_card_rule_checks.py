"""A card's rules are checked when it loads: bad rule data is refused with the key named.

Each case edits the shipped current card (trtc-intl-2026-12.toml) in one place.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from estimator_gui.files.ratecard_io import load_rate_card, shipped_rate_card
from estimator_gui.files.resources import resource
from estimator_gui.pricing import InputError

CARD_TEXT = resource("rate_cards", "trtc-intl-2026-12.toml").read_text(encoding="utf-8")
DURATION = '''section = "duration"
name = "standard"
source = "647/42734"'''


def _refused(tmp_path: Path, old: str, new: str) -> InputError:
    assert CARD_TEXT.count(old) == 1, f"the current card no longer holds {old!r} once"
    path = tmp_path / "changed.toml"
    path.write_text(CARD_TEXT.replace(old, new), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_rate_card(path)
    return caught.value


def test_the_current_card_loads_with_its_rules_and_figures() -> None:
    """trtc-intl-2026-12 holds the current pages' rules: daily rounding, weighted free minutes
    taken day by day over duration and recording, "exceeds" 3,000, relay by registration day,
    the 9.9 USD starter package and three value-added services; prices as 42734/45176/47631."""
    card = shipped_rate_card("trtc-intl-2026-12")
    assert (card.rounding, card.rounding_period, card.free_period) == (
        "ceil_minute_per_category_per_day_per_application", "day", "day",
    )
    assert card.free_minutes == 10_000
    assert card.free_order == tuple(
        f"{section}.{tier}" for section in ("duration", "recording")
        for tier in ("audio", "HD", "FHD", "2K", "4K")
    )
    assert [card.free_weight(f"duration.{t}") for t in ("audio", "HD", "FHD", "2K", "4K")] == [
        1, 4, 9, 16, 36,
    ]
    assert card.contract_reached_at == "more_than"
    assert card.relay.rule == "by_registration_date"
    assert card.relay.registered_before == datetime.date(2025, 10, 23)
    assert card.relay.list_for(datetime.date(2025, 10, 22)) == "bandwidth"
    assert card.relay.list_for(datetime.date(2025, 10, 23)) == "duration"
    prices = {(p.section, p.name): dict(p.prices) for p in card.price_lists}
    assert prices[("duration", "standard")]["4K"] == Decimal("35.99")
    assert prices[("recording", "standard")]["4K"] == Decimal("53.99")
    assert prices[("transcoding", "h265")]["4K"] == Decimal("189.99")
    assert prices[("relay", "bandwidth")] == {"relay": Decimal("18.99")}
    assert prices[("relay", "duration")] == {"relay": Decimal("2.99")}
    assert [(p.id, p.fee, p.minutes, p.per) for p in card.packages] == [
        ("starter-9.9", Decimal("9.9"), 50_000, "once"),
    ]
    assert [(s.id, dict(s.prices)) for s in card.value_added] == [
        ("speech_to_text", {"standard": Decimal("0.02")}),
        ("ai_translation", {"standard": Decimal("0.016")}),
        ("web_recording", {"HD": Decimal(14), "FHD": Decimal(28)}),
    ]
    read = {source.read for source in card.sources}
    assert read == {"2026-12-01"}
    used = {p.source for p in card.price_lists} | {p.source for p in card.packages}
    assert used <= {source.id for source in card.sources}


@pytest.mark.parametrize(
    ("old", "new", "field", "code"),
    [
        ('period = "day"\nsummed', 'period = "month"\nsummed', "rounding.period",
         "rule_contradiction"),
        ('summed = "category"', 'summed = "application"', "rounding.summed", "unknown_rule"),
        ('"recording.4K" = 36', '"recording.4K" = 36\n"transcoding.HD" = 4',
         "free_minutes.weights.transcoding.HD", "unknown_category"),
        ('"duration.HD" = 4', '"duration.HD" = 0', "free_minutes.weights.duration.HD",
         "too_small"),
        ('"duration.HD" = 4', '"duration.HD" = "4.5"', "free_minutes.weights.duration.HD",
         "not_integer"),
        ('rule = "ceil_minute_per_category_per_day_per_application"\nperiod = "day"',
         'rule = "ceil_minute_per_category_per_month"\nperiod = "month"',
         "free_minutes.period", "rule_contradiction"),
        ('reached_at = "more_than"', 'reached_at = "above"', "contract_hint.reached_at",
         "unknown_rule"),
    ],
)
def test_bad_rounding_free_minute_and_contract_rules_are_refused(
    tmp_path: Path, old: str, new: str, field: str, code: str
) -> None:
    """A rounding period that contradicts its rule, an unknown sum, a free-minute weight on a
    category the order does not take (or 0, or a fraction), free minutes by day on a card that
    rounds by month, and an unknown contract wording: refused, naming the key."""
    error = _refused(tmp_path, old, new)
    assert (error.field, error.code) == (f"changed.toml: {field}", code)


@pytest.mark.parametrize(
    ("old", "new", "field", "code"),
    [
        ('rule = "by_registration_date"', 'rule = "by_country"', "relay.rule", "unknown_rule"),
        ('registered_before = "2025-10-23"\n', "", "relay.registered_before", "missing"),
        ('registered_before = "2025-10-23"', 'registered_before = "23.10.2025"',
         "relay.registered_before", "bad_date"),
        ('from = "duration"', 'from = "bandwidth"', "relay.from", "rule_contradiction"),
        ('rule = "by_registration_date"', 'rule = "by_scenario_mode"', "relay.registered_before",
         "rule_contradiction"),
        ('minutes_rounding = "ceil_minute_of_month_total"\nsource',
         'minutes_rounding = "ceil_minute_per_day"\nsource', "relay.minutes_rounding",
         "unknown_rule"),
        ('rule = "by_registration_date"', 'rule = "by_registration_date"\nregistered_after = 1',
         "relay.registered_after", "unknown_key"),
    ],
)
def test_bad_relay_rules_are_refused(
    tmp_path: Path, old: str, new: str, field: str, code: str
) -> None:
    """An unknown relay rule, a registration rule without its day (or with a day not written
    YYYY-MM-DD), the same list before and after, a cut-off day on the scenario-mode rule, a relay
    rounding no engine rule names, and an unknown key: refused, naming the key."""
    error = _refused(tmp_path, old, new)
    assert (error.field, error.code) == (f"changed.toml: {field}", code)


def test_a_price_list_without_its_source_is_refused(tmp_path: Path) -> None:
    """Every price list names its source: one without is refused, naming it."""
    error = _refused(tmp_path, DURATION, DURATION.replace('\nsource = "647/42734"', ""))
    assert (error.field, error.code) == ("changed.toml: price_lists[0].source", "missing")


def test_a_source_that_is_not_listed_is_refused(tmp_path: Path) -> None:
    """A rule's source must be the id of one of the card's [[sources]]."""
    error = _refused(tmp_path, DURATION, DURATION.replace("647/42734", "647/99999"))
    assert (error.field, error.code) == ("changed.toml: price_lists[0].source", "unknown_source")
    assert "647/42737" in error.rule


@pytest.mark.parametrize(
    ("old", "new", "field", "code"),
    [
        ('"duration.standard.audio" = "1"', '"storage.audio" = "1"',
         "packages[0].weights.storage.audio", "unknown_category"),
        ('"duration.standard.HD" = "4"', '"duration.standard.HD" = "0"',
         "packages[0].weights.duration.standard.HD", "too_small"),
        ('fee = "9.9"', 'fee = "-9.9"', "packages[0].fee", "negative_price"),
        ('per = "once"', 'per = "week"', "packages[0].per", "unknown_rule"),
        ('eligibility = "new_accounts_once"', 'eligibility = "students"',
         "packages[0].eligibility", "unknown_rule"),
        ('source = "647/42737"\n# "we offer', '# "we offer', "packages[0].source", "missing"),
        ('prices = { standard = "0.02" }', 'prices = { standard = "0.02" }\nper_language = "yes"',
         "value_added[0].per_language", "invalid"),
        ('per = "minute"\nprices = { standard = "0.02" }',
         'per = "second"\nprices = { standard = "0.02" }', "value_added[0].per", "unknown_rule"),
        ('id = "ai_translation"', 'id = "speech_to_text"', "value_added[1].id", "duplicate"),
    ],
)
def test_bad_packages_and_value_added_services_are_refused(
    tmp_path: Path, old: str, new: str, field: str, code: str
) -> None:
    """A package weight on an unknown category or of 0, a negative fee, an unknown period or
    eligibility, a package without its source; a value-added service with a flag that is not
    true/false, an unknown unit or an id given twice: refused, naming the key."""
    error = _refused(tmp_path, old, new)
    assert (error.field, error.code) == (f"changed.toml: {field}", code)
