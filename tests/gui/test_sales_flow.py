"""The window as a sales person uses it: typing grouped numbers, opening, saving, closing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QSlider, QSpinBox
from tests_gui_paths import TEAM_MEETINGS, TUTORING

from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.gui.main_window import MainWindow
from estimator_gui.pricing import price

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def in_locale() -> Iterator:
    """Build windows in a given default locale (as the system would set it); restored after."""
    previous = QLocale()

    def use(locale: QLocale) -> None:
        QLocale.setDefault(locale)

    yield use
    QLocale.setDefault(previous)


def _shown(window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)
    return window


def _type_into(qtbot, spin: QSpinBox, text: str) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def _audience(window: MainWindow) -> int:
    room = window.session.scenario.rooms[1]  # the tutoring example's Friday show
    assert room.service == "live_video"
    return next(g.count for g in room.groups if g.role == "audience")


@pytest.mark.parametrize(
    ("locale", "typed", "shown"),
    [(ENGLISH, "1,500", "1,500"), (GERMAN, "1.500", "1.500"), (ENGLISH, "1500", "1,500")],
    ids=["english", "german", "english-ungrouped"],
)
def test_typing_a_grouped_audience(in_locale, make_window, qtbot, locale, typed, shown):
    in_locale(locale)
    window = _shown(make_window(TUTORING), qtbot)
    window.show_panel("live_video")
    spin = window.findChild(QSpinBox, "live_video.audience.spin")
    assert spin.locale().language() == locale.language()
    _type_into(qtbot, spin, typed)
    assert _audience(window) == 1500
    assert spin.value() == 1500 and spin.text() == shown
    assert window.findChild(QSlider, "live_video.audience.slider").value() == 1500
    assert window.current_breakdown() == price(window.session.scenario, window.session.rate_card)
    # The totals speak the same locale as the spin box.
    total = window.current_breakdown().total
    assert window.totals.total.text().startswith(locale.toString(int(total)).rstrip())


def test_typing_past_the_low_latency_cap_offers_relay_to_cdn(in_locale, make_window, qtbot):
    in_locale(GERMAN)
    window = _shown(make_window(TUTORING), qtbot)
    window.show_panel("live_video")
    spin = window.findChild(QSpinBox, "live_video.audience.spin")
    _type_into(qtbot, spin, "150.000")
    assert spin.value() == 150_000  # shown as typed, not clamped
    # Typing is one edit when it is finished: 150.000 is refused and the room keeps 5.000,
    # not 15.000 or another value passed through on the way.
    assert _audience(window) == 5_000
    assert window.current_breakdown() == price(window.session.scenario, window.session.rate_card)
    assert not window.totals.stale.isHidden()
    panel = window.panel("live_video")
    assert "100.000" in panel.messages["audience"].text()  # the limit in the user's locale
    assert not panel.switch_to_cdn.isHidden()
    qtbot.mouseClick(panel.switch_to_cdn, Qt.MouseButton.LeftButton)
    room = window.session.scenario.rooms[1]
    assert room.delivery == "cdn" and _audience(window) == 150_000
    assert panel.messages["audience"].isHidden()


# ---------------------------------------------------------------------- files


@pytest.fixture
def file_dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """QFileDialog answers with the next queued path; the calls are recorded."""
    answers: dict[str, list] = {"open": [], "save": [], "calls": []}

    def get_open(parent, caption, start, filters, *args):  # type: ignore[no-untyped-def]
        answers["calls"].append(("open", caption, filters))
        return (str(answers["open"].pop(0)), filters.split(";;")[0])

    def get_save(parent, caption, start, filters, *args):  # type: ignore[no-untyped-def]
        answers["calls"].append(("save", caption, filters))
        return (str(answers["save"].pop(0)), filters.split(";;")[0])

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    return answers


def test_file_open_of_a_corrupt_file_keeps_the_estimate_and_says_why(
    make_window, qtbot, tmp_path, file_dialogs, no_modal_dialogs
):
    window = _shown(make_window(TUTORING), qtbot)
    window.findChild(QSlider, "video_call.days.slider").setValue(12)  # work in progress
    before, breakdown = window.session.scenario, window.current_breakdown()
    total_text = window.totals.total.text()
    bad = tmp_path / "from-a-customer.json"
    bad.write_text('{"format": "trtc-estimate/1", "rooms": [{"service": "video_call",')
    file_dialogs["open"].append(bad)

    window.files.open_action.trigger()

    assert file_dialogs["calls"][0][2].startswith("TRTC estimate (*.json)")
    assert window.session.scenario is before
    assert window.current_breakdown() is breakdown
    assert window.totals.total.text() == total_text
    assert window.findChild(QSpinBox, "video_call.days.spin").value() == 12
    assert window.path == TUTORING  # still the file being worked on
    assert window.isWindowModified()  # the unsaved change is still unsaved
    assert not window.banner.isHidden()
    assert "from-a-customer.json" in window.banner.text()
    assert "is not valid JSON" in window.banner.text()
    assert "current estimate is unchanged" in window.banner.text()
    [(title, text)] = no_modal_dialogs
    assert title == "Cannot open from-a-customer.json" and "is not valid JSON" in text


def test_file_open_of_a_file_the_core_refuses(
    make_window, qtbot, tmp_path, file_dialogs, no_modal_dialogs
):
    window = _shown(make_window(TUTORING), qtbot)
    before = window.session.scenario
    bad = tmp_path / "too-big.json"
    bad.write_text(
        '{"format": "trtc-estimate/1", "rooms": [{"service": "video_call", "rooms_per_day": 1,'
        ' "days": 1, "minutes": 10, "groups": [{"role": "participant", "count": 301}]}]}'
    )
    file_dialogs["open"].append(bad)
    window.files.open_action.trigger()
    assert window.session.scenario is before
    assert "301" in window.banner.text() and "too-big.json" in window.banner.text()
    assert len(no_modal_dialogs) == 1


def test_save_as_then_open_round_trips(make_window, qtbot, tmp_path, file_dialogs):
    window = _shown(make_window(TEAM_MEETINGS), qtbot)
    window.show_panel("video_call")
    window.findChild(QSlider, "video_call.minutes.slider").setValue(20)
    window.title_edit.setFocus()
    window.title_edit.selectAll()
    qtbot.keyClicks(window.title_edit, "Example Co., April")
    qtbot.keyClick(window.title_edit, Qt.Key.Key_Return)
    saved_scenario, saved_total = window.session.scenario, window.current_breakdown().total
    assert window.isWindowModified()

    file_dialogs["save"].append(tmp_path / "april")  # no extension typed
    window.files.save_as_action.trigger()
    out = tmp_path / "april.json"
    assert out.exists() and window.path == out
    assert not window.isWindowModified()
    assert (
        window.windowTitle()
        == "Example Co., April \u2014 april.json[*] \u2014 TRTC price estimator"
    )
    assert read_scenario(out) == saved_scenario

    window.findChild(QSlider, "video_call.minutes.slider").setValue(45)  # changed again
    file_dialogs["open"].append(out)
    window.files.open_action.trigger()
    assert window.session.scenario == saved_scenario
    assert window.current_breakdown().total == saved_total
    assert window.findChild(QSpinBox, "video_call.minutes.spin").value() == 20
    assert window.title_edit.text() == "Example Co., April"
    assert not window.isWindowModified()

    window.findChild(QSlider, "video_call.minutes.slider").setValue(30)
    window.files.save_action.trigger()  # Save: the same file, no dialog
    assert [c[0] for c in file_dialogs["calls"]] == ["save", "open"]
    assert read_scenario(out) == window.session.scenario
    assert read_scenario(out).rooms[0].seconds == 30 * 60


# ---------------------------------------------------------------------- closing


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """QMessageBox.question answers with ``answer['button']``; the questions are recorded."""
    state: dict[str, object] = {"button": QMessageBox.StandardButton.Cancel, "asked": []}

    def question(_parent, title, text, *_args):  # type: ignore[no-untyped-def]
        state["asked"].append((title, text))  # type: ignore[union-attr]
        return state["button"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return state


def test_closing_an_unchanged_estimate_asks_nothing(make_window, qtbot, answer):
    window = _shown(make_window(TUTORING), qtbot)
    assert window.close()
    assert answer["asked"] == []


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_working(make_window, qtbot, answer):
    window = _shown(make_window(TUTORING), qtbot)
    window.findChild(QSlider, "video_call.days.slider").setValue(10)
    answer["button"] = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible()
    assert answer["asked"] == [
        ("Unsaved estimate", "Save the changes to this estimate first?")
    ]
    assert window.session.scenario.rooms[0].days == 10


def test_closing_with_unsaved_changes_discard_closes(make_window, qtbot, answer, tmp_path):
    copy = tmp_path / "tutoring.json"
    copy.write_bytes(Path(TUTORING).read_bytes())
    window = _shown(make_window(copy), qtbot)
    window.findChild(QSlider, "video_call.days.slider").setValue(10)
    answer["button"] = QMessageBox.StandardButton.Discard
    assert window.close()
    assert not window.isVisible()
    assert read_scenario(copy).rooms[0].days != 10  # nothing written


def test_closing_with_unsaved_changes_save_writes_then_closes(
    make_window, qtbot, answer, tmp_path, file_dialogs
):
    window = _shown(make_window(None), qtbot)
    window.files.template_menu.actions()[0].trigger()  # File > New from template: untitled
    assert window.path is None  # so Save asks where
    window.findChild(QSlider, "video_call.days.slider").setValue(10)
    answer["button"] = QMessageBox.StandardButton.Save
    file_dialogs["save"].append(tmp_path / "new.json")
    assert window.close()
    assert read_scenario(tmp_path / "new.json") == window.session.scenario


def test_closing_with_save_cancelled_in_the_dialog_stays_open(
    make_window, qtbot, answer, monkeypatch
):
    window = _shown(make_window(None), qtbot)
    window.files.template_menu.actions()[0].trigger()
    window.findChild(QSlider, "video_call.days.slider").setValue(10)
    answer["button"] = QMessageBox.StandardButton.Save
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert not window.close()
    assert window.isVisible() and window.isWindowModified()
