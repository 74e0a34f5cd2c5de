"""What drives the total: each room's and task's total and share, as a table and a chart that
says it shows the total after free minutes and discount; the service view says gross."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests_gui_paths import EXAMPLES, TUTORING

from estimator_gui.gui.results import ROOMS_TAB


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_rooms_shares_add_up_to_the_total(make_window, qtmodeltester, path):
    window = make_window(path)
    window.results.setCurrentIndex(ROOMS_TAB)
    model = window.room_model
    qtmodeltester.check(model)
    totals = [
        model.data(model.index(r, model.COL_TOTAL), model.ValueRole)
        for r in range(model.rowCount())
    ]
    assert sum(totals, Decimal(0)) == window.current_breakdown().total
    shares = [
        model.data(model.index(r, model.COL_SHARE), model.ValueRole)
        for r in range(model.rowCount())
    ]
    assert sum(shares, Decimal(0)) in (Decimal(100), Decimal(0))


def test_the_view_and_its_chart_follow_each_change(window):
    assert window.results_pane.charts.currentWidget() is window.chart
    titles = [axis.titleText() for axis in window.chart.chart().axes()]
    assert any("before free minutes and discount" in title for title in titles)
    window.results.setCurrentIndex(ROOMS_TAB)
    assert window.results_pane.charts.currentWidget() is window.room_chart
    assert "after free minutes and discount" in window.room_chart.chart().title()
    names = [window.room_model.index(r, 0).data() for r in range(window.room_model.rowCount())]
    assert names[0] == "1:1 lessons" and "lessons" in names  # the example's room, then its task
    assert names[-1] == "Relay to CDN"  # one of its kind: no number
    assert window.room_chart.names == list(reversed(names))
    before = window.room_model.items[0].total
    window.panel("video_call").rooms_per_day.spin.setValue(20)  # half the lessons
    assert window.room_model.items[0].total < before
    assert window.room_chart.names == list(reversed(names))


def test_quote_json_carries_the_same_rooms(window):
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "estimator_gui", "quote", str(TUTORING), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    rooms = json.loads(out.stdout)["rooms"]
    window.results.setCurrentIndex(ROOMS_TAB)
    assert [Decimal(room["total"]) for room in rooms] == [i.total for i in window.room_model.items]
