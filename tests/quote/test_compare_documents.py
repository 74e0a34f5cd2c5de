"""The comparison documents: PDF, XLSX and CSV of the live-shopping what-ifs, read back."""

from __future__ import annotations

import copy
import csv
import io
import json
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLES, pdf_text, poppler

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.scenario_io import read_scenario_file
from estimator_gui.i18n import numbers
from estimator_gui.pricing.compare import Comparison, compare, input_differences
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import Scenario
from estimator_gui.quote.compare_document import comparison_document
from estimator_gui.quote.compare_export import write_comparison
from estimator_gui.quote.compare_out import signed_change
from estimator_gui.quote.compare_words import difference_words
from estimator_gui.quote.compare_xlsx import variant_columns

HOSTILE = '=HYPERLINK("http://evil.example","Total")'
WHAT_IFS = (
    ("Viewers on CDN", lambda s: s["rooms"][0].update(delivery="cdn")),
    ("720p viewers", lambda s: s["rooms"][0]["groups"][2].update(mix={"HD": 100})),
    ("Half the shows recorded", lambda s: s["recording"][0].update(minutes=45)),
)


def live_shopping_what_ifs(path: Path, names: tuple[str, ...] = ()) -> Path:
    """The live-shopping example with its three what-ifs as variants, written to ``path``."""
    data = json.loads((EXAMPLES / "live_shopping.json").read_text("utf-8"))
    scenario = {k: v for k, v in data.items() if k not in ("customer", "notes")}
    variants = []
    for index, (name, edit) in enumerate(WHAT_IFS):
        changed = copy.deepcopy(scenario)
        edit(changed)
        variants.append({"name": names[index] if index < len(names) else name, "scenario": changed})
    path.write_text(json.dumps({**data, "variants": variants}), "utf-8")
    return path


@pytest.fixture
def what_ifs(tmp_path: Path) -> tuple[Comparison, list[Scenario]]:
    document = read_scenario_file(live_shopping_what_ifs(tmp_path / "what_ifs.json"))
    card = default_rate_card()
    priced = [(v.name, price(v.scenario, card, document.options)) for v in document.variants]
    return compare(priced), [v.scenario for v in document.variants]


def write(path: Path, what_ifs: tuple[Comparison, list[Scenario]], language: str = "en") -> Path:
    comparison, scenarios = what_ifs
    write_comparison(path, comparison, scenarios, default_rate_card(), language, title="Shows")
    return path


