"""The window's Edit menu: undo and redo of the estimate, where the price jumps, copy the quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from estimator_gui.i18n import _

if TYPE_CHECKING:
    from estimator_gui.gui.main_window import MainWindow


def build_edit_menu(window: MainWindow, menu: QMenu) -> tuple[QAction, QAction]:
    """Fill ``menu``; the undo and the redo action (named after the step they take back or do
    again, by the session's undo stack)."""
    stack = window.session.undo_stack
    undo = stack.createUndoAction(window, _("&Undo"))
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, _("&Redo"))
    redo.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z too
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    jumps = menu.addAction(_("Where the price &jumps\u2026"))
    jumps.setObjectName("jump_view_action")
    jumps.setShortcut(QKeySequence("Ctrl+J"))

    def open_jump_view() -> None:
        from estimator_gui.gui.jump_view import show_jump_view  # when first asked for

        show_jump_view(window)

    jumps.triggered.connect(open_jump_view)
    window.files.quotes.build_edit_items(menu)  # Copy quote (Ctrl+Shift+C)
    return undo, redo
