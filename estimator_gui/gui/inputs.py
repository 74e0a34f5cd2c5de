"""Input widgets: a slider paired with a spin box, a resolution picker, a message under an input."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTableView,
    QWidget,
)

from estimator_gui.gui.locale_format import parse_decimal
from estimator_gui.gui.tones import ERROR, tint
from estimator_gui.i18n import N_, _
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import Resolution

SPIN_MAX = 2_147_483_647  # QSpinBox holds a C int


class SliderSpinBox(QWidget):
    """A slider for the everyday range and a spin box that types any value, kept in step.

    The slider covers what a sales person drags through; the spin box accepts more, so a value
    beyond a service limit can be typed and then refused with its reason next to it.
    """

    value_edited = Signal(int)  # by the user, through either widget; never by set_value

    def __init__(
        self,
        name: str,
        minimum: int,
        slider_maximum: int,
        spin_maximum: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        # Opaque: a drag repaints this row only, not the group box and panel behind it.
        self.setAutoFillBackground(True)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName(f"{name}.slider")
        self.slider.setRange(minimum, slider_maximum)
        self.slider.setPageStep(max(1, (slider_maximum - minimum) // 20))
        self.slider.setMinimumWidth(120)
        self.spin = QSpinBox(self)
        self.spin.setObjectName(f"{name}.spin")
        # The spin box takes one digit more than the typed maximum and a sign: QSpinBox drops a
        # keystroke that would leave its range, so 2000 typed into a box that ends at 1440 came
        # out as 200, and -3 as 3, both valid and silently wrong. Whatever is typed past a limit
        # now reaches the session, which refuses it with its reason and keeps the estimate.
        self._minimum = minimum
        typed = min(spin_maximum * 10 + 9, SPIN_MAX)
        self.spin.setRange(-typed if minimum >= 0 else minimum, typed)
        self.spin.setGroupSeparatorShown(True)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spin.setMinimumWidth(self.spin.fontMetrics().horizontalAdvance("0,000,000,0") + 24)
        self.spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # A typed value is one edit when it is finished (Enter, focus out) and each arrow step is
        # one: typing 400 must not store 4 and 40 on the way.
        self.spin.setKeyboardTracking(False)
        self._drag = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.slider.sliderPressed.connect(self._on_slider_pressed)
        self.spin.valueChanged.connect(self._on_spin_changed)

    def value(self) -> int:
        return self.spin.value()

    def merge_token(self) -> int | None:
        """The same number for every step of one drag of the slider (one undo entry); None for
        an edit that stands alone (a typed value, an arrow step, a click on the groove)."""
        return self._drag if self.slider.isSliderDown() else None

    def _on_slider_pressed(self) -> None:
        self._drag += 1

    def set_unset_text(self, text: str) -> None:
        """Show ``text`` instead of the minimum, for an optional input that is not stated."""
        self.spin.setMinimum(self._minimum)  # the minimum is "not stated": nothing types below it
        self.spin.setSpecialValueText(text)
        metrics = self.spin.fontMetrics()
        width = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance("0,000,000,0"))
        self.spin.setMinimumWidth(width + 24)

    def set_value(self, value: int) -> None:
        """Show ``value`` without announcing it as an edit."""
        if value == self.spin.value() and min(value, self.slider.maximum()) == self.slider.value():
            return
        with QSignalBlocker(self.slider), QSignalBlocker(self.spin):
            self.spin.setValue(value)
            self.slider.setValue(min(value, self.slider.maximum()))

    def _on_slider_moved(self, value: int) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(value)
        self.value_edited.emit(value)

    def _on_spin_changed(self, value: int) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(min(value, self.slider.maximum()))
        self.value_edited.emit(value)


class DecimalSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox whose value is read back as the exact decimal its locale text shows."""

    def decimal_value(self) -> Decimal:
        try:
            return parse_decimal(self.textFromValue(self.value()), self.locale())
        except ValueError:
            return Decimal(0)

    def set_decimal_value(self, value: Decimal) -> None:
        with QSignalBlocker(self):
            self.setValue(float(value))  # drawing only: the scenario keeps the Decimal


