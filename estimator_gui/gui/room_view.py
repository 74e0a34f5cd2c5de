"""What drives the total: each room and task with its gross, its total after free minutes and
discount, and its share, as a table and as a chart beside the service-and-tier view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QMargins,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from estimator_gui.gui import roles
from estimator_gui.gui.chart import FittedLabels, nice_scale
from estimator_gui.gui.labels import service_name
from estimator_gui.gui.locale_format import format_decimal, format_money
from estimator_gui.gui.roles import Index
from estimator_gui.i18n import N_, _
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.shares import ItemShare, item_shares

_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value


def item_title(item: ItemShare, index: dict[str, int]) -> str:
    """A room's or task's name as the window shows it: its label, else its part and number;
    a room's own recording or mixing after the room's name."""
    top, _dot, rest = item.source.partition(".")
    what = {
        "record": _("recording of every session"),
        "mix_for_cdn": _("mixing for the CDN"),
    }
    name = item.label or service_name(item.service)  # relay: one of its kind, no number
    if not item.label and top in index:
        name = _("{name} #{number}").format(name=name, number=str(index[top] + 1))
    if rest:
        return _("{name} / {part}").format(name=name, part=what.get(rest.split(".")[0], rest))
    return name


def _indices(items: tuple[ItemShare, ...]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        top = item.source.partition(".")[0]
        if "[" in top:
            out[top] = int(top.split("[")[1].rstrip("]"))
    return out


class RoomShareModel(QAbstractTableModel):
    """One row per room or task: name, service, gross, total, share of the total."""

    ValueRole = roles.VALUE
    COL_NAME, COL_SERVICE, COL_GROSS, COL_TOTAL, COL_SHARE = range(5)
    HEADERS = (
        N_("Room or task"),
        N_("Service"),
        N_("Gross"),
        N_("Total"),
        N_("Share"),
    )
    NUMERIC = frozenset({COL_GROSS, COL_TOTAL, COL_SHARE})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[ItemShare, ...] = ()
        self._names: list[str] = []

    def show_breakdown(self, breakdown: Breakdown) -> None:
        items = item_shares(breakdown)
        index = _indices(items)
        names = [item_title(item, index) for item in items]
        if [i.source for i in items] != [i.source for i in self.items] or names != self._names:
            self.beginResetModel()
            self.items, self._names = items, names
            self.endResetModel()
            return
        self.items = items
        if items:
            last = self.index(len(items) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = roles.DISPLAY
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == roles.DISPLAY and 0 <= section < len(self.HEADERS):
            return _(self.HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == roles.TOOLTIP:
            if section == self.COL_TOTAL:
                return _("After the free minutes and the contract discount")
            if section == self.COL_GROSS:
                return _("Before the free minutes and the discount")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = roles.DISPLAY) -> Any:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self.items):
            return None
        item = self.items[row]
        if role in (roles.DISPLAY, roles.TOOLTIP):
            if column == self.COL_NAME:
                return self._names[row]
            if column == self.COL_SERVICE:
                return service_name(item.service)
            if column == self.COL_GROSS:
                return format_money(item.gross)
            if column == self.COL_TOTAL:
                return format_money(item.total)
            if column == self.COL_SHARE:
                return _("{share}%").format(share=format_decimal(item.share, 1))
        if role == roles.VALUE:
            return (self._names[row], item.service, item.gross, item.total, item.share)[column]
        if role == roles.ALIGNMENT and column in self.NUMERIC:
            return _RIGHT
        return None


class RoomChart(QChartView):
    """Each room's and task's total after free minutes and discount, as a bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("room_chart")
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale())
        chart.setTitle(_("Total by room or task, after free minutes and discount"))
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._series = QHorizontalBarSeries(chart)
        self._set = QBarSet(_("Total"), self._series)
        self._set.setColor(QColor("#2e86c1"))
        self._series.append(self._set)
        chart.addSeries(self._series)
        self._categories = QBarCategoryAxis(chart)
        self._labels = FittedLabels(chart, self._categories)
        self._values = QValueAxis(chart)
        self._values.setTickType(QValueAxis.TickType.TicksFixed)
        chart.addAxis(self._categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self._values, Qt.AlignmentFlag.AlignBottom)
        self._series.attachAxis(self._categories)
        self._series.attachAxis(self._values)
        self.names: list[str] = []
        self._currency = ""

    def show_items(self, model: RoomShareModel, currency: str) -> None:
        names = list(reversed([model.data(model.index(r, 0)) for r in range(model.rowCount())]))
        values = [float(item.total) for item in reversed(model.items)]  # drawing only
        if names != self.names:
            self.names = names
            self._categories.setCategories(names)
            self._labels.fit()
        if self._set.count() != len(values):
            self._set.remove(0, self._set.count())
            self._set.append(values)
        else:
            for i, value in enumerate(values):
                if self._set.at(i) != value:
                    self._set.replace(i, value)
        top = max((item.total for item in model.items), default=0)
        scale = nice_scale(top)
        self._values.setLabelFormat(f"%.{scale.decimals}f")
        self._values.setRange(0.0, float(scale.maximum))
        self._values.setTickCount(scale.ticks)
        if currency != self._currency:
            self._currency = currency
            self._values.setTitleText(
                _("{currency}, after free minutes and discount").format(currency=currency)
            )
