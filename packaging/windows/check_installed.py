"""Inside Windows (Wine): install the setup, prove the installed app works, uninstall, find nothing.

Run by ``packaging/windows/winenv.py test`` with the Windows CPython under Wine and a virtual X
display, so the app draws through its own Windows platform plugin as on a laptop. Standard library
only (ctypes, winreg): it checks what a Windows user would see, through Windows' own interfaces.

1. ``setup.exe /S`` installs for this user: the folder, the two programs (windowed and console),
   their version, the Start menu and desktop shortcuts, the entry in Apps & features.
2. The installed ``--self-test`` passes offscreen and on the Windows platform, and fails saying
   why when no font can be found (the defect that once passed with every letter a box).
3. A scenario in a folder with a Korean name: the command line prices it, then the window opens
   it, a person types a Korean word into the title, the autosave appears in %APPDATA%, Ctrl+S saves
   the file in place, and closing the window writes the settings to %APPDATA% (not the registry).
4. The portable zip runs from a folder with a Korean name; start-up is timed.
5. The uninstaller from Apps & features removes everything: folder, shortcuts, registry, settings.

Each check prints a line; the first that fails ends the run with its reason (exit 1).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.wintypes as wt
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import time
import winreg
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

APP_NAME = "TRTC price estimator"
EXE, CLI = "trtc-estimator.exe", "trtc-estimator-cli.exe"
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\trtc-estimator"
APPDATA = Path(os.environ["APPDATA"])
SETTINGS_DIR = APPDATA / "trtc-estimator"  # QSettings(IniFormat, UserScope, org, app)
SETTINGS_FILE = SETTINGS_DIR / f"{APP_NAME}.ini"
RECOVERY_DIR = SETTINGS_DIR / APP_NAME / "recovery"  # QStandardPaths AppDataLocation
INSTALL_DIR = Path(os.environ["LOCALAPPDATA"]) / "Programs" / APP_NAME
HOME = Path(os.environ["USERPROFILE"])
KOREAN_FOLDER = HOME / "견적"  # "estimate"
KOREAN_FILE = KOREAN_FOLDER / "고객.json"  # "customer"
KOREAN_TITLE = "고객 견적 3월"  # "customer estimate, March"
TYPED = " 수정"  # " revised", typed into the window
STARTUP_RUNS = 7
TIMEOUT = 180

T = TypeVar("T")

user32 = ctypes.WinDLL("user32", use_last_error=True)
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
shell32 = ctypes.WinDLL("shell32")
version_dll = ctypes.WinDLL("version")


class CheckFailed(Exception):
    """A check failed; the message says which and why."""


def check(condition: object, reason: str) -> None:
    if not condition:
        raise CheckFailed(reason)


def ok(message: str) -> None:
    print(f"  ok  {message}", flush=True)


def app_env(**extra: str | None) -> dict[str, str]:
    """The environment a user's program gets: no Python variables of this test interpreter."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TRTC_"))}
    env.pop("QT_QPA_PLATFORM", None)
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(
    args: list[str | Path], timeout: float = TIMEOUT, **env: str | None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        env=app_env(**env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def wait_for(done: Callable[[], T], seconds: float, what: str) -> T:
    """``done()``'s first true value, asked every 0.1 s for up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        value = done()
        if value:
            return value
        if time.monotonic() > deadline:
            raise CheckFailed(f"{what}: not within {seconds:.0f} s")
        time.sleep(0.1)


# ---------------------------------------------------------------- Windows' view of a program


def shell_folder(csidl: int) -> Path:
    buffer = ctypes.create_unicode_buffer(wt.MAX_PATH)
    check(shell32.SHGetFolderPathW(None, csidl, None, 0, buffer) == 0, f"no shell folder {csidl}")
    return Path(buffer.value)


START_MENU_PROGRAMS, DESKTOP = 0x0002, 0x0010  # CSIDL_PROGRAMS, CSIDL_DESKTOPDIRECTORY


def product_version(path: Path) -> str:
    """The ProductVersion string of a program's version resource (its Properties > Details)."""
    size = version_dll.GetFileVersionInfoSizeW(str(path), None)
    check(size, f"{path.name} has no version resource")
    data = ctypes.create_string_buffer(size)
    check(version_dll.GetFileVersionInfoW(str(path), 0, size, data), f"{path.name}: version")
    pointer, length = ctypes.c_void_p(), wt.UINT()
    version_dll.VerQueryValueW(
        data, r"\VarFileInfo\Translation", ctypes.byref(pointer), ctypes.byref(length)
    )
    language, codepage = struct.unpack("<HH", ctypes.string_at(pointer, 4))
    key = rf"\StringFileInfo\{language:04x}{codepage:04x}\ProductVersion"
    check(
        version_dll.VerQueryValueW(data, key, ctypes.byref(pointer), ctypes.byref(length)),
        f"{path.name} has no ProductVersion",
    )
    return ctypes.wstring_at(pointer, length.value).rstrip("\0")


def icon_count(path: Path) -> int:
    """How many icons a program holds (what Explorer, the taskbar and shortcuts show)."""
    return int(shell32.ExtractIconExW(str(path), -1, None, None, 0))


def subsystem(path: Path) -> int:
    """2 for a windowed program (no console on double-click), 3 for a console program."""
    data = path.read_bytes()[:4096]
    header = struct.unpack_from("<I", data, 0x3C)[0]
    return struct.unpack_from("<H", data, header + 24 + 68)[0]


def registry_values(key: str) -> dict[str, object] | None:
    try:
        handle = winreg.OpenKey(winreg.HKEY_CURRENT_USER, key)
    except FileNotFoundError:
        return None
    with handle:
        values = {}
        index = 0
        while True:
            try:
                name, value, _kind = winreg.EnumValue(handle, index)
            except OSError:
                return values
            values[name] = value
            index += 1


# ---------------------------------------------------------------- a person at the window

WNDENUMPROC = ctypes.WINFUNCTYPE(wt.BOOL, wt.HWND, wt.LPARAM)
WM_CLOSE = 0x0010
VK_RETURN, VK_CONTROL, VK_END = 0x0D, 0x11, 0x23
KEYEVENTF_KEYUP, KEYEVENTF_UNICODE = 0x0002, 0x0004


class KEYBDINPUT(ctypes.Structure):
    _fields_ = [
        ("wVk", wt.WORD),
        ("wScan", wt.WORD),
        ("dwFlags", wt.DWORD),
        ("time", wt.DWORD),
        ("dwExtraInfo", ctypes.c_size_t),
    ]


class MOUSEINPUT(ctypes.Structure):
    _fields_ = [
        ("dx", wt.LONG),
        ("dy", wt.LONG),
        ("mouseData", wt.DWORD),
        ("dwFlags", wt.DWORD),
        ("time", wt.DWORD),
        ("dwExtraInfo", ctypes.c_size_t),
    ]


class INPUT(ctypes.Structure):
    class _Union(ctypes.Union):
        _fields_ = [("ki", KEYBDINPUT), ("mi", MOUSEINPUT)]

    _anonymous_ = ("u",)
    _fields_ = [("type", wt.DWORD), ("u", _Union)]


SYNCHRONIZE, PROCESS_QUERY_INFORMATION = 0x00100000, 0x0400
# handles are pointer-sized: say so, or ctypes passes them as 32-bit ints
user32.EnumWindows.argtypes = [WNDENUMPROC, wt.LPARAM]
user32.GetWindowThreadProcessId.argtypes = [wt.HWND, ctypes.POINTER(wt.DWORD)]
user32.IsWindowVisible.argtypes = [wt.HWND]
user32.GetWindowTextW.argtypes = [wt.HWND, wt.LPWSTR, ctypes.c_int]
user32.SetForegroundWindow.argtypes = [wt.HWND]
user32.PostMessageW.argtypes = [wt.HWND, wt.UINT, wt.WPARAM, wt.LPARAM]
user32.SendInput.argtypes = [wt.UINT, ctypes.POINTER(INPUT), ctypes.c_int]
user32.WaitForInputIdle.argtypes = [wt.HANDLE, wt.DWORD]
kernel32.OpenProcess.argtypes = [wt.DWORD, wt.BOOL, wt.DWORD]
kernel32.OpenProcess.restype = wt.HANDLE
kernel32.CloseHandle.argtypes = [wt.HANDLE]
shell32.ExtractIconExW.argtypes = [
    wt.LPCWSTR,
    ctypes.c_int,
    ctypes.c_void_p,
    ctypes.c_void_p,
    wt.UINT,
]
shell32.ExtractIconExW.restype = wt.UINT


def _send(*keys: tuple[int, int, int]) -> None:
    """Keyboard input as a person types it: (virtual key, UTF-16 unit, flags) each."""
    inputs = (INPUT * len(keys))()
    for slot, (vk, scan, flags) in zip(inputs, keys, strict=True):
        slot.type = 1  # INPUT_KEYBOARD
        slot.ki = KEYBDINPUT(vk, scan, flags, 0, 0)
        # SendInput's units go to the window with the keyboard focus
    sent = user32.SendInput(len(keys), inputs, ctypes.sizeof(INPUT))
    check(sent == len(keys), f"SendInput sent {sent} of {len(keys)} keys")
    time.sleep(0.05)


def press(vk: int, *, with_control: bool = False) -> None:
    keys = [(vk, 0, 0), (vk, 0, KEYEVENTF_KEYUP)]
    if with_control:
        keys = [(VK_CONTROL, 0, 0), *keys, (VK_CONTROL, 0, KEYEVENTF_KEYUP)]
    _send(*keys)


def type_text(text: str) -> None:
    for unit in struct.unpack(f"<{len(text.encode('utf-16-le')) // 2}H", text.encode("utf-16-le")):
        _send((0, unit, KEYEVENTF_UNICODE), (0, unit, KEYEVENTF_UNICODE | KEYEVENTF_KEYUP))


def windows_of(pid: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def visit(hwnd: int, _lparam: int) -> bool:
        owner = wt.DWORD()
        user32.GetWindowThreadProcessId(hwnd, ctypes.byref(owner))
        if owner.value == pid and user32.IsWindowVisible(hwnd):
            title = ctypes.create_unicode_buffer(512)
            user32.GetWindowTextW(hwnd, title, 512)
            found.append((hwnd, title.value))
        return True

    user32.EnumWindows(WNDENUMPROC(visit), 0)
    return found


def title_of(hwnd: int) -> str:
    title = ctypes.create_unicode_buffer(512)
    user32.GetWindowTextW(hwnd, title, 512)
    return title.value


# ---------------------------------------------------------------- the checks


def clean_slate() -> None:
    """A run that failed half-way leaves an installation: take it away first."""
    values = registry_values(UNINSTALL_KEY)
    if values and "QuietUninstallString" in values:
        print("  ..  an earlier run left the app installed: uninstalling it first", flush=True)
        subprocess.run(str(values["QuietUninstallString"]), timeout=TIMEOUT)
        wait_for(lambda: not INSTALL_DIR.exists(), 60, "the earlier installation to go")
    # and the uninstaller copies Windows would have deleted at a restart since (Wine never restarts)
    for leftover in (
        INSTALL_DIR,
        SETTINGS_DIR,
        KOREAN_FOLDER,
        HOME / "프로그램",
        *_uninstaller_copies(),
    ):
        shutil.rmtree(leftover, ignore_errors=True)
    if registry_values(UNINSTALL_KEY) is not None:
        winreg.DeleteKey(winreg.HKEY_CURRENT_USER, UNINSTALL_KEY)


def install(setup: Path, version: str) -> None:
    check(
        product_version(setup) == version,
        f"{setup.name} says version {product_version(setup)!r}, not {version!r}",
    )
    result = run([setup, "/S"])
    check(result.returncode == 0, f"{setup.name} /S exited {result.returncode}")
    values = registry_values(UNINSTALL_KEY)
    check(values is not None, f"no Apps & features entry (HKCU\\{UNINSTALL_KEY})")
    assert values is not None
    check(values.get("DisplayName") == APP_NAME, f"Apps & features name: {values}")
    check(values.get("DisplayVersion") == version, f"Apps & features version: {values}")
    check(
        Path(str(values.get("InstallLocation"))) == INSTALL_DIR,
        f"installed to {values.get('InstallLocation')}, not {INSTALL_DIR}",
    )
    check(str(values.get("DisplayIcon", "")).startswith(str(INSTALL_DIR / EXE)), "no icon")
    check(icon_count(setup) > 0, f"{setup.name} has no icon")
    ok(f"setup /S installed {version} for this user into {INSTALL_DIR}, listed in Apps & features")
    for name, kind in ((EXE, 2), (CLI, 3)):
        path = INSTALL_DIR / name
        check(path.is_file(), f"{path} is missing")
        check(subsystem(path) == kind, f"{name}: subsystem {subsystem(path)}, want {kind}")
        check(product_version(path) == version, f"{name} says {product_version(path)!r}")
        check(icon_count(path) > 0, f"{name} has no icon")
    check((INSTALL_DIR / "Uninstall.exe").is_file(), "no Uninstall.exe")
    check(not list(INSTALL_DIR.rglob("icuuc.dll")), "the test-only icuuc.dll was installed")
    ok(f"{EXE} is windowed, {CLI} a console program, both version {version} with the icon")
    for folder in (shell_folder(START_MENU_PROGRAMS), shell_folder(DESKTOP)):
        link = folder / f"{APP_NAME}.lnk"
        check(link.is_file(), f"no shortcut {link}")
    ok("Start menu and desktop shortcuts")


def self_tests(cli: Path, out: Path, empty_fonts: Path) -> None:
    for platform in ("offscreen", "windows"):
        target = out / f"self-test-{platform}"
        result = run([cli, "--self-test", target], QT_QPA_PLATFORM=platform)
        check(
            result.returncode == 0 and result.stdout.startswith("self-test ok: slider "),
            f"--self-test on {platform}: exit {result.returncode}\n{result.stdout}{result.stderr}",
        )
        check(result.stdout.rstrip().endswith(f"on {platform}"), result.stdout)
        check(", text renders (Latin)" in result.stdout, result.stdout)
        for name in ("screenshot.png", "scenario.json", "breakdown.csv", "breakdown.json"):
            check(
                (target / name).is_file() and (target / name).stat().st_size > 0,
                f"--self-test on {platform} wrote no {name}",
            )
        ok(f"--self-test on {platform}: {result.stdout.strip()}")
    empty_fonts.mkdir(parents=True, exist_ok=True)
    result = run(
        [cli, "--self-test", out / "self-test-no-fonts"],
        QT_QPA_PLATFORM="offscreen",
        QT_QPA_FONTDIR=str(empty_fonts),
    )
    check(
        result.returncode == 1 and "Latin text does not render" in result.stderr,
        f"--self-test without fonts: exit {result.returncode}\n{result.stdout}{result.stderr}",
    )
    ok(f"--self-test without fonts fails: {result.stderr.strip().splitlines()[-1]}")


def korean_folder(cli: Path, example: Path) -> None:
    KOREAN_FOLDER.mkdir(parents=True, exist_ok=True)
    scenario = json.loads(example.read_text(encoding="utf-8"))
    scenario["title"] = KOREAN_TITLE
    KOREAN_FILE.write_text(json.dumps(scenario, ensure_ascii=False, indent=2), encoding="utf-8")
    result = run([cli, "quote", KOREAN_FILE, "--format", "json"])
    check(result.returncode == 0, f"quote {KOREAN_FILE}: {result.stderr}")
    quoted = json.loads(result.stdout)
    check(quoted.get("title") == KOREAN_TITLE and quoted.get("total"), f"quote: {quoted}")
    ok(f"{CLI} quote {KOREAN_FILE}: total {quoted['total']}")


def window_session(exe: Path, cli: Path) -> None:
    """The windowed app as a person uses it: open, type, autosave, Ctrl+S, close."""
    app = subprocess.Popen([str(exe), str(KOREAN_FILE)], env=app_env())
    try:
        found = wait_for(
            lambda: [w for w in windows_of(app.pid) if KOREAN_FILE.name in w[1]],
            60,
            f"a window showing {KOREAN_FILE.name}",
        )
        hwnd, title = found[0]
        ok(f"{EXE} {KOREAN_FILE}: window {title!r}")
        user32.SetForegroundWindow(hwnd)
        # until the app waits for input with none pending: keys typed earlier could be lost
        process = kernel32.OpenProcess(SYNCHRONIZE | PROCESS_QUERY_INFORMATION, False, app.pid)
        user32.WaitForInputIdle(process, 10_000)
        kernel32.CloseHandle(process)
        time.sleep(0.5)
        press(VK_END)  # the estimate's title has the focus when the window opens
        type_text(TYPED)
        press(VK_RETURN)
        wanted = KOREAN_TITLE + TYPED
        wait_for(
            lambda: wanted in title_of(hwnd) and "*" in title_of(hwnd),
            15,
            f"the typed title {wanted!r} marked unsaved in the window title "
            f"(now {title_of(hwnd)!r})",
        )
        ok(f"typed {TYPED!r} into the title: {title_of(hwnd)!r}")

        autosaves = wait_for(
            lambda: list(RECOVERY_DIR.glob("autosave-*.json")), 20, f"an autosave in {RECOVERY_DIR}"
        )
        autosave = autosaves[0]
        data = json.loads(autosave.read_text(encoding="utf-8"))
        check(data["title"] == wanted, f"the autosave holds {data['title']!r}")
        check(data["x-autosave"]["original"] == str(KOREAN_FILE), f"autosave: {data}")
        ok(f"autosaved to {autosave}")

        press(ord("S"), with_control=True)
        wait_for(
            lambda: json.loads(KOREAN_FILE.read_text(encoding="utf-8"))["title"] == wanted,
            15,
            f"Ctrl+S to save {KOREAN_FILE}",
        )
        wait_for(
            lambda: not list(RECOVERY_DIR.glob("autosave-*.json")),
            15,
            "the autosave to go once the estimate is saved",
        )
        ok(f"Ctrl+S saved {KOREAN_FILE}; the autosave went")

        user32.PostMessageW(hwnd, WM_CLOSE, 0, 0)  # as the window's close button does
        code = app.wait(timeout=30)
        check(code == 0, f"{EXE} exited {code} after its window closed")
    finally:
        if app.poll() is None:
            app.kill()
    check(SETTINGS_FILE.is_file(), f"no settings at {SETTINGS_FILE}")
    settings = SETTINGS_FILE.read_text(encoding="utf-8")
    check(str(KOREAN_FILE).replace("\\", "\\\\") in settings, f"settings: {settings}")
    check(registry_values(r"Software\trtc-estimator") is None, "settings went to the registry")
    check(
        not [p for p in RECOVERY_DIR.glob("*") if p.is_file()],
        f"left in {RECOVERY_DIR}: {list(RECOVERY_DIR.glob('*'))}",
    )
    ok(f"closed; settings in {SETTINGS_FILE} remember {KOREAN_FILE.name}")
    result = run([cli, "quote", KOREAN_FILE, "--format", "json"])
    check(
        result.returncode == 0 and json.loads(result.stdout)["title"] == wanted,
        f"quote of the saved file: {result.stdout}{result.stderr}",
    )
    ok("the saved file prices from the command line with its new title")


def startup(cli: Path, example: Path) -> None:
    """From just before the process starts to its first painted frame (packaging/
    rthook_first_paint.py), offscreen, as benchmarks/bench_bundle.py measures on Linux."""
    times, interpreter = [], []
    for _ in range(STARTUP_RUNS + 1):  # the first warms Wine's caches, and is not counted
        started = time.monotonic()
        result = run(
            [cli, example],
            TRTC_FIRST_PAINT_PROBE="1",
            TRTC_FIRST_PAINT_EXIT="1",
            QT_QPA_PLATFORM="offscreen",
        )
        marks = dict(
            line.split()[:2]
            for line in result.stdout.splitlines()
            if line.startswith(("first-paint ", "python-start "))
        )
        check(
            result.returncode == 0 and "first-paint" in marks,
            f"start-up run: {result.stdout}{result.stderr}",
        )
        times.append(float(marks["first-paint"]) - started)
        interpreter.append(float(marks.get("python-start", "nan")) - started)
    ok(
        f"start-up to first paint, offscreen, median of {STARTUP_RUNS}: "
        f"{statistics.median(times[1:]) * 1000:.0f} ms, of which "
        f"{statistics.median(interpreter[1:]) * 1000:.0f} ms until Python ran the app"
    )


def portable_zip(zip_path: Path, version: str, example: Path) -> None:
    folder = HOME / "프로그램"  # "programs"
    shutil.rmtree(folder, ignore_errors=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
        tops = {name.split("/")[0] for name in archive.namelist()}
    check(tops == {f"trtc-estimator-{version}"}, f"the zip's top folders: {tops}")
    cli = folder / f"trtc-estimator-{version}" / CLI
    check(not list(folder.rglob("icuuc.dll")), "the zip holds the test-only icuuc.dll")
    result = run([cli, "--version"])
    check(result.returncode == 0 and version in result.stdout, f"--version: {result.stdout}")
    result = run([cli, "quote", example, "--format", "csv"])
    check(result.returncode == 0 and result.stdout.startswith("section,"), result.stderr)
    ok(f"the zip runs from {cli.parent}")
    shutil.rmtree(folder)


def uninstall() -> None:
    values = registry_values(UNINSTALL_KEY)
    assert values is not None
    # what Apps & features runs; the uninstaller copies itself to %TEMP% and returns at once
    subprocess.run(str(values["QuietUninstallString"]), timeout=TIMEOUT, check=True)
    wait_for(lambda: not INSTALL_DIR.exists(), 60, f"the uninstaller to remove {INSTALL_DIR}")
    # It goes on after the folder (the entry, then the settings: installer.nsi's order), so wait
    # for its last step too; checking at once raced it ("the entry stayed" in one run of four).
    with contextlib.suppress(CheckFailed):  # the checks below say which part stayed
        wait_for(_uninstall_finished, 30, "the uninstaller to finish")
    check(registry_values(UNINSTALL_KEY) is None, "the Apps & features entry stayed")
    for folder in (shell_folder(START_MENU_PROGRAMS), shell_folder(DESKTOP)):
        check(not (folder / f"{APP_NAME}.lnk").exists(), f"a shortcut stayed in {folder}")
    check(not SETTINGS_DIR.exists(), f"left behind: {list(SETTINGS_DIR.rglob('*'))}")
    ok(f"uninstalled: no {INSTALL_DIR}, shortcuts, Apps & features entry or {SETTINGS_DIR}")
    # NSIS runs the uninstaller from a copy in %TEMP%, which Windows deletes at the next start
    pending = _pending_deletions()
    copies = _uninstaller_copies()
    check(copies, "found no copy of the uninstaller in %TEMP%: did it run from there?")
    for copy in copies:
        check(
            all(str(f).lower() in pending for f in [copy, *copy.rglob("*")]),
            f"{copy} is not set to go at the next restart: {sorted(pending)}",
        )
    ok(f"the uninstaller's copy in %TEMP% goes at the next restart ({len(copies)} folder)")
    check(KOREAN_FILE.is_file(), f"uninstalling took the user's own {KOREAN_FILE}")
    ok(f"the user's own {KOREAN_FILE} is still there")
    shutil.rmtree(KOREAN_FOLDER)  # this test's file, not the app's


def _uninstall_finished() -> bool:
    return registry_values(UNINSTALL_KEY) is None and not SETTINGS_DIR.exists()


def _uninstaller_copies() -> list[Path]:
    return list(Path(os.environ["TEMP"]).glob("~nsu*.tmp"))


def _pending_deletions() -> set[str]:
    """Files Windows deletes at its next start (MoveFileEx with MOVEFILE_DELAY_UNTIL_REBOOT)."""
    try:
        with winreg.OpenKey(
            winreg.HKEY_LOCAL_MACHINE, r"SYSTEM\CurrentControlSet\Control\Session Manager"
        ) as key:
            entries, _kind = winreg.QueryValueEx(key, "PendingFileRenameOperations")
    except FileNotFoundError:
        return set()
    return {entry.removeprefix("\\??\\").lower() for entry in entries if entry}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--setup", type=Path, required=True)
    parser.add_argument("--zip", type=Path, required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--example", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--empty-font-folder", type=Path, required=True)
    args = parser.parse_args(argv)
    cli, exe = INSTALL_DIR / CLI, INSTALL_DIR / EXE
    steps: list[tuple[str, Callable[[], None]]] = [
        ("clean slate", clean_slate),
        ("install", lambda: install(args.setup, args.version)),
        ("self-test", lambda: self_tests(cli, args.out, args.empty_font_folder)),
        ("Korean folder, command line", lambda: korean_folder(cli, args.example)),
        ("Korean folder, window", lambda: window_session(exe, cli)),
        ("start-up", lambda: startup(cli, args.example)),
        ("portable zip", lambda: portable_zip(args.zip, args.version, args.example)),
        ("uninstall", uninstall),
    ]
    for name, check_step in steps:
        started = time.monotonic()
        print(f"{name}:", flush=True)
        try:
            check_step()
        except (CheckFailed, subprocess.SubprocessError, OSError) as error:
            print(f"FAILED ({name}): {error}", file=sys.stderr, flush=True)
            return 1
        print(f"  ({time.monotonic() - started:.1f} s)", flush=True)
    print("the installed Windows app works; nothing is left after uninstalling", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
