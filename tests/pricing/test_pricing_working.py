"""The tier working as codes and numbers: aggregate, tier, and the step to the next tier."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.pricing import Resolution
from estimator_gui.pricing.scenario import VIDEO_TIERS
from estimator_gui.pricing.working import (
    AUDIO,
    MIX,
    STREAMS,
    NextStep,
    TierWorking,
    grouped_streams,
    tier_working,
)

CARD = default_rate_card()
HD = Resolution(1280, 720)
SMALL = Resolution(640, 360)
TOP = Resolution(4096, 2160)


def test_five_720p_streams_are_4k_and_one_more_stays_4k() -> None:
    """5 x 1280x720 = 4,608,000 px is 4K; a sixth (5,529,600 px) is still 4K: no step."""
    assert tier_working((HD,) * 5, None, CARD) == TierWorking(
        STREAMS, (HD,) * 5, pixels=4_608_000, tier="4K"
    )


def test_one_stream_short_of_the_next_tier_names_the_step() -> None:
    """4 x 640x360 = 921,600 px is HD (bounds inclusive); a fifth makes 1,152,000 px: FHD."""
    working = tier_working((SMALL,) * 4, None, CARD)
    assert (working.pixels, working.tier) == (921_600, "HD")
    assert working.next_step == NextStep(SMALL, 1_152_000, "FHD")


def test_the_step_is_one_more_of_the_last_stream() -> None:
    working = tier_working((HD, SMALL, HD), None, CARD)
    assert (working.pixels, working.tier) == (2_073_600, "FHD")
    assert working.next_step == NextStep(HD, 2_995_200, "2K")


def test_one_more_past_the_last_price_is_a_step_to_no_price() -> None:
    working = tier_working((TOP,), None, CARD)
    assert working.tier == "4K"
    assert working.next_step == NextStep(TOP, 17_694_720, None)
    assert working.priced


def test_above_the_last_price_there_is_no_tier_and_no_step() -> None:
    working = tier_working((TOP, Resolution(1, 1)), None, CARD)
    assert (working.kind, working.pixels, working.tier, working.next_step) == (
        STREAMS,
        8_847_361,
        None,
        None,
    )
    assert not working.priced


def test_no_stream_is_audio_and_a_mix_stands_as_it_is() -> None:
    assert tier_working((), None, CARD) == TierWorking(AUDIO, tier="audio")
    mix = (("HD", Decimal(70)), ("FHD", Decimal(30)))
    assert tier_working((), mix, CARD) == TierWorking(MIX, mix=mix)


def test_streams_are_grouped_in_the_order_first_received() -> None:
    assert grouped_streams((HD, SMALL, HD, SMALL, SMALL)) == ((HD, 2), (SMALL, 3))
    assert grouped_streams(()) == ()


sizes = st.sampled_from([Resolution(320, 180), SMALL, HD, Resolution(1920, 1080)])


@given(st.lists(sizes, min_size=1, max_size=6))
def test_a_step_is_named_exactly_when_one_more_stream_changes_the_tier(
    streams: list[Resolution],
) -> None:
    working = tier_working(tuple(streams), None, CARD)
    one_more = tier_working((*streams, streams[-1]), None, CARD)
    assert working.pixels == sum(s.pixels for s in streams)
    if working.next_step is None:
        assert one_more.tier == working.tier
    else:
        assert working.next_step.tier == one_more.tier != working.tier
        assert working.next_step.pixels == one_more.pixels
        # Tiers only go up as streams are added (or past the last price).
        if one_more.tier is not None and working.tier is not None:
            assert VIDEO_TIERS.index(one_more.tier) > VIDEO_TIERS.index(working.tier)