def test_the_pdf_holds_each_variants_total_its_difference_and_what_it_changes(
    tmp_path: Path, what_ifs: tuple[Comparison, list[Scenario]]
) -> None:
    comparison, _scenarios = what_ifs
    path = write(tmp_path / "compare.pdf", what_ifs)
    text = " ".join(pdf_text(path).split())
    for variant in comparison.variants:
        assert variant.name in text
        assert numbers.format_money(variant.total, "en") in text
    for variant in comparison.variants[1:]:
        moved = signed_change(variant.total_change, "en")
        assert moved.split(" (")[0] in text and moved.split(" (")[1].rstrip(")") in text
    assert "-38,955.29" in text  # viewers on CDN against the base, by hand: 56.97 - 39,012.26
    assert "audience delivery: Low latency (up to 100,000 viewers) -> Relay to CDN" in text
    assert "resolution mix: HD 60%, FHD 40% -> HD 100%" in text
    assert "minutes: 90 min -> 45 min" in text
    assert "trtc-intl-2022-06" in text
    info = subprocess.run(
        [poppler("pdfinfo"), "-f", "1", "-l", "99", str(path)],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    sizes = [
        line.split(":", 1)[1].strip()
        for line in info.splitlines()
        if line.startswith("Page") and " size:" in line
    ]
    assert len(sizes) >= 2 and all(
        size.startswith("841.89 x 595.28 pts") for size in sizes
    )  # landscape


def test_the_pdf_speaks_the_documents_language(
    tmp_path: Path, what_ifs: tuple[Comparison, list[Scenario]]
) -> None:
    path = write(tmp_path / "compare.pdf", what_ifs, "ko")
    text = pdf_text(path)
    assert "Viewers on CDN" in text
    assert numbers.format_money(what_ifs[0].variants[0].total, "ko") in text
    assert any("\uac00" <= c <= "\ud7a3" for c in text)  # Hangul words around the figures


def test_the_xlsx_reads_back_as_the_comparison_with_formulas_for_the_differences(
    tmp_path: Path, what_ifs: tuple[Comparison, list[Scenario]]
) -> None:
    comparison, _scenarios = what_ifs
    path = write(tmp_path / "compare.xlsx", what_ifs)
    formulas = openpyxl.load_workbook(path).worksheets[0]
    values = openpyxl.load_workbook(path, data_only=True).worksheets[0]
    columns = variant_columns(len(comparison.variants))
    first = 6  # 1-based: title, subtitle, gap, names, figure names, then the lines
    assert values.cell(4, columns[1]["minutes"] + 1).value == "B: Viewers on CDN"
    for offset, row in enumerate(comparison.rows):
        at = first + offset
        for index, line in enumerate(row.lines):
            column = columns[index]
            amount = values.cell(at, column["amount"] + 1).value
            assert amount == (None if line is None else float(line.gross))
            minutes = row.minutes(index)
            assert values.cell(at, column["minutes"] + 1).value == (
                None if minutes is None else float(minutes)
            )
            change = row.gross_changes[index]
            if index == 0 or change is None:
                continue
            difference = formulas.cell(at, column["difference"] + 1).value
            assert isinstance(difference, str) and difference.startswith("=N(")
            assert values.cell(at, column["difference"] + 1).value == float(change.amount)
            if change.percent is not None:
                percent = values.cell(at, column["percent"] + 1).value
                assert percent == float(change.percent / 100)
    gross_row = first + len(comparison.rows)
    total_row = gross_row + 2  # gross, free minutes, total (no variant has a discount)
    for variant, column in zip(comparison.variants, columns, strict=True):
        amount = column["amount"] + 1
        assert str(formulas.cell(gross_row, amount).value).startswith("=SUM(")
        assert values.cell(gross_row, amount).value == float(variant.gross)
        assert values.cell(gross_row + 1, amount).value == float(-variant.free_amount)
        assert str(formulas.cell(total_row, amount).value).startswith("=SUM(")
        assert values.cell(total_row, amount).value == float(variant.total)
    assert values.cell(total_row, 1).value == "Total"
    inputs = openpyxl.load_workbook(path).worksheets[1]
    cells = [str(c) for row in inputs.iter_rows(values_only=True) for c in row if c]
    assert any("Relay to CDN (no audience cap)" in c for c in cells)
    assert "trtc-intl-2022-06" in cells


def csv_rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_the_csv_is_exact_and_safe_with_a_hostile_variant_name(tmp_path: Path) -> None:
    document = read_scenario_file(live_shopping_what_ifs(tmp_path / "w.json", (HOSTILE,)))
    card = default_rate_card()
    priced = [(v.name, price(v.scenario, card)) for v in document.variants]
    comparison = compare(priced)
    path = tmp_path / "compare.csv"
    write_comparison(path, comparison, [v.scenario for v in document.variants], card, "en")
    rows = csv_rows(path)
    assert len(rows) == (len(comparison.rows) + 3) * 4  # lines and 3 totals, per variant
    hostile = [row for row in rows if row["Variant"] != "Base" and "HYPERLINK" in row["Variant"]]
    assert hostile and all(row["Variant"] == "'" + HOSTILE for row in hostile)
    totals = {row["Variant"]: row for row in rows if row["section"] == "total"}
    for variant in comparison.variants:
        name = "'" + variant.name if variant.name.startswith("=") else variant.name
        assert Decimal(totals[name]["Amount"]) == variant.total
    moved = comparison.variants[1].total_change
    assert Decimal(totals["'" + HOSTILE]["Difference"]) == moved.amount
    assert Decimal(totals["'" + HOSTILE]["Difference %"]) == moved.percent


def test_an_unwritable_path_is_refused_and_leaves_no_file(
    tmp_path: Path, what_ifs: tuple[Comparison, list[Scenario]]
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    before = sorted(tmp_path.iterdir())
    for suffix in (".pdf", ".xlsx", ".csv"):
        with pytest.raises(InputError) as refused:
            write(blocker / f"compare{suffix}", what_ifs)
        assert refused.value.code == "cannot_write"
        assert "compare" + suffix in refused.value.message
    assert sorted(tmp_path.iterdir()) == before
    assert blocker.read_text() == "not a folder"


def test_more_variants_than_a_pdf_holds_are_refused_before_a_file_is_made(
    tmp_path: Path, what_ifs: tuple[Comparison, list[Scenario]]
) -> None:
    comparison, scenarios = what_ifs
    five = compare(
        [
            *((v.name, v.breakdown) for v in comparison.variants),
            ("E", price(scenarios[0], default_rate_card())),
        ]
    )
    with pytest.raises(InputError) as refused:
        write(tmp_path / "five.pdf", (five, [*scenarios, scenarios[0]]))
    assert refused.value.code == "too_many" and refused.value.limit == 4
    assert not (tmp_path / "five.pdf").exists()
    write(tmp_path / "five.xlsx", (five, [*scenarios, scenarios[0]]))  # a sheet has the room
    sheet = openpyxl.load_workbook(tmp_path / "five.xlsx").worksheets[0]
    assert sheet.cell(4, variant_columns(5)[4]["minutes"] + 1).value == "E: E"


def test_the_changed_inputs_are_named_by_the_items_label(
    what_ifs: tuple[Comparison, list[Scenario]],
) -> None:
    _comparison, scenarios = what_ifs
    found = [difference_words(d, scenarios[0]) for d in input_differences(*scenarios[:2])]
    assert found == [
        "Evening show (in-app, low latency), audience delivery: Low latency (up to 100,000 "
        "viewers) -> Relay to CDN (no audience cap)"
    ]
    document = comparison_document(what_ifs[0], scenarios, default_rate_card(), "en")
    assert document.variants[3].differences == (
        "show replay (host + guest), minutes: 90 min -> 45 min",
    )
    assert document.variants[0].differences == ()
