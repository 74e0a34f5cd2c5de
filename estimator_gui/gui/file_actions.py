"""The File menu's work: new, templates, open, recent, save, the question before closing, and
the autosave that a crash cannot take away."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from estimator_gui.files.resources import resource
from estimator_gui.files.scenario_io import read_scenario_file, save_scenario_file
from estimator_gui.gui.quote_actions import QuoteActions
from estimator_gui.gui.session import Pricing
from estimator_gui.i18n import N_, _
from estimator_gui.pricing import edits
from estimator_gui.pricing.errors import InputError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from estimator_gui.gui import recovery
    from estimator_gui.gui.main_window import MainWindow
    from estimator_gui.gui.settings import AppSettings

# Marked here for the catalogue, translated where the dialogs open.
FILE_FILTER = N_("TRTC estimate (*.json);;All files (*)")
# The bundled examples offered by File > New from template, in menu order.
TEMPLATES = (
    ("tutoring.json", N_("1:1 tutoring with recording")),
    ("team_meetings.json", N_("Team meetings")),
    ("live_shopping.json", N_("Live shopping show")),
    ("webinar.json", N_("Webinar")),
)


class FileActions(QObject):
    """Which file the window's estimate belongs to, and every step that replaces or writes it."""

    def __init__(
        self,
        window: MainWindow,
        path: Path | None = None,
        settings: AppSettings | None = None,
        recovery_folder: Path | None = None,
    ) -> None:
        """``settings`` remembers recent files; with ``recovery_folder`` the working estimate
        is autosaved there every few seconds while it differs from its file."""
        super().__init__(window)
        self._window = window
        self._path = path
        self.settings = settings
        self.autosaver: recovery.Autosaver | None = None
        self._recovery_folder = recovery_folder
        # The quote of the estimate: details, letterhead, export, print and copy.
        self.quotes = QuoteActions(window, settings)

    def begin(self) -> None:
        """After the first frame: offer back what a crash lost, then autosave from now on."""
        self.offer_recovery()

    def start_autosave(self) -> recovery.Autosaver | None:
        """The autosave of this window's estimate, started on first use (not before the first
        frame: start-up imports and does only what the first frame shows)."""
        if self.autosaver is None and self._recovery_folder is not None:
            from estimator_gui.gui import recovery

            session = self._window.session
            self.autosaver = recovery.Autosaver(
                lambda: session.document,
                lambda: self._path,
                lambda: session.modified,
                folder=self._recovery_folder,
                parent=self,
            )
            self.autosaver.autosave_failed.connect(self._on_autosave_failed)
            self.autosaver.start()
        return self.autosaver

    @property
    def path(self) -> Path | None:
        return self._path

    # ------------------------------------------------------------------ the menu

    def build_file_menu(self, menu: QMenu) -> None:
        window = self._window
        self.new_action = self._action(_("&New"), self._on_new_triggered)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.template_menu = menu.addMenu(_("New from &template"))
        self.template_menu.setObjectName("file.templates")
        for name, caption in TEMPLATES:
            action = self._action(
                _(caption),
                lambda _checked=False, n=name: self.new_from(n),
            )
            action.setObjectName(f"file.template.{Path(name).stem}")
            self.template_menu.addAction(action)
        self.open_action = self._action(_("&Open\u2026"), self._on_open_triggered)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu(_("Open &Recent"))
        self.recent_menu.setObjectName("file.recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.recent_menu.setEnabled(self.settings is not None)
        self.save_action = self._action(_("&Save"), self._on_save_triggered)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(_("Save &As\u2026"), self.save_as)
        self.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        quit_action = self._action(_("&Quit"), window.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        menu.insertAction(self.template_menu.menuAction(), self.new_action)
        menu.addSeparator()
        menu.insertAction(self.recent_menu.menuAction(), self.open_action)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.save_as_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.quotes.build_file_items(menu, before=quit_action)

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(slot)
        return action

    # ------------------------------------------------------------------ replacing the estimate

    def new_blank(self) -> None:
        """A blank estimate, untitled: nothing priced until a room or task is added."""
        self._window.session.load(edits.blank_scenario())
        self._path = None
        self._window._update_title()

    def new_from(self, name: str) -> bool:
        """A new, untitled estimate that starts as the bundled example ``name``."""
        if not self.may_replace():
            return False
        try:
            document = read_scenario_file(resource("examples", name))
        except InputError as error:
            self._refused(resource("examples", name), error)
            return False
        # A template is priced with the card in use: it is a start, not a file made elsewhere.
        session = self._window.session
        session.load(document.scenario, pricing=replace(session.pricing, options=document.options))
        self._path = None
        self._window._update_title()
        return True

    def open_file(self, path: Path) -> bool:
        try:
            document = read_scenario_file(path)
            own, repriced = self._window.cards.pricing_for(document, path)
            self._window.session.load(
                document.scenario,
                pricing=own,
                details=document.details,
                variants=document.variants,
            )
        except InputError as error:
            self._refused(path, error)
            return False
        self._path = path
        if repriced is not None:  # unsaved changes to the file: Save writes the new card
            title = repriced.card.title
            self._window.session.request_pricing(
                repriced,
                lambda: _("Reprice with {card}").format(card=title),
            )
        self._remember(path)
        self._window._update_title()
        return True

    def _refused(self, path: Path, error: InputError) -> None:
        self._window.report(
            _("Cannot open {file}").format(file=path.name),
            _("{path} was not opened, and the current estimate is unchanged.\n\n{reason}").format(
                path=str(path), reason=error.message
            ),
        )

    # ------------------------------------------------------------------ writing it

    def save_file(self, path: Path) -> bool:
        session = self._window.session
        try:
            save_scenario_file(session.document, path)
        except OSError as error:
            self._window.report(
                _("Cannot save {file}").format(file=path.name),
                _("{path} was not saved: {reason}. The estimate is still open, unchanged.").format(
                    path=str(path), reason=error.strerror or str(error)
                ),
            )
            return False
        self._path = path
        session.mark_saved()
        self._remember(path)
        if self.autosaver is not None:
            self.autosaver.discard()
        self._window._update_title()
        self._window.statusBar().showMessage(_("Saved {path}").format(path=str(path)), 5000)
        return True

    def save(self) -> bool:
        return self.save_as() if self._path is None else self.save_file(self._path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        start = str(self._path) if self._path else ""
        name, _filter = QFileDialog.getSaveFileName(
            self._window,
            _("Save the estimate"),
            start,
            _(FILE_FILTER),
        )
        if not name:
            return False
        if not name.lower().endswith(".json"):
            name += ".json"
        return self.save_file(Path(name))

    # ------------------------------------------------------------------ questions

    def may_replace(self) -> bool:
        """True when the estimate may be replaced or closed: it is saved, or the user said to
        save it (and it saved) or to discard it."""
        window = self._window
        if not window.session.modified or not window.isVisible():
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            window,
            _("Unsaved estimate"),
            _("Save the changes to this estimate first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return True

    def may_close(self) -> bool:
        return self.may_replace()

    def closed(self) -> None:
        """The window closed normally: nothing left to recover, the window remembered."""
        if self.autosaver is not None:
            self.autosaver.stop()
        if self.settings is not None:
            self.settings.save_window(self._window)
            self.settings.set_last_file(self._path)

    # ------------------------------------------------------------------ recent files, recovery

    def _remember(self, path: Path) -> None:
        if self.settings is not None:
            self.settings.add_recent_file(path)
            self.settings.set_last_file(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.settings.recent_files() if self.settings is not None else []
        for number, path in enumerate(paths, start=1):
            text = f"&{number} {path.name}" if number < 10 else path.name
            action = self.recent_menu.addAction(text.replace("&&", "&"))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self._on_recent_triggered(p))
        if not paths:
            empty = self.recent_menu.addAction(_("No recent estimates"))
            empty.setEnabled(False)

    def _on_recent_triggered(self, path: Path) -> None:
        if self.may_replace() and not self.open_file(path) and self.settings is not None:
            self.settings.remove_recent_file(path)

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest autosave of an app that is no longer running.

        Autosaves that cannot be read are set aside (renamed, never deleted) and named in the
        banner. Returns whether an estimate was restored.
        """
        autosaver = self.start_autosave()
        if autosaver is None:
            return False
        from estimator_gui.gui import recovery

        scan = recovery.find_recoverable(autosaver.folder)
        window = self._window
        for item in scan.set_aside:
            window.show_banner(
                _(
                    "An autosaved estimate could not be read and was kept as {copy}: {reason}"
                ).format(copy=str(item.moved_to or item.path), reason=item.reason)
            )
        if not scan.recoverable:
            return False
        newest = scan.recoverable[0]
        restored = False
        if self._ask_restore(newest):
            self._restore(newest)
            recovery.accept(newest, autosaver)
            restored = True
        else:
            recovery.reject(newest)
        recovery.release(recovery.RecoveryScan(scan.recoverable[1:], ()))
        return restored

    def _ask_restore(self, item: recovery.Recoverable) -> bool:
        from PySide6.QtWidgets import QMessageBox

        when = item.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        source = str(item.original) if item.original else _("a new estimate")
        answer = QMessageBox.question(
            self._window,
            _("Restore the unsaved estimate?"),
            _(
                "The estimator stopped at {time} with unsaved changes to {estimate}. "
                "Restore them?\n\n"
                "If you do not, they are kept in {folder}, where File > Open can still read them."
            ).format(time=when, estimate=source, folder=str(item.path.parent)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restore(self, item: recovery.Recoverable) -> None:
        """Show the autosaved scenario as unsaved changes to the file it came from."""
        saved, saved_details, saved_variants = None, None, ()
        if item.original is not None:
            try:
                original = read_scenario_file(item.original)
                saved, saved_details = original.scenario, original.details
                saved_variants = original.variants
            except InputError:
                saved = None  # the file is gone or changed beyond reading: all of it is unsaved
        session = self._window.session
        pricing = session.pricing
        if item.document is not None:
            card = self._window.cards.cards().get(item.document.rate_card_id or "", pricing.card)
            pricing = Pricing(card, item.document.options)
        details = item.document.details if item.document is not None else None
        variants = item.document.variants if item.document is not None else ()
        session.load(
            item.scenario,
            saved_scenario=saved,
            pricing=pricing,
            details=details,
            saved_details=saved_details,
            variants=variants,
            saved_variants=saved_variants,
        )
        self._path = item.original if saved is not None else None
        self._window._update_title()

    def _on_autosave_failed(self, reason: str) -> None:
        self._window.statusBar().showMessage(
            _("Autosave failed: {reason}").format(reason=reason),
            10000,
        )

    # ------------------------------------------------------------------ slots

    def _on_new_triggered(self) -> None:
        if self.may_replace():
            self.new_blank()

    def _on_open_triggered(self) -> None:
        if not self.may_replace():
            return
        from PySide6.QtWidgets import QFileDialog

        start = str(self._path.parent) if self._path else ""
        name, _filter = QFileDialog.getOpenFileName(
            self._window,
            _("Open an estimate"),
            start,
            _(FILE_FILTER),
        )
        if name:
            self.open_file(Path(name))

    def _on_save_triggered(self) -> None:
        self.save()
