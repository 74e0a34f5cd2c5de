"""``python -m estimator_gui compare FILE...``: variants side by side, each against the first,
as a table, JSON or CSV, or written as a PDF, XLSX or CSV document; no Qt."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from msgspec import structs

from estimator_gui import i18n
from estimator_gui.cli import (
    EXIT_INVALID,
    EXIT_OK,
    _given_card,
    _json,
    _options,
    _refuse_card,
    _refuse_output,
    _scenario_card,
    _write,
)
from estimator_gui.files.scenario_io import ScenarioFile, read_scenario_file
from estimator_gui.i18n import _
from estimator_gui.i18n.numbers import format_int
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.compare import compare as compare_variants
from estimator_gui.pricing.compare import input_differences
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.options import PriceOptions
from estimator_gui.pricing.plans import compare_plans
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Scenario
from estimator_gui.quote.compare_export import write_comparison
from estimator_gui.quote.compare_out import compare_csv, compare_json, compare_table
from estimator_gui.quote.export import quote_format
from estimator_gui.quote.names import refusal_line


def compare_files(args: argparse.Namespace) -> int:
    """Price every variant (each file's variants, or the file as one) and show them side by
    side, each against the first."""
    if args.output is not None:
        try:  # a wrong extension is refused before any file is read or written
            quote_format(Path(args.output))
        except InputError as error:
            return _refuse_output(error)
    try:  # a card named on the command line is checked before any scenario is read
        given = _given_card(args)
    except InputError as error:
        return _refuse_card(error)
    cards: list[RateCard] = []
    names: list[str] = []
    priced: list[tuple[str, Breakdown]] = []
    quote_data: list[dict[str, Any]] = []
    read: list[tuple[Scenario, PriceOptions]] = []
    for file in args.files:
        try:
            document = read_scenario_file(Path(file))
            card = given if given is not None else _scenario_card(document)
            options = _options(args, document.options)
            for name, scenario in _file_variants(document, Path(file)):
                breakdown = price(scenario, card, options)
                plans = compare_plans(breakdown, card, None) if card.packages else None
                names.append(_unique(name, names))
                priced.append((names[-1], breakdown))
                quote_data.append(json.loads(_json(breakdown, scenario.title, plans)))
                read.append((scenario, options))
                cards.append(card)
        except InputError as error:
            return _refuse_compared(file, error)
    comparison = compare_variants(priced)
    inputs = [
        input_differences(read[0][0], scenario)
        + [
            structs.replace(found, path=f"options.{found.path}")
            for found in input_differences(read[0][1], options)
        ]
        for scenario, options in read
    ]
    if args.output is not None:
        try:
            write_comparison(
                Path(args.output),
                comparison,
                [scenario for scenario, _options in read],
                cards[0],  # the base's card names where the prices come from
                i18n.language(),
                inputs,
                read[0][0].title,
            )
        except InputError as error:
            return _refuse_output(error)
        return EXIT_OK
    if args.format == "json":
        text = compare_json(comparison, quote_data, inputs)
    elif args.format == "csv":
        text = compare_csv(comparison)
    else:
        text = compare_table(comparison, inputs)
    _write(text)
    return EXIT_OK


def _file_variants(document: ScenarioFile, path: Path) -> list[tuple[str, Scenario]]:
    """A file's variants, the base first; a file of one scenario is one variant, named by its
    title or else the file's name."""
    if len(document.variants) > 1:
        return [(variant.name, variant.scenario) for variant in document.variants]
    return [(document.scenario.title or path.stem, document.scenario)]


def _unique(name: str, taken: list[str]) -> str:
    """Two variants of the same name (two files with one title) are told apart by a number."""
    if name not in taken:
        return name
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"


def _refuse_compared(file: str, error: InputError) -> int:
    named = error.code == "not_a_file" or error.field.startswith("--")
    message = refusal_line(error, format_int)
    if not named:
        message = _("{file}: {message}").format(file=file, message=message)
    print(_("error: {message}").format(message=message), file=sys.stderr)
    return EXIT_INVALID
