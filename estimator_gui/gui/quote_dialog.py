"""The Quote details dialog (customer, number, dates, the quote's language and second currency)
and the Letterhead and defaults dialog; each refuses bad input by field, value and rule."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from estimator_gui import i18n
from estimator_gui.files.quote_details import CURRENCIES, Conversion, QuoteDetails
from estimator_gui.files.quote_io import check_quote_details
from estimator_gui.gui.locale_format import format_decimal, format_int, parse_decimal
from estimator_gui.gui.settings import PAGE_SIZES, QuoteDefaults
from estimator_gui.gui.tones import DIALOG_ERROR, tint
from estimator_gui.i18n import N_, _
from estimator_gui.pricing import limits
from estimator_gui.pricing.errors import InputError

RATE_MAX = Decimal(10) ** 9  # as files/quote_io.py and quote/currency.py
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
PAGE_SIZE_NAMES = {"a4": N_("A4 (210 x 297 mm)"), "letter": N_("US Letter (8.5 x 11 in)")}
# The captions of the fields a refusal names, by the field's name in the file's quote object.
FIELD_CAPTIONS = {
    "customer": N_("Customer"),
    "quote_number": N_("Quote number"),
    "sales_person": N_("Sales person"),
    "quote_date": N_("Quote date"),
    "valid_until": N_("Valid until"),
    "notes": N_("Notes"),
    "language": N_("Quote language"),
    "currency": N_("Second currency"),
    "rate": N_("Rate"),
    "rate_date": N_("Rate date"),
}


class Refused(ValueError):
    """An input the dialog refuses: which field, and the sentence that names value and rule."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


def refusal(key: str, value: str, rule: str) -> Refused:
    """``Valid until: "2026-11-01" is before the quote date 2026-12-01``, in the window's words."""
    shown = _("(empty)") if not value else f"\u201c{value}\u201d"
    return Refused(
        key,
        _("{field}: {value} {rule}").format(field=_(FIELD_CAPTIONS[key]), value=shown, rule=rule),
    )


