"""Application start-up: ``build_window`` for a scenario path, and ``main`` for the command line.

``python -m estimator_gui [FILE] [--screenshot OUT.png] [--self-test OUTDIR]``
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from estimator_gui import i18n
from estimator_gui.files.ratecard_io import default_rate_card, is_shipped_id, shipped_rate_card
from estimator_gui.files.scenario_io import read_scenario_file
from estimator_gui.gui.application import ensure_application, recovery_folder
from estimator_gui.gui.language import apply_language, initial_language
from estimator_gui.gui.main_window import MainWindow
from estimator_gui.gui.session import EstimateSession
from estimator_gui.gui.settings import AppSettings
from estimator_gui.i18n import CatalogueMissing, _
from estimator_gui.pricing import edits
from estimator_gui.pricing.errors import InputError

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_INVALID = 0, 2


def build_window(
    path: str | Path | None = None,
    *,
    settings: AppSettings | None = None,
    recovery_folder: Path | None = None,
    language: str | None = None,
) -> MainWindow:
    """The ready main window for a scenario file, or a blank estimate; not shown.

    A file that cannot be opened never raises: the window opens on a blank estimate with the
    reason in a banner, and ``window.load_error`` holds the InputError. ``settings`` (recent
    files, geometry) and ``recovery_folder`` (autosave) are the desktop app's; tests and the
    self-test leave them out and touch nothing of the user's. ``language`` (en, ko, zh) is
    applied before anything is built; without it the current language stays.
    """
    ensure_application()
    if language is not None:
        apply_language(language)
    error: InputError | None = None
    session: EstimateSession | None = None
    if path is not None:
        try:
            document = read_scenario_file(Path(path))
            # The card the file was made with (the 2022 one when it names none), read alone.
            named = document.rate_card_id
            card = (
                shipped_rate_card(named) if named and is_shipped_id(named) else default_rate_card()
            )
            session = EstimateSession(
                document.scenario, card, options=document.options, details=document.details
            )
            if len(document.variants) > 1:
                session.load(
                    document.scenario, details=document.details, variants=document.variants
                )
        except InputError as refused:
            error = refused
    if session is None:
        session = EstimateSession(edits.blank_scenario(), default_rate_card())
    opened = Path(path) if path is not None and error is None else None
    window = MainWindow(session, opened, settings, recovery_folder)
    window.load_error = error
    if error is not None:
        window.show_banner(
            _("{file} was not opened: {reason}. Showing a blank estimate instead.").format(
                file=str(path), reason=error.message
            )
        )
    return window


def start_path(given: str | None, settings: AppSettings) -> Path | None:
    """What the app opens: the file named, else the one last worked on if it is still there,
    else nothing (a blank estimate), never an example."""
    if given is not None:
        return Path(given)
    last = settings.last_file()
    return last if last is not None and last.is_file() else None


def save_screenshot(window: MainWindow, out: Path) -> bool:
    app = ensure_application()
    window.show()
    app.processEvents()
    return window.grab().save(str(out))


def collect_after_start_up() -> None:
    """Start-up's objects live as long as the app: kept out of every later collection (faster
    ones while a slider moves), and the collector on again."""
    gc.freeze()
    gc.enable()


# What the parser below gives for no arguments: a double-clicked app has none, and is not kept
# waiting for argparse (3 ms of the first frame). tests/cli/test_main_word.py holds them equal.
NO_ARGUMENTS = SimpleNamespace(file=None, screenshot=None, language=None, self_test=None)


def parse_arguments(argv: Sequence[str]) -> SimpleNamespace | argparse.Namespace:
    """The window's options. No arguments (a double-clicked app) or one file (a double-clicked
    scenario) are read without argparse, whose messages look up their catalogue through gettext
    and the locale module on every parse: 1.5 ms of the first frame. The parser's results are the
    same (tests/cli/test_main_word.py)."""
    if not argv:
        return NO_ARGUMENTS
    if len(argv) == 1 and argv[0] and not argv[0].startswith("-"):
        return SimpleNamespace(**dict(vars(NO_ARGUMENTS), file=argv[0]))
    return build_parser().parse_args(list(argv))


def build_parser() -> argparse.ArgumentParser:
    import argparse

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
        "--language",
        choices=sorted(i18n.LANGUAGES),
        help="the window's language for this run (default: the one chosen in the window, else "
        "the system's)",
    )
    parser.add_argument(
        "--self-test",
        metavar="OUTDIR",
        type=Path,
        help="run the packaged app's self-test, writing its files to OUTDIR",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    args = parse_arguments(argv)
    if args.language is not None and (args.self_test is not None or args.screenshot is not None):
        if QApplication.instance() is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_application()
        apply_language(args.language)
    if args.self_test is not None:
        try:
            from estimator_gui.gui import selftest
        except ImportError as error:
            print(f"error: the self-test is not available: {error}", file=sys.stderr)
            return EXIT_INVALID
        scenario = Path(args.file) if args.file else None
        return int(selftest.run(args.self_test, scenario, window_factory=build_window))
    if args.screenshot is not None:
        if QApplication.instance() is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        window = build_window(args.file, language=args.language)
        if window.load_error is not None:
            print(f"error: {args.file}: {window.load_error.message}", file=sys.stderr)
            return EXIT_INVALID
        if not save_screenshot(window, args.screenshot):
            print(f"error: could not write {args.screenshot}", file=sys.stderr)
            return EXIT_INVALID
        return EXIT_OK
    app = ensure_application()
    settings = AppSettings()
    path = start_path(args.file, settings)
    language = args.language or initial_language(settings.language())
    try:
        window = build_window(
            path, settings=settings, recovery_folder=recovery_folder(), language=language
        )
    except CatalogueMissing as error:  # a checkout without `make catalogs`: say so, in English
        print(f"warning: {error}; the window speaks English", file=sys.stderr)
        window = build_window(path, settings=settings, recovery_folder=recovery_folder())
    window.show()
    # After the first frame: the collector back on (__main__ turned it off for start-up), and an
    # estimate lost in a crash is offered back.
    window.first_frame.then(collect_after_start_up)
    window.first_frame.then(window.files.begin)
    return app.exec()
