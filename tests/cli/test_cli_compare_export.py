"""`python -m estimator_gui compare FILE... --output OUT.pdf|.xlsx|.csv`: the comparison as a
document, equal to `compare --format json`; one line and exit 2 for a refusal, and no file."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from cli_runner import EXAMPLES, ROOT, environment


def compare(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "estimator_gui", "compare", *map(str, args)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        text=True,
        env=environment() if env is None else env,
    )


def estimate_of_what_ifs(path: Path) -> Path:
    """live_shopping with two what-ifs: viewers on CDN, viewers at 720p."""
    data = json.loads((EXAMPLES / "live_shopping.json").read_text("utf-8"))
    cdn = {k: v for k, v in data.items() if k not in ("customer", "notes")}
    cdn = json.loads(json.dumps(cdn))
    cdn["rooms"][0]["delivery"] = "cdn"
    hd = json.loads(json.dumps(cdn))
    hd["rooms"][0]["delivery"] = "low_latency"
    hd["rooms"][0]["groups"][2]["mix"] = {"HD": 100}
    data["variants"] = [
        {"name": "Viewers on CDN", "scenario": cdn},
        {"name": "720p viewers", "scenario": hd},
    ]
    path.write_text(json.dumps(data), "utf-8")
    return path


def compared_json(*files: Path) -> dict[str, object]:
    result = compare(*files, "--format", "json")
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_each_extension_writes_its_document_and_prints_nothing(tmp_path: Path) -> None:
    estimate = estimate_of_what_ifs(tmp_path / "estimate.json")
    for suffix, magic in ((".pdf", b"%PDF-"), (".xlsx", b"PK"), (".csv", b"\xef\xbb\xbf")):
        out = tmp_path / f"compare{suffix.upper()}"  # the extension in any case
        result = compare(estimate, "--output", out)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
        assert out.read_bytes().startswith(magic)


def test_the_csv_equals_compare_json_exactly(tmp_path: Path) -> None:
    estimate = estimate_of_what_ifs(tmp_path / "estimate.json")
    out = tmp_path / "compare.csv"
    assert compare(estimate, "--output", out).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    totals = {row["Variant"]: row for row in rows if row["section"] == "total"}
    variants = compared_json(estimate)["variants"]
    assert isinstance(variants, list) and len(variants) == 3
    for variant in variants:
        row = totals[variant["name"]]
        assert Decimal(row["Amount"]) == Decimal(variant["total"])
        if variant is not variants[0]:
            assert Decimal(row["Difference"]) == Decimal(variant["difference"]["total"])


def test_several_single_scenario_files_make_one_workbook(tmp_path: Path) -> None:
    out = tmp_path / "compare.xlsx"
    files = (EXAMPLES / "tutoring.json", EXAMPLES / "webinar.json")
    result = compare(*files, "--output", out)
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out, data_only=True).worksheets[0]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    variants = compared_json(*files)["variants"]
    assert isinstance(variants, list)
    for index, variant in enumerate(variants):
        assert f"{'AB'[index]}: {variant['name']}" in cells
        assert float(Decimal(variant["total"])) in cells


def test_the_pdf_follows_the_command_lines_language(tmp_path: Path) -> None:
    estimate = estimate_of_what_ifs(tmp_path / "estimate.json")
    out = tmp_path / "compare.pdf"
    assert compare("--language", "zh", estimate, "--output", out).returncode == 0
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Viewers on CDN" in text
    assert any("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.mark.parametrize(
    ("output", "says"),
    [
        ("compare.txt", "--output: 'compare.txt' has no quote extension: use .pdf, .xlsx, .csv"),
        ("missing/compare.pdf", "--output: 'missing/compare.pdf' cannot be written"),
    ],
)
def test_a_refused_output_is_one_line_exit_2_and_no_file(
    tmp_path: Path, output: str, says: str
) -> None:
    estimate = estimate_of_what_ifs(tmp_path / "estimate.json")
    before = sorted(tmp_path.rglob("*"))
    result = subprocess.run(
        [sys.executable, "-m", "estimator_gui", "compare", str(estimate), "--output", output],
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
        text=True,
        env=environment(PYTHONPATH=str(ROOT)),
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: " + says)
    assert len(result.stderr.splitlines()) == 1
    assert sorted(tmp_path.rglob("*")) == before


def test_five_variants_fit_a_workbook_but_not_a_pdf(tmp_path: Path) -> None:
    estimate = estimate_of_what_ifs(tmp_path / "estimate.json")
    files = (estimate, EXAMPLES / "tutoring.json", EXAMPLES / "webinar.json")
    result = compare(*files, "--output", tmp_path / "five.pdf")
    assert result.returncode == 2
    assert result.stderr == (
        "error: variants: 5 are too many for a PDF side by side: at most 4; write .xlsx or .csv\n"
    )
    assert not (tmp_path / "five.pdf").exists()
    assert compare(*files, "--output", tmp_path / "five.xlsx").returncode == 0
