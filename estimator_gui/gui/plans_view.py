"""Ways to buy the month: pay-as-you-go beside each package the card lists, cheapest marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from estimator_gui.gui.locale_format import format_decimal, format_money
from estimator_gui.i18n import _
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.ratecard import RateCard

if TYPE_CHECKING:  # imported when a card with packages is first shown
    from estimator_gui.pricing.plans import PlanComparison


class PlansView(QWidget):
    """A small table beside the breakdown; there only for a card that lists a package."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plans")
        self._grid = QGridLayout(self)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 1)
        self._rows: list[tuple[QLabel, ...]] = []
        self.comparison: PlanComparison | None = None
        headers = (_("Plan"), _("Fee"), _("Covered min"), _("Total"))
        for column, text in enumerate(headers):
            label = QLabel(text, self)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self._grid.addWidget(label, 0, column)
        self._grid.setRowStretch(99, 1)  # rows at the top, the rest empty

    def show_breakdown(self, breakdown: Breakdown, card: RateCard) -> bool:
        """Show the plans of ``breakdown`` on ``card``; False when the card lists no package."""
        if not card.packages:
            self.comparison = None
            return False
        from estimator_gui.pricing.plans import compare_plans

        comparison = compare_plans(breakdown, card)
        self.comparison = comparison
        names = {package.id: package.title for package in card.packages}
        money = breakdown.currency
        for row, plan in enumerate(comparison.plans, start=1):
            if row > len(self._rows):
                labels = tuple(QLabel(self) for _column in range(4))
                labels[0].setWordWrap(True)  # a package's title is long: it wraps, not widens
                labels[0].setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                for column, label in enumerate(labels):
                    if column:
                        label.setAlignment(Qt.AlignmentFlag.AlignRight)
                    self._grid.addWidget(label, row, column)
                self._rows.append(labels)
            name = names.get(plan.id) or _("Pay as you go")
            if plan.id == comparison.cheapest:
                name = _("{plan} \u2014 cheapest").format(plan=name)
            elif plan.id == comparison.cheapest_new_account:
                name = _("{plan} \u2014 cheapest for a new account").format(plan=name)
            texts = (
                name,
                f"{format_money(plan.monthly_fee)} {money}",
                format_decimal(plan.covered_minutes, None),
                f"{format_money(plan.total)} {money}",
            )
            for label, text in zip(self._rows[row - 1], texts, strict=True):
                if label.text() != text:
                    label.setText(text)
                label.show()
        for labels in self._rows[len(comparison.plans) :]:
            for label in labels:
                label.hide()
        return True
