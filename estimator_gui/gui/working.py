"""The working shown next to a group or task: streams -> aggregate pixels -> tier, and a warning
when one more stream would move it to the next tier (or past the last published price)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from estimator_gui.gui.labels import tier_name
from estimator_gui.gui.locale_format import format_decimal, format_int
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Mix, Resolution, aggregate_pixels

# Every text is a literal in QCoreApplication.translate("Working", ...): lupdate reads no wrapper.


@dataclass(frozen=True, slots=True)
class Working:
    text: str  # "receives 5 x 1280x720 = 4,608,000 px -> 4K"
    warning: str = ""  # "one more 1280x720 stream moves it to ..."; empty when not near a tier


def streams_text(streams: tuple[Resolution, ...]) -> str:
    """``5 x 1280x720`` or ``2 x 1280x720 + 640x360``, most streams first, in received order."""
    counts = Counter(streams)
    parts = []
    for stream in dict.fromkeys(streams):
        count = counts[stream]
        parts.append(f"{format_int(count)} x {stream}" if count > 1 else str(stream))
    return " + ".join(parts)


def mix_text(mix: Mix) -> str:
    return ", ".join(f"{tier_name(tier)} {format_decimal(share)}%" for tier, share in mix if share)


def stream_working(streams: tuple[Resolution, ...], card: RateCard, verb: str) -> Working:
    """Working for ``verb`` ("receives", "records", "mixes") over the streams taken at once."""
    if not streams:
        return Working(
            QCoreApplication.translate("Working", "%1 no video: billed as audio").replace(
                "%1", verb
            )
        )
    pixels = aggregate_pixels(streams)
    tier = card.tier_for(pixels)
    outcome = (
        tier_name(tier)
        if tier is not None
        else QCoreApplication.translate("Working", "no published price")
    )
    text = (
        QCoreApplication.translate("Working", "%1 %2 = %3 px \u2192 %4")
        .replace("%1", verb)
        .replace("%2", streams_text(streams))
        .replace("%3", format_int(pixels))
        .replace("%4", outcome)
    )
    if tier is None:
        return Working(text)
    step = streams[-1]
    next_tier = card.tier_for(pixels + step.pixels)
    if next_tier == tier:
        return Working(text)
    if next_tier is None:
        warning = (
            QCoreApplication.translate(
                "Working", "one more %1 stream goes above %2 px, where no price is published"
            )
            .replace("%1", str(step))
            .replace("%2", format_int(card.max_pixels))
        )
    else:
        warning = (
            QCoreApplication.translate("Working", "one more %1 stream moves it to %2")
            .replace("%1", str(step))
            .replace("%2", tier_name(next_tier))
        )
    return Working(text, warning)


def working_for(
    streams: tuple[Resolution, ...], mix: Mix | None, card: RateCard, verb: str
) -> Working:
    if mix is not None:
        return Working(
            QCoreApplication.translate("Working", "%1 a mix of %2")
            .replace("%1", verb)
            .replace("%2", mix_text(mix))
        )
    return stream_working(streams, card, verb)


def verb_receives() -> str:
    return QCoreApplication.translate("Working", "receives")


def verb_records() -> str:
    return QCoreApplication.translate("Working", "records")


def verb_mixes() -> str:
    return QCoreApplication.translate("Working", "mixes")
