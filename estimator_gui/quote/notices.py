"""The one table of sentences for the core's notice codes, for every floor that shows them.

Each sentence is an English source text marked with ``N_()`` and translated by ``_()`` when shown,
in the current language; ``{name}`` is the notice's value of that name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from estimator_gui.i18n import N_, _
from estimator_gui.pricing.breakdown import Notice

NOTICE_TEXT: Mapping[str, str] = {
    "cdn_audience_not_trtc": N_(
        "{viewers} viewers are relayed to a CDN: they are not TRTC duration and the CDN bills "
        "them, outside this estimate.",
    ),
    "relay_not_listed": N_(
        "A room relays to a CDN, but the estimate prices no relay (see Mixing and relay).",
    ),
    "component_mixing_not_listed": N_(
        "{anchors} anchors with the Video Live component: the audience watches a mixed stream "
        "and MixTranscoding is billed; add a mixing task to price it.",
    ),
    "robot_duration_not_listed": N_(
        "Recording and mixing robots also incur audio/video duration (unless the files go to "
        "VOD); a task that does not state its robot leaves it out: choose the robot's minutes on "
        "the task to price it.",
    ),
    "robot_listed_twice": N_(
        "This room bills the robot of its own recording or mixing and also lists a robot group: "
        "check that the same robot is not counted twice.",
    ),
    "nothing_billed": N_("Nothing in this estimate is billed yet."),
    "relay_list_by_registration": N_(
        "Relay is priced by {list}; this card bills accounts registered before "
        "{registered_before} by peak bandwidth and later ones by relay minutes: give the "
        "account's registration day to check.",
    ),
    "value_added_requires": N_(
        "The value-added service {service} needs {requires} first; that package is not in this "
        "estimate.",
    ),
    "single_input_transcoding": N_(
        "A mixing task has one input stream: a single anchor with nothing to mix incurs no "
        "transcoding fee, so that line applies only if the stream is really transcoded.",
    ),
}


def _grouped(value: int) -> str:
    return f"{value:,}"


def notice_text(notice: Notice, number: Callable[[int], str] = _grouped) -> str:
    """The notice's sentence in the current language; ``number`` writes its counts."""
    source = NOTICE_TEXT.get(notice.code, notice.code)
    values = {
        name: number(int(value)) if value.isdigit() else value for name, value in notice.values
    }
    try:
        return _(source).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation naming another value
        return source.format(**values)
