"""`python -m estimator_gui compare`: variants side by side, equal to separate `quote` runs."""

from __future__ import annotations

import copy
import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cli_runner import EXAMPLES, ROOT, environment, quote

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))
ESTIMATE_KEYS = ("customer", "notes", "rate_card", "account_registered", "value_added")
OWN_KEYS = ("name", "difference", "input_differences")


def compare(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "estimator_gui", "compare", *map(str, args)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env=environment() if env is None else env,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8", "replace"),
    )


def quoted(path: Path) -> dict[str, Any]:
    result = quote(path, "--format", "json")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def lines_by_key(data: dict[str, Any]) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(ln["section"], ln["price_list"], ln["tier"]): ln for ln in data["lines"]}


def assert_differences_match(compared: dict[str, Any], quotes: list[dict[str, Any]]) -> None:
    """Each variant carries its own quote's JSON, and its difference to the first variant is
    the difference of the two quotes' exact figures, total, gross and every line."""
    variants = compared["variants"]
    assert len(variants) == len(quotes)
    base = quotes[0]
    for variant, alone in zip(variants, quotes, strict=True):
        assert {k: v for k, v in variant.items() if k not in OWN_KEYS} == alone
        difference = variant["difference"]
        for figure in ("total", "gross", "free_amount", "discount"):
            assert Decimal(difference[figure]) == Decimal(alone[figure]) - Decimal(base[figure])
        ours, theirs = lines_by_key(alone), lines_by_key(base)
        listed = {(d["section"], d["price_list"], d["tier"]): d for d in difference["lines"]}
        assert set(listed) == set(ours) | set(theirs)
        for key, line in listed.items():
            for figure in ("gross", "net"):
                mine = Decimal(ours[key][figure]) if key in ours else Decimal(0)
                before = Decimal(theirs[key][figure]) if key in theirs else Decimal(0)
                assert Decimal(line[figure]) == mine - before, (key, figure)
            assert line["minutes"] == (ours[key]["minutes"] if key in ours else None)
            assert line["present"] == (key in ours)


def test_compare_of_the_examples_equals_separate_quotes() -> None:
    """compare A B C D --format json: per file the fields of `quote --format json`, and the
    differences to A are those of the separate quotes, exactly."""
    result = compare(*EXAMPLE_FILES, "--format", "json")
    assert result.returncode == 0, result.stderr
    compared = json.loads(result.stdout)
    quotes = [quoted(path) for path in EXAMPLE_FILES]
    assert compared["base"] == quotes[0]["title"]
    assert [v["name"] for v in compared["variants"]] == [q["title"] for q in quotes]
    assert_differences_match(compared, quotes)


def what_ifs() -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """The live-shopping request and its three what-ifs: viewers on CDN, 720p viewers, and
    half the shows recorded."""
    base = json.loads((EXAMPLES / "live_shopping.json").read_text(encoding="utf-8"))
    scenario = {k: v for k, v in base.items() if k not in ESTIMATE_KEYS}
    cdn = copy.deepcopy(scenario)
    cdn["rooms"][0]["delivery"] = "cdn"
    hd = copy.deepcopy(scenario)
    hd["rooms"][0]["groups"][2].pop("mix")
    hd["rooms"][0]["groups"][2]["receives"] = ["1280x720"]
    half = copy.deepcopy(scenario)
    half["recording"][0]["days"] = 7
    return base, [("Viewers on CDN", cdn), ("720p viewers", hd), ("Half recorded", half)]


def test_compare_of_a_files_variants_equals_quotes_of_each(tmp_path: Path) -> None:
    """One estimate file with a base and three what-ifs compares as the four scenarios quoted
    one by one; the inputs that differ are listed as codes and values."""
    base, others = what_ifs()
    estimate = {
        **base,
        "variant_name": "Live shopping",
        "variants": [{"name": name, "scenario": scenario} for name, scenario in others],
    }
    path = tmp_path / "estimate.json"
    path.write_text(json.dumps(estimate), encoding="utf-8")
    alone = [EXAMPLES / "live_shopping.json"]
    for index, (_name, scenario) in enumerate(others):
        single = tmp_path / f"variant{index}.json"
        estate = {k: base[k] for k in ESTIMATE_KEYS if k in base}
        single.write_text(json.dumps({**scenario, **estate}), encoding="utf-8")
        alone.append(single)
    result = compare(path, "--format", "json")
    assert result.returncode == 0, result.stderr
    compared = json.loads(result.stdout)
    assert [v["name"] for v in compared["variants"]] == [
        "Live shopping",
        "Viewers on CDN",
        "720p viewers",
        "Half recorded",
    ]
    assert_differences_match(compared, [quoted(p) for p in alone])
    changes = [v["input_differences"] for v in compared["variants"]]
    assert changes[0] == []
    assert changes[1] == [
        {"path": "rooms[0].delivery", "kind": "choice", "base": "low_latency", "other": "cdn"}
    ]
    assert changes[2] == [
        {
            "path": "rooms[0].groups[2].receives",
            "kind": "streams",
            "base": [],
            "other": ["1280x720"],
        },
        {
            "path": "rooms[0].groups[2].mix",
            "kind": "mix",
            "base": {"HD": "60", "FHD": "40"},
            "other": None,
        },
    ]
    assert changes[3] == [{"path": "recording[0].days", "kind": "number", "base": 13, "other": 7}]


