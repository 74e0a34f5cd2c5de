"""The rooms of one service: everyday sliders over the main groups, and the groups table."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from msgspec.structs import replace
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from estimator_gui.gui.inputs import SliderSpinBox
from estimator_gui.gui.labels import (
    audience_price_list_name,
    delivery_name,
    role_name,
    service_name,
)
from estimator_gui.gui.locale_format import format_int
from estimator_gui.gui.panels.base import Item, ItemPanel
from estimator_gui.gui.panels.groups_page import GroupsPage
from estimator_gui.gui.panels.help import billing_note, help_text
from estimator_gui.gui.panels.marks import overrides_text, role_note
from estimator_gui.gui.panels.room_tasks import RoomTasksBox
from estimator_gui.gui.session import EstimateSession
from estimator_gui.gui.tones import WARNING, tint
from estimator_gui.gui.working import Working, group_working
from estimator_gui.i18n import _
from estimator_gui.pricing import edits, limits
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import (
    AUDIENCE_PRICE_LISTS,
    DELIVERIES,
    Group,
    Resolution,
    Room,
    Scenario,
)

# The slider of each role's head count, and the role it counts.
ROLE_OF = {"participants": "participant", "anchors": "anchor", "audience": "audience"}


class RoomPanel(ItemPanel, GroupsPage):
    """The rooms of one service, each shown as it is: the sliders count every member of a role,
    and a group that stays another time than the room's session is marked under the minutes."""

    def __init__(self, session: EstimateSession, service: str, parent: QWidget | None = None):
        self.service = service
        self.is_live = service in ("live_audio", "live_video")
        self.has_video = service in ("video_call", "live_video")
        # The group the video sliders drive: what participants, or the audience, receive.
        self.video_role = "audience" if self.is_live else "participant"
        super().__init__(session, service, parent)
        # The video group last shown, and whether the room's viewers were on a CDN then.
        self._video_shown: tuple[Group | None, bool] = (None, False)

        # Two pages: the everyday inputs, and every group of the room with room for five rows
        # or more (both on one page left the table 2.5 rows on a laptop's screen).
        self.pages = QTabWidget(self.editor)
        self.pages.setObjectName(f"{service}.pages")
        self.pages.setDocumentMode(True)
        self.pages.setUsesScrollButtons(False)
        self.pages.setElideMode(Qt.TextElideMode.ElideNone)
        self.pages.tabBar().setAccessibleName(_("Room pages"))
        self.pages.tabBar().setToolTip(
            _("The room's everyday inputs, or every group in it with what each receives")
        )
        inputs_page = QWidget(self.pages)
        inputs = QGroupBox(_("Everyday inputs"), inputs_page)
        grid = QGridLayout(inputs)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)  # ten rows and their notes on a laptop's screen
        self.usage_rows(grid, "rooms_per_day", _("Rooms per day"), _("Minutes per session"))
        self.rooms_per_day = self.per_day
        # Groups that stay another time than the session, with the way back beside them in the
        # caption column, which is empty on that row.
        self.overrides = QLabel(inputs)
        self.overrides.setObjectName(f"{service}.minutes.note")
        self.overrides.setWordWrap(True)
        tint(self.overrides, WARNING)  # the tables' warning hue
        self.follow_room = QPushButton(_("Follow the room"), inputs)
        self.follow_room.setObjectName(f"{service}.follow_room")
        self.follow_room.setToolTip(_("Every group stays the room's whole session"))
        row = grid.rowCount()
        grid.addWidget(self.follow_room, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.overrides, row, 1)
        self.overrides.hide()
        self.follow_room.hide()
        self.follow_room.clicked.connect(self._on_follow_room_clicked)
        self.counts: dict[str, SliderSpinBox] = {}
        self.switch_to_cdn: QPushButton | None = None
        if self.is_live:
            self.anchors = self.slider(
                grid,
                "anchors",
                _("Anchors (co-anchors at once)"),
                (0, limits.LIVE_CO_ANCHORS, limits.GROUP_COUNT_MAX),
            )
            self.audience = self.slider(
                grid,
                "audience",
                _("Audience per room"),
                (0, limits.LOW_LATENCY_AUDIENCE, limits.GROUP_COUNT_MAX),
            )
            self.switch_to_cdn = QPushButton(_("Switch this room to Relay to CDN"), inputs)
            self.switch_to_cdn.setObjectName(f"{service}.switch_to_cdn")
            self.switch_to_cdn.setToolTip(
                _("Keep these viewers: the CDN bills them, and TRTC bills the relay")
            )
            self.switch_to_cdn.hide()
            grid.addWidget(self.switch_to_cdn, grid.rowCount(), 1)
            self.switch_to_cdn.clicked.connect(self._on_switch_to_cdn_clicked)
            self.counts = {"anchors": self.anchors, "audience": self.audience}
        else:
            self.participants = self.slider(
                grid,
                "participants",
                _("Participants per room"),
                (0, limits.CALL_ROOM_USERS, limits.GROUP_COUNT_MAX),
            )
            self.counts = {"participants": self.participants}
            # Room.publishers: not stated (None) unless the sales person sets it; 0 shows that.
            caption = (
                _("Cameras on at once") if service == "video_call" else _("Microphones on at once")
            )
            self.publishers = self.slider(
                grid, "publishers", caption, (0, limits.CALL_PUBLISHERS, limits.GROUP_COUNT_MAX)
            )
            self.publishers.set_unset_text(_("Not stated"))
            self.publishers.setToolTip(
                _(
                    "How many have a camera (video call) or a microphone (audio call) on at once; "
                    "it does not change the price, it is checked against the limit of {limit}."
                ).format(limit=format_int(limits.CALL_PUBLISHERS))
            )
        self.video_working = QLabel(inputs)
        if self.has_video:
            self.stream_rows(
                grid,
                _("Streams each viewer watches")
                if self.is_live
                else _("Cameras each participant watches"),
                _("Resolution of each camera"),
                limits.CALL_PUBLISHERS,
            )
            self.video_working.setObjectName(f"{service}.video_working")
            self.video_working.setWordWrap(True)
            grid.addWidget(self.video_working, grid.rowCount(), 1)
        self.delivery: QComboBox | None = None
        self.price_list: QComboBox | None = None
        if self.is_live:
            self.delivery = QComboBox(inputs)
            self.delivery.setObjectName(f"{service}.delivery")
            for code in DELIVERIES:
                self.delivery.addItem(delivery_name(code), code)
            self.grid_row(grid, "delivery", _("Audience delivery"), self.delivery)
            self.delivery.activated.connect(self._on_delivery_chosen)
        if service == "live_video":
            self.price_list = QComboBox(inputs)
            self.price_list.setObjectName(f"{service}.audience_price_list")
            for code in AUDIENCE_PRICE_LISTS:
                self.price_list.addItem(audience_price_list_name(code), code)
            self.grid_row(grid, "price_list", _("Audience price list"), self.price_list)
            self.price_list.activated.connect(self._on_price_list_chosen)
        self.fit_captions(grid)

        self._groups = None  # the Groups page: built when it is first shown (GroupsPage)
        self.billing_note = QLabel(billing_note(service), inputs_page)
        self.billing_note.setObjectName(f"{service}.billing_note")
        self.billing_note.setWordWrap(True)
        tint(self.billing_note, None)
        page_layout = QVBoxLayout(inputs_page)
        page_layout.setContentsMargins(0, 4, 0, 0)
        self.room_tasks = RoomTasksBox(self, inputs_page)
        page_layout.addWidget(inputs)
        page_layout.addWidget(self.room_tasks)
        page_layout.addWidget(self.billing_note)
        page_layout.addStretch(1)
        self.pages.addTab(inputs_page, _("Everyday inputs"))
        self.pages.addTab(QWidget(self.pages), _("Groups"))
        self.pages.currentChanged.connect(self._on_page_shown)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.pages, 1)
        self.align_spin_boxes()
        self.show_scenario(session.scenario)

    # ------------------------------------------------------------------ ItemPanel

    def item_caption(self) -> str:
        return _("Room")

    def add_text(self) -> str:
        return _("Add room")

    def empty_text(self) -> str:
        return _("This estimate has no {service} rooms. Add one to price it.").format(
            service=service_name(self.service)
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
        self.show_usage(room)
        self._show_overrides(room)
        for key, widget in self.counts.items():
            role = ROLE_OF[key]
            widget.set_value(edits.role_count(room, role))
            self._show_role_note(key, widget, room, role)
        if not self.is_live:
            self.publishers.set_value(room.publishers or 0)
        if self.delivery is not None:
            self.delivery.setCurrentIndex(self.delivery.findData(room.delivery))
        if self.price_list is not None:
            self.price_list.setCurrentIndex(self.price_list.findData(room.audience_price_list))
        self._show_video(room)
        self.room_tasks.show_room(room)
        if self._groups is not None:
            self._groups.show_room(room)
        groups = _("Groups ({count})").format(count=format_int(len(room.groups)))
        if self.pages.tabText(1) != groups:
            self.pages.setTabText(1, groups)

    def on_value_edited(self, key: str, value: int, merge: Hashable | None) -> None:
        if self.on_usage_edited(key, value, merge):
            return
        if key == "publishers":
            publishers = value or None  # 0 is shown as "Not stated"
            self.edit_value(key, value, lambda room: replace(room, publishers=publishers), merge)
        elif key in ROLE_OF:
            role = ROLE_OF[key]
            self.edit_value(
                key, value, lambda room: edits.with_role_count(room, role, value), merge
            )
        elif key == "streams":
            fallback = self.chosen_resolution()
            self._edit_video_group(
                key,
                lambda g: replace(g, receives=edits.with_stream_count(g.receives, value, fallback)),
                self.change_text(key, format_int(value)),
                merge,
            )

    def on_resolution_edited(self, resolution: Resolution) -> None:
        self._edit_video_group(
            "resolution",
            lambda g: replace(g, receives=edits.with_resolution(g.receives, resolution)),
            self.change_text("resolution", str(resolution)),
        )

    def refusals_shown(self, refusals: dict[str, InputError]) -> None:
        if self.switch_to_cdn is None:
            return
        error = refusals.get("audience")
        room = self.current_item()
        offer = (
            error is not None
            and error.code == "too_many_viewers"
            and room is not None
            and room.delivery == "low_latency"
        )
        self.switch_to_cdn.setVisible(offer)

    # ------------------------------------------------------------------ marks

    def _show_overrides(self, room: Room) -> None:
        text = overrides_text(room)
        if self.overrides.text() != text:
            self.overrides.setText(text)
        if self.overrides.isHidden() == bool(text):
            self.overrides.setVisible(bool(text))
            self.follow_room.setVisible(bool(text))

    def _show_role_note(self, key: str, widget: SliderSpinBox, room: Room, role: str) -> None:
        """The slider counts every member of the role; its tooltip says which group a change
        goes to when the role has several."""
        note = role_note(room, role)
        tip = "\n".join(part for part in (help_text(self.service, key), note) if part)
        if widget.spin.toolTip() != tip:
            widget.spin.setToolTip(tip)
            widget.slider.setToolTip(tip)

    # ------------------------------------------------------------------ video

    def _edit_video_group(
        self,
        key: str,
        make: Callable[[Group], Group],
        text: str,
        merge: Hashable | None = None,
    ) -> bool:
        def remake(room: Room) -> Room:
            index = edits.main_group_index(room, self.video_role)
            if index is None:
                room = replace(room, groups=(*room.groups, Group(self.video_role, 1)))
                index = len(room.groups) - 1
            return edits.with_group(room, index, make(room.groups[index]))

        return self.edit(key, remake, text, merge)

    def _show_video(self, room: Room) -> None:
        if not self.has_video:
            return
        index = edits.main_group_index(room, self.video_role)
        group = room.groups[index] if index is not None else None
        shown = (group, room.audience_on_cdn)
        if group is not None and shown == self._video_shown:
            return
        self._video_shown = shown
        uses_mix = group is not None and group.mix is not None
        self.show_streams(() if group is None else group.receives, uses_mix)
        if group is None:
            text = _("No {role} group yet: moving a slider adds one.").format(
                role=role_name(self.video_role)
            )
        else:
            working = group_working(room, group, self.session.rate_card)
            text = self._working_text(group.label or role_name(group.role), working)
        if self.video_working.text() != text:
            self.video_working.setText(text)

    @staticmethod
    def _working_text(who: str, working: Working) -> str:
        text = _("{group}: {working}").format(group=who, working=working.text)
        return text + (f"\n\u26a0 {working.warning}" if working.warning else "")

    # ------------------------------------------------------------------ slots

    def _on_follow_room_clicked(self) -> None:
        self.edit("minutes", edits.follow_room, _("Every group follows the room's session"))

    def _on_delivery_chosen(self, index: int) -> None:
        code = self.delivery.itemData(index) if self.delivery is not None else None
        if code is not None:
            self.edit(
                "delivery",
                lambda room: replace(room, delivery=code),
                self.change_text("delivery", delivery_name(code)),
            )

    def _on_switch_to_cdn_clicked(self) -> None:
        viewers = self.audience.value()
        if (
            self.edit(
                "audience",
                lambda room: edits.with_role_count(
                    replace(room, delivery="cdn"), "audience", viewers
                ),
                _("Switch this room to Relay to CDN"),
            )
            and self.switch_to_cdn is not None
        ):
            self.switch_to_cdn.hide()

    def _on_price_list_chosen(self, index: int) -> None:
        code = self.price_list.itemData(index) if self.price_list is not None else None
        if code is not None:
            self.edit(
                "price_list",
                lambda room: replace(room, audience_price_list=code),
                self.change_text("price_list", audience_price_list_name(code)),
            )
