"""The Qt models pass Qt's own model checks, and their roles give text and exact values."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.gui.breakdown_model import BreakdownTableModel
from estimator_gui.gui.group_model import GroupTableModel, parse_mix, parse_streams
from estimator_gui.pricing.scenario import Resolution


def test_breakdown_model_passes_qtmodeltester(window, qtmodeltester):
    model = BreakdownTableModel()
    model.show_breakdown(window.current_breakdown())
    qtmodeltester.check(model, force_py=True)


def test_breakdown_model_follows_a_drag(window, qtmodeltester):
    qtmodeltester.check(window.breakdown_model, force_py=True)
    window.panel("video_call").rooms_per_day.slider.setValue(3)
    qtmodeltester.check(window.breakdown_model, force_py=True)


def test_group_model_passes_qtmodeltester(window, qtmodeltester):
    for key in ("video_call", "live_video"):
        qtmodeltester.check(window.panel(key).model, force_py=True)
    empty = GroupTableModel(default_rate_card())
    qtmodeltester.check(empty, force_py=True)


def test_breakdown_roles(window):
    model = window.breakdown_model
    breakdown = window.current_breakdown()
    relay = model.rowCount() - 1
    assert model.index(relay, model.COL_MINUTES).data() == "5 Mbps"
    assert model.index(relay, model.COL_UNIT_PRICE).data() == "18.99 / Mbps"
    assert model.index(relay, model.COL_GROSS).data(model.ValueRole) == Decimal("94.95")
    unit_price = model.index(0, model.COL_UNIT_PRICE).data(model.ValueRole)
    assert unit_price == breakdown.lines[0].unit_price
    assert model.headerData(model.COL_FREE, Qt.Orientation.Horizontal) == "Free min"


def test_group_model_shows_inherited_minutes_and_mix(window):
    model = window.panel("live_video").model
    assert model.index(0, model.COL_MINUTES).data() == "60 (room)"
    # The audience stays 40 of the session's 60 minutes: marked, never a quiet override.
    own = model.index(1, model.COL_MINUTES)
    assert own.data() == "\u26a0 40"
    assert own.data(Qt.ItemDataRole.EditRole) == "40"
    assert own.data(Qt.ItemDataRole.ForegroundRole) != model.index(0, model.COL_COUNT).data(
        Qt.ItemDataRole.ForegroundRole
    )
    assert "40 min of the room's 60 min session" in own.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, model.COL_VIDEO).data() == "mix: HD 70%, FHD 30%"
    assert model.index(1, model.COL_VIDEO).data(model.ValueRole) == (
        ("HD", Decimal(70)),
        ("FHD", Decimal(30)),
    )


def test_parse_streams_and_mix():
    hd = Resolution(1280, 720)
    assert parse_streams("") == ()
    assert parse_streams("1280x720, 640x360") == (hd, Resolution(640, 360))
    assert parse_streams("3 x 1280x720") == (hd,) * 3
    assert parse_streams("2\u00d71280x720 + 640x360") == (hd, hd, Resolution(640, 360))
    assert parse_mix("HD 70, FHD 30") == (("HD", Decimal(70)), ("FHD", Decimal(30)))
    assert parse_mix("audio: 10%, 4k 90%") == (("audio", Decimal(10)), ("4K", Decimal(90)))
    assert parse_mix("1280x720") is None
