"""The EstimateSession: the one writer of the scenario, publishing a breakdown per real change."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Scenario


class EstimateSession(QObject):
    """Owns the current scenario and its breakdown; every input goes through ``update``.

    A scenario the core refuses raises ``InputError`` and leaves the session exactly as it was, so
    the last valid breakdown stays on screen while the input shows why it was refused.
    """

    scenario_changed = Signal(object)  # the new Scenario, once it priced
    breakdown_changed = Signal(object)  # a Breakdown, once per real change
    scenario_loaded = Signal(object)  # a whole new Scenario (a file was opened)

    def __init__(
        self, scenario: Scenario, rate_card: RateCard, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._rate_card = rate_card
        self._breakdown = price(scenario, rate_card)
        self._scenario = scenario

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def breakdown(self) -> Breakdown:
        """The breakdown of the current scenario: always the last valid one."""
        return self._breakdown

    @property
    def rate_card(self) -> RateCard:
        return self._rate_card

    def update(self, scenario: Scenario) -> None:
        """Price ``scenario`` and make it current; on InputError nothing changes."""
        if scenario == self._scenario:
            return  # widgets re-emit on focus changes and syncs; do not reprice for nothing
        breakdown = price(scenario, self._rate_card)
        self._scenario = scenario
        self._breakdown = breakdown
        self.scenario_changed.emit(scenario)
        self.breakdown_changed.emit(breakdown)

    def load(self, scenario: Scenario) -> None:
        """Replace the whole scenario (an opened file); on InputError nothing changes."""
        breakdown = price(scenario, self._rate_card)
        self._scenario = scenario
        self._breakdown = breakdown
        self.scenario_loaded.emit(scenario)
        self.scenario_changed.emit(scenario)
        self.breakdown_changed.emit(breakdown)
