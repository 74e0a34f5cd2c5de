"""`python -m estimator_gui WORD`: a mistyped command or a path that is not a file is refused in
one line, exit 2, before Qt loads (with no display Qt would abort instead)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import EXAMPLES, ROOT

from estimator_gui.__main__ import WINDOW_VALUE_OPTIONS, refuse_window_file, window_file

USAGE = (
    "usage: python -m estimator_gui [FILE] [options] | quote FILE [options]"
    " | compare FILE... [options] | rate-cards (--help)"
)


def _no_display() -> dict[str, str]:
    """The environment of a terminal with no display: no X11, no Wayland, no platform chosen."""
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    return env


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "estimator_gui", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_no_display(),
        timeout=30,
        check=False,
    )


def _one_line_refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    return result.stderr.rstrip("\n")


def test_a_mistyped_command_is_refused_in_one_line() -> None:
    message = _one_line_refusal(_run("qoute", "resources/examples/tutoring.json"))
    assert message == (
        f"error: 'qoute' is neither a command (quote, compare, rate-cards) nor a file; {USAGE}"
    )


def test_a_missing_file_is_refused_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    message = _one_line_refusal(_run(str(missing)))
    commands = "(quote, compare, rate-cards)"
    assert message.startswith(f"error: {str(missing)!r} is neither a command {commands} nor a file")


def test_a_folder_is_refused_in_one_line(tmp_path: Path) -> None:
    message = _one_line_refusal(_run(str(tmp_path)))
    assert message == f"error: {str(tmp_path)!r} is a folder, not a file; {USAGE}"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_in_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    message = _one_line_refusal(_run(str(fifo)))
    assert message == f"error: {str(fifo)!r} is a named pipe, not a file; {USAGE}"


def test_a_mistyped_command_with_a_window_option_is_refused(tmp_path: Path) -> None:
    """The word after --screenshot is its value; the next one is the file, and refused."""
    out = tmp_path / "out.png"
    message = _one_line_refusal(_run("--screenshot", str(out), "qoute"))
    assert message.startswith("error: 'qoute' is neither a command")
    assert not out.exists()


def test_the_refusal_comes_before_qt_is_loaded() -> None:
    probe = (
        "import json, sys\n"
        "sys.argv = ['estimator_gui', 'qoute']\n"
        "from estimator_gui.__main__ import main\n"
        "status = main()\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(json.dumps({'status': status, 'qt': qt}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_no_display(),
        timeout=30,
        check=False,
    )
    assert json.loads(result.stdout) == {"status": 2, "qt": []}


def test_help_still_comes_from_the_window(tmp_path: Path) -> None:
    """-h is argparse's, even after a word that would be refused."""
    for args in (["-h"], ["qoute", "--help"]):
        result = _run(*args)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("usage: python -m estimator_gui [-h] [--screenshot")


def test_a_screenshot_of_an_example_still_works_with_no_display(tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    result = _run(str(EXAMPLES / "tutoring.json"), "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")


def test_quote_and_version_are_commands() -> None:
    assert _run("quote", str(EXAMPLES / "tutoring.json"), "--format", "json").returncode == 0
    version = _run("--version")
    assert version.returncode == 0 and version.stdout.startswith("python -m estimator_gui ")


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["a.json"],
        ["--screenshot", "out.png"],
        ["--screenshot", "out.png", "a.json"],
        ["a.json", "--screenshot", "out.png"],
        ["--screenshot=out.png", "a.json"],
        ["--screen", "out.png", "a.json"],
        ["--self-test", "outdir"],
        ["--self-test", "outdir", "a.json"],
        ["--self", "outdir", "a.json"],
        ["--", "a.json"],
        ["--", "--screenshot"],
        ["--screenshot", "out.png", "--", "-a.json"],
    ],
)
def test_the_file_word_is_the_one_the_windows_parser_takes(args: list[str]) -> None:
    """window_file reads the arguments as gui/app.py's parser does, without loading Qt."""
    from estimator_gui.gui.app import build_parser

    assert window_file(args) == build_parser().parse_args(args).file


def test_the_value_options_are_the_windows_parsers() -> None:
    """Every option of the window that takes a value is known here, and no other."""
    from estimator_gui.gui.app import build_parser

    taking_values = {
        option
        for action in build_parser()._actions
        if action.nargs != 0
        for option in action.option_strings
        if option.startswith("--")
    }
    assert taking_values == set(WINDOW_VALUE_OPTIONS)


def test_help_anywhere_leaves_the_arguments_to_argparse() -> None:
    assert window_file(["qoute", "-h"]) is None
    assert window_file(["--he", "qoute"]) is None
    assert refuse_window_file(["qoute", "--help"]) is None


def test_an_existing_file_or_no_file_goes_on_to_the_window(tmp_path: Path) -> None:
    assert refuse_window_file([]) is None
    assert refuse_window_file([str(EXAMPLES / "tutoring.json")]) is None
    assert refuse_window_file(["--self-test", str(tmp_path)]) is None
    broken = tmp_path / "broken.json"
    broken.write_text("not json")  # the window says why, keeping its estimate
    assert refuse_window_file([str(broken)]) is None


def test_a_language_before_the_command_goes_to_the_command_line() -> None:
    result = _run("--language", "en", "quote", "resources/examples/tutoring.json")
    assert result.returncode == 0, result.stderr
    assert "Total" in result.stdout


def test_no_arguments_reads_as_the_parser_reads_none() -> None:
    """A start without arguments skips the parser: what it stands for must be what it gives."""
    from estimator_gui.gui.app import NO_ARGUMENTS, build_parser, parse_arguments

    assert vars(parse_arguments([])) == vars(build_parser().parse_args([]))
    assert parse_arguments([]) is NO_ARGUMENTS
    # one file, as a double-clicked scenario starts the app: read without the parser, alike
    for word in ("estimate.json", "Quotes/견적 3월.json", "./-odd.json", "-"):
        assert vars(parse_arguments([word])) == vars(build_parser().parse_args([word])), word
    assert parse_arguments(["--language", "ko"]).language == "ko"
