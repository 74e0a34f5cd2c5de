"""The working shown next to a group or task, in words: the core's TierWorking, formatted.

The core (pricing/working.py) works out the aggregate, the tier and the next step; this module
only words them in the user's language and number format.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from estimator_gui.gui.labels import tier_name
from estimator_gui.gui.locale_format import format_decimal, format_int
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Mix, Resolution
from estimator_gui.pricing.working import AUDIO, MIX, TierWorking, grouped_streams, tier_working

# Every text is a literal in QCoreApplication.translate("Working", ...): lupdate reads no wrapper.


@dataclass(frozen=True, slots=True)
class Working:
    text: str  # "receives 5 x 1280x720 = 4,608,000 px -> 4K"
    warning: str = ""  # "one more 1280x720 stream moves it to ..."; empty when not near a tier


def streams_text(streams: tuple[Resolution, ...]) -> str:
    """``5 x 1280x720`` or ``2 x 1280x720 + 640x360``, in the order first received."""
    return " + ".join(
        f"{format_int(count)} x {stream}" if count > 1 else str(stream)
        for stream, count in grouped_streams(streams)
    )


def mix_text(mix: Mix) -> str:
    return ", ".join(f"{tier_name(tier)} {format_decimal(share)}%" for tier, share in mix if share)


def worded(working: TierWorking, card: RateCard, verb: str) -> Working:
    """``working`` in words, for ``verb`` ("receives", "records", "mixes")."""
    if working.kind == MIX:
        assert working.mix is not None
        return Working(
            QCoreApplication.translate("Working", "%1 a mix of %2")
            .replace("%1", verb)
            .replace("%2", mix_text(working.mix))
        )
    if working.kind == AUDIO:
        return Working(
            QCoreApplication.translate("Working", "%1 no video: billed as audio").replace(
                "%1", verb
            )
        )
    outcome = (
        tier_name(working.tier)
        if working.tier is not None
        else QCoreApplication.translate("Working", "no published price")
    )
    text = (
        QCoreApplication.translate("Working", "%1 %2 = %3 px \u2192 %4")
        .replace("%1", verb)
        .replace("%2", streams_text(working.streams))
        .replace("%3", format_int(working.pixels))
        .replace("%4", outcome)
    )
    step = working.next_step
    if step is None:
        return Working(text)
    if step.tier is None:
        warning = (
            QCoreApplication.translate(
                "Working", "one more %1 stream goes above %2 px, where no price is published"
            )
            .replace("%1", str(step.stream))
            .replace("%2", format_int(card.max_pixels))
        )
    else:
        warning = (
            QCoreApplication.translate("Working", "one more %1 stream moves it to %2")
            .replace("%1", str(step.stream))
            .replace("%2", tier_name(step.tier))
        )
    return Working(text, warning)


def working_for(
    streams: tuple[Resolution, ...], mix: Mix | None, card: RateCard, verb: str
) -> Working:
    """The worded working of ``streams`` (or ``mix``, which stands instead) under ``card``."""
    return worded(tier_working(streams, mix, card), card, verb)


def verb_receives() -> str:
    return QCoreApplication.translate("Working", "receives")


def verb_records() -> str:
    return QCoreApplication.translate("Working", "records")


def verb_mixes() -> str:
    return QCoreApplication.translate("Working", "mixes")