class ResolutionComboBox(QComboBox):
    """Common camera sizes to pick, or any WIDTHxHEIGHT typed."""

    # The common names are words a translation may change ("4K UHD", "720p" written otherwise).
    PRESETS = (
        ("640x360", N_("360p")),
        ("960x540", N_("540p")),
        ("1280x720", N_("720p")),
        ("1920x1080", N_("1080p")),
        ("2560x1440", N_("1440p")),
        ("3840x2160", N_("4K UHD")),
        ("4096x2160", N_("4K DCI")),
    )

    resolution_edited = Signal(object)  # a Resolution picked or typed
    resolution_refused = Signal(object)  # an InputError for what was typed

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for size, common in self.PRESETS:
            name = _(common)
            self.addItem(_("{size} ({name})").format(size=size, name=name), size)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.activated.connect(self._on_activated)
        line_edit = self.lineEdit()
        assert line_edit is not None
        line_edit.editingFinished.connect(self._on_typed)
        self._shown = ""

    def set_resolution(self, resolution: Resolution | None, fallback_text: str = "") -> None:
        text = fallback_text if resolution is None else str(resolution)
        index = self.findData(text)
        with QSignalBlocker(self):
            if index >= 0:
                self.setCurrentIndex(index)
            else:
                self.setCurrentIndex(-1)
                self.setEditText(text)
        self._shown = self.currentText()

    def _on_activated(self, index: int) -> None:
        self._parse(self.itemData(index) or self.itemText(index))

    def _on_typed(self) -> None:
        if self.currentText() != self._shown:
            self._parse(self.currentText())

    def token(self, text: str | None = None) -> str:
        """The WIDTHxHEIGHT behind ``text`` (the current text by default): a preset's own size,
        whatever order its translated caption puts size and name in; else what was typed."""
        text = self.currentText() if text is None else text
        index = self.findText(text)
        if index >= 0 and self.itemData(index):
            return str(self.itemData(index))
        return text.split("(")[0].strip()

    def _parse(self, text: str) -> None:
        self._shown = self.currentText()
        line = self.lineEdit()
        if line is not None:
            line.setModified(False)  # committed: Ctrl+Z now undoes it in the window
        token = self.token(text)
        try:
            resolution = Resolution.parse(token, "resolution")
        except InputError as error:
            self.resolution_refused.emit(error)
            return
        self.resolution_edited.emit(resolution)


class MessageLabel(QLabel):
    """The reason an input was refused, shown right under it; hidden when all is well."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("severity", "error")
        tint(self, ERROR)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(f"\u26a0 {text}")
        self.show()

    def clear_message(self) -> None:
        if not self.isHidden() or self.text():
            self.clear()
            self.hide()


def fit_columns(
    table: QTableView,
    stretched: int,
    numeric: frozenset[int] = frozenset(),
    widest_chars: int = 14,
    widest_px: int | None = None,
) -> None:
    """Columns sized to their contents plus room for a few more digits, once per new set of rows.

    Sizing on every repaint (ResizeToContents) re-reads every cell of the table on each slider
    move; numbers that grow by a digit or two during a drag still fit in the spare room.
    """
    table.resizeColumnsToContents()
    metrics = table.fontMetrics()
    spare = metrics.horizontalAdvance("0,0")
    widest = metrics.horizontalAdvance("M" * widest_chars) if widest_px is None else widest_px
    model = table.model()
    for column in range(model.columnCount() if model is not None else 0):
        if column == stretched:
            continue
        width = table.columnWidth(column) + (spare if column in numeric else 0)
        table.setColumnWidth(column, min(width, widest))  # long labels elide, tooltips show them
