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

    class _FirstPaint(QObject):
        def __init__(self, app: QApplication) -> None:
            super().__init__(app)
            self._seen = False

        def eventFilter(self, watched, event):
            # the first paint of any widget starts the first frame of the (only) window
            if not self._seen and event.type() == QEvent.Type.Paint:
                self._seen = True
                # a zero timer fires once this paint pass (the whole tree and the flush) is done
                QTimer.singleShot(0, self._report)
            return False

        def _report(self) -> None:
            print(f"first-paint {time.monotonic():.6f}", flush=True)
            if os.environ.get("TRTC_FIRST_PAINT_EXIT") == "1":
                QApplication.instance().quit()

    def exec_with_probe(*_args):
        # QApplication.exec() is static in Qt: called on the class or on the instance
        app = QApplication.instance()
        if app is not None and not hasattr(app, "_trtc_first_paint"):
            app._trtc_first_paint = _FirstPaint(app)
            app.installEventFilter(app._trtc_first_paint)
        return original_exec()

    QApplication.exec = exec_with_probe
    QApplication.exec_ = exec_with_probe


if os.environ.get("TRTC_FIRST_PAINT_PROBE") == "1":
    import time as _time

    # the bootloader and the interpreter are up; everything after this is the app's own start-up
    print(f"python-start {_time.monotonic():.6f}", flush=True)
    _install_probe()
