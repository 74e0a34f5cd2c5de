"""Value-added services a rate card prices per minute (speech-to-text, AI translation, web page
recording): how many sessions a day use each, on how many days, for how long."""

from __future__ import annotations

from msgspec.structs import replace
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QSpinBox, QWidget

from estimator_gui.gui.inputs import MessageLabel
from estimator_gui.gui.labels import refusal_text
from estimator_gui.gui.session import EstimateSession, Pricing
from estimator_gui.i18n import _
from estimator_gui.pricing import edits, limits
from estimator_gui.pricing.card_rules import ValueAdded
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.options import ValueAddedUse

VALUE_ADDED_KEY = "value_added"  # the session's name of these inputs, for their refusals


class ServiceRow:
    """One service's inputs: used or not, sessions a day, days, minutes, languages, option."""

    def __init__(self, box: ValueAddedBox, service: ValueAdded, row: int) -> None:
        self.service = service
        grid = box.grid
        self.used = QCheckBox(service.title, box)
        self.used.setObjectName(f"value_added.{service.id}")
        self.used.setToolTip(
            _("Price {service} per minute of use, from the rate card ({source})").format(
                service=service.title, source=service.source
            )
        )
        self.per_day = self._spin(box, "per_day", 1, limits.TASKS_PER_DAY_MAX, _(" a day"))
        self.days = self._spin(box, "days", limits.DAYS_MIN, limits.DAYS_MAX, _(" days"))
        self.minutes = self._spin(box, "minutes", 1, limits.SESSION_MINUTES_MAX, _(" min"))
        self.per_day.setToolTip(_("Sessions a day that use it"))
        self.days.setToolTip(_("Days in the month"))
        self.minutes.setToolTip(_("Minutes of each session"))
        self.languages: QSpinBox | None = None
        self.option: QComboBox | None = None
        # The service's name on one row, its figures under it: the tab stays narrow.
        grid.addWidget(self.used, 2 * row, 0, 1, 4)
        grid.addWidget(self.per_day, 2 * row + 1, 0)
        grid.addWidget(self.days, 2 * row + 1, 1)
        grid.addWidget(self.minutes, 2 * row + 1, 2)
        if service.per_language:
            self.languages = self._spin(box, "languages", 1, 99, _(" languages"))
            self.languages.setToolTip(_("Output languages: each is billed on the input minutes"))
            grid.addWidget(self.languages, 2 * row + 1, 3)
        elif len(service.prices) > 1:
            self.option = QComboBox(box)
            self.option.setObjectName(f"value_added.{service.id}.option")
            self.option.setToolTip(_("Output resolution, which sets the price"))
            for option, _price in service.prices:
                self.option.addItem(option, option)
            grid.addWidget(self.option, 2 * row + 1, 3)
        for widget in self.inputs():
            widget.setAccessibleName(service.title)
        self.per_day.setValue(1)
        self.days.setValue(edits.DEFAULT_DAYS)
        self.minutes.setValue(edits.whole_minutes(edits.DEFAULT_SECONDS))

    def _spin(self, box: QGroupBox, key: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(box)
        spin.setObjectName(f"value_added.{self.service.id}.{key}")
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setKeyboardTracking(False)  # one edit when typing ends
        return spin

    def inputs(self) -> list[QWidget]:
        extra = [w for w in (self.languages, self.option) if w is not None]
        return [self.used, self.per_day, self.days, self.minutes, *extra]

    def use(self) -> ValueAddedUse | None:
        if not self.used.isChecked():
            return None
        return ValueAddedUse(
            self.service.id,
            self.per_day.value(),
            self.days.value(),
            edits.minutes_to_seconds(self.minutes.value()),
            option=str(self.option.currentData()) if self.option is not None else "standard",
            languages=self.languages.value() if self.languages is not None else 1,
        )

    def show(self, use: ValueAddedUse | None) -> None:
        with QSignalBlocker(self.used):
            self.used.setChecked(use is not None)
        for widget in self.inputs()[1:]:
            widget.setEnabled(use is not None)
        if use is None:
            return
        for spin, value in (
            (self.per_day, use.tasks_per_day),
            (self.days, use.days),
            (self.minutes, edits.whole_minutes(use.seconds)),
            (self.languages, use.languages),
        ):
            if spin is not None and spin.value() != value:
                with QSignalBlocker(spin):
                    spin.setValue(value)
        if self.option is not None:
            with QSignalBlocker(self.option):
                self.option.setCurrentIndex(max(self.option.findData(use.option), 0))


class ValueAddedBox(QGroupBox):
    """The card's value-added services; hidden for a card that lists none."""

    def __init__(self, session: EstimateSession, parent: QWidget | None = None) -> None:
        super().__init__(_("Value-added services"), parent)
        self.setObjectName("value_added")
        self.session = session
        self.grid = QGridLayout(self)
        self.rows: dict[str, ServiceRow] = {}
        self._card_id = ""
        self.message = MessageLabel("value_added.message", self)
        session.pricing_changed.connect(self.show_pricing)
        session.refusals_changed.connect(self._on_refusals_changed)
        self.show_pricing(session.pricing)

    def show_pricing(self, pricing: Pricing) -> None:
        card = pricing.card
        if card.id != self._card_id:
            self._card_id = card.id
            self._build(card.value_added)
        self.setVisible(bool(self.rows))
        uses = {use.service: use for use in pricing.options.value_added}
        for service_id, row in self.rows.items():
            row.show(uses.get(service_id))

    def _build(self, services: tuple[ValueAdded, ...]) -> None:
        for row in self.rows.values():
            for widget in row.inputs():
                widget.deleteLater()
        self.rows = {}
        for number, service in enumerate(services):
            row = ServiceRow(self, service, number)
            self.rows[service.id] = row
            row.used.toggled.connect(self._on_changed)
            for widget in row.inputs()[1:]:
                signal = (
                    widget.currentIndexChanged
                    if isinstance(widget, QComboBox)
                    else (
                        widget.valueChanged  # type: ignore[attr-defined]
                    )
                )
                signal.connect(self._on_changed)
        self.grid.addWidget(self.message, 2 * len(services), 0, 1, 4)

    def _on_changed(self, *_args: object) -> None:
        pricing = self.session.pricing
        try:
            uses = tuple(use for row in self.rows.values() if (use := row.use()) is not None)
        except InputError as error:  # a value the spin boxes let through
            self.session.refuse(VALUE_ADDED_KEY, error)
            return
        self.session.request_pricing(
            replace(pricing, options=replace(pricing.options, value_added=uses)),
            _("Change the value-added services"),
            key=VALUE_ADDED_KEY,
        )
        self.show_pricing(self.session.pricing)

    def _on_refusals_changed(self) -> None:
        error = self.session.refusals.get(VALUE_ADDED_KEY)
        if error is not None:
            self.message.show_message(refusal_text(error))
        else:
            self.message.clear_message()
