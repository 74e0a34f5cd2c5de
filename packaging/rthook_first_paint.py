"""Runtime hook in every bundle build.spec makes: an opt-in first-paint probe for benchmarks.

With TRTC_FIRST_PAINT_PROBE=1 in the environment, the frozen app prints
``python-start <CLOCK_MONOTONIC seconds>`` when this hook runs (bootloader and interpreter up) and
``first-paint <CLOCK_MONOTONIC seconds>`` on standard output once its first window has painted
and, with TRTC_FIRST_PAINT_EXIT=1, quits right after. Without the variable nothing is imported
and nothing changes, so the app's own code needs no benchmark hook.
"""

import os


def _install_probe() -> None:
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    original_exec = QApplication.exec
    # The events with which a top-level window paints its first frame: the platform's expose
    # (Qt paints and flushes the whole widget tree while handling it) or a paint/update request.
    frame_events = (QEvent.Type.Expose, QEvent.Type.Paint, QEvent.Type.UpdateRequest)

    class _FirstFrame(QObject):
        """Watches only the shown top-level windows (QWindow), not every object of the app.

        An application-wide Python event filter would make PySide wrap every receiver of every
        event until the first frame, creating Python types and enums for classes the app never
        touches: tens of milliseconds that no user's start-up has, and more of them the more
        widget classes a window holds.
        """

        def __init__(self, app: QApplication) -> None:
            super().__init__(app)
            self._seen = False

        def watch(self, app: QApplication) -> None:
            windows = [w.windowHandle() for w in app.topLevelWidgets() if w.isVisible()]
            windows = [w for w in windows if w is not None]
            if not windows or any(w.isExposed() for w in windows):
                # nothing shown yet, or a platform that exposed (and so painted) inside show()
                self._frame()
                return
            for window in windows:
                window.installEventFilter(self)

        def eventFilter(self, watched, event):
            if not self._seen and event.type() in frame_events:
                self._frame()
            return False

        def _frame(self) -> None:
            self._seen = True
            # a zero timer fires once this paint pass (the whole tree and the flush) is done
            QTimer.singleShot(0, self._report)

        def _report(self) -> None:
            print(f"first-paint {time.monotonic():.6f}", flush=True)
            if os.environ.get("TRTC_FIRST_PAINT_EXIT") == "1":
                QApplication.instance().quit()

    def exec_with_probe(*_args):
        # QApplication.exec() is static in Qt: called on the class or on the instance
        app = QApplication.instance()
        if app is not None and not hasattr(app, "_trtc_first_paint"):
            app._trtc_first_paint = _FirstFrame(app)
            app._trtc_first_paint.watch(app)
        return original_exec()

    QApplication.exec = exec_with_probe
    QApplication.exec_ = exec_with_probe


if os.environ.get("TRTC_FIRST_PAINT_PROBE") == "1":
    import time as _time

    # the bootloader and the interpreter are up; everything after this is the app's own start-up
    print(f"python-start {_time.monotonic():.6f}", flush=True)
    _install_probe()
