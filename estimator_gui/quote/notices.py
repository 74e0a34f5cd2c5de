"""The one table of sentences for the core's notice codes, for every floor that shows them.

The window translates each sentence (its source text is the key) and the command line and the
documents use it as it is; ``{name}`` is the notice's value of that name. No Qt here: the marker
below only lets Qt's lupdate find the sentences for the window's catalogue.
"""

from __future__ import annotations

from collections.abc import Callable

from estimator_gui.pricing.breakdown import Notice

CONTEXT = "Notices"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Marks ``text`` for translation under ``context``; returns it unchanged."""
    return text


NOTICE_TEXT = {
    "cdn_audience_not_trtc": QT_TRANSLATE_NOOP(
        "Notices",
        "{viewers} viewers are relayed to a CDN: they are not TRTC duration and the CDN bills "
        "them, outside this estimate.",
    ),
    "relay_not_listed": QT_TRANSLATE_NOOP(
        "Notices",
        "A room relays to a CDN, but the estimate prices no relay (see Mixing and relay).",
    ),
    "component_mixing_not_listed": QT_TRANSLATE_NOOP(
        "Notices",
        "{anchors} anchors with the Video Live component: the audience watches a mixed stream "
        "and MixTranscoding is billed; add a mixing task to price it.",
    ),
    "robot_duration_not_listed": QT_TRANSLATE_NOOP(
        "Notices",
        "Recording and mixing robots also incur audio/video duration (unless the files go to "
        "VOD); a task that does not state its robot leaves it out: choose the robot's minutes on "
        "the task to price it.",
    ),
    "robot_listed_twice": QT_TRANSLATE_NOOP(
        "Notices",
        "This room bills the robot of its own recording or mixing and also lists a robot group: "
        "check that the same robot is not counted twice.",
    ),
    "nothing_billed": QT_TRANSLATE_NOOP("Notices", "Nothing in this estimate is billed yet."),
    "relay_list_by_registration": QT_TRANSLATE_NOOP(
        "Notices",
        "Relay is priced by {list}; this card bills accounts registered before "
        "{registered_before} by peak bandwidth and later ones by relay minutes: give the "
        "account's registration day to check.",
    ),
    "value_added_requires": QT_TRANSLATE_NOOP(
        "Notices",
        "The value-added service {service} needs {requires} first; that package is not in this "
        "estimate.",
    ),
    "single_input_transcoding": QT_TRANSLATE_NOOP(
        "Notices",
        "A mixing task has one input stream: a single anchor with nothing to mix incurs no "
        "transcoding fee, so that line applies only if the stream is really transcoded.",
    ),
}


def notice_text(
    notice: Notice,
    translate: Callable[[str], str] = str,
    number: Callable[[int], str] = "{:,}".format,
) -> str:
    """The notice's sentence: ``translate`` picks the language, ``number`` writes its counts."""
    template = translate(NOTICE_TEXT.get(notice.code, notice.code))
    values = {
        name: number(int(value)) if value.isdigit() else value for name, value in notice.values
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation naming another value
        return NOTICE_TEXT.get(notice.code, notice.code).format(**values)
