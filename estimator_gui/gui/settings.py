"""What the app remembers between runs (window, recent files, language, the letterhead and quote
defaults), behind one typed class."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from msgspec import Struct
from PySide6.QtCore import QByteArray, QObject, QSettings
from PySide6.QtWidgets import QMainWindow

from estimator_gui import i18n
from estimator_gui.files.quote_details import CURRENCIES

ORGANIZATION = "trtc-estimator"
APPLICATION = "TRTC price estimator"
RECENT_MAX = 8

# The only keys the app writes. Quotes and rate cards never live here: they are files the user owns.
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_RECENT = "files/recent"
_LAST = "files/last"
_LANGUAGE = "ui/language"
_COMPANY = "quote/company"
_ADDRESS = "quote/address"
_LOGO = "quote/logo"
_SALES_PERSON = "quote/sales_person"
_QUOTE_LANGUAGE = "quote/language"
_QUOTE_CURRENCY = "quote/currency"
_PAGE_SIZE = "quote/page_size"
KEYS = (_GEOMETRY, _STATE, _RECENT, _LAST, _LANGUAGE)
# The seller's letterhead and what a new quote starts with: written by Letterhead and defaults.
QUOTE_KEYS = (
    _COMPANY,
    _ADDRESS,
    _LOGO,
    _SALES_PERSON,
    _QUOTE_LANGUAGE,
    _QUOTE_CURRENCY,
    _PAGE_SIZE,
)
QUOTE_LANGUAGES = ("en", "ko", "zh")
PAGE_SIZES = ("a4", "letter")  # as quote/pdf.py's PAGE_SIZES, without importing the writer
TEXT_LIMIT = 2000  # a company's address fits; a pasted book does not reach the letterhead

# A BCP 47 / POSIX-like tag ("de", "pt_BR", "zh-Hans"): enough to refuse garbage read back.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8}){0,3}")


class QuoteDefaults(Struct, frozen=True):
    """The letterhead (company, address, optional logo) and what a new quote starts with: the
    sales person, its language and second currency, and the PDF's paper."""

    company: str = ""
    address: str = ""
    logo: Path | None = None
    sales_person: str = ""
    language: str = "en"
    currency: str = "USD"
    page_size: str = "a4"


