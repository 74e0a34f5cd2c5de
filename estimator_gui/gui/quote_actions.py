"""The window's quote: its details, the letterhead and defaults, export to PDF, XLSX or CSV, print
and copy. The document writers (fpdf2, Babel, XlsxWriter) are imported on first use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from estimator_gui.files.quote_details import QuoteDetails
from estimator_gui.gui.settings import QuoteDefaults
from estimator_gui.i18n import N_, _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from estimator_gui.gui.main_window import MainWindow
    from estimator_gui.gui.settings import AppSettings
    from estimator_gui.quote.pdf_font import Letterhead

# The export dialog's filters, by extension; the chosen one gives a name without one its format.
EXPORT_FILTERS = (
    (".pdf", N_("PDF document (*.pdf)")),
    (".xlsx", N_("Excel workbook (*.xlsx)")),
    (".csv", N_("CSV, UTF-8 (*.csv)")),
)


class QuoteActions(QObject):
    """Everything the window does with the quote of its estimate; lives as long as the window
    (its menu items are made anew when the language changes)."""

    def __init__(self, window: MainWindow, settings: AppSettings | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._defaults = QuoteDefaults()  # without a settings file (tests, the self-test)

    # ------------------------------------------------------------------ defaults

    def defaults(self) -> QuoteDefaults:
        if self._settings is not None:
            return self._settings.quote_defaults()
        return self._defaults

    def set_defaults(self, defaults: QuoteDefaults) -> None:
        self._defaults = defaults
        if self._settings is not None:
            self._settings.set_quote_defaults(defaults)

    def letterhead(self) -> Letterhead:
        from estimator_gui.quote.pdf_font import Letterhead

        defaults = self.defaults()
        return Letterhead(defaults.company, defaults.address, defaults.logo)

    def quote_details(self) -> QuoteDetails:
        """The estimate's details, or those a new quote starts with."""
        details = self._window.session.details
        if details is not None:
            return details
        from estimator_gui.gui.quote_dialog import new_details

        return new_details(self.defaults())

    # ------------------------------------------------------------------ menus

    def build_file_items(self, menu: QMenu, before: QAction | None = None) -> None:
        """Quote details, letterhead, export and print, above ``before`` (Quit)."""
        window = self._window
        self.details_action = QAction(_("Quote &details\u2026"), window)
        self.details_action.setObjectName("quote.details_action")
        self.details_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.details_action.triggered.connect(self.edit_details)
        self.letterhead_action = QAction(_("&Letterhead and defaults\u2026"), window)
        self.letterhead_action.setObjectName("quote.letterhead_action")
        self.letterhead_action.triggered.connect(self.edit_defaults)
        self.export_action = QAction(_("&Export quote\u2026"), window)
        self.export_action.setObjectName("quote.export_action")
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)
        self.print_action = QAction(_("&Print quote\u2026"), window)
        self.print_action.setObjectName("quote.print_action")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_quote)
        actions = (self.details_action, self.letterhead_action, self.export_action)
        for action in (*actions, self.print_action):
            menu.insertAction(before, action) if before is not None else menu.addAction(action)
        if before is not None:
            menu.insertSeparator(before)

    def build_edit_items(self, menu: QMenu) -> None:
        self.copy_action = QAction(_("&Copy quote"), self._window)
        self.copy_action.setObjectName("quote.copy_action")
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.triggered.connect(self.copy_quote)
        menu.addAction(self.copy_action)

    # ------------------------------------------------------------------ details

    def edit_details(self) -> bool:
        """The Quote details dialog; OK makes its details the estimate's, as one undo entry."""
        from estimator_gui.gui.quote_dialog import QuoteDetailsDialog

        dialog = QuoteDetailsDialog(self.quote_details(), self.defaults().currency, self._window)
        try:
            if dialog.exec() != QuoteDetailsDialog.DialogCode.Accepted:
                return False
            details = dialog.result_details
        finally:
            dialog.deleteLater()
        return details is not None and self._window.session.request_details(
            details, _("Change the quote details")
        )

    def edit_defaults(self) -> bool:
        from estimator_gui.gui.quote_dialog import LetterheadDialog

        dialog = LetterheadDialog(self.defaults(), self._window)
        try:
            if dialog.exec() != LetterheadDialog.DialogCode.Accepted:
                return False
            defaults = dialog.result_defaults
        finally:
            dialog.deleteLater()
        if defaults is None:
            return False
        self.set_defaults(defaults)
        return True

    # ------------------------------------------------------------------ documents

    def export(self) -> bool:
        """Ask where, then write the quote there; the filter chosen gives a bare name its
        format."""
        from PySide6.QtWidgets import QFileDialog

        filters = [_(caption) for _suffix, caption in EXPORT_FILTERS]
        name, chosen = QFileDialog.getSaveFileName(
            self._window,
            _("Export the quote"),
            str(self._suggested_path()),
            ";;".join(filters),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() not in {suffix for suffix, _caption in EXPORT_FILTERS}:
            suffix = next(
                (s for s, caption in EXPORT_FILTERS if _(caption) == chosen), EXPORT_FILTERS[0][0]
            )
            path = path.with_name(path.name + suffix)
        return self.export_to(path)

    def _suggested_path(self) -> Path:
        file = self._window.files.path
        folder = file.parent if file is not None else Path.home()
        details = self._window.session.details
        stem = (details.quote_number if details else "") or (file.stem if file else "") or "quote"
        return folder / f"{stem}.pdf"

    def export_to(self, path: Path, page_size: str | None = None) -> bool:
        """Write the quote to ``path`` (PDF, XLSX or CSV by its extension); a refusal or a
        failed write is reported with the path and the reason, and leaves no file."""
        from estimator_gui.pricing.errors import InputError
        from estimator_gui.quote.export import write_quote

        window = self._window
        session = window.session
        try:
            write_quote(
                path,
                session.breakdown,
                session.scenario,
                session.rate_card,
                self.quote_details(),
                self.letterhead(),
                page_size or self.defaults().page_size,
            )
        except InputError as error:
            window.report(
                _("Cannot export the quote"),
                _("The quote was not written to {path}: {reason}").format(
                    path=str(path), reason=error.message
                ),
            )
            return False
        window.statusBar().showMessage(_("Quote written to {path}").format(path=str(path)), 8000)
        return True

    def print_quote(self) -> bool:
        """File > Print quote: a preview of the quote, printed from there."""
        from estimator_gui.gui.print_quote import preview_quote

        return preview_quote(self._window, self)

    def copy_quote(self) -> None:
        """Edit > Copy quote: the breakdown as tab-separated text and an HTML table."""
        from estimator_gui.gui.clipboard import copy_breakdown

        window = self._window
        copy_breakdown(
            window.breakdown_model, window.session.breakdown, window.session.scenario.title
        )
        window.statusBar().showMessage(_("The breakdown is on the clipboard"), 5000)
