"""Rate cards and package books as files: shipped cards by id, hostile files refused in one line,
and the scenario file's additive fields (card id, registration day, value-added use)."""

from __future__ import annotations

import datetime
import json
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from estimator_gui.files.ratecard_io import (
    default_rate_card,
    load_package_book,
    load_rate_card,
    resolve_rate_card,
    shipped_rate_card,
    shipped_rate_cards,
)
from estimator_gui.files.resources import resource
from estimator_gui.files.scenario_io import (
    ScenarioFile,
    dump_scenario,
    dump_scenario_file,
    parse_scenario,
    parse_scenario_file,
    read_scenario_file,
    save_scenario_file,
)
from estimator_gui.pricing import InputError, price
from estimator_gui.pricing.options import PriceOptions, ValueAddedUse

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "scenario.schema.json").read_text(encoding="utf-8"))
CURRENT = resource("rate_cards", "trtc-intl-2026-12.toml")

BOOK = """format = "trtc-package-book/1"
id = "acme-2026"
title = "Acme sales price book"

[[sources]]
id = "sales-2026-11"
title = "Acme sales sheet, November 2026"
url = "https://example.invalid/sheet"
date = "2026-11-30"

[[packages]]
id = "call-1v1"
title = "Call 1v1 (as quoted by sales)"
source = "sales-2026-11"
fee = "199"
per = "month"
minutes = 100000
weights = { "duration.audio" = "1", "duration.HD" = "4", "duration.FHD" = "9" }
"""

SCENARIO: dict[str, object] = {
    "format": "trtc-estimate/1",
    "title": "Captions",
    "rate_card": "trtc-intl-2026-12",
    "account_registered": "2025-11-02",
    "rooms": [{"service": "audio_call", "rooms_per_day": 1, "days": 30, "seconds": 30,
               "groups": [{"role": "participant", "count": 1}]}],
    "relay": {"minutes": 120},
    "value_added": [
        {"service": "speech_to_text", "tasks_per_day": 2, "days": 1, "minutes": 10},
        {"service": "ai_translation", "label": "EN+JA", "tasks_per_day": 2, "days": 1,
         "minutes": 10, "languages": 2},
    ],
}


