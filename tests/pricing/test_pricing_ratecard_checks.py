"""The rate card is data checked on load: a bad card is refused with the key at fault."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from estimator_gui.files.ratecard_io import default_rate_card, load_rate_card
from estimator_gui.files.resources import DEFAULT_RATE_CARD, resource
from estimator_gui.pricing import InputError

CARD_TEXT = resource(*DEFAULT_RATE_CARD).read_text(encoding="utf-8")

FHD_TIER = 'name = "FHD"\nabove = 921600\nup_to = 2073600'
DURATION_PRICES = (
    'prices = { audio = "0.99", HD = "3.99", FHD = "8.99", 2K = "15.99", 4K = "35.99" }'
)
H265_LIST = '''[[price_lists]]
section = "transcoding"
name = "h265"'''
FREE_ORDER_END = '"transcoding.2K", "transcoding.4K",\n]'


def _load_changed(tmp_path: Path, old: str, new: str) -> InputError:
    assert CARD_TEXT.count(old) == 1, f"the bundled card no longer contains {old!r}"
    path = tmp_path / "changed.toml"
    path.write_text(CARD_TEXT.replace(old, new), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_rate_card(path)
    return caught.value


def test_the_bundled_card_loads_with_the_published_figures() -> None:
    """The shipped card holds the tiers, the prices, the free minutes, the contract threshold and
    the rounding rule of trtc-billing.md."""
    card = default_rate_card()
    assert (card.id, card.currency, card.effective) == ("trtc-intl-2022-06", "USD", "2022-06-15")
    assert [(t.name, t.above, t.up_to) for t in card.tiers] == [
        ("HD", 0, 921_600), ("FHD", 921_600, 2_073_600), ("2K", 2_073_600, 3_686_400),
        ("4K", 3_686_400, 8_847_360),
    ]
    prices = {(p.section, p.name): dict(p.prices) for p in card.price_lists}
    expected = {
        ("duration", "standard"): ("0.99", "3.99", "8.99", "15.99", "35.99"),
        ("duration", "video_live_component"): ("0.5", "2.00", "4.50", "8.00", "18.00"),
        ("recording", "standard"): ("1.49", "5.99", "13.49", "23.99", "53.99"),
        ("transcoding", "h264"): ("1.99", "5.99", "13.99", "25.99", "69.99"),
        ("transcoding", "h265"): ("1.99", "17.99", "37.99", "69.99", "189.99"),
    }
    for key, figures in expected.items():
        assert prices[key] == dict(zip(("audio", "HD", "FHD", "2K", "4K"),
                                       map(Decimal, figures), strict=True)), key
    assert prices[("relay", "bandwidth")] == {"relay": Decimal("18.99")}
    assert prices[("relay", "duration")] == {"relay": Decimal("2.99")}
    assert card.free_minutes == 10_000
    assert card.free_order[:10] == (
        "duration.audio", "duration.HD", "duration.FHD", "duration.2K", "duration.4K",
        "recording.audio", "recording.HD", "recording.FHD", "recording.2K", "recording.4K",
    )
    assert card.contract_threshold == Decimal(3000)
    assert card.rounding == "ceil_minute_per_category_per_month"


def test_the_korean_brief_fhd_row_is_refused_as_overlapping(tmp_path: Path) -> None:
    """The Korean brief's FHD row (307,200 < px <= 921,600) overlaps HD: refused, naming it."""
    error = _load_changed(tmp_path, FHD_TIER, 'name = "FHD"\nabove = 307200\nup_to = 921600')
    assert error.field == "changed.toml: tiers[1].above"
    assert error.code == "tiers_overlap"
    assert error.value == 307_200


def test_a_gap_between_tiers_is_refused(tmp_path: Path) -> None:
    """Tiers must be contiguous: FHD starting at 1,000,000 leaves 921,601..1,000,000 unpriced."""
    error = _load_changed(tmp_path, FHD_TIER, 'name = "FHD"\nabove = 1000000\nup_to = 2073600')
    assert error.field == "changed.toml: tiers[1].above"
    assert error.code == "tiers_gap"


