"""The frame every panel shares: a selector over its items, an editor, refusals under inputs.

A panel shows one item of the scenario (a room, a recording or mixing task) and asks the session
for changes; it never changes the scenario itself and redraws only when the session says so.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from msgspec.structs import replace
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from estimator_gui import i18n
from estimator_gui.gui.inputs import MessageLabel, SliderSpinBox
from estimator_gui.gui.labels import refusal_text
from estimator_gui.gui.locale_format import format_int
from estimator_gui.gui.panels.rows import PanelRows
from estimator_gui.gui.session import EstimateSession
from estimator_gui.gui.session_commands import Text
from estimator_gui.i18n import _
from estimator_gui.pricing import edits, limits
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import Resolution, Scenario

Item = Any  # a Room, RecordingTask or TranscodingTask


class ItemPanel(QWidget, PanelRows):
    """A selector over the panel's items (add, remove, rename) above the chosen one's editor;
    its inputs are built in rows (panels/rows.py)."""

    def __init__(self, session: EstimateSession, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}.panel")
        self.session = session
        self._key = key
        self._position = 0
        self._item: Item | None = None
        self._items: list[Item] | None = None  # None: redraw on the next show_scenario
        self._names: list[str] = []
        self._refused_here = False
        self.messages: dict[str, MessageLabel] = {}
        self.captions: dict[str, str] = {}
        self.caption_labels: dict[str, QLabel] = {}
        self._caption_grids: list[QGridLayout] = []
        self._sliders: list[SliderSpinBox] = []

        self.selector = QComboBox(self)
        self.selector.setObjectName(f"{key}.selector")
        self.selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.selector.setMinimumContentsLength(12)
        # Built in the order they stand in the row: the Tab order follows it.
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName(f"{key}.label")
        self.name_edit.setPlaceholderText(_("Name shown in the quote"))
        self.name_edit.setMaxLength(limits.TEXT_MAX)
        self.add_button = QPushButton(self.add_text(), self)
        self.add_button.setObjectName(f"{key}.add")
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setObjectName(f"{key}.remove")
        caption = QLabel(self.item_caption(), self)
        caption.setBuddy(self.selector)
        selector_row = QHBoxLayout()
        selector_row.addWidget(caption)
        selector_row.addWidget(self.selector)
        selector_row.addWidget(self.name_edit, 1)
        selector_row.addWidget(self.add_button)
        selector_row.addWidget(self.remove_button)
        self.messages["add"] = MessageLabel(f"{key}.add.message", self)

        self.stack = QStackedWidget(self)
        empty = QWidget(self.stack)
        empty_layout = QVBoxLayout(empty)
        self.empty_label = QLabel(self.empty_text(), empty)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName(f"{key}.empty")
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch(1)
        self.editor = QWidget(self.stack)
        self.stack.addWidget(empty)
        self.stack.addWidget(self.editor)

        layout = QVBoxLayout(self)
        layout.addLayout(selector_row)
        layout.addWidget(self.messages["add"])
        layout.addWidget(self.stack, 1)

        self.describe(self.selector, "selector", caption.text())
        self.describe(self.name_edit, "label", self.name_edit.placeholderText())
        self.describe(self.add_button, "add", self.add_button.text())
        self.describe(self.remove_button, "remove", self.remove_button.text())
        self.selector.activated.connect(self._on_item_selected)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.name_edit.editingFinished.connect(self._on_name_edited)
        session.scenario_changed.connect(self.show_scenario)
        session.scenario_loaded.connect(self._on_scenario_loaded)
        session.refusals_changed.connect(self._on_refusals_changed)

    # ------------------------------------------------------------------ for subclasses

    def item_caption(self) -> str:
        raise NotImplementedError

    def add_text(self) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def items(self, scenario: Scenario) -> list[Item]:
        raise NotImplementedError

    def with_item(self, scenario: Scenario, position: int, item: Item | None) -> Scenario:
        """The scenario with this panel's item at ``position`` replaced (None: removed)."""
        raise NotImplementedError

    def with_new_item(self, scenario: Scenario) -> Scenario:
        raise NotImplementedError

    def show_item(self, item: Item) -> None:
        raise NotImplementedError

    def on_value_edited(self, key: str, value: int, merge: Hashable | None) -> None:
        raise NotImplementedError

    def refusals_shown(self, refusals: dict[str, InputError]) -> None:
        """The session's refusals were drawn under the inputs; a panel may offer a way out."""

    # ------------------------------------------------------------------ showing

    def show_usage(self, item: Item) -> None:
        self.per_day.set_value(getattr(item, self._per_day_field))
        self.days.set_value(item.days)
        self.minutes.set_value(edits.whole_minutes(item.seconds))

    def show_streams(self, streams: tuple[Resolution, ...], uses_mix: bool) -> None:
        # A mix sets the time per tier instead: the stream rows would only show what is unused.
        for widget in (
            self.streams,
            self.resolution,
            self.caption_labels["streams"],
            self.caption_labels["resolution"],
        ):
            if widget.isHidden() != uses_mix:
                widget.setVisible(not uses_mix)
        self.streams.set_value(len(streams))
        shared = edits.stream_resolution(streams)
        self.resolution.set_resolution(
            shared,
            "" if shared or not streams else _("mixed"),
        )

    def chosen_resolution(self) -> Resolution:
        try:
            return Resolution.parse(self.resolution.token())
        except InputError:
            return edits.HD_720

    def on_resolution_edited(self, resolution: Resolution) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ asking for changes

    def input_key(self, key: str) -> str:
        """The session's name of one input of this panel, for its refusals."""
        return f"{self._key}.{key}"

    def change_text(self, key: str, value: str | None = None) -> Callable[[], str]:
        """The undo entry's name: "Change Audience per room to 20,000", in the language of the
        moment it is shown (the caption is kept by its English source)."""
        source = i18n.source_of(self.captions.get(key, key))

        def text() -> str:
            caption = _(source).replace("&&", "\0").replace("&", "").replace("\0", "&")
            if value is None:
                return _("Change {input}").format(input=caption)
            return _("Change {input} to {value}").format(input=caption, value=value)

        return text

    def current_item(self) -> Item | None:
        return self._item

    def edit(
        self,
        key: str,
        make: Callable[[Item], Item],
        text: Text | None = None,
        merge: Hashable | None = None,
    ) -> bool:
        """Ask the session for the scenario with the shown item remade; True when it took."""
        if self._item is None:
            return False
        position = self._position

        def change(scenario: Scenario) -> Scenario:
            return self.with_item(scenario, position, make(self.items(scenario)[position]))

        merge_key = None if merge is None else (self._key, key, position, merge)
        return self.session.request(
            change,
            text if text is not None else self.change_text(key),
            key=self.input_key(key),
            merge_key=merge_key,
        )

    def edit_value(
        self, key: str, value: int, make: Callable[[Item], Item], merge: Hashable | None
    ) -> bool:
        return self.edit(key, make, self.change_text(key, format_int(value)), merge)

    def on_usage_edited(self, key: str, value: int, merge: Hashable | None) -> bool:
        """Handle an edit of the usage rows; False when ``key`` is not one of them."""
        if key == "minutes":
            seconds = edits.minutes_to_seconds(value)
            self.edit_value(key, value, lambda item: replace(item, seconds=seconds), merge)
        elif key in (self._per_day_field, "days"):
            self.edit_value(key, value, lambda item: replace(item, **{key: value}), merge)
        else:
            return False
        return True

    # ------------------------------------------------------------------ redrawing

    def show_scenario(self, scenario: Scenario) -> None:
        """Redraw from the session's scenario (cheap when this panel's items did not change)."""
        items = self.items(scenario)
        if self._items is not None and items == self._items:
            return  # another panel's edit
        fresh = self._items is None  # first drawing, another item selected, or a file opened
        self._items = items
        names = [self.item_name(i, item) for i, item in enumerate(items)]
        if names != self._names:
            self._names = names
            with QSignalBlocker(self.selector):
                self.selector.clear()
                self.selector.addItems(names)
        self._position = min(self._position, max(len(items) - 1, 0))
        if self.selector.currentIndex() != self._position and items:
            with QSignalBlocker(self.selector):
                self.selector.setCurrentIndex(self._position)
        item = items[self._position] if items else None
        if item == self._item and not fresh:
            return
        self._item = item
        self.remove_button.setEnabled(item is not None)
        self.name_edit.setEnabled(item is not None)
        if item is None:
            self.stack.setCurrentIndex(0)
            self.name_edit.clear()
            return
        self.stack.setCurrentIndex(1)
        if self.name_edit.text() != item.label:
            self.name_edit.setText(item.label)
            self.name_edit.setCursorPosition(0)
        self.show_item(item)

    def redraw(self) -> None:
        """Show the scenario again from scratch: inputs that showed a refused value go back."""
        self._items = None
        self.show_scenario(self.session.scenario)

    def item_name(self, index: int, item: Item) -> str:
        return item.label or _("#{number}").format(number=index + 1)

    @staticmethod
    def item_name_later(index: int, item: Item) -> Callable[[], str]:
        """item_name for an undo entry: worded again when the language changes."""
        label = item.label
        return lambda: label or _("#{number}").format(number=index + 1)

    def select(self, position: int) -> None:
        self._position = position
        self._item = None
        self._items = None
        self.show_scenario(self.session.scenario)

    def _on_refusals_changed(self) -> None:
        refusals = self.session.refusals
        prefix = f"{self._key}."
        mine = {k.removeprefix(prefix): e for k, e in refusals.items() if k.startswith(prefix)}
        for key, message in self.messages.items():
            error = mine.get(key)
            if error is None:
                message.clear_message()
            else:
                message.show_message(refusal_text(error))
        if self._refused_here and not mine:
            self.redraw()  # the inputs that showed a refused value show the scenario's again
        self._refused_here = bool(mine)
        self.refusals_shown(mine)

    def _on_item_selected(self, index: int) -> None:
        self.select(index)

    def _on_scenario_loaded(self, _scenario: Scenario) -> None:
        self._position = 0
        self._item = None
        self._items = None  # a file with no items too must clear what the last one showed

    def _on_add_clicked(self) -> None:
        count = len(self.items(self.session.scenario))
        if self.session.request(self.with_new_item, self.add_text(), key=self.input_key("add")):
            self.select(count)

    def _on_remove_clicked(self) -> None:
        if self._item is None:
            return
        position = self._position
        name = self.item_name_later(position, self._item)
        if self.session.request(
            lambda s: self.with_item(s, position, None),
            lambda: _("Remove {item}").format(item=name()),
            key=self.input_key("add"),
        ):
            self.select(max(position - 1, 0))

    def _on_name_edited(self) -> None:
        text = self.name_edit.text().strip()
        if self._item is not None and text != self._item.label:
            before = self.item_name_later(self._position, self._item)
            self.edit(
                "add",
                lambda item: replace(item, label=text),
                lambda: _("Rename {item} to {name}").format(item=before(), name=text),
            )
