"""A value typed past an input's limit, or below zero, is refused whole with its reason.

QSpinBox drops a keystroke that would leave its range: 2000 typed into a box that ended at 1,440
minutes came out as 200 minutes, 45 days as 4, -3 as 3, each valid and silently wrong. The boxes
now take what is typed; the session refuses it, the box keeps the typed value with the reason
under it, and the estimate on screen stays the last valid one. Typed through the real widgets.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from tests_gui_paths import TUTORING

from estimator_gui import i18n
from estimator_gui.gui.app import build_window
from estimator_gui.gui.language import apply_language


def _type(qtbot, spin, text: str) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("row", "typed", "shown", "reason"),
    [
        ("minutes", "2000", "2,000", "A session lasts at most a day (1,440 minutes)."),
        ("minutes", "-3", "-3", "Must not be negative."),
        ("days", "45", "45", "At most 31."),
        ("days", "0", "0", "At least 1."),
        ("rooms_per_day", "-1", "-1", "Must not be negative."),
    ],
)
def test_a_value_past_a_limit_is_refused_whole(window, qtbot, row, typed, shown, reason):
    panel = window.panel("video_call")
    before = window.current_breakdown()
    spin = getattr(panel, row).spin
    _type(qtbot, spin, typed)
    message = panel.messages[row]
    assert spin.text() == shown  # what was typed, not a shorter number that happens to be valid
    assert not message.isHidden()
    assert message.text() == f"\u26a0 {reason}"
    assert window.current_breakdown() is before
    assert not window.totals.stale.isHidden()
    # a valid value typed after it is taken, and the reason goes
    _type(qtbot, spin, "30")
    assert message.isHidden()
    assert window.totals.stale.isHidden()
    assert window.current_breakdown() is not before


def test_the_reason_is_in_the_window_language(qtbot):
    apply_language("ko")
    try:
        window = build_window(TUTORING)
        qtbot.addWidget(window)
        panel = window.panel("video_call")
        _type(qtbot, panel.minutes.spin, "2000")
        assert panel.messages["minutes"].text() == "\u26a0 세션은 최대 하루(1,440분)입니다."
        _type(qtbot, panel.days.spin, "45")
        assert panel.messages["days"].text() == "\u26a0 최대 31까지 입력할 수 있습니다."
    finally:
        apply_language(i18n.SOURCE_LANGUAGE)


def test_after_a_refusal_the_window_and_the_command_line_agree(window, qtbot, tmp_path):
    """Typed: 2000 minutes (refused), then 120; saved; the command line prices the same total."""
    panel = window.panel("video_call")
    _type(qtbot, panel.minutes.spin, "2000")
    _type(qtbot, panel.minutes.spin, "120")
    assert panel.messages["minutes"].isHidden()
    path = tmp_path / "typed.json"
    assert window.save_file(path)
    result = subprocess.run(
        [sys.executable, "-m", "estimator_gui", "quote", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert Decimal(str(json.loads(result.stdout)["total"])) == window.current_breakdown().total
