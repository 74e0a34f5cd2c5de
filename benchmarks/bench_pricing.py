"""Pricing latency: ``price(scenario, card)`` on the bundled examples and on a large scenario.

Each case is timed call by call with ``time.perf_counter_ns`` and reported as median and p90 in
microseconds, next to two baselines measured in the same run on the same scenario: ``json.loads``
of its JSON text (the floor of reading anything) and ``parse_scenario`` (reading and validating it
into a Scenario). Goal: a sales-sized scenario (every bundled example) prices in under 1 ms, so
pricing never holds up a slider.

    python -m benchmarks pricing [--repeat=N]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.resources import resource
from estimator_gui.files.scenario_io import dump_scenario, parse_scenario
from estimator_gui.pricing import (
    Group,
    RecordingTask,
    Relay,
    Resolution,
    Room,
    Scenario,
    TranscodingTask,
    price,
)

REPEAT = 2000  # timed calls per case for the examples; the large case runs a tenth of it
WARM_UP = 20
GOAL_US = 1000.0  # a sales-sized scenario prices in under 1 ms

STREAMS = (
    (),
    (Resolution(640, 360),),
    (Resolution(1280, 720),),
    (Resolution(1280, 720), Resolution(640, 360)),
    (Resolution(1920, 1080),),
    (Resolution(1920, 1080), Resolution(1280, 720)),
    (Resolution(2560, 1440), Resolution(1280, 720)),
    (Resolution(4096, 2160),),
)


def large_scenario() -> Scenario:
    """100 rooms of 20 groups (calls and live rooms, streams and mixes) and 50 recording tasks."""
    rooms = []
    for r in range(100):
        if r % 2 == 0:
            groups = tuple(
                Group("participant", 10, seconds=Decimal(60 * (10 + g)),
                      receives=STREAMS[(r + g) % len(STREAMS)], label=f"group {g}")
                for g in range(20)
            )
            rooms.append(Room("video_call", 1 + r % 7, 22, Decimal(3600), groups,
                              label=f"call {r}"))
        else:
            groups = tuple(
                Group("anchor", 2, receives=STREAMS[g % len(STREAMS)]) if g < 5
                else Group("audience", 1000 + g, seconds=Decimal(60 * g),
                           mix=(("audio", Decimal(10)), ("HD", Decimal("62.5")),
                                ("FHD", Decimal("27.5"))))
                for g in range(20)
            )
            rooms.append(Room("live_video", 1, 4 + r % 20, Decimal(5400), groups,
                              label=f"show {r}",
                              audience_price_list="video_live_component" if r % 3 else "standard"))
    recording = tuple(
        RecordingTask(1 + t % 5, 22, Decimal(2700), records=STREAMS[t % len(STREAMS)],
                      label=f"recording {t}")
        for t in range(50)
    )
    transcoding = (TranscodingTask(1, 4, Decimal(3600), codec="h265",
                                   inputs=(Resolution(1920, 1080), Resolution(1280, 720))),)
    return Scenario(rooms=tuple(rooms), recording=recording, transcoding=transcoding,
                    relay=Relay(peak_mbps=Decimal(12)), title="large: 100 rooms x 20 groups")


def _time(call: Callable[[], object], repeat: int) -> list[float]:
    """Microseconds per call, one sample per call, after a short warm-up."""
    for _ in range(WARM_UP):
        call()
    samples = []
    clock = time.perf_counter_ns
    for _ in range(repeat):
        start = clock()
        call()
        samples.append((clock() - start) / 1000)
    return samples


def _p90(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=10, method="inclusive")[-1]


def _cases() -> list[tuple[str, str, bool]]:
    """(name, scenario JSON text, sales-sized) for every bundled example and the large case."""
    examples = sorted(resource("examples").glob("*.json"))
    cases = [(path.stem, path.read_text(encoding="utf-8"), True) for path in examples]
    cases.append(("large (100x20, 50 rec)", dump_scenario(large_scenario()), False))
    return cases


def main(argv: list[str]) -> int:
    repeat = REPEAT
    for arg in argv:
        if arg.startswith("--repeat="):
            repeat = int(arg.split("=", 1)[1])
    card = default_rate_card()
    print(f"price() per call, microseconds; {repeat} calls per example, "
          f"{max(repeat // 10, 10)} for the large case; Python {sys.version.split()[0]}")
    header = (
        f"{'case':<24} {'groups':>6} {'lines':>5}  {'price med':>9} {'p90':>8}  "
        f"{'json.loads med':>14} {'p90':>8}  {'parse med':>9} {'p90':>8}  {'price/parse':>11}"
    )
    print(header)
    print("-" * len(header))
    slowest_sales = 0.0
    for name, text, sales_sized in _cases():
        runs = repeat if sales_sized else max(repeat // 10, 10)
        scenario = parse_scenario(text)
        breakdown = price(scenario, card)
        groups = sum(len(room.groups) for room in scenario.rooms)
        priced = _time(lambda s=scenario: price(s, card), runs)
        loaded = _time(lambda t=text: json.loads(t), runs)
        parsed = _time(lambda t=text: parse_scenario(t), runs)
        median = statistics.median(priced)
        if sales_sized:
            slowest_sales = max(slowest_sales, median)
        parse_median = statistics.median(parsed)
        print(f"{name:<24} {groups:>6} {len(breakdown.lines):>5}  {median:>9.1f} "
              f"{_p90(priced):>8.1f}  {statistics.median(loaded):>14.1f} {_p90(loaded):>8.1f}  "
              f"{parse_median:>9.1f} {_p90(parsed):>8.1f}  {median / parse_median:>10.2f}x")
    met = slowest_sales < GOAL_US
    print(f"goal: a sales-sized scenario (each bundled example) prices in under "
          f"{GOAL_US:,.0f} us (1 ms); slowest example median {slowest_sales:.1f} us: "
          f"{'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
