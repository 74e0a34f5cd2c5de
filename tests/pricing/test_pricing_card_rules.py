"""Rules a rate card states as data, one test each: the engine reads them from the card.

The current card (trtc-intl-2026-12) rounds per day, takes weighted free minutes day by day,
words the contract hint "exceeds", bills relay by the account's registration day and lists
value-added services; the 2022-06 card does none of this and prices as it always did.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from pricing_builders import group, line, minutes, streams

from estimator_gui.files.ratecard_io import shipped_rate_card
from estimator_gui.pricing import (
    Group,
    InputError,
    RecordingTask,
    Relay,
    Room,
    Scenario,
    TranscodingTask,
    price,
)
from estimator_gui.pricing.breakdown import Breakdown, DayStretch
from estimator_gui.pricing.options import PriceOptions, ValueAddedUse


def _priced(
    card_id: str, *rooms: Room, free_minutes: int | None = 0, options: PriceOptions | None = None,
    **fields: object,
) -> Breakdown:
    fields.setdefault("rooms", rooms)
    scenario = Scenario(free_minutes=free_minutes, **fields)  # type: ignore[arg-type]
    return price(scenario, shipped_rate_card(card_id), options)


def _audio_room(seconds: str, days: int, users: int = 1) -> Room:
    return Room("audio_call", 1, days, Decimal(seconds), (group("participant", users),))


# ---------------------------------------------------------------- rounding period


def test_thirty_seconds_a_day_for_thirty_days_is_thirty_minutes_daily_fifteen_monthly() -> None:
    """Rounding period (42734 vs the 2022 text): 30 s of audio a day for 30 days is 30 billed
    minutes when each day rounds up on its own, and 15 when the month's 900 s round once."""
    daily = _priced("trtc-intl-2026-12", _audio_room("30", 30))
    monthly = _priced("trtc-intl-2022-06", _audio_room("30", 30))
    assert line(daily, "duration", "audio").quantity == 30
    assert line(monthly, "duration", "audio").quantity == 15
    assert daily.total == Decimal(30) * Decimal("0.99") / 1000 == Decimal("0.0297")
    assert monthly.total == Decimal("0.01485")
    assert (daily.rounding_period, monthly.rounding_period) == ("day", "month")


def test_one_days_seconds_of_a_category_are_summed_before_rounding() -> None:
    """FAQ 647/42737: 30 s + 20 s + 40 s of one day deduct 1 + 0 + 1 minutes: the day's 90 s of
    a category are summed, then rounded up once, to 2 minutes (not 3)."""
    breakdown = _priced(
        "trtc-intl-2026-12", _audio_room("30", 1), _audio_room("20", 1), _audio_room("40", 1)
    )
    audio = line(breakdown, "duration", "audio")
    assert (audio.seconds, audio.quantity) == (Decimal(90), Decimal(2))
    assert audio.days == (DayStretch(1, 1, Decimal(90), Decimal(2)),)


def test_sources_of_fewer_days_run_on_the_first_days_of_the_month() -> None:
    """Daily rounding needs each day's use: a room of N days runs on days 1..N, every source on
    the same days, so day d holds the sources of d days or more. 70 s a day for 22 days and 20 s
    a day for 4 days: days 1-4 hold 90 s (2 min), days 5-22 hold 70 s (2 min) -> 44 minutes."""
    breakdown = _priced("trtc-intl-2026-12", _audio_room("70", 22), _audio_room("20", 4))
    audio = line(breakdown, "duration", "audio")
    assert audio.days == (
        DayStretch(1, 4, Decimal(90), Decimal(2)),
        DayStretch(5, 22, Decimal(70), Decimal(2)),
    )
    assert audio.quantity == 2 * 4 + 2 * 18 == 44
    assert audio.seconds == 70 * 22 + 20 * 4


def test_a_mix_shares_each_days_seconds_before_they_round() -> None:
    """A mix gives each tier its share of every day: 60 s a day at 50% HD / 50% FHD is 30 s of
    each a day, 1 billed minute of each a day."""
    mixed = Room("video_call", 1, 10, Decimal(60), (
        Group("participant", 1, mix=(("HD", Decimal(50)), ("FHD", Decimal(50)))),
    ))
    breakdown = _priced("trtc-intl-2026-12", mixed)
    assert line(breakdown, "duration", "HD").quantity == 10
    assert line(breakdown, "duration", "FHD").quantity == 10


