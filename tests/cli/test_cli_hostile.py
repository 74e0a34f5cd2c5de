"""Hostile or odd input found by review: each refused with its field, never a traceback or hang."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import EXAMPLES, ROOT, quote

CALL = {
    "format": "trtc-estimate/1",
    "rooms": [{"service": "audio_call", "rooms_per_day": 1, "days": 1, "minutes": 30,
               "groups": [{"role": "participant", "count": 3}]}],
}
CARD = ROOT / "resources" / "rate_cards" / "trtc-intl-2022-06.toml"
ORDER = r"order = \[.*?\]"  # the free-minute order, a multi-line TOML array


def _write(folder: Path, text: str, name: str = "s.json") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr


@pytest.mark.parametrize(
    ("escape", "code_point"),
    [("\\ud800", "U+D800"), ("a\\u2028b", "U+2028"), ("\\u0085", "U+0085"), ("\\u202e", "U+202E"),
     ("\\u007f", "U+007F")],
)
def test_a_title_a_label_cannot_hold_is_refused(tmp_path: Path, escape: str, code_point: str):
    """A one-line label refuses controls, separators, unpaired surrogates and bidi overrides: an
    unpaired surrogate could not even be saved as UTF-8."""
    text = json.dumps(CALL)[:-1] + f', "title": "{escape}"}}'
    message = _refused(quote(_write(tmp_path, text)))
    assert "title: " in message and code_point in message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_named_as_the_file_is_refused_unread() -> None:
    """/dev/zero is a device, not a scenario file: refused by kind before a byte is read."""
    message = _refused(quote("/dev/zero", timeout=30))
    assert message == "error: /dev/zero is a device, not a file\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_on_standard_input_is_refused_after_a_bounded_read() -> None:
    """/dev/zero as standard input never ends: the reader stops after 5,000,001 bytes."""
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "estimator_gui", "quote", "-"],
            stdin=zero, capture_output=True, text=True, cwd=ROOT, timeout=30, check=False,
        )
    assert "file: 'more than 5,000,000 bytes'" in _refused(result)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_in_one_line(tmp_path: Path) -> None:
    """A FIFO with no writer used to hang the command for ever: exit 2 at once, one line."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert _refused(quote(fifo, timeout=30)) == f"error: {fifo} is a named pipe, not a file\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_rate_card_that_is_a_named_pipe_is_refused_in_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "card.toml"
    os.mkfifo(fifo)
    message = _refused(quote(EXAMPLES / "tutoring.json", "--rate-card", str(fifo), timeout=30))
    assert message == f"error: rate card {fifo} is a named pipe, not a file\n"


def test_a_folder_is_refused_in_one_line(tmp_path: Path) -> None:
    assert _refused(quote(tmp_path)) == f"error: {tmp_path} is a folder, not a file\n"


def test_standard_input_has_the_same_size_limit() -> None:
    """A 6 MB scenario piped in is refused like the same file named on the command line."""
    text = json.dumps(CALL)[:-1] + ', "title": "' + " " * 10 + '"' + " " * 6_000_000 + "}"
    assert "is larger than the 5,000,000 bytes" in _refused(quote("-", stdin=text.encode()))


def test_output_is_utf8_whatever_the_console_code_page(tmp_path: Path) -> None:
    """A Korean title printed to a cp1252 console (Windows, redirected) is written as UTF-8."""
    path = _write(tmp_path, json.dumps({**CALL, "title": "한국어 견적"}, ensure_ascii=False))
    for fmt in ("table", "json", "csv"):
        result = subprocess.run(
            [sys.executable, "-m", "estimator_gui", "quote", str(path), "--format", fmt],
            capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "cp1252"},
            check=False,
        )
        assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
        if fmt != "csv":
            assert "한국어 견적" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("digits", ["\u0662", "\uff12"])
def test_only_ascii_digits_are_numbers(tmp_path: Path, digits: str) -> None:
    """Arabic-Indic or full-width digits are refused, not read as a count of 2."""
    data = json.loads(json.dumps(CALL))
    data["rooms"][0]["groups"][0]["count"] = digits
    message = _refused(quote(_write(tmp_path, json.dumps(data))))
    assert "rooms[0].groups[0].count: " in message and "is not a number" in message


def test_a_full_width_resolution_is_refused(tmp_path: Path) -> None:
    full_width = "\uff11\uff12\uff18\uff10x720"  # 1280x720 in full-width digits
    group = {"role": "participant", "count": 2, "receives": [full_width]}
    data = {"format": "trtc-estimate/1", "rooms": [
        {"service": "video_call", "rooms_per_day": 1, "days": 1, "minutes": 10,
         "groups": [group]}]}
    message = _refused(quote(_write(tmp_path, json.dumps(data))))
    assert "rooms[0].groups[0].receives[0]: " in message and "is not a resolution" in message


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [('"discount_percent": null', "discount_percent: null is not a number"),
     ('"rooms": null', "rooms: null must be a list"),
     ('"title": null', "title: null must be text")],
)
def test_json_null_is_named_as_null(tmp_path: Path, fragment: str, expected: str) -> None:
    message = _refused(quote(_write(tmp_path, '{"format": "trtc-estimate/1", ' + fragment + "}")))
    assert expected in message


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [('audio = "0.99"', 'audio = "1e999999"', "price_lists[0].prices.audio"),
     ('audio = "0.99"', 'audio = "0.' + "9" * 90 + '"', "price_lists[0].prices.audio"),
     (ORDER, "order = 5", "free_minutes.order: 5 must be a non-empty list"),
     (ORDER, "order = []", "free_minutes.order: [] must be a non-empty list"),
     ('"duration.audio", "duration.HD"', '["x"], "duration.HD"', "free_minutes.order"),
     ("up_to = 8847360", "up_to = 99999999", "tiers[3].up_to")],
)
def test_a_rate_card_that_would_break_pricing_is_refused(
    tmp_path: Path, old: str, new: str, key: str
) -> None:
    """Huge or over-precise prices, a free-minute order that is not a list of categories, and a
    top tier the product's limits do not know are refused when the card loads, by key."""
    text = CARD.read_text(encoding="utf-8")
    changed = re.sub(old, new, text, count=1, flags=re.DOTALL) if old == ORDER else text.replace(
        old, new, 1
    )
    assert changed != text
    card = tmp_path / "card.toml"
    card.write_text(changed, encoding="utf-8")
    message = _refused(quote(EXAMPLES / "tutoring.json", "--rate-card", str(card)))
    assert message.startswith("error: rate card card.toml: ") and key in message
