"""A room's participant groups: the table, its buttons, the chosen group's working and mix."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSignalBlocker, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from estimator_gui.gui.group_model import GroupTableModel
from estimator_gui.gui.inputs import MessageLabel, fit_columns
from estimator_gui.gui.labels import role_name
from estimator_gui.gui.panels.mix_editor import MixEditor
from estimator_gui.gui.tones import WARNING, tint
from estimator_gui.i18n import _
from estimator_gui.pricing import edits
from estimator_gui.pricing.scenario import Group, Room

if TYPE_CHECKING:  # only named in signatures: importing it would build its enums at start-up
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QStyleOptionViewItem

    from estimator_gui.gui.panels.rooms import RoomPanel


class GroupTableView(QTableView):
    """The groups table, asking for its minimum height and growing into whatever is left.

    A table's default preferred height (192 px) made the panel taller than a laptop's screen:
    the scroll area sizes a panel with wrapped labels by its preferred height.
    """

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def fit(self) -> None:
        """Columns as wide as their text, each text column up to a sixth of the table's width:
        on a wide screen labels and receives show whole, and the Working column always keeps
        a share (a cap counted in characters let Chinese roles push it out of the table)."""
        char = max(self.fontMetrics().averageCharWidth(), 1)
        widest = max(9 * char, self.width() // 6)  # not viewport(): PySide resolves types
        fit_columns(
            self,
            GroupTableModel.COL_WORKING,
            frozenset({GroupTableModel.COL_COUNT}),
            widest_px=widest,
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()


class RoleDelegate(QStyledItemDelegate):
    """A list of the roles the room's service allows, for the role column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        if index.column() != GroupTableModel.COL_ROLE:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        model = index.model()
        assert isinstance(model, GroupTableModel)
        for role in model.role_choices():
            combo.addItem(role_name(role), role)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class GroupsBox(QGroupBox):
    """Every group of the room shown by ``panel``; edits go through the panel to the session."""

    def __init__(self, panel: RoomPanel, parent: QWidget | None = None) -> None:
        super().__init__(_("Participant groups in each room"), parent)
        self.panel = panel
        service = panel.service
        self.model = GroupTableModel(panel.session.rate_card, self)
        self.table = GroupTableView(self)
        self.table.setObjectName(f"{service}.groups")
        self.table.setModel(self.model)
        self.table.setItemDelegate(RoleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(GroupTableModel.COL_WORKING, QHeaderView.ResizeMode.Stretch)
        # Text columns narrower than the breakdown's: the working is what this table is read for.
        self.model.modelReset.connect(self.table.fit)
        self.table.setMinimumHeight(100)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.add_group = QPushButton(_("Add group"), self)
        self.add_group.setObjectName(f"{service}.add_group")
        self.remove_group = QPushButton(_("Remove group"), self)
        self.remove_group.setObjectName(f"{service}.remove_group")
        # The Working column is cut short: the selected group's working in full, under the table.
        self.working = QLabel(self)
        self.working.setObjectName(f"{service}.group_working")
        self.working.setWordWrap(True)
        self.working.setTextFormat(Qt.TextFormat.PlainText)
        self.working.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(self)
        self.warning.setObjectName(f"{service}.group_warning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        tint(self.warning, WARNING)  # the table's warning hue
        self.warning.hide()
        self.message = MessageLabel(f"{service}.groups.message", self)
        panel.messages["groups"] = self.message
        panel.captions["groups"] = _("a group")
        hint = QLabel(_("Double-click a cell to edit it."), self)
        hint.setToolTip(_("Receives: 2 x 1280x720, or a mix such as HD 70, FHD 30."))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.add_group)
        buttons.addWidget(self.remove_group)
        self.mix_editor = MixEditor(f"{service}.group", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.working)
        layout.addWidget(self.warning)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        if panel.has_video:
            # No caption of its own: the working above names the selected group it applies to.
            layout.addWidget(self.mix_editor)
        else:
            self.mix_editor.hide()

        panel.describe(self.table, "groups", self.title())
        panel.describe(self.add_group, "add_group", self.add_group.text())
        panel.describe(self.remove_group, "remove_group", self.remove_group.text())
        panel.describe(self.mix_editor.switch, "use_mix", self.mix_editor.switch.text())
        self.model.group_edited.connect(self._on_group_edited)
        self.model.edit_refused.connect(
            lambda error: panel.session.refuse(panel.input_key("groups"), error)
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_group_selected)
        self.add_group.clicked.connect(self._on_add_group_clicked)
        self.remove_group.clicked.connect(self._on_remove_group_clicked)
        self.mix_editor.mix_switched.connect(self._on_mix_switched)
        self.mix_editor.mix_edited.connect(self._on_mix_edited)

    # ------------------------------------------------------------------ showing

    def show_room(self, room: Room) -> None:
        self.model.show_room(room)
        current = self.selected_row()
        if current < 0 or current >= len(room.groups):
            main = edits.main_group_index(room, self.panel.video_role)
            if main is not None or room.groups:
                with QSignalBlocker(self.table.selectionModel()):
                    self.table.selectRow(main if main is not None else 0)
        self._show_group_mix()

    def selected_row(self) -> int:
        return self.table.currentIndex().row()

    def _room(self) -> Room | None:
        room = self.panel.current_item()
        return room if isinstance(room, Room) else None

    def _show_group_working(self) -> None:
        """The selected group's full working and tier warning, which the table's cell cuts."""
        room = self._room()
        row = self.selected_row()
        if room is None or not 0 <= row < len(room.groups) or row >= self.model.rowCount():
            text = (
                _("Select a group to see how its tier is worked out and to give it a mix.")
                if self.panel.has_video
                else _("Select a group to see how its tier is worked out.")
            )
            warning = ""
        else:
            group = room.groups[row]
            working = self.model.working(row)
            text = _("{group}: {working}").format(
                group=group.label or role_name(group.role), working=working.text
            )
            warning = working.warning
        if self.working.text() != text:
            self.working.setText(text)
        shown = f"\u26a0 {warning}" if warning else ""
        if self.warning.text() != shown:
            self.warning.setText(shown)
            self.warning.setVisible(bool(warning))

    def _show_group_mix(self) -> None:
        self._show_group_working()
        room = self._room()
        row = self.selected_row()
        if room is None or not 0 <= row < len(room.groups) or not self.panel.has_video:
            self.mix_editor.setEnabled(False)
            return
        self.mix_editor.setEnabled(True)
        self.mix_editor.show_mix(room.groups[row].mix)

    # ------------------------------------------------------------------ edits

    def _edit_group(self, row: int, make: Callable[[Group], Group], text: str) -> bool:
        room = self._room()
        if room is None or not 0 <= row < len(room.groups):
            return False
        return self.panel.edit(
            "groups", lambda r: edits.with_group(r, row, make(r.groups[row])), text
        )

    def _group_name(self, row: int) -> str:
        room = self._room()
        if room is None or not 0 <= row < len(room.groups):
            return ""
        group = room.groups[row]
        return group.label or role_name(group.role)

    def _on_group_edited(self, row: int, group: Group) -> None:
        text = _("Edit group {group}").format(group=self._group_name(row))
        self._edit_group(row, lambda _old: group, text)

    def _on_group_selected(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_group_mix()

    def _on_add_group_clicked(self) -> None:
        if self.panel.edit(
            "groups",
            lambda room: replace(room, groups=(*room.groups, edits.new_group(room))),
            _("Add group"),
        ):
            self.table.selectRow(self.model.rowCount() - 1)

    def _on_remove_group_clicked(self) -> None:
        row = self.selected_row()
        room = self._room()
        if room is not None and 0 <= row < len(room.groups):
            self.panel.edit(
                "groups",
                lambda r: replace(r, groups=edits.remove_item(r.groups, row)),
                _("Remove group {group}").format(group=self._group_name(row)),
            )

    def _on_mix_switched(self, use_mix: bool) -> None:
        row = self.selected_row()
        card = self.panel.session.rate_card
        name = self._group_name(row)
        if use_mix:
            self._edit_group(
                row,
                lambda g: replace(g, receives=(), mix=edits.starting_mix(g.receives, card)),
                _("Give {group} a resolution mix").format(group=name),
            )
        else:
            self._edit_group(
                row,
                lambda g: replace(g, mix=None, receives=(edits.HD_720,)),
                _("Stop the resolution mix of {group}").format(group=name),
            )
        self._show_group_mix()

    def _on_mix_edited(self, mix: tuple) -> None:  # type: ignore[type-arg]
        row = self.selected_row()
        self._edit_group(
            row,
            lambda g: replace(g, receives=(), mix=mix),
            _("Change the resolution mix of {group}").format(group=self._group_name(row)),
        )
