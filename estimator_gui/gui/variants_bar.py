"""The variants of an estimate (a base and up to three what-ifs): pick, rename, duplicate,
delete, and compare them side by side. Every step is one undo entry of the session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from estimator_gui.files.variants import BASE_NAME, NAME_MAX, VARIANTS_MAX, Variant
from estimator_gui.gui.labels import refusal_text
from estimator_gui.i18n import _
from estimator_gui.pricing.errors import InputError

if TYPE_CHECKING:
    from estimator_gui.gui.compare_dialog import CompareDialog
    from estimator_gui.gui.main_window import MainWindow


def shown_name(name: str) -> str:
    """The base's default name in the window's language; any name the user gave as typed."""
    return _("Base") if name == BASE_NAME else name


class VariantsBar(QWidget):
    """``Variant [name v] [name] Duplicate Delete Compare…``: the combo switches variant, the
    line renames the one in view."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("variants")
        self._window = window
        self._compare: CompareDialog | None = None
        self.combo = QComboBox(self)
        self.combo.setObjectName("variants.selector")
        self.combo.setMinimumContentsLength(14)
        self.combo.setToolTip(_("The variant in view: the base or one of its what-ifs"))
        caption = QLabel(_("&Variant"), self)
        caption.setBuddy(self.combo)
        self.combo.setAccessibleName(_("Variant"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("variants.name")
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setToolTip(_("The name of the variant in view; press Enter to rename it"))
        self.name_edit.setAccessibleName(_("Variant name"))
        self.duplicate_button = QPushButton(_("D&uplicate"), self)
        self.duplicate_button.setObjectName("variants.duplicate")
        self.duplicate_button.setToolTip(
            _("A copy of this variant to change into a what-if (at most {count} variants)").format(
                count=VARIANTS_MAX
            )
        )
        self.delete_button = QPushButton(_("Delete"), self)
        self.delete_button.setObjectName("variants.delete")
        self.delete_button.setToolTip(_("Delete the variant in view (Ctrl+Z brings it back)"))
        self.compare_button = QPushButton(_("Co&mpare\u2026"), self)
        self.compare_button.setObjectName("variants.compare")
        self.compare_button.setToolTip(_("The variants side by side, each against the base"))
        QShortcut(QKeySequence("Ctrl+Shift+M"), window, self.show_comparison)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.name_edit, 1)
        for button in (self.duplicate_button, self.delete_button, self.compare_button):
            layout.addWidget(button)
        self.captions = [caption]
        self.combo.activated.connect(self._on_activated)
        self.name_edit.editingFinished.connect(self._on_name_typed)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self.compare_button.clicked.connect(self.show_comparison)
        window.session.variants_changed.connect(self.refresh)
        window.session.refusals_changed.connect(self._on_refusals)
        self.refresh()

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        session = self._window.session
        variants = session.variants
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for variant in variants:
                self.combo.addItem(shown_name(variant.name))
            self.combo.setCurrentIndex(session.current_variant)
        self.name_edit.setText(shown_name(variants[session.current_variant].name))
        self.duplicate_button.setEnabled(session.may_add_variant())
        self.delete_button.setEnabled(len(variants) > 1)
        self.compare_button.setEnabled(len(variants) > 1)

    def _on_refusals(self) -> None:
        refused = self._window.session.refusals.get("variants")
        if refused is not None:
            self._window.statusBar().showMessage(refusal_text(refused), 8000)
            self.refresh()  # the combo shows the name kept, not the one refused

    # ------------------------------------------------------------------ changing

    def _on_activated(self, index: int) -> None:
        session = self._window.session
        if 0 <= index < len(session.variants) and index != session.current_variant:
            raw = session.variants[index].name
            session.request_variants(
                session.variants,
                index,
                lambda: _("Show the variant {name}").format(name=shown_name(raw)),
            )

    def _on_name_typed(self) -> None:
        session = self._window.session
        typed = self.name_edit.text().strip()
        current = session.current_variant
        old = session.variants[current]
        if typed == shown_name(old.name):
            self.refresh()
            return
        variants = list(session.variants)
        try:
            variants[current] = Variant(typed, old.scenario)
        except InputError as error:  # an empty name: said in the status bar, the old one kept
            session.refuse("variants", error)
            return
        session.request_variants(
            tuple(variants),
            current,
            lambda: _("Rename the variant {old} to {new}").format(
                old=shown_name(old.name), new=typed
            ),
        )

    def duplicate(self) -> None:
        """A copy of the variant in view, named after it, shown at once."""
        session = self._window.session
        if not session.may_add_variant():
            return
        variants = session.variants
        source = variants[session.current_variant]
        taken = {v.name.casefold() for v in variants}
        number = 2
        name = _("{name} ({number})").format(name=shown_name(source.name), number=number)
        while name.casefold() in taken:
            number += 1
            name = _("{name} ({number})").format(name=shown_name(source.name), number=number)
        session.request_variants(
            (*variants, Variant(name, source.scenario)),
            len(variants),
            lambda: _("Duplicate the variant {name}").format(name=shown_name(source.name)),
        )

    def delete(self) -> None:
        """Delete the variant in view; the one before it is shown (the next, for the base)."""
        session = self._window.session
        variants = session.variants
        if len(variants) < 2:
            return
        current = session.current_variant
        rest = variants[:current] + variants[current + 1 :]
        gone = variants[current].name
        session.request_variants(
            rest,
            max(0, current - 1),
            lambda: _("Delete the variant {name}").format(name=shown_name(gone)),
        )

    def show_comparison(self) -> None:
        """The compare view, made the first time it is asked for."""
        if len(self._window.session.variants) < 2:
            return
        if self._compare is None:
            from estimator_gui.gui.compare_dialog import CompareDialog

            self._compare = CompareDialog(self._window)
        self._compare.show()
        self._compare.raise_()
        self._compare.activateWindow()
        self._compare.refresh()