# ---------------------------------------------------------------- free minutes


def _video(days: int, seconds: str, *sizes: str) -> Room:
    return Room("video_call", 1, days, Decimal(seconds), (group("participant", 1, *sizes),))


def test_free_minutes_weigh_video_minutes_as_the_card_says() -> None:
    """Free minutes at 1:4:9:16:36 (647/42735-free-trial): 1,000 free minutes cover 100 audio
    minutes (100) and then 225 HD minutes (900); the 4K minutes stay paid."""
    breakdown = _priced(
        "trtc-intl-2026-12", _video(1, minutes(100), ), _video(1, minutes(300), "1280x720"),
        _video(1, minutes(50), "4096x2160"), free_minutes=1000,
    )
    assert [(item.tier, item.free_minutes, item.free_weight) for item in breakdown.lines] == [
        ("audio", 100, 1), ("HD", 225, 4), ("4K", 0, 1),
    ]
    assert breakdown.free_minutes_used == 1000
    assert line(breakdown, "duration", "HD").net == 75 * Decimal("3.99") / 1000
    assert breakdown.free_amount == Decimal("0.099") + 225 * Decimal("3.99") / 1000


def test_free_minutes_left_below_a_weight_cover_a_lighter_category_later() -> None:
    """Only whole billed minutes are covered: with 3 free minutes left, an HD minute (weight 4)
    takes none, and recording audio (weight 1), later in the order, takes the 3."""
    breakdown = _priced(
        "trtc-intl-2026-12", _video(1, minutes(10), "1280x720"), free_minutes=43,
        recording=(RecordingTask(1, 1, minutes(5)),),
    )
    assert line(breakdown, "duration", "HD").free_minutes == 10  # 40 of the 43
    assert line(breakdown, "recording", "audio").free_minutes == 3
    assert breakdown.free_minutes_used == 43


def test_free_minutes_cover_only_the_categories_the_card_orders() -> None:
    """The current card's free minutes cover duration and recording (its order and weights);
    MixTranscoding has no weight on any page and stays paid. The 2022 card covers it."""
    mixing = (TranscodingTask(1, 1, minutes(100), inputs=streams("1280x720")),)
    current = _priced("trtc-intl-2026-12", free_minutes=10_000, transcoding=mixing)
    old = _priced("trtc-intl-2022-06", free_minutes=10_000, transcoding=mixing)
    assert line(current, "transcoding", "HD", "h264").free_minutes == 0
    assert line(old, "transcoding", "HD", "h264").free_minutes == 100


def test_free_minutes_are_taken_day_by_day_in_the_card_order() -> None:
    """Free minutes taken each day (42734: the daily fee is what is left after them): 75 audio,
    150 HD (x4) and 300 FHD (x9) minutes a day use 3,375 a day; days 1-2 use 6,750, day 3 covers
    audio and HD (675) and 286 FHD minutes (2,574), and the last free minute covers one audio
    minute of day 4. A month-long order would have covered all 1,650 audio minutes first."""
    stand_up = _video(22, minutes(75))
    hd = _video(4, minutes(150), "1280x720")
    fhd = _video(4, minutes(300), "1920x1080")
    breakdown = _priced("trtc-intl-2026-12", stand_up, hd, fhd, free_minutes=10_000)
    assert [(item.tier, item.free_minutes) for item in breakdown.lines] == [
        ("audio", 3 * 75 + 1), ("HD", 3 * 150), ("FHD", 2 * 300 + 286),
    ]
    assert breakdown.free_minutes_used == 10_000
    assert breakdown.free_minutes_period == "day"


def test_the_2022_card_takes_free_minutes_one_to_one_from_the_month() -> None:
    """The 2022-06-15 Free Minutes page: 1:1, the month's minutes, in order: the same rooms have
    all 1,650 audio minutes covered first, then 8,350 HD minutes."""
    breakdown = _priced(
        "trtc-intl-2022-06", _video(22, minutes(75)), _video(22, minutes(500), "1280x720"),
        free_minutes=10_000,
    )
    assert [(item.tier, item.free_minutes, item.free_weight) for item in breakdown.lines] == [
        ("audio", 1650, 1), ("HD", 8350, 1),
    ]