def test_a_negative_price_is_refused(tmp_path: Path) -> None:
    """No price may be negative."""
    error = _load_changed(tmp_path, DURATION_PRICES, DURATION_PRICES.replace('"3.99"', '"-3.99"'))
    assert error.field == "changed.toml: price_lists[0].prices.HD"
    assert error.code == "negative_price"


def test_a_missing_price_is_refused(tmp_path: Path) -> None:
    """Every tier of every list needs a price: a list without 4K is refused."""
    error = _load_changed(tmp_path, DURATION_PRICES, DURATION_PRICES.replace(', 4K = "35.99"', ""))
    assert error.field == "changed.toml: price_lists[0].prices.4K"
    assert error.code == "missing"


def test_a_missing_price_list_is_refused(tmp_path: Path) -> None:
    """A card without the H.265 list cannot price H.265 transcoding: refused, naming the list."""
    start = CARD_TEXT.index(H265_LIST)
    end = CARD_TEXT.index("[[price_lists]]", start + 1)
    error = _load_changed(tmp_path, CARD_TEXT[start:end], "")
    assert error.field == "changed.toml: price_lists.transcoding.h265"
    assert error.code == "missing"


def test_an_unknown_section_is_refused(tmp_path: Path) -> None:
    """A price list for a section the engine does not know (storage) is refused."""
    error = _load_changed(tmp_path, H265_LIST, H265_LIST.replace('"transcoding"', '"storage"'))
    assert error.field == "changed.toml: price_lists[4].section"
    assert error.code == "unknown_category"


def test_an_unknown_tier_in_a_price_list_is_refused(tmp_path: Path) -> None:
    """A price for a category the engine does not know (8K) is refused, not ignored."""
    error = _load_changed(tmp_path, DURATION_PRICES,
                          DURATION_PRICES.replace(" }", ', 8K = "99.99" }'))
    assert error.field == "changed.toml: price_lists[0].prices.8K"
    assert error.code == "unknown_category"


def test_a_free_minute_order_naming_an_unknown_category_is_refused(tmp_path: Path) -> None:
    """The free-minute order may only name known categories (relay is not billed by tier)."""
    error = _load_changed(tmp_path, FREE_ORDER_END,
                          '"transcoding.2K", "transcoding.4K", "relay.relay",\n]')
    assert error.field == "changed.toml: free_minutes.order[15]"
    assert error.code == "unknown_category"


def test_a_free_minute_order_naming_a_category_twice_is_refused(tmp_path: Path) -> None:
    """Deducting a category twice would be a slip in the data: refused."""
    error = _load_changed(tmp_path, FREE_ORDER_END,
                          '"transcoding.2K", "transcoding.4K", "duration.HD",\n]')
    assert error.field == "changed.toml: free_minutes.order"
    assert error.code == "duplicate"


def test_an_unknown_rounding_rule_is_refused(tmp_path: Path) -> None:
    """The engine implements one rounding rule; a card naming another is refused."""
    error = _load_changed(tmp_path, 'rule = "ceil_minute_per_category_per_month"',
                          'rule = "ceil_minute_per_category_per_day"')
    assert error.field == "changed.toml: rounding.rule"
    assert error.code == "unknown_rounding"


def test_a_card_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    """A truncated card is a named error, not a traceback."""
    path = tmp_path / "cut.toml"
    path.write_text(CARD_TEXT + "\n[[tiers\nname = ", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_rate_card(path)
    assert caught.value.code == "bad_toml"


def test_an_unknown_top_level_section_is_refused(tmp_path: Path) -> None:
    """A card section the engine does not know ([volume_discounts]) would promise prices the
    estimate never applies: refused, naming it."""
    error = _load_changed(tmp_path, "[rounding]",
                          '[volume_discounts]\nover_100k = "5"\n\n[rounding]')
    assert error.field == "changed.toml: volume_discounts"


def test_a_contract_basis_the_engine_does_not_apply_is_refused(tmp_path: Path) -> None:
    """The engine reaches the hint on the amount after free minutes, before the discount; a card
    stating another basis is refused, as an unknown rounding rule is."""
    error = _load_changed(tmp_path, 'basis = "after_free_minutes_before_discount"',
                          'basis = "before_free_minutes"')
    assert error.field == "changed.toml: contract_hint.basis"
