"""Variants in a scenario file: the top level is the base, ``variants`` the what-ifs; old files
are one-variant estimates that open, price and save exactly as before."""

from __future__ import annotations

import copy
import datetime
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from msgspec import structs

from estimator_gui.files.quote_details import Conversion, QuoteDetails
from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.scenario_io import (
    BASE_NAME,
    ScenarioFile,
    Variant,
    dump_scenario,
    dump_scenario_file,
    parse_scenario,
    parse_scenario_file,
    read_scenario_file,
    save_scenario_file,
)
from estimator_gui.pricing import InputError, price

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))
SHOPPING = ROOT / "resources" / "examples" / "live_shopping.json"

BASE: dict[str, Any] = {
    "format": "trtc-estimate/1",
    "title": "Lessons",
    "rooms": [
        {"service": "video_call", "rooms_per_day": 40, "days": 22, "minutes": 45,
         "groups": [{"role": "participant", "count": 2, "receives": ["1280x720"]}]},
    ],
}


def _what_if(count: int) -> dict[str, Any]:
    scenario = copy.deepcopy(BASE)
    del scenario["format"]  # a variant may leave it out
    scenario["rooms"][0]["groups"][0]["count"] = count
    return scenario


def _file(*variants: dict[str, Any], **top: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(top)
    data["variants"] = list(variants)
    return data


def _read(data: dict[str, Any]) -> ScenarioFile:
    return parse_scenario_file(json.dumps(data, ensure_ascii=False))


def _refused(data: dict[str, Any]) -> InputError:
    with pytest.raises(InputError) as caught:
        _read(data)
    return caught.value


# ---------------------------------------------------------------- old files


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_an_old_file_is_a_one_variant_estimate_that_saves_as_before(path: Path) -> None:
    """A bundled example opens as its base alone, named Base, and is written with the fields
    it had: no variant_name, no variants."""
    document = read_scenario_file(path)
    assert document.variants == (Variant(BASE_NAME, document.scenario),)
    saved = json.loads(dump_scenario_file(document))
    assert "variants" not in saved and "variant_name" not in saved
    assert saved == json.loads(dump_scenario(document.scenario))  # no options in the examples


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_an_old_file_prices_the_same_with_what_ifs_added(path: Path, tmp_path: Path) -> None:
    """price() of the example equals price() of the base of the same file once what-ifs are
    added and it is saved and read again; a what-if prices as the same object in a file alone."""
    card = default_rate_card()
    before = price(read_scenario_file(path).scenario, card)
    data = json.loads(path.read_text(encoding="utf-8"))
    what_if = {key: value for key, value in data.items() if key not in {"customer", "notes"}}
    what_if["discount_percent"] = "10"
    data["variant_name"] = "As asked"
    data["variants"] = [{"name": "With 10% off", "scenario": what_if}]
    grown = tmp_path / path.name
    grown.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    save_scenario_file(read_scenario_file(grown), grown)
    document = read_scenario_file(grown)
    after = price(document.scenario, card)
    assert after.total == before.total and after.gross == before.gross
    assert after.lines == before.lines
    assert [v.name for v in document.variants] == ["As asked", "With 10% off"]
    discounted = price(document.variants[1].scenario, card)
    assert discounted == price(parse_scenario(json.dumps(what_if)), card)
    assert discounted.gross == before.gross


def test_the_command_line_prices_the_base_of_a_multi_variant_file(tmp_path: Path) -> None:
    """``quote FILE`` on a file with what-ifs prints exactly what it prints for the base alone."""
    data = json.loads(SHOPPING.read_text(encoding="utf-8"))
    cdn = copy.deepcopy(data)
    del cdn["customer"], cdn["notes"]
    cdn["rooms"][0]["delivery"] = "cdn"
    data["variants"] = [{"name": "Viewers on CDN", "scenario": cdn}]
    grown = tmp_path / "shopping_variants.json"
    grown.write_text(json.dumps(data), encoding="utf-8")

    def quote(path: Path) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "estimator_gui", "quote", str(path), "--format", "json"],
            capture_output=True, check=True, timeout=60,
        )
        return done.stdout.decode("utf-8")

    alone = quote(SHOPPING)
    assert json.loads(alone)["total"]
    assert quote(grown) == alone