# ---------------------------------------------------------------- contract hint


def test_the_contract_hint_is_reached_above_3000_on_the_current_card_and_at_it_in_2022() -> None:
    """"exceeds 3,000 USD" (42737) against "3000 USD 이상" (34610): 1,500,000 minutes of Video
    Live component HD audience at 2.00 USD per 1,000 are exactly 3,000 USD, which reaches the
    hint on the 2022 card only; one audio minute more (0.00099 USD) reaches it on both."""
    audience = Room(
        "live_video", 1000, 1, Decimal(60), (group("audience", 1500, "1280x720"),),
        audience_price_list="video_live_component",
    )
    current = _priced("trtc-intl-2026-12", audience)
    old = _priced("trtc-intl-2022-06", audience)
    assert current.subtotal == old.subtotal == Decimal(3000)
    assert (current.contract_discount_eligible, old.contract_discount_eligible) == (False, True)
    one_more = _priced("trtc-intl-2026-12", audience, _audio_room("60", 1))
    assert one_more.subtotal == Decimal("3000.00099")
    assert one_more.contract_discount_eligible


# ---------------------------------------------------------------- relay


def _relay(**mode: str) -> dict[str, object]:
    return {"relay": Relay(**{k: Decimal(v) for k, v in mode.items()})}


def test_relay_list_follows_the_registration_day() -> None:
    """47631/77799: accounts registered before 2025-10-23 pay 18.99 USD per Mbps of monthly
    peak; accounts registered from that day on pay 2.99 USD per 1,000 relay minutes."""
    before = PriceOptions(registered=datetime.date(2025, 10, 22))
    after = PriceOptions(registered=datetime.date(2025, 10, 23))
    bandwidth = _priced("trtc-intl-2026-12", options=before, **_relay(peak_mbps="5"))
    duration = _priced("trtc-intl-2026-12", options=after, **_relay(minutes="120"))
    assert bandwidth.total == Decimal("94.95")
    assert duration.total == Decimal("0.3588")  # 47631's example: 2 hours of relay
    assert not [n for n in bandwidth.notices + duration.notices if n.code.startswith("relay")]


@pytest.mark.parametrize(
    ("registered", "mode", "field", "wanted"),
    [("2024-01-01", {"minutes": "120"}, "relay.minutes", "peak_mbps"),
     ("2025-11-01", {"peak_mbps": "5"}, "relay.peak_mbps", "minutes")],
)
def test_a_relay_mode_the_registration_day_does_not_allow_is_refused(
    registered: str, mode: dict[str, str], field: str, wanted: str
) -> None:
    """A relay mode the account's registration day does not bill is refused, naming the field,
    the cut-off day and the field to give instead."""
    options = PriceOptions(registered=datetime.date.fromisoformat(registered))
    with pytest.raises(InputError) as caught:
        _priced("trtc-intl-2026-12", options=options, **_relay(**mode))
    assert caught.value.field == field
    assert caught.value.code == "relay_list_by_registration"
    assert caught.value.limit == "2025-10-23"
    assert f"give relay.{wanted}" in caught.value.rule and registered in caught.value.rule


def test_without_a_registration_day_the_relay_mode_is_priced_and_the_rule_is_said() -> None:
    """No registration day: the scenario's mode is priced, and a notice names the list and the
    cut-off day so the quote says which accounts it holds for."""
    breakdown = _priced("trtc-intl-2026-12", **_relay(peak_mbps="5"))
    assert breakdown.total == Decimal("94.95")
    notices = [n for n in breakdown.notices if n.code == "relay_list_by_registration"]
    assert [(n.field, dict(n.values)) for n in notices] == [
        ("relay", {"list": "bandwidth", "registered_before": "2025-10-23"}),
    ]