def _refused_card(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_rate_card(path)
    return caught.value


# ---------------------------------------------------------------- shipped cards


def test_the_shipped_cards_are_listed_oldest_first_and_found_by_id() -> None:
    """resources/rate_cards holds the 2022-06 list (the default) and the current card."""
    assert [card.id for card in shipped_rate_cards()] == ["trtc-intl-2022-06", "trtc-intl-2026-12"]
    assert default_rate_card().id == "trtc-intl-2022-06"
    assert shipped_rate_card("trtc-intl-2026-12").effective == "2026-12-01"


def test_each_shipped_card_file_is_named_after_its_id() -> None:
    """What lets a file that names its card open with that card read alone."""
    for path in sorted(resource("rate_cards").glob("*.toml")):
        assert load_rate_card(path).id == path.stem, path.name


def test_a_file_naming_a_shipped_card_reads_that_card_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from estimator_gui.files import ratecard_io

    ratecard_io._shipped.cache_clear()
    ratecard_io.shipped_rate_cards.cache_clear()
    read: list[str] = []
    real = ratecard_io.load_rate_card

    def counting(path: Path) -> object:
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(ratecard_io, "load_rate_card", counting)
    card = shipped_rate_card("trtc-intl-2026-12")
    assert card.id == "trtc-intl-2026-12"
    assert read == ["trtc-intl-2026-12.toml"]
    assert shipped_rate_card("trtc-intl-2026-12") is card  # read once per run
    assert default_rate_card().id == "trtc-intl-2022-06"
    assert read == ["trtc-intl-2026-12.toml", "trtc-intl-2022-06.toml"]
    # a name that is not a file of ours still finds nothing, however it is written
    for odd in ("../rate_cards/trtc-intl-2026-12", "trtc-intl-2026-12/", "", "a\0b"):
        with pytest.raises(InputError):
            shipped_rate_card(odd)
    ratecard_io._shipped.cache_clear()
    ratecard_io.shipped_rate_cards.cache_clear()


def test_an_unknown_card_id_is_refused_naming_the_shipped_ones() -> None:
    """An id no shipped card has is refused, naming the field and the ids there are."""
    with pytest.raises(InputError) as caught:
        shipped_rate_card("trtc-intl-2030-01")
    error = caught.value
    assert (error.field, error.code) == ("rate_card", "unknown_rate_card")
    assert error.limit == ("trtc-intl-2022-06", "trtc-intl-2026-12")


def test_a_card_is_resolved_by_id_or_by_path(tmp_path: Path) -> None:
    """--rate-card takes an id or a file: a shipped id wins; anything else is read as a path."""
    copy = tmp_path / "mine.toml"
    shutil.copyfile(CURRENT, copy)
    assert resolve_rate_card("trtc-intl-2026-12") is shipped_rate_card("trtc-intl-2026-12")
    assert resolve_rate_card(str(copy)).id == "trtc-intl-2026-12"
    with pytest.raises(InputError) as caught:
        resolve_rate_card(str(tmp_path / "missing.toml"))
    assert caught.value.code == "unreadable"


# ---------------------------------------------------------------- hostile card files


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
        ("x = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n", "nested too deeply"),
        ("format = 1" + "1" * 5000 + "\n", "number too long"),
    ],
    ids=["arrays-100000-deep", "inline-tables-1000-deep", "5000-digit-integer"],
)
def test_nesting_and_overlong_numbers_are_refused_in_one_line(
    tmp_path: Path, content: str, words: str
) -> None:
    """Arrays nested 100,000 deep, inline tables 1,000 deep and a 5,000-digit integer end in a
    RecursionError or ValueError inside tomllib: refused as InputError naming the file."""
    path = tmp_path / "hostile.toml"
    path.write_text(content, encoding="utf-8")
    error = _refused_card(path)
    assert (error.field, error.code) == (str(path), "bad_toml")
    assert words in error.message and "\n" not in error.message


def test_a_5000_digit_price_is_refused_naming_the_key(tmp_path: Path) -> None:
    """A price written with 5,000 digits parses (as a decimal) and is refused by key."""
    long_price = "audio = 0." + "9" * 5000
    text = CURRENT.read_text(encoding="utf-8").replace('audio = "0.99"', long_price, 1)
    path = tmp_path / "long.toml"
    path.write_text(text, encoding="utf-8")
    error = _refused_card(path)
    assert error.field == "long.toml: price_lists[0].prices.audio"
    assert error.code == "too_precise"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(device: str) -> None:
    """/dev/zero and /dev/urandom never end: refused by what they are, not read."""
    if not os.path.exists(device):
        pytest.fail(f"{device} is missing on this system")
    error = _refused_card(Path(device))
    assert (error.field, error.code) == (device, "not_a_file")
    assert "a device" in error.message


def test_a_sparse_6_gb_file_is_refused_by_its_size(tmp_path: Path) -> None:
    """A 6 GB file (sparse: it takes no disk) is refused by its size before a byte is read."""
    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:
        stream.truncate(6 * 1024**3)
    error = _refused_card(path)
    assert (error.code, error.value) == ("too_large", f"{6 * 1024**3:,} bytes")


def test_a_package_book_that_is_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    """A package book is read as a card is: a named pipe is refused, not waited on."""
    fifo = tmp_path / "book.toml"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as caught:
        load_package_book(fifo)
    assert caught.value.code == "not_a_file"


# ---------------------------------------------------------------- package books


