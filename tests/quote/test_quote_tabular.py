"""Documents from a breakdown: exact JSON and CSV, a rounded table, notices in English."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from estimator_gui.files.ratecard_io import default_rate_card, shipped_rate_card
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.pricing import (
    Breakdown,
    Group,
    RecordingTask,
    Relay,
    Resolution,
    Room,
    Scenario,
    TranscodingTask,
    price,
    round_money,
)
from estimator_gui.pricing.options import PriceOptions, ValueAddedUse
from estimator_gui.pricing.scenario import RoomRecording
from estimator_gui.quote.notices import NOTICE_TEXT, notice_text
from estimator_gui.quote.tabular import (
    CSV_COLUMNS,
    breakdown_csv,
    breakdown_data,
    breakdown_json,
    breakdown_table,
    plain,
)

ROOT = Path(__file__).resolve().parents[2]
SIX_USERS = ROOT / "tests" / "data" / "example_six_users.json"
CARD = default_rate_card()


def _six_users() -> Breakdown:
    return price(read_scenario(SIX_USERS), CARD)


@pytest.mark.parametrize(
    ("value", "text"),
    [("1.2564", "1.2564"), ("94.950", "94.95"), ("0", "0"), ("0.000", "0"), ("-0.0", "0"),
     ("1E+3", "1000"), ("3000.00", "3000"), ("0.00000001", "0.00000001"), ("120", "120")],
)
def test_plain_is_an_exact_string_without_exponent_or_trailing_zeros(
    value: str, text: str
) -> None:
    """Amounts are printed exactly, never in scientific notation."""
    assert plain(Decimal(value)) == text
    assert Decimal(plain(Decimal(value))) == Decimal(value)


@pytest.mark.parametrize(
    ("value", "cents"),
    [("0.005", "0.01"), ("0.0049999", "0.00"), ("2.675", "2.68"), ("1.2564", "1.26"),
     ("13.5297", "13.53"), ("-0.005", "-0.01")],
)
def test_money_is_rounded_half_up_to_the_cent(value: str, cents: str) -> None:
    """round_money rounds half up (2.675 -> 2.68, where a float would give 2.67)."""
    assert round_money(Decimal(value)) == Decimal(cents)
    assert str(round_money(Decimal(value))) == cents


SIX_LABEL = "three video anchors, one audio anchor, two viewers"


def _usage(group: int, role: str, seconds: str, amount: str) -> dict[str, str]:
    return {"source": f"rooms[0].groups[{group}]", "service": "live_video", "role": role,
            "label": SIX_LABEL, "seconds": seconds, "gross": amount, "net": amount}


def test_json_keeps_the_working_of_every_line() -> None:
    """Each line gives section, tier, list, minutes, unit price, gross, free minutes and net, and
    its usages: each group's seconds and its part of the line (3 anchors x 60 min of the 300 HD
    minutes: 0.7182 of 1.197); the room's part of the month is all of it."""
    data = breakdown_data(_six_users(), "six users")
    assert data["title"] == "six users"
    assert data["lines"] == [
        {"section": "duration", "tier": "audio", "price_list": "standard",
         "services": ["live_video"], "seconds": "3600", "minutes": "60", "quantity": "60",
         "per": "1000 minutes", "unit_price": "0.99", "gross": "0.0594", "free_minutes": 0,
         "net": "0.0594", "usages": [_usage(3, "audience", "3600", "0.0594")]},
        {"section": "duration", "tier": "HD", "price_list": "standard",
         "services": ["live_video"], "seconds": "18000", "minutes": "300", "quantity": "300",
         "per": "1000 minutes", "unit_price": "3.99", "gross": "1.197", "free_minutes": 0,
         "net": "1.197", "usages": [
             _usage(0, "anchor", "10800", "0.7182"), _usage(1, "anchor", "3600", "0.2394"),
             _usage(2, "audience", "3600", "0.2394")]},
    ]
    assert data["rooms"] == [
        {"name": SIX_LABEL, "source": "rooms[0]", "room": "rooms[0]", "service": "live_video",
         "gross": "1.2564", "net": "1.2564", "total": "1.2564", "share": "100"},
    ]
    assert (data["gross"], data["total"], data["total_rounded"]) == ("1.2564", "1.2564", "1.26")
    assert data["contract_discount_eligible"] is False
    assert json.loads(breakdown_json(_six_users(), "six users")) == data


