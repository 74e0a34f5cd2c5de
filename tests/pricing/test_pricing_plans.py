"""Pay-as-you-go against packages (pricing/plans.py): codes and exact numbers.

CALL_LIKE is test data, not a shipped package: it has the figures trtc-billing.md section 9 gives
for Call 1v1 (199 USD a month, 100,000 minutes), which no page read for the card confirmed.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from pricing_builders import group, minutes
from test_pricing_properties import SCENARIOS, SETTINGS

from estimator_gui.files.ratecard_io import shipped_rate_card
from estimator_gui.pricing import Breakdown, RecordingTask, Relay, Room, Scenario, price
from estimator_gui.pricing.card_rules import Package
from estimator_gui.pricing.plans import PAY_AS_YOU_GO, compare_plans

CARD = shipped_rate_card("trtc-intl-2026-12")
PREPAID = tuple(
    (f"duration.standard.{tier}", Decimal(weight))
    for tier, weight in (("audio", 1), ("HD", 4), ("FHD", 9), ("2K", 16), ("4K", 36))
)
CALL_LIKE = Package("call-like", "Test package", Decimal(199), "month", 100_000, PREPAID)


def _month(*rooms: Room, free_minutes: int | None = None, **fields: object) -> Breakdown:
    scenario = Scenario(rooms=rooms, free_minutes=free_minutes, **fields)  # type: ignore[arg-type]
    return price(scenario, CARD)


def _audio(count: int) -> Room:
    """``count`` audio minutes on one day: as many one-minute rooms of one user."""
    return Room("audio_call", count, 1, Decimal(60), (group("participant", 1),))


def test_usage_just_over_a_package_pays_exactly_the_overage() -> None:
    """Package minutes come after the free minutes (59806): 110,001 audio minutes less 10,000
    free leave 100,001; a 100,000-minute package covers 100,000 and the one minute over is paid
    at the card's 0.99 per 1,000: 199 + 0.00099."""
    breakdown = _month(_audio(110_001))
    plan = compare_plans(breakdown, CARD, (CALL_LIKE,)).plan("call-like")
    assert plan.covered_minutes == 100_000
    assert plan.overage == Decimal("0.00099")
    assert plan.uncovered == 0
    assert plan.total == Decimal("199.00099")
    assert plan.covered_amount == Decimal("99")


def test_package_minutes_weigh_video_minutes() -> None:
    """At 1:4 (42734's prepaid ratio), 100,000 package minutes cover 25,000 HD minutes: 25,001
    HD minutes (free minutes off) leave one HD minute, 0.00399, over."""
    hd = Room("video_call", 25_001, 1, Decimal(60), (group("participant", 1, "1280x720"),))
    plan = compare_plans(_month(hd, free_minutes=0), CARD, (CALL_LIKE,)).plan("call-like")
    assert plan.covered_minutes == 100_000
    assert plan.overage == Decimal("0.00399")


def test_a_package_covers_only_its_weighted_categories() -> None:
    """Recording and relay have no weight in the package: they stay pay-as-you-go, counted as
    not covered; the package covers the audio."""
    breakdown = _month(
        _audio(1000), free_minutes=0,
        recording=(RecordingTask(1, 1, minutes(100)),), relay=Relay(minutes=Decimal(1000)),
    )
    plan = compare_plans(breakdown, CARD, (CALL_LIKE,)).plan("call-like")
    assert plan.covered_minutes == 1000
    assert plan.overage == 0
    assert plan.uncovered == Decimal("0.149") + Decimal("2.99")
    assert plan.total == 199 + plan.uncovered


def test_a_call_like_package_never_beats_pay_as_you_go_on_minutes_alone() -> None:
    """100,000 minutes at 1:4:9:16:36 are worth at most 99.9 USD of pay-as-you-go duration (audio
    99, HD 25,000 x 3.99 = 99.75, FHD 11,111 x 8.99 = 99.89...): a 199 USD package is never the
    cheapest way to buy the minutes; what it adds (the Call component, MAU) is not priced here."""
    for size in ("1280x720", "1920x1080"):
        room = Room("video_call", 200_000, 1, Decimal(60), (group("participant", 1, size),))
        comparison = compare_plans(_month(room), CARD, (CALL_LIKE,))
        assert comparison.cheapest == PAY_AS_YOU_GO
        plan = comparison.plan("call-like")
        assert plan.covered_amount < 100
        assert plan.total - comparison.plan(PAY_AS_YOU_GO).total == 199 - plan.covered_amount


