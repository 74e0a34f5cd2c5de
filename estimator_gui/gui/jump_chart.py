"""The chart of "Where the price jumps": the curve, its tier changes and the current value marked
with their words beside them, on axes scaled to round numbers."""

from __future__ import annotations

from decimal import Decimal

from msgspec import Struct
from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QWidget

from estimator_gui.gui.chart import nice_scale
from estimator_gui.gui.locale_format import format_decimal
from estimator_gui.i18n import _

LINE_COLOUR = QColor("#2e86c1")
JUMP_COLOUR = QColor("#cb4335")
NOW_COLOUR = QColor("#1e8449")


class Mark(Struct, frozen=True):
    """A labelled point of the chart, in the chart's own units."""

    x: float
    y: float
    text: str
    below: bool = False


class JumpChart(QChartView):
    """The curve, the jumps and the current value; its series and axes are made once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jump_chart")
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale())
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setMinimumHeight(260)
        self.line = QLineSeries(chart)
        self.line.setPen(QPen(LINE_COLOUR, 2))
        self.jumps = QScatterSeries(chart)
        self.jumps.setName(_("Tier changes"))
        self.jumps.setColor(JUMP_COLOUR)
        self.jumps.setMarkerSize(11)
        self.now = QScatterSeries(chart)
        self.now.setName(_("Now"))
        self.now.setColor(NOW_COLOUR)
        self.now.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
        self.now.setMarkerSize(12)
        self.y_axis = QValueAxis(chart)
        self.y_axis.setTickType(QValueAxis.TickType.TicksFixed)
        self.y_axis.setMinorTickCount(0)
        # One x axis for every input, labelled by us: counts in the window's number format, sizes
        # by name at their place in the list. Swapping axes left the old one drawn.
        self.x_axis = QCategoryAxis(chart)
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for series in (self.line, self.jumps, self.now):
            chart.addSeries(series)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        for series in (self.line, self.jumps, self.now):
            series.attachAxis(self.y_axis)
            series.attachAxis(self.x_axis)
        self.labels: list[QGraphicsSimpleTextItem] = []
        self._marks: list[Mark] = []
        chart.plotAreaChanged.connect(self._place_labels)

    def show_curve(
        self,
        points: list[tuple[float, float]],
        jumps: list[Mark],
        now: Mark | None,
        sizes: list[str] | None,
        titles: tuple[str, str],
    ) -> None:
        """Draw ``points``; ``sizes``: the x axis's labels at 0, 1, ... (a resolution curve)."""
        if sizes is not None:
            ticks = [(label, float(index)) for index, label in enumerate(sizes)]
            self.x_axis.setRange(-0.5, max(len(sizes) - 0.5, 0.5))
        else:
            scale = nice_scale(max((x for x, _y in points), default=0.0))
            step = max(scale.step, Decimal(1))  # counts and minutes are whole
            count = int(scale.maximum / step) + 1
            ticks = [(format_decimal(step * i), float(step * i)) for i in range(count)]
            self.x_axis.setRange(0.0, float(step * (count - 1)) or 1.0)
        if [
            (label, self.x_axis.endValue(label)) for label in self.x_axis.categoriesLabels()
        ] != ticks:
            for label in self.x_axis.categoriesLabels():
                self.x_axis.remove(label)
            for label, at in ticks:
                self.x_axis.append(label, at)
        self.x_axis.setLabelsAngle(-90 if sizes is not None else 0)  # -40 was elided
        scale = nice_scale(max((y for _x, y in points), default=0.0) * 1.15)  # room for labels
        self.y_axis.setRange(0.0, float(scale.maximum))
        self.y_axis.setTickCount(scale.ticks)
        self.y_axis.setLabelFormat(f"%.{scale.decimals}f")
        self.x_axis.setTitleText(titles[0])
        self.y_axis.setTitleText(titles[1])
        self.line.replace([QPointF(x, y) for x, y in points])
        self.jumps.replace([QPointF(m.x, m.y) for m in jumps])
        self.now.replace([QPointF(now.x, now.y)] if now is not None else [])
        scene = self.chart().scene()
        for item in self.labels:
            scene.removeItem(item)  # the scene lets go of it; Python's reference deletes it
        self.labels = []
        self._marks = [*jumps, *([now] if now is not None else [])]
        for mark in self._marks:
            item = QGraphicsSimpleTextItem(mark.text, self.chart())
            colour = NOW_COLOUR if now is not None and mark is now else JUMP_COLOUR
            item.setBrush(QBrush(colour.darker(140)))
            item.setZValue(10)
            self.labels.append(item)
        self._place_labels()

    def _place_labels(self) -> None:
        """Each label above its point, inside the plot, moved up while it covers another."""
        chart = self.chart()
        area = chart.plotArea()
        placed: list[QRectF] = []
        for item, mark in zip(self.labels, self._marks, strict=True):
            at = chart.mapToPosition(QPointF(mark.x, mark.y), self.line)
            size = item.boundingRect()
            left = min(max(at.x() - size.width() / 2, area.left()), area.right() - size.width())
            box = QRectF(left, at.y() - size.height() - 8, size.width(), size.height())
            if mark.below:  # the current value's label: under its point, clear of a jump's
                box.moveTop(at.y() + 10)
            while (
                any(box.adjusted(-6, -2, 6, 2).intersects(other) for other in placed)
                and box.top() > area.top()
            ):
                box.translate(0, -(size.height() + 2))
            if box.top() < area.top():  # no room above: below the point
                box.moveTop(at.y() + 8)
            item.setPos(box.topLeft())
            placed.append(box)
