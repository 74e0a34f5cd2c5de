"""The EstimateSession: the window's one state (scenario, saved scenario, refusals, undo stack)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from msgspec import Struct, field
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from estimator_gui.files.quote_details import QuoteDetails
from estimator_gui.files.scenario_io import ScenarioFile
from estimator_gui.files.variants import BASE_NAME, VARIANTS_MAX, Variant, check_variants
from estimator_gui.gui.session_commands import (
    ChangeDetails,
    ChangePricing,
    ChangeScenario,
    ChangeVariants,
    Text,
    VariantState,
    _Named,
)
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.options import PriceOptions
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Scenario

UNDO_LIMIT = 1000  # a working day of edits; each entry holds two frozen scenarios sharing parts

Change = Scenario | Callable[[Scenario], Scenario]
class Pricing(Struct, frozen=True):
    """What an estimate is priced with besides its scenario: the rate card and the options
    (the account's registration day, value-added services)."""

    card: RateCard
    options: PriceOptions = field(default_factory=PriceOptions)

    def key(self) -> tuple[str, PriceOptions]:
        return (self.card.id, self.options)


Saved = tuple[tuple[Variant, ...], tuple[str, PriceOptions], QuoteDetails | None]


class EstimateSession(QObject):
    """Owns the current scenario, the saved one, the refused inputs and the undo stack.

    Panels never change the scenario themselves: they ``request`` a change, which is priced first.
    A scenario the core refuses leaves everything as it was and is recorded against the input
    that asked for it, so the last valid breakdown stays on screen while that input says why.
    "Modified" is ``(scenario, card, options, details) != saved``: dragging +1 then -1 is not a
    change. The quote details do not change the price: they go into the file and the documents.
    """

    scenario_changed = Signal(object)  # the new current Scenario (an edit, undo, redo or load)
    breakdown_changed = Signal(object)  # its Breakdown, once per real change
    scenario_loaded = Signal(object)  # a whole new Scenario (new or opened): selections reset
    modified_changed = Signal(bool)
    refusals_changed = Signal()  # an input was refused, or the refusals were cleared
    pricing_changed = Signal(object)  # the new Pricing (another card or options)
    details_changed = Signal(object)  # the new QuoteDetails, or None (an edit, undo, load)
    variants_changed = Signal()  # a variant added, renamed, deleted, or another one shown

    def __init__(
        self,
        scenario: Scenario,
        rate_card: RateCard,
        parent: QObject | None = None,
        options: PriceOptions | None = None,
        details: QuoteDetails | None = None,
    ) -> None:
        super().__init__(parent)
        self._pricing = Pricing(rate_card, options or PriceOptions())
        self._breakdown = self._price(scenario, self._pricing)
        self._scenario = scenario
        self._details = details
        self._variants: tuple[Variant, ...] = (Variant(BASE_NAME, scenario),)
        self._current = 0
        self._saved: Saved | None = (self.variants, self._pricing.key(), details)
        self._refusals: dict[str, InputError] = {}
        self._priced: tuple[Scenario, Pricing, Breakdown] | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)

    # ------------------------------------------------------------------ state

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def breakdown(self) -> Breakdown:
        """The breakdown of the current scenario: always the last valid one."""
        return self._breakdown

    @property
    def rate_card(self) -> RateCard:
        return self._pricing.card

    @property
    def pricing(self) -> Pricing:
        return self._pricing

    @property
    def saved_scenario(self) -> Scenario | None:
        """The base the file on disk holds (None: never saved, or recovered from an autosave)."""
        return None if self._saved is None else self._saved[0][0].scenario

    @property
    def variants(self) -> tuple[Variant, ...]:
        """Every variant of the estimate, the base first; the shown one as it is now."""
        shown = self._variants[self._current]
        if shown.scenario is self._scenario:
            return self._variants
        variants = list(self._variants)
        variants[self._current] = Variant(shown.name, self._scenario)
        return tuple(variants)

    @property
    def current_variant(self) -> int:
        """The position of the variant shown (0: the base)."""
        return self._current

    @property
    def details(self) -> QuoteDetails | None:
        """The estimate's quote details: the file's, None for an estimate that has none."""
        return self._details

    @property
    def modified(self) -> bool:
        return self._state() != self._saved

    def _state(self) -> Saved:
        return (self.variants, self._pricing.key(), self._details)

    @property
    def document(self) -> ScenarioFile:
        """What a save writes: every variant (the base first), the rate card's id, the price
        options and the quote details."""
        return ScenarioFile.from_variants(
            self.variants, self._pricing.card.id, self._pricing.options, self._details
        )

    @staticmethod
    def _price(scenario: Scenario, pricing: Pricing) -> Breakdown:
        return price(scenario, pricing.card, pricing.options)

    @property
    def refusals(self) -> dict[str, InputError]:
        """The inputs refused since the last accepted change, by input key."""
        return dict(self._refusals)

    # ------------------------------------------------------------------ changes

    def request(
        self,
        change: Change,
        text: Text,
        *,
        key: str = "",
        merge_key: Hashable | None = None,
    ) -> bool:
        """Make ``change`` (a scenario, or a function of the current one) the current scenario as
        one undo entry named ``text``; True when it took.

        A change the core refuses (InputError while building or pricing it) is recorded under
        ``key`` and nothing else changes.
        """
        try:
            after = change(self._scenario) if callable(change) else change
            if after != self._scenario:
                # Priced before anything is pushed (a refusal pushes nothing); the push's redo
                # shows this breakdown instead of pricing the same scenario again.
                self._priced = (after, self._pricing, self._price(after, self._pricing))
        except InputError as error:
            self.refuse(key, error)
            return False
        if after == self._scenario:
            self._clear_refusals()  # the input is back at the scenario's value
            return True
        self.undo_stack.push(ChangeScenario(self, self._scenario, after, text, merge_key))
        return True

    def refuse(self, key: str, error: InputError) -> None:
        """Record that input ``key`` asked for something the core refuses."""
        self._refusals[key] = error
        self.refusals_changed.emit()

    def show(self, scenario: Scenario, variant: int | None = None) -> None:
        """Make ``scenario`` current without an undo entry (the undo stack's own steps), in
        ``variant`` (shown first if it is not the one in view)."""
        switched = variant is not None and variant != self._current
        if switched and variant is not None:
            self._variants, self._current = self.variants, variant
            self._scenario = self._variants[variant].scenario
            self.variants_changed.emit()
        if scenario == self._scenario and not switched:
            self._clear_refusals()
            return
        priced, self._priced = self._priced, None
        if priced is not None and priced[0] is scenario and priced[1] is self._pricing:
            breakdown = priced[2]
        else:
            breakdown = self._price(scenario, self._pricing)
        was_modified = self.modified
        self._scenario = scenario
        self._breakdown = breakdown
        self._clear_refusals()
        self.scenario_changed.emit(scenario)
        self.breakdown_changed.emit(breakdown)
        if self.modified != was_modified:
            self.modified_changed.emit(self.modified)

    # ------------------------------------------------------------------ variants

    def request_variants(self, variants: tuple[Variant, ...], current: int, text: Text) -> bool:
        """Make ``variants`` the estimate's variants, showing ``current``, as one undo entry;
        refused (recorded under "variants", nothing changes) when the file could not hold them:
        more than VARIANTS_MAX, a name empty, too long or taken twice."""
        try:
            check_variants(variants)
        except InputError as error:
            self.refuse("variants", error)
            return False
        before = (self.variants, self._current)
        if (variants, current) == before:
            return True
        self.undo_stack.push(ChangeVariants(self, before, (variants, current), text))
        return True

    def show_variants(self, state: VariantState) -> None:
        """Make ``state`` current without an undo entry (the undo stack's own steps)."""
        variants, current = state
        scenario = variants[current].scenario
        breakdown = self._price(scenario, self._pricing)
        was_modified = self.modified
        self._variants, self._current = variants, current
        shown = scenario != self._scenario
        self._scenario, self._breakdown = scenario, breakdown
        self._clear_refusals()
        self.variants_changed.emit()
        if shown:
            self.scenario_changed.emit(scenario)
            self.breakdown_changed.emit(breakdown)
        if self.modified != was_modified:
            self.modified_changed.emit(self.modified)

    def may_add_variant(self) -> bool:
        return len(self._variants) < VARIANTS_MAX

    # ------------------------------------------------------------------ pricing and details

    def request_pricing(self, pricing: Pricing, text: Text, *, key: str = "pricing") -> bool:
        """Price the estimate with another card or other options, as one undo entry."""
        if pricing.key() == self._pricing.key() and pricing.card == self._pricing.card:
            return True
        try:
            self._price(self._scenario, pricing)
        except InputError as error:
            self.refuse(key, error)
            return False
        self.undo_stack.push(ChangePricing(self, self._pricing, pricing, text))
        return True

    def show_pricing(self, pricing: Pricing) -> None:
        """Make ``pricing`` current without an undo entry (the undo stack's own steps)."""
        breakdown = self._price(self._scenario, pricing)
        was_modified = self.modified
        self._pricing = pricing
        self._breakdown = breakdown
        self._clear_refusals()
        self.pricing_changed.emit(pricing)
        self.breakdown_changed.emit(breakdown)
        if self.modified != was_modified:
            self.modified_changed.emit(self.modified)

    def request_details(self, details: QuoteDetails | None, text: Text) -> bool:
        """Make ``details`` the estimate's quote details as one undo entry named ``text``;
        False (nothing pushed) when they are the current ones."""
        if details == self._details:
            return False
        self.undo_stack.push(ChangeDetails(self, self._details, details, text))
        return True

    def show_details(self, details: QuoteDetails | None) -> None:
        """Make ``details`` current without an undo entry (the undo stack's own steps)."""
        was_modified = self.modified
        self._details = details
        self.details_changed.emit(details)
        if self.modified != was_modified:
            self.modified_changed.emit(self.modified)

    def load(
        self,
        scenario: Scenario,
        *,
        saved_scenario: Scenario | bool | None = True,
        pricing: Pricing | None = None,
        details: QuoteDetails | None = None,
        saved_details: QuoteDetails | None = None,
        variants: tuple[Variant, ...] = (),
        saved_variants: tuple[Variant, ...] = (),
    ) -> None:
        """Replace the whole scenario (new, opened or recovered); the undo history starts afresh.

        ``saved_scenario`` is what the file holds: True for ``scenario`` itself; a recovered
        autosave passes the file's scenario, or None when there is no file. ``details`` are the
        estimate's quote details (None: it has none); ``saved_details`` the file's, when
        ``saved_scenario`` is the file's scenario. ``variants`` are the estimate's variants with
        ``scenario`` as the base (none given: the scenario alone), ``saved_variants`` the file's.
        The base is shown. A scenario the core refuses raises InputError and changes nothing.
        """
        pricing = pricing or self._pricing
        breakdown = self._price(scenario, pricing)
        was_modified = self.modified
        self.undo_stack.clear()
        pricing_changed = pricing != self._pricing
        self._pricing = pricing
        self._scenario = scenario
        self._breakdown = breakdown
        details_changed = details != self._details
        self._details = details
        self._variants = variants or (Variant(BASE_NAME, scenario),)
        self._current = 0
        if saved_scenario is True:
            self._saved = (self.variants, pricing.key(), details)
        elif isinstance(saved_scenario, Scenario):
            saved = saved_variants or (Variant(BASE_NAME, saved_scenario),)
            self._saved = (saved, pricing.key(), saved_details)
        else:
            self._saved = None
        self.variants_changed.emit()
        if pricing_changed:
            self.pricing_changed.emit(pricing)
        if details_changed:
            self.details_changed.emit(details)
        self._clear_refusals()
        self.scenario_loaded.emit(scenario)
        self.scenario_changed.emit(scenario)
        self.breakdown_changed.emit(breakdown)
        if self.modified != was_modified:
            self.modified_changed.emit(self.modified)

    def retranslate(self) -> None:
        """Name every undo entry again in the current language (those named by a function)."""
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, _Named):
                command.retranslate()

    def mark_saved(self) -> None:
        """The current scenario is now what the file holds."""
        was_modified = self.modified
        self._saved = self._state()
        self.undo_stack.setClean()
        if was_modified:
            self.modified_changed.emit(False)

    def _clear_refusals(self) -> None:
        if self._refusals:
            self._refusals.clear()
            self.refusals_changed.emit()
