"""The QApplication the window runs in: its names, icon, desktop file name and number format."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from estimator_gui import __version__
from estimator_gui.files.resources import resource

ICON = ("icons", "trtc-estimator.png")
DESKTOP_FILE_NAME = "trtc-estimator"  # packaging/linux/trtc-estimator.desktop
ORGANIZATION = "trtc-estimator"
APPLICATION = "TRTC price estimator"


def ensure_application() -> QApplication:
    """The running QApplication, created (named, in the system locale) if there is none.

    Either way it gets the app's icon and desktop file name (the taskbar matches the window to
    trtc-estimator.desktop by it on Wayland and X11).
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "trtc-estimator"])
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QCoreApplication.setApplicationVersion(__version__)
        QLocale.setDefault(QLocale.system())
    QLocale.setDefault(display_locale(QLocale()))
    assert isinstance(app, QApplication)
    if QGuiApplication.desktopFileName() != DESKTOP_FILE_NAME:
        QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
        # Read when a window first asks for it, not here: QIcon loads files on demand.
        QGuiApplication.setWindowIcon(QIcon(str(resource(*ICON))))
    return app


def recovery_folder() -> Path:
    """``<application data>/recovery``, e.g. ``~/.local/share/trtc-estimator/TRTC price
    estimator/recovery`` on Linux (the names are the QApplication's, set at start-up)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not base:  # no home folder known: still somewhere private to the user
        base = str(Path.home() / ".local" / "share" / "trtc-estimator")
    return Path(base) / "recovery"


def display_locale(locale: QLocale) -> QLocale:
    """The locale numbers are shown in, always with digit grouping (the C locale omits it)."""
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale
