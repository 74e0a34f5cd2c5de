"""resources/scenario.schema.json and the reader agree on variants: what one accepts the other
accepts, and bad variants fail both, except the rules the schema's description leaves to the
reader (names unique regardless of case; the ranges of numbers written as strings)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from estimator_gui.files.scenario_io import parse_scenario_file
from estimator_gui.pricing import InputError

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = Draft202012Validator(
    json.loads((ROOT / "resources" / "scenario.schema.json").read_text(encoding="utf-8"))
)
SCENARIO: dict[str, Any] = {
    "format": "trtc-estimate/1",
    "rooms": [
        {"service": "live_video", "rooms_per_day": 1, "days": 4, "minutes": 60,
         "groups": [{"role": "anchor", "count": 1},
                    {"role": "audience", "count": 500, "receives": ["1280x720"]}]},
    ],
    "relay": {"peak_mbps": "5"},
}


def _what_if(**changes: Any) -> dict[str, Any]:
    scenario = copy.deepcopy(SCENARIO)
    scenario.update(changes)
    return scenario


def _file(*variants: dict[str, Any], **top: Any) -> dict[str, Any]:
    data = copy.deepcopy(SCENARIO)
    data.update(top)
    data["variants"] = list(variants)
    return data


CDN = _what_if(title="CDN", rooms=[{**SCENARIO["rooms"][0], "delivery": "cdn"}])

GOOD = [
    pytest.param(_file(), id="no-what-ifs"),
    pytest.param(_file(variant_name="Base offer"), id="base-named"),
    pytest.param(_file({"name": "Viewers on CDN", "scenario": CDN}), id="one-what-if"),
    pytest.param(_file({"name": "No format", "scenario": {"rooms": []}}), id="format-left-out"),
    pytest.param(_file(*({"name": f"V{i}", "scenario": _what_if(discount_percent=i)}
                         for i in range(3))), id="four-in-all"),
    pytest.param(_file({"name": "x" * 60, "scenario": CDN, "x-id": 1}, variant_name="y" * 60),
                 id="sixty-characters-and-extension"),
    pytest.param(_file({"name": "Quoted", "scenario": CDN},
                       quote={"customer": "Acme", "currency": "CNY", "rate": "7.1",
                              "rate_date": "2026-11-30"}), id="with-quote"),
]


@pytest.mark.parametrize("data", GOOD)
def test_good_variants_pass_the_schema_and_the_reader(data: dict[str, Any]) -> None:
    """Files with variants the reader accepts, the schema accepts."""
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []
    document = parse_scenario_file(json.dumps(data))
    assert len(document.variants) == 1 + len(data["variants"])


BAD = [
    pytest.param(_file(*({"name": f"V{i}", "scenario": CDN} for i in range(4))), "variants",
                 id="five-in-all"),
    pytest.param(_file({"name": "", "scenario": CDN}), "variants[0].name", id="empty-name"),
    pytest.param(_file({"name": " ", "scenario": CDN}), "variants[0].name", id="blank-name"),
    pytest.param(_file({"name": "x" * 61, "scenario": CDN}), "variants[0].name", id="name-61"),
    pytest.param(_file(variant_name="\u202eevil"), "variant_name", id="bidi-base-name"),
    pytest.param(_file({"scenario": CDN}), "variants[0].name", id="no-name"),
    pytest.param(_file({"name": "A"}), "variants[0].scenario", id="no-scenario"),
    pytest.param(_file({"name": "A", "scenario": CDN}, {"name": "B", "scenario": _what_if(
        rooms=[{**SCENARIO["rooms"][0], "days": 32}])}), "variants[1].scenario.rooms[0].days",
                 id="bad-days-in-variant"),
    pytest.param(_file({"name": "A", "scenario": _what_if(rate_card="trtc-intl-2026-12")}),
                 "variants[0].scenario.rate_card", id="card-in-variant"),
    pytest.param(_file({"name": "A", "scenario": _what_if(quote={})}),
                 "variants[0].scenario.quote", id="quote-in-variant"),
    pytest.param(_file({"name": "A", "scenario": _what_if(format="trtc-estimate/2")}),
                 "variants[0].scenario.format", id="format-in-variant"),
    pytest.param(_file({"name": "A", "scenario": CDN, "colour": 1}), "variants[0].colour",
                 id="unknown-field"),
    pytest.param({**SCENARIO, "variants": None}, "variants", id="variants-null"),
]


@pytest.mark.parametrize(("data", "field"), BAD)
def test_bad_variants_fail_both(data: dict[str, Any], field: str) -> None:
    """The schema and the reader refuse the same bad variant; the reader names its path."""
    assert list(VALIDATOR.iter_errors(data)), "the schema accepted a bad file"
    with pytest.raises(InputError) as caught:
        parse_scenario_file(json.dumps(data))
    assert caught.value.field == field


def test_names_unique_regardless_of_case_are_the_readers_rule() -> None:
    """Uniqueness across the base and the list, ignoring case, is beyond the schema (its
    description says so): the schema passes the file and the reader refuses it."""
    data = _file({"name": "Offer", "scenario": CDN}, variant_name="offer")
    assert list(VALIDATOR.iter_errors(data)) == []
    with pytest.raises(InputError) as caught:
        parse_scenario_file(json.dumps(data))
    assert caught.value.field == "variants[0].name"
