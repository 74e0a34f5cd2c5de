"""A minimal one-window QtCharts app: bench_bundle's baseline, frozen with build.spec's options."""

from __future__ import annotations

import sys

from PySide6.QtCharts import QChart, QChartView, QPieSeries
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMainWindow


def build_window() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("Minimal QtCharts window")
    series = QPieSeries(window)
    for label, value in (("Audio", 3), ("HD", 5), ("FHD", 2)):
        series.append(label, value)
    chart = QChart()
    chart.addSeries(series)
    chart.setTitle("Minutes by tier")
    view = QChartView(chart, window)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    window.setCentralWidget(view)
    window.resize(800, 600)
    return window


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = build_window()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
