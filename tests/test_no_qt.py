"""The core, the files, the documents and the command line never load Qt (style.md section 1)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "tutoring.json"

# Run in a fresh interpreter: imports every module of the Qt-free floors, runs the command line
# on the example, then reports which modules were loaded. argv[1]: an extra module to import.
PROBE = """
import contextlib, importlib, io, json, pkgutil, sys

extra, example = sys.argv[1], sys.argv[2]
imported = []
for name in ("estimator_gui.pricing", "estimator_gui.files", "estimator_gui.quote"):
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
for name in ("estimator_gui.cli", "estimator_gui.__main__"):
    importlib.import_module(name)
    imported.append(name)
if extra:
    importlib.import_module(extra)

from estimator_gui.cli import main

out = io.StringIO()
with contextlib.redirect_stdout(out):
    status = main(["quote", example, "--format", "json"])
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
total = json.loads(out.getvalue())["total"]
print(json.dumps({"imported": imported, "status": status, "total": total, "qt": qt}))
"""


def _probe(extra: str = "") -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, extra, str(EXAMPLE)],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def test_core_files_quote_and_cli_load_no_qt() -> None:
    """Importing every module of pricing, files, quote and the CLI, and pricing the example
    through the CLI, leaves no PySide6 or shiboken6 module in sys.modules."""
    report = _probe()
    assert report["status"] == 0
    assert report["total"] == "5304.4572"
    imported = report["imported"]
    assert isinstance(imported, list)
    for module in ("estimator_gui.pricing.engine", "estimator_gui.pricing.ratecard",
                   "estimator_gui.files.scenario_io", "estimator_gui.files.atomic",
                   "estimator_gui.quote.tabular", "estimator_gui.cli"):
        assert module in imported
    assert report["qt"] == []


def test_the_probe_sees_qt_when_it_is_loaded() -> None:
    """The check above can fail: the same probe importing PySide6.QtCore reports it."""
    report = _probe("PySide6.QtCore")
    qt = report["qt"]
    assert isinstance(qt, list)
    assert "PySide6.QtCore" in qt
    assert "shiboken6" in qt
