"""The window's language: chosen from the settings or the system, applied to our catalogue, to
Qt's own texts (dialogs, context menus), to numbers (QLocale) and to the font.

Only the chosen language's catalogue is read, and only when it is not English; the CJK font is
registered only for Korean and Chinese (gui/fonts.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec import Struct
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QSplitter

from estimator_gui import i18n
from estimator_gui.gui.application import display_locale
from estimator_gui.i18n import _

if TYPE_CHECKING:
    from estimator_gui.gui.main_window import MainWindow
    from estimator_gui.gui.settings import AppSettings

# Qt's own catalogue per language (qtbase_<name>.qm among Qt's translations).
QT_CATALOGUES = {"ko": "qtbase_ko", "zh": "qtbase_zh_CN"}
# The QLocale of each language: numbers in the window follow it (the same CLDR data as Babel).
QT_LOCALES = {"en": "en_US", "ko": "ko_KR", "zh": "zh_CN"}

_qt_translator: QTranslator | None = None


def system_language() -> str:
    """The first of the system's UI languages that we ship, else English."""
    for name in QLocale.system().uiLanguages():
        code = i18n.language_of_locale(name)
        if code is not None:
            return code
    return i18n.SOURCE_LANGUAGE


def initial_language(chosen: str | None) -> str:
    """The language to start in: the one chosen in the settings if we ship it, else the system's."""
    if chosen is not None and chosen in i18n.LANGUAGES:
        return chosen
    return system_language()


def apply_language(code: str) -> None:
    """Speak ``code`` everywhere in the process: our texts, Qt's texts, numbers and the font.

    Raises i18n.CatalogueMissing (and changes nothing) when its catalogue was not built.
    """
    global _qt_translator
    i18n.set_language(code)
    QLocale.setDefault(display_locale(QLocale(QT_LOCALES[code])))
    app = QCoreApplication.instance()
    if app is not None:
        if _qt_translator is not None:
            app.removeTranslator(_qt_translator)
            _qt_translator = None
        catalogue = QT_CATALOGUES.get(code)
        if catalogue is not None:
            translator = QTranslator(app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if translator.load(catalogue, folder):
                app.installTranslator(translator)
                _qt_translator = translator
    if code in i18n.CJK_LANGUAGES:
        from estimator_gui.gui.fonts import ensure_font_for

        ensure_font_for(code)


def language_menu(window: MainWindow, menu: QMenu) -> None:
    """Each language in its own name, so anyone finds theirs whatever the window speaks."""
    menu.setObjectName("language")
    group = QActionGroup(menu)
    for code, name in i18n.LANGUAGES.items():
        action = QAction(name, menu)
        action.setObjectName(f"language.{code}")
        action.setCheckable(True)
        action.setChecked(code == i18n.language())
        # On the next turn of the loop: the rebuild deletes this very menu, which is still
        # finishing its click while triggered runs.
        action.triggered.connect(
            lambda _=False, c=code: QTimer.singleShot(0, window, lambda: window.change_language(c))
        )
        group.addAction(action)
        menu.addAction(action)


class UiState(Struct, frozen=True):
    """What the user arranged in the window that a rebuild in another language keeps."""

    tab: int
    split: tuple[int, ...]
    results_tab: int
    banner: str

    @classmethod
    def of(cls, window: MainWindow) -> UiState:
        split = window.findChild(QSplitter, "main_split")
        banner = window.banner.text() if window.banner.isVisibleTo(window) else ""
        return cls(
            window.tabs.currentIndex(),
            tuple(split.sizes()) if split is not None else (),
            window.results.currentIndex(),
            banner,
        )

    def restore(self, window: MainWindow) -> None:
        window.tabs.setCurrentIndex(self.tab)
        split = window.findChild(QSplitter, "main_split")
        if split is not None and self.split:
            split.setSizes(list(self.split))
        window.results.setCurrentIndex(self.results_tab)
        if self.banner:
            window.show_banner(self.banner)


def switch_language(window: MainWindow, code: str, settings: AppSettings | None) -> bool:
    """Apply ``code`` and rebuild ``window`` in it, keeping what the user arranged; remembered in
    ``settings``. A language whose catalogue is missing is reported and nothing changes."""
    if code == i18n.language():
        return True
    try:
        apply_language(code)
    except i18n.CatalogueMissing as error:
        window.report(_("Language"), str(error))
        return False
    if settings is not None:
        settings.set_language(code)
    state = UiState.of(window)
    opened_cards = window.cards.opened_cards() if window.cards is not None else []
    window.session.retranslate()  # the undo entries' names, before the Edit menu is made
    window.rebuild_ui()
    if window.cards is not None:
        window.cards.adopt(opened_cards)
    state.restore(window)
    return True