def test_input_difference_codes_of_every_kind_in_json(tmp_path: Path) -> None:
    """Numbers, durations, texts, choices, streams, mixes, items added and removed, and the
    price options: each difference carries its kind code and both values as JSON."""
    base = json.loads((EXAMPLES / "tutoring.json").read_text(encoding="utf-8"))
    other = copy.deepcopy(base)
    other["title"] = "Tutoring, April"
    other["discount_percent"] = "7.5"
    other["rooms"][0]["minutes"] = 50
    other["rooms"][0]["groups"][0]["receives"] = ["1920x1080"]
    other["rooms"][1]["groups"][1]["mix"] = {"HD": 50, "FHD": 50}
    other["rooms"][1]["groups"][1].pop("receives", None)
    other["transcoding"][0]["codec"] = "h265"
    other["recording"] = []
    other["rooms"].append(
        {
            "service": "audio_call",
            "rooms_per_day": 1,
            "days": 2,
            "minutes": 5,
            "groups": [{"role": "participant", "count": 2}],
        }
    )
    other["account_registered"] = "2026-01-05"
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(base), encoding="utf-8")
    second.write_text(json.dumps(other), encoding="utf-8")
    result = compare(first, second, "--format", "json")
    assert result.returncode == 0, result.stderr
    found = {d["path"]: d for d in json.loads(result.stdout)["variants"][1]["input_differences"]}
    kinds = {path: d["kind"] for path, d in found.items()}
    assert kinds == {
        "title": "text",
        "discount_percent": "number",
        "rooms[0].seconds": "duration",
        "rooms[0].groups[0].receives": "streams",
        "rooms[1].groups[1].mix": "mix",
        "transcoding[0].codec": "choice",
        "recording[0]": "removed",
        "rooms[2]": "added",
        "options.registered": "date",
    }
    assert found["rooms[0].seconds"]["base"] == "2700"
    assert found["rooms[0].seconds"]["other"] == "3000"
    assert found["discount_percent"]["other"] == "7.5"
    assert found["rooms[1].groups[1].mix"]["other"] == {"HD": "50", "FHD": "50"}
    assert found["rooms[2]"]["other"]["service"] == "audio_call"
    assert found["options.registered"] == {
        "path": "options.registered",
        "kind": "date",
        "base": None,
        "other": "2026-01-05",
    }


def test_table_names_the_variants_and_what_they_change(tmp_path: Path) -> None:
    """The table for a person: a letter per variant, its name, the difference to the base in
    money and percent, and the inputs it changes in words."""
    base, others = what_ifs()
    estimate = {**base, "variants": [{"name": n, "scenario": s} for n, s in others]}
    path = tmp_path / "estimate.json"
    path.write_text(json.dumps(estimate), encoding="utf-8")
    result = compare(path)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for letter, name in zip(
        "ABCD", ["Base", "Viewers on CDN", "720p viewers", "Half recorded"], strict=True
    ):
        assert f"  {letter}  {name}" in text
    assert "D - A" in text
    assert "rooms[0].delivery: Low latency (up to 100,000 viewers) -> Relay to CDN" in text
    assert "recording[0].days: 13 -> 7" in text
    total = next(line for line in text.splitlines() if line.startswith("Total"))
    compared = json.loads(compare(path, "--format", "json").stdout)
    cdn = compared["variants"][1]
    assert cdn["total_rounded"] in total.replace(",", "")
    assert "%" in total


def test_csv_rows_hold_the_exact_figures(tmp_path: Path) -> None:
    """CSV: a row per line and per total, each variant's exact gross and net and the net's
    difference to the base."""
    files = EXAMPLE_FILES[:2]
    result = compare(*files, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    quotes = [quoted(p) for p in files]
    totals = {row[0]: row for row in rows if row[0] in ("gross", "total")}
    width = 5  # minutes, gross, net, difference, percent
    for index, alone in enumerate(quotes):
        cells = totals["total"][3 + index * width : 3 + (index + 1) * width]
        assert Decimal(cells[2]) == Decimal(alone["total"])
        assert Decimal(cells[3]) == Decimal(alone["total"]) - Decimal(quotes[0]["total"])
    body = [row for row in rows[1:] if row[1]]
    assert {(r[0], r[1], r[2]) for r in body} == set(lines_by_key(quotes[0])) | set(
        lines_by_key(quotes[1])
    )


def test_a_single_file_is_one_variant_named_by_its_title() -> None:
    result = compare(EXAMPLE_FILES[0], "--format", "json")
    assert result.returncode == 0, result.stderr
    compared = json.loads(result.stdout)
    assert [v["name"] for v in compared["variants"]] == [quoted(EXAMPLE_FILES[0])["title"]]
    assert compared["variants"][0]["difference"]["total"] == "0"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("missing.json",), "missing.json"),
        (("--rate-card-id", "no-such-card"), "no-such-card"),
    ],
)
def test_refusals_name_what_is_wrong_without_a_traceback(args: tuple[str, ...], named: str) -> None:
    files = [str(EXAMPLE_FILES[0])] + [a for a in args if a.endswith(".json")]
    options = [a for a in args if not a.endswith(".json")]
    result = compare(*files, *options)
    assert result.returncode == 2
    assert result.stdout == ""
    assert named in result.stderr
    assert "Traceback" not in result.stderr


def test_a_refused_variant_names_its_file_and_field(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "tutoring.json").read_text(encoding="utf-8"))
    data["rooms"][0]["groups"][0]["receives"] = ["4096x2160", "4096x2160"]
    bad = tmp_path / "too_big.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = compare(EXAMPLE_FILES[0], bad)
    assert result.returncode == 2
    assert "too_big.json" in result.stderr
    assert "receives" in result.stderr
    assert "Traceback" not in result.stderr
