"""The words of Where the price jumps: the input as its slider names it, values, changes, and
the note under the chart. Kept apart from the dialog, which lays them out."""

from __future__ import annotations

from decimal import Decimal

from estimator_gui.gui.labels import refusal_text, service_name
from estimator_gui.gui.locale_format import format_decimal, format_int
from estimator_gui.i18n import _
from estimator_gui.pricing import edits
from estimator_gui.pricing.jumps import (
    PARTICIPANTS,
    RECEIVES,
    RESOLUTION,
    VIEWERS,
    Curve,
    Refused,
    Value,
)
from estimator_gui.pricing.scenario import Resolution, Room, Scenario


def input_name(room: Room, kind: str) -> str:
    """The input as the room's own slider names it."""
    if kind == PARTICIPANTS:
        return _("Anchors (co-anchors at once)") if room.is_live else _("Participants per room")
    if kind == RECEIVES:
        if room.is_live:
            return _("Streams each viewer watches")
        return _("Cameras each participant watches")
    if kind == RESOLUTION:
        return _("Resolution of each camera")
    if kind == VIEWERS:
        return _("Audience per room")
    return _("Minutes per session")


def value_text(value: Value | None) -> str:
    if value is None:
        return _("mixed")  # the streams differ in resolution
    if isinstance(value, Resolution):
        return str(value)
    return format_int(value)


def change_text(percent: Decimal | None) -> str:
    if percent is None:
        return _("from nothing")  # the total before was 0: no percent of it
    if percent == 0:
        return _("no change")
    sign = "+" if percent > 0 else ""
    return _("{change}%").format(change=sign + format_decimal(percent, 1))


def room_title(scenario: Scenario, index: int) -> str:
    room = scenario.rooms[index]
    number = edits.room_indices(scenario, room.service).index(index) + 1
    name = room.label or _("#{number}").format(number=number)
    return _("{service}: {room}").format(service=service_name(room.service), room=name)


def note_text(curve: Curve, *, gross: bool) -> str:
    """What the curve does not show by itself: no tier change, a flat price, free minutes that
    cover it all, and the first value the core refused. ``gross``: the chart shows gross."""
    parts = []
    shown = {p.gross if gross else p.total for p in curve.points}
    if not curve.jumps and len(shown) > 1:
        parts.append(_("No tier changes along this input: the price grows evenly."))
    elif not curve.jumps and shown and shown != {0}:  # all nothing: said just below
        parts.append(_("This input does not change the month's price."))
    if curve.points and not gross and all(p.total == 0 for p in curve.points):
        parts.append(
            _(
                "The free minutes cover every value here: tick Before free minutes to see "
                "the price before them."
            )
        )
    parts += [refused_text(refused) for refused in curve.refused[:1]]
    return "\n".join(parts)


def refused_text(refused: Refused) -> str:
    if refused.code == "above_top_tier":
        return _("From {value} on: no price is published above the 4K tier.").format(
            value=value_text(refused.value)
        )
    return _("{value}: {reason}").format(
        value=value_text(refused.value), reason=refusal_text(refused.error)
    )
