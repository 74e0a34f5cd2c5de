"""The working shown next to a group or task, in words: the core's TierWorking, formatted.

The core (pricing/working.py) works out the aggregate, the tier and the next step; this module
only words them in the user's language and number format.
"""

from __future__ import annotations

from msgspec import Struct

from estimator_gui.gui.labels import tier_name
from estimator_gui.gui.locale_format import format_decimal, format_int
from estimator_gui.i18n import N_, _
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Group, Mix, Resolution, Room
from estimator_gui.pricing.working import AUDIO, MIX, TierWorking, grouped_streams, tier_working

# What a group or task does with its streams: the code a caller passes as ``verb``.
RECEIVES, RECORDS, MIXES = "receives", "records", "mixes"
# Whole sentences for each verb (a mix, no video, the streams added up), not a verb dropped into
# one sentence: a translation may need to bend or move the verb (Korean puts it last).
_SENTENCES = {
    RECEIVES: (
        N_("receives a mix of {mix}"),
        N_("receives no video: billed as audio"),
        N_("receives {streams} = {pixels} px \u2192 {tier}"),
    ),
    RECORDS: (
        N_("records a mix of {mix}"),
        N_("records no video: billed as audio"),
        N_("records {streams} = {pixels} px \u2192 {tier}"),
    ),
    MIXES: (
        N_("mixes a mix of {mix}"),
        N_("mixes no video: billed as audio"),
        N_("mixes {streams} = {pixels} px \u2192 {tier}"),
    ),
}


class Working(Struct, frozen=True):
    text: str  # "receives 5 x 1280x720 = 4,608,000 px -> 4K"
    warning: str = ""  # "one more 1280x720 stream moves it to ..."; empty when not near a tier


def group_working(room: Room, group: Group, card: RateCard) -> Working:
    """The working of a room's group. Viewers who watch through a CDN have no tier: the CDN
    bills them, so their streams move no TRTC price (and no next-tier warning)."""
    if room.audience_on_cdn and group.role == "audience":
        return Working(_("watches through the CDN, which bills it: no TRTC tier"))
    return working_for(group.receives, group.mix, card, RECEIVES)


def streams_text(streams: tuple[Resolution, ...]) -> str:
    """``5 x 1280x720`` or ``2 x 1280x720 + 640x360``, in the order first received."""
    return " + ".join(
        f"{format_int(count)} x {stream}" if count > 1 else str(stream)
        for stream, count in grouped_streams(streams)
    )


def mix_text(mix: Mix) -> str:
    return ", ".join(f"{tier_name(tier)} {format_decimal(share)}%" for tier, share in mix if share)


def worded(working: TierWorking, card: RateCard, verb: str) -> Working:
    """``working`` in words, for ``verb``: RECEIVES, RECORDS or MIXES."""
    mixed, audio, added = _SENTENCES[verb]
    if working.kind == MIX:
        assert working.mix is not None
        return Working(_(mixed).format(mix=mix_text(working.mix)))
    if working.kind == AUDIO:
        return Working(_(audio))
    outcome = tier_name(working.tier) if working.tier is not None else _("no published price")
    text = _(added).format(
        streams=streams_text(working.streams), pixels=format_int(working.pixels), tier=outcome
    )
    step = working.next_step
    if step is None:
        return Working(text)
    if step.tier is None:
        warning = _("one more {stream} stream goes above {pixels} px, where no price is published")
        warning = warning.format(stream=str(step.stream), pixels=format_int(card.max_pixels))
    else:
        warning = _("one more {stream} stream moves it to {tier}").format(
            stream=str(step.stream), tier=tier_name(step.tier)
        )
    return Working(text, warning)


def working_for(
    streams: tuple[Resolution, ...], mix: Mix | None, card: RateCard, verb: str
) -> Working:
    """The worded working of ``streams`` (or ``mix``, which stands instead) under ``card``."""
    return worded(tier_working(streams, mix, card), card, verb)


# The verbs are codes now (the sentences above are translated whole); kept as functions for the
# panels that call them.
def verb_receives() -> str:
    return RECEIVES


def verb_records() -> str:
    return RECORDS


def verb_mixes() -> str:
    return MIXES
