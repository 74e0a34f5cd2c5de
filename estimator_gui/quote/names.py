"""Names for the core's codes (services, tiers, roles, lists) and the wording of its refusals.

The core speaks in codes and numbers; every floor that shows them (the window, the command line,
the documents) takes its words from here. Each table holds English source texts marked with
``N_()``, translated by ``_()`` only when shown, so a change of language at run time shows at once.
No Qt: the window passes its own number formatting (QLocale) where a refusal writes a number.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from estimator_gui.i18n import N_, _
from estimator_gui.pricing import limits
from estimator_gui.pricing.errors import InputError

SERVICES: Mapping[str, str] = {
    "audio_call": N_("Audio call"),
    "video_call": N_("Video call"),
    "live_audio": N_("Live audio"),
    "live_video": N_("Live video"),
    "recording": N_("Cloud recording"),
    "transcoding": N_("On-cloud mixing"),
    "relay": N_("Relay to CDN"),
    # The value-added services a card lists, by the card's id for them.
    "speech_to_text": N_("Speech-to-text"),
    "ai_translation": N_("AI real-time translation"),
    "web_recording": N_("Web page recording"),
}
SECTIONS: Mapping[str, str] = {
    "duration": N_("Audio/video duration"),
    "recording": N_("Cloud recording"),
    "transcoding": N_("MixTranscoding"),
    "relay": N_("Relay to CDN"),
    "value_added": N_("Value-added services"),
}
PRICE_LISTS: Mapping[str, str] = {
    "standard": N_("Standard"),
    "video_live_component": N_("Video Live component audience"),
    "h264": N_("H.264"),
    "h265": N_("H.265"),
    "bandwidth": N_("Peak bandwidth"),
    "duration": N_("Relay minutes"),
    "speech_to_text": N_("Speech-to-text"),
    "ai_translation": N_("AI real-time translation"),
    "web_recording": N_("Web page recording"),
}
TIERS: Mapping[str, str] = {
    "audio": N_("Audio"),
    "HD": N_("HD"),
    "FHD": N_("FHD"),
    "2K": N_("2K"),
    "4K": N_("4K"),
    "relay": N_("Relay"),
    "standard": N_("Per minute"),
}
ROLES: Mapping[str, str] = {
    "participant": N_("Participant"),
    "anchor": N_("Anchor"),
    "audience": N_("Audience"),
    "robot": N_("Robot (recording or mixing)"),
}
DELIVERIES: Mapping[str, str] = {
    "low_latency": N_("Low latency (up to 100,000 viewers)"),
    "cdn": N_("Relay to CDN (no audience cap)"),
}
AUDIENCE_PRICE_LISTS: Mapping[str, str] = {
    "standard": N_("Standard list"),
    "video_live_component": N_("Video Live component (cheaper audience)"),
}
CODECS: Mapping[str, str] = {
    "h264": N_("H.264"),
    "h265": N_("H.265"),
}
# Refusals worded for a person, with the broken bound as {limit} and the value given as {value};
# other codes keep the core's own rule (in English).
REFUSALS: Mapping[str, str] = {
    "too_many_users": N_(
        "A call room holds at most {limit} users at once; interactive live streaming takes more."
    ),
    "too_many_streams": N_(
        "A call room has at most {limit} cameras or microphones on at once and a live room at "
        "most {limit} co-anchors, so nobody receives more than {limit} streams."
    ),
    "too_many_publishers": N_("A call room has at most {limit} cameras or microphones on at once."),
    "more_publishers_than_users": N_(
        "More on at once than the users in the room ({limit}): add participants first, or turn "
        "fewer on."
    ),
    "more_streams_than_publishers": N_(
        "Cameras on at once is set to {limit} for this room, so nobody receives more streams than "
        "that."
    ),
    "too_many_anchors": N_("A live room holds at most {limit} co-anchors at once."),
    "too_many_viewers": N_(
        "Low-latency live streaming takes at most {limit} viewers a room. Relay to CDN has no cap."
    ),
    "above_top_tier": N_(
        "{value} is above {limit} px (4096x2160), the top of the 4K tier: no price is published "
        "above it, so the estimator does not guess one."
    ),
    "mix_not_100": N_("The shares of a resolution mix must sum to 100%."),
    "bad_resolution": N_("{value} is not a resolution; write WIDTHxHEIGHT, such as 1280x720."),
    "empty_name": N_("A variant needs a name."),
    "too_long": N_("At most {limit} characters."),
    # the bounds every number has (pricing/checks.py); the input beside it shows the value
    "too_large": N_("At most {limit}."),
    "too_small": N_("At least {limit}."),
}
NEGATIVE = N_("Must not be negative.")  # too_small when the bound is 0
# The same code worded for the field it was raised on, where the general wording would mislead.
FIELD_REFUSALS: Mapping[tuple[str, str], str] = {
    ("too_many_streams", "records"): N_(
        "A recording task records at most {limit} streams together."
    ),
    ("too_many_streams", "inputs"): N_("A mixing task mixes at most {limit} input streams."),
}
# A session's length is held in seconds, and so is its limit; the window asks for minutes.
SESSION_TOO_LONG = N_("A session lasts at most a day (1,440 minutes).")


def _name(table: Mapping[str, str], code: str) -> str:
    source = table.get(code)
    return code if source is None else _(source)


def service_name(code: str) -> str:
    return _name(SERVICES, code)


def section_name(code: str) -> str:
    return _name(SECTIONS, code)


def price_list_name(code: str) -> str:
    return _name(PRICE_LISTS, code)


def tier_name(code: str) -> str:
    return _name(TIERS, code)


def role_name(code: str) -> str:
    return _name(ROLES, code)


def delivery_name(code: str) -> str:
    return _name(DELIVERIES, code)


def audience_price_list_name(code: str) -> str:
    return _name(AUDIENCE_PRICE_LISTS, code)


def codec_name(code: str) -> str:
    return _name(CODECS, code)


def fill(source: str, **values: object) -> str:
    """``_(source)`` with its ``{placeholders}`` filled; a translation that names a placeholder
    the source does not have falls back to the English source rather than failing."""
    try:
        return _(source).format(**values)
    except (KeyError, IndexError, ValueError):
        return source.format(**values)


def refusal_wording(error: InputError) -> str | None:
    """The English source of the wording for ``error`` (its field's own first), or None."""
    field = error.field.rsplit(".", 1)[-1]
    if error.code == "too_small" and error.limit == 0:
        return NEGATIVE
    if error.code == "too_large" and error.limit == limits.SESSION_MINUTES_MAX * 60:
        return SESSION_TOO_LONG
    return FIELD_REFUSALS.get((error.code, field)) or REFUSALS.get(error.code)


def _limit_text(limit: object, format_int: Callable[[int], str]) -> str:
    if isinstance(limit, int) and not isinstance(limit, bool):
        return format_int(limit)
    return "" if limit is None else str(limit)


def refusal_text(error: InputError, format_int: Callable[[int], str]) -> str:
    """What to say beside an input the core refused: the rule, in the current language, with
    numbers written by ``format_int``; the core's English rule for a code without a wording."""
    source = refusal_wording(error)
    if source is None:
        value = "" if error.value is None else str(error.value)
        return f"{value} {error.rule}".strip()
    return fill(source, limit=_limit_text(error.limit, format_int), value=error.value)


def refusal_line(error: InputError, format_int: Callable[[int], str]) -> str:
    """A refusal as one line naming the field (its path in the file), the value and the rule.

    The rule is the wording of the current language when the catalogue translates it; otherwise
    the core's own English rule, which is more precise than the English wording (it says how far
    over the limit the value is)."""
    source = refusal_wording(error)
    if source is None or _(source) == source:
        return error.message
    text = refusal_text(error, format_int)
    if "{value}" in source or error.value is None:
        return f"{error.field}: {text}"
    # The message is "field: value rule": keep its field and value as the core shows them.
    head = error.message.removesuffix(error.rule).rstrip()
    return f"{head} {text}"
