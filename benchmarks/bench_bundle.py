"""The frozen app against a minimal frozen QtCharts window, both built by build.spec alike.

``python -m benchmarks bundle [--runs=N] [--no-build]`` builds (or reuses, through make's stamps)
``dist/trtc-estimator/`` and ``dist/minimal-qtcharts/`` and measures, in one run:

- start-up: from just before the process is spawned to its first painted frame, which the
  bundles' runtime hook (packaging/rthook_first_paint.py, TRTC_FIRST_PAINT_PROBE=1) prints as a
  CLOCK_MONOTONIC time; the median of N launches, alternating the two apps, after one warm-up;
- peak memory: the child's ru_maxrss from os.wait4, median over the same launches;
- size: the onedir folder (apparent bytes of its files) and its .tar.gz (gzip -9).

``--also=DIR`` (repeatable) measures other builds of the estimator in the same run, launches
interleaved with the two above: a build of an earlier commit (``git worktree add``, then
``pyinstaller build.spec --distpath OTHER``) against this one, which is how a change to start-up
is measured on a machine whose speed drifts from hour to hour. Their start-up is printed as
median, lower quartile and fastest launch beside this build's.

The Qt platform is QT_QPA_PLATFORM (``make bench`` sets offscreen; run it under ``xvfb-run -a``
with QT_QPA_PLATFORM=xcb for X11). Sizes are MB = 10^6 bytes. Ratios are printed against the
goals of issue 4; this is a measurement, not a test: it fails only if a launch fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
EXAMPLE = ROOT / "resources" / "examples" / "tutoring.json"
LAUNCH_TIMEOUT = 60
MB = 1_000_000

GOALS = {  # (measure, ratio goal or None, absolute goal in MB or None)
    "start-up to first paint": (1.6, None),
    "peak memory (RSS)": (1.5, None),
    "onedir folder": (None, 150),
    ".tar.gz archive": (None, 60),
}


@dataclass
class App:
    name: str
    folder: Path
    args: tuple[str, ...]
    archive: Path | None = None

    @property
    def executable(self) -> Path:
        return self.folder / (self.folder.name + (".exe" if sys.platform == "win32" else ""))


@dataclass
class Launch:
    startup_s: float
    python_s: float  # of which: until the bootloader had the interpreter running our hook
    maxrss_bytes: int


def _version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def build() -> None:
    """make's stamps rebuild only what changed; make serialises PyInstaller runs with flock."""
    for target in ("dist", "bundle-minimal"):
        print(f"make {target} ...", flush=True)
        subprocess.run(["make", "--no-print-directory", target], cwd=ROOT, check=True)


