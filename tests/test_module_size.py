"""The window's modules stay small enough to read at once (issue 7: "no module over about 400
lines" in gui/): a module that grows past the limit is split where a part stands apart."""

from __future__ import annotations

from pathlib import Path

import estimator_gui.gui

GUI = Path(estimator_gui.gui.__file__).parent
LINES_MAX = 420  # "about 400"


def test_no_window_module_is_over_about_400_lines() -> None:
    sizes = {
        str(path.relative_to(GUI)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(GUI.rglob("*.py"))
    }
    assert len(sizes) > 40  # the package was found, with its panels
    too_long = {name: lines for name, lines in sizes.items() if lines > LINES_MAX}
    assert not too_long, f"over {LINES_MAX} lines: {too_long}"
