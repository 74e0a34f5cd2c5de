"""Every user-visible string of the window goes through the catalogue (``_()``), where Babel's
extractor finds it.

Three checks, each catching what the others cannot:
- the source: no string literal with words reaches a text setter or a widget's caption untranslated;
- the catalogue's template holds every text the running window asks to translate, so no wrapper
  or variable hides a string from the translators;
- the running window under a pseudo-translation: every caption, item, tooltip and title it shows
  comes out of the catalogue (bracketed), so a text built at run time cannot slip through.
"""

from __future__ import annotations

import ast
import gettext
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)
from tests_gui_paths import TEAM_MEETINGS

import estimator_gui.gui
from estimator_gui import i18n

GUI = Path(estimator_gui.gui.__file__).parent
MODULES = sorted(p for p in GUI.rglob("*.py") if p.name != "selftest.py")
POT = GUI.parents[1] / "resources" / "locale" / f"{i18n.DOMAIN}.pot"

# Setters and constructors whose argument (by position) is shown to the user.
SETTERS = {
    "setText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setWindowTitle": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setTitleText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "setLabelFormat": (0,),
    "set_unset_text": (0,),
    "showMessage": (0,),
    "show_message": (0,),
    "show_banner": (0,),
    "addItem": (0,),
    "addItems": (0,),
    "insertItem": (1,),
    "setItemText": (1,),
    "addTab": (1,),
    "insertTab": (2,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "addMenu": (0,),
    "addAction": (0,),
    "setHorizontalHeaderLabels": (0,),
    "setEditText": (0,),
    "warning": (1, 2),
    "question": (1, 2),
    "information": (1, 2),
    "critical": (1, 2),
    "getOpenFileName": (1, 3),
    "getSaveFileName": (1, 3),
}
CONSTRUCTORS = {
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0,),
    "QMenu": (0,),
    "QBarSet": (0,),
    "QToolButton": (),
}
TRANSLATORS = {"_", "N_", "ngettext"}
# A word is any token with a letter ("720p", "4K", "USD"), except a size such as 1280x720.
WORD = re.compile(r"(?!\d+x\d+\b)\b\w*[^\W\d_]\w*")
PRINTF = re.compile(r"%[-+ #0]*\d*(?:\.\d+)?[dioxXeEfFgGc]")  # "%.0f" holds no words


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _untranslated_words(node: ast.AST) -> Iterator[ast.Constant]:
    """String constants with words in ``node`` that are not inside a tr()/translate() call."""
    if isinstance(node, ast.Call) and _name(node.func) in TRANSLATORS:
        return
    if isinstance(node, ast.Call) and _name(node.func) == "format":
        # {name} placeholders are filled from translated text or numbers: check the receiver,
        # and each value given.
        yield from _untranslated_words(node.func)
        for arg in (*node.args, *(keyword.value for keyword in node.keywords)):
            yield from _untranslated_words(arg)
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if WORD.search(PRINTF.sub("", node.value)):
            yield node
        return
    if isinstance(node, ast.JoinedStr):
        # An f-string read as one text, each {value} a number: f"%.{places}f" is a format.
        text = "".join(v.value if isinstance(v, ast.Constant) else "0" for v in node.values)
        if WORD.search(PRINTF.sub("", text)):
            yield ast.Constant(text, lineno=node.lineno)
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                yield from _untranslated_words(value.value)
        return
    for child in ast.iter_child_nodes(node):
        yield from _untranslated_words(child)


