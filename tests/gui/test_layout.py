"""The window lays out on a 1366x768 laptop, in English and with translations 40% longer."""

from __future__ import annotations

import gettext

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QTableView,
    QWidget,
)
from tests_gui_paths import EXAMPLES

from estimator_gui import i18n
from estimator_gui.gui.main_window import MainWindow
from estimator_gui.gui.panel_tabs import PANEL_KEYS

LAPTOP = (1366, 768)


class PseudoTranslator(gettext.NullTranslations):
    """Every source text about 40% longer, bracketed so that a cut end shows.

    A sentence grows by more words (a translation that wraps where it has spaces), a single word
    by a longer word: a 50-letter unbreakable tail on a sentence tested line breaking no real
    language needs.
    """

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def gettext(self, source: str) -> str:
        if not source:
            return ""
        pad = max(2, len(source) * 2 // 5 - 2)
        if " " not in source.strip():
            return f"[{source}{'~' * pad}]"
        words = " ".join("~" * 5 for _ in range(pad // 6)) + "~" * (pad % 6)
        return f"[{source} {words.strip()}]"


@pytest.fixture
def pseudo_translation(monkeypatch: pytest.MonkeyPatch) -> PseudoTranslator:
    translations = PseudoTranslator()
    monkeypatch.setattr(i18n, "_translations", translations)
    return translations


class HangulTranslator(gettext.NullTranslations):
    """Every text in Hangul, as a Korean translation reads: fewer characters than English, each
    about twice as wide, words still separated by spaces (the system's CJK font draws it)."""

    SYLLABLES = "견적회의녹화시간요금방참가자분당무료해상도범주클라우드"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def gettext(self, source: str) -> str:
        if not source:
            return ""
        words = []
        for index, word in enumerate(source.split(" ")):
            if "{" in word:  # a placeholder stays as it is: the code fills it
                words.append(word)
                continue
            keep = "".join(c for c in word if not c.isalpha())  # digits and signs stay
            size = max(1, (sum(c.isalpha() for c in word) * 3 + 4) // 5)
            start = (index * 7 + len(word)) % len(self.SYLLABLES)
            hangul = (self.SYLLABLES * 2)[start : start + size]
            words.append(hangul + keep if keep else hangul)
        return " ".join(words)


@pytest.fixture
def hangul_translation(monkeypatch: pytest.MonkeyPatch) -> HangulTranslator:
    translations = HangulTranslator()
    monkeypatch.setattr(i18n, "_translations", translations)
    return translations


def _shown(widget: QWidget, text: str) -> str:
    """The text a button draws: '&&' is a literal ampersand, a single '&' marks a shortcut."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _cut_off_sideways(widget: QWidget) -> bool:
    """Part of the widget's width is hidden by an ancestor (a scroll area, a splitter pane)."""
    visible = widget.visibleRegion().boundingRect()
    return not visible.isEmpty() and visible.width() < widget.width()


def _label_clipped(label: QLabel) -> str:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or "<" in text:
        return ""
    margin = label.margin()
    rect = label.contentsRect().adjusted(margin, margin, -margin, -margin)
    indent = max(label.indent(), 0)
    rect.adjust(indent, 0, 0, 0)
    flags = int(label.alignment().value)
    if label.wordWrap():
        flags |= Qt.TextFlag.TextWordWrap.value
    if label.buddy() is not None:  # "&Days" draws as "Days" with D underlined
        flags |= Qt.TextFlag.TextShowMnemonic.value
    needed = QFontMetrics(label.font()).boundingRect(rect, flags, text)
    if needed.width() > rect.width() + 1 or needed.height() > rect.height() + 1:
        return f"needs {needed.width()}x{needed.height()}, has {rect.width()}x{rect.height()}"
    return ""


def _button_clipped(button: QAbstractButton) -> str:
    text = _shown(button, button.text())
    if not text:
        return ""
    style = button.style()
    if isinstance(button, QCheckBox | QRadioButton):
        kind = isinstance(button, QCheckBox)
        indicator = style.pixelMetric(
            QStyle.PixelMetric.PM_IndicatorWidth
            if kind
            else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
            None,
            button,
        )
        spacing = style.pixelMetric(
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing
            if kind
            else QStyle.PixelMetric.PM_RadioButtonLabelSpacing,
            None,
            button,
        )
        room = button.width() - indicator - spacing
    else:
        room = button.width() - 2 * style.pixelMetric(
            QStyle.PixelMetric.PM_ButtonMargin, None, button
        )
        if not button.icon().isNull():
            room -= button.iconSize().width() + 4
    width = QFontMetrics(button.font()).horizontalAdvance(text)
    return f"text {width} px wide in {room} px" if width > room else ""


def clipped_widgets(window: MainWindow) -> list[str]:
    """Every visible label, button and tab whose text does not fit where it is shown."""
    problems: list[str] = []

    def name(widget: QWidget) -> str:
        return f"{type(widget).__name__} {widget.objectName() or '?'} {widget.text()!r}"

    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            reason = _label_clipped(widget)
        elif isinstance(widget, QPushButton | QCheckBox | QRadioButton):
            reason = _button_clipped(widget)
        else:
            continue
        if not reason and (widget.text() and _cut_off_sideways(widget)):
            reason = "cut off by the pane or scroll area it sits in"
        if reason:
            problems.append(f"{name(widget)}: {reason}")
    tab_bar = window.tabs.tabBar()
    metrics = QFontMetrics(tab_bar.font())
    for index in range(tab_bar.count()):
        rect: QRect = tab_bar.tabRect(index)
        text = _shown(tab_bar, tab_bar.tabText(index))
        if rect.left() < 0 or rect.right() >= tab_bar.width():
            problems.append(f"tab {text!r}: outside the tab bar ({rect} in {tab_bar.width()})")
        elif metrics.horizontalAdvance(text) > rect.width():
            problems.append(f"tab {text!r}: text wider than its tab")
    for scroll in window.findChildren(QScrollArea):
        if scroll.isVisible() and scroll.horizontalScrollBar().isVisible():
            problems.append(f"{scroll.widget().objectName()}: scrolls sideways")
    return problems


def _titles_cut(table: QTableView) -> list[str]:
    """Column titles wider than their column, or columns past the table's right edge."""
    header = table.horizontalHeader()
    model = table.model()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = QFontMetrics(header.font())
    problems = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        size = header.sectionSize(column)
        if metrics.horizontalAdvance(title) + margin > size + 1:
            problems.append(f"{table.objectName()}: title {title!r} wider than its {size} px")
        right = header.sectionPosition(column) + size
        if right > header.viewport().width() + 1 and not table.horizontalScrollBar().isVisible():
            problems.append(f"{table.objectName()}: column {title!r} past the right edge")
    return problems


def _every_tab_clipped(window: MainWindow, qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == LAPTOP, "the window must fit the laptop screen"
    problems = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        tab = window.tabs.tabText(index)
        problems += [f"[{tab}] {problem}" for problem in clipped_widgets(window)]
    return sorted(set(problems))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_nothing_is_clipped_on_a_laptop(make_window, qtbot, path):
    window = make_window(path)
    assert _every_tab_clipped(window, qtbot) == []


def test_nothing_is_clipped_with_translations_40_percent_longer(
    pseudo_translation, make_window, qtbot
):
    window = make_window()
    assert window.tabs.tabText(0).startswith("[Audio call")  # the translation is in use
    assert _every_tab_clipped(window, qtbot) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_nothing_is_clipped_in_korean_on_a_laptop(hangul_translation, make_window, qtbot, path):
    window = make_window(path)
    assert window.tabs.tabText(0)[0] in HangulTranslator.SYLLABLES  # the translation is in use
    assert _every_tab_clipped(window, qtbot) == []


@pytest.mark.parametrize("code", ["ko", "zh"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_nothing_is_clipped_in_the_real_korean_and_chinese_on_every_page(qtbot, path, code):
    """The shipped catalogues (not a stand-in), every tab and every page of a room, at
    1366x768: a Chinese caption cut in two by its Alt shortcut and a groups table whose
    Working column was pushed out were both found this way."""
    from estimator_gui.gui.app import build_window
    from estimator_gui.gui.language import apply_language

    window = build_window(path, language=code)
    qtbot.addWidget(window)
    try:
        window.resize(*LAPTOP)
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()  # what follows the first frame: the Alt shortcuts
        problems = []
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            pages = getattr(window.panel(PANEL_KEYS[index]), "pages", None)
            for page in range(pages.count() if pages is not None else 1):
                if pages is not None:
                    pages.setCurrentIndex(page)
                QApplication.processEvents()
                where = f"[{window.tabs.tabText(index)} {page}]"
                found = clipped_widgets(window)
                for table in window.findChildren(QTableView):
                    if table.isVisible():
                        found += _titles_cut(table)
                problems += [f"{where} {problem}" for problem in found]
        assert sorted(set(problems)) == []
    finally:
        apply_language("en")


def test_the_check_finds_a_clipped_label(make_window, qtbot):
    """The check itself: a long caption squeezed into a fixed width is reported."""
    window = make_window()
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    label = QLabel("A caption far too long to be shown in forty pixels", window.totals)
    label.setObjectName("squeezed")
    label.setGeometry(0, 0, 40, 20)
    label.show()
    assert any("squeezed" in problem for problem in clipped_widgets(window))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_panel_fits_a_laptop_without_scrolling(make_window, qtbot, path):
    """The live video panel, mix control included, used to need a scroll on 1366x768."""
    window = make_window(path)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    scrolling = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        scroll = window.tabs.currentWidget()
        assert isinstance(scroll, QScrollArea)
        if scroll.verticalScrollBar().maximum() > 0:
            scrolling.append(window.tabs.tabText(index))
    assert scrolling == []