def test_a_fractional_weight_halves_what_an_audience_minute_uses() -> None:
    """The Live package deducts Video Live audience minutes at 0.5 : 2 : 4.5 : 8 : 18 (66078):
    1,000 audience audio minutes use 500 package minutes."""
    live = Package("live-like", "Test", Decimal(1), "month", 1000,
                   (("duration.video_live_component.audio", Decimal("0.5")),))
    room = Room("live_video", 1, 1, Decimal(60), (group("audience", 1000),),
                audience_price_list="video_live_component")
    plan = compare_plans(_month(room, free_minutes=0), CARD, (live,)).plan("live-like")
    assert plan.covered_minutes == 500
    assert plan.covered_amount == Decimal("0.5")  # 1,000 minutes at 0.5 USD per 1,000


def test_the_cheapest_plan_is_named_and_ties_keep_pay_as_you_go() -> None:
    """A month the package does not beat keeps pay-as-you-go; a month it beats names it; equal
    totals keep pay-as-you-go, listed first."""
    cheap = Package("cheap", "Test", Decimal(50), "month", 100_000, PREPAID)
    small = compare_plans(_month(_audio(20_000)), CARD, (cheap,))
    big = compare_plans(_month(_audio(300_000)), CARD, (cheap,))
    assert small.cheapest == PAY_AS_YOU_GO
    assert big.cheapest == "cheap"
    assert big.plan(PAY_AS_YOU_GO).total == Decimal(290_000) * Decimal("0.00099")
    assert big.plan("cheap").total == 50 + Decimal(190_000) * Decimal("0.00099")
    free = Package("free", "Test", Decimal(0), "month", 0, PREPAID)
    assert compare_plans(_month(), CARD, (free,)).cheapest == PAY_AS_YOU_GO


def test_an_offer_for_new_accounts_is_named_apart() -> None:
    """The 9.9 USD starter package (42737) is for new users, once: it can be the cheapest way for
    a new account while pay-as-you-go stays the cheapest for any account."""
    comparison = compare_plans(_month(_audio(30_000)), CARD)
    starter = comparison.plan("starter-9.9")
    assert (starter.eligibility, starter.per, starter.monthly_fee) == (
        "new_accounts_once", "once", Decimal("9.9"),
    )
    assert comparison.cheapest == PAY_AS_YOU_GO  # 20,000 minutes: 19.80 USD
    assert comparison.cheapest_new_account == "starter-9.9"
    assert starter.total == Decimal("9.9")


@SETTINGS
@given(SCENARIOS)
def test_the_cheapest_plan_is_never_dearer_than_pay_as_you_go(scenario: Scenario) -> None:
    """For any month: pay-as-you-go is the breakdown's subtotal; each plan's total is its fee +
    overage + not covered, and uses no more than its minutes; the cheapest is the least."""
    breakdown = price(scenario, CARD)
    comparison = compare_plans(breakdown, CARD, (*CARD.packages, CALL_LIKE))
    payg = comparison.plan(PAY_AS_YOU_GO)
    assert payg.total == breakdown.subtotal
    for plan in comparison.plans:
        assert plan.total == plan.monthly_fee + plan.overage + plan.uncovered
        assert 0 <= plan.covered_minutes <= max(plan.package_minutes, 0)
        assert plan.overage >= 0 and plan.uncovered >= 0
        assert plan.total == plan.monthly_fee + breakdown.subtotal - plan.covered_amount
    assert comparison.plan(comparison.cheapest).total <= payg.total
    assert comparison.plan(comparison.cheapest_new_account).total == min(
        p.total for p in comparison.plans
    )
