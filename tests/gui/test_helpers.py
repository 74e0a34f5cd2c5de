"""The window's pure helpers: locale numbers, the working next to a group, the mix rebalancing."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.gui.app import ensure_application
from estimator_gui.gui.locale_format import format_decimal, format_money, parse_decimal
from estimator_gui.gui.resolution_mix import rebalance
from estimator_gui.gui.working import stream_working
from estimator_gui.pricing.scenario import TIERS, Resolution

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def test_numbers_follow_the_locale(qapp):
    assert format_decimal(Decimal("1234.5"), None, GERMAN) == "1.234,5"
    assert format_decimal(Decimal("1234.5"), None, ENGLISH) == "1,234.5"
    assert format_money(Decimal("1256.445"), ENGLISH) == "1,256.45"  # half up, once
    assert format_decimal(Decimal("-3.10"), 2, ENGLISH) == "-3.10"
    assert parse_decimal("1.234,5", GERMAN) == Decimal("1234.5")
    assert parse_decimal("1,234.5", ENGLISH) == Decimal("1234.5")


def test_the_working_and_the_warning_one_step_from_the_next_tier(qapp):
    ensure_application()  # the window's number format: digits grouped, whatever the system locale
    card = default_rate_card()
    hd = Resolution(1280, 720)
    five = stream_working((hd,) * 5, card, "receives")
    assert five.text == "receives 5 x 1280x720 = 4,608,000 px \u2192 4K"
    assert five.warning == ""
    four_small = stream_working((Resolution(640, 360),) * 4, card, "receives")
    assert four_small.text.endswith("= 921,600 px \u2192 HD")
    assert four_small.warning == "one more 640x360 stream moves it to FHD"
    top = stream_working((Resolution(4096, 2160),), card, "receives")
    assert "where no price is published" in top.warning
    assert stream_working((), card, "receives").text == "receives no video: billed as audio"


shares = st.lists(st.integers(0, 100), min_size=5, max_size=5).filter(lambda v: sum(v) > 0)


@given(shares, st.sampled_from(TIERS), st.integers(-20, 120), st.sets(st.sampled_from(TIERS)))
def test_rebalance_always_sums_to_100_and_keeps_locks(raw, tier, value, locked):
    # Shares as a file holds them: at most 6 decimals (the reader's limit), so sums are exact.
    total = sum(raw)
    start = [(Decimal(v) * 100 / total).quantize(Decimal("0.000001")) for v in raw]
    largest = start.index(max(start))
    start[largest] += 100 - sum(start)  # the rounding rest goes where it cannot turn negative
    before = dict(zip(TIERS, start, strict=True))
    after = rebalance(before, tier, Decimal(value), locked)
    assert sum(after.values()) == 100
    assert all(share >= 0 for share in after.values())
    for locked_tier in locked - {tier}:
        assert after[locked_tier] == before[locked_tier]
    unlocked_others = [t for t in TIERS if t != tier and t not in locked]
    if unlocked_others:
        assert after[tier] == min(
            max(Decimal(value), Decimal(0)), 100 - sum(before[t] for t in locked - {tier})
        )


def test_rebalance_spreads_in_proportion():
    before = {
        "audio": Decimal(0),
        "HD": Decimal(60),
        "FHD": Decimal(30),
        "2K": Decimal(10),
        "4K": Decimal(0),
    }
    after = rebalance(before, "4K", Decimal(50), set())
    assert after == {"audio": 0, "HD": 30, "FHD": 15, "2K": 5, "4K": 50}
