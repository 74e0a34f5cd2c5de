"""The command line as the window tests run it: tests/cli/cli_runner.py, loaded by path."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def _cli_runner() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "cli" / "cli_runner.py"
    spec = importlib.util.spec_from_file_location("cli_runner", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLI = _cli_runner()
