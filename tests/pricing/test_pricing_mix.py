"""The resolution mix moves only what the user moves: rules, examples and properties."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estimator_gui.pricing import InputError
from estimator_gui.pricing.mix import (
    HELD_BY_LOCKS,
    NO_OTHER_SHARE,
    TIER_LOCKED,
    mix_from_shares,
    rebalance,
    shares_from_mix,
)
from estimator_gui.pricing.scenario import TIERS


def shares(**given: int | str) -> dict[str, Decimal]:
    """Every tier's share, 0 unless given (``K2`` stands for 2K, ``K4`` for 4K)."""
    names = {"K2": "2K", "K4": "4K"}
    out = dict.fromkeys(TIERS, Decimal(0))
    for key, value in given.items():
        out[names.get(key, key)] = Decimal(value)
    return out


def test_raising_a_tier_takes_from_the_others_in_proportion() -> None:
    """Issue 7: HD 70 / FHD 30, 2K typed as 50 gives HD 35, FHD 15, 2K 50; audio and 4K stay 0
    (the old rule spread 12-13% into them)."""
    move = rebalance(shares(HD=70, FHD=30), "2K", Decimal(50))
    assert move.as_dict() == shares(HD=35, FHD=15, K2=50)
    assert move.clamp is None
    assert move.mix == (("HD", Decimal(35)), ("FHD", Decimal(15)), ("2K", Decimal(50)))


def test_lowering_a_tier_gives_to_the_others_that_have_a_share() -> None:
    """The freed share goes to the other unlocked tiers with a share, in proportion."""
    move = rebalance(shares(HD=50, FHD=30, K2=20), "HD", Decimal(0))
    assert move.as_dict() == shares(FHD=60, K2=40)
    assert rebalance(shares(HD=70, FHD=30), "HD", Decimal(50)).as_dict() == shares(HD=50, FHD=50)


def test_lowering_the_only_share_is_held_with_a_reason() -> None:
    """HD 100 lowered to 60: no other tier has a share to take the 40, and none is invented;
    the move is held at 100 and says so (raise FHD to 40 instead: it takes from HD)."""
    move = rebalance(shares(HD=100), "HD", Decimal(60))
    assert move.as_dict() == shares(HD=100)
    assert (move.clamp, move.asked, move.value) == (NO_OTHER_SHARE, Decimal(60), Decimal(100))
    instead = rebalance(shares(HD=100), "FHD", Decimal(40))
    assert instead.as_dict() == shares(HD=60, FHD=40)
    assert instead.clamp is None


def test_locked_tiers_never_move_and_hold_a_raise() -> None:
    """Locked tiers keep their share; a raise stops where they hold the rest."""
    move = rebalance(shares(HD=60, FHD=30, K2=10), "4K", Decimal(80), {"FHD"})
    assert move.as_dict() == shares(FHD=30, K4=70)
    assert (move.clamp, move.value) == (HELD_BY_LOCKS, Decimal(70))
    lowered = rebalance(shares(HD=60, FHD=40), "HD", Decimal(50), {"FHD"})
    assert lowered.as_dict() == shares(HD=60, FHD=40)
    assert lowered.clamp == NO_OTHER_SHARE
    every_other = rebalance(shares(HD=60, FHD=40), "HD", Decimal(50), set(TIERS) - {"HD"})
    assert (every_other.as_dict(), every_other.clamp) == (shares(HD=60, FHD=40), HELD_BY_LOCKS)


def test_a_locked_tier_itself_does_not_move() -> None:
    move = rebalance(shares(HD=60, FHD=40), "HD", Decimal(20), {"HD"})
    assert (move.as_dict(), move.clamp) == (shares(HD=60, FHD=40), TIER_LOCKED)


def test_the_split_is_whole_percents_by_largest_remainder() -> None:
    """Shares in proportion are not always whole: 99 split as 34:33:33 is 33.66, 32.67, 32.67;
    each is rounded down and the rest (2) goes to the largest remainders, so the sum is 100."""
    move = rebalance(shares(HD=34, FHD=33, K2=33), "4K", Decimal(1))
    assert move.as_dict() == shares(HD=33, FHD=33, K2=33, K4=1)
    assert sum(move.as_dict().values()) == 100


def test_a_fractional_locked_share_keeps_the_sum_exact() -> None:
    """A mix read from a file may hold decimals; a locked one stays as it is."""
    move = rebalance(shares(HD="62.5", FHD="37.5"), "2K", Decimal(10), {"FHD"})
    assert move.as_dict() == shares(HD="52.5", FHD="37.5", K2=10)


