"""The frozen app: build the bundle (``make bundle``, reused while up to date) and run it.

Runs ``trtc-estimator --self-test OUTDIR`` from the bundle offscreen and, on Linux, once on X11
under Xvfb (Qt's xcb plugin) and once on Wayland under a headless weston, and prices a scenario
with the bundle's command line. Set
TRTC_BUNDLE=path/to/trtc-estimator to test a bundle built some other way (CI on Windows, macOS).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "tutoring.json"
LINUX = sys.platform.startswith("linux")
BUILD_TIMEOUT = 1800  # a cold build takes about 40 s here; a 2-core CI runner is slower
RUN_TIMEOUT = 180


def _bundle_env(**extra: str) -> dict[str, str]:
    """The environment of a user without Python: none of the test run's Python variables."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "PYTEST", "TRTC_"))
    }
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p
    )
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def executable() -> Path:
    given = os.environ.get("TRTC_BUNDLE")
    if given:
        path = Path(given)
    else:
        build = subprocess.run(
            ["make", "--no-print-directory", "bundle"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
        )
        assert build.returncode == 0, f"make bundle failed:\n{build.stdout}\n{build.stderr}"
        name = "trtc-estimator.exe" if sys.platform == "win32" else "trtc-estimator"
        path = ROOT / "dist" / "trtc-estimator" / name
    assert path.is_file(), f"no bundle at {path}"
    return path


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=_bundle_env(**env), capture_output=True, text=True,
        timeout=RUN_TIMEOUT,
    )