# ---------------------------------------------------------------- round trips


def _four() -> ScenarioFile:
    data = _file(
        {"name": "Three each", "scenario": _what_if(3)},
        {"name": "Four each", "scenario": _what_if(4)},
        {"name": "서울 · 東京", "scenario": _what_if(5)},
        variant_name="Two each",
        rate_card="trtc-intl-2026-12",
        account_registered="2026-01-15",
        quote={"customer": "Acme", "currency": "KRW", "rate": "1385.20",
               "rate_date": "2026-11-30"},
    )
    return _read(data)


def test_four_variants_are_read_base_first() -> None:
    """The top level is the base; the list follows in its order, each a complete Scenario."""
    document = _four()
    assert [v.name for v in document.variants] == ["Two each", "Three each", "Four each",
                                                    "서울 · 東京"]
    assert document.variants[0].scenario is document.scenario
    counts = [v.scenario.rooms[0].groups[0].count for v in document.variants]
    assert counts == [2, 3, 4, 5]


def test_read_save_read_is_equal_and_the_second_save_is_byte_stable(tmp_path: Path) -> None:
    """Variants, details, card and options survive a save; a second save writes the same bytes."""
    first = _four()
    path = tmp_path / "four.json"
    save_scenario_file(first, path)
    once = path.read_bytes()
    second = read_scenario_file(path)
    assert second == first
    assert second.variants == first.variants and second.details == first.details
    save_scenario_file(second, path)
    assert path.read_bytes() == once


def test_each_saved_variant_is_a_whole_scenario_file() -> None:
    """A what-if's saved scenario, taken out of the file, reads on its own as that scenario."""
    document = _four()
    saved = json.loads(dump_scenario_file(document))
    assert [item["name"] for item in saved["variants"]] == ["Three each", "Four each",
                                                             "서울 · 東京"]
    for item, variant in zip(saved["variants"], document.variants[1:], strict=True):
        assert parse_scenario(json.dumps(item["scenario"])) == variant.scenario


def test_a_base_named_base_is_written_without_variant_name() -> None:
    """The default name is not written; any other is."""
    plain = json.loads(dump_scenario_file(_read(_file(variant_name=BASE_NAME))))
    assert "variant_name" not in plain and "variants" not in plain
    named = json.loads(dump_scenario_file(_read(_file(variant_name="Offer A"))))
    assert named["variant_name"] == "Offer A"


def test_the_api_builds_and_checks_estimates() -> None:
    """ScenarioFile(scenario) is the base alone; from_variants puts the first one as the base;
    a variant list that does not start with the scenario is a programming error."""
    document = _four()
    alone = ScenarioFile(document.scenario)
    assert alone.variants == (Variant(BASE_NAME, document.scenario),)
    rebuilt = ScenarioFile.from_variants(
        document.variants, document.rate_card_id, document.options, document.details
    )
    assert rebuilt == document
    swapped = ScenarioFile.from_variants(document.variants[::-1])
    assert swapped.scenario == document.variants[3].scenario
    with pytest.raises(ValueError, match="must start with the base"):
        ScenarioFile(document.scenario, variants=document.variants[1:])
    renamed = structs.replace(document.variants[2], name="three EACH ")
    with pytest.raises(InputError) as caught:
        ScenarioFile.from_variants((*document.variants[:2], renamed))
    assert caught.value.field == "variants[1].name"
    with pytest.raises(InputError) as caught:
        Variant("", document.scenario)
    assert caught.value.field == "name"
    details = QuoteDetails(conversion=Conversion("JPY", Decimal(150), datetime.date(2026, 11, 30)))
    assert ScenarioFile(document.scenario, details=details).details == details


# ---------------------------------------------------------------- refusals


def _named(count: int, prefix: str = "What-if") -> list[dict[str, Any]]:
    return [{"name": f"{prefix} {i}", "scenario": _what_if(3)} for i in range(count)]


