"""The resolution-mix control: shares of time per tier that always sum to 100%, with locks."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QWidget,
)

from estimator_gui.gui.labels import tier_name
from estimator_gui.gui.locale_format import format_decimal
from estimator_gui.i18n import _
from estimator_gui.pricing.mix import (
    HELD_BY_LOCKS,
    NO_OTHER_SHARE,
    TIER_LOCKED,
    MixMove,
    mix_from_shares,
    rebalance,
    shares_from_mix,
)
from estimator_gui.pricing.scenario import TIERS, Mix


class ResolutionMixWidget(QWidget):
    """A slider, a spin box and a lock per tier; moving one share moves only shares that exist.

    The arithmetic is the core's (pricing/mix.py). Consecutive moves of the same tier all start
    from the shares it had before the first one, so a drag from 0 to 50 gives what typing 50
    gives, and dragging back restores the others exactly. A move the locks or the zero tiers
    cannot take is held where it stops, and a line under the control says why.
    """

    mix_edited = Signal(object)  # the new Mix, summing to 100

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._shares = shares_from_mix(None)
        self._start: dict[str, Decimal] | None = None  # shares before this run of moves
        self._moving: str | None = None  # the tier of this run
        self.sliders: dict[str, QSlider] = {}
        self.spins: dict[str, QSpinBox] = {}
        self.locks: dict[str, QCheckBox] = {}
        # One column per tier (name and lock, slider, share): three rows instead of five, so the
        # control fits under a groups table without scrolling the panel on a laptop.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(2)
        for column, tier in enumerate(TIERS):
            label = QLabel(tier_name(tier), self)
            # Built top to bottom (lock, slider, share), so Tab goes down each tier's column.
            lock = QCheckBox(_("Lock"), self)
            slider = QSlider(Qt.Orientation.Horizontal, self)
            slider.setObjectName(f"{name}.{tier}.slider")
            slider.setRange(0, 100)
            slider.setMinimumWidth(48)
            spin = QSpinBox(self)
            spin.setObjectName(f"{name}.{tier}.spin")
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            # A typed share is one edit when the typing ends (Enter, focus out, an arrow step):
            # typing 50 must not first move the tier to 5.
            spin.setKeyboardTracking(False)
            lock.setObjectName(f"{name}.{tier}.lock")
            label.setBuddy(spin)
            lock.setToolTip(_("Keep this share while the others move"))
            share_help = _("Share of the time billed at {tier}").format(tier=tier_name(tier))
            for widget in (slider, spin):
                widget.setToolTip(share_help)
                widget.setAccessibleName(tier_name(tier))
            lock.setAccessibleName(_("Lock {tier}").format(tier=tier_name(tier)))
            head = QHBoxLayout()
            head.addWidget(label)
            head.addStretch(1)
            head.addWidget(lock)
            layout.addLayout(head, 0, column)
            layout.addWidget(slider, 1, column)
            layout.addWidget(spin, 2, column)
            layout.setColumnStretch(column, 1)
            slider.valueChanged.connect(lambda value, t=tier: self._on_share_moved(t, value))
            spin.valueChanged.connect(lambda value, t=tier: self._on_share_moved(t, value))
            lock.toggled.connect(lambda checked, t=tier: self._on_lock_toggled(t, checked))
            self.sliders[tier], self.spins[tier], self.locks[tier] = slider, spin, lock
        self.clamp_note = QLabel(self)
        self.clamp_note.setObjectName(f"{name}.clamp")
        self.clamp_note.setWordWrap(True)
        self.clamp_note.hide()
        layout.addWidget(self.clamp_note, 3, 0, 1, len(TIERS))
        self._show_shares()

    def mix(self) -> Mix:
        return mix_from_shares(self._shares)

    def set_mix(self, mix: Mix | None) -> None:
        """Show ``mix`` as it is (exact shares kept until a share is moved)."""
        shares = shares_from_mix(mix)
        if shares != self._shares:
            self._shares = shares
            self._forget_start()
            self.clamp_note.hide()
            self._show_shares()

    def locked(self) -> frozenset[str]:
        return frozenset(t for t, box in self.locks.items() if box.isChecked())

    def _forget_start(self) -> None:
        self._start, self._moving = None, None

    def _on_lock_toggled(self, tier: str, checked: bool) -> None:
        # A locked share does not move, so its own slider and spin box do not either.
        self.sliders[tier].setEnabled(not checked)
        self.spins[tier].setEnabled(not checked)
        self._forget_start()  # the next move starts from the shares as they stand

    def _on_share_moved(self, tier: str, value: int) -> None:
        if self._start is None or self._moving != tier:
            self._start, self._moving = dict(self._shares), tier
        move = rebalance(self._start, tier, Decimal(value), self.locked())
        shares = move.as_dict()
        changed = shares != self._shares
        self._shares = shares
        self._show_shares()  # also puts a held slider or spin box back where the move stopped
        self._show_clamp(move)
        if changed:
            self.mix_edited.emit(self.mix())

    def _show_clamp(self, move: MixMove) -> None:
        name = tier_name(move.tier)
        if move.clamp == NO_OTHER_SHARE:
            text = _(
                "No unlocked tier has a share to take it: "
                "raise another tier to take time from {tier}"
            ).format(tier=name)
        elif move.clamp == HELD_BY_LOCKS and move.asked > move.value:
            text = _("{tier} can go up to {share} %: the locked tiers hold the rest").format(
                tier=name, share=format_decimal(move.value)
            )
        elif move.clamp == HELD_BY_LOCKS:
            text = _("The other tiers are locked: clear a lock to move {tier}").format(tier=name)
        elif move.clamp == TIER_LOCKED:
            text = _("{tier} is locked: clear its lock to move it").format(tier=name)
        else:
            self.clamp_note.hide()
            return
        self.clamp_note.setText(text)
        self.clamp_note.show()

    def _show_shares(self) -> None:
        for tier in TIERS:
            shown = int(self._shares[tier].to_integral_value())
            for widget in (self.sliders[tier], self.spins[tier]):
                if widget.value() != shown:
                    with QSignalBlocker(widget):
                        widget.setValue(shown)
