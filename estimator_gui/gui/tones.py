"""Coloured text and notice boxes set through the palette and painted, never by a style sheet.

A style sheet puts its widget under Qt's style-sheet style, which parses the sheet and polishes
the widget anew; with a refusal line under every input, that was a few milliseconds of the
window's first frame (README, "The desktop bundle"). A palette colour and a painted box look the
same and cost next to nothing to set up.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QWidget

ERROR = "#b00020"  # a refused input, an estimate that is not the inputs' any more
WARNING = "#b06000"  # the tables' warning hue: a group that stays another time than its room
DIALOG_ERROR = "#a4262c"  # a refused field of the quote dialog
# (background, border, text) of the boxes
NOTICE = ("#fff4ce", "#e0b400", "#4d3b00")  # the 3,000 USD contract hint
ALERT = ("#fde7e9", "#c50f1f", "#5c0a12")  # a file that was not opened


def tint(label: QLabel, colour: str | None) -> None:
    """Draw ``label``'s text in ``colour``; None: the palette's colour for placeholder text (an
    explanation that should not compete with the inputs)."""
    palette = label.palette()
    shade = (
        QColor(colour) if colour is not None else palette.color(QPalette.ColorRole.PlaceholderText)
    )
    palette.setColor(QPalette.ColorRole.WindowText, shade)
    label.setPalette(palette)


class Callout(QLabel):
    """A word-wrapped notice in a box with rounded corners, in one of the tones above."""

    BORDER, PADDING, RADIUS = 1, 6, 4.0

    def __init__(self, tone: tuple[str, str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        background, border, text = tone
        self._background, self._border = QColor(background), QColor(border)
        tint(self, text)
        self.setWordWrap(True)
        # The text keeps off the border by the padding, as a box's padding does.
        self.setContentsMargins(self.BORDER, self.BORDER, self.BORDER, self.BORDER)
        self.setMargin(self.PADDING)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._border, self.BORDER))
        painter.setBrush(self._background)
        half = self.BORDER / 2
        box = QRectF(self.rect()).adjusted(half, half, -half, -half)
        painter.drawRoundedRect(box, self.RADIUS, self.RADIUS)
        painter.end()
        super().paintEvent(event)
