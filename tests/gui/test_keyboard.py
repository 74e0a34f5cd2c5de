"""The window from the keyboard: Tab walks each tab's inputs top to bottom and leaves tables,
every caption has an Alt shortcut and a buddy, every input a tooltip and an accessible name."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QWidget,
)
from tests_gui_paths import EXAMPLES, LIVE_SHOPPING, TUTORING

from estimator_gui.gui.keyboard import mnemonic, with_mnemonic
from estimator_gui.gui.panel_tabs import PANEL_KEYS

INPUTS = (
    QAbstractSpinBox,
    QAbstractSlider,
    QComboBox,
    QLineEdit,
    QAbstractButton,
    QTableView,
    QTabBar,
)


def _inputs(panel: QWidget) -> list[QWidget]:
    """What a person can type into or press on the panel as shown."""
    window = panel.window()
    return [
        w
        for w in panel.findChildren(QWidget)
        if isinstance(w, INPUTS)
        and w.isVisibleTo(window)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.window() is window
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox | QTabBar)  # inner parts
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_input_has_a_tooltip_and_an_accessible_name(make_window, path):
    window = make_window(path)
    missing = []
    for key in PANEL_KEYS:
        window.show_panel(key)
        for widget in _inputs(window.panel(key)):
            name = widget.accessibleName() or (
                widget.text() if isinstance(widget, QAbstractButton) else ""
            )
            if not widget.toolTip() or not name:
                missing.append(f"{key}: {type(widget).__name__} {widget.objectName()!r}")
    assert missing == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_caption_has_a_buddy_and_an_alt_shortcut_unique_on_its_tab(make_window, path):
    window = make_window(path)
    window_letters = [mnemonic(a.text()) for a in window.menuBar().actions()]
    window_letters += [
        mnemonic(label.text())
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and not window.tabs.isAncestorOf(label)
    ]
    for key in PANEL_KEYS:
        window.show_panel(key)
        panel = window.panel(key)
        items = getattr(panel, "tasks", panel)
        if items.stack.currentIndex() == 0:
            continue  # nothing to edit on this tab: only its Add button
        captions = [
            label
            for label in panel.findChildren(QLabel)
            if label.objectName().endswith(".caption") and label.isVisibleTo(window)
        ]
        assert captions, key
        assert all(label.buddy() is not None for label in captions), key
        letters = [mnemonic(label.text()) for label in captions]
        assert all(letters), [label.text() for label in captions]
        shown = letters + window_letters
        assert len(shown) == len(set(shown)), (key, shown)


def test_a_caption_without_latin_letters_gets_one_in_brackets():
    taken = {"a", "b"}
    assert with_mnemonic("견적", taken) == "견적 (&C)"
    assert with_mnemonic("Days in the month", taken) == "&Days in the month"
    assert with_mnemonic("Rooms per &day", taken) == "Rooms per &day"  # a translation's own
    assert {"c", "d"} <= taken


@pytest.mark.parametrize("page", [0, 1], ids=["inputs", "groups"])
@pytest.mark.parametrize(("path", "key"), [(TUTORING, "video_call"), (LIVE_SHOPPING, "live_video")])
def test_tab_walks_the_inputs_top_to_bottom_and_leaves_the_groups_table(
    make_window, qtbot, path, key, page
):
    window = make_window(path)
    window.show()
    qtbot.waitExposed(window)
    window.show_panel(key)
    panel = window.panel(key)
    panel.pages.setCurrentIndex(page)
    window.activateWindow()
    window.title_edit.setFocus()
    QApplication.processEvents()
    visited: list[QWidget] = []
    for _ in range(120):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused is window.totals.free_spin or window.totals.isAncestorOf(focused):
            break
        visited.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    else:
        pytest.fail("Tab never left the panel for the totals")
    expected = _inputs(panel)
    in_panel = [w for w in visited if panel.isAncestorOf(w)]
    # Every input of the tab, each once, after the title and the tab bar.
    assert visited[0] is window.title_edit
    assert set(in_panel) == set(expected), {w.objectName() for w in set(expected) - set(in_panel)}
    assert len(in_panel) == len(set(in_panel))  # the groups table let Tab go on
    # Top to bottom: each input starts no higher than the row above it.
    # Top to bottom, but the mix control goes down one tier's column after the other.
    mix = [w for w in in_panel if ".mix." in w.objectName()]
    assert [w.objectName().rsplit(".", 1)[-1] for w in mix] == ["lock", "slider", "spin"] * (
        len(mix) // 3
    )
    in_panel = [w for w in in_panel if w not in mix]
    tops = [w.mapTo(window, w.rect().topLeft()).y() for w in in_panel]
    order = [(w.objectName(), top) for w, top in zip(in_panel, tops, strict=True)]
    assert all(later >= earlier - 30 for earlier, later in itertools.pairwise(tops)), str(order)
