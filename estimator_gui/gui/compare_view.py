"""The variants of an estimate side by side: totals and every line aligned, the difference of
each to the base, the inputs that differ, and a chart of each variant's total by service.

Built the first time it is shown (never at start-up); it prices the variants itself through the
core's compare(), so what it shows is what ``python -m estimator_gui compare`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from estimator_gui.gui.chart import nice_scale
from estimator_gui.gui.labels import price_list_name, section_name, service_name, tier_name
from estimator_gui.gui.locale_format import format_decimal, format_money
from estimator_gui.i18n import _
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.compare import Change, Comparison, compare, input_differences
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.options import PriceOptions
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Scenario
from estimator_gui.pricing.shares import gross_by_service_and_tier
from estimator_gui.quote.compare_words import difference_words

Variants = Sequence[tuple[str, Scenario]]


def compare_variants(
    variants: Variants, card: RateCard, options: PriceOptions | None = None
) -> tuple[Comparison, list[list[str]]]:
    """The comparison of ``variants`` (the first is the base) and, per variant, the inputs that
    differ from the base in words."""
    priced = [(name, price(scenario, card, options)) for name, scenario in variants]
    base = variants[0][1]
    words = [[difference_words(d, base) for d in input_differences(base, s)] for _n, s in variants]
    return compare(priced), words


def change_text(change: Change | None) -> str:
    """``+1,234.56 (+12.5%)``; ``-`` for nothing to compare, no percent against a base of 0."""
    if change is None:
        return "-"
    sign = "+" if change.amount > 0 else ""
    text = sign + format_money(change.amount)
    if change.percent is not None:
        percent_sign = "+" if change.percent > 0 else ""
        places = 1 if abs(change.percent) >= 1 else 2  # -0.02%, not -0.0%
        text += f" ({percent_sign}{format_decimal(change.percent, places)}%)"
    return text


class CompareView(QWidget):
    """A table of the variants (one column each, and its difference to the base), the inputs
    that differ, and a stacked chart of each variant's gross by service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare")
        self.table = QTableWidget(self)
        self.table.setObjectName("compare.table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.inputs = QLabel(self)
        self.inputs.setObjectName("compare.inputs")
        self.inputs.setWordWrap(True)
        self.inputs.setTextFormat(Qt.TextFormat.PlainText)
        self.inputs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.inputs.setMinimumWidth(320)
        self.inputs.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.totals_chart = QChart()
        for chart in (self.chart, self.totals_chart):  # 39,012 in the language's digits
            chart.setLocalizeNumbers(True)
            chart.setLocale(QLocale())
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setObjectName("compare.chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.totals_chart.legend().hide()
        self.totals_view = QChartView(self.totals_chart, self)
        self.totals_view.setObjectName("compare.totals")
        self.totals_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._totals: QBarSet | None = None
        self._totals_names: list[str] = []
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.inputs)
        lower.addWidget(self.totals_view)
        lower.addWidget(self.chart_view)
        lower.setSizes([320, 480, 560])  # the inputs, the totals, the split by service
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.comparison: Comparison | None = None
        self._series: QStackedBarSeries | None = None
        self._chart_shape: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())

    def show_variants(
        self, variants: Variants, card: RateCard, options: PriceOptions | None = None
    ) -> None:
        comparison, words = compare_variants(variants, card, options)
        self.comparison = comparison
        self._fill_table(comparison)
        self._fill_inputs(comparison, words)
        self._fill_chart(comparison)
        self._fill_totals(comparison)

    # ------------------------------------------------------------------ the parts

    def _fill_table(self, comparison: Comparison) -> None:
        variants = comparison.variants
        headers = [_("Item")]
        for index, variant in enumerate(variants):
            headers.append(variant.name)
            if index:
                headers.append(_("{name} vs base").format(name=variant.name))
        rows: list[tuple[str, list[Decimal | None], list[Change | None]]] = [
            (_("Total"), [v.total for v in variants], [v.total_change for v in variants]),
            (_("Gross"), [v.gross for v in variants], [v.gross_change for v in variants]),
            (
                _("Free minutes"),
                [-v.free_amount for v in variants],
                [_negated(v.free_amount_change) for v in variants],
            ),
            (
                _("Discount"),
                [-v.discount for v in variants],
                [_negated(v.discount_change) for v in variants],
            ),
        ]
        for row in comparison.rows:
            name = _line_name(row.key.section, row.key.price_list, row.key.tier)
            amounts = [line.net if line is not None else None for line in row.lines]
            rows.append((name, amounts, list(row.net_changes)))
        shape = (len(rows) + 1, len(headers))
        if (self.table.rowCount(), self.table.columnCount()) != shape:
            self.table.clear()
            self.table.setRowCount(shape[0])
            self.table.setColumnCount(shape[1])
        self.table.setHorizontalHeaderLabels(headers)
        for number, (name, amounts, changes) in enumerate(rows):
            self._set(number, 0, name, bold=number == 0)
            column = 1
            for index, amount in enumerate(amounts):
                text = "-" if amount is None else format_money(amount)
                self._set(number, column, text, right=True, bold=number == 0)
                column += 1
                if index:
                    self._set(number, column, change_text(changes[index]), right=True)
                    column += 1
        notice = len(rows)
        self._set(notice, 0, _("Contract price"))
        column = 1
        for index, variant in enumerate(variants):
            text = _("can be asked for") if variant.contract_notice else "-"
            self._set(notice, column, text, right=True)
            column += 2 if index else 1
        # Fitted once per fill: a header that fits to contents on its own measures every column
        # again for each cell that changes.
        self.table.resizeColumnsToContents()

    def _fill_totals(self, comparison: Comparison) -> None:
        _fill_totals_chart(self, comparison)

    def _set(
        self, row: int, column: int, text: str, right: bool = False, bold: bool = False
    ) -> None:
        item = self.table.item(row, column)
        if item is not None:  # the same table with new figures: only the text changes
            if item.text() != text:
                item.setText(text)
            return
        item = QTableWidgetItem(text)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, column, item)

    def _fill_inputs(self, comparison: Comparison, words: list[list[str]]) -> None:
        parts = []
        for variant, differences in zip(comparison.variants[1:], words[1:], strict=True):
            parts.append(_("{name}, against the base:").format(name=variant.name))
            parts.extend(f"  \u2022 {text}" for text in differences)
            if not differences:
                parts.append("  " + _("the same inputs"))
        self.inputs.setText("\n".join(parts) if parts else _("Only the base: nothing to compare"))

    def _fill_chart(self, comparison: Comparison) -> None:
        chart = self.chart
        by_variant = [_gross_by_service(v.breakdown) for v in comparison.variants]
        services = sorted({service for split in by_variant for service in split})
        names = [v.name for v in comparison.variants]
        shape = (tuple(services), tuple(names))
        top = max((sum(split.values(), Decimal(0)) for split in by_variant), default=Decimal(0))
        if shape == self._chart_shape and self._series is not None:
            for bar, service in zip(self._series.barSets(), services, strict=True):
                for index, split in enumerate(by_variant):
                    bar.replace(index, float(split.get(service, Decimal(0))))  # drawing only
            _fit_values(chart, top)
            return
        self._chart_shape = shape
        series = QStackedBarSeries()
        self._series = series
        for service in services:
            bar = QBarSet(service_name(service))
            for split in by_variant:
                bar.append(float(split.get(service, Decimal(0))))  # drawing only
            series.append(bar)
        _show_series(chart, series, names, top)
        chart.setTitle(_("Each variant's gross by service, before free minutes"))


