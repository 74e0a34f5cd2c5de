"""How a tier is reached, as codes and numbers: streams -> aggregate pixels -> tier -> next step."""

from __future__ import annotations

from msgspec import Struct

from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Mix, Resolution, aggregate_pixels

# What the working is about; the window words each one.
AUDIO = "audio"  # no stream at once: billed as audio
STREAMS = "streams"  # streams at once: their aggregate fixes the tier
MIX = "mix"  # a share of the time per tier: no aggregate to work out


class NextStep(Struct, frozen=True):
    """One more ``stream`` brings the aggregate to ``pixels``: ``tier``, or None (no price)."""

    stream: Resolution
    pixels: int
    tier: str | None


class TierWorking(Struct, frozen=True):
    """The working of one group or task.

    ``tier`` is the aggregate's tier code (``audio`` for no stream); None for a mix, and for an
    aggregate above the last published price. ``next_step`` is set only when one more of the
    last stream would change the tier (to the next one, or past the last published price).
    """

    kind: str
    streams: tuple[Resolution, ...] = ()
    mix: Mix | None = None
    pixels: int = 0
    tier: str | None = None
    next_step: NextStep | None = None

    @property
    def priced(self) -> bool:
        """False only for an aggregate above the last published price."""
        return self.kind != STREAMS or self.tier is not None


def grouped_streams(streams: tuple[Resolution, ...]) -> tuple[tuple[Resolution, int], ...]:
    """Each distinct stream once, in the order first received, with how many of it."""
    counts: dict[Resolution, int] = {}
    for stream in streams:
        counts[stream] = counts.get(stream, 0) + 1
    return tuple(counts.items())


def tier_working(streams: tuple[Resolution, ...], mix: Mix | None, card: RateCard) -> TierWorking:
    """The working for ``streams`` taken at once (or ``mix``, which then stands instead)."""
    if mix is not None:
        return TierWorking(MIX, mix=mix)
    if not streams:
        return TierWorking(AUDIO, tier=card.tier_for(0))
    pixels = aggregate_pixels(streams)
    tier = card.tier_for(pixels)
    if tier is None:
        return TierWorking(STREAMS, streams, pixels=pixels)
    # The likeliest next stream is one more of the last kind (one more camera, one more thumbnail).
    step = streams[-1]
    after = pixels + step.pixels
    next_tier = card.tier_for(after)
    next_step = None if next_tier == tier else NextStep(step, after, next_tier)
    return TierWorking(STREAMS, streams, pixels=pixels, tier=tier, next_step=next_step)
