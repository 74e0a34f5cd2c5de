"""What the first frame does not need runs after it: FirstFrame on shown and hidden windows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from estimator_gui.gui.app import build_window


class _Order(QObject):
    """Records, in order, the first paint of any widget and the calls made after the frame."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "paint" not in self.events:
            self.events.append("paint")
        return False


def test_a_shown_window_paints_before_its_keyboard_set_up_and_autosave(qtbot) -> None:
    window = build_window(None)
    qtbot.addWidget(window)
    order = _Order()
    QApplication.instance().installEventFilter(order)
    panel_keyboard = window.refresh_keyboard
    window.refresh_keyboard = lambda panel: (order.events.append("keyboard"), panel_keyboard(panel))
    window.first_frame.then(lambda: order.events.append("autosave"))
    try:
        window.show()
        qtbot.waitUntil(lambda: window.first_frame.done)
    finally:
        QApplication.instance().removeEventFilter(order)
    assert order.events == ["paint", "keyboard", "autosave"]
    # and the set-up happened: Tab goes from the title to the tabs (before it, to a label)
    assert window.title_edit.nextInFocusChain() is window.tabs.tabBar()


def test_a_window_never_shown_still_sets_up_on_the_next_turn_of_the_loop(qtbot) -> None:
    window = build_window(None)
    qtbot.addWidget(window)
    ran: list[str] = []
    window.first_frame.then(lambda: ran.append("after"))
    assert ran == [] and not window.first_frame.done
    QApplication.processEvents()
    assert ran == ["after"] and window.first_frame.done
    window.first_frame.then(lambda: ran.append("later"))  # once done, at once
    assert ran == ["after", "later"]
