"""Under each groups table, the selected group's full working and its tier warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSlider
from test_layout import LAPTOP, _label_clipped
from tests_gui_paths import TEAM_MEETINGS


def _click_row(qtbot, panel, row: int) -> None:
    index = panel.model.index(row, panel.model.COL_COUNT)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_working_follows_the_selection(window, qtbot):
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    window.show_panel("live_video")
    panel = window.panel("live_video")
    assert panel.table.currentIndex().row() == 1  # the audience, the group the sliders drive
    assert panel.group_working.text() == "Audience: receives a mix of HD 70%, FHD 30%"
    # The table's Working cell is narrower than that; the label shows all of it.
    column = panel.model.COL_WORKING
    shown = panel.table.fontMetrics().horizontalAdvance(panel.model.index(1, column).data())
    assert shown > panel.table.columnWidth(column)
    assert _label_clipped(panel.group_working) == ""
    _click_row(qtbot, panel, 0)
    assert panel.table.currentIndex().row() == 0
    assert panel.group_working.text() == "Anchor: receives no video: billed as audio"
    assert panel.group_warning.isHidden()


def test_a_long_working_is_shown_whole(make_window, qtbot):
    window = make_window(TEAM_MEETINGS)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    window.show_panel("video_call")
    panel = window.panel("video_call")
    panel.select(1)  # the weekly demo: a presenter and five viewers
    _click_row(qtbot, panel, 1)
    QApplication.processEvents()
    text = "viewer (screen + presenter + 4 thumbnails): receives 1280x720 + 5 x 320x180"
    assert panel.group_working.text() == f"{text} = 1,209,600 px \u2192 FHD"
    assert _label_clipped(panel.group_working) == ""


def test_the_working_follows_every_change(window):
    panel = window.panel("video_call")
    assert panel.group_working.text() == "Participant: receives 1280x720 = 921,600 px \u2192 HD"
    assert panel.group_warning.text() == "\u26a0 one more 1280x720 stream moves it to FHD"
    assert not panel.group_warning.isHidden()
    model = panel.model
    # Typed in the table: four small cameras, one step from FHD.
    assert model.setData(model.index(0, model.COL_VIDEO), "4 x 640x360")
    assert panel.group_working.text() == (
        "Participant: receives 4 x 640x360 = 921,600 px \u2192 HD"
    )
    assert not panel.group_warning.isHidden()
    assert panel.group_warning.text() == "\u26a0 one more 640x360 stream moves it to FHD"
    # Dragged on a slider: the fifth camera crosses into FHD and the warning goes.
    window.findChild(QSlider, "video_call.streams.slider").setValue(5)
    assert panel.group_working.text() == (
        "Participant: receives 5 x 640x360 = 1,152,000 px \u2192 FHD"
    )
    assert panel.group_warning.isHidden()
    # A label typed in the table names the group.
    assert model.setData(model.index(0, model.COL_LABEL), "student")
    assert panel.group_working.text().startswith("student: receives 5 x 640x360")


def test_the_working_of_a_group_with_no_selection(window):
    panel = window.panel("video_call")
    panel.table.selectionModel().clearCurrentIndex()
    assert panel.group_working.text().startswith("Select a group")
    assert not panel.mix_editor.isEnabled()
