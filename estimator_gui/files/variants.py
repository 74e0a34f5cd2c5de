"""Variants of one estimate (the base and up to three what-ifs), named, read and written."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from estimator_gui.files.json_input import join, json_object, kind, require
from estimator_gui.files.scenario_read import (
    ESTIMATE_KEYS,
    SCENARIO_KEYS,
    check_format,
    scenario_from_object,
)
from estimator_gui.files.scenario_write import scenario_to_data
from estimator_gui.pricing import checks
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import Scenario

VARIANTS_MAX = 4  # in all, the base included: what a compare view shows side by side
NAME_MAX = 60
# The base's name when the file gives none (every file written before variants existed); it is
# data, not a label: the window may show it translated.
BASE_NAME = "Base"
_VARIANT_KEYS = {"name", "scenario"}
# Fields that belong to the whole estimate: one card, one customer, one quote for all variants.
_TOP_LEVEL_ONLY = ESTIMATE_KEYS | {"quote", "variant_name", "variants"}


class Variant(Struct, frozen=True):
    """One complete scenario of an estimate under its own name ("Base", "Viewers on CDN")."""

    name: str
    scenario: Scenario

    def __post_init__(self) -> None:
        check_name("name", self.name)
        if not isinstance(self.scenario, Scenario):
            raise InputError("scenario", kind(self.scenario), "must be a Scenario", code="invalid")


def check_name(path: str, value: Any) -> str:
    """A variant's name: one line of 1 to NAME_MAX characters, not only spaces."""
    name = checks.text(path, value if isinstance(value, str) else kind(value))
    if not name.strip():
        raise InputError(
            path, name, "must not be empty; a variant needs a name", code="empty_name"
        )
    if len(name) > NAME_MAX:
        raise InputError(
            path,
            name,
            f"is longer than {NAME_MAX} characters",
            code="too_long",
            limit=NAME_MAX,
        )
    return name


def name_path(index: int) -> str:
    """Where the name of variant ``index`` stands in the file: the base's at the top level."""
    return "variant_name" if index == 0 else f"variants[{index - 1}].name"


def check_variants(variants: tuple[Variant, ...]) -> None:
    """1 to VARIANTS_MAX variants with names unique regardless of case and outer spaces."""
    if not variants:
        raise InputError("variants", None, "must hold the base", code="missing")
    if len(variants) > VARIANTS_MAX:
        raise _too_many(len(variants) - 1)
    seen: dict[str, int] = {}
    for index, variant in enumerate(variants):
        if not isinstance(variant, Variant):
            raise InputError(name_path(index), kind(variant), "must be a Variant", code="invalid")
        key = variant.name.strip().casefold()
        if key in seen:
            raise InputError(
                name_path(index),
                variant.name,
                f"is already the name of {_which(seen[key])}; each variant needs its own",
                code="duplicate_name",
            )
        seen[key] = index


def _which(index: int) -> str:
    return "the base" if index == 0 else f"variants[{index - 1}]"


def _too_many(others: int) -> InputError:
    return InputError(
        "variants",
        f"{others:,} entries",
        f"is more than the {VARIANTS_MAX - 1} what-ifs an estimate holds beside the base "
        f"({VARIANTS_MAX} variants in all)",
        code="too_many",
        limit=VARIANTS_MAX - 1,
    )


def variants_from_object(obj: dict[str, Any], base: Scenario) -> tuple[Variant, ...]:
    """The variants of a top-level object whose scenario ``base`` was read: the base first,
    named by ``variant_name``, then each of ``variants``, validated as the top level is."""
    name = (
        BASE_NAME if "variant_name" not in obj else check_name("variant_name", obj["variant_name"])
    )
    found = [Variant(name, base)]
    listed = obj.get("variants", [])
    if not isinstance(listed, list):
        raise InputError("variants", kind(listed), "must be a list", code="not_list")
    if len(listed) > VARIANTS_MAX - 1:  # before reading a hostile list's items
        raise _too_many(len(listed))
    for index, item in enumerate(listed):
        path = f"variants[{index}]"
        entry = json_object(path, item, _VARIANT_KEYS)
        found.append(
            Variant(
                check_name(join(path, "name"), require(path, entry, "name")),
                _scenario(join(path, "scenario"), require(path, entry, "scenario")),
            )
        )
    variants = tuple(found)
    check_variants(variants)
    return variants


def _scenario(path: str, value: Any) -> Scenario:
    if isinstance(value, dict):
        for key in value:
            if key in _TOP_LEVEL_ONLY:
                raise InputError(
                    join(path, key),
                    value[key],
                    "belongs to the whole estimate: give it once, at the top level",
                    code="top_level_only",
                )
    obj = json_object(path, value, SCENARIO_KEYS)
    try:
        check_format(obj, required=False)
        return scenario_from_object(obj)
    except InputError as error:
        raise error.within(path) from None


def variants_to_data(variants: tuple[Variant, ...]) -> dict[str, Any]:
    """The top-level fields of the variants: ``variant_name`` unless the base is called
    BASE_NAME, ``variants`` when there are what-ifs (each scenario a whole file's object)."""
    data: dict[str, Any] = {}
    if variants[0].name != BASE_NAME:
        data["variant_name"] = variants[0].name
    if len(variants) > 1:
        data["variants"] = [
            {"name": variant.name, "scenario": scenario_to_data(variant.scenario)}
            for variant in variants[1:]
        ]
    return data
