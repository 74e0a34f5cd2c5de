"""The panels' tabs on the left of the window: one per service, then recording, mixing and relay.

Each tab holds an empty scroll area until it is first shown (or its panel is asked for): the
first frame builds only the panel in view. Each tab says how many rooms or tasks it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from estimator_gui.gui.labels import service_name
from estimator_gui.gui.locale_format import format_int
from estimator_gui.gui.panels.rooms import RoomPanel
from estimator_gui.gui.panels.scroll import PanelScrollArea
from estimator_gui.gui.session import EstimateSession
from estimator_gui.i18n import _
from estimator_gui.pricing.scenario import SERVICES, Scenario

# The panels' keys, in the order of their tabs: one per service, then recording, mixing and relay.
PANEL_KEYS: tuple[str, ...] = (*SERVICES, "recording", "mixing_relay")


class PanelTabs:
    """The tab widget of the panels, and the panels built in it so far.

    ``on_built(key, panel)`` is called once for each panel built, after it is in its tab.
    """

    def __init__(
        self,
        tabs: QTabWidget,
        session: EstimateSession,
        on_built: Callable[[str, QWidget], None],
    ) -> None:
        self.tabs = tabs
        self._session = session
        self._on_built = on_built
        tabs.setObjectName("panels")
        tabs.setDocumentMode(True)
        # Every tab in view, never behind scroll arrows nor elided: the pane widens instead.
        tabs.setUsesScrollButtons(False)
        tabs.setElideMode(Qt.TextElideMode.ElideNone)
        titles = {service: service_name(service) for service in SERVICES}
        titles["recording"] = _("Recording")
        titles["mixing_relay"] = _("Mixing and relay")
        self._titles = titles
        self._counts: tuple[int, ...] = ()
        self._built: dict[str, QWidget] = {}
        self._scrolls: dict[str, PanelScrollArea] = {}
        for key in PANEL_KEYS:
            self._scrolls[key] = PanelScrollArea(None, tabs)
            tabs.addTab(self._scrolls[key], titles[key])

    def panel(self, key: str) -> QWidget:
        """The panel of ``key`` (one of PANEL_KEYS), built now if its tab was never shown.

        Its widgets exist once this returns, so ``findChild`` finds them by objectName.
        """
        panel = self._built.get(key)
        if panel is None:
            if key not in PANEL_KEYS:
                raise KeyError(key)
            panel = self._build(key)
        return panel

    def built(self, key: str) -> QWidget | None:
        """The panel of ``key`` if it was built, else None (nothing is built by asking)."""
        return self._built.get(key)

    def show(self, key: str) -> QWidget:
        """Bring the tab of ``key`` to the front, as a click on it does; its panel."""
        self.tabs.setCurrentIndex(PANEL_KEYS.index(key))
        return self.panel(key)

    def show_tab(self, index: int) -> None:
        """Build the panel of the tab at ``index`` if need be (the tab widget's currentChanged)."""
        if 0 <= index < len(PANEL_KEYS):
            self.panel(PANEL_KEYS[index])

    def show_first_used(self, scenario: Scenario) -> None:
        """Bring the first service the scenario has a room of to the front (none: stay)."""
        for index, service in enumerate(SERVICES):
            if any(room.service == service for room in scenario.rooms):
                self.tabs.setCurrentIndex(index)
                return

    def show_counts(self, scenario: Scenario) -> None:
        """Each tab says how many rooms or tasks it holds: "Video call (2)"."""
        counts = (
            *(sum(1 for room in scenario.rooms if room.service == s) for s in SERVICES),
            len(scenario.recording),
            len(scenario.transcoding) + (scenario.relay is not None),
        )
        if counts == self._counts:
            return  # most edits change a number in a room, not how many there are
        self._counts = counts
        for index, (key, count) in enumerate(zip(PANEL_KEYS, counts, strict=True)):
            title = self._titles[key]
            if count:  # a number in brackets reads alike in every language: nothing to translate
                title = f"{title} ({format_int(count)})"
            self.tabs.setTabText(index, title)

    def _build(self, key: str) -> QWidget:
        session = self._session
        panel: QWidget
        if key in SERVICES:
            panel = RoomPanel(session, key)
        elif key == "recording":
            from estimator_gui.gui.panels.tasks import TaskPanel  # when its tab is first shown

            panel = TaskPanel(session, "recording")
        else:
            from estimator_gui.gui.panels.relay import MixingRelayPanel

            panel = MixingRelayPanel(session)
        self._built[key] = panel
        self._scrolls[key].setWidget(panel)
        self._on_built(key, panel)
        return panel


class PanelMap(Mapping[str, QWidget]):
    """``window.panels``: every panel by key, in tab order; looking one up builds it if need be."""

    def __init__(self, panel: Callable[[str], QWidget]) -> None:
        self._panel = panel  # MainWindow.panel: the panels of the tabs in view, whatever language

    def __getitem__(self, key: str) -> QWidget:
        if key not in PANEL_KEYS:
            raise KeyError(key)
        return self._panel(key)

    def __iter__(self) -> Iterator[str]:
        return iter(PANEL_KEYS)

    def __len__(self) -> int:
        return len(PANEL_KEYS)
