"""Run the command line in a fresh interpreter, the way a user or a script does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"


# The variables gettext reads for the language: a test names the one it means, so an English
# expectation holds on a machine whose own locale is Korean.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def environment(**variables: str) -> dict[str, str]:
    """This process's environment with no language set (English), then ``variables``."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    return {**env, **variables}


def quote(
    target: Path | str, *options: str, stdin: bytes | None = None, timeout: float = 60,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m estimator_gui quote TARGET OPTIONS``; text out, bytes in; English unless
    ``env`` (see environment()) names a language."""
    result = subprocess.run(
        [sys.executable, "-m", "estimator_gui", "quote", str(target), *options],
        input=stdin, capture_output=True, cwd=ROOT, timeout=timeout, check=False,
        env=environment() if env is None else env,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8", "replace"),
    )
