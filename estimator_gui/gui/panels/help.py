"""What each input means for the bill, shown as its tooltip (and read by screen readers)."""

from __future__ import annotations

from estimator_gui.i18n import N_, _

# By input key; "<panel>.<key>" where one key means different things on different panels.
HELP = {
    "rooms_per_day": N_(
        "Sessions of this room held each day; every member's time counts per room."
    ),
    "tasks_per_day": N_("Tasks started each day; each is billed for its minutes."),
    "days": N_(
        "Days in the month with these sessions: a month is one day's time times this.",
    ),
    "minutes": N_(
        "How long one session lasts; every group without minutes of its own stays this long.",
    ),
    "recording.minutes": N_("How long one task runs; recording is billed per minute of the task."),
    "transcoding.minutes": N_(
        "How long one task runs; MixTranscoding is billed on input duration."
    ),
    "participants": N_(
        "Users in one room; each is billed for their own time (at most 300 a room)."
    ),
    "publishers": N_(
        "How many have a camera or microphone on at once; it does not change the price, it is "
        "checked against the limit of 50.",
    ),
    "anchors": N_("Anchors on stage at once (at most 50); each is billed for their own time."),
    "audience": N_(
        "Viewers of one room; each is billed for their own time at the tier of what they "
        "watch (low latency: at most 100,000 a room).",
    ),
    "streams": N_(
        "Video streams one member receives at once; their pixels added up fix the tier "
        "(HD, FHD, 2K or 4K) everyone in the group is billed at.",
    ),
    "recording.streams": N_(
        "Streams one task records together; their pixels added up fix its tier."
    ),
    "transcoding.streams": N_("Input streams one task mixes; their pixels added up fix its tier."),
    "resolution": N_("Width x height of each stream: pick a common size or type one."),
    "delivery": N_(
        "Low latency: viewers are TRTC duration. Relay to CDN: the CDN bills viewers, TRTC bills "
        "the relay.",
    ),
    "price_list": N_("The Video Live component bills the audience at its own, cheaper list."),
    "codec": N_("H.265 output costs more per minute than H.264."),
    "selector": N_("The room or task the inputs below belong to."),
    "label": N_("Its name on the quote; it does not change the price."),
    "add": N_("Add another one to the estimate."),
    "remove": N_("Take the one shown out of the estimate."),
    "groups": N_(
        "Every group of the room: who they are, how many, how long they stay and what they "
        "receive. Double-click a cell to edit it; Tab leaves the table.",
    ),
    "add_group": N_("Add a group of members to this room."),
    "remove_group": N_("Take the selected group out of this room."),
    "use_mix": N_("Bill a share of the time at each tier instead of fixed streams."),
}


# How each part of the bill is worked out, under its inputs (shared/reference/trtc-billing.md).
BILLING = {
    "call": N_(
        "How a call is billed: every participant's own minutes, at the tier of the video they "
        "receive at once (their pixels added up: HD up to 1280x720, FHD up to 1920x1080, 2K up "
        "to 2560x1440, 4K above); a participant who receives no video is billed as audio. "
        "The month's seconds are summed per tier and rounded up to whole minutes.",
    ),
    "live": N_(
        "How interactive live streaming is billed: anchors and the low-latency audience are "
        "billed alike, each for their own minutes at the tier of what they watch; viewers "
        "relayed to a CDN are billed by the CDN, and TRTC bills the relay.",
    ),
    "recording": N_(
        "How cloud recording is billed: per recording task, not per stream, for the task's "
        "minutes, at the tier of the streams it records together. Concurrent tasks add up. The "
        "recording robot joins the room, so its own audio/video minutes are billed too unless "
        "the files go to VOD.",
    ),
    "transcoding": N_(
        "How On-Cloud MixTranscoding is billed: on input duration, at the tier of the inputs' "
        "pixels added up (not of the output); H.265 output costs more than H.264. A single "
        "anchor with nothing to mix incurs no transcoding fee.",
    ),
}


def billing_note(panel: str) -> str:
    """How the part of the bill ``panel`` shows is worked out, in the user's language."""
    kind = "live" if panel.startswith("live") else "call" if panel.endswith("call") else panel
    source = BILLING.get(kind)
    return _(source) if source else ""


def help_text(panel: str, key: str) -> str:
    """The tooltip of input ``key`` on ``panel``, in the user's language ("" when none)."""
    source = HELP.get(f"{panel}.{key}") or HELP.get(key)
    return _(source) if source else ""
