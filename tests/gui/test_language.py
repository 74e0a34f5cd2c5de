"""The window in Korean and Chinese: built in either, switched at run time from the Language menu
(every text changes, the estimate and its undo history stay), remembered in the settings, and
Qt's own dialogs speak the language too."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
)
from test_translatable import _every_text
from tests_gui_paths import LIVE_SHOPPING, TEAM_MEETINGS, TUTORING

from estimator_gui import i18n
from estimator_gui.files.ratecard_io import shipped_rate_cards
from estimator_gui.gui.app import build_window
from estimator_gui.gui.inputs import MessageLabel
from estimator_gui.gui.language import apply_language
from estimator_gui.gui.main_window import MainWindow
from estimator_gui.gui.settings import AppSettings

SCRIPTS = {"ko": re.compile(r"[\uac00-\ud7a3]"), "zh": re.compile(r"[\u4e00-\u9fff]")}
WORD = re.compile(r"[A-Za-z]{2,}")
# Words that stay as they are in every language: product and unit names, codecs, formats, tiers,
# currencies, keys (glossary: docs/glossary.md), and the language menu's own names.
KEPT = {
    "TRTC", "Tencent", "RTC", "USD", "KRW", "CNY", "JPY", "EUR", "HD", "FHD", "CDN", "VOD",
    "px", "PDF", "CSV", "XLSX", "JSON", "TOML", "AI", "Alt", "Ctrl", "Shift", "Tab", "Enter",
    "English", "MixTranscoding", "API", "SDK", "OK", "ID", "URL", "GB", "Mbps", "kbps", "SD",
}


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    apply_language("en")


def _foreign_words(text: str, data: tuple[str, ...]) -> list[str]:
    for value in data:
        text = text.replace(value, "")
    text = re.sub(r"\b\d+x\d+\b|\b\d+[Kp]\b|H\.26[45]", "", text)
    return [word for word in WORD.findall(text) if word not in KEPT]


def _data(window: MainWindow) -> tuple[str, ...]:
    """The sales person's own words and the rate card's: shown as typed, in any language."""
    scenario = window.session.scenario
    data = (
        scenario.title,
        *(room.label for room in scenario.rooms),
        *(group.label for room in scenario.rooms for group in room.groups if group.label),
        *(task.label for task in (*scenario.recording, *scenario.transcoding)),
        # a price list's own name, as its card gives it (like a document's title)
        *(card.title for card in shipped_rate_cards()),
        window.session.rate_card.title,
        window.session.rate_card.id,
        window.path.name if window.path else "",
    )
    return tuple(sorted((d for d in data if d), key=len, reverse=True))


def _walk(window: MainWindow) -> list[tuple[str, str]]:
    texts = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None:
            menu.aboutToShow.emit()  # the Rate card menu fills when first opened
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    for key in window.panels:
        groups = getattr(window.panel(key), "groups", None)  # a room's Groups page, built now
        del groups
    texts.extend(_every_text(window))
    return [(where, text) for where, text in texts if text.strip()]


@pytest.mark.parametrize("code", ["ko", "zh"])
@pytest.mark.parametrize("path", [TUTORING, TEAM_MEETINGS, LIVE_SHOPPING], ids=lambda p: p.stem)
def test_a_window_built_in_korean_or_chinese_shows_no_english(qtbot, code, path) -> None:
    window = build_window(path, language=code)
    qtbot.addWidget(window)
    QApplication.processEvents()
    data = _data(window)
    english = sorted(
        {f"{where}: {text!r}" for where, text in _walk(window) if _foreign_words(text, data)}
    )
    assert english == []
    texts = [text for _where, text in _walk(window)]
    in_script = sum(1 for text in texts if SCRIPTS[code].search(text))
    # What is not in the script is numbers, names and kept words (USD, HD, 1280x720).
    assert in_script / len(texts) > 0.6


def _click_language(qtbot, window: MainWindow, name: str) -> None:
    """Open the Language menu and click ``name``, with the mouse, as a person does."""
    bar = window.menuBar()
    (action,) = [a for a in bar.actions() if a.menu() and a.menu().objectName() == "language"]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(action).center())
    menu = action.menu()
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    (item,) = [a for a in menu.actions() if a.text() == name]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(item).center())


def test_the_language_menu_switches_every_text_and_keeps_the_estimate(qtbot, tmp_path) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    window = build_window(TUTORING, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.title_edit, " (ACME)")
    qtbot.keyClick(window.title_edit, Qt.Key.Key_Return)
    scenario, undo = window.session.scenario, window.session.undo_stack.count()
    tab = window.tabs.currentIndex()
    before = {text for _where, text in _every_text(window)}
    assert undo == 1 and window.session.modified

    _click_language(qtbot, window, "한국어")
    qtbot.waitUntil(lambda: i18n.language() == "ko")  # switched at the next turn of the loop
    qtbot.wait(50)  # and the old widgets go at the one after (deleted later)

    assert i18n.language() == "ko" and settings.language() == "ko"
    assert window.session.scenario == scenario and window.session.modified
    assert window.session.undo_stack.count() == undo and window.tabs.currentIndex() == tab
    after = {text for _where, text in _every_text(window)}
    data = _data(window)
    assert not [t for t in after if _foreign_words(t, data)], "English left after the switch"
    assert len(before - after) > 0.8 * len(before)
    # the window still works: Ctrl+Z takes the title back, in Korean
    window.activateWindow()  # back from the menu's popup
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.title_edit.setFocus()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.undo_stack.count() == undo and window.session.undo_stack.index() == 0
    assert window.title_edit.text() == scenario.title.removesuffix(" (ACME)")

    _click_language(qtbot, window, "English")
    qtbot.waitUntil(lambda: i18n.language() == "en")
    assert i18n.language() == "en" and window.tabs.tabText(0).startswith("Audio call")


def test_the_next_start_speaks_the_language_chosen(qtbot, tmp_path) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    settings.set_language("zh")
    from estimator_gui.gui.language import initial_language

    window = build_window(None, settings=settings, language=initial_language(settings.language()))
    qtbot.addWidget(window)
    assert SCRIPTS["zh"].search(window.tabs.tabText(0))


@pytest.mark.parametrize(("code", "cancel"), [("ko", "취소"), ("zh", "取消")])
def test_qt_s_own_dialog_buttons_speak_the_language(qtbot, code, cancel) -> None:
    apply_language(code)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "",
        "",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    assert cancel in box.button(QMessageBox.StandardButton.Cancel).text()


def test_a_refusal_in_korean_names_the_field_and_the_limit_in_korean(qtbot) -> None:
    """Typed in a Korean window, 301 participants is refused under the input, in Korean, with
    the limit; the field is named in Korean beside it (its caption and accessible name)."""
    window = build_window(TUTORING, language="ko")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.show_panel("video_call")
    spin = panel.findChild(QSpinBox, "video_call.participants.spin")
    caption = panel.findChild(QLabel, "video_call.participants.caption")
    message = panel.findChild(MessageLabel, "video_call.participants.message")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "301")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert not message.isHidden()
    assert SCRIPTS["ko"].search(message.text()) and "300" in message.text()
    assert not _foreign_words(message.text(), ())
    assert SCRIPTS["ko"].search(caption.text())  # the field, named in Korean beside it
    assert spin.accessibleName() == caption.text().replace("&", "")


def test_undo_entries_made_in_english_are_named_again_in_korean(qtbot, tmp_path) -> None:
    """Every kind of entry the Edit menu names (add, rename and remove a room; duplicate and
    delete a variant) reads in Korean after the switch, the names given kept as they are."""
    window = build_window(TUTORING, settings=AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.show_panel("video_call")
    qtbot.mouseClick(panel.findChild(QPushButton, "video_call.add"), Qt.MouseButton.LeftButton)
    name = panel.findChild(QLineEdit, "video_call.label")
    name.selectAll()
    qtbot.keyClicks(name, "Demo room")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.mouseClick(panel.findChild(QPushButton, "video_call.remove"), Qt.MouseButton.LeftButton)
    duplicate = window.findChild(QPushButton, "variants.duplicate")
    qtbot.mouseClick(duplicate, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.findChild(QPushButton, "variants.delete"), Qt.MouseButton.LeftButton)
    stack = window.session.undo_stack
    english = [stack.text(i) for i in range(stack.count())]
    assert len(english) == 5 and english[0] == "Add room"
    assert english[1].startswith("Rename #") and english[1].endswith("to Demo room")

    _click_language(qtbot, window, "한국어")
    qtbot.waitUntil(lambda: i18n.language() == "ko")
    korean = [stack.text(i) for i in range(stack.count())]
    assert all(SCRIPTS["ko"].search(text) for text in korean), korean
    # "Base (2)" is the copy's name, made when the window spoke English: data, kept as it is
    assert not [t for t in korean if _foreign_words(t, ("Demo room", "Base (2)"))], korean
    assert "Demo room" in korean[1] and "Demo room" in korean[2]


def test_an_empty_variant_name_is_refused_in_korean(qtbot) -> None:
    window = build_window(TUTORING, language="ko")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    name = window.findChild(QLineEdit, "variants.name")
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    said = window.statusBar().currentMessage()
    assert said == "비교안에는 이름이 필요합니다.", said
    assert name.text() and window.session.variants[0].name  # the old name kept
