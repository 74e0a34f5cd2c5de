"""The command line over the pricing core (``python -m estimator_gui quote FILE``); no Qt."""

from __future__ import annotations

import argparse
import datetime
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from estimator_gui import __version__
from estimator_gui.files.ratecard_io import (
    default_rate_card,
    load_package_book,
    resolve_rate_card,
    shipped_rate_card,
    shipped_rate_cards,
)
from estimator_gui.files.scenario_io import (
    ScenarioFile,
    parse_scenario_file,
    read_bounded,
    read_scenario_file,
)
from estimator_gui.pricing.breakdown import Breakdown, round_money
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.options import PriceOptions
from estimator_gui.pricing.plans import PlanComparison, compare_plans
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.quote.tabular import (
    breakdown_csv,
    breakdown_data,
    breakdown_table,
    plain,
)

EXIT_OK, EXIT_INVALID = 0, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m estimator_gui", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    quote = commands.add_parser("quote", help="price a scenario file and print the breakdown")
    quote.add_argument("file", help="scenario file (trtc-estimate/1 JSON); - reads standard input")
    quote.add_argument("--format", choices=("table", "json", "csv"), default="table")
    cards = quote.add_mutually_exclusive_group()
    cards.add_argument(
        "--rate-card",
        metavar="ID|FILE",
        help="a shipped rate card's id (see the rate-cards command) or a rate card TOML file "
        "(default: the card the scenario names, else the 2022-06 list)",
    )
    cards.add_argument("--rate-card-id", metavar="ID", help="a shipped rate card, by its id")
    quote.add_argument(
        "--registered",
        metavar="YYYY-MM-DD",
        help="the day the customer's account was registered (picks the relay list on a card "
        "that bills relay by it; overrides the scenario's account_registered)",
    )
    quote.add_argument(
        "--packages",
        metavar="FILE",
        help="a package book (trtc-package-book/1 TOML) to compare instead of the card's packages",
    )
    commands.add_parser("rate-cards", help="list the shipped rate cards")
    return parser


def quote(args: argparse.Namespace) -> int:
    try:  # a card named on the command line is checked before the scenario is read
        card = _given_card(args)
        packages = load_package_book(Path(args.packages)) if args.packages else None
    except InputError as error:  # names the card file and its key, not the scenario
        return _refuse_card(error)
    try:
        if args.file == "-":
            document = parse_scenario_file(read_bounded(sys.stdin.buffer))
        else:
            document = read_scenario_file(Path(args.file))
    except InputError as error:
        return _refuse_scenario(args, error)
    if card is None:
        try:
            card = _scenario_card(document)
        except InputError as error:  # the scenario names a card that is not shipped
            return _refuse_scenario(args, error)
    try:
        options = _options(args, document.options)
        breakdown = price(document.scenario, card, options)
    except InputError as error:
        return _refuse_scenario(args, error)
    if document.rate_card_id is not None and document.rate_card_id != card.id:
        print(
            f"note: the scenario was made with rate card {document.rate_card_id}; "
            f"priced on {card.id}",
            file=sys.stderr,
        )
    comparison = compare_plans(breakdown, card, packages) if (packages or card.packages) else None
    title = document.scenario.title
    if args.format == "json":
        text = _json(breakdown, title, comparison)
    elif args.format == "csv":
        text = breakdown_csv(breakdown)
    else:
        text = breakdown_table(breakdown, title) + _day_working(breakdown) + _plans(comparison)
    _write(text)
    return EXIT_OK


def rate_cards() -> int:
    """One line per shipped card: id, effective date, rounding period, title."""
    lines = [
        f"{card.id}  effective {card.effective}  rounds per {card.rounding_period}  {card.title}"
        + ("  (default)" if card.id == default_rate_card().id else "")
        for card in shipped_rate_cards()
    ]
    _write("\n".join(lines) + "\n")
    return EXIT_OK


def _given_card(args: argparse.Namespace) -> RateCard | None:
    """The card the command line names: --rate-card-id, or --rate-card (an id or a file)."""
    if args.rate_card_id:
        return shipped_rate_card(args.rate_card_id)
    if args.rate_card:
        return resolve_rate_card(args.rate_card)
    return None


def _scenario_card(document: ScenarioFile) -> RateCard:
    """The card the scenario was made with, else the default card."""
    if document.rate_card_id is not None:
        return shipped_rate_card(document.rate_card_id)
    return default_rate_card()