def test_a_package_book_loads_its_packages(tmp_path: Path) -> None:
    """A sales team's book (trtc-package-book/1) gives packages checked as a card's are."""
    path = tmp_path / "book.toml"
    path.write_text(BOOK, encoding="utf-8")
    (package,) = load_package_book(path)
    assert (package.id, package.fee, package.minutes, package.per) == (
        "call-1v1", Decimal(199), 100_000, "month",
    )
    assert package.weight("duration", "standard", "HD") == 4
    assert package.weight("recording", "standard", "HD") is None


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [('"duration.FHD" = "9"', '"duration.8K" = "9"', "book.toml: packages[0].weights.duration.8K"),
     ('source = "sales-2026-11"', 'source = "hearsay"', "book.toml: packages[0].source"),
     ('format = "trtc-package-book/1"', 'format = "trtc-rate-card/1"', "book.toml: format"),
     ('minutes = 100000', 'minutes = 100000\nmau = 5000', "book.toml: packages[0].mau")],
)
def test_a_bad_package_book_is_refused_naming_the_key(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    """An unknown category, a source the book does not list, another format and an unknown key
    are refused, naming the file and the key."""
    path = tmp_path / "book.toml"
    path.write_text(BOOK.replace(old, new), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_package_book(path)
    assert caught.value.field == field


# ---------------------------------------------------------------- scenario files


def test_the_scenario_file_keeps_its_card_registration_day_and_value_added_use(
    tmp_path: Path,
) -> None:
    """rate_card, account_registered and value_added are read into a ScenarioFile, pass the
    schema, survive a save and a read, and price as the card says."""
    assert list(Draft202012Validator(SCHEMA).iter_errors(SCENARIO)) == []
    document = parse_scenario_file(json.dumps(SCENARIO))
    assert document.rate_card_id == "trtc-intl-2026-12"
    assert document.options.registered == datetime.date(2025, 11, 2)
    assert document.options.value_added == (
        ValueAddedUse("speech_to_text", 2, 1, Decimal(600)),
        ValueAddedUse("ai_translation", 2, 1, Decimal(600), languages=2, label="EN+JA"),
    )
    path = tmp_path / "saved.json"
    save_scenario_file(document, path)
    assert read_scenario_file(path) == document
    breakdown = price(document.scenario, shipped_rate_card("trtc-intl-2026-12"), document.options)
    # 30 audio minutes (30 s a day, daily), 0.3588 relay, 0.4 + 0.64 value-added; free minutes
    # take the audio
    assert breakdown.total == Decimal("0.3588") + Decimal("0.4") + Decimal("0.64")


def test_a_file_without_the_new_fields_reads_and_writes_as_before() -> None:
    """A trtc-estimate/1 file of before keeps its reading and its bytes: no new field appears."""
    raw = (ROOT / "resources" / "examples" / "tutoring.json").read_bytes()
    document = parse_scenario_file(raw)
    assert document == ScenarioFile(parse_scenario(raw))
    assert dump_scenario_file(document) == dump_scenario(document.scenario)
    assert document.options == PriceOptions()


@pytest.mark.parametrize(
    ("field", "value", "path", "code"),
    [("account_registered", "23.10.2025", "account_registered", "bad_date"),
     ("account_registered", "2025-02-30", "account_registered", "bad_date"),
     ("rate_card", 2026, "rate_card", "not_text"),
     ("value_added", [{"service": "speech_to_text", "tasks_per_day": 1, "days": 32,
                       "minutes": 1}], "value_added[0].days", "too_large"),
     ("value_added", [{"service": "ai_translation", "tasks_per_day": 1, "days": 1,
                       "minutes": 1, "languages": 0}], "value_added[0].languages", "too_small"),
     ("value_added", [{"service": "speech_to_text", "tasks_per_day": 1, "days": 1}],
      "value_added[0].minutes", "missing")],
)
def test_bad_new_fields_are_refused_naming_the_field(
    field: str, value: object, path: str, code: str
) -> None:
    """A registration day not written YYYY-MM-DD (or not a day), a card id that is not text, and
    value-added use out of range or without its minutes are refused, naming the field."""
    data = {**SCENARIO, field: value}
    with pytest.raises(InputError) as caught:
        parse_scenario_file(json.dumps(data))
    assert (caught.value.field, caught.value.code) == (path, code)
