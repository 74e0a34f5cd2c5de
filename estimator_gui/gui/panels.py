"""One panel per part of the bill: the rooms of each service, cloud recording, mixing and relay.

Every panel shows one item of the scenario (a room, a recording or mixing task) chosen in its
selector, with sliders for the everyday inputs; rooms add a table of their participant groups.
Panels only ask the session for a new scenario; they redraw when the session says it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from estimator_gui.gui import edits
from estimator_gui.gui.group_model import GroupTableModel
from estimator_gui.gui.inputs import (
    DecimalSpinBox,
    MessageLabel,
    ResolutionComboBox,
    SliderSpinBox,
    fit_columns,
)
from estimator_gui.gui.labels import (
    audience_price_list_name,
    codec_name,
    delivery_name,
    refusal_text,
    role_name,
    service_name,
)
from estimator_gui.gui.locale_format import format_int
from estimator_gui.gui.resolution_mix import ResolutionMixWidget
from estimator_gui.gui.session import EstimateSession
from estimator_gui.gui.working import (
    Working,
    verb_mixes,
    verb_receives,
    verb_records,
    working_for,
)
from estimator_gui.pricing import limits
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import (
    AUDIENCE_PRICE_LISTS,
    CODECS,
    DELIVERIES,
    SECONDS_PER_MINUTE,
    Group,
    RecordingTask,
    Relay,
    Resolution,
    Room,
    Scenario,
    TranscodingTask,
    aggregate_pixels,
)

if TYPE_CHECKING:  # only named in signatures: importing it would build its enums at start-up
    from PySide6.QtWidgets import QStyleOptionViewItem

Item = Any  # a Room, RecordingTask or TranscodingTask
HD_720 = Resolution(1280, 720)
SLIDER_MINUTES = 240  # most sessions; longer ones up to a day are typed
# Spin boxes take more than a limit allows, so that a value past it is typed and then refused with
# its reason, instead of being silently clamped to the limit.
TYPED_STREAMS_MAX = 999


def _minutes(seconds: Decimal) -> int:
    return int((seconds / SECONDS_PER_MINUTE).to_integral_value())


class ItemPanel(QWidget):
    """The frame every panel shares: a selector over its items, an editor, refusals in place.

    Its own texts use translate("ItemPanel", ...): self.tr() would look them up under the
    subclass's name (RoomPanel), while lupdate files them under ItemPanel.
    """

    refusal_changed = Signal(bool)  # True while an input of this panel shows a refusal

    def __init__(self, session: EstimateSession, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}.panel")
        self.session = session
        self._key = key
        self._position = 0
        self._item: Item | None = None
        self._names: list[str] = []
        self._items: list[Item] | None = None  # None: redraw on the next show_scenario
        self._refused = False
        self.messages: dict[str, MessageLabel] = {}
        self._sliders: list[SliderSpinBox] = []

        self.selector = QComboBox(self)
        self.selector.setObjectName(f"{key}.selector")
        self.selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.selector.setMinimumContentsLength(12)
        self.add_button = QPushButton(self.add_text(), self)
        self.add_button.setObjectName(f"{key}.add")
        self.remove_button = QPushButton(QCoreApplication.translate("ItemPanel", "Remove"), self)
        self.remove_button.setObjectName(f"{key}.remove")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName(f"{key}.label")
        self.name_edit.setPlaceholderText(
            QCoreApplication.translate("ItemPanel", "Name shown in the quote")
        )
        self.name_edit.setMaxLength(limits.TEXT_MAX)
        selector_row = QHBoxLayout()
        selector_row.addWidget(QLabel(self.item_caption(), self))
        selector_row.addWidget(self.selector)
        selector_row.addWidget(self.name_edit, 1)
        selector_row.addWidget(self.add_button)
        selector_row.addWidget(self.remove_button)

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
        layout.addWidget(self.stack, 1)

        self.selector.activated.connect(self._on_item_selected)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.name_edit.editingFinished.connect(self._on_name_edited)
        session.scenario_changed.connect(self.show_scenario)
        session.scenario_loaded.connect(self._on_scenario_loaded)

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

    # ------------------------------------------------------------------ shared behaviour

    def grid_row(self, grid: QGridLayout, key: str, caption: str, widget: QWidget) -> QLabel:
        """Caption, input and, under the input, the place its refusals are shown."""
        row = grid.rowCount()
        label = QLabel(caption, widget.parentWidget())
        label.setObjectName(f"{self._key}.{key}.caption")
        label.setWordWrap(True)
        label.setBuddy(widget.spin if isinstance(widget, SliderSpinBox) else widget)
        message = MessageLabel(f"{self._key}.{key}.message", widget.parentWidget())
        grid.addWidget(label, row, 0)
        grid.addWidget(widget, row, 1)
        grid.addWidget(message, row + 1, 1)
        self.messages[key] = message
        return label

    def slider(self, key: str, minimum: int, slider_max: int, spin_max: int) -> SliderSpinBox:
        widget = SliderSpinBox(f"{self._key}.{key}", minimum, slider_max, spin_max, self.editor)
        widget.value_edited.connect(lambda value, k=key: self.on_value_edited(k, value))
        self._sliders.append(widget)
        return widget

    @staticmethod
    def fit_captions(grid: QGridLayout, widest: int = 230) -> None:
        """The caption column as wide as its longest caption, up to ``widest`` px (then it wraps):
        a wrapped label asks for little, and captions broke over two lines with room to spare."""
        needed = 0
        for row in range(grid.rowCount()):
            item = grid.itemAtPosition(row, 0)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.text():
                needed = max(needed, label.fontMetrics().horizontalAdvance(label.text()) + 2)
        grid.setColumnMinimumWidth(0, min(needed, widest))

    def align_spin_boxes(self) -> None:
        """One width for every spin box of the panel, so that their sliders end in one column."""
        width = max((s.spin.minimumWidth() for s in self._sliders), default=0)
        for widget in self._sliders:
            widget.spin.setMinimumWidth(width)

    def on_value_edited(self, key: str, value: int) -> None:
        raise NotImplementedError

    def current_item(self) -> Item | None:
        return self._item

    def edit(self, key: str, make: Callable[[Item], Item]) -> bool:
        """Ask the session for the scenario with this item remade; show a refusal under ``key``."""
        if self._item is None:
            return False
        try:
            scenario = self.with_item(self.session.scenario, self._position, make(self._item))
            self.session.update(scenario)
        except InputError as error:
            self.show_refusal(key, error)
            return False
        return True

    def update_scenario(self, key: str, make: Callable[[Scenario], Scenario]) -> bool:
        try:
            self.session.update(make(self.session.scenario))
        except InputError as error:
            self.show_refusal(key, error)
            return False
        return True

    def show_refusal(self, key: str, error: InputError) -> None:
        self.messages[key].show_message(refusal_text(error))
        self._refused = True
        self.refusal_changed.emit(True)

    def clear_refusals(self) -> None:
        if not self._refused:
            return
        for message in self.messages.values():
            message.clear_message()
        self._refused = False
        self.refusal_changed.emit(False)

    def show_scenario(self, scenario: Scenario) -> None:
        """Redraw from the session's scenario (cheap when this panel's items did not change)."""
        items = self.items(scenario)
        if (
            not self._refused
            and self._items is not None
            and len(items) == len(self._items)
            and all(a is b for a, b in zip(items, self._items, strict=True))
        ):
            return  # another panel's edit: frozen items that were not replaced are the same objects
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
        stale = self._refused
        self.clear_refusals()
        if item is self._item and not stale and not fresh:
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

    def item_name(self, index: int, item: Item) -> str:
        return item.label or QCoreApplication.translate("ItemPanel", "#%1").replace(
            "%1", str(index + 1)
        )

    def select(self, position: int) -> None:
        self._position = position
        self._item = None
        self._items = None
        self.show_scenario(self.session.scenario)

    def _on_item_selected(self, index: int) -> None:
        self.select(index)

    def _on_scenario_loaded(self, _scenario: Scenario) -> None:
        self._position = 0
        self._item = None
        self._items = None  # a file with no items too must clear what the last one showed

    def _on_add_clicked(self) -> None:
        count = len(self.items(self.session.scenario))
        if self.update_scenario("add", self.with_new_item):
            self.select(count)

    def _on_remove_clicked(self) -> None:
        if self._item is None:
            return
        position = self._position
        if self.update_scenario("add", lambda s: self.with_item(s, position, None)):
            self.select(max(position - 1, 0))

    def _on_name_edited(self) -> None:
        text = self.name_edit.text().strip()
        if self._item is not None and text != self._item.label:
            self.edit("add", lambda item: replace(item, label=text))


class GroupTableView(QTableView):
    """The groups table, asking for its minimum height and growing into whatever is left.

    A table's default preferred height (192 px) made the panel taller than a laptop's screen:
    the scroll area sizes a panel with wrapped labels by its preferred height.
    """

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


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


class MixEditor(QWidget):
    """A 'use a mix' switch and the resolution-mix control, for a group or a task.

    The control (twenty widgets) is built the first time a mix is shown: most groups have none.
    """

    mix_switched = Signal(bool)
    mix_edited = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._control: ResolutionMixWidget | None = None
        self.switch = QCheckBox(self.tr("Use a resolution mix (share of time per tier)"), self)
        self.switch.setObjectName(f"{name}.use_mix")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.switch)
        self.switch.toggled.connect(self.mix_switched)

    @property
    def control(self) -> ResolutionMixWidget:
        if self._control is None:
            self._control = ResolutionMixWidget(f"{self._name}.mix", self)
            self._control.hide()
            self._layout.addWidget(self._control)
            self._control.mix_edited.connect(self.mix_edited)
        return self._control

    def show_mix(self, mix: Any) -> None:
        with QSignalBlocker(self.switch):
            self.switch.setChecked(mix is not None)
        if mix is None:
            if self._control is not None:
                self._control.setVisible(False)
            return
        self.control.setVisible(True)
        self.control.set_mix(mix)


def _starting_mix(streams: tuple[Resolution, ...], session: EstimateSession) -> tuple:
    """Switching a group to a mix starts at 100% of the tier its streams have now."""
    tier = session.rate_card.tier_for(aggregate_pixels(streams)) or "HD"
    return ((tier, Decimal(100)),)


class RoomPanel(ItemPanel):
    """The rooms of one service: everyday sliders over the main groups, and the groups table."""

    def __init__(self, session: EstimateSession, service: str, parent: QWidget | None = None):
        self.service = service
        super().__init__(session, service, parent)
        self.is_live = service in ("live_audio", "live_video")
        self.has_video = service in ("video_call", "live_video")
        # The group the video sliders drive: what participants, or the audience, receive.
        self.video_role = "audience" if self.is_live else "participant"
        self._video_group: Group | None = None

        inputs = QGroupBox(self.tr("Everyday inputs"), self.editor)
        grid = QGridLayout(inputs)
        grid.setColumnStretch(1, 1)
        self.rooms_per_day = self.slider("rooms_per_day", 0, 1000, limits.ROOMS_PER_DAY_MAX)
        self.grid_row(grid, "rooms_per_day", self.tr("Rooms per day"), self.rooms_per_day)
        self.days = self.slider("days", limits.DAYS_MIN, limits.DAYS_MAX, limits.DAYS_MAX)
        self.grid_row(grid, "days", self.tr("Days in the month"), self.days)
        self.minutes = self.slider("minutes", 0, SLIDER_MINUTES, limits.SESSION_MINUTES_MAX)
        self.grid_row(grid, "minutes", self.tr("Minutes per session"), self.minutes)
        self.participants = self.anchors = self.audience = self.publishers = None
        if self.is_live:
            self.anchors = self.slider("anchors", 0, limits.LIVE_CO_ANCHORS, limits.GROUP_COUNT_MAX)
            self.grid_row(grid, "anchors", self.tr("Anchors (co-anchors at once)"), self.anchors)
            self.audience = self.slider(
                "audience", 0, limits.LOW_LATENCY_AUDIENCE, limits.GROUP_COUNT_MAX
            )
            self.grid_row(grid, "audience", self.tr("Audience per room"), self.audience)
            self.switch_to_cdn = QPushButton(self.tr("Switch this room to Relay to CDN"), inputs)
            self.switch_to_cdn.setObjectName(f"{service}.switch_to_cdn")
            self.switch_to_cdn.hide()
            grid.addWidget(self.switch_to_cdn, grid.rowCount(), 1)
            self.switch_to_cdn.clicked.connect(self._on_switch_to_cdn_clicked)
        else:
            self.participants = self.slider(
                "participants", 0, limits.CALL_ROOM_USERS, limits.GROUP_COUNT_MAX
            )
            self.grid_row(grid, "participants", self.tr("Participants per room"), self.participants)
            # Room.publishers: not stated (None) unless the sales person sets it; 0 shows that.
            self.publishers = self.slider(
                "publishers", 0, limits.CALL_PUBLISHERS, limits.GROUP_COUNT_MAX
            )
            self.publishers.set_unset_text(self.tr("Not stated"))
            self.publishers.setToolTip(
                self.tr(
                    "How many have a camera (video call) or a microphone (audio call) on at once; "
                    "it does not change the price, it is checked against the limit of %1."
                ).replace("%1", format_int(limits.CALL_PUBLISHERS))
            )
            caption = (
                self.tr("Cameras on at once")
                if service == "video_call"
                else self.tr("Microphones on at once")
            )
            self.grid_row(grid, "publishers", caption, self.publishers)
        self.streams = self.resolution = None
        self.video_working = QLabel(inputs)
        if self.has_video:
            caption = (
                self.tr("Streams each viewer watches")
                if self.is_live
                else self.tr("Cameras each participant watches")
            )
            self.streams = self.slider("streams", 0, limits.CALL_PUBLISHERS, TYPED_STREAMS_MAX)
            self.grid_row(grid, "streams", caption, self.streams)
            self.resolution = ResolutionComboBox(f"{service}.resolution", inputs)
            self.grid_row(grid, "resolution", self.tr("Resolution of each camera"), self.resolution)
            self.resolution.resolution_edited.connect(self._on_resolution_edited)
            self.resolution.resolution_refused.connect(
                lambda error: self.show_refusal("resolution", error)
            )
            self.video_working.setObjectName(f"{service}.video_working")
            self.video_working.setWordWrap(True)
            grid.addWidget(self.video_working, grid.rowCount(), 1)
        self.delivery = self.price_list = None
        if self.is_live:
            self.delivery = QComboBox(inputs)
            self.delivery.setObjectName(f"{service}.delivery")
            for code in DELIVERIES:
                self.delivery.addItem(delivery_name(code), code)
            self.grid_row(grid, "delivery", self.tr("Audience delivery"), self.delivery)
            self.delivery.activated.connect(self._on_delivery_chosen)
        if service == "live_video":
            self.price_list = QComboBox(inputs)
            self.price_list.setObjectName(f"{service}.audience_price_list")
            for code in AUDIENCE_PRICE_LISTS:
                self.price_list.addItem(audience_price_list_name(code), code)
            self.grid_row(grid, "price_list", self.tr("Audience price list"), self.price_list)
            self.price_list.activated.connect(self._on_price_list_chosen)

        self.fit_captions(grid)
        groups_box = QGroupBox(self.tr("Participant groups in each room"), self.editor)
        self.model = GroupTableModel(session.rate_card, self)
        self.table = GroupTableView(groups_box)
        self.table.setObjectName(f"{service}.groups")
        self.table.setModel(self.model)
        self.table.setItemDelegate(RoleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(GroupTableModel.COL_WORKING, QHeaderView.ResizeMode.Stretch)
        # Text columns narrower than the breakdown's: the working is what this table is read for.
        self.model.modelReset.connect(
            lambda: fit_columns(
                self.table,
                GroupTableModel.COL_WORKING,
                frozenset({GroupTableModel.COL_COUNT}),
                widest_chars=9,
            )
        )
        self.table.setMinimumHeight(100)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.add_group = QPushButton(self.tr("Add group"), groups_box)
        self.add_group.setObjectName(f"{service}.add_group")
        self.remove_group = QPushButton(self.tr("Remove group"), groups_box)
        self.remove_group.setObjectName(f"{service}.remove_group")
        # The Working column is cut short: the selected group's working in full, under the table.
        self.group_working = QLabel(groups_box)
        self.group_working.setObjectName(f"{service}.group_working")
        self.group_working.setWordWrap(True)
        self.group_working.setTextFormat(Qt.TextFormat.PlainText)
        self.group_working.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.group_warning = QLabel(groups_box)
        self.group_warning.setObjectName(f"{service}.group_warning")
        self.group_warning.setWordWrap(True)
        self.group_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.group_warning.setStyleSheet("QLabel { color: #b06000; }")  # the table's warning hue
        self.group_warning.hide()
        self.group_message = MessageLabel(f"{service}.groups.message", groups_box)
        self.messages["groups"] = self.group_message
        group_buttons = QHBoxLayout()
        hint = QLabel(
            self.tr(
                "Double-click a cell to edit it. Receives: 2 x 1280x720, "
                "or a mix such as HD 70, FHD 30."
            ),
            groups_box,
        )
        hint.setWordWrap(True)
        group_buttons.addWidget(hint, 1)
        group_buttons.addWidget(self.add_group)
        group_buttons.addWidget(self.remove_group)
        self.mix_editor = MixEditor(f"{service}.group", groups_box)
        groups_layout = QVBoxLayout(groups_box)
        groups_layout.addWidget(self.table, 1)
        groups_layout.addWidget(self.group_working)
        groups_layout.addWidget(self.group_warning)
        groups_layout.addWidget(self.group_message)
        groups_layout.addLayout(group_buttons)
        if self.has_video:
            # No caption of its own: the working above names the selected group it applies to.
            groups_layout.addWidget(self.mix_editor)
        else:
            self.mix_editor.hide()

        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(inputs)
        editor_layout.addWidget(groups_box, 1)

        self.model.group_edited.connect(self._on_group_edited)
        self.model.edit_refused.connect(lambda error: self.show_refusal("groups", error))
        self.table.selectionModel().currentRowChanged.connect(self._on_group_selected)
        self.add_group.clicked.connect(self._on_add_group_clicked)
        self.remove_group.clicked.connect(self._on_remove_group_clicked)
        self.mix_editor.mix_switched.connect(self._on_mix_switched)
        self.mix_editor.mix_edited.connect(self._on_mix_edited)
        self.align_spin_boxes()
        self.show_scenario(session.scenario)

    # ------------------------------------------------------------------ ItemPanel

    def item_caption(self) -> str:
        return self.tr("Room")

    def add_text(self) -> str:
        return self.tr("Add room")

    def empty_text(self) -> str:
        return self.tr("This estimate has no %1 rooms. Add one to price it.").replace(
            "%1", service_name(self.service)
        )

    def items(self, scenario: Scenario) -> list[Item]:
        return [room for room in scenario.rooms if room.service == self.service]

    def with_item(self, scenario: Scenario, position: int, item: Item | None) -> Scenario:
        index = edits.room_indices(scenario, self.service)[position]
        if item is None:
            return replace(scenario, rooms=edits.remove_item(scenario.rooms, index))
        return edits.replace_room(scenario, index, item)

    def with_new_item(self, scenario: Scenario) -> Scenario:
        number = len(self.items(scenario)) + 1
        return replace(scenario, rooms=(*scenario.rooms, edits.new_room(self.service, number)))

    def show_item(self, item: Item) -> None:
        room: Room = item
        self.rooms_per_day.set_value(room.rooms_per_day)
        self.days.set_value(room.days)
        self.minutes.set_value(_minutes(room.seconds))
        if self.participants is not None:
            self.participants.set_value(self._count(room, "participant"))
        if self.publishers is not None:
            self.publishers.set_value(room.publishers or 0)
        if self.anchors is not None and self.audience is not None:
            self.anchors.set_value(self._count(room, "anchor"))
            self.audience.set_value(self._count(room, "audience"))
            self.switch_to_cdn.hide()
        if self.delivery is not None:
            self.delivery.setCurrentIndex(self.delivery.findData(room.delivery))
        if self.price_list is not None:
            self.price_list.setCurrentIndex(self.price_list.findData(room.audience_price_list))
        self._show_video(room)
        self.model.show_room(room)
        current = self.table.currentIndex().row()
        if current < 0 or current >= len(room.groups):
            main = edits.main_group_index(room, self.video_role)
            if main is not None or room.groups:
                with QSignalBlocker(self.table.selectionModel()):
                    self.table.selectRow(main if main is not None else 0)
        self._show_group_mix()

    def on_value_edited(self, key: str, value: int) -> None:
        if key == "rooms_per_day":
            self.edit(key, lambda room: replace(room, rooms_per_day=value))
        elif key == "days":
            self.edit(key, lambda room: replace(room, days=value))
        elif key == "minutes":
            self.edit(key, lambda room: replace(room, seconds=Decimal(value * SECONDS_PER_MINUTE)))
        elif key == "publishers":
            publishers = value or None  # 0 is shown as "Not stated"
            self.edit(key, lambda room: replace(room, publishers=publishers))
        elif key in ("participants", "anchors", "audience"):
            role = "participant" if key == "participants" else "anchor" if key == "anchors" else key
            accepted = self.edit(key, lambda room: edits.with_role_count(room, role, value))
            if key == "audience":
                refused = self.messages[key]
                offer = (
                    not accepted
                    and not refused.isHidden()
                    and value > limits.LOW_LATENCY_AUDIENCE
                    and self._item is not None
                    and self._item.delivery == "low_latency"
                )
                self.switch_to_cdn.setVisible(offer)
        elif key == "streams":
            fallback = self._chosen_resolution()
            self._edit_video_group(
                key,
                lambda g: replace(g, receives=edits.with_stream_count(g.receives, value, fallback)),
            )

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _count(room: Room, role: str) -> int:
        index = edits.main_group_index(room, role)
        return 0 if index is None else room.groups[index].count

    def _chosen_resolution(self) -> Resolution:
        if self.resolution is None:
            return HD_720
        try:
            return Resolution.parse(self.resolution.token())
        except InputError:
            return HD_720

    def _edit_video_group(self, key: str, make: Callable[[Group], Group]) -> bool:
        def remake(room: Room) -> Room:
            index = edits.main_group_index(room, self.video_role)
            if index is None:
                room = replace(room, groups=(*room.groups, Group(self.video_role, 1)))
                index = len(room.groups) - 1
            return edits.with_group(room, index, make(room.groups[index]))

        return self.edit(key, remake)

    def _show_video(self, room: Room) -> None:
        if self.streams is None or self.resolution is None:
            return
        index = edits.main_group_index(room, self.video_role)
        group = room.groups[index] if index is not None else None
        if group is not None and group is self._video_group:
            return
        self._video_group = group
        uses_mix = group is not None and group.mix is not None
        self.streams.setEnabled(not uses_mix)
        self.resolution.setEnabled(not uses_mix)
        receives = () if group is None else group.receives
        self.streams.set_value(len(receives))
        shared = edits.stream_resolution(receives)
        self.resolution.set_resolution(shared, "" if shared or not receives else self.tr("mixed"))
        if group is None:
            text = self.tr("No %1 group yet: moving a slider adds one.").replace(
                "%1", role_name(self.video_role)
            )
        else:
            working = working_for(
                group.receives, group.mix, self.session.rate_card, verb_receives()
            )
            text = self._working_text(role_name(group.role), working)
        if self.video_working.text() != text:
            self.video_working.setText(text)

    @staticmethod
    def _working_text(who: str, working: Working) -> str:
        text = f"{who}: {working.text}"
        return text + (f"\n\u26a0 {working.warning}" if working.warning else "")

    def _selected_row(self) -> int:
        return self.table.currentIndex().row()

    def _show_group_working(self) -> None:
        """The selected group's full working and tier warning, which the table's cell cuts."""
        room = self._item
        row = self._selected_row()
        if room is None or not 0 <= row < len(room.groups) or row >= self.model.rowCount():
            text = (
                self.tr("Select a group to see how its tier is worked out and to give it a mix.")
                if self.has_video
                else self.tr("Select a group to see how its tier is worked out.")
            )
            warning = ""
        else:
            group = room.groups[row]
            working = self.model.working(row)
            text = f"{group.label or role_name(group.role)}: {working.text}"
            warning = working.warning
        if self.group_working.text() != text:
            self.group_working.setText(text)
        shown = f"\u26a0 {warning}" if warning else ""
        if self.group_warning.text() != shown:
            self.group_warning.setText(shown)
            self.group_warning.setVisible(bool(warning))

    def _show_group_mix(self) -> None:
        self._show_group_working()
        room = self._item
        row = self._selected_row()
        if room is None or not 0 <= row < len(room.groups) or not self.has_video:
            self.mix_editor.setEnabled(False)
            return
        self.mix_editor.setEnabled(True)
        self.mix_editor.show_mix(room.groups[row].mix)

    def _edit_selected_group(self, make: Callable[[Group], Group]) -> bool:
        row = self._selected_row()
        if self._item is None or not 0 <= row < len(self._item.groups):
            return False
        return self.edit("groups", lambda room: edits.with_group(room, row, make(room.groups[row])))

    # ------------------------------------------------------------------ slots

    def _on_resolution_edited(self, resolution: Resolution) -> None:
        self._edit_video_group(
            "resolution",
            lambda g: replace(g, receives=edits.with_resolution(g.receives, resolution)),
        )

    def _on_delivery_chosen(self, index: int) -> None:
        code = self.delivery.itemData(index) if self.delivery is not None else None
        if code is not None:
            self.edit("delivery", lambda room: replace(room, delivery=code))

    def _on_switch_to_cdn_clicked(self) -> None:
        viewers = self.audience.value() if self.audience is not None else 0
        if self.edit(
            "audience",
            lambda room: edits.with_role_count(replace(room, delivery="cdn"), "audience", viewers),
        ):
            self.switch_to_cdn.hide()

    def _on_price_list_chosen(self, index: int) -> None:
        code = self.price_list.itemData(index) if self.price_list is not None else None
        if code is not None:
            self.edit("price_list", lambda room: replace(room, audience_price_list=code))

    def _on_group_edited(self, row: int, group: Group) -> None:
        self.edit("groups", lambda room: edits.with_group(room, row, group))

    def _on_group_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_group_mix()

    def _on_add_group_clicked(self) -> None:
        if self.edit(
            "groups", lambda room: replace(room, groups=(*room.groups, edits.new_group(room)))
        ):
            self.table.selectRow(self.model.rowCount() - 1)

    def _on_remove_group_clicked(self) -> None:
        row = self._selected_row()
        if self._item is not None and 0 <= row < len(self._item.groups):
            self.edit(
                "groups", lambda room: replace(room, groups=edits.remove_item(room.groups, row))
            )

    def _on_mix_switched(self, use_mix: bool) -> None:
        if use_mix:
            self._edit_selected_group(
                lambda g: replace(g, receives=(), mix=_starting_mix(g.receives, self.session))
            )
        else:
            self._edit_selected_group(lambda g: replace(g, mix=None, receives=(HD_720,)))
        self._show_group_mix()

    def _on_mix_edited(self, mix: tuple) -> None:
        self._edit_selected_group(lambda g: replace(g, receives=(), mix=mix))


class TaskPanel(ItemPanel):
    """Cloud recording or on-cloud mixing tasks: how many, how long, what they take in."""

    def __init__(self, session: EstimateSession, kind: str, parent: QWidget | None = None):
        self.kind = kind  # "recording" or "transcoding"
        self.streams_field = "records" if kind == "recording" else "inputs"
        super().__init__(session, kind, parent)
        inputs = QGroupBox(self.tr("Everyday inputs"), self.editor)
        grid = QGridLayout(inputs)
        grid.setColumnStretch(1, 1)
        self.tasks_per_day = self.slider("tasks_per_day", 0, 1000, limits.TASKS_PER_DAY_MAX)
        self.grid_row(grid, "tasks_per_day", self.tr("Tasks per day"), self.tasks_per_day)
        self.days = self.slider("days", limits.DAYS_MIN, limits.DAYS_MAX, limits.DAYS_MAX)
        self.grid_row(grid, "days", self.tr("Days in the month"), self.days)
        self.minutes = self.slider("minutes", 0, SLIDER_MINUTES, limits.SESSION_MINUTES_MAX)
        self.grid_row(grid, "minutes", self.tr("Minutes per task"), self.minutes)
        caption = (
            self.tr("Streams recorded together")
            if kind == "recording"
            else self.tr("Input streams mixed")
        )
        self.streams = self.slider("streams", 0, 16, TYPED_STREAMS_MAX)
        self.grid_row(grid, "streams", caption, self.streams)
        self.resolution = ResolutionComboBox(f"{kind}.resolution", inputs)
        self.grid_row(grid, "resolution", self.tr("Resolution of each stream"), self.resolution)
        self.codec = None
        if kind == "transcoding":
            self.codec = QComboBox(inputs)
            self.codec.setObjectName("transcoding.codec")
            for code in CODECS:
                self.codec.addItem(codec_name(code), code)
            self.grid_row(grid, "codec", self.tr("Output codec"), self.codec)
            self.codec.activated.connect(self._on_codec_chosen)
        self.fit_captions(grid)
        self.working = QLabel(inputs)
        self.working.setObjectName(f"{kind}.working")
        self.working.setWordWrap(True)
        grid.addWidget(self.working, grid.rowCount(), 1)
        self.mix_editor = MixEditor(kind, inputs)
        grid.addWidget(self.mix_editor, grid.rowCount(), 0, 1, 2)
        self.messages["mix"] = MessageLabel(f"{kind}.mix.message", inputs)
        grid.addWidget(self.messages["mix"], grid.rowCount(), 0, 1, 2)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(inputs)
        editor_layout.addStretch(1)
        self.resolution.resolution_edited.connect(self._on_resolution_edited)
        self.resolution.resolution_refused.connect(
            lambda error: self.show_refusal("resolution", error)
        )
        self.mix_editor.mix_switched.connect(self._on_mix_switched)
        self.mix_editor.mix_edited.connect(
            lambda mix: self.edit("mix", lambda t: replace(t, mix=mix, **{self.streams_field: ()}))
        )
        self.align_spin_boxes()
        self.show_scenario(session.scenario)

    def item_caption(self) -> str:
        return self.tr("Recording task") if self.kind == "recording" else self.tr("Mixing task")

    def add_text(self) -> str:
        return self.tr("Add task")

    def empty_text(self) -> str:
        if self.kind == "recording":
            return self.tr(
                "This estimate records nothing. Add a recording task to price cloud recording."
            )
        return self.tr(
            "This estimate mixes nothing on the cloud. Add a mixing task to price MixTranscoding."
        )

    def items(self, scenario: Scenario) -> list[Item]:
        return list(scenario.recording if self.kind == "recording" else scenario.transcoding)

    def with_item(self, scenario: Scenario, position: int, item: Item | None) -> Scenario:
        tasks = getattr(scenario, self.kind)
        if item is None:
            return replace(scenario, **{self.kind: edits.remove_item(tasks, position)})
        return replace(scenario, **{self.kind: edits.replace_item(tasks, position, item)})

    def with_new_item(self, scenario: Scenario) -> Scenario:
        number = len(self.items(scenario)) + 1
        task: RecordingTask | TranscodingTask = (
            edits.new_recording(number)
            if self.kind == "recording"
            else edits.new_transcoding(number)
        )
        return replace(scenario, **{self.kind: (*getattr(scenario, self.kind), task)})

    def show_item(self, item: Item) -> None:
        streams: tuple[Resolution, ...] = getattr(item, self.streams_field)
        self.tasks_per_day.set_value(item.tasks_per_day)
        self.days.set_value(item.days)
        self.minutes.set_value(_minutes(item.seconds))
        uses_mix = item.mix is not None
        self.streams.setEnabled(not uses_mix)
        self.resolution.setEnabled(not uses_mix)
        self.streams.set_value(len(streams))
        shared = edits.stream_resolution(streams)
        self.resolution.set_resolution(shared, "" if shared or not streams else self.tr("mixed"))
        if self.codec is not None:
            self.codec.setCurrentIndex(self.codec.findData(item.codec))
        verb = verb_records() if self.kind == "recording" else verb_mixes()
        working = working_for(streams, item.mix, self.session.rate_card, verb)
        text = self.tr("Each task %1").replace("%1", working.text) + (
            f"\n\u26a0 {working.warning}" if working.warning else ""
        )
        if self.working.text() != text:
            self.working.setText(text)
        self.mix_editor.show_mix(item.mix)

    def on_value_edited(self, key: str, value: int) -> None:
        if key == "tasks_per_day":
            self.edit(key, lambda t: replace(t, tasks_per_day=value))
        elif key == "days":
            self.edit(key, lambda t: replace(t, days=value))
        elif key == "minutes":
            self.edit(key, lambda t: replace(t, seconds=Decimal(value * SECONDS_PER_MINUTE)))
        elif key == "streams":
            fallback = self._chosen_resolution()
            self.edit(
                key,
                lambda t: replace(
                    t,
                    **{
                        self.streams_field: edits.with_stream_count(
                            getattr(t, self.streams_field), value, fallback
                        )
                    },
                ),
            )

    def _chosen_resolution(self) -> Resolution:
        try:
            return Resolution.parse(self.resolution.token())
        except InputError:
            return HD_720

    def _on_resolution_edited(self, resolution: Resolution) -> None:
        self.edit(
            "resolution",
            lambda t: replace(
                t,
                **{
                    self.streams_field: edits.with_resolution(
                        getattr(t, self.streams_field), resolution
                    )
                },
            ),
        )

    def _on_codec_chosen(self, index: int) -> None:
        code = self.codec.itemData(index) if self.codec is not None else None
        if code is not None:
            self.edit("codec", lambda t: replace(t, codec=code))

    def _on_mix_switched(self, use_mix: bool) -> None:
        if use_mix:
            self.edit(
                "mix",
                lambda t: replace(
                    t,
                    mix=_starting_mix(getattr(t, self.streams_field), self.session),
                    **{self.streams_field: ()},
                ),
            )
        else:
            self.edit("mix", lambda t: replace(t, mix=None, **{self.streams_field: (HD_720,)}))
        if self._item is not None:
            self.mix_editor.show_mix(self._item.mix)


class RelayBox(QGroupBox):
    """Relay to CDN: by monthly peak bandwidth (older accounts) or by relay minutes (newer)."""

    MODES = ("none", "peak_mbps", "minutes")

    def __init__(self, session: EstimateSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Relay to CDN"), parent)
        self.setObjectName("relay")
        self.session = session
        self.mode = QComboBox(self)
        self.mode.setObjectName("relay.mode")
        self.mode.addItem(self.tr("No relay"), "none")
        self.mode.addItem(
            self.tr("Monthly peak bandwidth (accounts before 2025-10-23)"), "peak_mbps"
        )
        self.mode.addItem(self.tr("Relay minutes (accounts from 2025-10-23)"), "minutes")
        self.amount = DecimalSpinBox(self)
        self.amount.setObjectName("relay.amount")
        self.amount.setDecimals(2)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setKeyboardTracking(False)
        self.message = MessageLabel("relay.message", self)
        self._shown: Relay | bool | None = False  # no relay shown yet (None is "no relay")
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Billed by"), self), 0, 0)
        grid.addWidget(self.mode, 0, 1)
        self.amount_caption = QLabel(self)
        grid.addWidget(self.amount_caption, 1, 0)
        grid.addWidget(self.amount, 1, 1)
        grid.addWidget(self.message, 2, 1)
        grid.setColumnStretch(1, 1)
        self.mode.activated.connect(self._on_changed)
        self.amount.valueChanged.connect(self._on_changed)
        session.scenario_changed.connect(self.show_scenario)
        self.show_scenario(session.scenario)

    def show_scenario(self, scenario: Scenario) -> None:
        relay = scenario.relay
        if relay is self._shown and self.message.isHidden():
            return  # another input changed: nothing here to redraw (this runs on every move)
        self._shown = relay
        mode, value = "none", Decimal(0)
        if relay is not None and relay.peak_mbps is not None:
            mode, value = "peak_mbps", relay.peak_mbps
        elif relay is not None and relay.minutes is not None:
            mode, value = "minutes", relay.minutes
        with QSignalBlocker(self.mode):
            self.mode.setCurrentIndex(self.MODES.index(mode))
        self._show_mode(mode)
        if self.amount.decimal_value() != value:
            self.amount.set_decimal_value(value)
        self.message.clear_message()

    def _show_mode(self, mode: str) -> None:
        self.amount.setEnabled(mode != "none")
        with QSignalBlocker(self.amount):
            if mode == "minutes":
                self.amount.setRange(0, limits.RELAY_MINUTES_MAX)
                self.amount.setSuffix(self.tr(" min"))
                self.amount_caption.setText(self.tr("Relay minutes a month"))
            else:
                self.amount.setRange(0, limits.RELAY_MBPS_MAX)
                self.amount.setSuffix(self.tr(" Mbps"))
                self.amount_caption.setText(self.tr("Monthly peak"))

    def _on_changed(self, *_args: object) -> None:
        mode = self.mode.currentData()
        value = self.amount.decimal_value()
        try:
            relay = (
                None
                if mode == "none"
                else Relay(peak_mbps=value)
                if mode == "peak_mbps"
                else Relay(minutes=value)
            )
            self.session.update(replace(self.session.scenario, relay=relay))
        except InputError as error:
            self.message.show_message(refusal_text(error))
            return
        self._show_mode(mode)


class MixingRelayPanel(QWidget):
    """On-cloud MixTranscoding tasks, and Relay to CDN."""

    def __init__(self, session: EstimateSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mixing_relay.panel")
        self.tasks = TaskPanel(session, "transcoding", self)
        self.relay = RelayBox(session, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tasks)
        layout.addWidget(self.relay)
        layout.addStretch(1)
