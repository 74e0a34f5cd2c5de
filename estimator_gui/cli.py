"""The command line over the pricing core (``python -m estimator_gui quote FILE``); no Qt."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from estimator_gui import __version__
from estimator_gui.files.ratecard_io import default_rate_card, load_rate_card
from estimator_gui.files.scenario_io import parse_scenario, read_bounded, read_scenario
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.errors import InputError
from estimator_gui.quote.tabular import breakdown_csv, breakdown_json, breakdown_table

EXIT_OK, EXIT_INVALID = 0, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m estimator_gui", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    quote = commands.add_parser("quote", help="price a scenario file and print the breakdown")
    quote.add_argument("file", help="scenario file (trtc-estimate/1 JSON); - reads standard input")
    quote.add_argument("--format", choices=("table", "json", "csv"), default="table")
    quote.add_argument(
        "--rate-card", type=Path, help="a rate card TOML file (default: the bundled one)"
    )
    return parser


def quote(args: argparse.Namespace) -> int:
    try:
        card = load_rate_card(args.rate_card) if args.rate_card else default_rate_card()
    except InputError as error:  # names the card file and its key, not the scenario
        print(f"error: rate card {error.message}", file=sys.stderr)
        return EXIT_INVALID
    try:
        if args.file == "-":
            scenario = parse_scenario(read_bounded(sys.stdin.buffer))
        else:
            scenario = read_scenario(Path(args.file))
        breakdown = price(scenario, card)
    except InputError as error:
        # A file refused for what it is (a named pipe, a folder) is already named in the message.
        named = args.file == "-" or error.code == "not_a_file"
        where = "" if named else f"{args.file}: "
        print(f"error: {where}{error.message}", file=sys.stderr)
        return EXIT_INVALID
    render = {
        "table": lambda b: breakdown_table(b, scenario.title),
        "json": lambda b: breakdown_json(b, scenario.title),
        "csv": breakdown_csv,
    }[args.format]
    # JSON, CSV and the table are UTF-8 whatever the console's code page: a Korean title must not
    # turn into an encoding error when the output is redirected on Windows.
    text = render(breakdown)
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # stdout replaced by a text stream (tests, an embedding program)
        sys.stdout.write(text)
        return EXIT_OK
    sys.stdout.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors="backslashreplace")  # a message never fails to print
    args = build_parser().parse_args(argv)
    return quote(args)
