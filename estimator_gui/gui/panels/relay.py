"""Relay to CDN, and the tab that holds it under the mixing tasks."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from estimator_gui.gui.inputs import DecimalSpinBox, MessageLabel
from estimator_gui.gui.labels import refusal_text
from estimator_gui.gui.locale_format import format_decimal
from estimator_gui.gui.panels.tasks import TaskPanel
from estimator_gui.gui.session import EstimateSession
from estimator_gui.pricing import limits
from estimator_gui.pricing.scenario import Relay, Scenario

RELAY_KEY = "relay"  # the session's name of this input, for its refusals


class RelayBox(QGroupBox):
    """Relay to CDN: by monthly peak bandwidth (older accounts) or by relay minutes (newer)."""

    MODES = ("none", "peak_mbps", "minutes")

    def __init__(self, session: EstimateSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Relay to CDN"), parent)
        self.setObjectName("relay")
        self.session = session
        self.mode = QComboBox(self)
        self.mode.setObjectName("relay.mode")
        self.mode.addItem(self.tr("No relay"), "none")
        self.mode.addItem(
            self.tr("Monthly peak bandwidth (accounts before 2025-10-23)"), "peak_mbps"
        )
        self.mode.addItem(self.tr("Relay minutes (accounts from 2025-10-23)"), "minutes")
        self.amount = DecimalSpinBox(self)
        self.amount.setObjectName("relay.amount")
        self.amount.setDecimals(2)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setKeyboardTracking(False)
        self.mode.setToolTip(
            self.tr(
                "How TRTC bills the relay to a CDN: by the month's peak bandwidth for accounts "
                "registered before 2025-10-23, by relay minutes after"
            )
        )
        self.amount.setToolTip(self.tr("The month's peak bandwidth, or its relay minutes"))
        self.message = MessageLabel("relay.message", self)
        self._shown: Relay | bool | None = False  # nothing shown yet (None is "no relay")
        grid = QGridLayout(self)
        mode_caption = QLabel(self.tr("Billed by"), self)
        mode_caption.setBuddy(self.mode)
        grid.addWidget(mode_caption, 0, 0)
        grid.addWidget(self.mode, 0, 1)
        self.mode.setAccessibleName(mode_caption.text())
        self.amount_caption = QLabel(self)
        self.amount_caption.setBuddy(self.amount)
        grid.addWidget(self.amount_caption, 1, 0)
        grid.addWidget(self.amount, 1, 1)
        grid.addWidget(self.message, 2, 1)
        grid.setColumnStretch(1, 1)
        self.mode.activated.connect(self._on_changed)
        self.amount.valueChanged.connect(self._on_changed)
        session.scenario_changed.connect(self.show_scenario)
        session.refusals_changed.connect(self._on_refusals_changed)
        self.show_scenario(session.scenario)

    def show_scenario(self, scenario: Scenario) -> None:
        relay = scenario.relay
        if relay == self._shown and self._shown is not False:
            return  # another input changed: nothing here to redraw (this runs on every move)
        self._shown = relay
        mode, value = "none", Decimal(0)
        if relay is not None and relay.peak_mbps is not None:
            mode, value = "peak_mbps", relay.peak_mbps
        elif relay is not None and relay.minutes is not None:
            mode, value = "minutes", relay.minutes
        with QSignalBlocker(self.mode):
            self.mode.setCurrentIndex(self.MODES.index(mode))
        self._show_mode(mode)
        if self.amount.decimal_value() != value:
            self.amount.set_decimal_value(value)

    def _on_refusals_changed(self) -> None:
        error = self.session.refusals.get(RELAY_KEY)
        if error is not None:
            self.message.show_message(refusal_text(error))
        elif not self.message.isHidden():
            self.message.clear_message()
            self._shown = False  # show the scenario's relay again, not the refused value
            self.show_scenario(self.session.scenario)

    def _show_mode(self, mode: str) -> None:
        self.amount.setEnabled(mode != "none")
        with QSignalBlocker(self.amount):
            if mode == "minutes":
                self.amount.setRange(0, limits.RELAY_MINUTES_MAX)
                self.amount.setSuffix(self.tr(" min"))
                self.amount_caption.setText(self.tr("Relay minutes a month"))
                self.amount.setAccessibleName(self.amount_caption.text())
            else:
                self.amount.setRange(0, limits.RELAY_MBPS_MAX)
                self.amount.setSuffix(self.tr(" Mbps"))
                self.amount_caption.setText(self.tr("Monthly peak"))
                self.amount.setAccessibleName(self.amount_caption.text())

    def _on_changed(self, *_args: object) -> None:
        mode = self.mode.currentData()
        value = self.amount.decimal_value()
        if mode == "none":
            text = self.tr("Remove the relay to CDN")
        elif mode == "peak_mbps":
            text = self.tr("Relay to CDN at %1 Mbps peak").replace("%1", format_decimal(value))
        else:
            text = self.tr("Relay to CDN for %1 minutes").replace("%1", format_decimal(value))

        def change(scenario: Scenario) -> Scenario:
            relay = (
                None
                if mode == "none"
                else Relay(peak_mbps=value)
                if mode == "peak_mbps"
                else Relay(minutes=value)
            )
            return replace(scenario, relay=relay)

        if self.session.request(change, text, key=RELAY_KEY):
            self._show_mode(mode)


class MixingRelayPanel(QWidget):
    """On-cloud MixTranscoding tasks, and Relay to CDN."""

    def __init__(self, session: EstimateSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mixing_relay.panel")
        self.tasks = TaskPanel(session, "transcoding", self)
        self.relay = RelayBox(session, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tasks)
        layout.addWidget(self.relay)
        layout.addStretch(1)
