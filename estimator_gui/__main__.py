"""`python -m estimator_gui [FILE]` opens the window; `... quote FILE` prices in a terminal."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

COMMANDS = ("quote", "compare", "rate-cards")
EXIT_INVALID = 2
# The window's options that take a value (gui/app.py build_parser): the word after one is its
# value, not the file. tests/cli/test_main_word.py checks this list against that parser.
WINDOW_VALUE_OPTIONS = ("--screenshot", "--self-test", "--language")
USAGE = (
    "usage: python -m estimator_gui [FILE] [options] | quote FILE [options]"
    " | compare FILE... [options] | rate-cards (--help)"
)


def main() -> int:
    args = sys.argv[1:]
    first = _first_word(args)
    if first is not None and first in (*COMMANDS, "--version"):
        from estimator_gui.cli import main as cli_main  # no Qt on this path

        return cli_main(args)
    refusal = refuse_window_file(args)
    if refusal is not None:  # said before Qt loads: without a display Qt would abort instead
        print(refusal, file=sys.stderr)
        return EXIT_INVALID
    # Start-up allocates tens of thousands of objects (modules, classes, widgets) and frees few:
    # the collector would walk them about 60 times for nothing before the first frame. The
    # window turns it back on after that frame, with start-up's objects frozen out of later
    # collections (gui/app.py).
    gc.disable()
    from estimator_gui.gui.app import main as gui_main

    return gui_main(args)


def _first_word(args: Sequence[str]) -> str | None:
    """The first word after a leading ``--language X`` (which the window and the commands both
    take): ``--language ko quote FILE`` is the command line's, not the window's."""
    if args and args[0].startswith("--language"):
        args = args[1:] if "=" in args[0] else args[2:]
    return args[0] if args else None


def window_file(args: Sequence[str]) -> str | None:
    """The FILE the window's arguments name, or None (none given, or help asked for)."""
    file: str | None = None
    takes_value = False
    for index, arg in enumerate(args):
        if takes_value:
            takes_value = False
        elif arg == "--":
            rest = args[index + 1 :]
            return file if file is not None or not rest else rest[0]
        elif arg.startswith("-h") or arg.startswith("--h"):
            return None  # -h, --help, --he: argparse prints the help whatever else is there
        elif arg.startswith("--") and "=" not in arg:
            # argparse takes any unambiguous prefix of an option (--screen OUT.png)
            takes_value = any(option.startswith(arg) for option in WINDOW_VALUE_OPTIONS)
        elif arg.startswith("-") and arg != "-":
            continue
        elif file is None:
            file = arg
    return file


def refuse_window_file(args: Sequence[str]) -> str | None:
    """One line saying why the window's FILE cannot be opened at all, or None to go on.

    A word that is neither a command nor an existing path (``qoute``) and a path that is not a
    regular file (a folder, a named pipe) are refused here. Any other trouble with the file (bad
    JSON, a limit) is the window's to show, which keeps the current estimate and says why.
    """
    word = window_file(args)
    if word is None:
        return None
    from estimator_gui.files.regular import file_kind  # a few lines of os and stat, no Qt

    try:
        kind = file_kind(os.stat(word).st_mode)
    except (FileNotFoundError, NotADirectoryError, ValueError):
        commands = ", ".join(COMMANDS)
        return f"error: {word!r} is neither a command ({commands}) nor a file; {USAGE}"
    except OSError:
        return None  # it may well exist (permission denied): the window says what it can
    if kind is not None:
        return f"error: {word!r} is {kind}, not a file; {USAGE}"
    return None


if __name__ == "__main__":
    sys.exit(main())
