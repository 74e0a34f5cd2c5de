"""The resolution mix's arithmetic: moving one tier's share changes only the shares that exist.

The rule (issue 7): raising one tier takes the difference from the other unlocked tiers in
proportion to their current shares, never creating a share in a tier that was 0; lowering one
gives the freed share to the other unlocked tiers that have a share, in proportion. Locked
tiers never move. When no unlocked tier can give or take the difference, the move is clamped
and the result says why, so the window can tell the user what to do instead of inventing a
share nobody asked for.

Shares are whole percents after a move (the sliders' step): the proportional split is rounded
by largest remainder, so the shares still sum to exactly 100. A typed complete mix is never
moved here; it is taken as it is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from decimal import Decimal
from fractions import Fraction

from msgspec import Struct

from estimator_gui.pricing import checks
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import TIERS, Mix

HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_ONE = Decimal(1)

# Why a move did not reach the asked value.
TIER_LOCKED = "tier_locked"  # the tier moved is locked itself: nothing moves
HELD_BY_LOCKS = "held_by_locks"  # the locked tiers hold what the move needs
NO_OTHER_SHARE = "no_other_share"  # lowering, and no other unlocked tier has a share to grow

Shares = tuple[tuple[str, Decimal], ...]  # every tier in TIERS order, zeros included


class MixMove(Struct, frozen=True):
    """The shares after asking ``tier`` to be ``asked`` percent; ``clamp`` says why not, if not."""

    shares: Shares
    tier: str
    asked: Decimal
    clamp: str | None = None

    def share(self, tier: str) -> Decimal:
        return dict(self.shares)[tier]

    @property
    def value(self) -> Decimal:
        """What the moved tier got: ``asked``, or where the clamp stopped it."""
        return self.share(self.tier)

    def as_dict(self) -> dict[str, Decimal]:
        return dict(self.shares)

    @property
    def mix(self) -> Mix:
        return mix_from_shares(self.as_dict())


def shares_from_mix(mix: Mix | None) -> dict[str, Decimal]:
    """Every tier's share (0 where the mix has none); no mix is 100% HD, the control's start."""
    shares = dict.fromkeys(TIERS, _ZERO)
    for tier, share in mix if mix is not None else (("HD", HUNDRED),):
        shares[tier] = share
    return shares


def mix_from_shares(shares: Mapping[str, Decimal]) -> Mix:
    """The mix a scenario holds: tiers with a share, in TIERS order."""
    return tuple((t, shares[t]) for t in TIERS if shares.get(t, _ZERO) > 0)


def rebalance(
    shares: Mapping[str, Decimal],
    tier: str,
    value: Decimal,
    locked: AbstractSet[str] = frozenset(),
) -> MixMove:
    """Move ``tier`` to ``value`` percent; only the other unlocked tiers with a share follow.

    ``shares`` must sum to exactly 100 (missing tiers are 0). Raising takes the difference from
    the unlocked tiers that have a share, in proportion to those shares, and stops where the
    locked tiers hold the rest (``HELD_BY_LOCKS``). Lowering gives the freed share to the same
    tiers, in proportion; with none of them (``HD 100`` lowered to 60), nothing moves and the
    clamp is ``NO_OTHER_SHARE``: the user raises the tier they want, which then takes from HD.
    """
    full = _checked(shares)
    checks.choice("tier", tier, TIERS)
    value = checks.amount(f"mix.{tier}", value, 0, 100)
    current = full[tier]
    if value == current:
        return MixMove(_as_shares(full), tier, value)
    if tier in locked:
        return MixMove(_as_shares(full), tier, value, TIER_LOCKED)
    unlocked = [t for t in TIERS if t != tier and t not in locked]
    followers = [t for t in unlocked if full[t] > 0]
    clamp = None
    reached = value
    if value > current:
        reached = min(value, current + sum((full[t] for t in followers), _ZERO))
        if reached < value:
            clamp = HELD_BY_LOCKS
    elif not followers:
        reached = current
        clamp = NO_OTHER_SHARE if unlocked else HELD_BY_LOCKS
    if reached == current:
        return MixMove(_as_shares(full), tier, value, clamp)
    held = sum((full[t] for t in followers), _ZERO) + current - reached
    result = dict(full)
    result[tier] = reached
    for follower, share in zip(
        followers, _largest_remainder(held, [full[t] for t in followers]), strict=True
    ):
        result[follower] = share
    return MixMove(_as_shares(result), tier, value, clamp)


def _checked(shares: Mapping[str, Decimal]) -> dict[str, Decimal]:
    for tier in shares:
        checks.choice("mix", tier, TIERS)
    full = {t: checks.amount(f"mix.{t}", shares.get(t, _ZERO), 0, 100) for t in TIERS}
    total = sum(full.values(), _ZERO)
    if total != HUNDRED:
        raise InputError(
            "mix",
            f"{format(total, 'f')}%",
            "must sum to exactly 100%",
            code="mix_not_100",
            limit=100,
        )
    return full


def _as_shares(shares: Mapping[str, Decimal]) -> Shares:
    return tuple((t, shares[t]) for t in TIERS)


def _largest_remainder(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """``total`` split in proportion to ``weights`` (all > 0), in whole units by largest remainder.

    The parts sum to exactly ``total``. A fractional ``total`` (a locked share from a file with
    decimals) leaves its fraction to the part with the largest remainder.
    """
    # Fractions keep the split exact: no remainder is misjudged by a rounded division.
    weight = sum((Fraction(w) for w in weights), Fraction(0))
    exact = [Fraction(total) * Fraction(w) / weight for w in weights]
    parts = [Decimal(math.floor(e)) for e in exact]
    leftover = total - sum(parts, _ZERO)
    # Ties go to the larger share, then to the lower tier: the same answer every time.
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - int(parts[i])), -weights[i], i))
    for i in order:
        if leftover <= 0:
            break
        step = min(_ONE, leftover)
        parts[i] += step
        leftover -= step
    return parts
