"""The window's helpers: locale numbers and the working next to a group, in words."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.gui.app import ensure_application
from estimator_gui.gui.locale_format import format_decimal, format_money, parse_decimal
from estimator_gui.gui.working import working_for
from estimator_gui.pricing.scenario import Resolution

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
    five = working_for((hd,) * 5, None, card, "receives")
    assert five.text == "receives 5 x 1280x720 = 4,608,000 px \u2192 4K"
    assert five.warning == ""
    four_small = working_for((Resolution(640, 360),) * 4, None, card, "receives")
    assert four_small.text.endswith("= 921,600 px \u2192 HD")
    assert four_small.warning == "one more 640x360 stream moves it to FHD"
    mixed = working_for((hd, Resolution(640, 360), hd), None, card, "records")
    assert mixed.text == "records 2 x 1280x720 + 640x360 = 2,073,600 px \u2192 FHD"
    assert mixed.warning == "one more 1280x720 stream moves it to 2K"
    top = working_for((Resolution(4096, 2160),), None, card, "receives")
    assert top.warning == (
        "one more 4096x2160 stream goes above 8,847,360 px, where no price is published"
    )
    assert working_for((), None, card, "receives").text == "receives no video: billed as audio"


def test_a_mix_is_worded_as_its_shares(qapp):
    ensure_application()
    card = default_rate_card()
    mix = (("audio", Decimal(10)), ("HD", Decimal("62.5")), ("4K", Decimal("27.5")))
    working = working_for((), mix, card, "mixes")
    assert working.text == "mixes a mix of Audio 10%, HD 62.5%, 4K 27.5%"
    assert working.warning == ""


def test_an_aggregate_above_the_last_price_is_worded_as_unpriced(qapp):
    ensure_application()
    card = default_rate_card()
    # Built past the checks a scenario applies: the working must still say so, not guess.
    working = working_for((Resolution(4096, 2160), Resolution(1, 1)), None, card, "receives")
    assert working.text == "receives 4096x2160 + 1x1 = 8,847,361 px \u2192 no published price"
    assert working.warning == ""
