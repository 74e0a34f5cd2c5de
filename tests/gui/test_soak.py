"""A day of breakdowns through the chart: its scene ends as it was, its bars equal the amounts.

The chart is fed thousands of breakdowns priced from varied scenarios (services and tiers come and
go), with events processed after each as the window does, but never the event loop: anything
the chart replaced and left to ``deleteLater`` would stay in the scene and be counted here.
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal

from msgspec.structs import replace
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtWidgets import QApplication
from tests_gui_paths import EXAMPLES

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.gui.chart import SERVICE_ORDER, TIER_ORDER, BreakdownChart
from estimator_gui.gui.labels import service_name, tier_name
from estimator_gui.pricing import Breakdown, Group, Resolution, Room, Scenario, price
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import AUDIO_SERVICES

EDITS = 3000
HD, FHD = Resolution(1280, 720), Resolution(1920, 1080)
# Receives that reach each tier: audio, HD, FHD, 2K (3 x 720p), 4K (2 x 1080p).
RECEIVES = ((), (HD,), (FHD,), (HD, HD, HD), (FHD, FHD))


def _vary_group(rng: random.Random, service: str, group: Group) -> Group:
    if group.mix is not None or service in AUDIO_SERVICES:
        return replace(group, count=rng.randint(0, max(1, group.count)))
    return replace(group, count=rng.randint(0, max(1, group.count)), receives=rng.choice(RECEIVES))


def _vary_room(rng: random.Random, room: Room) -> Room:
    return replace(
        room,
        rooms_per_day=rng.randint(0, 40),
        days=rng.randint(1, 31),
        groups=tuple(_vary_group(rng, room.service, g) for g in room.groups),
    )


def varied_breakdowns(rng: random.Random, count: int) -> list[Breakdown]:
    """Breakdowns of the examples with rooms, tasks and relay dropped and tiers moved at random;
    the first is an example as it is, and one prices nothing at all."""
    card = default_rate_card()
    bases = [read_scenario(path) for path in EXAMPLES]
    found = [price(bases[0], card), price(Scenario(), card)]
    while len(found) < count:
        base = rng.choice(bases)
        try:
            scenario = replace(
                base,
                rooms=tuple(_vary_room(rng, r) for r in base.rooms if rng.random() < 0.7),
                recording=base.recording if rng.random() < 0.6 else (),
                transcoding=base.transcoding if rng.random() < 0.6 else (),
                relay=base.relay if rng.random() < 0.6 else None,
            )
        except InputError:
            continue  # a variant beyond a limit: draw another
        found.append(price(scenario, card))
    return found


def _shown(breakdown: Breakdown) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The services and tiers a breakdown bills, worked out from its lines alone."""
    services = {u.service for line in breakdown.lines for u in line.usages if u.billed}
    tiers = {line.tier for line in breakdown.lines}
    return (
        tuple(s for s in SERVICE_ORDER if s in services),
        tuple(t for t in TIER_ORDER if t in tiers),
    )


def assert_bars_equal_the_amounts(chart: BreakdownChart, breakdown: Breakdown) -> None:
    services, tiers = _shown(breakdown)
    assert chart.services == services
    categories = [a for a in chart.chart().axes() if isinstance(a, QBarCategoryAxis)]
    assert [axis.categories() for axis in categories] == [[service_name(s) for s in services]]
    legend = [m.label() for m in chart.chart().legend().markers() if m.isVisible()]
    assert legend == [tier_name(t) for t in tiers]
    assert list(chart.bar_sets()) == list(tiers)
    (series,) = chart.chart().series()
    for bar_set in series.barSets():
        tier = next(t for t in TIER_ORDER if bar_set.label() == tier_name(t))
        # Each tier's bars add up to its lines' gross, exactly; each bar is its amount.
        in_tier = sum((line.gross for line in breakdown.lines if line.tier == tier), Decimal(0))
        assert sum((chart.amount(s, tier) for s in services), Decimal(0)) == in_tier
        bars = [bar_set.at(i) for i in range(bar_set.count())]
        assert bars == [float(chart.amount(s, tier)) for s in services]


def scene_items(chart: BreakdownChart) -> Counter[str]:
    return Counter(type(item).__name__ for item in chart.scene().items())


def picture_of(chart: BreakdownChart, breakdown: Breakdown) -> Counter[str]:
    """The scene's items for ``breakdown`` shown after an empty chart: the same every time."""
    chart.show_breakdown(replace(breakdown, lines=(), usages=()))
    chart.show_breakdown(breakdown)
    QApplication.processEvents()
    return scene_items(chart)


def test_thousands_of_breakdowns_leave_the_chart_scene_as_it_was(qtbot):
    pool = varied_breakdowns(random.Random(2024), 80)
    assert len({_shown(b) for b in pool}) >= 20  # services and tiers come and go
    chart = BreakdownChart()
    qtbot.addWidget(chart)
    chart.resize(700, 420)
    chart.show()
    picks = random.Random(7)
    after_hundred: Counter[str] = Counter()
    for edit in range(1, EDITS + 1):
        breakdown = picks.choice(pool)
        chart.show_breakdown(breakdown)
        QApplication.processEvents()
        if edit % 250 == 0:
            assert_bars_equal_the_amounts(chart, breakdown)
        if edit == 100:
            after_hundred = picture_of(chart, pool[0])
    assert picture_of(chart, pool[0]) == after_hundred
    assert_bars_equal_the_amounts(chart, pool[0])
