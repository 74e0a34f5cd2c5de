"""The participant groups of one room as an editable table; edits go to the session as requests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from msgspec.structs import replace
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from estimator_gui.gui import roles
from estimator_gui.gui.labels import role_name
from estimator_gui.gui.locale_format import format_decimal, format_int, parse_decimal
from estimator_gui.gui.roles import Index
from estimator_gui.gui.working import (
    Working,
    group_working,
    mix_text,
    streams_text,
    verb_receives,
    working_for,
)
from estimator_gui.i18n import N_, _
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import (
    CALL_ROLES,
    LIVE_ROLES,
    SECONDS_PER_MINUTE,
    Group,
    Room,
)
from estimator_gui.pricing.text_input import parse_mix, parse_streams

_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_WARNING = QColor(176, 96, 0)
_INHERITED = QColor(110, 110, 110)


class GroupTableModel(QAbstractTableModel):
    """Role, label, count, minutes, video (streams or mix) and the working of every group.

    The model never writes the scenario: ``setData`` builds the edited Group and announces it with
    ``group_edited``; the panel asks the session, and the edit took if the room came back with it.
    """

    ValueRole = Qt.ItemDataRole.UserRole
    COL_ROLE, COL_LABEL, COL_COUNT, COL_MINUTES, COL_VIDEO, COL_WORKING = range(6)
    HEADERS = (
        N_("Role"),
        N_("Label"),
        N_("Count"),
        N_("Minutes"),
        N_("Receives"),
        N_("Working"),
    )

    group_edited = Signal(int, object)  # row, the edited Group
    edit_refused = Signal(object)  # an InputError from the cell typed

    def __init__(self, rate_card: RateCard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._card = rate_card
        self._room: Room | None = None
        self._workings: list[Working] = []

    # ------------------------------------------------------------------ showing

    def show_room(self, room: Room | None) -> None:
        if room is self._room:
            return
        old = self._room
        if (
            room is not None
            and old is not None
            and room.groups is old.groups
            and (room.seconds == old.seconds and room.service == old.service)
            and room.audience_on_cdn == old.audience_on_cdn  # the viewers' working depends on it
        ):
            self._room = room  # rooms a day or days changed: nothing this table shows
            return
        old_count = 0 if self._room is None else len(self._room.groups)
        new_count = 0 if room is None else len(room.groups)
        if old_count == new_count and room is not None and self._room is not None:
            self._room = room
            self._workings = [self._working(g) for g in room.groups]
            if new_count:
                last = self.index(new_count - 1, len(self.HEADERS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._room = room
        self._workings = [] if room is None else [self._working(g) for g in room.groups]
        self.endResetModel()

    def room(self) -> Room | None:
        return self._room

    def role_choices(self) -> tuple[str, ...]:
        return LIVE_ROLES if self._room is not None and self._room.is_live else CALL_ROLES

    def working(self, row: int) -> Working:
        return self._workings[row]

    def _working(self, group: Group) -> Working:
        if self._room is not None:
            return group_working(self._room, group, self._card)
        return working_for(group.receives, group.mix, self._card, verb_receives())

    # ------------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._room is None:
            return 0
        return len(self._room.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = roles.DISPLAY
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == roles.DISPLAY
            and (0 <= section < len(self.HEADERS))
        ):
            return _(self.HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == roles.TOOLTIP:
            if section == self.COL_VIDEO:
                return _("Streams each member receives at once, or a resolution mix")
            if section == self.COL_WORKING:
                return _("How the streams received fix the tier")
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.COL_WORKING:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = roles.DISPLAY) -> Any:
        if self._room is None:
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._room.groups):
            return None
        group = self._room.groups[row]
        if role == roles.DISPLAY:
            return self._display(group, row, column)
        if role == roles.EDIT:
            return self._edit_text(group, column)
        if role == roles.VALUE:
            return self._value(group, column)
        if role == roles.FOREGROUND:
            if column == self.COL_WORKING and self._workings[row].warning:
                return _WARNING  # a colour is a brush to the delegate; QBrush loads QGradient
            if column == self.COL_MINUTES and group.seconds is None:
                return _INHERITED
            if column == self.COL_MINUTES and self._overrides(group):
                return _WARNING  # stays another time than the session: never a quiet override
        if role == roles.TOOLTIP and column == self.COL_MINUTES and self._overrides(group):
            assert group.seconds is not None
            return _(
                "Stays {minutes} min of the room's {room_minutes} min session; "
                "clear the cell to follow it"
            ).format(
                minutes=self._minutes(group.seconds), room_minutes=self._minutes(self._room.seconds)
            )
        if role == roles.TOOLTIP and column in (self.COL_LABEL, self.COL_VIDEO):
            return self._display(group, row, column) or None  # the whole text a cell may cut
        if role == roles.TOOLTIP and column == self.COL_WORKING:
            working = self._workings[row]
            return working.text + (f"\n\u26a0 {working.warning}" if working.warning else "")
        if role == roles.ALIGNMENT and column in (self.COL_COUNT, self.COL_MINUTES):
            return _RIGHT
        return None

    def _overrides(self, group: Group) -> bool:
        return (
            self._room is not None
            and group.seconds is not None
            and group.seconds != self._room.seconds
        )

    def _minutes(self, seconds: Decimal) -> str:
        return format_decimal(seconds / SECONDS_PER_MINUTE, None)

    def _display(self, group: Group, row: int, column: int) -> str:
        assert self._room is not None
        if column == self.COL_ROLE:
            return role_name(group.role)
        if column == self.COL_LABEL:
            return group.label
        if column == self.COL_COUNT:
            return format_int(group.count)
        if column == self.COL_MINUTES:
            if group.seconds is None:
                return _("{minutes} (room)").format(minutes=self._minutes(self._room.seconds))
            if group.seconds != self._room.seconds:
                return f"\u26a0 {self._minutes(group.seconds)}"
            return self._minutes(group.seconds)
        if column == self.COL_VIDEO:
            if group.mix is not None:
                return _("mix: {mix}").format(mix=mix_text(group.mix))
            return streams_text(group.receives) if group.receives else _("audio only")
        if column == self.COL_WORKING:
            working = self._workings[row]
            return working.text + (f"  \u26a0 {working.warning}" if working.warning else "")
        return ""

    def _edit_text(self, group: Group, column: int) -> Any:
        if column == self.COL_ROLE:
            return group.role
        if column == self.COL_COUNT:
            return group.count
        if column == self.COL_MINUTES:
            return "" if group.seconds is None else self._minutes(group.seconds)
        if column == self.COL_VIDEO:
            if group.mix is not None:
                return ", ".join(f"{tier} {format_decimal(share)}" for tier, share in group.mix)
            return ", ".join(str(s) for s in group.receives)
        return self._display(group, 0, column)

    def _value(self, group: Group, column: int) -> Any:
        return (
            group.role,
            group.label,
            group.count,
            group.seconds,
            group.mix if group.mix is not None else group.receives,
            None,
        )[column]

    def setData(self, index: Index, value: Any, role: int = roles.EDIT) -> bool:
        if self._room is None or not index.isValid() or role != roles.EDIT:
            return False
        row, column = index.row(), index.column()
        try:
            group = self._edited(self._room.groups[row], column, value)
        except InputError as error:
            self.edit_refused.emit(error)
            return False
        if group == self._room.groups[row]:
            return True
        self.group_edited.emit(row, group)
        # The panel priced it synchronously: the edit took if the room now holds that group.
        room = self._room
        return room is not None and row < len(room.groups) and room.groups[row] == group

    def _edited(self, group: Group, column: int, value: Any) -> Group:
        text = value if isinstance(value, str) else str(value)
        if column == self.COL_ROLE:
            return replace(group, role=text)
        if column == self.COL_LABEL:
            return replace(group, label=text.strip())
        if column == self.COL_COUNT:
            try:
                count = value if isinstance(value, int) else int(parse_decimal(text))
            except ValueError:
                raise InputError(
                    "count", text, "is not a whole number", code="not_integer"
                ) from None
            return replace(group, count=count)
        if column == self.COL_MINUTES:
            if not text.strip():
                return replace(group, seconds=None)
            try:
                minutes = parse_decimal(text)
            except ValueError:
                raise InputError("minutes", text, "is not a number", code="not_number") from None
            return replace(group, seconds=minutes * SECONDS_PER_MINUTE)
        if column == self.COL_VIDEO:
            # A typed mix is taken as it is (complete, or refused); anything else is streams.
            mix = parse_mix(text, "mix", parse_decimal)
            if mix is not None:
                return replace(group, receives=(), mix=mix)
            return replace(group, receives=parse_streams(text, "receives"), mix=None)
        return group
