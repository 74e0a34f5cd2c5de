"""The results under the totals: the lines by service and tier, by room or task, the ways to buy
the month; and the chart of the view shown, which says whether it is gross or total."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from estimator_gui.gui.breakdown_model import BreakdownTableModel
from estimator_gui.gui.chart import BreakdownChart
from estimator_gui.gui.inputs import fit_columns
from estimator_gui.i18n import _
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.ratecard import RateCard

if TYPE_CHECKING:
    from estimator_gui.gui.plans_view import PlansView
    from estimator_gui.gui.room_view import RoomChart, RoomShareModel

ROOMS_TAB, PLANS_TAB = 1, 2  # the views beside the lines by service and tier


class ResultsPane(QWidget):
    """Views of one breakdown above a chart that follows the view shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.breakdown_model = BreakdownTableModel(self)
        self.breakdown_table = QTableView(self)
        self.breakdown_table.setObjectName("breakdown_table")
        self.breakdown_table.setModel(self.breakdown_model)
        self.breakdown_table.verticalHeader().hide()
        self.breakdown_table.setWordWrap(False)
        self.breakdown_table.setAlternatingRowColors(True)
        self.breakdown_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.breakdown_table.setTabKeyNavigation(False)
        header = self.breakdown_table.horizontalHeader()
        # Sized when the rows change, not on every repaint: a drag only rewrites numbers.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BreakdownTableModel.COL_SERVICE, QHeaderView.ResizeMode.Stretch)
        self.breakdown_model.modelReset.connect(self._fit_breakdown_columns)
        # Ctrl+C copies the whole breakdown as a table, not the one cell under the cursor.
        self.copy_action = QAction(_("&Copy the breakdown"), self.breakdown_table)
        self.copy_action.setObjectName("breakdown.copy")
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_breakdown)
        self.breakdown_table.addAction(self.copy_action)
        # The view's own Ctrl+C (one cell's text) runs before a widget shortcut: take it first.
        self.breakdown_table.installEventFilter(self)
        self.chart = BreakdownChart(self)

        self.results = QTabWidget(self)
        self.results.setObjectName("results")
        self.results.setDocumentMode(True)
        self.results.addTab(self.breakdown_table, _("By service and tier"))
        # What drives the total: each room and task, its total and share (its model and chart
        # are made, and kept current, once that view is shown).
        self._room_model: RoomShareModel | None = None
        self.room_table = QTableView(self)
        self.room_table.setObjectName("room_table")
        self.room_table.verticalHeader().hide()
        self.room_table.setTabKeyNavigation(False)
        self.room_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.results.addTab(self.room_table, _("By room or task"))
        self._plans: PlansView | None = None  # made when a card with packages is first used
        self._room_chart: RoomChart | None = None  # a second chart: built when first shown
        self.charts = QStackedWidget(self)
        self.charts.addWidget(self.chart)
        self.results.currentChanged.connect(self._on_view_changed)
        self._breakdown: Breakdown | None = None

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.results)
        split.addWidget(self.charts)
        # Table and chart share the height: the lines are the reason for every figure.
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 300])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def show_breakdown(self, breakdown: Breakdown, card: RateCard) -> None:
        self._breakdown = breakdown
        self.breakdown_model.show_breakdown(breakdown)
        self.chart.show_breakdown(breakdown)
        if card.packages or self._plans is not None:
            shown = self.plans.show_breakdown(breakdown, card)
            if self.results.isTabVisible(PLANS_TAB) != shown:
                self.results.setTabVisible(PLANS_TAB, shown)
        if self.results.currentIndex() == ROOMS_TAB:  # kept current only while in view
            self._show_rooms(breakdown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.breakdown_table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            self.copy_breakdown()
            return True
        return super().eventFilter(watched, event)

    def copy_breakdown(self) -> None:
        """The breakdown shown, as tab-separated text and an HTML table, on the clipboard."""
        if self._breakdown is not None:
            from estimator_gui.gui.clipboard import copy_breakdown  # when first copied

            copy_breakdown(self.breakdown_model, self._breakdown)

    @property
    def plans(self) -> PlansView:
        if self._plans is None:
            from estimator_gui.gui.plans_view import PlansView

            self._plans = PlansView(self)
            self.results.addTab(self._plans, _("Ways to buy this month"))
            self.results.setTabVisible(PLANS_TAB, False)
        return self._plans

    @property
    def room_model(self) -> RoomShareModel:
        if self._room_model is None:
            from estimator_gui.gui.room_view import RoomShareModel

            self._room_model = RoomShareModel(self)
            self.room_table.setModel(self._room_model)
        return self._room_model

    @property
    def room_chart(self) -> RoomChart:
        if self._room_chart is None:
            from estimator_gui.gui.room_view import RoomChart

            self._room_chart = RoomChart(self)
            self.charts.addWidget(self._room_chart)
        return self._room_chart

    def _show_rooms(self, breakdown: Breakdown) -> None:
        self.room_model.show_breakdown(breakdown)
        self.room_chart.show_items(self.room_model, breakdown.currency)

    def _on_view_changed(self, index: int) -> None:
        if index == ROOMS_TAB and self._breakdown is not None:
            self._show_rooms(self._breakdown)
        self.charts.setCurrentWidget(self.room_chart if index == ROOMS_TAB else self.chart)

    def _fit_breakdown_columns(self) -> None:
        fit_columns(
            self.breakdown_table, BreakdownTableModel.COL_SERVICE, BreakdownTableModel.NUMERIC
        )
