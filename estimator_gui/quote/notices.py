"""English sentences for the core's notice codes (the window translates its own)."""

from __future__ import annotations

from estimator_gui.pricing.breakdown import Notice

NOTICE_TEXT = {
    "cdn_audience_not_trtc": (
        "{viewers} viewers are relayed to a CDN: they are not TRTC duration and are billed by the "
        "CDN, not in this estimate"
    ),
    "relay_not_listed": "the room relays to a CDN, but the scenario prices no relay",
    "component_mixing_not_listed": (
        "{anchors} anchors with the Video Live component: the audience watches a mixed stream, "
        "and MixTranscoding is billed; add a transcoding task to price it"
    ),
    "robot_duration_not_listed": (
        "recording and mixing robots also incur audio/video duration (unless files go to VOD); "
        "add a robot group to a room to price it"
    ),
    "nothing_billed": "the scenario has no billed usage",
    "single_input_transcoding": (
        "a mixing task with one input stream: a single anchor with nothing to mix incurs no "
        "transcoding fee, so this line applies only if the stream is really transcoded"
    ),
}


def notice_text(notice: Notice) -> str:
    template = NOTICE_TEXT.get(notice.code, notice.code)
    return template.format(**dict(notice.values))