def _show_series(
    chart: QChart, series: QBarSeries | QStackedBarSeries, names: list[str], top: Decimal
) -> None:
    """``series`` in place of what ``chart`` showed: one bar (or stack) per variant name, on a
    value axis fitted to ``top``."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(names)
    axis_y = QValueAxis()
    axis_y.setTitleText(_("USD"))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    _fit_values(chart, top)


def _fit_values(chart: QChart, top: Decimal) -> None:
    """The value axis in round steps up to ``top`` (0, 10,000, ... 40,000), as the main chart's,
    and again after each change: QtCharts sizes it only when the series is attached."""
    scale = nice_scale(top)
    for axis in chart.axes(Qt.Orientation.Vertical):
        if isinstance(axis, QValueAxis):
            axis.setLabelFormat(f"%.{scale.decimals}f")
            axis.setRange(0.0, float(scale.maximum))
            axis.setTickCount(scale.ticks)


def _fill_totals_chart(view: CompareView, comparison: Comparison) -> None:
    """Each variant's total (after free minutes and discount), one bar each."""
    chart = view.totals_chart
    totals = [float(v.total) for v in comparison.variants]  # drawing only
    top = max((v.total for v in comparison.variants), default=Decimal(0))
    names = [v.name for v in comparison.variants]
    bar = view._totals
    if bar is not None and bar.count() == len(totals) and view._totals_names == names:
        for index, value in enumerate(totals):
            bar.replace(index, value)
        _fit_values(chart, top)
        return
    bar = QBarSet(_("Total"))
    bar.append(totals)
    series = QBarSeries()
    series.append(bar)
    _show_series(chart, series, names, top)
    chart.setTitle(_("Total after free minutes and discount"))
    view._totals, view._totals_names = bar, names


def _negated(change: Change) -> Change:
    return Change(-change.amount, None if change.percent is None else change.percent)


def _line_name(section: str, price_list: str, tier: str) -> str:
    return _("{section}, {price_list}, {tier}").format(
        section=section_name(section), price_list=price_list_name(price_list), tier=tier_name(tier)
    )


def _gross_by_service(breakdown: Breakdown) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for (service, _tier), amount in gross_by_service_and_tier(breakdown).items():
        totals[service] = totals.get(service, Decimal(0)) + amount
    return totals