def test_the_2022_card_prices_either_relay_mode_whatever_the_registration_day() -> None:
    """The 2022 card's relay rule is the scenario's mode: no check, no notice."""
    options = PriceOptions(registered=datetime.date(2026, 1, 1))
    breakdown = _priced("trtc-intl-2022-06", options=options, **_relay(peak_mbps="5"))
    assert breakdown.total == Decimal("94.95")
    assert breakdown.notices == ()


def test_relay_minutes_round_up_to_a_whole_minute_of_the_month() -> None:
    """No page says how relay minutes round; both cards state the estimator's rule: the month's
    relay minutes rounded up to a whole minute (90.5 -> 91)."""
    for card_id in ("trtc-intl-2026-12", "trtc-intl-2022-06"):
        breakdown = _priced(card_id, **_relay(minutes="90.5"))
        assert line(breakdown, "relay", "relay", "duration").quantity == 91
        assert breakdown.total == 91 * Decimal("2.99") / 1000


# ---------------------------------------------------------------- value-added services


def _added(*uses: ValueAddedUse, card: str = "trtc-intl-2026-12") -> Breakdown:
    return _priced(card, options=PriceOptions(value_added=uses))


def test_speech_to_text_and_translation_as_67832_prices_them() -> None:
    """67832's example: users A and B talk 10 minutes, captions in 2 languages: 20 minutes of
    speech-to-text at 0.02 USD (0.4) and 10 min x 2 languages x 2 users = 40 minutes of AI
    translation at 0.016 USD (0.64)."""
    breakdown = _added(
        ValueAddedUse("speech_to_text", 2, 1, minutes(10)),
        ValueAddedUse("ai_translation", 2, 1, minutes(10), languages=2),
    )
    stt = line(breakdown, "value_added", "standard", "speech_to_text")
    translation = line(breakdown, "value_added", "standard", "ai_translation")
    assert (stt.quantity, stt.gross) == (Decimal(20), Decimal("0.4"))
    assert (translation.quantity, translation.gross) == (Decimal(40), Decimal("0.64"))
    assert breakdown.total == Decimal("1.04")
    assert [(n.code, dict(n.values)["service"]) for n in breakdown.notices] == [
        ("value_added_requires", "speech_to_text"),
    ]


def test_web_page_recording_is_priced_by_output_tier() -> None:
    """45176: 10 minutes of web page recording at HD output = 14 USD / 1,000 min x 10 = 0.14."""
    breakdown = _added(ValueAddedUse("web_recording", 1, 1, minutes(10), option="HD"))
    assert line(breakdown, "value_added", "HD", "web_recording").gross == Decimal("0.14")


def test_value_added_minutes_round_per_day_like_durations() -> None:
    """"the total daily seconds are converted to minutes" (67832): 30 s of speech-to-text a day
    for 30 days bills 30 minutes, 0.6 USD."""
    breakdown = _added(ValueAddedUse("speech_to_text", 1, 30, Decimal(30)))
    stt = line(breakdown, "value_added", "standard", "speech_to_text")
    assert (stt.quantity, stt.gross) == (Decimal(30), Decimal("0.6"))


@pytest.mark.parametrize(
    ("use", "field", "code"),
    [(ValueAddedUse("speech_synthesis", 1, 1, Decimal(60)), "value_added[0].service",
      "unknown_service"),
     (ValueAddedUse("web_recording", 1, 1, Decimal(60), option="4K"), "value_added[0].option",
      "unknown_choice"),
     (ValueAddedUse("speech_to_text", 1, 1, Decimal(60), languages=3),
      "value_added[0].languages", "not_applicable")],
)
def test_value_added_use_the_card_does_not_price_is_refused(
    use: ValueAddedUse, field: str, code: str
) -> None:
    """A service the card does not list, an option it has no price for, and languages on a
    service not billed per language are refused, naming the field."""
    with pytest.raises(InputError) as caught:
        _added(use)
    assert (caught.value.field, caught.value.code) == (field, code)


def test_the_2022_card_lists_no_value_added_service() -> None:
    """The 2022 card lists none: a value-added use is refused, saying it lists none."""
    with pytest.raises(InputError) as caught:
        _added(ValueAddedUse("speech_to_text", 1, 1, Decimal(60)), card="trtc-intl-2022-06")
    assert caught.value.field == "value_added[0].service"
    assert "it lists: none" in caught.value.rule