def _assert_self_test_wrote(outdir: Path, result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert result.stdout.startswith("self-test ok: slider "), result.stdout
    names = {p.name for p in outdir.iterdir()}
    assert {"screenshot.png", "scenario.json", "breakdown.csv", "breakdown.json"} <= names
    for path in outdir.iterdir():
        assert path.stat().st_size > 0, path
    json.loads((outdir / "breakdown.json").read_text(encoding="utf-8"))
    assert (outdir / "screenshot.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_self_test_offscreen(executable, tmp_path):
    outdir = tmp_path / "out"
    result = _run([str(executable), "--self-test", str(outdir)], tmp_path,
                  QT_QPA_PLATFORM="offscreen")
    _assert_self_test_wrote(outdir, result)
    assert result.stdout.rstrip().endswith("on offscreen")


@pytest.mark.skipif(not LINUX, reason="Xvfb and Qt's xcb plugin are the Linux desktop")
def test_self_test_on_x11_under_xvfb(executable, tmp_path):
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: run scripts/sysdeps.sh (make sysdeps)"
    outdir = tmp_path / "out"
    result = _run(
        [xvfb_run, "-a", "-s", "-screen 0 1440x900x24", str(executable), "--self-test",
         str(outdir)],
        tmp_path,
        QT_QPA_PLATFORM="xcb",
    )
    _assert_self_test_wrote(outdir, result)
    assert result.stdout.rstrip().endswith("on xcb")


@pytest.mark.skipif(not LINUX, reason="Wayland is a Linux desktop")
def test_self_test_on_wayland_under_headless_weston(executable, tmp_path):
    """Most Linux desktops now run Wayland, where Qt picks its wayland plugin: prove it loads."""
    weston = shutil.which("weston")
    assert weston, "weston is missing: run scripts/sysdeps.sh (make sysdeps)"
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    socket = "trtc-wayland-test"
    compositor = subprocess.Popen(
        [weston, "--backend=headless-backend.so", f"--socket={socket}", "--idle-time=0"],
        env=_bundle_env(XDG_RUNTIME_DIR=str(runtime)),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not (runtime / socket).exists():
            assert compositor.poll() is None, f"weston exited: {compositor.stderr.read()}"
            assert time.monotonic() < deadline, "weston did not open its socket in 20 s"
            time.sleep(0.05)
        outdir = tmp_path / "out"
        result = _run([str(executable), "--self-test", str(outdir)], tmp_path,
                      QT_QPA_PLATFORM="wayland", WAYLAND_DISPLAY=socket,
                      XDG_RUNTIME_DIR=str(runtime))
    finally:
        compositor.terminate()
        compositor.wait(timeout=10)
    _assert_self_test_wrote(outdir, result)
    assert result.stdout.rstrip().endswith("on wayland")


def test_quote_from_the_bundle_matches_the_source(executable, tmp_path):
    frozen = _run([str(executable), "quote", str(EXAMPLE), "--format", "json"], tmp_path)
    assert frozen.returncode == 0, frozen.stderr
    source = subprocess.run(
        [sys.executable, "-m", "estimator_gui", "quote", str(EXAMPLE), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT, check=True,
    )
    assert json.loads(frozen.stdout) == json.loads(source.stdout)
    assert json.loads(frozen.stdout)["total"]


def test_version_is_pyproject_version(executable, tmp_path):
    with (ROOT / "pyproject.toml").open("rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    result = _run([str(executable), "--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert version in result.stdout


def _internal(executable: Path) -> Path:
    return executable.parent / "_internal"


def test_every_resource_is_bundled(executable):
    source = {p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*")
              if p.is_file()}
    bundled_root = _internal(executable) / "resources"
    bundled = {p.relative_to(bundled_root) for p in bundled_root.rglob("*") if p.is_file()}
    assert source - bundled == set()


@pytest.mark.skipif(not LINUX, reason="ldd")
def test_the_xcb_plugin_finds_every_library(executable):
    """What ldd cannot resolve here, a desktop without the library cannot load either."""
    qt = _internal(executable) / "PySide6" / "Qt"
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so"):
        out = subprocess.run(["ldd", str(qt / "plugins" / plugin)], capture_output=True,
                             text=True, check=True).stdout
        assert "not found" not in out, out


def test_qt_catalogues_of_our_languages_are_bundled(executable):
    """build.spec drops Qt's catalogues except qtbase_* of each language we ship a .qm for."""
    import PySide6

    qt_translations = Path(PySide6.__file__).parent / "Qt" / "translations"
    folder = _internal(executable) / "PySide6" / "Qt" / "translations"
    bundled = {p.name for p in folder.glob("*.qm")} if folder.is_dir() else set()
    for ours in (ROOT / "resources" / "translations").glob("*.qm"):
        match = re.search(r"(?:^|[_.-])([a-z]{2,3})(?:_[A-Z]{2}|_Han[st])?$", ours.stem)
        assert match, f"{ours.name}: no language in the name (app_ko.qm, app_zh_CN.qm)"
        wanted = {p.name for p in qt_translations.glob(f"qtbase_{match.group(1)}*.qm")}
        assert wanted <= bundled, f"{ours.name}: Qt's {sorted(wanted - bundled)} not bundled"
    assert not any(name.startswith(("qtdeclarative_", "qtmultimedia_")) for name in bundled)


NO_CJK_FONTS = (
    "<fontconfig><dir>/usr/share/fonts</dir><cachedir>{cache}</cachedir>"
    "<selectfont><rejectfont><glob>*CJK*</glob><glob>*Nanum*</glob><glob>*WenQuanYi*</glob>"
    "<glob>*Droid*</glob></rejectfont></selectfont></fontconfig>"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="hides CJK fonts by fontconfig")
def test_self_test_in_korean_on_a_machine_without_cjk_fonts(executable, tmp_path):
    """Korean reads in the frozen app with the system's CJK fonts hidden: the font it ships is
    registered and draws Hangul (the self-test fails on boxes), and every document is written."""
    config = tmp_path / "fonts.conf"
    config.write_text(NO_CJK_FONTS.format(cache=tmp_path / "cache"), encoding="utf-8")
    outdir = tmp_path / "out"
    result = _run(
        [str(executable), "--self-test", str(outdir), "--language", "ko"], tmp_path,
        QT_QPA_PLATFORM="offscreen", FONTCONFIG_FILE=str(config),
    )
    _assert_self_test_wrote(outdir, result)
    assert "Hangul" in result.stdout, result.stdout
    for name in ("quote.pdf", "quote.xlsx", "quote.csv", "quote-ko.pdf"):
        assert (outdir / name).stat().st_size > 0