def test_csv_rows_hold_exact_amounts() -> None:
    """CSV: the header, one row per line with exact amounts, then gross..total."""
    rows = list(csv.reader(io.StringIO(breakdown_csv(_six_users()))))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_column = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:3]]
    assert [(r["tier"], r["minutes"], r["gross"], r["net"]) for r in by_column] == [
        ("audio", "60", "0.0594", "0.0594"), ("HD", "300", "1.197", "1.197"),
    ]
    totals = {row[0]: row[-1] for row in rows[3:]}
    assert totals == {"gross": "1.2564", "free_amount": "0", "subtotal": "1.2564",
                      "discount": "0", "total": "1.2564",
                      "rate_card": "trtc-intl-2022-06", "rate_card_effective": "2022-06-15"}


def test_the_table_rounds_for_people_and_shows_the_exact_total() -> None:
    """The table shows cents and, beside the total, the exact figure."""
    table = breakdown_table(_six_users(), "Six users")
    assert table.startswith("Six users\n")
    assert "trtc-intl-2022-06" in table
    total = [row for row in table.splitlines() if row.startswith("Total")]
    assert len(total) == 1
    assert "1.26 USD" in total[0] and "(exact 1.2564)" in total[0]
    assert "Contract discount" not in table


def test_the_table_shows_the_discount_and_the_contract_hint() -> None:
    """A discount gets its own row; 3,000 or more after free minutes gets the contract hint."""
    room = Room("audio_call", 1000, 31, Decimal(60 * 1440),
                groups=(Group("participant", 100),))
    breakdown = price(Scenario(rooms=(room,), discount_percent=Decimal(10)), CARD)
    assert breakdown.contract_discount_eligible
    table = breakdown_table(breakdown)
    assert "Contract discount 10%" in table
    assert "the customer can ask sales for a contract discount" in table


def test_an_empty_breakdown_says_nothing_is_billed() -> None:
    """No lines: the table says so and the notice is written out."""
    table = breakdown_table(price(Scenario(), CARD))
    assert "(no billed usage)" in table
    assert "Note: Nothing in this estimate is billed yet." in table


def _every_notice() -> list[str]:
    live = Room("live_video", 1, 1, Decimal(60), audience_price_list="video_live_component",
                delivery="cdn", groups=(Group("anchor", 2), Group("audience", 7)))
    task = RecordingTask(1, 1, Decimal(60), records=(Resolution(640, 360),))
    mixing = TranscodingTask(1, 1, Decimal(60), inputs=(Resolution(640, 360),))
    with_usage = price(Scenario(rooms=(live,), recording=(task,)), CARD)
    single_mix = price(Scenario(transcoding=(mixing,)), CARD)
    # A room whose own recording bills its robot, beside a robot group of its own.
    recorded = Room("video_call", 1, 1, Decimal(60), groups=(Group("participant", 2),
                    Group("robot", 1)), record=RoomRecording())
    twice = price(Scenario(rooms=(recorded,)), CARD)
    empty = price(Scenario(), CARD)
    # The current card's own: relay with no registration day, a service that needs a package.
    current = shipped_rate_card("trtc-intl-2026-12")
    speech = ValueAddedUse("speech_to_text", 1, 1, Decimal(60))
    relayed = price(
        Scenario(relay=Relay(minutes=Decimal(100))), current, PriceOptions(value_added=(speech,))
    )
    notices = (*with_usage.notices, *single_mix.notices, *empty.notices, *relayed.notices,
               *twice.notices)
    texts = [notice_text(n) for n in notices]
    codes = {n.code for n in notices}
    assert codes == set(NOTICE_TEXT), "a notice code without a test, or a test without a code"
    return texts


def test_every_notice_the_engine_emits_has_an_english_sentence() -> None:
    """Notices are codes with values in the core; quote/ turns each into a full sentence."""
    texts = _every_notice()
    assert all("{" not in text and "_" not in text.split()[0] for text in texts)
    assert "7 viewers are relayed to a CDN" in " ".join(texts)
    assert "2 anchors with the Video Live component" in " ".join(texts)
