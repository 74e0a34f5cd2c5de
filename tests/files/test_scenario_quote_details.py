"""The quote object of a scenario file: read into QuoteDetails, saved back exactly, refused by
field, value and rule; the schema accepts what the reader accepts."""

from __future__ import annotations

import copy
import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from estimator_gui.files.quote_details import Conversion, QuoteDetails
from estimator_gui.files.scenario_io import (
    ScenarioFile,
    dump_scenario_file,
    parse_scenario_file,
    read_scenario_file,
    save_scenario_file,
)
from estimator_gui.pricing import InputError

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "scenario.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))

BASE: dict[str, Any] = {
    "format": "trtc-estimate/1",
    "title": "Lessons",
    "rooms": [
        {"service": "video_call", "rooms_per_day": 2, "days": 3, "minutes": 45,
         "groups": [{"role": "participant", "count": 2, "receives": ["1280x720"]}]},
    ],
}
FULL_QUOTE: dict[str, Any] = {
    "customer": "Acme 학원, 東京",
    "quote_number": "Q-2026-0042",
    "sales_person": "Kim Minji",
    "quote_date": "2026-11-30",
    "valid_until": "2026-12-31",
    "notes": "Prices exclude VAT.",
    "language": "ko",
    "currency": "KRW",
    "rate": "1385.20",
    "rate_date": "2026-11-30",
}


