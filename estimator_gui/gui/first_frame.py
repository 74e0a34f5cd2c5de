"""Work that waits until a window's first frame is on screen: start-up paints first, then sets up.

The keyboard set-up of the first panel and the autosave's start are not needed to see the
estimate, and a person cannot press a key in the milliseconds after the window appears. They run
after everything already queued (the first expose and paint included), as a low-priority event.
A window that is never shown (tests, the self-test, a screenshot) runs them on the next turn of
the event loop, as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

_RUN = QEvent.Type(QEvent.registerEventType())
# The events with which a top-level window paints its first frame.
_FRAME_EVENTS = (QEvent.Type.Expose, QEvent.Type.Paint, QEvent.Type.UpdateRequest)


class FirstFrame(QObject):
    """``then(callback)`` runs ``callback`` once ``window`` has painted its first frame."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._done = False
        self._watching = False
        self._waiting: list[Callable[[], None]] = []

    @property
    def done(self) -> bool:
        return self._done

    def then(self, callback: Callable[[], None]) -> None:
        if self._done:
            callback()
            return
        self._waiting.append(callback)
        if len(self._waiting) == 1 and not self._watching:
            self._post()  # a hidden window: the next turn of the loop decides

    def window_shown(self) -> None:
        """Called from the window's first show event: wait for its frame, not for the loop."""
        handle = self._window.windowHandle()
        if self._done or self._watching or handle is None:
            return
        self._watching = True
        handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._watching and event.type() in _FRAME_EVENTS:
            self._watching = False
            watched.removeEventFilter(self)
            self._post()  # low priority: after this paint pass and all that it queued
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() != _RUN:
            return super().event(event)
        if self._watching:
            return True  # shown since: the frame's own event posts again
        self._done = True
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
        return True

    def _post(self) -> None:
        QCoreApplication.postEvent(self, QEvent(_RUN), Qt.EventPriority.LowEventPriority.value)
