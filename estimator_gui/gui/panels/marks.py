"""The words of a room's marks: groups that stay another time than the session, and which group
a head-count slider changes when a role has several."""

from __future__ import annotations

from estimator_gui.gui.labels import role_name
from estimator_gui.gui.locale_format import format_decimal, format_int
from estimator_gui.i18n import _, ngettext
from estimator_gui.pricing import edits
from estimator_gui.pricing.scenario import SECONDS_PER_MINUTE, Room


def overrides_text(room: Room) -> str:
    """One warning line per group that stays another time than the room's session ("" if none):
    a quote that looks like it follows the session slider must not quietly bill 40 minutes of a
    120-minute show."""
    lines = []
    for override in edits.minutes_overrides(room):
        group = room.groups[override.index]
        lines.append(
            _("{group} stays {minutes} min (session: {session_minutes} min)").format(
                group=group.label or role_name(group.role),
                minutes=format_decimal(override.seconds / SECONDS_PER_MINUTE, None),
                session_minutes=format_decimal(override.room_seconds / SECONDS_PER_MINUTE, None),
            )
        )
    return "\n".join(f"\u26a0 {line}" for line in lines)


def role_note(room: Room, role: str) -> str:
    """With several groups of ``role``, which one a change of the slider goes to ("" if one)."""
    groups = edits.role_group_count(room, role)
    if groups <= 1:
        return ""
    index = edits.main_group_index(room, role)
    assert index is not None
    main = room.groups[index]
    # Always two groups or more here; ngettext still lets a language inflect "groups" by count.
    return ngettext(
        "{members} in {groups} group; a change goes to the largest group, {group} ({count})",
        "{members} in {groups} groups; a change goes to the largest group, {group} ({count})",
        groups,
    ).format(
        members=format_int(edits.role_count(room, role)),
        groups=format_int(groups),
        group=main.label or role_name(role),
        count=format_int(main.count),
    )
