"""The session's undo entries: a scenario edit, another card or options, other quote details,
the variants changed; each named in words that can be worded again in another language."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from estimator_gui import i18n
from estimator_gui.files.quote_details import QuoteDetails
from estimator_gui.files.variants import Variant
from estimator_gui.pricing.scenario import Scenario

if TYPE_CHECKING:
    from estimator_gui.gui.session import EstimateSession, Pricing

# An undo entry's name: words, or a function that words it in the current language (named again
# when the language changes; see EstimateSession.retranslate).
Text = str | Callable[[], str]


class _Named(QUndoCommand):
    """An undo entry whose name can be worded again in another language."""

    def __init__(self, text: Text) -> None:
        super().__init__(text() if callable(text) else text)
        self.describe = text if callable(text) else _again(text)

    def retranslate(self) -> None:
        if self.describe is not None:
            self.setText(self.describe())


def _again(text: str) -> Callable[[], str]:
    """Words that are a whole text of the catalogue ("Add room") are worded again from their
    source; others (with a name typed by the user in them) have none and stay as they are."""
    source = i18n.source_of(text)
    return lambda: i18n._(source)


class ChangeScenario(_Named):
    """One named edit: the scenario before and after. Steps with the same merge key (one slider
    drag) merge into one entry, so a drag is undone at once."""

    def __init__(
        self,
        session: EstimateSession,
        before: Scenario,
        after: Scenario,
        text: Text,
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before, self.after = before, after
        self.merge_key = merge_key
        self.variant = session.current_variant  # undone in the variant it was made in

    def redo(self) -> None:
        self._session.show(self.after, self.variant)

    def undo(self) -> None:
        self._session.show(self.before, self.variant)

    def id(self) -> int:
        return -1 if self.merge_key is None else hash(self.merge_key) & 0x7FFFFFFF

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeScenario) or other.merge_key != self.merge_key:
            return False
        if other.variant != self.variant:
            return False
        self.after = other.after
        self.setText(other.text())
        self.describe = other.describe
        if self.after == self.before:
            self.setObsolete(True)  # dragged back to where it started: no entry at all
        return True


class ChangePricing(_Named):
    """Another rate card or other options: one named entry of the same undo stack."""

    def __init__(
        self, session: EstimateSession, before: Pricing, after: Pricing, text: Text
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before, self.after = before, after

    def redo(self) -> None:
        self._session.show_pricing(self.after)

    def undo(self) -> None:
        self._session.show_pricing(self.before)


class ChangeDetails(_Named):
    """Other quote details (customer, dates, the quote's language and currency): one entry."""

    def __init__(
        self,
        session: EstimateSession,
        before: QuoteDetails | None,
        after: QuoteDetails | None,
        text: Text,
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before, self.after = before, after

    def redo(self) -> None:
        self._session.show_details(self.after)

    def undo(self) -> None:
        self._session.show_details(self.before)


class ChangeVariants(_Named):
    """A variant added, duplicated, renamed, deleted or switched to: one entry."""

    def __init__(
        self, session: EstimateSession, before: VariantState, after: VariantState, text: Text
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before, self.after = before, after

    def redo(self) -> None:
        self._session.show_variants(self.after)

    def undo(self) -> None:
        self._session.show_variants(self.before)


# Every variant (the shown one with its current scenario) and which one is shown.
VariantState = tuple[tuple[Variant, ...], int]
