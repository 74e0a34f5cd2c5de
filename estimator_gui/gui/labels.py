"""Translated names for the core's codes (services, tiers, roles, notices, refusals).

The core speaks in codes and numbers; this module alone turns them into words, each marked for
Qt Linguist with QT_TRANSLATE_NOOP and translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from estimator_gui.gui.locale_format import format_int
from estimator_gui.pricing.breakdown import Notice
from estimator_gui.pricing.errors import InputError
from estimator_gui.quote import notices

CONTEXT = "Labels"

SERVICES = {
    "audio_call": QT_TRANSLATE_NOOP("Labels", "Audio call"),
    "video_call": QT_TRANSLATE_NOOP("Labels", "Video call"),
    "live_audio": QT_TRANSLATE_NOOP("Labels", "Live audio"),
    "live_video": QT_TRANSLATE_NOOP("Labels", "Live video"),
    "recording": QT_TRANSLATE_NOOP("Labels", "Cloud recording"),
    "transcoding": QT_TRANSLATE_NOOP("Labels", "On-cloud mixing"),
    "relay": QT_TRANSLATE_NOOP("Labels", "Relay to CDN"),
    # The value-added services a card lists, by the card's id for them.
    "speech_to_text": QT_TRANSLATE_NOOP("Labels", "Speech-to-text"),
    "ai_translation": QT_TRANSLATE_NOOP("Labels", "AI real-time translation"),
    "web_recording": QT_TRANSLATE_NOOP("Labels", "Web page recording"),
}
SECTIONS = {
    "duration": QT_TRANSLATE_NOOP("Labels", "Audio/video duration"),
    "recording": QT_TRANSLATE_NOOP("Labels", "Cloud recording"),
    "transcoding": QT_TRANSLATE_NOOP("Labels", "MixTranscoding"),
    "relay": QT_TRANSLATE_NOOP("Labels", "Relay to CDN"),
    "value_added": QT_TRANSLATE_NOOP("Labels", "Value-added services"),
}
PRICE_LISTS = {
    "standard": QT_TRANSLATE_NOOP("Labels", "Standard"),
    "video_live_component": QT_TRANSLATE_NOOP("Labels", "Video Live component audience"),
    "h264": QT_TRANSLATE_NOOP("Labels", "H.264"),
    "h265": QT_TRANSLATE_NOOP("Labels", "H.265"),
    "bandwidth": QT_TRANSLATE_NOOP("Labels", "Peak bandwidth"),
    "duration": QT_TRANSLATE_NOOP("Labels", "Relay minutes"),
    "speech_to_text": QT_TRANSLATE_NOOP("Labels", "Speech-to-text"),
    "ai_translation": QT_TRANSLATE_NOOP("Labels", "AI real-time translation"),
    "web_recording": QT_TRANSLATE_NOOP("Labels", "Web page recording"),
}
TIERS = {
    "audio": QT_TRANSLATE_NOOP("Labels", "Audio"),
    "HD": QT_TRANSLATE_NOOP("Labels", "HD"),
    "FHD": QT_TRANSLATE_NOOP("Labels", "FHD"),
    "2K": QT_TRANSLATE_NOOP("Labels", "2K"),
    "4K": QT_TRANSLATE_NOOP("Labels", "4K"),
    "relay": QT_TRANSLATE_NOOP("Labels", "Relay"),
    "standard": QT_TRANSLATE_NOOP("Labels", "Per minute"),
}
ROLES = {
    "participant": QT_TRANSLATE_NOOP("Labels", "Participant"),
    "anchor": QT_TRANSLATE_NOOP("Labels", "Anchor"),
    "audience": QT_TRANSLATE_NOOP("Labels", "Audience"),
    "robot": QT_TRANSLATE_NOOP("Labels", "Robot (recording or mixing)"),
}
DELIVERIES = {
    "low_latency": QT_TRANSLATE_NOOP("Labels", "Low latency (up to 100,000 viewers)"),
    "cdn": QT_TRANSLATE_NOOP("Labels", "Relay to CDN (no audience cap)"),
}
AUDIENCE_PRICE_LISTS = {
    "standard": QT_TRANSLATE_NOOP("Labels", "Standard list"),
    "video_live_component": QT_TRANSLATE_NOOP("Labels", "Video Live component (cheaper audience)"),
}
CODECS = {
    "h264": QT_TRANSLATE_NOOP("Labels", "H.264"),
    "h265": QT_TRANSLATE_NOOP("Labels", "H.265"),
}
# Refusals the window words itself, with the limit as %1; other codes fall back to the core's rule.
REFUSALS = {
    "too_many_users": QT_TRANSLATE_NOOP(
        "Labels",
        "A call room holds at most %1 users at once; interactive live streaming takes more.",
    ),
    "too_many_streams": QT_TRANSLATE_NOOP(
        "Labels",
        "A call room has at most %1 cameras or microphones on at once and a live room at most %1 "
        "co-anchors, so nobody receives more than %1 streams.",
    ),
    "too_many_publishers": QT_TRANSLATE_NOOP(
        "Labels", "A call room has at most %1 cameras or microphones on at once."
    ),
    "more_publishers_than_users": QT_TRANSLATE_NOOP(
        "Labels",
        "More on at once than the users in the room (%1): add participants first, or turn fewer "
        "on.",
    ),
    "more_streams_than_publishers": QT_TRANSLATE_NOOP(
        "Labels",
        "Cameras on at once is set to %1 for this room, so nobody receives more streams than that.",
    ),
    "too_many_anchors": QT_TRANSLATE_NOOP(
        "Labels", "A live room holds at most %1 co-anchors at once."
    ),
    "too_many_viewers": QT_TRANSLATE_NOOP(
        "Labels",
        "Low-latency live streaming takes at most %1 viewers a room. Relay to CDN has no cap.",
    ),
    "above_top_tier": QT_TRANSLATE_NOOP(
        "Labels",
        "%2 is above %1 px (4096x2160), the top of the 4K tier: no price is published above it, "
        "so the estimator does not guess one.",
    ),
    "mix_not_100": QT_TRANSLATE_NOOP("Labels", "The shares of a resolution mix must sum to 100%."),
    "bad_resolution": QT_TRANSLATE_NOOP(
        "Labels", "%2 is not a resolution; write WIDTHxHEIGHT, such as 1280x720."
    ),
}
# The same code worded for the field it was raised on, where the general wording would mislead.
FIELD_REFUSALS = {
    ("too_many_streams", "records"): QT_TRANSLATE_NOOP(
        "Labels", "A recording task records at most %1 streams together."
    ),
    ("too_many_streams", "inputs"): QT_TRANSLATE_NOOP(
        "Labels", "A mixing task mixes at most %1 input streams."
    ),
}


def _translate(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return code if source is None else QCoreApplication.translate(CONTEXT, source)


def service_name(code: str) -> str:
    return _translate(SERVICES, code)


def section_name(code: str) -> str:
    return _translate(SECTIONS, code)


def price_list_name(code: str) -> str:
    return _translate(PRICE_LISTS, code)


def tier_name(code: str) -> str:
    return _translate(TIERS, code)


def role_name(code: str) -> str:
    return _translate(ROLES, code)


def delivery_name(code: str) -> str:
    return _translate(DELIVERIES, code)


def audience_price_list_name(code: str) -> str:
    return _translate(AUDIENCE_PRICE_LISTS, code)


def codec_name(code: str) -> str:
    return _translate(CODECS, code)


def notice_text(notice: Notice) -> str:
    """A notice in the user's language, from the one table the command line uses too."""
    return notices.notice_text(
        notice,
        lambda text: QCoreApplication.translate(notices.CONTEXT, text),
        format_int,
    )


def refusal_text(error: InputError) -> str:
    """What the window says next to an input the core refused: the rule, in the user's language."""
    field = error.field.rsplit(".", 1)[-1]
    source = FIELD_REFUSALS.get((error.code, field)) or REFUSALS.get(error.code)
    if source is None:
        # The core words its rules in English; the window still shows them rather than nothing.
        value = "" if error.value is None else str(error.value)
        return (
            QCoreApplication.translate(CONTEXT, "%1 %2")
            .replace("%1", value)
            .replace("%2", error.rule)
            .strip()
        )
    limit = error.limit
    limit_text = format_int(limit) if isinstance(limit, int) else str(limit or "")
    return (
        QCoreApplication.translate(CONTEXT, source)
        .replace("%1", limit_text)
        .replace("%2", str(error.value))
    )
