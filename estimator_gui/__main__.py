"""`python -m estimator_gui [FILE]` opens the window; `... quote FILE` prices in a terminal."""

from __future__ import annotations

import sys


def main() -> int:
    args = sys.argv[1:]
    if args and args[0] in ("quote", "--version"):
        from estimator_gui.cli import main as cli_main  # no Qt on this path

        return cli_main(args)
    from estimator_gui.gui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
