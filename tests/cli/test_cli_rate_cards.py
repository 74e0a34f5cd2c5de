"""Choosing the rate card on the command line: by id, by file, or the one the scenario names.

The 2022-06 card prices every scenario exactly as the command line did before cards carried
their rules: data/golden_2022_06.json holds its JSON output at that commit.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cli_runner import EXAMPLES, ROOT, quote

from estimator_gui import cli

GOLDEN = json.loads((Path(__file__).parent / "data" / "golden_2022_06.json").read_text("utf-8"))
CURRENT = "trtc-intl-2026-12"


def _write(tmp_path: Path, data: dict[str, object], name: str = "s.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _daily_scenario(**extra: object) -> dict[str, object]:
    """30 s of audio a day for 30 days, free minutes off."""
    return {
        "format": "trtc-estimate/1", "free_minutes": 0,
        "rooms": [{"service": "audio_call", "rooms_per_day": 1, "days": 30, "seconds": 30,
                   "groups": [{"role": "participant", "count": 1}]}],
        **extra,
    }


@pytest.mark.parametrize("path", sorted(GOLDEN["outputs"]), ids=lambda p: Path(p).name)
@pytest.mark.parametrize("options", [(), ("--rate-card", "trtc-intl-2022-06")],
                         ids=["default", "by-id"])
def test_the_2022_card_prices_every_scenario_exactly_as_before(
    path: str, options: tuple[str, ...]
) -> None:
    """Every example, worked example and window scenario gives the JSON it gave before the card
    stated its rules (same lines, minutes, free minutes, totals, notices), by default and by id.
    The output has grown only by additive keys (each line's ``usages``, the ``rooms`` list):
    taken out, the rest is the golden output to the last character of every value."""
    result = quote(ROOT / path, "--format", "json", *options)
    assert (result.returncode, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert without_additive_keys(data) == GOLDEN["outputs"][path]
    assert sum(Decimal(room["total"]) for room in data["rooms"]) == Decimal(data["total"])


ADDED_KEYS = {"rooms"}  # keys of quote --format json added since the golden output
ADDED_LINE_KEYS = {"usages"}


def without_additive_keys(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` less the keys added since the golden output, which must all be there."""
    assert set(data) >= ADDED_KEYS
    assert all(set(line) >= ADDED_LINE_KEYS for line in data["lines"])
    rest = {key: value for key, value in data.items() if key not in ADDED_KEYS}
    rest["lines"] = [
        {key: value for key, value in line.items() if key not in ADDED_LINE_KEYS}
        for line in data["lines"]
    ]
    return rest


def test_a_card_is_chosen_by_id_and_named_in_the_quote(tmp_path: Path) -> None:
    """--rate-card trtc-intl-2026-12 (or --rate-card-id) prices on the current card: the JSON names
    it, rounds per day (30 s a day for 30 days: 30 minutes, 0.0297) with the per-day working, and
    compares the plans."""
    path = _write(tmp_path, _daily_scenario())
    for option in ("--rate-card", "--rate-card-id"):
        result = quote(path, "--format", "json", option, CURRENT)
        assert (result.returncode, result.stderr) == (0, "")
        data = json.loads(result.stdout)
        assert data["rate_card"] == {
            "id": CURRENT, "title": "TRTC international price list (pages read 2026-12-01)",
            "effective": "2026-12-01",
        }
        assert data["rounding_period"] == "day"
        (audio,) = data["lines"]
        assert (audio["minutes"], audio["gross"]) == ("30", "0.0297")
        assert audio["days"] == [{"first_day": 1, "last_day": 30, "seconds_per_day": "30",
                                  "minutes_per_day": "1"}]
        assert [plan["id"] for plan in data["plans"]] == ["pay_as_you_go", "starter-9.9"]
        assert data["cheapest"] == "pay_as_you_go"
        assert data["cheapest_new_account"] == "pay_as_you_go"


def test_the_table_shows_the_per_day_working_and_the_plans(tmp_path: Path) -> None:
    """The table of a daily card says how each line was rounded and lists the plans."""
    result = quote(_write(tmp_path, _daily_scenario()), "--rate-card", CURRENT)
    assert result.returncode == 0
    assert "(trtc-intl-2026-12, effective 2026-12-01)" in result.stdout
    assert ("Audio/video duration | Standard | Audio: days 1-30, 30 s a day -> 1 min a day x 30"
            " = 30 min" in result.stdout)
    assert "pay_as_you_go" in result.stdout and "starter-9.9" in result.stdout


def test_the_scenario_names_its_card_and_an_explicit_card_wins_with_a_note(
    tmp_path: Path,
) -> None:
    """A scenario with "rate_card" is priced on that card; --rate-card another one prices on the
    other and says on standard error which card the scenario was made with."""
    path = _write(tmp_path, _daily_scenario(rate_card=CURRENT))
    own = quote(path, "--format", "json")
    assert (own.returncode, own.stderr) == (0, "")
    assert json.loads(own.stdout)["total"] == "0.0297"
    other = quote(path, "--format", "json", "--rate-card", "trtc-intl-2022-06")
    assert other.returncode == 0
    assert json.loads(other.stdout)["total"] == "0.01485"
    assert other.stderr == (
        "note: the scenario was made with rate card trtc-intl-2026-12; priced on "
        "trtc-intl-2022-06\n"
    )


def test_a_scenario_naming_an_unknown_card_is_refused(tmp_path: Path) -> None:
    """A rate_card no shipped card has: exit 2, one line naming the file, the field and the ids."""
    path = _write(tmp_path, _daily_scenario(rate_card="trtc-intl-2030-01"))
    result = quote(path)
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {path}: rate_card: 'trtc-intl-2030-01' is not a shipped rate card: "
        "trtc-intl-2022-06, trtc-intl-2026-12\n"
    )


