"""The breakdown chart: gross per service, stacked by tier, with a legend and values on hover."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from msgspec import Struct
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from estimator_gui.gui.labels import service_name, tier_name
from estimator_gui.gui.locale_format import format_money
from estimator_gui.i18n import _
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.shares import gross_by_service_and_tier

SERVICE_ORDER = (
    "audio_call",
    "video_call",
    "live_audio",
    "live_video",
    "recording",
    "transcoding",
    "relay",
)
SHRINK_BELOW = Decimal("0.5")  # the axis shrinks once the longest bar fills less than half of it
# The smallest size service names shrink to when their bars are thin: Korean and Chinese lines
# are taller than Latin ones, and a name taller than its bar was drawn as "..." alone.
LABELS_POINT_SIZE_MIN = 7.0
LABEL_MARGINS = 6.0  # QtCharts truncates a name whose band is under about 5 px above its text
# "standard": a value-added service the card prices per minute, whatever the resolution.
TIER_ORDER = ("audio", "HD", "FHD", "2K", "4K", "relay", "standard")
TIER_COLOURS = {
    "audio": QColor("#7fb3d5"),
    "HD": QColor("#52be80"),
    "FHD": QColor("#f4d03f"),
    "2K": QColor("#eb984e"),
    "4K": QColor("#cb4335"),
    "relay": QColor("#8e44ad"),
    "standard": QColor("#95a5a6"),
}


class BreakdownChart(QChartView):
    """Gross per service, stacked by tier: one series, a bar set per tier and two axes, made once.

    Each breakdown updates them in place: the categories when the services change, a tier's
    legend entry when it comes or goes, and the values. Rebuilding them per change, as before,
    left every old axis's items in the scene until the event loop deleted them, and where nothing
    runs the loop (tests, the self-test, a long run of edits driven by processEvents) the scene
    grew by thousands of items and each repaint slowed down with it.
    """

    value_hovered = Signal(str)  # the text shown for the bar under the mouse; "" on leaving

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breakdown_chart")
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale())
        chart.setTitle(_("Gross by service and tier"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.setChart(chart)
        # Bars are axis-aligned rectangles: antialiasing would only slow each repaint of a drag.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setMinimumHeight(180)
        self._key: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._amounts: dict[tuple[str, str], Decimal] = {}
        series = QHorizontalStackedBarSeries(chart)
        self._sets: dict[str, QBarSet] = {}
        for tier in TIER_ORDER:
            bar_set = QBarSet(tier_name(tier), series)
            bar_set.setColor(TIER_COLOURS[tier])
            bar_set.setBorderColor(TIER_COLOURS[tier].darker(130))
            series.append(bar_set)
            self._sets[tier] = bar_set
        series.hovered.connect(self._on_bar_hovered)
        chart.addSeries(series)
        self._categories = QBarCategoryAxis(chart)
        self._labels = FittedLabels(chart, self._categories)
        self._value_axis = QValueAxis(chart)
        self._value_axis.setTickType(QValueAxis.TickType.TicksFixed)
        self._value_axis.setMinorTickCount(0)
        chart.addAxis(self._categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self._value_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(self._categories)
        series.attachAxis(self._value_axis)
        # A tier with nothing billed keeps its (empty) set; only its legend entry is hidden.
        self._markers = dict(zip(TIER_ORDER, chart.legend().markers(series), strict=True))
        for marker in self._markers.values():
            marker.setVisible(False)
        chart.legend().setVisible(False)
        self._scale: AxisScale | None = None
        self._currency = ""
        self.hover_text = ""

    @property
    def services(self) -> tuple[str, ...]:
        return self._key[0]

    @property
    def tiers(self) -> tuple[str, ...]:
        return self._key[1]

    def amount(self, service: str, tier: str) -> Decimal:
        """The exact amount behind a bar segment (0 where there is none)."""
        return self._amounts.get((service, tier), Decimal(0))

    def bar_sets(self) -> dict[str, QBarSet]:
        """The bar set of each tier shown, in the legend's order."""
        return {tier: self._sets[tier] for tier in self.tiers}

    def show_breakdown(self, breakdown: Breakdown) -> None:
        amounts = gross_by_service_and_tier(breakdown)
        # One pass over the amounts: this runs on every slider move.
        bar_tops: dict[str, Decimal] = {}
        used_tiers = set()
        for (service, tier), amount in amounts.items():
            bar_tops[service] = bar_tops.get(service, Decimal(0)) + amount
            used_tiers.add(tier)
        # The card's value-added services (its own ids) after the parts every card has.
        services = tuple(s for s in SERVICE_ORDER if s in bar_tops) + tuple(
            sorted(s for s in bar_tops if s not in SERVICE_ORDER)
        )
        tiers = tuple(t for t in TIER_ORDER if t in used_tiers)
        self._amounts = amounts
        if services != self.services:
            self._categories.setCategories([service_name(s) for s in services])
            self._labels.fit()
        # Only the tiers shown can have moved, unless the services or the tiers changed: then a
        # set may need resizing to the categories, or a tier gone back to zero.
        changed = tiers if (services, tiers) == self._key else TIER_ORDER
        for tier in changed:  # floats at drawing time only
            _fill(self._sets[tier], [float(amounts.get((s, tier), 0)) for s in services])
        if tiers != self.tiers:
            for tier, marker in self._markers.items():
                marker.setVisible(tier in used_tiers)
            self.chart().legend().setVisible(bool(tiers))
        self._key = (services, tiers)
        self._fit_axis(max(bar_tops.values(), default=Decimal(0)), breakdown.currency)

    def _fit_axis(self, top: Decimal, currency: str) -> None:
        """Fit the value axis to the longest bar, ``top``; name the currency in its title."""
        axis = self._value_axis
        scale = self._scale
        # Hold the scale while the longest bar still fills at least half of it: a drag then moves
        # the bars, not the ticks under them. It grows as soon as a bar would run past its end.
        if scale is None or not scale.maximum * SHRINK_BELOW <= top <= scale.maximum:
            scale = nice_scale(top)
        if scale != self._scale:
            self._scale = scale
            axis.setLabelFormat(f"%.{scale.decimals}f")
            axis.setRange(0.0, float(scale.maximum))
            axis.setTickCount(scale.ticks)
        if currency != self._currency:
            self._currency = currency
            axis.setTitleText(
                _("{currency}, before free minutes and discount").format(currency=currency)
            )

    def tick_values(self) -> list[Decimal]:
        """The values the value axis labels, from 0 to its end."""
        if self._scale is None:
            return []
        return [self._scale.step * i for i in range(self._scale.ticks)]

    def _on_bar_hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        from PySide6.QtGui import QCursor  # on hover, not at start-up
        from PySide6.QtWidgets import QToolTip

        if not status:
            self.hover_text = ""
            QToolTip.hideText()
            self.value_hovered.emit("")
            return
        tier = next((t for t, s in self._sets.items() if s is bar_set), "")
        service = self.services[index] if 0 <= index < len(self.services) else ""
        self.hover_text = _("{service} \u00b7 {tier}: {amount} {currency}").format(
            service=service_name(service),
            tier=tier_name(tier),
            amount=format_money(self.amount(service, tier)),
            currency=self._currency,
        )
        QToolTip.showText(QCursor.pos(), self.hover_text, self)
        self.value_hovered.emit(self.hover_text)


