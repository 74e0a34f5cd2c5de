"""The breakdown chart: gross per service, stacked by tier, with a legend and values on hover."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from estimator_gui.gui.labels import service_name, tier_name
from estimator_gui.gui.locale_format import format_money
from estimator_gui.pricing.breakdown import Breakdown

SERVICE_ORDER = (
    "audio_call",
    "video_call",
    "live_audio",
    "live_video",
    "recording",
    "transcoding",
    "relay",
)
TIER_ORDER = ("audio", "HD", "FHD", "2K", "4K", "relay")
TIER_COLOURS = {
    "audio": QColor("#7fb3d5"),
    "HD": QColor("#52be80"),
    "FHD": QColor("#f4d03f"),
    "2K": QColor("#eb984e"),
    "4K": QColor("#cb4335"),
    "relay": QColor("#8e44ad"),
}


def gross_by_service_and_tier(breakdown: Breakdown) -> dict[tuple[str, str], Decimal]:
    """Each line's gross shared among the services whose billed seconds make it up.

    A line gathers every service's time in one category (the free minutes and the rounding to a
    minute apply per category), so the split is proportional to the seconds, exact in Decimal.
    """
    amounts: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for line in breakdown.lines:
        billed = [u for u in line.usages if u.billed]
        seconds = sum((u.seconds for u in billed), Decimal(0))
        if not seconds:
            service = line.services[0] if line.services else line.section
            amounts[(service, line.tier)] += line.gross
            continue
        for usage in billed:
            amounts[(usage.service, line.tier)] += line.gross * usage.seconds / seconds
    return dict(amounts)


class BreakdownChart(QChartView):
    """Rebuilt from each Breakdown; a drag that keeps services and tiers only moves the bars."""

    value_hovered = Signal(str)  # the text shown for the bar under the mouse; "" on leaving

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breakdown_chart")
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale())
        chart.setTitle(self.tr("Gross by service and tier"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.setChart(chart)
        # Bars are axis-aligned rectangles: antialiasing would only slow each repaint of a drag.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setMinimumHeight(180)
        self._key: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._amounts: dict[tuple[str, str], Decimal] = {}
        self._series: QHorizontalStackedBarSeries | None = None
        self._sets: dict[str, QBarSet] = {}
        self._value_axis: QValueAxis | None = None
        self.hover_text = ""

    @property
    def services(self) -> tuple[str, ...]:
        return self._key[0]

    def amount(self, service: str, tier: str) -> Decimal:
        """The exact amount behind a bar segment (0 where there is none)."""
        return self._amounts.get((service, tier), Decimal(0))

    def bar_sets(self) -> dict[str, QBarSet]:
        return dict(self._sets)

    def show_breakdown(self, breakdown: Breakdown) -> None:
        amounts = gross_by_service_and_tier(breakdown)
        services = tuple(s for s in SERVICE_ORDER if any(k[0] == s for k in amounts))
        tiers = tuple(t for t in TIER_ORDER if any(k[1] == t for k in amounts))
        self._amounts = amounts
        if (services, tiers) != self._key or self._series is None:
            self._rebuild(services, tiers)
        else:
            for tier, bar_set in self._sets.items():
                for i, service in enumerate(services):
                    value = float(amounts.get((service, tier), 0))  # floats at drawing time only
                    if bar_set.at(i) != value:
                        bar_set.replace(i, value)
        self._fit_axis(services)

    def _rebuild(self, services: tuple[str, ...], tiers: tuple[str, ...]) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        self._key = (services, tiers)
        self._sets = {}
        series = QHorizontalStackedBarSeries(chart)
        for tier in tiers:
            bar_set = QBarSet(tier_name(tier), series)
            bar_set.setColor(TIER_COLOURS[tier])
            bar_set.setBorderColor(TIER_COLOURS[tier].darker(130))
            bar_set.append([float(self._amounts.get((s, tier), 0)) for s in services])
            series.append(bar_set)
            self._sets[tier] = bar_set
        series.hovered.connect(self._on_bar_hovered)
        chart.addSeries(series)
        categories = QBarCategoryAxis(chart)
        categories.append([service_name(s) for s in services])
        values = QValueAxis(chart)
        values.setLabelFormat("%.0f")
        values.setTitleText(self.tr("USD, before free minutes and discount"))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        chart.legend().setVisible(bool(tiers))
        self._series = series
        self._value_axis = values

    def _fit_axis(self, services: tuple[str, ...]) -> None:
        if self._value_axis is None:
            return
        top = max(
            (sum(self.amount(s, t) for t in self._key[1]) for s in services), default=Decimal(0)
        )
        ceiling = _nice_ceiling(float(top))
        if self._value_axis.max() != ceiling:
            self._value_axis.setRange(0.0, ceiling)

    def _on_bar_hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if not status:
            self.hover_text = ""
            QToolTip.hideText()
            self.value_hovered.emit("")
            return
        tier = next((t for t, s in self._sets.items() if s is bar_set), "")
        service = self.services[index] if 0 <= index < len(self.services) else ""
        self.hover_text = (
            self.tr("%1 \u00b7 %2: %3 USD")
            .replace("%1", service_name(service))
            .replace("%2", tier_name(tier))
            .replace("%3", format_money(self.amount(service, tier)))
        )
        QToolTip.showText(QCursor.pos(), self.hover_text, self)
        self.value_hovered.emit(self.hover_text)


def _nice_ceiling(value: float) -> float:
    """A round axis end a little above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** len(str(int(value)))
    for step in (0.1, 0.2, 0.25, 0.5, 1.0):
        if value * 1.05 <= magnitude * step:
            return magnitude * step
    return float(magnitude)
