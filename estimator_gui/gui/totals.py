"""The totals: gross, free minutes used, contract discount (an input), total, and the notices."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from estimator_gui.gui.inputs import DecimalSpinBox
from estimator_gui.gui.labels import notice_text
from estimator_gui.gui.locale_format import format_decimal, format_int, format_money
from estimator_gui.gui.tones import ERROR, NOTICE, Callout, tint
from estimator_gui.i18n import _
from estimator_gui.pricing import limits
from estimator_gui.pricing.breakdown import Breakdown

AMOUNT_TEMPLATE = "\u2212000,000,000.00 USD"


def _amount_label(parent: QWidget, name: str, font: QFont | None = None) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if font is not None:
        label.setFont(font)
    return label


def _fix_size(label: QLabel, template: str) -> None:
    """A fixed size that fits large sums: a new text then repaints the label and nothing else
    (a label whose size hint may change asks the whole window to lay out again on every move)."""
    metrics = label.fontMetrics()
    label.setFixedSize(metrics.horizontalAdvance(template) + 8, metrics.height() + 4)
    # Opaque: repainting the figure then needs no repaint of the frames behind it.
    label.setAutoFillBackground(True)


class TotalsPanel(QFrame):
    """What the month costs, and the two commercial inputs that change it."""

    discount_edited = Signal(object)  # Decimal percent
    free_minutes_edited = Signal(int)  # the month's allowance

    def __init__(self, card_free_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totals")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._card_free_minutes = card_free_minutes
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.gross = _amount_label(self, "totals.gross")
        self.free_used = _amount_label(self, "totals.free_used")
        self.subtotal = _amount_label(self, "totals.subtotal")
        self.discount = _amount_label(self, "totals.discount")
        self.total = _amount_label(self, "totals.total", font)
        for label in (self.gross, self.free_used, self.subtotal, self.discount, self.total):
            _fix_size(label, AMOUNT_TEMPLATE)
        # The minutes used sit beside the allowance they come from; the figure column holds money.
        self.free_minutes_used = QLabel(self)
        self.free_minutes_used.setObjectName("totals.free_minutes_used")
        _fix_size(self.free_minutes_used, self._free_used_text(card_free_minutes))

        self.discount_spin = DecimalSpinBox(self)
        self.discount_spin.setObjectName("totals.discount_percent")
        self.discount_spin.setRange(0, limits.DISCOUNT_PERCENT_MAX)
        self.discount_spin.setDecimals(2)
        self.discount_spin.setSuffix(" %")
        self.discount_spin.setKeyboardTracking(False)
        self.free_spin = QSpinBox(self)
        self.free_spin.setObjectName("totals.free_allowance")
        self.free_spin.setRange(0, card_free_minutes)
        self.free_spin.setGroupSeparatorShown(True)
        self.free_spin.setKeyboardTracking(False)
        self.free_spin.setToolTip(_("Free minutes a month (0 switches them off)"))

        # Caption | input | figure: the figures line up on the right, whatever the captions' length.
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        rows: tuple[tuple[str, QWidget | None, QLabel], ...] = (
            (_("Gross"), None, self.gross),
            (_("Free minutes"), self.free_spin, self.free_used),
            (_("After free minutes"), None, self.subtotal),
            (_("Contract discount"), self.discount_spin, self.discount),
        )
        self.discount_spin.setToolTip(
            _("The discount agreed in the contract, taken after the free minutes")
        )
        self.captions: list[QLabel] = []  # the inputs' captions, for their Alt shortcuts
        for row, (caption, field, figure) in enumerate(rows):
            label = QLabel(caption, self)
            grid.addWidget(label, row, 0)
            if field is not None:
                label.setBuddy(field)
                field.setAccessibleName(caption)
                self.captions.append(label)
            if field is self.free_spin:
                free_row = QHBoxLayout()
                free_row.addWidget(self.free_spin)
                free_row.addWidget(self.free_minutes_used)
                free_row.addStretch(1)
                grid.addLayout(free_row, row, 1)
            elif field is not None:
                grid.addWidget(field, row, 1, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(figure, row, 2, Qt.AlignmentFlag.AlignRight)
        total_caption = QLabel(_("Total"), self)
        total_caption.setFont(font)
        grid.addWidget(total_caption, len(rows), 0)
        # Spanning the input column too: the large figure does not widen the column of the others.
        grid.addWidget(self.total, len(rows), 1, 1, 2, Qt.AlignmentFlag.AlignRight)

        self.contract_notice = Callout(NOTICE, self)
        self.contract_notice.setObjectName("totals.contract_notice")
        self.contract_notice.hide()
        self.notices = QLabel(self)
        self.notices.setObjectName("totals.notices")
        self.notices.setWordWrap(True)
        self.notices.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.stale = QLabel(_("An input is refused: showing the last valid estimate."), self)
        self.stale.setObjectName("totals.stale")
        self.stale.setWordWrap(True)
        tint(self.stale, ERROR)
        self.stale.hide()

        for label in (self.contract_notice, self.notices, self.stale):
            # A wrapped label asks for a width near its text's; let the pane narrow, it wraps.
            label.setMinimumWidth(160)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.stale)
        layout.addWidget(self.contract_notice)
        layout.addWidget(self.notices)
        self.discount_spin.valueChanged.connect(self._on_discount_changed)
        self.free_spin.valueChanged.connect(self._on_free_changed)
        self._notices_key: tuple[object, ...] = ()
        self._threshold: tuple[object, str] = (None, "")

    def show_breakdown(self, breakdown: Breakdown) -> None:
        money = breakdown.currency
        self.gross.setText(f"{format_money(breakdown.gross)} {money}")
        sign = "\u2212" if breakdown.free_amount else ""
        self.free_used.setText(f"{sign}{format_money(breakdown.free_amount)} {money}")
        self.free_minutes_used.setText(self._free_used_text(breakdown.free_minutes_used))
        self.subtotal.setText(f"{format_money(breakdown.subtotal)} {money}")
        sign = "\u2212" if breakdown.discount else ""
        self.discount.setText(f"{sign}{format_money(breakdown.discount)} {money}")
        self.total.setText(f"{format_money(breakdown.total)} {money}")
        if self.discount_spin.decimal_value() != breakdown.discount_percent:
            self.discount_spin.set_decimal_value(breakdown.discount_percent)
        if self.free_spin.value() != breakdown.free_minutes_allowance:
            self.free_spin.blockSignals(True)
            self.free_spin.setValue(breakdown.free_minutes_allowance)
            self.free_spin.blockSignals(False)
        eligible = breakdown.contract_discount_eligible
        if eligible and self._threshold != (breakdown.contract_threshold, money):
            self._threshold = (breakdown.contract_threshold, money)
            self.contract_notice.setText(
                _(
                    "This month reaches {amount} {currency} after free minutes: the customer can "
                    "ask Tencent sales for a contract discount. Enter the agreed discount above."
                ).format(amount=format_decimal(breakdown.contract_threshold, 0), currency=money)
            )
        if self.contract_notice.isHidden() == eligible:
            self.contract_notice.setVisible(eligible)
        key = breakdown.notices
        if key != self._notices_key:  # rewording a long label re-lays out the window
            self._notices_key = key
            self.notices.setText("\n".join(f"\u2022 {notice_text(n)}" for n in key))
            self.notices.setVisible(bool(key))

    def _free_used_text(self, minutes: int) -> str:
        return _("{minutes} used").format(minutes=format_int(minutes))

    def show_stale(self, stale: bool) -> None:
        self.stale.setVisible(stale)

    def _on_discount_changed(self, _value: float) -> None:
        self.discount_edited.emit(self.discount_spin.decimal_value())

    def _on_free_changed(self, value: int) -> None:
        self.free_minutes_edited.emit(value)