REFUSED = [
    pytest.param(_file(*_named(4)), "variants", "'4 entries'",
                 "more than the 3 what-ifs an estimate holds beside the base (4 variants in all)",
                 id="five-variants"),
    pytest.param(_file(*(["not even an object"] * 10_000)), "variants", "'10,000 entries'",
                 "more than the 3", id="hostile-length-refused-before-items"),
    pytest.param(_file({"name": "base ", "scenario": _what_if(3)}), "variants[0].name",
                 "'base '", "is already the name of the base", id="duplicate-of-base"),
    pytest.param(_file(*_named(1, "A"), {"name": "a 0", "scenario": _what_if(4)}),
                 "variants[1].name", "'a 0'", "is already the name of variants[0]",
                 id="duplicate-in-list"),
    pytest.param(_file({"name": "", "scenario": _what_if(3)}), "variants[0].name", "''",
                 "must not be empty", id="empty-name"),
    pytest.param(_file({"name": "   ", "scenario": _what_if(3)}), "variants[0].name", "'   '",
                 "must not be empty", id="blank-name"),
    pytest.param(_file({"name": "x" * 61, "scenario": _what_if(3)}), "variants[0].name",
                 "'xxx", "is longer than 60 characters", id="name-61"),
    pytest.param(_file({"name": "two\nlines", "scenario": _what_if(3)}), "variants[0].name",
                 "two", "", id="name-control"),
    pytest.param(_file({"name": 3, "scenario": _what_if(3)}), "variants[0].name", "3",
                 "must be text", id="name-number"),
    pytest.param(_file({"scenario": _what_if(3)}), "variants[0].name", None, "is required",
                 id="name-missing"),
    pytest.param(_file(variant_name=""), "variant_name", "''", "must not be empty",
                 id="empty-base-name"),
    pytest.param(_file(*_named(1), {"name": "Bad", "scenario": _what_if(-1)}),
                 "variants[1].scenario.rooms[0].groups[0].count", "-1", "must not be negative",
                 id="bad-count-in-variant"),
    pytest.param(_file({"name": "Bad", "scenario": {**_what_if(3), "days": 3}}),
                 "variants[0].scenario.days", "3", "is not a field of this object",
                 id="unknown-field-in-variant"),
    pytest.param(_file({"name": "Bad", "scenario": {**_what_if(3), "format": "trtc-estimate/2"}}),
                 "variants[0].scenario.format", "'trtc-estimate/2'", "is not a scenario format",
                 id="format-in-variant"),
    pytest.param(_file({"name": "Bad", "scenario": {**_what_if(3), "rate_card": "x"}}),
                 "variants[0].scenario.rate_card", "'x'", "belongs to the whole estimate",
                 id="card-in-variant"),
    pytest.param(_file({"name": "Bad", "scenario": {**_what_if(3), "variants": []}}),
                 "variants[0].scenario.variants", "[]", "belongs to the whole estimate",
                 id="nested-variants"),
    pytest.param(_file({"name": "Bad", "scenario": []}), "variants[0].scenario", "a list",
                 "must be a JSON object", id="scenario-not-object"),
    pytest.param(_file({"name": "Bad"}), "variants[0].scenario", None, "is required",
                 id="scenario-missing"),
    pytest.param(_file({"name": "Bad", "scenario": _what_if(3), "colour": "red"}),
                 "variants[0].colour", "'red'", "is not a field of this object",
                 id="unknown-field-in-entry"),
    pytest.param({**BASE, "variants": {"name": "A"}}, "variants", "an object", "must be a list",
                 id="variants-not-list"),
]


@pytest.mark.parametrize(("data", "field", "value", "rule"), REFUSED)
def test_each_refusal_names_field_value_and_rule(
    data: dict[str, Any], field: str, value: str | None, rule: str
) -> None:
    """A bad variant is refused by its path in the file (the variant's index within it)."""
    error = _refused(data)
    assert error.field == field
    message = str(error)
    if value is None:
        assert message.startswith(f"{field} ")
    else:
        assert message.startswith(f"{field}: ")
        assert value in message
    assert rule in message


def test_a_name_of_60_characters_and_four_variants_are_accepted() -> None:
    """The limits themselves are allowed."""
    document = _read(_file(*_named(2), {"name": "x" * 60, "scenario": _what_if(3)}))
    assert len(document.variants) == 4 and document.variants[3].name == "x" * 60
