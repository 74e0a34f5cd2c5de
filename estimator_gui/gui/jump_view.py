"""Where the price jumps: a room's monthly total against one input, with its tier changes marked.

The core computes the curve (pricing/jumps.py); this dialog picks the room and the input, draws
the points, marks each jump and the current value, and lists the jumps. It follows the session:
every accepted edit, undo or card change redraws it (when shown; a hidden dialog redraws when
shown again).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from estimator_gui import i18n
from estimator_gui.gui.jump_chart import JumpChart, Mark
from estimator_gui.gui.jump_words import (
    change_text,
    input_name,
    note_text,
    room_title,
    value_text,
)
from estimator_gui.gui.labels import refusal_text, tier_name
from estimator_gui.gui.locale_format import format_money
from estimator_gui.gui.tones import tint
from estimator_gui.i18n import _
from estimator_gui.pricing import edits
from estimator_gui.pricing.compare import change
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.jumps import (
    INPUT_KINDS,
    RESOLUTION,
    Curve,
    Value,
    curve_values,
    price_curve,
)
from estimator_gui.pricing.scenario import SERVICES, Resolution

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from estimator_gui.gui.main_window import MainWindow
    from estimator_gui.gui.session import EstimateSession


def selected_room_index(window: MainWindow) -> int | None:
    """The scenario's index of the room selected in the room tab in view (None: not a room tab,
    or a tab with no room)."""
    from estimator_gui.gui.panel_tabs import PANEL_KEYS

    tab = window.tabs.currentIndex()
    key = PANEL_KEYS[tab] if 0 <= tab < len(PANEL_KEYS) else ""
    if key not in SERVICES:
        return None
    indices = edits.room_indices(window.session.scenario, key)
    position = window.panel(key).selector.currentIndex()  # type: ignore[attr-defined]
    return indices[position] if 0 <= position < len(indices) else None


class JumpDialog(QDialog):
    """Where the price jumps, for one room of the session's scenario and one of its inputs."""

    def __init__(self, session: EstimateSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jump_dialog")
        self.session = session
        self.room_index = 0
        self.kind = ""
        self.curve: Curve | None = None
        self._stale = True
        self.language = i18n.language()
        self._content = QWidget(self)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._content)
        self._build(self._content)
        session.scenario_changed.connect(self._on_session_changed)
        session.pricing_changed.connect(self._on_session_changed)
        screen = self.screen().availableGeometry()
        self.resize(min(1200, screen.width() - 40), min(760, screen.height() - 40))

    # ------------------------------------------------------------------ building

    def _build(self, content: QWidget) -> None:
        """Every widget with words, in the current language."""
        self.setWindowTitle(_("Where the price jumps"))
        self.room_combo = QComboBox(content)
        self.room_combo.setObjectName("jump_dialog.room")
        self.room_combo.setToolTip(_("The room whose price the curve follows"))
        self.input_combo = QComboBox(content)
        self.input_combo.setObjectName("jump_dialog.input")
        self.input_combo.setToolTip(
            _("The input that moves along the curve; everything else stays as it is")
        )
        self.gross_box = QCheckBox(_("&Before free minutes and discount"), content)
        self.gross_box.setObjectName("jump_dialog.gross")
        self.gross_box.setToolTip(
            _("Draw the gross, before the free minutes and the contract discount")
        )
        room_caption = QLabel(_("&Room"), content)
        room_caption.setBuddy(self.room_combo)
        input_caption = QLabel(_("&Input"), content)
        input_caption.setBuddy(self.input_combo)
        self.room_combo.setAccessibleName(_("Room"))
        self.input_combo.setAccessibleName(_("Input"))
        choices = QHBoxLayout()
        choices.addWidget(room_caption)
        choices.addWidget(self.room_combo, 1)
        choices.addSpacing(12)
        choices.addWidget(input_caption)
        choices.addWidget(self.input_combo, 1)
        choices.addSpacing(12)
        choices.addWidget(self.gross_box)
        self.summary = QLabel(content)
        self.summary.setObjectName("jump_dialog.summary")
        self.summary.setWordWrap(True)
        self.chart = JumpChart(content)
        self.table = QTableWidget(0, 5, content)
        self.table.setObjectName("jump_dialog.table")
        self.table.setHorizontalHeaderLabels(
            [_("Between"), _("Tier"), _("Before the jump"), _("After the jump"), _("Change")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # a wrapped row would be cut by the fitted height
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(_("Tier changes"))
        self.note = QLabel(content)
        self.note.setObjectName("jump_dialog.note")
        self.note.setWordWrap(True)
        tint(self.note, None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, content)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(content)
        layout.addLayout(choices)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.room_combo.currentIndexChanged.connect(self._on_room_chosen)
        self.input_combo.currentIndexChanged.connect(self._on_input_chosen)
        self.gross_box.toggled.connect(self._on_gross_toggled)
        self._fill_rooms()

    def _rebuild(self) -> None:
        """The same room and input, in the language now spoken."""
        gross = self.gross_box.isChecked()
        old = self._content
        self._content = QWidget(self)
        self._layout.replaceWidget(old, self._content)
        old.deleteLater()
        self.language = i18n.language()
        self._build(self._content)
        self.gross_box.setChecked(gross)
        self.redraw()

    # ------------------------------------------------------------------ public

    def select_room(self, index: int | None) -> None:
        """Follow room ``index`` of the scenario (None: keep the one shown)."""
        if index is not None and 0 <= index < self.room_combo.count():
            self.room_combo.setCurrentIndex(index)  # its slot redraws

    def select_input(self, kind: str) -> None:
        position = self.input_combo.findData(kind)
        if position >= 0:
            self.input_combo.setCurrentIndex(position)

    def redraw(self) -> None:
        """The curve of the chosen room and input, from the session as it is now."""
        self._stale = False
        scenario = self.session.scenario
        self._fill_rooms()
        if not scenario.rooms:
            self.curve = None
            self._clear(_("This estimate has no rooms: add one to see where its price jumps."))
            return
        self._fill_inputs()
        if not self.kind:
            self.curve = None
            self._clear(_("No input of this room moves along a curve."))
            return
        card, options = self.session.rate_card, self.session.pricing.options
        try:
            values = curve_values(scenario, card, self.room_index, self.kind)
            self.curve = price_curve(scenario, card, self.room_index, self.kind, values, options)
        except InputError as error:  # the scenario changed under the choice: say why
            self.curve = None
            self._clear(refusal_text(error))
            return
        self._draw(self.curve)

    # ------------------------------------------------------------------ drawing

    def _fill_rooms(self) -> None:
        scenario = self.session.scenario
        titles = [room_title(scenario, i) for i in range(len(scenario.rooms))]
        current = [self.room_combo.itemText(i) for i in range(self.room_combo.count())]
        self.room_index = min(self.room_index, max(len(titles) - 1, 0))
        with QSignalBlocker(self.room_combo):
            if titles != current:
                self.room_combo.clear()
                self.room_combo.addItems(titles)
            self.room_combo.setCurrentIndex(self.room_index if titles else -1)
        self.room_combo.setEnabled(bool(titles))

    def _fill_inputs(self) -> None:
        """Only the inputs the core draws for this room (its service, a mix, ...)."""
        scenario, card = self.session.scenario, self.session.rate_card
        room = scenario.rooms[self.room_index]
        kinds = []
        for kind in INPUT_KINDS:
            try:
                curve_values(scenario, card, self.room_index, kind)
            except InputError:
                continue
            kinds.append(kind)
        items = [(input_name(room, kind), kind) for kind in kinds]
        shown = [
            (self.input_combo.itemText(i), self.input_combo.itemData(i))
            for i in range(self.input_combo.count())
        ]
        if self.kind not in kinds:
            self.kind = kinds[0] if kinds else ""
        with QSignalBlocker(self.input_combo):
            if items != shown:
                self.input_combo.clear()
                for text, kind in items:
                    self.input_combo.addItem(text, kind)
            self.input_combo.setCurrentIndex(self.input_combo.findData(self.kind))
        self.input_combo.setEnabled(bool(kinds))

    def chart_x(self, value: Value, curve: Curve) -> float:
        """Where ``value`` stands on the x axis: itself, or a size's place in the list."""
        if isinstance(value, Resolution):
            return float([p.value for p in curve.points].index(value))
        return float(value)

    def amount(self, value: Value, curve: Curve) -> Decimal:
        point = next(p for p in curve.points if p.value == value)
        return point.gross if self.gross_box.isChecked() else point.total

    def jump_percent(self, before: Value, after: Value, curve: Curve) -> Decimal | None:
        return change(self.amount(before, curve), self.amount(after, curve)).percent

    def _draw(self, curve: Curve) -> None:
        currency = self.session.breakdown.currency
        points = [
            (self.chart_x(p.value, curve), float(self.amount(p.value, curve))) for p in curve.points
        ]  # floats at drawing time only
        marks = [
            Mark(
                self.chart_x(jump.after, curve),
                float(self.amount(jump.after, curve)),
                _("{value}: {from_tier} \u2192 {to_tier}, {change}").format(
                    value=value_text(jump.after),
                    from_tier=tier_name(jump.from_tier or ""),
                    to_tier=tier_name(jump.to_tier or ""),
                    change=change_text(self.jump_percent(jump.before, jump.after, curve)),
                ),
            )
            for jump in curve.jumps
        ]
        values = [p.value for p in curve.points]
        now = None
        if curve.current is not None and curve.current in values:
            now = Mark(
                self.chart_x(curve.current, curve),
                float(self.amount(curve.current, curve)),
                _("Now: {value}").format(value=value_text(curve.current)),
                below=True,
            )
        # The axis title stays short (a long one is elided); the chart's title says the rest.
        if self.gross_box.isChecked():
            title = _("The month before free minutes and discount")
        else:
            title = _("The month after free minutes and discount")
        self.chart.chart().setTitle(title)
        self.chart.line.setName(_("Gross") if self.gross_box.isChecked() else _("Total"))
        sizes = [str(v) for v in values] if curve.input_kind == RESOLUTION else None
        room = self.session.scenario.rooms[curve.room_index]
        y_title = _("{currency} a month").format(currency=currency)
        self.chart.show_curve(
            points, marks, now, sizes, (input_name(room, curve.input_kind), y_title)
        )
        self._show_summary(curve, currency)
        self._fill_table(curve)
        self.note.setText(note_text(curve, gross=self.gross_box.isChecked()))

    def _show_summary(self, curve: Curve, currency: str) -> None:
        room = self.session.scenario.rooms[curve.room_index]
        name = input_name(room, curve.input_kind)
        if curve.current is None or curve.current not in [p.value for p in curve.points]:
            self.summary.setText(
                _("{input} now: {value} (not on this curve).").format(
                    input=name, value=value_text(curve.current)
                )
            )
            return
        self.summary.setText(
            _("{input} now: {value}; the month: {amount} {currency}.").format(
                input=name,
                value=value_text(curve.current),
                amount=format_money(self.amount(curve.current, curve)),
                currency=currency,
            )
        )

    def _fill_table(self, curve: Curve) -> None:
        self.table.setRowCount(len(curve.jumps))
        rows = min(max(len(curve.jumps), 1), 4)  # as high as its rows, up to four: the chart first
        height = self.table.horizontalHeader().sizeHint().height()
        height += rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth())
        for row, jump in enumerate(curve.jumps):
            before, after = self.amount(jump.before, curve), self.amount(jump.after, curve)
            texts = (
                _("{before} \u2192 {after}").format(
                    before=value_text(jump.before), after=value_text(jump.after)
                ),
                _("{before} \u2192 {after}").format(
                    before=tier_name(jump.from_tier or ""), after=tier_name(jump.to_tier or "")
                ),
                format_money(before),
                format_money(after),
                change_text(self.jump_percent(jump.before, jump.after, curve)),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)

    def _clear(self, text: str) -> None:
        self.chart.show_curve([], [], None, None, ("", ""))
        self.table.setRowCount(0)
        self.summary.setText(text)
        self.note.setText("")
        if not self.session.scenario.rooms:
            with QSignalBlocker(self.input_combo):
                self.input_combo.clear()

    # ------------------------------------------------------------------ slots

    def _on_room_chosen(self, index: int) -> None:
        if index >= 0:
            self.room_index = index
            self.redraw()

    def _on_input_chosen(self, index: int) -> None:
        kind = self.input_combo.itemData(index)
        if kind:
            self.kind = kind
            self.redraw()

    def _on_gross_toggled(self, _checked: bool) -> None:
        if self.curve is not None:
            self._draw(self.curve)

    def _on_session_changed(self, _what: object) -> None:
        if self.isVisible():
            self.redraw()
        else:
            self._stale = True  # priced when shown again, not on every edit behind it

    def showEvent(self, event: QShowEvent) -> None:
        if self.language != i18n.language():
            self._rebuild()
        elif self._stale:
            self.redraw()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.language != i18n.language():
            self._rebuild()
        super().changeEvent(event)


def show_jump_view(window: MainWindow) -> JumpDialog:
    """Open (or bring back) the dialog on the room selected in the room tab in view."""
    dialog = window.findChild(JumpDialog, "jump_dialog")
    if dialog is None:
        dialog = JumpDialog(window.session, window)
    dialog.select_room(selected_room_index(window))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
