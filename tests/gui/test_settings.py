"""AppSettings: what the app remembers between runs, read back exactly and never trusted blindly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from estimator_gui.gui.settings import KEYS, RECENT_MAX, AppSettings


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "estimator.ini"


def make_files(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / f"quote-{index}.json" for index in range(count)]
    for path in files:
        path.write_text("{}", encoding="utf-8")
    return files


def test_every_setting_round_trips_through_the_ini_file(ini: Path, tmp_path: Path, qapp):
    files = make_files(tmp_path / "quotes", 2)
    geometry = QByteArray(b"\x01\xd9\xd0\xcb\x00\x03\x00\x00geometry")
    state = QByteArray(b"\x00\x00\x00\xff state, with a comma")
    settings = AppSettings(ini)
    settings.set_window_geometry(geometry)
    settings.set_window_state(state)
    settings.add_recent_file(files[0])
    settings.add_recent_file(files[1])
    settings.set_last_file(files[1])
    settings.set_language("pt_BR")

    again = AppSettings(ini)
    assert again.file_name() == ini
    assert ini.read_text(encoding="utf-8").startswith("[files]")
    assert again.window_geometry() == geometry
    assert again.window_state() == state
    assert again.recent_files() == [files[1], files[0]]
    assert again.last_file() == files[1]
    assert again.language() == "pt_BR"


def test_nothing_set_reads_as_defaults(ini: Path, qapp):
    settings = AppSettings(ini)
    assert settings.window_geometry().isEmpty()
    assert settings.window_state().isEmpty()
    assert settings.recent_files() == []
    assert settings.last_file() is None
    assert settings.language() is None


def test_only_the_known_keys_are_ever_written(ini: Path, tmp_path: Path, qapp):
    """Settings hold no quote nor rate card: only the window, file names and the language."""
    (quote,) = make_files(tmp_path, 1)
    settings = AppSettings(ini)
    settings.save_window(QMainWindow())
    settings.add_recent_file(quote)
    settings.set_last_file(quote)
    settings.set_language("de")
    assert sorted(QSettings(str(ini), QSettings.Format.IniFormat).allKeys()) == sorted(KEYS)


def test_window_geometry_is_restored_on_a_new_window(ini: Path, qtbot):
    first = QMainWindow()
    qtbot.addWidget(first)
    first.resize(731, 517)
    AppSettings(ini).save_window(first)

    second = QMainWindow()
    qtbot.addWidget(second)
    assert AppSettings(ini).restore_window(second)
    assert (second.width(), second.height()) == (731, 517)


def test_recent_files_most_recent_first_without_duplicates(ini: Path, tmp_path: Path, qapp):
    a, b, c = make_files(tmp_path, 3)
    settings = AppSettings(ini)
    for path in (a, b, c, a):
        settings.add_recent_file(path)
    assert settings.recent_files() == [a, c, b]


def test_recent_files_keep_at_most_eight(ini: Path, tmp_path: Path, qapp):
    files = make_files(tmp_path, RECENT_MAX + 3)
    settings = AppSettings(ini)
    for path in files:
        settings.add_recent_file(path)
    assert RECENT_MAX == 8
    assert settings.recent_files() == files[::-1][:8]


def test_one_file_reached_two_ways_is_one_entry(ini: Path, tmp_path: Path, qapp):
    (quote,) = make_files(tmp_path / "quotes", 1)
    link = tmp_path / "link.json"
    link.symlink_to(quote)
    settings = AppSettings(ini)
    settings.add_recent_file(quote)
    settings.add_recent_file(tmp_path / "quotes" / ".." / "quotes" / quote.name)
    settings.add_recent_file(link)
    assert settings.recent_files() == [link]  # the newest spelling, once


def test_a_relative_path_is_stored_absolute(ini: Path, tmp_path: Path, qapp, monkeypatch):
    (quote,) = make_files(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    settings = AppSettings(ini)
    settings.add_recent_file(quote.name)
    settings.set_last_file(quote.name)
    monkeypatch.chdir(ini.parent)
    assert AppSettings(ini).recent_files() == [quote]
    assert AppSettings(ini).last_file() == quote


def test_remove_and_clear_recent_files(ini: Path, tmp_path: Path, qapp):
    a, b, c = make_files(tmp_path, 3)
    settings = AppSettings(ini)
    for path in (a, b, c):
        settings.add_recent_file(path)
    settings.set_last_file(c)
    settings.remove_recent_file(tmp_path / "." / b.name)
    assert settings.recent_files() == [c, a]
    settings.clear_recent_files()
    assert settings.recent_files() == []
    assert AppSettings(ini).recent_files() == []
    assert settings.last_file() == c  # a separate setting


def test_missing_files_are_dropped_when_listed(ini: Path, tmp_path: Path, qapp):
    a, b, c = make_files(tmp_path, 3)
    settings = AppSettings(ini)
    for path in (a, b, c):
        settings.add_recent_file(path)
    b.unlink()
    assert settings.recent_files() == [c, a]
    stored = QSettings(str(ini), QSettings.Format.IniFormat).value("files/recent")
    assert stored == [str(c), str(a)]  # dropped from the file too, not only hidden
    b.write_text("{}", encoding="utf-8")
    assert settings.recent_files() == [c, a]


def test_last_file_and_language_can_be_unset(ini: Path, tmp_path: Path, qapp):
    (quote,) = make_files(tmp_path, 1)
    settings = AppSettings(ini)
    settings.set_last_file(quote)
    settings.set_language("de")
    settings.set_last_file(None)
    settings.set_language(None)
    assert AppSettings(ini).last_file() is None
    assert AppSettings(ini).language() is None


def test_a_bad_language_tag_is_refused_naming_it(ini: Path, qapp):
    settings = AppSettings(ini)
    with pytest.raises(ValueError, match=r"language: 'de; rm -rf' is not a language tag"):
        settings.set_language("de; rm -rf")
    assert settings.language() is None


GARBAGE_INI = """\
[window]
geometry=not bytes at all
state=1, 2, 3
[files]
recent=@Variant(\\0\\0\\0\\x7f\\0\\0\\0)
last=relative/quote.json
[ui]
language=@ByteArray(de)
"""


def test_garbage_in_the_file_reads_as_defaults(ini: Path, qtbot):
    ini.parent.mkdir(parents=True)
    ini.write_text(GARBAGE_INI, encoding="utf-8")
    settings = AppSettings(ini)
    assert settings.window_geometry().isEmpty()
    assert settings.window_state().isEmpty()
    assert settings.recent_files() == []
    assert settings.last_file() is None
    assert settings.language() is None
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(640, 480)
    assert not settings.restore_window(window)
    assert (window.width(), window.height()) == (640, 480)


def test_values_of_the_wrong_type_read_as_defaults(ini: Path, tmp_path: Path, qtbot):
    (quote,) = make_files(tmp_path, 1)
    raw = QSettings(str(ini), QSettings.Format.IniFormat)
    raw.setValue("window/geometry", QByteArray(b"\x00 bytes Qt will refuse"))
    raw.setValue("window/state", 42)
    raw.setValue("files/recent", [str(quote), 7, "", "relative.json", str(quote)])
    raw.setValue("files/last", ["a", "b"])
    raw.setValue("ui/language", "not a language")
    raw.sync()
    del raw
    settings = AppSettings(ini)
    assert settings.window_state().isEmpty()
    assert settings.recent_files() == [quote]  # the one good entry, once
    assert settings.last_file() is None
    assert settings.language() is None
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(640, 480)
    assert not settings.restore_window(window)  # Qt checks the bytes: refused, not a crash
    assert (window.width(), window.height()) == (640, 480)


def test_a_binary_file_reads_as_defaults_and_is_replaced_on_write(ini, tmp_path, qapp):
    (quote,) = make_files(tmp_path, 1)
    ini.parent.mkdir(parents=True)
    ini.write_bytes(b"\xff\xfe\x00\x00[[[garbage\n=\n\x00")
    settings = AppSettings(ini)
    assert settings.recent_files() == []
    assert settings.language() is None
    settings.add_recent_file(quote)
    assert AppSettings(ini).recent_files() == [quote]


def test_a_settings_file_that_cannot_be_written_does_not_raise(tmp_path: Path, qapp):
    (quote,) = make_files(tmp_path, 1)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    settings = AppSettings(blocker / "estimator.ini")
    settings.add_recent_file(quote)
    settings.set_language("de")
    assert not settings.sync()


def test_the_default_file_is_the_users_ini(qapp):
    path = AppSettings().file_name()
    assert path.suffix == ".ini"
    assert path.parent.name == "trtc-estimator"
    assert path.stem == "TRTC price estimator"
    assert os.path.isabs(path)
