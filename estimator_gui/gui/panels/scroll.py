"""The scroll area each tab holds its panel in."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PanelScrollArea(QScrollArea):
    """Scrolls a panel up and down, never sideways: it asks its pane for the panel's full width.

    A plain QScrollArea asks for almost nothing, so a splitter squeezes it and long captions
    (or long translations) end up behind a horizontal scroll bar.
    """

    def __init__(self, panel: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if panel is not None:
            self.setWidget(panel)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        panel = self.widget()
        if panel is None:
            return hint
        width = panel.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), hint.height())
