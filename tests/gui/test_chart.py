"""The breakdown chart's value axis: round ticks, the currency, no jumps while a slider drags."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QValueAxis
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QSlider
from tests_gui_paths import TEAM_MEETINGS, TUTORING

from estimator_gui.gui.chart import BreakdownChart, nice_scale
from estimator_gui.gui.main_window import MainWindow

TEXT_ITEM_TYPE = 8  # QGraphicsTextItem::Type: the axis labels are private subclasses of it


@pytest.mark.parametrize(
    ("top", "maximum", "step"),
    [
        ("0", "10", "2"),  # nothing billed yet: still an axis
        ("0.42", "0.5", "0.1"),
        ("1.6", "2", "0.5"),
        ("19.65", "20", "5"),
        ("21.28", "25", "5"),  # was 0, 6, 13, 19, 25
        ("25", "25", "5"),  # a bar may end on the last tick
        ("25.01", "30", "10"),
        ("101", "150", "50"),
        ("877.85", "1000", "200"),
        ("5343.64", "6000", "2000"),
        ("39052.16", "40000", "10000"),
    ],
)
def test_nice_scale_uses_round_steps(top, maximum, step):
    scale = nice_scale(Decimal(top))
    assert (scale.maximum, scale.step) == (Decimal(maximum), Decimal(step))
    assert scale.ticks == scale.maximum / scale.step + 1
    assert 3 <= scale.ticks <= 6
    assert scale.maximum >= Decimal(top)
    assert scale.step.normalize().as_tuple().digits[0] in (1, 2, 5)


def _value_axis(chart: BreakdownChart) -> QValueAxis:
    axes = [a for a in chart.chart().axes() if isinstance(a, QValueAxis)]
    assert len(axes) == 1
    return axes[0]


def tick_labels(window: MainWindow) -> list[str]:
    """The value axis labels as drawn in the chart's scene, left to right."""
    window.show()
    QApplication.processEvents()
    QApplication.processEvents()
    labels = []
    for item in window.chart.scene().items():
        text = item.toGraphicsObject() if item.type() == TEXT_ITEM_TYPE else None
        if isinstance(text, QGraphicsTextItem) and text.isVisible() and text.toPlainText():
            labels.append((text.scenePos().y(), text.scenePos().x(), text.toPlainText()))
    # The value axis runs along the bottom: its labels share the row just above the axis title.
    title = _value_axis(window.chart).titleText()
    title_y = next(y for y, _x, t in labels if t == title)
    axis_y = max(y for y, _x, _t in labels if y < title_y)
    return [t for y, _x, t in sorted(labels, key=lambda k: k[1]) if y == axis_y]


def test_small_totals_get_round_ticks_and_the_currency(make_window):
    window = make_window(TEAM_MEETINGS)  # video call bar 19.65 USD, audio 1.63 USD
    axis = _value_axis(window.chart)
    assert (axis.min(), axis.max(), axis.tickCount()) == (0.0, 20.0, 5)
    assert tick_labels(window) == ["0", "5", "10", "15", "20"]
    assert axis.titleText() == "USD, before free minutes and discount"
    assert window.chart.tick_values() == [Decimal(v) for v in (0, 5, 10, 15, 20)]


def test_large_totals_group_their_digits(make_window):
    window = make_window(TUTORING)  # the live video bar: 4,392 USD
    assert _value_axis(window.chart).max() == 5000.0
    assert tick_labels(window) == ["0", "1,000", "2,000", "3,000", "4,000", "5,000"]


def test_tick_labels_follow_the_locale(make_window):
    previous = QLocale()
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    QLocale.setDefault(german)
    try:
        window = make_window(TUTORING)
        assert tick_labels(window) == ["0", "1.000", "2.000", "3.000", "4.000", "5.000"]
    finally:
        QLocale.setDefault(previous)


def test_the_axis_holds_while_a_slider_drags(make_window):
    """Small moves keep the scale; past its end it grows; under half of it, it shrinks."""
    window = make_window(TEAM_MEETINGS)
    axis = _value_axis(window.chart)
    video_call = window.panel("video_call")
    days = video_call.findChild(QSlider, "video_call.days.slider")  # the daily stand-up: 22 days
    ranges = set()
    for value in (21, 22, 20, 22, 21, 22):  # the video call bar between 18.93 and 19.65 USD
        days.setValue(value)
        ranges.add((axis.max(), axis.tickCount()))
    assert ranges == {(20.0, 5)}
    days.setValue(23)  # 20.01 USD: past the end, the axis grows to the next round end
    assert (axis.max(), axis.tickCount()) == (25.0, 6)
    days.setValue(22)  # 19.65 USD still fills most of 25: no jump back
    assert axis.max() == 25.0
    assert tick_labels(window) == ["0", "5", "10", "15", "20", "25"]
    video_call.findChild(QSlider, "video_call.rooms_per_day.slider").setValue(0)  # 11.75 USD
    assert (axis.max(), axis.tickCount()) == (15.0, 4)  # under half of 25: it shrinks to fit
    assert max(_bar_tops(window)) <= 15


