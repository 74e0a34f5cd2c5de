"""The compare view in its own window: follows the estimate, and exports the comparison."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QPushButton, QVBoxLayout

from estimator_gui import i18n
from estimator_gui.gui.compare_view import CompareView
from estimator_gui.gui.variants_bar import shown_name
from estimator_gui.i18n import N_, _
from estimator_gui.pricing.errors import InputError

if TYPE_CHECKING:
    from estimator_gui.gui.main_window import MainWindow

EXPORT_FILTER = N_("PDF (*.pdf);;Excel workbook (*.xlsx);;CSV (*.csv)")


class CompareDialog(QDialog):
    """The variants side by side; redrawn on every change of the estimate while shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("compare_dialog")
        self.setWindowTitle(_("Compare variants"))
        self._window = window
        self.view = CompareView(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(_("&Export\u2026"), self)
        self.export_button.setObjectName("compare.export")
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.export_button.clicked.connect(self._on_export)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1200, 680)
        session = window.session
        for signal in (
            session.breakdown_changed,
            session.variants_changed,
            session.pricing_changed,
        ):
            signal.connect(self._on_changed)

    def refresh(self) -> None:
        session = self._window.session
        if len(session.variants) < 2:
            self.close()
            return
        variants = [(shown_name(v.name), v.scenario) for v in session.variants]
        self.view.show_variants(variants, session.rate_card, session.pricing.options)

    def _on_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()

    def export(self, path: Path) -> bool:
        """Write the comparison to ``path`` (PDF, XLSX or CSV by its extension); a refusal is
        shown and leaves no file."""
        from estimator_gui.quote.compare_export import write_comparison

        session = self._window.session
        comparison = self.view.comparison
        if comparison is None:
            return False
        scenarios = [v.scenario for v in session.variants]
        try:
            write_comparison(
                path,
                comparison,
                scenarios,
                session.rate_card,
                i18n.language(),
                title=session.scenario.title,
            )
        except InputError as error:
            self._window.report(_("The comparison was not written"), error.message)
            return False
        self._window.statusBar().showMessage(
            _("Comparison written to {path}").format(path=str(path)), 8000
        )
        return True

    def _on_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the comparison"), "", _(EXPORT_FILTER)
        )
        if name:
            self.export(Path(name))
