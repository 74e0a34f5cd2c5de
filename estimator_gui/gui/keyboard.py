"""Keyboard access: Alt shortcuts for every caption and button, and a Tab order that follows
what the eye reads, top to bottom."""

from __future__ import annotations

import itertools
import string
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

Captioned = QLabel | QAbstractButton | QGroupBox
_LETTERS = string.ascii_lowercase + string.digits


def mnemonic(text: str) -> str:
    """The letter after a single ``&`` in ``text`` (lower case), or "" when it has none."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return ""


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an Alt shortcut no other caption in ``taken`` uses, which it then takes.

    A text that has one keeps it (a translation may choose its own). Otherwise the first free
    letter of a word start, then of any letter; a caption with no Latin letter at all (Hangul,
    Han) gets one appended in brackets, as Korean and Chinese software writes it: "견적 (&E)".
    """
    own = mnemonic(text)
    if own:
        taken.add(own)
        return text
    starts = [
        i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())
    ]
    for position in (*starts, *range(len(text))):
        letter = text[position].lower()
        if letter in _LETTERS and letter not in taken and text[position].isascii():
            taken.add(letter)
            return f"{text[:position]}&{text[position:]}"
    if any(c.isascii() and c.isalpha() for c in text):
        return text  # its letters are all taken: Tab still reaches it
    for letter in _LETTERS:
        if letter not in taken:
            taken.add(letter)
            return f"{text} (&{letter.upper()})"
    return text


def give_mnemonics(widgets: Iterable[Captioned], taken: set[str]) -> None:
    """Every caption and button in ``widgets`` gets a shortcut unique among them and ``taken``."""
    for widget in widgets:
        if isinstance(widget, QGroupBox):
            continue  # a frame's title is read, not pressed
        text = widget.text()
        if text and not text.startswith("\u26a0"):
            new = with_mnemonic(text, taken)
            if new != text:
                widget.setText(new)


def captions_in(root: QWidget) -> list[Captioned]:
    """The captions of inputs under ``root``: labels with a buddy, which Alt+letter focuses.

    Buttons are left out: a panel has more of them than letters, they are a Tab away from the
    input they act on, and a shortcut that clicks needs no second way in.
    """
    return [widget for widget in root.findChildren(QLabel) if widget.buddy() is not None]


def give_panel_mnemonics(panel: QWidget, taken: set[str]) -> None:
    """Alt shortcuts for a panel: those outside its pages first, then each page on its own (two
    pages are never shown at once, so they may use the same letters)."""
    pages = [
        tabs.widget(index)
        for tabs in panel.findChildren(QTabWidget)
        for index in range(tabs.count())
    ]
    outside = [c for c in captions_in(panel) if not any(p.isAncestorOf(c) for p in pages)]
    give_mnemonics(outside, taken)
    for page in pages:
        give_mnemonics(captions_in(page), set(taken))


def chain(widgets: Sequence[QWidget]) -> None:
    """Tab visits ``widgets`` in this order (Qt skips the hidden and disabled ones)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab stops at, in the order they were built (top to
    bottom, left to right in our layouts); a tab widget's bar before its pages."""
    window = root.window()
    stops = [
        widget
        for widget in root.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and widget.window() is window  # not a combo box's popup list
    ]
    for tabs in root.findChildren(QTabWidget):  # Qt builds the bar after the pages' frame
        bar = tabs.tabBar()
        if bar in stops:
            stops.remove(bar)
            first = next((i for i, w in enumerate(stops) if tabs.isAncestorOf(w)), len(stops))
            stops.insert(first, bar)
    return stops


class WindowUndo(QObject):
    """Lets Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) reach the window's Undo and Redo from an input
    whose text is what the estimate holds.

    A spin box or line edit claims those keys for its own text editing even when it has nothing
    left to undo, so right after typing 60 and Enter, Ctrl+Z did nothing. While the text still
    differs from the committed value the input keeps the keys (undoing the typing).
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)

    def watch_all(self, root: QWidget) -> None:
        """Watch every spin box, editable combo box and line edit under ``root``."""
        for widget in root.findChildren(QWidget):
            if (
                isinstance(widget, QAbstractSpinBox)
                or (isinstance(widget, QComboBox) and widget.isEditable())
                or (
                    isinstance(widget, QLineEdit)
                    and not isinstance(widget.parent(), QAbstractSpinBox | QComboBox)
                )
            ):
                self.watch(widget)

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        line = widget.lineEdit() if isinstance(widget, QAbstractSpinBox | QComboBox) else None
        if line is not None:
            line.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            return False
        if _committed(watched):
            event.ignore()  # not the input's: the window's shortcut runs
            return True
        return False


def _committed(widget: QObject) -> bool:
    """The input shows what it last committed: there is no typing of its own to undo."""
    owner = widget.parent() if isinstance(widget, QLineEdit) else widget
    if isinstance(owner, QAbstractSpinBox):
        spin = owner
        if isinstance(spin, QSpinBox | QDoubleSpinBox):
            return spin.text() == spin.textFromValue(spin.value())
        return True
    if isinstance(owner, QComboBox) and owner.isEditable():
        return not owner.lineEdit().isModified() or owner.currentText() == owner.itemText(
            owner.currentIndex()
        )
    if isinstance(widget, QLineEdit):
        return not widget.isModified()
    return False