def _bar_tops(window: MainWindow) -> list[Decimal]:
    chart = window.chart
    tiers = {tier for (_service, tier) in chart._amounts}
    return [sum(chart.amount(s, t) for t in tiers) for s in chart.services]


def test_hover_names_the_currency(make_window):
    window = make_window(TEAM_MEETINGS)
    chart = window.chart
    chart._on_bar_hovered(True, chart.services.index("video_call"), chart.bar_sets()["HD"])
    assert chart.hover_text == "Video call \u00b7 HD: 8.86 USD"


def test_a_service_that_goes_and_comes_back_leaves_the_chart_as_it_was(make_window):
    """The audio calls set to 0 rooms a day: their bar and the Audio legend entry go, the video
    bars stay; back to 3 rooms, all returns. One series and its two axes serve throughout, and
    the scene holds what it held before."""
    window = make_window(TEAM_MEETINGS)
    chart = window.chart
    window.show()
    QApplication.processEvents()
    series, axes = chart.chart().series(), chart.chart().axes()
    items = len(chart.scene().items())
    assert (chart.services, chart.tiers) == (("audio_call", "video_call"), ("audio", "HD", "FHD"))
    rooms = window.show_panel("audio_call").findChild(QSlider, "audio_call.rooms_per_day.slider")
    video = [chart.amount("video_call", t) for t in ("HD", "FHD")]

    rooms.setValue(0)
    QApplication.processEvents()
    assert (chart.services, chart.tiers) == (("video_call",), ("HD", "FHD"))
    assert _legend(chart) == ["HD", "FHD"]
    assert _categories(chart) == ["Video call"]
    audio = next(s for s in series[0].barSets() if s.label() == "Audio")
    assert [audio.at(i) for i in range(audio.count())] == [0.0]  # kept, empty, not in the legend
    assert [chart.bar_sets()[t].at(0) for t in ("HD", "FHD")] == [float(v) for v in video]
    assert [chart.amount("video_call", t) for t in ("HD", "FHD")] == video

    rooms.setValue(3)
    QApplication.processEvents()
    assert (chart.services, chart.tiers) == (("audio_call", "video_call"), ("audio", "HD", "FHD"))
    assert _legend(chart) == ["Audio", "HD", "FHD"]
    assert _categories(chart) == ["Audio call", "Video call"]
    audio_bar = chart.bar_sets()["audio"].at(chart.services.index("audio_call"))
    assert audio_bar == float(chart.amount("audio_call", "audio")) > 0
    assert chart.chart().series() == series and chart.chart().axes() == axes
    assert len(chart.scene().items()) == items


def _legend(chart: BreakdownChart) -> list[str]:
    return [m.label() for m in chart.chart().legend().markers() if m.isVisible()]


def _categories(chart: BreakdownChart) -> list[str]:
    (axis,) = [a for a in chart.chart().axes() if isinstance(a, QBarCategoryAxis)]
    return axis.categories()


def _drawn_texts(window: MainWindow) -> set[str]:
    QApplication.processEvents()
    QApplication.processEvents()
    texts = set()
    for item in window.chart.scene().items():
        text = item.toGraphicsObject() if item.type() == TEXT_ITEM_TYPE else None
        if isinstance(text, QGraphicsTextItem) and text.isVisible() and text.toPlainText():
            texts.add(text.toPlainText())
    return texts


@pytest.mark.parametrize("code", ["ko", "zh"])
def test_service_names_are_drawn_whole_in_korean_and_chinese_at_1366x768(qtbot, code):
    """Hangul and Han lines are taller than Latin ones: with five services at a laptop's
    1366x768, QtCharts drew every name as '...' (the legend under the chart took the height).
    The legend now stands beside the chart, and names shrink to fit thin bars."""
    from estimator_gui.gui.app import build_window
    from estimator_gui.gui.language import apply_language

    window = build_window(TUTORING, language=code)
    qtbot.addWidget(window)
    try:
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        names = window.chart._categories.categories()
        assert len(names) == 5
        drawn = _drawn_texts(window)
        assert [name for name in names if name not in drawn] == []
        window.resize(1366, 700)  # thinner bars: smaller names, still whole
        drawn = _drawn_texts(window)
        assert [name for name in names if name not in drawn] == []
        assert window.chart._categories.labelsFont().pointSizeF() < 9
    finally:
        apply_language("en")
