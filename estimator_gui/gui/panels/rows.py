"""The rows every panel builds its inputs from: a caption, the input, and under it the place its
refusals are shown; sliders with spin boxes, the usage rows (how many a day, days, minutes) and
the stream rows (how many at once, of what resolution)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from estimator_gui.gui.inputs import MessageLabel, ResolutionComboBox, SliderSpinBox
from estimator_gui.gui.panels.help import help_text
from estimator_gui.i18n import _
from estimator_gui.pricing import limits
from estimator_gui.pricing.scenario import Resolution

if TYPE_CHECKING:
    from estimator_gui.gui.session import EstimateSession

SLIDER_MINUTES = 240  # most sessions; longer ones up to a day are typed
# Spin boxes take more than a limit allows, so that a value past it is typed and then refused with
# its reason, instead of being silently clamped to the limit.
TYPED_STREAMS_MAX = 999


class PanelRows:
    """Builds a panel's rows into a grid; ItemPanel (panels/base.py) mixes it in and keeps what
    the rows need: its key, its editor, the messages, captions and sliders by input key."""

    _key: str
    editor: QWidget
    session: EstimateSession
    messages: dict[str, MessageLabel]
    captions: dict[str, str]
    caption_labels: dict[str, QLabel]
    _caption_grids: list[QGridLayout]
    _sliders: list[SliderSpinBox]

    if TYPE_CHECKING:  # ItemPanel's

        def on_value_edited(self, key: str, value: int, merge: Hashable | None) -> None: ...
        def on_resolution_edited(self, resolution: Resolution) -> None: ...
        def input_key(self, key: str) -> str: ...

    def grid_row(self, grid: QGridLayout, key: str, caption: str, widget: QWidget) -> QLabel:
        """Caption, input and, under the input, the place its refusals are shown."""
        row = grid.rowCount()
        label = QLabel(caption, widget.parentWidget())
        label.setObjectName(f"{self._key}.{key}.caption")
        label.setWordWrap(True)
        label.setBuddy(widget.spin if isinstance(widget, SliderSpinBox) else widget)
        message = MessageLabel(f"{self._key}.{key}.message", widget.parentWidget())
        self.describe(widget, key, caption)
        grid.addWidget(label, row, 0)
        grid.addWidget(widget, row, 1)
        grid.addWidget(message, row + 1, 1)
        self.messages[key] = message
        self.captions[key] = caption
        self.caption_labels[key] = label
        return label

    def describe(self, widget: QWidget, key: str, name: str) -> None:
        """Give an input its tooltip (what it means for the bill) and its accessible name."""
        name = name.replace("&&", "\0").replace("&", "").replace("\0", "&")
        tip = help_text(self._key, key)
        parts = (widget.slider, widget.spin) if isinstance(widget, SliderSpinBox) else ()
        for part in (widget, *parts):
            part.setAccessibleName(name)
            if tip and not part.toolTip():
                part.setToolTip(tip)

    def slider(
        self, grid: QGridLayout, key: str, caption: str, limits_: tuple[int, int, int]
    ) -> SliderSpinBox:
        """A slider and spin box from ``limits_`` (minimum, slider end, typed maximum), in a row."""
        minimum, slider_max, spin_max = limits_
        widget = SliderSpinBox(f"{self._key}.{key}", minimum, slider_max, spin_max, self.editor)
        widget.value_edited.connect(
            lambda value, k=key, w=widget: self.on_value_edited(k, value, w.merge_token())
        )
        self._sliders.append(widget)
        self.grid_row(grid, key, caption, widget)
        return widget

    def usage_rows(
        self, grid: QGridLayout, per_day: str, per_day_caption: str, minutes_caption: str
    ) -> None:
        """How many a day (``per_day`` is the item's field), days in the month, minutes each."""
        per_day_max = (
            limits.ROOMS_PER_DAY_MAX if per_day == "rooms_per_day" else (limits.TASKS_PER_DAY_MAX)
        )
        self.per_day = self.slider(grid, per_day, per_day_caption, (0, 1000, per_day_max))
        self.days = self.slider(
            grid,
            "days",
            _("Days in the month"),
            (limits.DAYS_MIN, limits.DAYS_MAX, limits.DAYS_MAX),
        )
        self.minutes = self.slider(
            grid, "minutes", minutes_caption, (0, SLIDER_MINUTES, limits.SESSION_MINUTES_MAX)
        )
        self._per_day_field = per_day

    def stream_rows(
        self, grid: QGridLayout, streams_caption: str, resolution_caption: str, slider_max: int
    ) -> None:
        """How many streams at once and the resolution of each, with the tier working under."""
        self.streams = self.slider(
            grid, "streams", streams_caption, (0, slider_max, TYPED_STREAMS_MAX)
        )
        self.resolution = ResolutionComboBox(f"{self._key}.resolution", self.editor)
        self.grid_row(grid, "resolution", resolution_caption, self.resolution)
        self.resolution.resolution_edited.connect(self.on_resolution_edited)
        self.resolution.resolution_refused.connect(
            lambda error: self.session.refuse(self.input_key("resolution"), error)
        )

    def fit_captions(self, grid: QGridLayout, widest: int = 230) -> None:
        """The caption column as wide as its longest caption, up to ``widest`` px (then it wraps):
        a wrapped label asks for little, and captions broke over two lines with room to spare."""
        if grid not in self._caption_grids:
            self._caption_grids.append(grid)
        needed = 0
        for row in range(grid.rowCount()):
            item = grid.itemAtPosition(row, 0)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.text():
                needed = max(needed, label.fontMetrics().horizontalAdvance(label.text()) + 2)
        grid.setColumnMinimumWidth(0, min(needed, widest))

    def refit_captions(self) -> None:
        """Fit the caption columns again: the Alt shortcuts, given after the panel is built, make
        a Korean or Chinese caption longer ("(&K)" after it), which then wrapped and was cut."""
        for grid in self._caption_grids:
            self.fit_captions(grid)

    def align_spin_boxes(self) -> None:
        """One width for every spin box of the panel, so that their sliders end in one column."""
        # a box is as wide as its longest value asks (sizeHint) or as set, whichever is more
        width = max(
            (max(s.spin.minimumWidth(), s.spin.sizeHint().width()) for s in self._sliders),
            default=0,
        )
        for widget in self._sliders:
            widget.spin.setMinimumWidth(width)
