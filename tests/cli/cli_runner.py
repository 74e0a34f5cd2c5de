"""Run the command line in a fresh interpreter, the way a user or a script does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"


def quote(
    target: Path | str, *options: str, stdin: bytes | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``python -m estimator_gui quote TARGET OPTIONS``; text out, bytes in."""
    result = subprocess.run(
        [sys.executable, "-m", "estimator_gui", "quote", str(target), *options],
        input=stdin, capture_output=True, cwd=ROOT, timeout=timeout, check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8", "replace"),
    )
