"""Small builders for pricing tests: scenarios written the way the billing rules talk."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.pricing import (
    Breakdown,
    Group,
    Line,
    Resolution,
    Room,
    Scenario,
    price,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def minutes(value: int | str) -> Decimal:
    """Seconds of ``value`` minutes, exact."""
    return Decimal(value) * 60


def streams(*sizes: str) -> tuple[Resolution, ...]:
    return tuple(Resolution.parse(size) for size in sizes)


def group(role: str, count: int, *receives: str, seconds: Decimal | None = None) -> Group:
    return Group(role=role, count=count, seconds=seconds, receives=streams(*receives))


def room(
    service: str,
    *groups: Group,
    minutes_each: int | str = 10,
    rooms_per_day: int = 1,
    days: int = 1,
    **options: str | int,
) -> Room:
    return Room(
        service=service, rooms_per_day=rooms_per_day, days=days, seconds=minutes(minutes_each),
        groups=groups, **options,
    )


def priced(*rooms: Room, free_minutes: int | None = 0, **fields: object) -> Breakdown:
    """Price ``rooms`` (and any other Scenario fields) on the bundled card, allowance off."""
    fields.setdefault("rooms", rooms)
    scenario = Scenario(free_minutes=free_minutes, **fields)  # type: ignore[arg-type]
    return price(scenario, default_rate_card())


def line(breakdown: Breakdown, section: str, tier: str, price_list: str = "standard") -> Line:
    found = [
        item for item in breakdown.lines
        if (item.section, item.tier, item.price_list) == (section, tier, price_list)
    ]
    assert len(found) == 1, f"no single {section}.{price_list}.{tier} line in {breakdown.lines}"
    return found[0]


def categories(breakdown: Breakdown) -> list[tuple[str, str, str]]:
    return [(item.section, item.price_list, item.tier) for item in breakdown.lines]


def quote_cli(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m estimator_gui quote PATH OPTIONS`` in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "estimator_gui", "quote", str(path), *options],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=60, check=False,
    )