def _refuse_card(error: InputError) -> int:
    print(f"error: rate card {error.message}", file=sys.stderr)
    return EXIT_INVALID


def _options(args: argparse.Namespace, options: PriceOptions) -> PriceOptions:
    if not args.registered:
        return options
    try:
        registered = datetime.date.fromisoformat(args.registered)
    except ValueError:
        raise InputError(
            "--registered", args.registered, "is not a date written YYYY-MM-DD", code="bad_date"
        ) from None
    return PriceOptions(registered=registered, value_added=options.value_added)


def _refuse_scenario(args: argparse.Namespace, error: InputError) -> int:
    # A file refused for what it is (a named pipe, a folder) is already named in the message.
    named = args.file == "-" or error.code == "not_a_file" or error.field.startswith("--")
    where = "" if named else f"{args.file}: "
    print(f"error: {where}{error.message}", file=sys.stderr)
    return EXIT_INVALID


def _json(breakdown: Breakdown, title: str, comparison: PlanComparison | None) -> str:
    data = breakdown_data(breakdown, title)
    if breakdown.rounding_period != "month":
        data["rounding_period"] = breakdown.rounding_period
        data["free_minutes_period"] = breakdown.free_minutes_period
        for item, line in zip(data["lines"], breakdown.lines, strict=True):
            if line.free_weight != 1:
                item["free_weight"] = line.free_weight
            if line.days:
                item["days"] = [
                    {
                        "first_day": stretch.first_day,
                        "last_day": stretch.last_day,
                        "seconds_per_day": plain(stretch.seconds),
                        "minutes_per_day": plain(stretch.minutes),
                    }
                    for stretch in line.days
                ]
    if comparison is not None:
        data.update(_plans_data(comparison))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _plans_data(comparison: PlanComparison) -> dict[str, Any]:
    return {
        "plans": [
            {
                "id": plan.id,
                "per": plan.per,
                "eligibility": plan.eligibility,
                "monthly_fee": plain(plan.monthly_fee),
                "package_minutes": plan.package_minutes,
                "covered_minutes": plain(plan.covered_minutes),
                "covered_amount": plain(plan.covered_amount),
                "overage": plain(plan.overage),
                "uncovered": plain(plan.uncovered),
                "total": plain(plan.total),
            }
            for plan in comparison.plans
        ],
        "cheapest": comparison.cheapest,
        "cheapest_new_account": comparison.cheapest_new_account,
        "plans_basis": comparison.basis,
    }


def _day_working(breakdown: Breakdown) -> str:
    """Each line rounded per day: its days, seconds a day, minutes a day."""
    if breakdown.rounding_period == "month":
        return ""
    out = ["", "Rounded per day (each day's seconds rounded up to whole minutes):"]
    for line in breakdown.lines:
        for stretch in line.days:
            days = (
                f"day {stretch.first_day}"
                if stretch.days == 1
                else f"days {stretch.first_day}-{stretch.last_day}"
            )
            out.append(
                f"  {line.section} {line.price_list} {line.tier}: {days}, "
                f"{plain(stretch.seconds)} s a day -> {plain(stretch.minutes)} min a day"
                f" x {stretch.days} = {plain(stretch.minutes * stretch.days)} min"
            )
    return "\n".join(out) + "\n"


def _plans(comparison: PlanComparison | None) -> str:
    if comparison is None:
        return ""
    out = ["", "Plans (after free minutes, before any contract discount):"]
    for plan in comparison.plans:
        mark = " <- cheapest" if plan.id == comparison.cheapest else ""
        if plan.id == comparison.cheapest_new_account != comparison.cheapest:
            mark = " <- cheapest for a new account"
        out.append(
            f"  {plan.id:<16} fee {round_money(plan.monthly_fee):>10,}  "
            f"overage {round_money(plan.overage):>10,}  "
            f"not covered {round_money(plan.uncovered):>10,}  "
            f"total {round_money(plan.total):>10,}{mark}"
        )
    return "\n".join(out) + "\n"


def _write(text: str) -> None:
    # JSON, CSV and the table are UTF-8 whatever the console's code page: a Korean title must not
    # turn into an encoding error when the output is redirected on Windows.
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # stdout replaced by a text stream (tests, an embedding program)
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()


def main(argv: Sequence[str] | None = None) -> int:
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors="backslashreplace")  # a message never fails to print
    args = build_parser().parse_args(argv)
    if args.command == "rate-cards":
        return rate_cards()
    return quote(args)
