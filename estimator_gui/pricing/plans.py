"""Pay-as-you-go against packages: the month's cost under each plan and the cheapest, exact."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, Inexact, localcontext

from msgspec import Struct

from estimator_gui.pricing.breakdown import Breakdown, Line
from estimator_gui.pricing.card_rules import Package
from estimator_gui.pricing.engine import deduct
from estimator_gui.pricing.ratecard import FREE_SECTIONS, RateCard
from estimator_gui.pricing.scenario import TIERS

PAY_AS_YOU_GO = "pay_as_you_go"
# Plans are compared on the month's amount after the free minutes and before a contract discount:
# no page says whether a contract discount applies to package fees.
BASIS = "after_free_minutes_before_discount"


class PlanCost(Struct, frozen=True):
    """The month under one plan: ``total = monthly_fee + overage + uncovered``.

    ``covered_minutes`` are the package minutes the month uses (billed minutes x weight);
    ``covered_amount`` is the pay-as-you-go amount they replace; ``overage`` is what the covered
    categories cost at the card's rates beyond the package; ``uncovered`` is the pay-as-you-go
    amount of what the package does not cover (relay, value-added services, other categories).
    """

    id: str
    per: str  # "month", "once", or "" for pay-as-you-go
    eligibility: str  # "any_account" or "new_accounts_once"
    monthly_fee: Decimal
    package_minutes: int
    covered_minutes: Decimal
    covered_amount: Decimal
    overage: Decimal
    uncovered: Decimal
    total: Decimal


class PlanComparison(Struct, frozen=True):
    """Every plan, pay-as-you-go first; ``cheapest`` among plans any account can buy, and
    ``cheapest_new_account`` counting offers for new accounts too (the same id when none wins)."""

    plans: tuple[PlanCost, ...]
    cheapest: str
    cheapest_new_account: str
    basis: str = BASIS

    def plan(self, plan_id: str) -> PlanCost:
        for plan in self.plans:
            if plan.id == plan_id:
                return plan
        raise KeyError(plan_id)


def compare_plans(
    breakdown: Breakdown, card: RateCard, packages: tuple[Package, ...] | None = None
) -> PlanComparison:
    """The month of ``breakdown`` under pay-as-you-go and under each package (the card's, or
    ``packages``, a sales team's own book).

    A package's minutes are taken after the free minutes (59806: "The 10,000 free minutes ...
    will be deducted first, followed by the free package"), from the month's billed minutes left,
    in the card's free-minute order and then the other categories, at the package's weights; only
    whole billed minutes are covered. A tie keeps the plan listed first, pay-as-you-go before any
    package.
    """
    with localcontext() as context:
        context.prec = 80
        context.traps[Inexact] = True
        chosen = card.packages if packages is None else packages
        payg = PlanCost(
            id=PAY_AS_YOU_GO,
            per="",
            eligibility="any_account",
            monthly_fee=Decimal(0),
            package_minutes=0,
            covered_minutes=Decimal(0),
            covered_amount=Decimal(0),
            overage=Decimal(0),
            uncovered=breakdown.subtotal,
            total=breakdown.subtotal,
        )
        plans = (payg, *(_package_cost(breakdown, card, package) for package in chosen))
    return PlanComparison(
        plans=plans,
        cheapest=_cheapest(p for p in plans if p.eligibility == "any_account"),
        cheapest_new_account=_cheapest(plans),
    )


def _package_cost(breakdown: Breakdown, card: RateCard, package: Package) -> PlanCost:
    lines = list(breakdown.lines)
    order = tuple(
        dict.fromkeys([*card.free_order, *(f"{s}.{t}" for s in FREE_SECTIONS for t in TIERS)])
    )

    def weight(line: Line) -> Decimal | None:
        return package.weight(line.section, line.price_list, line.tier)

    already = {index: line.free_minutes for index, line in enumerate(lines) if line.free_minutes}
    taken, used = deduct(lines, Decimal(package.minutes), order, weight, "month", already=already)
    covered_amount = sum(
        (minutes * lines[index].price_per_unit for index, minutes in taken.items()), Decimal(0)
    )
    overage = Decimal(0)
    uncovered = Decimal(0)
    for index, line in enumerate(lines):
        if line.section in FREE_SECTIONS and weight(line) is not None:
            overage += line.net - taken.get(index, 0) * line.price_per_unit
        else:
            uncovered += line.net
    return PlanCost(
        id=package.id,
        per=package.per,
        eligibility=package.eligibility,
        monthly_fee=package.fee,
        package_minutes=package.minutes,
        covered_minutes=used,
        covered_amount=covered_amount,
        overage=overage,
        uncovered=uncovered,
        total=package.fee + overage + uncovered,
    )


def _cheapest(plans: Iterable[PlanCost]) -> str:
    best: PlanCost | None = None
    for plan in plans:
        if best is None or plan.total < best.total:
            best = plan
    assert best is not None  # pay-as-you-go is always there
    return best.id
