"""The official worked examples of trtc-billing.md section 8, through the scenario file, the
engine and the command line (free minutes off to match the official figures)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pricing_builders import DATA, quote_cli

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.pricing import Breakdown, price, round_money

# file, exact total, rounded total, lines as (section, price_list, tier, minutes, unit, gross)
EXAMPLES = [
    pytest.param(
        "example_six_users.json", "1.2564", "1.26",
        [("duration", "standard", "audio", "60", "0.99", "0.0594"),
         ("duration", "standard", "HD", "300", "3.99", "1.197")],
        id="six-users",
    ),
    pytest.param(
        "example_audio_only.json", "0.0891", "0.09",
        [("duration", "standard", "audio", "90", "0.99", "0.0891")],
        id="audio-only",
    ),
    pytest.param(
        "example_video_live_component.json", "13.5297", "13.53",
        [("duration", "standard", "audio", "30", "0.99", "0.0297"),
         ("duration", "video_live_component", "FHD", "3000", "4.5", "13.5")],
        id="video-live-component",
    ),
    pytest.param(
        "example_640x360_pair.json", "0.0798", "0.08",
        [("duration", "standard", "HD", "20", "3.99", "0.0798")],
        id="640x360-pair",
    ),
    pytest.param(
        "example_two_720p_is_fhd.json", "1.6182", "1.62",
        [("duration", "standard", "FHD", "180", "8.99", "1.6182")],
        id="2x1280x720-is-FHD",
    ),
    pytest.param(
        "example_relay_5_mbps.json", "94.95", "94.95",
        [("relay", "bandwidth", "relay", None, "18.99", "94.95")],
        id="relay-5-mbps",
    ),
]


def _engine_lines(name: str) -> tuple[Breakdown, list[tuple[object, ...]]]:
    breakdown = price(read_scenario(DATA / name), default_rate_card())
    lines = [
        (item.section, item.price_list, item.tier,
         None if item.minutes is None else str(item.minutes), item.unit_price, item.gross)
        for item in breakdown.lines
    ]
    return breakdown, lines


@pytest.mark.parametrize(("name", "total", "rounded", "lines"), EXAMPLES)
def test_worked_example_through_the_engine(
    name: str, total: str, rounded: str, lines: list[tuple[str | None, ...]]
) -> None:
    """Each official figure is reproduced exactly by read_scenario + price."""
    breakdown, got = _engine_lines(name)
    assert got == [(s, p, t, m, Decimal(u), Decimal(g)) for s, p, t, m, u, g in lines]
    assert breakdown.total == Decimal(total)
    assert round_money(breakdown.total) == Decimal(rounded)
    assert breakdown.free_minutes_used == 0


@pytest.mark.parametrize(("name", "total", "rounded", "lines"), EXAMPLES)
def test_worked_example_through_the_command_line(
    name: str, total: str, rounded: str, lines: list[tuple[str | None, ...]]
) -> None:
    """``python -m estimator_gui quote FILE --format json`` prints the same exact figures."""
    result = quote_cli(DATA / name, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["total"] == total
    assert data["total_rounded"] == rounded
    assert data["gross"] == total
    assert data["free_minutes_used"] == 0
    got = [
        (item["section"], item["price_list"], item["tier"], item["minutes"], item["unit_price"],
         item["gross"])
        for item in data["lines"]
    ]
    assert got == [tuple(expected) for expected in lines]
    assert all(item["net"] == item["gross"] for item in data["lines"])


def test_six_users_example_in_the_table_format() -> None:
    """The person-facing table shows the rounded 1.26 and the exact 1.2564."""
    result = quote_cli(DATA / "example_six_users.json")
    assert result.returncode == 0, result.stderr
    total_line = [row for row in result.stdout.splitlines() if row.startswith("Total")]
    assert total_line == [total_line[0]]
    assert "1.26 USD" in total_line[0]
    assert "(exact 1.2564)" in total_line[0]


def test_video_live_component_uses_the_table_price_not_4_495() -> None:
    """The official page multiplies by 4.495 (13.51) while its table says 4.50: the estimator
    uses the table price, 13.5297 -> 13.53."""
    breakdown, _ = _engine_lines("example_video_live_component.json")
    assert breakdown.total != Decimal("13.51")
    assert round_money(breakdown.total) == Decimal("13.53")
