"""Guards the PySide6 pin in pyproject.toml against a known interpreter abort."""

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(bool)


def test_twenty_thousand_emits_do_not_abort_the_interpreter(qtbot):
    """PySide6 6.12.0 on Python 3.11 loses a reference to True on every Signal.emit() and aborts
    ("Fatal Python error: bool_dealloc") after a few hundred to a few thousand emits; 6.11.3 does
    not. If a bump brings it back, this test kills the run instead of passing."""
    emitter = _Emitter()
    received = []
    emitter.changed.connect(received.append)
    for index in range(20_000):
        emitter.changed.emit(index % 2 == 0)
    assert len(received) == 20_000
    assert received[:2] == [True, False]
