"""Properties of price() on the current card (daily rounding, weighted free minutes by day)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from test_pricing_properties import SCENARIOS, SETTINGS, _grow

from estimator_gui.files.ratecard_io import default_rate_card, shipped_rate_card
from estimator_gui.pricing import Scenario, price

CARD = shipped_rate_card("trtc-intl-2026-12")
MONTHLY = default_rate_card()


@SETTINGS
@given(SCENARIOS)
def test_daily_totals_add_up_and_free_minutes_stay_within_the_allowance(
    scenario: Scenario,
) -> None:
    """On the daily card: gross and subtotal are the sums of the lines; the free minutes used are
    the lines' covered minutes x their weights, within the allowance; only the card's categories
    take any, no line takes more than it bills, and no net is negative."""
    breakdown = price(scenario, CARD)
    assert breakdown.gross == sum((line.gross for line in breakdown.lines), Decimal(0))
    assert breakdown.subtotal == sum((line.net for line in breakdown.lines), Decimal(0))
    allowance = CARD.free_minutes if scenario.free_minutes is None else scenario.free_minutes
    assert breakdown.free_minutes_used == sum(
        line.free_minutes_taken for line in breakdown.lines
    )
    assert 0 <= breakdown.free_minutes_used <= allowance
    for line in breakdown.lines:
        assert 0 <= line.free_minutes <= line.quantity
        if line.free_minutes:
            assert line.category in CARD.free_order
            assert line.free_weight == CARD.free_weight(line.category)
        assert 0 <= line.net <= line.gross
    assert breakdown.contract_discount_eligible == (breakdown.subtotal > 3000)


@SETTINGS
@given(SCENARIOS)
def test_rounding_per_day_bills_at_least_the_month_and_at_most_a_minute_a_day_more(
    scenario: Scenario,
) -> None:
    """Each category's per-day working adds up to its seconds and minutes; rounding each day
    never bills fewer minutes than rounding the month once, and at most one more minute per day
    of the month (31)."""
    daily = price(scenario, CARD)
    monthly = {
        (line.section, line.price_list, line.tier): line.quantity
        for line in price(scenario, MONTHLY).lines
    }
    for line in daily.lines:
        if line.section == "relay":
            continue
        assert line.seconds == sum(
            (stretch.seconds * stretch.days for stretch in line.days), Decimal(0)
        )
        assert line.quantity == sum(
            (stretch.minutes * stretch.days for stretch in line.days), Decimal(0)
        )
        once = monthly[(line.section, line.price_list, line.tier)]
        assert once <= line.quantity <= once + 31


@SETTINGS
@given(SCENARIOS, st.data())
def test_more_use_never_lowers_the_daily_gross(scenario: Scenario, data: st.DataObject) -> None:
    """More users, minutes, days or rooms never lower the gross on the daily card (each day's
    rounded minutes only grow). A stream that moves a tier is left out: time leaving a category
    takes its rounding with it, as on the monthly card."""
    grown, streams_added = _grow(data, scenario)
    if streams_added:
        return
    assert price(grown, CARD).gross >= price(scenario, CARD).gross