class AppSettings:
    """Typed access to the settings file; every value read back is checked, never trusted.

    ``path`` names an INI file (tests put one in a temporary folder); without it the user's own
    file is used, ``QSettings(IniFormat, UserScope, "trtc-estimator", "TRTC price estimator")``,
    e.g. ``~/.config/trtc-estimator/TRTC price estimator.ini`` on Linux. INI rather than the native
    format everywhere: on Linux the native format is this INI file already, and on Windows and
    macOS one plain file (instead of the registry or a binary plist) can be read, sent to support
    or deleted to reset the app, and behaves exactly as the one the tests exercise (how byte arrays
    and lists are written differs between the native back ends).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, parent: QObject | None = None):
        if path is None:
            self._settings = QSettings(
                QSettings.Format.IniFormat,
                QSettings.Scope.UserScope,
                ORGANIZATION,
                APPLICATION,
                parent,
            )
        else:
            self._settings = QSettings(os.fspath(path), QSettings.Format.IniFormat, parent)
        # Read as strings; a file written by hand is read the same way as one we wrote.
        self._settings.setFallbacksEnabled(False)

    def file_name(self) -> Path:
        """The settings file in use."""
        return Path(self._settings.fileName())

    def sync(self) -> bool:
        """Write pending changes now; False if the file could not be written (nothing raises)."""
        self._settings.sync()
        return self._settings.status() == QSettings.Status.NoError

    # ------------------------------------------------------------ window

    def window_geometry(self) -> QByteArray:
        """What ``QWidget.saveGeometry`` gave; empty when none was saved or it is not bytes."""
        return self._bytes(_GEOMETRY)

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._write(_GEOMETRY, QByteArray(geometry))

    def window_state(self) -> QByteArray:
        """What ``QMainWindow.saveState`` gave (docks, toolbars); empty when none or not bytes."""
        return self._bytes(_STATE)

    def set_window_state(self, state: QByteArray) -> None:
        self._write(_STATE, QByteArray(state))

    def save_window(self, window: QMainWindow) -> None:
        """Remember a window's geometry and state (call it when the window closes)."""
        self._settings.setValue(_GEOMETRY, window.saveGeometry())
        self._write(_STATE, window.saveState())  # one sync for both

    def restore_window(self, window: QMainWindow) -> bool:
        """Give a window its remembered geometry and state; False (window untouched) if none.

        Qt checks the bytes itself: garbage is refused by ``restoreGeometry``, not a crash.
        """
        geometry, state = self.window_geometry(), self.window_state()
        restored = not geometry.isEmpty() and window.restoreGeometry(geometry)
        if not state.isEmpty():
            restored = window.restoreState(state) and restored
        return restored

    # ------------------------------------------------------------ files

    def recent_files(self) -> list[Path]:
        """Recent scenario files, most recent first, at most RECENT_MAX, each an existing file.

        Entries whose file is gone (or that are not absolute paths: garbage) are dropped from the
        settings as well, so the menu and the file agree.
        """
        stored = self._strings(_RECENT)
        kept = _unique(Path(text) for text in stored if _is_absolute(text))
        kept = [path for path in kept if _is_file(path)][:RECENT_MAX]
        if [str(path) for path in kept] != stored:
            self._write_recent(kept)
        return kept

    def add_recent_file(self, path: str | os.PathLike[str]) -> None:
        """Put ``path`` first, keeping at most RECENT_MAX entries.

        Paths are stored absolute as the user reached them, and compared resolved: a link and its
        target, or ``a/../b.json`` and ``b.json``, are one entry (the newest spelling is kept).
        """
        first = _absolute(path)
        others = [Path(text) for text in self._strings(_RECENT) if _is_absolute(text)]
        self._write_recent(_unique([first, *others])[:RECENT_MAX])

    def remove_recent_file(self, path: str | os.PathLike[str]) -> None:
        gone = _key(_absolute(path))
        others = [Path(text) for text in self._strings(_RECENT) if _is_absolute(text)]
        self._write_recent([entry for entry in _unique(others) if _key(entry) != gone])

    def clear_recent_files(self) -> None:
        """Forget the recent list (the last opened file is a separate setting, kept)."""
        self._remove(_RECENT)

    def last_file(self) -> Path | None:
        """The file open when the app last closed, as stored (it may since have gone); or None."""
        text = self._string(_LAST)
        return Path(text) if text is not None and _is_absolute(text) else None

    def set_last_file(self, path: str | os.PathLike[str] | None) -> None:
        """Remember the open file, or None for a new estimate that was never saved."""
        if path is None:
            self._remove(_LAST)
        else:
            self._write(_LAST, str(_absolute(path)))

    # ------------------------------------------------------------ language

    def language(self) -> str | None:
        """The UI language chosen by the user ("de", "pt_BR"), or None to follow the system."""
        text = self._string(_LANGUAGE)
        return text if text is not None and _LANGUAGE_TAG.fullmatch(text) else None

    def set_language(self, language: str | None) -> None:
        if language is None:
            self._remove(_LANGUAGE)
            return
        if not _LANGUAGE_TAG.fullmatch(language):
            raise ValueError(
                f"language: {language!r} is not a language tag such as 'de' or 'pt_BR'"
            )
        self._write(_LANGUAGE, language)

    # ------------------------------------------------------------ letterhead and quote defaults

    def quote_defaults(self) -> QuoteDefaults:
        """The letterhead and quote defaults; a value that is not one we write is left out."""
        logo = self._string(_LOGO)
        return QuoteDefaults(
            company=self._text(_COMPANY),
            address=self._text(_ADDRESS),
            logo=Path(logo) if logo is not None and _is_absolute(logo) else None,
            sales_person=self._text(_SALES_PERSON),
            # never chosen: the window's own language (a Korean sales person quotes in Korean)
            language=self._choice(_QUOTE_LANGUAGE, QUOTE_LANGUAGES, _window_language()),
            currency=self._choice(_QUOTE_CURRENCY, CURRENCIES, "USD"),
            page_size=self._choice(_PAGE_SIZE, PAGE_SIZES, "a4"),
        )

    def set_quote_defaults(self, defaults: QuoteDefaults) -> None:
        """Remember the letterhead and quote defaults (empty texts and no logo are removed)."""
        if defaults.language not in QUOTE_LANGUAGES:
            raise ValueError(f"language: {defaults.language!r} is not one of {QUOTE_LANGUAGES}")
        if defaults.currency not in CURRENCIES:
            raise ValueError(f"currency: {defaults.currency!r} is not one of {CURRENCIES}")
        if defaults.page_size not in PAGE_SIZES:
            raise ValueError(f"page_size: {defaults.page_size!r} is not one of {PAGE_SIZES}")
        texts = {
            _COMPANY: defaults.company,
            _ADDRESS: defaults.address,
            _LOGO: "" if defaults.logo is None else str(_absolute(defaults.logo)),
            _SALES_PERSON: defaults.sales_person,
            _QUOTE_LANGUAGE: defaults.language,
            _QUOTE_CURRENCY: defaults.currency,
            _PAGE_SIZE: defaults.page_size,
        }
        for key, value in texts.items():
            if value:
                self._settings.setValue(key, value)
            else:
                self._settings.remove(key)
        self._settings.sync()

    def _text(self, key: str) -> str:
        text = self._string(key)
        return "" if text is None or "\0" in text else text[:TEXT_LIMIT]

    def _choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        text = self._string(key)
        return text if text in choices else default

    # ------------------------------------------------------------ reading safely

    def _bytes(self, key: str) -> QByteArray:
        value = self._settings.value(key)
        return QByteArray(value) if isinstance(value, QByteArray) else QByteArray()

    def _string(self, key: str) -> str | None:
        value = self._settings.value(key)
        return value if isinstance(value, str) and value else None

    def _strings(self, key: str) -> list[str]:
        """A list of strings: INI reads a one-entry list back as a plain string; other types and
        non-string entries are garbage and dropped."""
        value = self._settings.value(key)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [item for item in value if isinstance(item, str) and item]

    def _write_recent(self, paths: list[Path]) -> None:
        if paths:
            self._write(_RECENT, [str(path) for path in paths])
        else:
            self._remove(_RECENT)

    def _write(self, key: str, value: object) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()  # a killed app keeps what it already remembered

    def _remove(self, key: str) -> None:
        self._settings.remove(key)
        self._settings.sync()


def _is_absolute(text: str) -> bool:
    return "\0" not in text and Path(text).is_absolute()


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder we may not enter: the file cannot be opened either
        return False


def _absolute(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.abspath(Path(path).expanduser()))


def _key(path: Path) -> str:
    """How two paths are told apart: resolved (links, ``..``), case-folded where the OS folds."""
    try:
        resolved = path.resolve(strict=False)
    except (OSError, RuntimeError):  # a loop of links: compare it as written
        resolved = path
    return os.path.normcase(str(resolved))


def _unique(paths: Iterable[Path]) -> list[Path]:
    seen: set[str] = set()
    result: list[Path] = []
    for path in paths:
        key = _key(path)
        if key not in seen:
            seen.add(key)
            result.append(_absolute(path))
    return result


def _window_language() -> str:
    code = i18n.language()
    return code if code in QUOTE_LANGUAGES else "en"
