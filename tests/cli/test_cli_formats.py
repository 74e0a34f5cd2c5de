"""The three output formats of ``quote`` on the bundled example: table, json and csv."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from cli_runner import EXAMPLES, quote

TUTORING = EXAMPLES / "tutoring.json"
LINE_KEYS = {"section", "tier", "price_list", "minutes", "unit_price", "gross", "free_minutes",
             "net"}
AMOUNT_KEYS = ("gross", "discount", "total")


@pytest.fixture(scope="module")
def tutoring_json() -> dict[str, Any]:
    result = quote(TUTORING, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_has_the_public_keys(tutoring_json: dict[str, Any]) -> None:
    """--format json prints one object with at least the keys issue 2 section 5 promises."""
    data = tutoring_json
    assert {"currency", "rate_card", "lines", "gross", "free_minutes_used", "discount", "total",
            "contract_discount_eligible", "warnings"} <= set(data)
    assert data["currency"] == "USD"
    assert data["rate_card"]["id"] == "trtc-intl-2022-06"
    assert data["rate_card"]["effective"] == "2022-06-15"
    assert data["lines"], "the example bills something"
    for line in data["lines"]:
        assert set(line) >= LINE_KEYS, line
    assert isinstance(data["free_minutes_used"], int)
    assert isinstance(data["contract_discount_eligible"], bool)
    assert isinstance(data["warnings"], list)


def test_json_amounts_are_exact_decimal_strings(tutoring_json: dict[str, Any]) -> None:
    """Every amount is a string Decimal() reads (never a float); the totals add up exactly."""
    data = tutoring_json
    for key in AMOUNT_KEYS:
        assert isinstance(data[key], str), key
        Decimal(data[key])
    for line in data["lines"]:
        for key in ("unit_price", "gross", "net"):
            assert isinstance(line[key], str), (key, line)
            Decimal(line[key])
        if line["minutes"] is None:
            assert line["section"] == "relay" and line["price_list"] == "bandwidth"
        else:
            assert Decimal(line["minutes"]) == Decimal(line["minutes"]).to_integral_value()
    gross = sum(Decimal(line["gross"]) for line in data["lines"])
    net = sum(Decimal(line["net"]) for line in data["lines"])
    assert Decimal(data["gross"]) == gross
    assert Decimal(data["total"]) == net - Decimal(data["discount"])
    assert sum(line["free_minutes"] for line in data["lines"]) == data["free_minutes_used"]


def test_json_of_the_tutoring_example(tutoring_json: dict[str, Any]) -> None:
    """The README example: 10,000 free minutes used, 5,304.4572 USD, above the contract hint."""
    data = tutoring_json
    assert data["free_minutes_used"] == 10_000
    assert data["total"] == "5304.4572"
    assert data["contract_discount_eligible"] is True
    assert [(x["section"], x["price_list"], x["tier"]) for x in data["lines"]] == [
        ("duration", "standard", "audio"), ("duration", "standard", "HD"),
        ("duration", "standard", "FHD"), ("recording", "standard", "FHD"),
        ("transcoding", "h264", "2K"), ("relay", "bandwidth", "relay"),
    ]
    assert [w["code"] for w in data["warnings"]] == ["robot_duration_not_listed"]


def test_csv_has_lines_then_totals(tutoring_json: dict[str, Any]) -> None:
    """--format csv: a header, one row per line, then the totals; the total equals the JSON's."""
    result = quote(TUTORING, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["section", "price_list", "tier"]
    assert {"gross", "net", "unit_price", "free_minutes"} <= set(header)
    lines = body[: len(tutoring_json["lines"])]
    assert [row[0] for row in lines] == [x["section"] for x in tutoring_json["lines"]]
    totals = {row[0]: row[-1] for row in body[len(lines):]}
    assert totals["total"] == tutoring_json["total"]
    assert totals["gross"] == tutoring_json["gross"]


def test_table_is_for_a_person() -> None:
    """The default table shows money to the cent and the exact total beside it."""
    result = quote(TUTORING)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Acme tutoring, March\n")
    assert "5,304.46 USD" in result.stdout
    assert "(exact 5,304.4572)" in result.stdout
    assert "contract discount" in result.stdout


def test_standard_input_is_read_with_dash() -> None:
    """``quote -`` reads the scenario from standard input."""
    result = quote("-", "--format", "json", stdin=TUTORING.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == "5304.4572"


def test_an_unknown_output_format_is_a_usage_error() -> None:
    """argparse refuses --format pdf with exit 2 and its usage line, no traceback."""
    result = quote(TUTORING, "--format", "pdf")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "invalid choice: 'pdf'" in result.stderr
    assert "Traceback" not in result.stderr