def test_nothing_moves_when_the_value_is_unchanged() -> None:
    start = shares(HD="33.333333", FHD="66.666667")
    move = rebalance(start, "HD", Decimal("33.333333"))
    assert move.as_dict() == start and move.clamp is None


@pytest.mark.parametrize(
    ("start", "tier", "value", "field", "code"),
    [
        (shares(HD=70, FHD=20), "HD", Decimal(60), "mix", "mix_not_100"),
        (shares(HD=100), "HD", Decimal(101), "mix.HD", "too_large"),
        (shares(HD=100), "HD", Decimal(-1), "mix.HD", "too_small"),
        (shares(HD=100), "8K", Decimal(10), "tier", "unknown_choice"),
        ({"HD": Decimal(100), "SD": Decimal(0)}, "HD", Decimal(10), "mix", "unknown_choice"),
    ],
)
def test_bad_moves_are_refused_naming_the_field(
    start: dict[str, Decimal], tier: str, value: Decimal, field: str, code: str
) -> None:
    with pytest.raises(InputError) as caught:
        rebalance(start, tier, value)
    assert (caught.value.field, caught.value.code) == (field, code)


def test_mixes_and_shares_convert_both_ways() -> None:
    mix = (("audio", Decimal(10)), ("4K", Decimal(90)))
    assert shares_from_mix(mix) == shares(audio=10, K4=90)
    assert mix_from_shares(shares_from_mix(mix)) == mix
    assert shares_from_mix(None) == shares(HD=100)


# ---------------------------------------------------------------------- properties


@st.composite
def start_shares(draw: st.DrawFn) -> dict[str, Decimal]:
    """Shares summing to exactly 100: whole percents, or up to 6 decimals as a file holds."""
    raw = draw(st.lists(st.integers(0, 1000), min_size=5, max_size=5).filter(lambda v: sum(v)))
    places = draw(st.sampled_from([0, 6]))
    quantum = Decimal(1).scaleb(-places)
    start = [(Decimal(v) * 100 / sum(raw)).quantize(quantum) for v in raw]
    largest = start.index(max(start))
    start[largest] += 100 - sum(start)  # the rounding rest goes where it cannot turn negative
    return dict(zip(TIERS, start, strict=True))


Move = tuple[dict[str, Decimal], str, Decimal, frozenset[str]]
moves = st.tuples(
    start_shares(),
    st.sampled_from(TIERS),
    st.integers(0, 100).map(Decimal),
    st.frozensets(st.sampled_from(TIERS)),
)


@given(moves)
def test_shares_stay_between_0_and_100_and_sum_to_exactly_100(move_args: Move) -> None:
    after = rebalance(*move_args).as_dict()
    assert sum(after.values()) == 100
    assert all(0 <= share <= 100 for share in after.values())


@given(moves)
def test_untouched_zero_tiers_stay_zero_and_locked_tiers_never_move(move_args: Move) -> None:
    before, tier, _value, locked = move_args
    after = rebalance(*move_args).as_dict()
    for other in TIERS:
        if other != tier and before[other] == 0:
            assert after[other] == 0
        if other in locked:
            assert after[other] == before[other]


@given(moves)
def test_the_moved_tier_gets_the_asked_value_unless_the_locks_hold_it(move_args: Move) -> None:
    before, tier, value, locked = move_args
    move = rebalance(*move_args)
    if move.clamp is None:
        assert move.value == value
        return
    # Held only where the rule allows nothing else, and never past the asked value.
    others = [t for t in TIERS if t != tier and t not in locked]
    followers = [t for t in others if before[t] > 0]
    if tier in locked:
        assert move.clamp == TIER_LOCKED and move.as_dict() == before
    elif value > before[tier]:
        assert move.clamp == HELD_BY_LOCKS
        assert move.value == before[tier] + sum(before[t] for t in followers) < value
    else:
        assert not followers and move.as_dict() == before
        assert move.clamp == (NO_OTHER_SHARE if others else HELD_BY_LOCKS)


@given(moves)
def test_the_others_keep_their_proportions_within_rounding(move_args: Move) -> None:
    before, tier, _value, locked = move_args
    after = rebalance(*move_args).as_dict()
    followers = [t for t in TIERS if t != tier and t not in locked and before[t] > 0]
    if not followers or after == before:
        return
    held = sum(after[t] for t in followers)
    weight = sum(before[t] for t in followers)
    for follower in followers:
        exact = Fraction(held) * Fraction(before[follower]) / Fraction(weight)
        assert abs(Fraction(after[follower]) - exact) < 1  # whole percents, largest remainder
