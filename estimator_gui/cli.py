"""The command line over the pricing core (``python -m estimator_gui quote FILE``); no Qt."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from msgspec import structs

from estimator_gui import __version__, i18n
from estimator_gui.files.quote_details import CURRENCIES, Conversion, QuoteDetails
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
from estimator_gui.i18n import _
from estimator_gui.i18n.numbers import format_decimal, format_int, format_money
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.options import PriceOptions
from estimator_gui.pricing.plans import PlanComparison, compare_plans
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.quote.currency import conversion_from_options
from estimator_gui.quote.export import PAGE_SIZES, check_page_size, quote_format, write_quote
from estimator_gui.quote.names import price_list_name, refusal_line, section_name, tier_name
from estimator_gui.quote.tabular import (
    breakdown_csv,
    breakdown_data,
    breakdown_table,
    pad,
    plain,
)

EXIT_OK, EXIT_INVALID = 0, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m estimator_gui",
        description=_("Price a TRTC scenario file in a terminal, without the window."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # Read by main() before the parser is built (so the help is in that language too); listed
    # here for --help. It may stand anywhere, after a command's own options as well.
    parser.add_argument(
        "--language",
        choices=tuple(i18n.LANGUAGES),
        default=argparse.SUPPRESS,
        help=_("the language of the output (default: from LANG or LC_ALL, else English)"),
    )
    commands = parser.add_subparsers(dest="command", required=True)
    quote = commands.add_parser("quote", help=_("price a scenario file and print the breakdown"))
    quote.add_argument(
        "file", help=_("scenario file (trtc-estimate/1 JSON); - reads standard input")
    )
    quote.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help=_("table for a person (the default), json or csv for a program"),
    )
    cards = quote.add_mutually_exclusive_group()
    cards.add_argument(
        "--rate-card",
        metavar="ID|FILE",
        help=_(
            "a shipped rate card's id (see the rate-cards command) or a rate card TOML file "
            "(default: the card the scenario names, else the 2022-06 list)"
        ),
    )
    cards.add_argument("--rate-card-id", metavar="ID", help=_("a shipped rate card, by its id"))
    quote.add_argument(
        "--registered",
        metavar="YYYY-MM-DD",
        help=_(
            "the day the customer's account was registered (picks the relay list on a card "
            "that bills relay by it; overrides the scenario's account_registered)"
        ),
    )
    quote.add_argument(
        "--packages",
        metavar="FILE",
        help=_(
            "a package book (trtc-package-book/1 TOML) to compare instead of the card's packages"
        ),
    )
    compare_parser = commands.add_parser(
        "compare", help=_("price variants of an estimate and show them side by side")
    )
    compare_parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_(
            "scenario files (trtc-estimate/1 JSON): every variant of each file, or the file as "
            "one variant named by its title; the first variant is the base"
        ),
    )
    compare_parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    compare_parser.add_argument(
        "--output",
        metavar="OUT.pdf|OUT.xlsx|OUT.csv",
        help=_("write the comparison as a document instead; the format follows the extension"),
    )
    compare_cards = compare_parser.add_mutually_exclusive_group()
    compare_cards.add_argument(
        "--rate-card", metavar="ID|FILE", help=_("a shipped rate card's id or a rate card file")
    )
    compare_cards.add_argument(
        "--rate-card-id", metavar="ID", help=_("a shipped rate card, by its id")
    )
    compare_parser.add_argument(
        "--registered",
        metavar="YYYY-MM-DD",
        help=_("the day the customer's account was registered (for every variant)"),
    )
    _add_output_options(quote)
    commands.add_parser("rate-cards", help=_("list the shipped rate cards"))
    return parser


_Output = tuple[Path, Conversion | None, str]  # the document's path, second currency, paper


def _add_output_options(quote: argparse.ArgumentParser) -> None:
    """The quote document options; checked by _output_options, one line for each refusal."""
    quote.add_argument(
        "--output",
        metavar="OUT.pdf|OUT.xlsx|OUT.csv",
        help=_("write the quote as a document instead; the format follows the extension"),
    )
    quote.add_argument(
        "--currency",
        metavar="|".join(CURRENCIES),
        default="USD",
        help=_("a second currency the document shows beside USD (needs --rate and --rate-date)"),
    )
    quote.add_argument(
        "--rate", metavar="R", help=_("how many units of --currency one USD buys, as entered")
    )
    quote.add_argument("--rate-date", metavar="YYYY-MM-DD", help=_("the day of that rate"))
    quote.add_argument(
        "--page-size",
        metavar="|".join(PAGE_SIZES),
        default="a4",
        help=_("the PDF's paper (default: a4)"),
    )


def _output_options(args: argparse.Namespace) -> _Output | None:
    """Where the document goes, its second currency and paper; None to print the breakdown."""
    if args.output is None:
        given = (
            ("--currency", args.currency if args.currency != "USD" else None),
            ("--rate", args.rate),
            ("--rate-date", args.rate_date),
            ("--page-size", args.page_size if args.page_size != "a4" else None),
        )
        for option, value in given:
            if value is not None:
                raise InputError(option, value, _("needs --output: only a document shows it"))
        return None
    path = Path(args.output)
    quote_format(path)
    page_size = args.page_size.strip().lower()
    check_page_size(page_size)
    return path, conversion_from_options(args.currency, args.rate, args.rate_date), page_size


def _export(output: _Output, document: ScenarioFile, card: RateCard, breakdown: Breakdown) -> int:
    path, conversion, page_size = output
    # The file's quote details (customer, number, dates, notes, its second currency), in the
    # command line's language; --currency with --rate and --rate-date replaces the currency.
    saved = document.details or QuoteDetails()
    details = structs.replace(
        saved, language=i18n.language(), conversion=conversion or saved.conversion
    )
    try:
        write_quote(path, breakdown, document.scenario, card, details, None, page_size)
    except InputError as error:
        return _refuse_output(error)
    return EXIT_OK


def _refuse_output(error: InputError) -> int:
    option = {"output": "--output", "page_size": "--page-size"}.get(error.field)
    if option is not None:  # named as the command line spells it
        error = InputError(option, error.value, error.rule, code=error.code, limit=error.limit)
    message = refusal_line(error, format_int)
    print(_("error: {message}").format(message=message), file=sys.stderr)
    return EXIT_INVALID


def quote(args: argparse.Namespace) -> int:
    try:
        output = _output_options(args)
    except InputError as error:
        return _refuse_output(error)
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
        note = _("note: the scenario was made with rate card {made}; priced on {card}")
        print(note.format(made=document.rate_card_id, card=card.id), file=sys.stderr)
    comparison = compare_plans(breakdown, card, packages) if (packages or card.packages) else None
    if output is not None:
        return _export(output, document, card, breakdown)
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
    line = _("{id}  effective {effective}  rounds per {period}  {title}")
    lines = [
        line.format(
            id=card.id, effective=card.effective, period=card.rounding_period, title=card.title
        )
        + ("  " + _("(default)") if card.id == default_rate_card().id else "")
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
    message = refusal_line(error, format_int)
    print(_("error: rate card {message}").format(message=message), file=sys.stderr)
    return EXIT_INVALID


def _options(args: argparse.Namespace, options: PriceOptions) -> PriceOptions:
    if not args.registered:
        return options
    try:
        registered = datetime.date.fromisoformat(args.registered)
    except ValueError:
        raise InputError(
            "--registered", args.registered, _("is not a date written YYYY-MM-DD"), code="bad_date"
        ) from None
    return PriceOptions(registered=registered, value_added=options.value_added)


def _refuse_scenario(args: argparse.Namespace, error: InputError) -> int:
    # A file refused for what it is (a named pipe, a folder) is already named in the message.
    named = args.file == "-" or error.code == "not_a_file" or error.field.startswith("--")
    message = refusal_line(error, format_int)
    if not named:
        message = _("{file}: {message}").format(file=args.file, message=message)
    print(_("error: {message}").format(message=message), file=sys.stderr)
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
    out = ["", _("Rounded per day (each day's seconds rounded up to whole minutes):")]
    working = _("{line}: {days}, {seconds} s a day -> {minutes} min a day x {count} = {total} min")
    for line in breakdown.lines:
        name = " | ".join(
            (section_name(line.section), price_list_name(line.price_list), tier_name(line.tier))
        )
        for stretch in line.days:
            days = (
                _("day {day}").format(day=stretch.first_day)
                if stretch.days == 1
                else _("days {first}-{last}").format(first=stretch.first_day, last=stretch.last_day)
            )
            text = working.format(
                line=name,
                days=days,
                seconds=format_decimal(stretch.seconds),
                minutes=format_decimal(stretch.minutes),
                count=format_int(stretch.days),
                total=format_decimal(stretch.minutes * stretch.days),
            )
            out.append("  " + text)
    return "\n".join(out) + "\n"


def _plans(comparison: PlanComparison | None) -> str:
    if comparison is None:
        return ""
    out = ["", _("Plans (after free minutes, before any contract discount):")]
    figures = _("fee {fee}  overage {overage}  not covered {uncovered}  total {total}")
    for plan in comparison.plans:
        mark = " " + _("<- cheapest") if plan.id == comparison.cheapest else ""
        if plan.id == comparison.cheapest_new_account != comparison.cheapest:
            mark = " " + _("<- cheapest for a new account")
        text = figures.format(
            fee=pad(format_money(plan.monthly_fee), 10, right=True),
            overage=pad(format_money(plan.overage), 10, right=True),
            uncovered=pad(format_money(plan.uncovered), 10, right=True),
            total=pad(format_money(plan.total), 10, right=True),
        )
        out.append(f"  {plan.id:<16} {text}{mark}")
    return "\n".join(out) + "\n"


LANGUAGE_OPTION = "--language"


def choose_language(words: list[str]) -> tuple[list[str], str | None]:
    """Speak the language ``--language CODE`` names (anywhere before ``--``), else the one
    LANG/LC_ALL ask for; the words without that option, and a one-line refusal or None.

    Chosen before the parser is built, so its help and every message are in that language.
    """
    rest: list[str] = []
    given: str | None = None
    missing = False
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            rest += words[index:]
            break
        if word == LANGUAGE_OPTION:
            missing = index + 1 >= len(words)
            given = None if missing else words[index + 1]
            index += 2
            continue
        if word.startswith(LANGUAGE_OPTION + "="):
            given = word.partition("=")[2]
        else:
            rest.append(word)
        index += 1
    if given is not None and given in i18n.LANGUAGES:
        try:
            i18n.set_language(given)
        except i18n.CatalogueMissing as error:
            return rest, _("error: {reason}").format(reason=error)
        return rest, None
    # A system language whose catalogue was not built (make catalogs) leaves English, as in C.
    with contextlib.suppress(i18n.CatalogueMissing):
        i18n.set_language(i18n.system_language())
    if missing or given is not None:
        choices = ", ".join(i18n.LANGUAGES)
        return rest, _("error: --language {language} is not one of: {choices}").format(
            language=repr(given or ""), choices=choices
        )
    return rest, None


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
    words, refusal = choose_language(list(sys.argv[1:] if argv is None else argv))
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return EXIT_INVALID
    args = build_parser().parse_args(words)
    if args.command == "rate-cards":
        return rate_cards()
    if args.command == "compare":
        from estimator_gui.cli_compare import compare_files  # its documents load with it

        return compare_files(args)
    return quote(args)
