"""The scenario file (``trtc-estimate/1``, JSON, UTF-8): read with named errors, atomic saves.

The reading of hostile input is in json_input, the scenario object in scenario_read and
scenario_write, the additive parts in variants and quote_io; this module puts the file together
and keeps the public names where callers import them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec import Struct, field
from msgspec.structs import force_setattr

from estimator_gui.files.json_input import MAX_BYTES, json_object, load_json, read_bounded
from estimator_gui.files.quote_details import QuoteDetails
from estimator_gui.files.quote_io import check_quote_details, details_from_object, details_to_data
from estimator_gui.files.regular import NotAFileError, open_regular
from estimator_gui.files.scenario_read import (
    ESTIMATE_KEYS,
    FORMAT,
    SCENARIO_KEYS,
    card_id_from_object,
    check_format,
    options_from_object,
    scenario_from_object,
)
from estimator_gui.files.scenario_write import options_to_data, scenario_to_data
from estimator_gui.files.variants import (
    BASE_NAME,
    VARIANTS_MAX,
    Variant,
    check_variants,
    variants_from_object,
    variants_to_data,
)
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.options import PriceOptions
from estimator_gui.pricing.scenario import Scenario

__all__ = [
    "BASE_NAME",
    "FORMAT",
    "MAX_BYTES",
    "VARIANTS_MAX",
    "ScenarioFile",
    "Variant",
    "dump_scenario",
    "dump_scenario_file",
    "parse_scenario",
    "parse_scenario_file",
    "read_bounded",
    "read_scenario",
    "read_scenario_file",
    "save_scenario",
    "save_scenario_file",
    "scenario_file_from_data",
    "scenario_file_to_data",
    "scenario_from_data",
    "scenario_to_data",
]

# Additive parts of the whole estimate: the quote's details and the variants beside the base.
_TOP_LEVEL_KEYS = SCENARIO_KEYS | ESTIMATE_KEYS | {"quote", "variant_name", "variants"}


class ScenarioFile(Struct, frozen=True):
    """What a scenario file holds: the Scenario, the id of the rate card it was made with (None:
    not recorded), the price options (registration day, value-added services), the quote's
    details (None: the file has none) and the variants.

    ``scenario`` is the base: the one old readers and ``quote FILE`` price. ``variants`` always
    starts with it (left out, it is the base alone, named BASE_NAME); every variant is priced with
    the same card, options and details.
    """

    scenario: Scenario
    rate_card_id: str | None = None
    options: PriceOptions = field(default_factory=PriceOptions)
    details: QuoteDetails | None = None
    variants: tuple[Variant, ...] = ()

    def __post_init__(self) -> None:
        if not self.variants:
            force_setattr(self, "variants", (Variant(BASE_NAME, self.scenario),))
        elif (
            not isinstance(self.variants[0], Variant) or self.variants[0].scenario != self.scenario
        ):
            raise ValueError("ScenarioFile.variants must start with the base, its scenario")
        check_variants(self.variants)
        if self.details is not None:
            try:
                check_quote_details(self.details)
            except InputError as error:
                raise error.within("quote") from None

    @classmethod
    def from_variants(
        cls,
        variants: tuple[Variant, ...],
        rate_card_id: str | None = None,
        options: PriceOptions | None = None,
        details: QuoteDetails | None = None,
    ) -> ScenarioFile:
        """An estimate of these variants, the first one the base."""
        if not variants:
            check_variants(variants)  # names the rule: an estimate holds its base
        return cls(
            variants[0].scenario,
            rate_card_id,
            PriceOptions() if options is None else options,
            details,
            tuple(variants),
        )


# ---------------------------------------------------------------- reading


def read_scenario(path: Path) -> Scenario:
    """Read a scenario file; anything wrong raises InputError naming the field, value and rule.

    Only a regular file is read: a named pipe, a device or a folder is refused at once, by kind
    (``/tmp/q.json is a named pipe, not a file``), never waited on. A file of several variants
    gives its base.
    """
    return read_scenario_file(path).scenario


def read_scenario_file(path: Path) -> ScenarioFile:
    """Read a scenario file with its card id, price options, details and variants."""
    path = Path(path)
    try:
        with open_regular(path) as stream:
            raw = read_bounded(stream)
    except NotAFileError as error:
        raise InputError(str(path), None, error.reason, code="not_a_file") from None
    except OSError as error:
        raise InputError(
            "file", None, f"cannot be read: {error.strerror}", code="unreadable"
        ) from None
    return parse_scenario_file(raw)


def parse_scenario(raw: bytes | str) -> Scenario:
    return parse_scenario_file(raw).scenario


def parse_scenario_file(raw: bytes | str) -> ScenarioFile:
    return scenario_file_from_data(load_json(raw))


def scenario_from_data(data: Any) -> Scenario:
    """Build a Scenario from parsed JSON data (numbers as int, Decimal or decimal strings)."""
    return scenario_file_from_data(data).scenario


def scenario_file_from_data(data: Any) -> ScenarioFile:
    """A ScenarioFile from parsed JSON data: every part, each refused by its field path."""
    obj = json_object("", data, _TOP_LEVEL_KEYS)
    check_format(obj)
    scenario = scenario_from_object(obj)
    quote = obj.get("quote")
    return ScenarioFile(
        scenario=scenario,
        rate_card_id=card_id_from_object(obj),
        options=options_from_object(obj),
        details=None if quote is None else details_from_object(quote),
        variants=variants_from_object(obj, scenario),
    )


# ---------------------------------------------------------------- writing


def scenario_file_to_data(document: ScenarioFile) -> dict[str, Any]:
    """The JSON object of a ScenarioFile: the base scenario's, plus the additive fields that are
    set; a file read without them is written without them."""
    data = scenario_to_data(document.scenario)
    if document.rate_card_id is not None:
        data["rate_card"] = document.rate_card_id
    data.update(options_to_data(document.options))
    if document.details is not None:
        data["quote"] = details_to_data(document.details)
    data.update(variants_to_data(document.variants))
    return data


def dump_scenario(scenario: Scenario) -> str:
    return _dump(scenario_to_data(scenario))


def dump_scenario_file(document: ScenarioFile) -> str:
    return _dump(scenario_file_to_data(document))


def _dump(data: dict[str, Any]) -> str:
    import json  # when a file is written, not when the window starts

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_scenario(scenario: Scenario, path: Path) -> None:
    """Save atomically: the old file stays whole until the new one is complete on disk."""
    from estimator_gui.files.atomic import write_bytes_atomic  # on the first save, not at start

    write_bytes_atomic(Path(path), dump_scenario(scenario).encode("utf-8"))


def save_scenario_file(document: ScenarioFile, path: Path) -> None:
    """Save a ScenarioFile atomically, with its card id, options, details and variants."""
    from estimator_gui.files.atomic import write_bytes_atomic  # on the first save, not at start

    write_bytes_atomic(Path(path), dump_scenario_file(document).encode("utf-8"))
