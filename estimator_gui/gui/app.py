"""Application start-up: ``build_window`` for a scenario path, and ``main`` for the command line.

``python -m estimator_gui [FILE] [--screenshot OUT.png] [--self-test OUTDIR]``
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from estimator_gui import __version__
from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.resources import resource
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.gui.main_window import MainWindow
from estimator_gui.gui.session import EstimateSession
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import Group, Resolution, Room, Scenario

DEFAULT_EXAMPLE = ("examples", "tutoring.json")
ICON = ("icons", "trtc-estimator.png")
DESKTOP_FILE_NAME = "trtc-estimator"  # packaging/linux/trtc-estimator.desktop
EXIT_OK, EXIT_INVALID = 0, 2


def ensure_application() -> QApplication:
    """The running QApplication, created (named, in the system locale) if there is none.

    Either way it gets the app's icon and desktop file name (the taskbar matches the window to
    trtc-estimator.desktop by it on Wayland and X11).
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "trtc-estimator"])
        QCoreApplication.setOrganizationName("trtc-estimator")
        QCoreApplication.setApplicationName("TRTC price estimator")
        QCoreApplication.setApplicationVersion(__version__)
        QLocale.setDefault(QLocale.system())
    QLocale.setDefault(display_locale(QLocale()))
    assert isinstance(app, QApplication)
    if QGuiApplication.desktopFileName() != DESKTOP_FILE_NAME:
        QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
        # Read when a window first asks for it, not here: QIcon loads files on demand.
        QGuiApplication.setWindowIcon(QIcon(str(resource(*ICON))))
    return app


def display_locale(locale: QLocale) -> QLocale:
    """The locale numbers are shown in, always with digit grouping (the C locale omits it)."""
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale


def builtin_scenario() -> Scenario:
    """What the window shows with no file and no bundled example: one 1:1 video lesson room."""
    return Scenario(
        title="",
        rooms=(
            Room(
                "video_call",
                40,
                22,
                Decimal(45 * 60),
                (Group("participant", 2, receives=(Resolution(1280, 720),)),),
                label="1:1 lessons",
            ),
        ),
    )


def default_scenario() -> Scenario:
    path = resource(*DEFAULT_EXAMPLE)
    try:
        return read_scenario(path)
    except InputError:
        return builtin_scenario()


def build_window(path: str | Path | None = None) -> MainWindow:
    """The ready main window for a scenario file (or the default scenario), not shown.

    A file that cannot be opened never raises: the window opens on the default scenario with the
    reason in a banner, and ``window.load_error`` holds the InputError.
    """
    ensure_application()
    card = default_rate_card()
    error: InputError | None = None
    session: EstimateSession | None = None
    if path is not None:
        try:
            candidate = read_scenario(Path(path))
            session = EstimateSession(candidate, card)
        except InputError as refused:
            error = refused
    if session is None:
        session = EstimateSession(default_scenario(), card)
    window = MainWindow(session, Path(path) if path is not None and error is None else None)
    window.load_error = error
    if error is not None:
        window.show_banner(
            window.tr("%1 was not opened: %2. Showing the default estimate instead.")
            .replace("%1", str(path))
            .replace("%2", error.message)
        )
    return window


def save_screenshot(window: MainWindow, out: Path) -> bool:
    app = ensure_application()
    window.show()
    app.processEvents()
    return window.grab().save(str(out))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m estimator_gui", description="The TRTC price estimator window."
    )
    parser.add_argument("file", nargs="?", help="a scenario file (trtc-estimate/1 JSON) to open")
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        type=Path,
        help="render the window offscreen to a PNG and exit",
    )
    parser.add_argument(
        "--self-test",
        metavar="OUTDIR",
        type=Path,
        help="run the packaged app's self-test, writing its files to OUTDIR",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    if args.self_test is not None:
        try:
            from estimator_gui.gui import selftest
        except ImportError as error:
            print(f"error: the self-test is not available: {error}", file=sys.stderr)
            return EXIT_INVALID
        return int(selftest.run(args.self_test, Path(args.file) if args.file else None))
    if args.screenshot is not None:
        if QApplication.instance() is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        window = build_window(args.file)
        if window.load_error is not None:
            print(f"error: {args.file}: {window.load_error.message}", file=sys.stderr)
            return EXIT_INVALID
        if not save_screenshot(window, args.screenshot):
            print(f"error: could not write {args.screenshot}", file=sys.stderr)
            return EXIT_INVALID
        return EXIT_OK
    app = ensure_application()
    window = build_window(args.file)
    window.show()
    return app.exec()