def launch(app: App) -> Launch:
    env = dict(os.environ, TRTC_FIRST_PAINT_PROBE="1", TRTC_FIRST_PAINT_EXIT="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    child = subprocess.Popen(
        [str(app.executable), *app.args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=tempfile.gettempdir(),
    )
    assert child.stdout is not None
    try:
        output = child.stdout.read().decode("utf-8", "replace")  # until the app exits
    finally:
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    marks = dict(line.split()[:2] for line in output.splitlines()
                 if line.startswith(("first-paint ", "python-start ")))
    if child.returncode != 0 or "first-paint" not in marks:
        raise RuntimeError(f"{app.name}: exit {child.returncode}, no first-paint line: {output!r}")
    return Launch(float(marks["first-paint"]) - started,
                  float(marks.get("python-start", "nan")) - started,
                  usage.ru_maxrss * 1024)  # Linux: KiB


def folder_size(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def pack(folder: Path, into: Path) -> Path:
    """The folder as .tar.gz, packed as ``make dist`` packs the app (tar | gzip -9)."""
    archive = into / f"{folder.name}.tar.gz"
    with archive.open("wb") as out:
        tar = subprocess.Popen(["tar", "-C", str(folder.parent), "-cf", "-", folder.name],
                               stdout=subprocess.PIPE)
        subprocess.run(["gzip", "-9"], stdin=tar.stdout, stdout=out, check=True)
        tar.wait()
    return archive


def _verdict(value: float, baseline: float, ratio_goal: float | None, mb_goal: float | None,
             scale: float) -> str:
    ratio = value / baseline if baseline else float("nan")
    if ratio_goal is not None:
        ok = ratio <= ratio_goal
        return f"{ratio:5.2f}x  <= {ratio_goal}x   " + (
            "met" if ok else f"MISSED by {ratio / ratio_goal - 1:.0%}")
    assert mb_goal is not None
    ok = value / scale < mb_goal
    return f"{ratio:5.2f}x  < {mb_goal} MB  " + (
        "met" if ok else f"MISSED by {value / scale - mb_goal:.1f} MB")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks bundle")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-build", action="store_true", help="measure the bundles in dist/")
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="another onedir build of the estimator (its folder) to time in the same run",
    )
    options = parser.parse_args(argv)
    if not options.no_build:
        build()
    version = _version()
    app = App("estimator", DIST / "trtc-estimator", (str(EXAMPLE),),
              DIST / f"trtc-estimator-{version}-linux-{os.uname().machine}.tar.gz")
    minimal = App("minimal", DIST / "minimal-qtcharts", ())
    others = [App(str(folder), folder.resolve(), (str(EXAMPLE),)) for folder in options.also]
    for each in (app, minimal, *others):
        if not each.executable.is_file():
            print(f"no bundle at {each.executable}: run without --no-build", file=sys.stderr)
            return 1

    apps = (app, minimal, *others)
    launches: dict[str, list[Launch]] = {each.name: [] for each in apps}
    try:
        for each in apps:
            launch(each)  # warm-up: page cache, font cache
        for _ in range(options.runs):
            for each in apps:  # alternate, so a busy moment hits every one
                launches[each.name].append(launch(each))
    except RuntimeError as error:
        print(f"bench_bundle: {error}", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as scratch:
        minimal_archive = pack(minimal.folder, Path(scratch))
        app_archive = app.archive if app.archive and app.archive.is_file() else pack(
            app.folder, Path(scratch))
        rows = {
            "start-up to first paint": [
                statistics.median(x.startup_s for x in launches[name]) for name in
                (app.name, minimal.name)],
            "peak memory (RSS)": [
                statistics.median(x.maxrss_bytes for x in launches[name]) for name in
                (app.name, minimal.name)],
            "onedir folder": [folder_size(app.folder), folder_size(minimal.folder)],
            ".tar.gz archive": [app_archive.stat().st_size, minimal_archive.stat().st_size],
        }

    platform = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
    print(f"bundle {version}, onedir, {options.runs} launches each on {platform} "
          f"(medians; sizes in MB = 10^6 bytes)")
    print(f"{'':26}{'estimator':>12}{'minimal':>12}   ratio  goal")
    for label, (value, baseline) in rows.items():
        ratio_goal, mb_goal = GOALS[label]
        if label.startswith("start-up"):
            cells, scale = (f"{value * 1000:9.0f} ms", f"{baseline * 1000:9.0f} ms"), 1.0
        else:
            cells, scale = (f"{value / MB:9.1f} MB", f"{baseline / MB:9.1f} MB"), MB
        verdict = _verdict(value, baseline, ratio_goal, mb_goal, scale)
        print(f"{label:26}{cells[0]:>12}{cells[1]:>12}   {verdict}")
    python = {name: statistics.median(x.python_s for x in runs) for name, runs in launches.items()}
    print(f"  of which bootloader and interpreter (median): estimator {python[app.name] * 1000:.0f}"
          f" ms, minimal {python[minimal.name] * 1000:.0f} ms; the rest is imports and the window")
    spread = {name: [round(x.startup_s * 1000) for x in runs] for name, runs in launches.items()}
    print(f"start-up runs (ms): {spread}")
    if others:
        print("start-up of each build, same run (ms): median, lower quartile, fastest")
        for each in (app, *others):
            times = sorted(x.startup_s * 1000 for x in launches[each.name])
            print(
                f"  {statistics.median(times):6.1f} {times[len(times) // 4]:6.1f} {times[0]:6.1f}"
                f"  {each.folder}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