def untranslated_literals(source: str, filename: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        positions = SETTERS.get(name) if isinstance(node.func, ast.Attribute) else None
        if positions is None:
            positions = CONSTRUCTORS.get(name, ())
        for position in positions:
            if position < len(node.args):
                for literal in _untranslated_words(node.args[position]):
                    problems.append(f"{filename}:{literal.lineno}: {name}({literal.value!r})")
    return problems


def test_the_source_check_finds_an_untranslated_caption():
    source = (
        "label.setText('Rooms per day')\n"
        "label.setText(_('Rooms per day'))\n"
        "combo.addItem(f'{size} (720p)', size)\n"
        "combo.addItem(_('{size} ({name})').format(size=size, name=n), 'user data')\n"
        "box = QGroupBox('Relay', self)\n"
        "self.statusBar().showMessage(_('Saved {path}').format(path=path), 5000)\n"
        "QFileDialog.getOpenFileName(self, _('Open'), start, 'JSON (*.json)')\n"
        "button.setText('\\u2715')\n"
    )
    assert untranslated_literals(source, "x.py") == [
        "x.py:1: setText('Rooms per day')",
        "x.py:3: addItem('0 (720p)')",
        "x.py:5: QGroupBox('Relay')",
        "x.py:7: getOpenFileName('JSON (*.json)')",
    ]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_untranslated_literal_reaches_the_screen(path):
    assert untranslated_literals(path.read_text(encoding="utf-8"), path.name) == []


# ---------------------------------------------------------------------- the running window


class RecordingTranslations(gettext.NullTranslations):
    """Records every text the window asks the catalogue for, and brackets it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def gettext(self, message: str) -> str:
        if not message:
            return ""
        self.asked.add(message)
        return f"[{message}]"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self.asked.add(singular)
        return f"[{singular if n == 1 else plural}]"


@pytest.fixture
def recording_translator(monkeypatch: pytest.MonkeyPatch) -> RecordingTranslations:
    translations = RecordingTranslations()
    monkeypatch.setattr(i18n, "_translations", translations)
    return translations


def _every_text(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what the window shows: captions, items, tooltips, titles, headers."""
    yield "window title", window.windowTitle().replace("[*]", "")
    for action in window.menuBar().actions():
        yield "menu", action.text()
        menu = action.menu()
        for item in menu.actions() if menu is not None else ():
            yield "menu item", item.text()
    tabs = window.tabs
    for index in range(tabs.count()):
        yield "tab", tabs.tabText(index)
    for widget in window.findChildren(QWidget):
        where = f"{type(widget).__name__} {widget.objectName()}"
        if widget.toolTip():
            yield f"{where} tooltip", widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit):
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, QAbstractSpinBox):
            yield f"{where} special value", widget.specialValueText()
            yield f"{where} suffix", getattr(widget, "suffix", lambda: "")()
        if isinstance(widget, QComboBox) and not widget.objectName().endswith(".selector"):
            for index in range(widget.count()):  # a selector lists the user's own room names
                yield f"{where} item", widget.itemText(index)
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield (
                    f"{where} header",
                    str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
                )
        if isinstance(widget, QChartView):
            chart = widget.chart()
            yield "chart title", chart.title()
            for axis in chart.axes():
                yield "chart axis", axis.titleText()
            for marker in chart.legend().markers():
                yield "chart legend", marker.label()


def _outside_brackets(text: str, data: tuple[str, ...]) -> list[str]:
    """Words of ``text`` that no translation produced (outside every [...]), data excepted."""
    for value in data:
        text = text.replace(value, "")
    depth, outside = 0, []
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            outside.append(char)
    return WORD.findall("".join(outside))


def test_the_running_window_shows_only_translated_text(recording_translator, make_window):
    """Under a pseudo-translation every word on screen is bracketed: it came through tr()."""
    window = make_window(TEAM_MEETINGS)
    scenario = window.session.scenario
    # The sales person's own words and the rate card's are data, shown as typed.
    data = (
        scenario.title,
        *(room.label for room in scenario.rooms),
        *(group.label for room in scenario.rooms for group in room.groups if group.label),
        *(task.label for task in (*scenario.recording, *scenario.transcoding)),
        window.session.rate_card.currency,
        window.session.rate_card.title,
        window.path.name if window.path else "",
        *i18n.LANGUAGES.values(),  # the Language menu names each language in its own words
    )
    data = tuple(sorted((d for d in data if d), key=len, reverse=True))
    problems = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        for where, text in _every_text(window):
            words = _outside_brackets(text, data)
            if words:
                problems.append(f"{where}: {text!r} ({', '.join(words)})")
    assert sorted(set(problems)) == []


def test_the_template_holds_every_text_the_window_asks_for(recording_translator, make_window):
    """A text translated through a variable or a wrapper reaches no catalogue: find those."""
    window = make_window(TEAM_MEETINGS)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    window.panel("live_video").table.selectRow(1)
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None:
            menu.aboutToShow.emit()  # menus filled when first opened
    with POT.open("rb") as stream:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(stream) if m.id}
    missing = sorted(recording_translator.asked - template)
    assert missing == [], "run `make messages`: " + repr(missing[:20])
