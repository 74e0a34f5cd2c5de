"""The resolution-mix control: shares of time per tier that always sum to 100%, with locks."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

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
from estimator_gui.pricing.scenario import TIERS, Mix

HUNDRED = Decimal(100)


def rebalance(
    shares: dict[str, Decimal], tier: str, value: Decimal, locked: frozenset[str] | set[str]
) -> dict[str, Decimal]:
    """Set ``tier`` to ``value`` and spread the rest over the unlocked tiers so the sum is 100.

    Unlocked tiers keep their proportions, in whole percents (largest remainder first); locked
    tiers never move. ``value`` is clamped to what the locks leave; with nothing unlocked to take
    the difference, nothing changes.
    """
    others = [t for t in TIERS if t != tier and t not in locked]
    if not others:
        return dict(shares)
    locked_sum = sum(
        (shares.get(t, Decimal(0)) for t in TIERS if t != tier and t in locked), Decimal(0)
    )
    value = min(max(value, Decimal(0)), HUNDRED - locked_sum)
    remaining = HUNDRED - locked_sum - value
    weights = [shares.get(t, Decimal(0)) for t in others]
    if sum(weights) <= 0:
        weights = [Decimal(1)] * len(others)
    total_weight = sum(weights)
    exact = [remaining * w / total_weight for w in weights]
    whole = [e.to_integral_value(rounding=ROUND_FLOOR) for e in exact]
    leftover = remaining - sum(whole)
    order = sorted(range(len(others)), key=lambda i: (-(exact[i] - whole[i]), i))
    for i in order:
        if leftover <= 0:
            break
        step = min(Decimal(1), leftover)
        whole[i] += step
        leftover -= step
    result = dict(shares)
    result[tier] = value
    for t, share in zip(others, whole, strict=True):
        result[t] = share
    return result


def mix_from_shares(shares: dict[str, Decimal]) -> Mix:
    return tuple((t, shares[t]) for t in TIERS if shares.get(t, Decimal(0)) > 0)


class ResolutionMixWidget(QWidget):
    """A slider, a spin box and a lock per tier; moving one share rebalances the unlocked ones."""

    mix_edited = Signal(object)  # the new Mix, summing to 100

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._shares: dict[str, Decimal] = {t: Decimal(0) for t in TIERS}
        self._shares["HD"] = HUNDRED
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
            slider = QSlider(Qt.Orientation.Horizontal, self)
            slider.setObjectName(f"{name}.{tier}.slider")
            slider.setRange(0, 100)
            slider.setMinimumWidth(48)
            spin = QSpinBox(self)
            spin.setObjectName(f"{name}.{tier}.spin")
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            lock = QCheckBox(self.tr("Lock"), self)
            lock.setObjectName(f"{name}.{tier}.lock")
            label.setBuddy(spin)
            lock.setToolTip(self.tr("Keep this share while the others move"))
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
            self.sliders[tier], self.spins[tier], self.locks[tier] = slider, spin, lock
        self._show_shares()

    def mix(self) -> Mix:
        return mix_from_shares(self._shares)

    def set_mix(self, mix: Mix | None) -> None:
        """Show ``mix`` (exact shares kept until a slider moves)."""
        shares = {t: Decimal(0) for t in TIERS}
        for tier, share in mix or (("HD", HUNDRED),):
            shares[tier] = share
        if shares != self._shares:
            self._shares = shares
            self._show_shares()

    def locked(self) -> frozenset[str]:
        return frozenset(t for t, box in self.locks.items() if box.isChecked())

    def _on_share_moved(self, tier: str, value: int) -> None:
        shares = rebalance(self._shares, tier, Decimal(value), self.locked())
        changed = shares != self._shares
        self._shares = shares
        self._show_shares()  # also puts a clamped slider back where the locks allow
        if changed:
            self.mix_edited.emit(self.mix())

    def _show_shares(self) -> None:
        for tier in TIERS:
            shown = int(self._shares[tier].to_integral_value())
            for widget in (self.sliders[tier], self.spins[tier]):
                if widget.value() != shown:
                    with QSignalBlocker(widget):
                        widget.setValue(shown)