def parse_date(key: str, text: str) -> datetime.date | None:
    """A date typed YYYY-MM-DD; None for an empty field."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise refusal(key, text, _("is not a date written YYYY-MM-DD")) from None


def new_details(defaults: QuoteDefaults, today: datetime.date | None = None) -> QuoteDetails:
    """The details a quote starts with: the sales person and language from the settings, today's
    date (the second currency needs a rate the user enters, so it starts in USD)."""
    return QuoteDetails(
        sales_person=defaults.sales_person,
        quote_date=today or datetime.date.today(),
        language=defaults.language,
    )


def _languages(combo: QComboBox, chosen: str) -> None:
    for code, name in i18n.LANGUAGES.items():
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))


class QuoteDetailsDialog(QDialog):
    """Edits one QuoteDetails; OK keeps the dialog open, with the reason, for anything refused."""

    def __init__(
        self, details: QuoteDetails, default_currency: str = "USD", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quote_details_dialog")
        self.setWindowTitle(_("Quote details"))
        self.result_details: QuoteDetails | None = None
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key in ("customer", "quote_number", "sales_person", "quote_date", "valid_until"):
            edit = QLineEdit(self)
            edit.setObjectName(f"quote.{key}")
            edit.setMaxLength(limits.TEXT_MAX)
            self.edits[key] = edit
            form.addRow(_(FIELD_CAPTIONS[key]), edit)
        self.edits["customer"].setText(details.customer)
        self.edits["quote_number"].setText(details.quote_number)
        self.edits["sales_person"].setText(details.sales_person)
        for key in ("quote_date", "valid_until"):
            day = getattr(details, key)
            self.edits[key].setText("" if day is None else day.isoformat())
            self.edits[key].setPlaceholderText(_("YYYY-MM-DD"))
        notes = QLineEdit(self)
        notes.setObjectName("quote.notes")
        notes.setMaxLength(limits.TEXT_MAX)
        notes.setText(details.notes)
        self.edits["notes"] = notes
        form.addRow(_(FIELD_CAPTIONS["notes"]), notes)
        self.language = QComboBox(self)
        self.language.setObjectName("quote.language")
        _languages(self.language, details.language)
        self.language.setToolTip(_("The quote's own language; the window keeps its own"))
        form.addRow(_(FIELD_CAPTIONS["language"]), self.language)

        conversion = details.conversion
        self.currency = QComboBox(self)
        self.currency.setObjectName("quote.currency")
        self.currency.addItems(list(CURRENCIES))
        currency = conversion.currency if conversion is not None else default_currency
        self.currency.setCurrentIndex(max(0, self.currency.findText(currency)))
        self.currency.setToolTip(_("Prices are in USD; a quote may also show its total in this"))
        form.addRow(_(FIELD_CAPTIONS["currency"]), self.currency)
        for key in ("rate", "rate_date"):
            edit = QLineEdit(self)
            edit.setObjectName(f"quote.{key}")
            edit.setMaxLength(40)
            self.edits[key] = edit
            form.addRow(_(FIELD_CAPTIONS[key]), edit)
        self.edits["rate"].setPlaceholderText(_("how many of this currency one USD buys"))
        self.edits["rate_date"].setPlaceholderText(_("YYYY-MM-DD"))
        if conversion is not None:
            self.edits["rate"].setText(format_decimal(conversion.rate))
            self.edits["rate_date"].setText(conversion.rate_date.isoformat())
        self.currency.currentTextChanged.connect(self._on_currency_changed)
        self._on_currency_changed(self.currency.currentText())
        note = QLabel(_("The rate is the one you enter; the estimator never fetches one."), self)
        note.setWordWrap(True)

        self.error = QLabel(self)
        self.error.setObjectName("quote_details.error")
        self.error.setWordWrap(True)
        tint(self.error, DIALOG_ERROR)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _on_currency_changed(self, currency: str) -> None:
        # USD needs no rate: the fields keep what was typed in case the user switches back.
        for key in ("rate", "rate_date"):
            self.edits[key].setEnabled(currency != "USD")

    def details(self) -> QuoteDetails:
        """The details as typed; Refused naming the field, value and rule for anything wrong."""
        text = {key: edit.text().strip() for key, edit in self.edits.items()}
        quote_date = parse_date("quote_date", text["quote_date"])
        valid_until = parse_date("valid_until", text["valid_until"])
        if quote_date is not None and valid_until is not None and valid_until < quote_date:
            raise refusal(
                "valid_until",
                text["valid_until"],
                _("is before the quote date {date}").format(date=quote_date.isoformat()),
            )
        details = QuoteDetails(
            customer=text["customer"],
            quote_number=text["quote_number"],
            sales_person=text["sales_person"],
            quote_date=quote_date,
            valid_until=valid_until,
            notes=text["notes"],
            language=str(self.language.currentData()),
            conversion=self._conversion(text["rate"], text["rate_date"]),
        )
        try:
            check_quote_details(details)
        except InputError as error:
            key = error.field.split(".")[-1]
            if key not in FIELD_CAPTIONS:
                key = "customer"
            raise refusal(key, str(error.value or ""), error.rule) from None
        return details

    def _conversion(self, rate_text: str, day_text: str) -> Conversion | None:
        currency = self.currency.currentText()
        if currency == "USD":
            return None
        if not rate_text:
            raise refusal(
                "rate",
                "",
                _("is needed for {currency}: how many {currency} one USD buys").format(
                    currency=currency
                ),
            )
        try:
            rate = parse_decimal(rate_text)
        except ValueError:
            raise refusal("rate", rate_text, _("is not a number")) from None
        if rate <= 0 or rate > RATE_MAX:
            raise refusal(
                "rate",
                rate_text,
                _("must be above 0 and at most {limit}").format(limit=format_int(int(RATE_MAX))),
            )
        day = parse_date("rate_date", day_text)
        if day is None:
            raise refusal(
                "rate_date",
                "",
                _("must be given with a rate: the quote prints the day of its rate"),
            )
        return Conversion(currency, rate, day)

    def accept(self) -> None:
        try:
            self.result_details = self.details()
        except Refused as refused:
            self.error.setText(refused.message)
            self.error.show()
            widget = self.edits.get(refused.key)
            if widget is not None:
                widget.setFocus()
                widget.selectAll()
            return  # the dialog stays open with everything typed
        super().accept()


class LetterheadDialog(QDialog):
    """The company at the top of a PDF quote and what a new quote starts with."""

    def __init__(self, defaults: QuoteDefaults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterhead_dialog")
        self.setWindowTitle(_("Letterhead and defaults"))
        self.result_defaults: QuoteDefaults | None = None
        form = QFormLayout()
        self.company = QLineEdit(defaults.company, self)
        self.company.setObjectName("letterhead.company")
        self.company.setMaxLength(limits.TEXT_MAX)
        form.addRow(_("Company name"), self.company)
        self.address = QPlainTextEdit(defaults.address, self)
        self.address.setObjectName("letterhead.address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(72)
        form.addRow(_("Address"), self.address)
        self.logo = QLineEdit("" if defaults.logo is None else str(defaults.logo), self)
        self.logo.setObjectName("letterhead.logo")
        self.logo.setPlaceholderText(_("optional: a PNG or JPEG file"))
        choose = QPushButton(_("Choose\u2026"), self)
        choose.clicked.connect(self._on_choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(choose)
        form.addRow(_("Logo"), logo_row)
        self.sales_person = QLineEdit(defaults.sales_person, self)
        self.sales_person.setObjectName("letterhead.sales_person")
        self.sales_person.setMaxLength(limits.TEXT_MAX)
        form.addRow(_("Sales person"), self.sales_person)
        self.language = QComboBox(self)
        self.language.setObjectName("letterhead.language")
        _languages(self.language, defaults.language)
        form.addRow(_("Quote language"), self.language)
        self.currency = QComboBox(self)
        self.currency.setObjectName("letterhead.currency")
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentIndex(max(0, self.currency.findText(defaults.currency)))
        form.addRow(_("Second currency"), self.currency)
        self.page_size = QComboBox(self)
        self.page_size.setObjectName("letterhead.page_size")
        for code in PAGE_SIZES:
            self.page_size.addItem(_(PAGE_SIZE_NAMES[code]), code)
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(defaults.page_size)))
        form.addRow(_("Paper"), self.page_size)
        self.error = QLabel(self)
        self.error.setObjectName("letterhead.error")
        self.error.setWordWrap(True)
        tint(self.error, DIALOG_ERROR)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _on_choose_logo(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), self.logo.text(), _("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.logo.setText(name)

    def defaults(self) -> QuoteDefaults:
        """The values as typed; ValueError with the sentence to show for a logo we cannot use."""
        logo_text = self.logo.text().strip()
        logo = Path(logo_text).expanduser() if logo_text else None
        if logo is not None:
            if logo.suffix.lower() not in LOGO_SUFFIXES:
                raise ValueError(
                    _("Logo: \u201c{path}\u201d is not a PNG or JPEG file").format(path=logo_text)
                )
            if not logo.is_file():
                raise ValueError(
                    _("Logo: \u201c{path}\u201d does not exist or is not a file").format(
                        path=logo_text
                    )
                )
        return QuoteDefaults(
            company=self.company.text().strip(),
            address=self.address.toPlainText().strip(),
            logo=logo,
            sales_person=self.sales_person.text().strip(),
            language=str(self.language.currentData()),
            currency=self.currency.currentText(),
            page_size=str(self.page_size.currentData()),
        )

    def accept(self) -> None:
        try:
            self.result_defaults = self.defaults()
        except ValueError as error:
            self.error.setText(str(error))
            self.error.show()
            self.logo.setFocus()
            return
        super().accept()
