"""Every tab of the window at a laptop's 1366x768 and at 1920x1080, saved as pictures and
checked: painted, nothing clipped. TRTC_SCREENSHOTS=DIR keeps them for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from test_layout import clipped_widgets
from tests_gui_paths import LIVE_SHOPPING

from estimator_gui.gui.panel_tabs import PANEL_KEYS

SIZES = ((1366, 768), (1920, 1080))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_tab_at_laptop_and_desktop_size(make_window, qtbot, tmp_path, size):
    folder = Path(os.environ.get("TRTC_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    window = make_window(LIVE_SHOPPING)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    problems = []
    for key in PANEL_KEYS:
        panel = window.show_panel(key)
        pages = getattr(panel, "pages", None)
        for page in range(pages.count() if pages is not None else 1):
            if pages is not None:
                pages.setCurrentIndex(page)
            QApplication.processEvents()
            path = folder / f"{size[0]}x{size[1]}-{key}-{page}.png"
            assert window.grab().save(str(path))
            image = QImage(str(path))
            assert (image.width(), image.height()) == (window.width(), window.height())
            assert window.height() <= size[1]  # the window fits the screen it was made for
            problems += [f"{path.name}: {p}" for p in clipped_widgets(window)]
    assert problems == []
