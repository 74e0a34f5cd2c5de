"""The main window: the panels on the left; totals, breakdown table and chart on the right.

Start-up builds what the first frame shows: the panel of the tab in view, the totals, the
breakdown table and the chart. The other panels are built the first time their tab is shown or
they are asked for (``MainWindow.panel``); dialogs are imported when they open.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenuBar,
    QSplitter,
    QStatusBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from estimator_gui.gui.cards import RateCardActions
from estimator_gui.gui.edit_menu import build_edit_menu
from estimator_gui.gui.file_actions import FileActions
from estimator_gui.gui.first_frame import FirstFrame
from estimator_gui.gui.keyboard import (
    WindowUndo,
    chain,
    give_mnemonics,
    give_panel_mnemonics,
    mnemonic,
    tab_stops,
)
from estimator_gui.gui.labels import refusal_text
from estimator_gui.gui.language import language_menu, switch_language
from estimator_gui.gui.locale_format import format_decimal, format_int
from estimator_gui.gui.panel_tabs import PanelMap, PanelTabs
from estimator_gui.gui.panels.base import ItemPanel
from estimator_gui.gui.results import ResultsPane
from estimator_gui.gui.session import EstimateSession
from estimator_gui.gui.tones import ALERT, Callout
from estimator_gui.gui.totals import TotalsPanel
from estimator_gui.gui.variants_bar import VariantsBar
from estimator_gui.i18n import _
from estimator_gui.pricing import limits
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.scenario import Scenario

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent

    from estimator_gui.gui.plans_view import PlansView
    from estimator_gui.gui.room_view import RoomChart, RoomShareModel
    from estimator_gui.gui.settings import AppSettings


class MainWindow(QMainWindow):
    """Drives one EstimateSession: every panel writes through it, every view redraws from it."""

    def __init__(
        self,
        session: EstimateSession,
        path: Path | None = None,
        settings: AppSettings | None = None,
        recovery_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.session = session
        self.session.setParent(self)
        self._shown_once = False
        # What the first frame does not need waits for it: see gui/first_frame.py.
        self.first_frame = FirstFrame(self)
        self.files = FileActions(self, path, settings, recovery_folder)
        self._settings = settings
        self.cards: RateCardActions | None = None
        self._undo_keys: WindowUndo | None = None
        self._build_ui()
        session.breakdown_changed.connect(self.show_breakdown)
        session.scenario_changed.connect(self._on_scenario_changed)
        session.scenario_loaded.connect(self._on_scenario_loaded)
        session.refusals_changed.connect(self._on_refusals_changed)
        session.modified_changed.connect(self._on_modified_changed)
        self._shown_once = True
        self.resize(1440, 900)
        if settings is not None:
            settings.restore_window(self)

    # ------------------------------------------------------------------ building

    def _build_ui(self) -> None:
        """Every widget, menu and window-wide action, in the current language, from the session.

        Called once, and again when the language changes: the session (scenario, undo history,
        refusals) and the file actions stay; everything with words is made anew.
        """
        session = self.session
        self.banner = Callout(ALERT, self)
        self.banner.setObjectName("banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_close = QToolButton(self)
        self.banner_close.setText("\u2715")
        self.banner_close.setToolTip(_("Dismiss"))
        self.banner_close.clicked.connect(self.hide_banner)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.banner_close, 0, Qt.AlignmentFlag.AlignTop)

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(_("Customer and month, as shown on the quote"))
        self.title_edit.setMaxLength(limits.TEXT_MAX)
        title_row = QHBoxLayout()
        title_caption = QLabel(_("Estimate"), self)
        title_caption.setBuddy(self.title_edit)
        self.title_edit.setAccessibleName(title_caption.text())
        self.title_edit.setToolTip(
            _("The estimate's title on the quote; it does not change the price")
        )
        self._captions: list[QLabel] = [title_caption]
        title_row.addWidget(title_caption)
        title_row.addWidget(self.title_edit, 1)

        # An empty scroll area per tab; its panel is built when the tab is first shown.
        self.tabs = QTabWidget(self)
        self.panel_tabs = PanelTabs(self.tabs, session, self._panel_built)
        self.panels: Mapping[str, QWidget] = PanelMap(self.panel)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addLayout(title_row)
        self.variants_bar = VariantsBar(self)
        left_layout.addWidget(self.variants_bar)
        left_layout.addWidget(self.tabs, 1)

        self.totals = TotalsPanel(session.rate_card.free_minutes, self)
        self.results_pane = ResultsPane(self)
        pane = self.results_pane
        # The names tests and the self-test know them by.
        self.breakdown_model, self.breakdown_table = pane.breakdown_model, pane.breakdown_table
        self.chart, self.results = pane.chart, pane.results
        self.room_table = pane.room_table
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.totals)
        right_layout.addWidget(pane, 1)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("main_split")
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 4)
        split.setSizes([620, 820])
        split.setChildrenCollapsible(False)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addLayout(banner_row)
        central_layout.addWidget(split, 1)
        self.setCentralWidget(central)
        self.hide_banner()

        self._build_menus()
        # Alt shortcuts: the menus' and the window's own captions first; each panel takes the
        # letters left (only the shown tab's captions are live at once).
        self._mnemonics = {mnemonic(a.text()) for a in self.menuBar().actions()} - {""}
        give_mnemonics(
            [*self._captions, *self.variants_bar.captions, *self.totals.captions], self._mnemonics
        )
        self._undo_keys = WindowUndo(self)
        for widget in (
            self.title_edit,
            self.variants_bar.name_edit,
            self.totals.free_spin,
            self.totals.discount_spin,
        ):
            self._undo_keys.watch(widget)

        self.totals.discount_edited.connect(self._on_discount_edited)
        self.totals.free_minutes_edited.connect(self._on_free_minutes_edited)
        self.title_edit.editingFinished.connect(self._on_title_edited)
        self.show_breakdown(session.breakdown)  # its first model reset fits the columns
        self._on_scenario_changed(session.scenario)
        self.panel_tabs.show_first_used(session.scenario)
        self.tabs.currentChanged.connect(self.panel_tabs.show_tab)
        self.panel_tabs.show_tab(self.tabs.currentIndex())
        self._update_title()

    def change_language(self, code: str) -> bool:
        """Speak ``code`` (en, ko, zh) at once, without a restart, and remember it; True when done.

        The estimate, its undo history, the file and the tab in view stay as they are; every
        widget and menu is made anew in the new language (gui/language.py).
        """
        return switch_language(self, code, self._settings)

    def rebuild_ui(self) -> None:
        """Let go of every widget, menu and window-wide action, and make them anew."""
        # Deleted at the next turn of the loop, never now: the language menu's own action is
        # still being triggered while this runs. Disabled at once, so no shortcut is taken twice.
        for action in self.findChildren(QAction, "", Qt.FindChildOption.FindDirectChildrenOnly):
            action.setEnabled(False)
            action.setShortcuts([])
            action.deleteLater()
        for helper in (self.cards, self._undo_keys):
            if helper is not None:
                helper.deleteLater()
        self.setMenuBar(QMenuBar(self))  # the old bar, its menus and status bar are deleted
        self.setStatusBar(QStatusBar(self))
        self._build_ui()

    def _panel_built(self, key: str, panel: QWidget) -> None:
        if self._shown_once:
            self.refresh_keyboard(panel)
        else:  # the first panel: its keyboard set-up waits for the first frame, not the reverse
            self.first_frame.then(lambda: self._refresh_if_shown(key, panel))

    def _refresh_if_shown(self, key: str, panel: QWidget) -> None:
        if self.panel_tabs.built(key) is panel:  # not a panel of before a change of language
            self.refresh_keyboard(panel)

    def refresh_keyboard(self, panel: QWidget) -> None:
        """Alt shortcuts, Undo keys and the Tab order for ``panel`` (again, when a page of it
        was built later)."""
        give_panel_mnemonics(panel, set(self._mnemonics))
        if isinstance(panel, ItemPanel):
            panel.refit_captions()
        self._undo_keys.watch_all(panel)
        # Tab walks the title, the tabs, this panel top to bottom, then the totals' inputs.
        chain([self.title_edit, self.tabs.tabBar(), *tab_stops(panel), *self._after_panels()])

    def _after_panels(self) -> list[QWidget]:
        return [self.totals.free_spin, self.totals.discount_spin, self.breakdown_table]

    def _build_menus(self) -> None:
        self.files.build_file_menu(self.menuBar().addMenu(_("&File")))
        self.cards = RateCardActions(self)
        self.undo_action, self.redo_action = build_edit_menu(
            self, self.menuBar().addMenu(_("&Edit"))
        )
        self.cards.build_menu(self.menuBar().addMenu(_("&Rate card")))
        language_menu(self, self.menuBar().addMenu(_("Lan&guage")))

    # ------------------------------------------------------------------ public

    @property
    def plans(self) -> PlansView:
        """The ways to buy the month (made when a card with packages is first used)."""
        return self.results_pane.plans

    @property
    def room_model(self) -> RoomShareModel:
        """Each room's and task's figures (made when the view by room is first shown)."""
        return self.results_pane.room_model

    @property
    def room_chart(self) -> RoomChart:
        """The chart of the view by room or task (built when that view is first shown)."""
        return self.results_pane.room_chart

    @property
    def path(self) -> Path | None:
        return self.files.path

    def panel(self, key: str) -> QWidget:
        """The panel of ``key`` (one of PANEL_KEYS), built now if its tab was never shown.

        Its widgets exist once this returns, so ``findChild`` finds them by objectName.
        """
        return self.panel_tabs.panel(key)

    def is_built(self, key: str) -> bool:
        return self.panel_tabs.built(key) is not None

    def show_panel(self, key: str) -> QWidget:
        """Bring the tab of ``key`` to the front, as a click on it does; its panel."""
        return self.panel_tabs.show(key)

    def current_breakdown(self) -> Breakdown:
        return self.session.breakdown

    def show_breakdown(self, breakdown: Breakdown) -> None:
        self.totals.show_breakdown(breakdown)
        self.results_pane.show_breakdown(breakdown, self.session.rate_card)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()
        self.banner_close.show()

    def hide_banner(self) -> None:
        self.banner.hide()
        self.banner_close.hide()

    def open_file(self, path: str | Path) -> bool:
        """Open a scenario file; a file the core refuses is reported and the current one kept."""
        return self.files.open_file(Path(path))

    def save_file(self, path: str | Path) -> bool:
        """Save the estimate to ``path``; a failed save is reported and nothing is lost."""
        return self.files.save_file(Path(path))

    def report(self, title: str, text: str) -> None:
        """A problem the user must see: in the banner, and in a message box when shown."""
        self.show_banner(text)
        if self.isVisible():
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, title, text)

    # ------------------------------------------------------------------ slots

    def _on_scenario_loaded(self, _scenario: Scenario) -> None:
        self.hide_banner()
        self.panel_tabs.show_first_used(self.session.scenario)
        self._update_title()

    def _on_scenario_changed(self, scenario: Scenario) -> None:
        if self.title_edit.text() != scenario.title:
            with QSignalBlocker(self.title_edit):
                self.title_edit.setText(scenario.title)
        self.panel_tabs.show_counts(scenario)
        self._update_title()

    def _on_title_edited(self) -> None:
        title = self.title_edit.text().strip()
        self.title_edit.setModified(False)  # committed: Ctrl+Z now undoes it in the window
        if title != self.session.scenario.title:
            self.session.request(
                lambda s: replace(s, title=title),
                lambda: _("Change the estimate's title to {title}").format(title=title),
                key="title",
            )

    def _on_discount_edited(self, percent: Decimal) -> None:
        self.session.request(
            lambda s: replace(s, discount_percent=percent),
            lambda: _("Change the contract discount to {percent}%").format(
                percent=format_decimal(percent)
            ),
            key="discount",
        )

    def _on_free_minutes_edited(self, minutes: int) -> None:
        self.session.request(
            lambda s: replace(s, free_minutes=minutes),
            lambda: _("Change the free minutes to {minutes}").format(minutes=format_int(minutes)),
            key="free_minutes",
        )

    def _on_refusals_changed(self) -> None:
        refusals = self.session.refusals
        self.totals.show_stale(bool(refusals))
        for key in ("title", "discount", "free_minutes"):
            if key in refusals:
                self.statusBar().showMessage(refusal_text(refusals[key]), 8000)

    def _on_modified_changed(self, _modified: bool) -> None:
        self._update_title()

    def _update_title(self) -> None:
        self.setWindowModified(self.session.modified)
        path = self.files.path
        name = path.name if path else _("untitled")
        title = self.session.scenario.title
        # [*] is where Qt shows the unsaved-changes mark; a translation keeps it.
        if title:
            text = _("{title} \u2014 {file}[*] \u2014 TRTC price estimator").format(
                title=title, file=name
            )
        else:
            text = _("{file}[*] \u2014 TRTC price estimator").format(file=name)
        self.setWindowTitle(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.first_frame.window_shown()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.may_close():
            self.files.closed()
            event.accept()
        else:
            event.ignore()