class FittedLabels:
    """A horizontal bar chart's names, no taller than their bar's share of the plot (down to a
    floor size): QtCharts draws a name that does not fit as "..." alone, which at 1366x768 in
    Korean and Chinese was every name of a five-service breakdown (Hangul and Han come from a
    fallback font, taller than the axis's own). Fitted again whenever the plot is resized."""

    def __init__(self, chart: QChart, axis: QBarCategoryAxis) -> None:
        self._chart = chart
        self._axis = axis
        self._base = QFont(axis.labelsFont())
        chart.plotAreaChanged.connect(self.fit)

    def fit(self, _area: object = None) -> None:
        names = self._axis.categories()
        band = self._chart.plotArea().height() / len(names) if names else 0.0
        if band <= 0:
            return
        font = QFont(self._base)
        size = font.pointSizeF()
        while size > LABELS_POINT_SIZE_MIN and _text_height(font, names) > band:
            size = max(LABELS_POINT_SIZE_MIN, size - 0.5)
            font.setPointSizeF(size)
        if font != self._axis.labelsFont():
            self._axis.setLabelsFont(font)


def _text_height(font: QFont, names: list[str]) -> float:
    """The tallest name as drawn (Hangul and Han in their fallback font), with what QtCharts
    keeps around it."""
    metrics = QFontMetricsF(font)
    return max((metrics.boundingRect(name).height() for name in names), default=0.0) + (
        LABEL_MARGINS
    )


def _fill(bar_set: QBarSet, values: list[float]) -> None:
    """Give ``bar_set`` exactly ``values``, touching only the bars that change."""
    surplus = bar_set.count() - len(values)
    if surplus > 0:
        bar_set.remove(len(values), surplus)
    elif surplus < 0:
        bar_set.append([0.0] * -surplus)
    for i, value in enumerate(values):
        if bar_set.at(i) != value:
            bar_set.replace(i, value)


class AxisScale(Struct, frozen=True):
    """A value axis from 0 to ``maximum`` in steps of 1, 2 or 5 times a power of ten."""

    maximum: Decimal
    step: Decimal
    ticks: int

    @property
    def decimals(self) -> int:
        """Decimals the tick labels need: 0 for steps of 1 and more, 1 for 0.5, 2 for 0.05."""
        return max(0, -self.step.normalize().as_tuple().exponent)  # type: ignore[operator]


def nice_scale(top: Decimal | float, intervals: int = 5) -> AxisScale:
    """The smallest axis of at most ``intervals`` round steps that reaches ``top``.

    21.28 -> 0, 5, ... 25 (not 0, 6, 13, 19, 25); 0.42 -> 0, 0.1, ... 0.5; 13,800 -> 0, 5,000,
    10,000, 15,000. Exact in Decimal, so ticks are 0.1 and not 0.30000000000000004.
    """
    top = Decimal(str(top)) if not isinstance(top, Decimal) else top
    if top <= 0:
        return AxisScale(Decimal(10), Decimal(2), 6)
    raw = top / intervals
    magnitude = Decimal(1).scaleb(raw.adjusted())  # the power of ten at or below raw
    step = magnitude * 10
    for factor in (1, 2, 5):
        if magnitude * factor * intervals >= top:
            step = magnitude * factor
            break
    steps = (top / step).to_integral_value(rounding=ROUND_CEILING)
    return AxisScale(step * steps, step, int(steps) + 1)
