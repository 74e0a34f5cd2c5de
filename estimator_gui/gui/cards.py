"""The rate card in use: shown in the status bar, chosen in the Rate card menu, and checked when
a file made with another card is opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel

from estimator_gui.files.ratecard_io import (
    default_rate_card,
    is_shipped_id,
    load_rate_card,
    shipped_rate_card,
    shipped_rate_cards,
)
from estimator_gui.files.scenario_io import ScenarioFile
from estimator_gui.gui.session import Pricing
from estimator_gui.i18n import N_, _
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.ratecard import RateCard

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from estimator_gui.gui.main_window import MainWindow

CARD_FILTER = N_("Rate card (*.toml);;All files (*)")


class RateCardActions(QObject):
    """The Rate card menu (every shipped card, and a card file) and the status bar's card."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._cards: dict[str, RateCard] = {}
        self._actions: dict[str, QAction] = {}
        self.status = QLabel(window)
        self.status.setObjectName("rate_card.status")
        window.statusBar().addPermanentWidget(self.status)
        window.session.pricing_changed.connect(self._on_pricing_changed)
        self._on_pricing_changed(window.session.pricing)

    # ------------------------------------------------------------------ the menu

    def build_menu(self, menu: QMenu) -> None:
        """The menu's items are made when it first opens: reading every shipped card is not
        part of the first frame."""
        self.menu = menu
        self._group: QActionGroup | None = None
        menu.aboutToShow.connect(self.fill_menu)

    def fill_menu(self) -> None:
        if self._group is not None:
            return
        menu = self.menu
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        for card in shipped_rate_cards():
            self._add_card(card)
        menu.addSeparator()
        self.open_action = QAction(
            _("Open a rate card &file\u2026"),
            self._window,
        )
        self.open_action.triggered.connect(self._on_open_triggered)
        menu.addAction(self.open_action)
        self._on_pricing_changed(self._window.session.pricing)

    def _add_card(self, card: RateCard) -> QAction:
        self._cards[card.id] = card
        action = QAction(
            _("{card} (effective {date})").format(card=card.title, date=card.effective),
            self._window,
        )
        action.setObjectName(f"rate_card.{card.id}")
        action.setCheckable(True)
        action.setToolTip(card.id)
        action.triggered.connect(lambda _checked=False, c=card: self.choose(c))
        assert self._group is not None
        self._group.addAction(action)
        before = self.open_action if hasattr(self, "open_action") else None
        if before is not None:
            self.menu.insertAction(self.menu.actions()[-2], action)
        else:
            self.menu.addAction(action)
        self._actions[card.id] = action
        return action

    def opened_cards(self) -> list[RateCard]:
        """The cards opened from a file (not shipped): a menu made anew offers them again."""
        return [card for card in self._cards.values() if not is_shipped_id(card.id)]

    def adopt(self, cards: list[RateCard]) -> None:
        """Offer ``cards`` (opened from files by an earlier menu) in this menu too."""
        if cards:
            self.fill_menu()
        for card in cards:
            if card.id not in self._cards:
                self._add_card(card)
        self._on_pricing_changed(self._window.session.pricing)

    def cards(self) -> dict[str, RateCard]:
        """Every card the menu offers, by id: the shipped ones and any file opened."""
        self.fill_menu()
        return dict(self._cards)

    # ------------------------------------------------------------------ choosing

    def choose(self, card: RateCard) -> bool:
        """Price the estimate with ``card`` (one undo entry)."""
        session = self._window.session
        done = session.request_pricing(
            replace(session.pricing, card=card),
            lambda: _("Price with {card}").format(card=card.title),
        )
        self._on_pricing_changed(session.pricing)  # a refused card leaves the old one ticked
        return done

    def open_card_file(self, path: Path) -> bool:
        """Validate the card file at ``path`` and price with it; a bad file changes nothing."""
        try:
            card = load_rate_card(path)
        except InputError as error:
            self._window.report(
                _("Cannot use {file}").format(file=path.name),
                _("{path} is not a rate card the estimator can use: {reason}").format(
                    path=str(path), reason=error.message
                ),
            )
            return False
        self.fill_menu()
        if card.id not in self._actions:
            self._add_card(card)
        return self.choose(card)

    def pricing_for(self, document: ScenarioFile, path: Path) -> tuple[Pricing, Pricing | None]:
        """The pricing a file opens with (the card it was made with), and the one to reprice it
        with if the user says so (the card in use), or None when they are the same or declined.

        A file that names no card was made before cards were chosen: with the 2022 card.
        """
        current = self._window.session.pricing
        card_id = document.rate_card_id or default_rate_card().id
        card = self._cards.get(card_id)
        if card is None and is_shipped_id(card_id):
            card = shipped_rate_card(card_id)
        if card is None:  # a card this app does not ship, nor has open: price with the one in use
            self._window.show_banner(
                _(
                    "{file} was made with rate card {card}, which is not open here: "
                    "priced with {current}."
                ).format(file=path.name, card=card_id, current=current.card.id)
            )
            return Pricing(current.card, document.options), None
        own = Pricing(card, document.options)
        if card.id == current.card.id or not self._ask_reprice(path, card, current.card):
            return own, None
        return own, Pricing(current.card, document.options)

    def _ask_reprice(self, path: Path, made_with: RateCard, in_use: RateCard) -> bool:
        if not self._window.isVisible():
            return False  # opened by a test or a script: as the file says
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self._window,
            _("Another rate card"),
            _(
                "{file} was made with {card}. Reprice it with {current}, the card in use? "
                "No keeps the prices it was made with."
            ).format(file=path.name, card=made_with.title, current=in_use.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------------ showing

    def _on_pricing_changed(self, pricing: Pricing) -> None:
        card = pricing.card
        text = _("Rate card {card}, effective {date}. Amounts in {currency}.").format(
            card=card.id, date=card.effective, currency=card.currency
        )
        if self.status.text() != text:
            self.status.setText(text)
            self.status.setToolTip(card.title)
        action = self._actions.get(card.id)
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def _on_open_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getOpenFileName(
            self._window, _("Open a rate card"), "", _(CARD_FILTER)
        )
        if name:
            self.open_card_file(Path(name))
