"""The Groups page of a room panel: every group of the room in a table, with what each receives.

Built the first time the page is shown or one of its parts is asked for, so that neither the
page nor its modules (the table model, the mix editor) cost the window's first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from estimator_gui.gui.group_model import GroupTableModel
    from estimator_gui.gui.panels.groups import GroupsBox
    from estimator_gui.gui.panels.mix_editor import MixEditor


class GroupsPage:
    """What RoomPanel (panels/rooms.py) mixes in: its second page, ``pages`` tab 1, made on demand
    in place of an empty placeholder."""

    pages: QTabWidget
    _groups: GroupsBox | None

    if TYPE_CHECKING:  # RoomPanel's

        def current_item(self) -> Any: ...
        def window(self) -> QWidget: ...

    @property
    def groups(self) -> GroupsBox:
        """The Groups page, built the first time it is shown or asked for."""
        if self._groups is None:
            from estimator_gui.gui.panels.groups import GroupsBox

            self._groups = GroupsBox(self, self.pages)
            current = self.pages.currentIndex()
            with QSignalBlocker(self.pages):
                placeholder = self.pages.widget(1)
                text = self.pages.tabText(1)
                self.pages.removeTab(1)
                self.pages.insertTab(1, self._groups, text)
                self.pages.setCurrentIndex(current)
            placeholder.deleteLater()
            room = self.current_item()
            if room is not None:
                self._groups.show_room(room)
            refresh = getattr(self.window(), "refresh_keyboard", None)
            if refresh is not None:
                refresh(self)  # its captions, Tab order and Undo keys, as the rest has
        return self._groups

    @property
    def model(self) -> GroupTableModel:
        return self.groups.model

    @property
    def table(self) -> QTableView:
        return self.groups.table

    @property
    def mix_editor(self) -> MixEditor:
        return self.groups.mix_editor

    @property
    def group_working(self) -> QLabel:
        return self.groups.working

    @property
    def group_warning(self) -> QLabel:
        return self.groups.warning

    def _on_page_shown(self, index: int) -> None:
        if index == 1:
            self.groups  # noqa: B018 - built on first show