def _file(quote: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["quote"] = quote
    return data


def _read(data: dict[str, Any]) -> ScenarioFile:
    return parse_scenario_file(json.dumps(data, ensure_ascii=False))


def test_a_full_quote_is_read_into_quote_details() -> None:
    """Every field lands in QuoteDetails; the rate is the exact decimal as entered."""
    details = _read(_file(FULL_QUOTE)).details
    assert details == QuoteDetails(
        customer="Acme 학원, 東京",
        quote_number="Q-2026-0042",
        sales_person="Kim Minji",
        quote_date=datetime.date(2026, 11, 30),
        valid_until=datetime.date(2026, 12, 31),
        notes="Prices exclude VAT.",
        language="ko",
        conversion=Conversion("KRW", Decimal("1385.20"), datetime.date(2026, 11, 30)),
    )
    assert details is not None and details.conversion is not None
    assert str(details.conversion.rate) == "1385.20"  # the last zero the sales person typed


def test_a_rate_given_as_a_json_number_is_exact() -> None:
    """A JSON number rate never passes through a binary float."""
    quote = dict(FULL_QUOTE, currency="EUR", rate=0.923456)
    details = _read(_file(quote)).details
    assert details is not None and details.conversion is not None
    assert details.conversion.rate == Decimal("0.923456")


def test_a_short_quote_keeps_the_defaults() -> None:
    """Fields left out are empty texts, no dates, English, USD only."""
    details = _read(_file({"customer": "Acme"})).details
    assert details == QuoteDetails(customer="Acme")
    assert details.conversion is None and details.language == "en"


@pytest.mark.parametrize(
    "quote",
    [FULL_QUOTE, {"customer": "Acme"}, {}, dict(FULL_QUOTE, currency="JPY", rate=150),
     {"language": "zh", "currency": "USD", "valid_until": "2027-01-01", "rate": None}],
    ids=["full", "customer-only", "empty", "jpy-integer-rate", "usd-explicit"],
)
def test_read_save_read_is_equal_and_the_second_save_is_byte_stable(
    quote: dict[str, Any], tmp_path: Path
) -> None:
    """read -> save -> read gives the same details; saving that again writes the same bytes."""
    first = _read(_file(quote))
    path = tmp_path / "estimate.json"
    save_scenario_file(first, path)
    once = path.read_bytes()
    second = read_scenario_file(path)
    assert second == first
    assert second.details == first.details
    save_scenario_file(second, path)
    assert path.read_bytes() == once


def test_the_saved_quote_object_is_the_one_given() -> None:
    """A full quote is written back field for field, the rate as its exact string."""
    saved = json.loads(dump_scenario_file(_read(_file(FULL_QUOTE))))
    assert saved["quote"] == FULL_QUOTE


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_file_without_quote_saves_without_it(path: Path) -> None:
    """The bundled examples have no quote object: none is read, none is written."""
    document = read_scenario_file(path)
    assert document.details is None
    assert "quote" not in json.loads(dump_scenario_file(document))


REFUSED = [
    pytest.param({"colour": "red"}, "quote.colour", "'red'", "is not a field of this object",
                 id="unknown-key"),
    pytest.param({"customer": "x" * 201}, "quote.customer", "'xxx", "longer than 200",
                 id="customer-too-long"),
    pytest.param({"notes": "two\nlines"}, "quote.notes", "two", "", id="notes-control"),
    pytest.param({"sales_person": 7}, "quote.sales_person", "7", "must be text",
                 id="sales-person-number"),
    pytest.param({"quote_date": "2026-13-01"}, "quote.quote_date", "'2026-13-01'",
                 "YYYY-MM-DD", id="quote-date-month-13"),
    pytest.param({"quote_date": "30.11.2026"}, "quote.quote_date", "'30.11.2026'",
                 "YYYY-MM-DD", id="quote-date-notation"),
    pytest.param({"quote_date": "2026-11-30", "valid_until": "2026-11-01"}, "quote.valid_until",
                 "'2026-11-01'", "is before the quote_date 2026-11-30", id="valid-before-date"),
    pytest.param({"language": "fr"}, "quote.language", "'fr'", "must be one of: en, ko, zh",
                 id="language"),
    pytest.param({"currency": "GBP"}, "quote.currency", "'GBP'", "must be one of: USD, KRW",
                 id="currency"),
    pytest.param({"currency": "KRW"}, "quote.currency", "'KRW'", "needs a rate",
                 id="currency-without-rate"),
    pytest.param({"currency": "KRW", "rate": "1385.20"}, "quote.rate", "'1385.20'",
                 "without a rate_date", id="rate-without-date"),
    pytest.param({"currency": "KRW", "rate_date": "2026-11-30"}, "quote.rate_date",
                 "'2026-11-30'", "without a rate", id="date-without-rate"),
    pytest.param({"rate": "1", "rate_date": "2026-11-30"}, "quote.rate", "'1'",
                 "given for USD", id="rate-for-usd"),
    pytest.param({"currency": "KRW", "rate": "0", "rate_date": "2026-11-30"}, "quote.rate", "0",
                 "must be above 0", id="rate-zero"),
    pytest.param({"currency": "KRW", "rate": "-5", "rate_date": "2026-11-30"}, "quote.rate",
                 "-5", "must not be negative", id="rate-negative"),
    pytest.param({"currency": "KRW", "rate": "1,385", "rate_date": "2026-11-30"}, "quote.rate",
                 "'1,385'", "is not a number", id="rate-comma"),
    pytest.param({"currency": "KRW", "rate": "1385.1234567", "rate_date": "2026-11-30"},
                 "quote.rate", "1385.1234567", "more than 6 decimal places", id="rate-precise"),
    pytest.param({"currency": "KRW", "rate": 2000000000, "rate_date": "2026-11-30"},
                 "quote.rate", "2000000000", "above the maximum", id="rate-huge"),
    pytest.param({"currency": "KRW", "rate": "1385", "rate_date": "2026-02-30"},
                 "quote.rate_date", "'2026-02-30'", "YYYY-MM-DD", id="rate-date-no-such-day"),
    pytest.param("Acme", "quote", "'Acme'", "must be a JSON object", id="not-an-object"),
]


@pytest.mark.parametrize(("quote", "field", "value", "rule"), REFUSED)
def test_each_refusal_names_field_value_and_rule(
    quote: Any, field: str, value: str, rule: str
) -> None:
    """A bad quote is refused by its full path, with the value given and the rule broken."""
    with pytest.raises(InputError) as caught:
        _read(_file(quote))
    assert caught.value.field == field
    message = str(caught.value)
    assert message.startswith(f"{field}: ")
    assert value in message
    assert rule in message


def test_nan_and_a_repeated_key_are_refused_in_the_quote() -> None:
    """JSON the reader refuses by marker (NaN, a key given twice) is named inside the quote."""
    base = json.dumps(BASE)[:-1]
    with pytest.raises(InputError) as caught:
        parse_scenario_file(base + ', "quote": {"currency": "KRW", "rate": NaN, '
                            '"rate_date": "2026-11-30"}}')
    assert caught.value.field == "quote.rate"
    assert "NaN" in str(caught.value)
    with pytest.raises(InputError) as caught:
        parse_scenario_file(base + ', "quote": {"customer": "A", "customer": "B"}}')
    assert caught.value.field == "quote.customer"
    assert "is given twice" in str(caught.value)


def test_details_made_in_the_window_are_checked_like_the_file() -> None:
    """A ScenarioFile refuses details its file could not hold, named as in the file."""
    scenario = _read(BASE).scenario
    with pytest.raises(InputError) as caught:
        ScenarioFile(scenario, details=QuoteDetails(
            quote_date=datetime.date(2026, 11, 30), valid_until=datetime.date(2026, 11, 1)))
    assert caught.value.field == "quote.valid_until"
    with pytest.raises(InputError) as caught:
        ScenarioFile(scenario, details=QuoteDetails(
            conversion=Conversion("USD", Decimal(1), datetime.date(2026, 11, 30))))
    assert caught.value.field == "quote.currency"
    with pytest.raises(InputError) as caught:
        ScenarioFile(scenario, details=QuoteDetails(customer="a\u202eb"))
    assert caught.value.field == "quote.customer"


# ---------------------------------------------------------------- the schema agrees


@pytest.mark.parametrize(
    "quote",
    [FULL_QUOTE, {}, {"customer": "Acme"}, dict(FULL_QUOTE, currency="EUR", rate=0.92),
     {"currency": "USD", "rate": None, "rate_date": None, "quote_date": None},
     {"x-crm": {"id": 7}, "customer": "Acme"}],
    ids=["full", "empty", "customer", "eur-number", "usd-nulls", "extension-key"],
)
def test_good_quotes_pass_the_schema_and_the_reader(quote: dict[str, Any]) -> None:
    """What the reader accepts in a quote, the schema accepts."""
    data = _file(quote)
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []
    assert _read(data).details is not None


_SCHEMA_REFUSES = {
    "unknown-key", "customer-too-long", "notes-control", "sales-person-number",
    "quote-date-notation", "language", "currency", "currency-without-rate",
    "rate-without-date", "date-without-rate", "rate-for-usd", "rate-zero", "rate-negative",
    "rate-comma", "rate-precise", "rate-huge", "not-an-object",
}


@pytest.mark.parametrize(("quote", "field", "value", "rule"), REFUSED)
def test_the_schema_refuses_what_it_can_state(
    quote: Any, field: str, value: str, rule: str, request: pytest.FixtureRequest
) -> None:
    """Bad quotes fail the schema too, except day-level checks a pattern cannot make (month 13,
    February 30, valid_until before quote_date), which the schema's description leaves to the
    reader."""
    case = request.node.callspec.id
    failed = list(VALIDATOR.iter_errors(_file(quote)))
    assert bool(failed) == (case in _SCHEMA_REFUSES), [error.message for error in failed]