def test_the_registration_day_picks_the_relay_list(tmp_path: Path) -> None:
    """--registered (or account_registered in the file) picks the relay list on the current card:
    relay minutes are refused for an account registered before 2025-10-23, in one line."""
    path = _write(tmp_path, _daily_scenario(relay={"minutes": 120}))
    after = quote(path, "--format", "json", "--rate-card", CURRENT, "--registered", "2025-11-01")
    assert json.loads(after.stdout)["total"] == "0.3885"  # 0.0297 + 0.3588
    before = quote(path, "--rate-card", CURRENT, "--registered", "2025-01-01")
    assert before.returncode == 2
    assert before.stderr.startswith(f"error: {path}: relay.minutes: 120 prices relay by duration")
    assert before.stderr.count("\n") == 1 and "give relay.peak_mbps" in before.stderr
    bad = quote(path, "--registered", "1.1.2025")
    assert (bad.returncode, bad.stderr) == (
        2, "error: --registered: '1.1.2025' is not a date written YYYY-MM-DD\n",
    )


def test_a_package_book_is_compared(tmp_path: Path) -> None:
    """--packages FILE compares a sales team's packages instead of the card's."""
    book = tmp_path / "book.toml"
    book.write_text(
        'format = "trtc-package-book/1"\nid = "acme"\n\n[[sources]]\nid = "sheet"\n\n'
        '[[packages]]\nid = "cheap-audio"\ntitle = "Cheap audio"\nsource = "sheet"\nfee = "0.01"\n'
        'per = "month"\nminutes = 1000\nweights = { "duration.audio" = "1" }\n',
        encoding="utf-8",
    )
    path = _write(tmp_path, _daily_scenario())
    result = quote(path, "--format", "json", "--rate-card", CURRENT, "--packages", str(book))
    data = json.loads(result.stdout)
    assert [plan["id"] for plan in data["plans"]] == ["pay_as_you_go", "cheap-audio"]
    assert data["cheapest"] == "cheap-audio"
    assert data["plans"][1]["total"] == "0.01"


def test_a_hostile_card_file_is_refused_in_one_line(tmp_path: Path) -> None:
    """A card of arrays nested 100,000 deep: exit 2, one line, no traceback."""
    card = tmp_path / "deep.toml"
    card.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = quote(EXAMPLES / "tutoring.json", "--rate-card", str(card))
    assert result.returncode == 2
    assert result.stderr == f"error: rate card {card} is nested too deeply to be a rate card\n"


def test_an_unknown_card_id_on_the_command_line_is_refused() -> None:
    """--rate-card-id with an id no shipped card has: exit 2, one line with the ids there are."""
    result = quote(EXAMPLES / "tutoring.json", "--rate-card-id", "nope")
    assert result.returncode == 2
    assert result.stderr == (
        "error: rate card rate_card: 'nope' is not a shipped rate card: trtc-intl-2022-06, "
        "trtc-intl-2026-12\n"
    )


def test_rate_cards_lists_the_shipped_cards(capsys: pytest.CaptureFixture[str]) -> None:
    """The rate-cards command lists each shipped card: id, effective date, rounding, title."""
    assert cli.main(["rate-cards"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "trtc-intl-2022-06  effective 2022-06-15  rounds per month  TRTC international price "
        "list (2022-06)  (default)",
        "trtc-intl-2026-12  effective 2026-12-01  rounds per day  TRTC international price list "
        "(pages read 2026-12-01)",
    ]
