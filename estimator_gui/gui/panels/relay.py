"""Relay to CDN, and the tab that holds it under the mixing tasks."""

from __future__ import annotations

import datetime
from decimal import Decimal

from msgspec.structs import replace
from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from estimator_gui.gui.inputs import DecimalSpinBox, MessageLabel
from estimator_gui.gui.labels import refusal_text
from estimator_gui.gui.locale_format import format_decimal
from estimator_gui.gui.panels.tasks import TaskPanel
from estimator_gui.gui.panels.value_added import ValueAddedBox
from estimator_gui.gui.session import EstimateSession, Pricing
from estimator_gui.i18n import _
from estimator_gui.pricing import limits
from estimator_gui.pricing.scenario import Relay, Scenario

RELAY_KEY = "relay"  # the session's name of this input, for its refusals


class RelayBox(QGroupBox):
    """Relay to CDN: by monthly peak bandwidth (older accounts) or by relay minutes (newer)."""

    MODES = ("none", "peak_mbps", "minutes")

    def __init__(self, session: EstimateSession, parent: QWidget | None = None) -> None:
        super().__init__(_("Relay to CDN"), parent)
        self.setObjectName("relay")
        self.session = session
        self.mode = QComboBox(self)
        self.mode.setObjectName("relay.mode")
        self.mode.addItem(_("No relay"), "none")
        self.mode.addItem(_("Monthly peak bandwidth (accounts before 2025-10-23)"), "peak_mbps")
        self.mode.addItem(_("Relay minutes (accounts from 2025-10-23)"), "minutes")
        self.amount = DecimalSpinBox(self)
        self.amount.setObjectName("relay.amount")
        self.amount.setDecimals(2)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setKeyboardTracking(False)
        self.mode.setToolTip(
            _(
                "How TRTC bills the relay to a CDN: by the month's peak bandwidth for accounts "
                "registered before 2025-10-23, by relay minutes after"
            )
        )
        self.amount.setToolTip(_("The month's peak bandwidth, or its relay minutes"))
        self.message = MessageLabel("relay.message", self)
        self._shown: Relay | bool | None = False  # nothing shown yet (None is "no relay")
        grid = QGridLayout(self)
        mode_caption = QLabel(_("Billed by"), self)
        mode_caption.setBuddy(self.mode)
        grid.addWidget(mode_caption, 0, 0)
        grid.addWidget(self.mode, 0, 1)
        self.mode.setAccessibleName(mode_caption.text())
        self.amount_caption = QLabel(self)
        self.amount_caption.setBuddy(self.amount)
        grid.addWidget(self.amount_caption, 1, 0)
        grid.addWidget(self.amount, 1, 1)
        grid.addWidget(self.message, 2, 1)
        # Cards that bill relay by the account's registration day ask for it (optional).
        self.registered_caption = QLabel(_("Account registered on"), self)
        self.registered_known = QCheckBox(_("Known"), self)
        self.registered_known.setObjectName("relay.registered_known")
        self.registered = QDateEdit(self)
        self.registered.setObjectName("relay.registered")
        self.registered.setCalendarPopup(True)
        self.registered.setDisplayFormat("yyyy-MM-dd")
        self.registered_caption.setBuddy(self.registered_known)
        tip = _(
            "The day the customer's TRTC account was registered: it picks how this card bills the "
            "relay (by peak bandwidth before its cut-off day, by relay minutes after)"
        )
        for widget in (self.registered_known, self.registered):
            widget.setToolTip(tip)
            widget.setAccessibleName(self.registered_caption.text())
        registered_row = QHBoxLayout()
        registered_row.addWidget(self.registered_known)
        registered_row.addWidget(self.registered, 1)
        grid.addWidget(self.registered_caption, 3, 0)
        grid.addLayout(registered_row, 3, 1)
        grid.setColumnStretch(1, 1)
        self.registered_known.toggled.connect(self._on_registered_changed)
        self.registered.dateChanged.connect(self._on_registered_changed)
        session.pricing_changed.connect(self._show_pricing)
        self._show_pricing(session.pricing)
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

    def _show_pricing(self, pricing: Pricing) -> None:
        rule = pricing.card.relay
        asks = rule.rule == "by_registration_date"
        for widget in (self.registered_caption, self.registered_known, self.registered):
            widget.setVisible(asks)
        registered = pricing.options.registered
        with QSignalBlocker(self.registered_known), QSignalBlocker(self.registered):
            self.registered_known.setChecked(registered is not None)
            self.registered.setEnabled(registered is not None)
            if registered is not None:
                self.registered.setDate(QDate(registered.year, registered.month, registered.day))
            elif rule.registered_before is not None:
                cut = rule.registered_before
                self.registered.setDate(QDate(cut.year, cut.month, cut.day))

    def _on_registered_changed(self, *_args: object) -> None:
        pricing = self.session.pricing
        day = None
        if self.registered_known.isChecked():
            date = self.registered.date()
            day = datetime.date(date.year(), date.month(), date.day())
        self.registered.setEnabled(day is not None)
        options = replace(pricing.options, registered=day)
        text = (
            _("Account registered on {day}").format(day=day.isoformat())
            if day is not None
            else _("Account registration day not stated")
        )
        self.session.request_pricing(replace(pricing, options=options), text, key=RELAY_KEY)

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
                self.amount.setSuffix(_(" min"))
                self.amount_caption.setText(_("Relay minutes a month"))
                self.amount.setAccessibleName(self.amount_caption.text())
            else:
                self.amount.setRange(0, limits.RELAY_MBPS_MAX)
                self.amount.setSuffix(_(" Mbps"))
                self.amount_caption.setText(_("Monthly peak"))
                self.amount.setAccessibleName(self.amount_caption.text())

    def _on_changed(self, *_args: object) -> None:
        mode = self.mode.currentData()
        value = self.amount.decimal_value()
        if mode == "none":
            text = _("Remove the relay to CDN")
        elif mode == "peak_mbps":
            text = _("Relay to CDN at {mbps} Mbps peak").format(mbps=format_decimal(value))
        else:
            text = _("Relay to CDN for {minutes} minutes").format(minutes=format_decimal(value))

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
        self.value_added = ValueAddedBox(session, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tasks)
        layout.addWidget(self.relay)
        layout.addWidget(self.value_added)
        layout.addStretch(1)
