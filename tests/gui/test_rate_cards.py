"""The rate card in use, from the window: switched in its menu (undoably), named in the status
bar, saved with the estimate, offered for repricing when a file was made with another card, the
relay's registration day, and the plans a card's packages offer."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QSpinBox
from tests_gui_cli import CLI
from tests_gui_paths import TUTORING

from estimator_gui.files.scenario_io import read_scenario_file
from estimator_gui.pricing.plans import PAY_AS_YOU_GO
from estimator_gui.quote.tabular import plain

CURRENT, OLD = "trtc-intl-2026-12", "trtc-intl-2022-06"




def _cli_total(path: Path, *options: str) -> str:
    result = CLI.quote(path, "--format", "json", *options)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["total"]


def _choose(window, card_id: str) -> None:  # type: ignore[no-untyped-def]
    """Rate card > the card, as a click on the menu item does."""
    window.cards.menu.aboutToShow.emit()  # the person opens the Rate card menu
    action = next(
        a for a in window.cards.menu.actions() if a.objectName() == f"rate_card.{card_id}"
    )
    action.trigger()


def test_switching_cards_reprices_to_the_command_lines_figure_and_undoes(window, tmp_path):
    assert window.session.rate_card.id == OLD
    assert plain(window.current_breakdown().total) == _cli_total(TUTORING)
    _choose(window, CURRENT)
    assert window.session.rate_card.id == CURRENT
    total = window.current_breakdown().total
    assert plain(total) == _cli_total(TUTORING, "--rate-card", CURRENT)
    assert total != Decimal(_cli_total(TUTORING))
    assert CURRENT in window.cards.status.text()
    assert window.isWindowModified()
    assert window.undo_action.text().startswith("&Undo Price with")
    window.undo_action.trigger()
    assert window.session.rate_card.id == OLD
    assert plain(window.current_breakdown().total) == _cli_total(TUTORING)
    assert not window.isWindowModified()


def test_the_saved_file_records_its_card_and_reopens_with_it(window, make_window, tmp_path):
    _choose(window, CURRENT)
    out = tmp_path / "current.json"
    assert window.save_file(out)
    assert read_scenario_file(out).rate_card_id == CURRENT
    assert plain(window.current_breakdown().total) == _cli_total(out)  # the CLI reads it too
    reopened = make_window(out)
    assert reopened.session.rate_card.id == CURRENT
    assert reopened.current_breakdown().total == window.current_breakdown().total
    assert not reopened.isWindowModified()


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_a_file_made_with_another_card_is_offered_for_repricing(
    make_window, qtbot, monkeypatch, tmp_path, answer
):
    asked: list[str] = []

    def question(_parent, title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    old_file = tmp_path / "made-in-2022.json"
    shutil.copy(TUTORING, old_file)  # names no card: made with the 2022 one
    window = make_window(None)
    window.show()
    qtbot.waitExposed(window)
    _choose(window, CURRENT)
    assert window.open_file(old_file)
    assert len(asked) == 1 and "made-in-2022.json was made with" in asked[0]
    if answer == QMessageBox.StandardButton.Yes:
        assert window.session.rate_card.id == CURRENT
        assert plain(window.current_breakdown().total) == _cli_total(
            old_file, "--rate-card", CURRENT
        )
        assert window.isWindowModified()  # Save would write the new card into the file
    else:
        assert window.session.rate_card.id == OLD
        assert plain(window.current_breakdown().total) == _cli_total(old_file)
        assert not window.isWindowModified()


def test_a_bad_card_file_is_refused_and_nothing_changes(window, tmp_path, no_modal_dialogs):
    bad = tmp_path / "card.toml"
    bad.write_text('id = "x"\n[[tiers]]\nname = "HD"\n', encoding="utf-8")
    before = window.current_breakdown()
    assert not window.cards.open_card_file(bad)
    assert window.current_breakdown() == before
    assert window.session.rate_card.id == OLD
    assert "card.toml is not a rate card the estimator can use" in window.banner.text()


def test_the_current_cards_plans_show_under_the_totals(window):
    assert not window.results.isTabVisible(2)  # the 2022 card lists no package
    _choose(window, CURRENT)
    assert window.results.isTabVisible(2)
    window.results.setCurrentIndex(2)
    comparison = window.plans.comparison
    assert comparison is not None
    assert [plan.id for plan in comparison.plans] == [PAY_AS_YOU_GO, "starter-9.9"]
    assert comparison.plans[0].total == window.current_breakdown().total
    shown = [
        label.text() for label in window.plans.findChildren(QLabel) if label.isVisibleTo(window)
    ]
    assert any("Starter package" in text for text in shown)
    assert any("cheapest" in text for text in shown)


def test_the_registration_day_picks_the_relay_list(window):
    """The tutoring example relays by peak bandwidth: an account registered after the current
    card's cut-off is billed by relay minutes, so the bandwidth is refused with the reason."""
    _choose(window, CURRENT)
    relay = window.panel("mixing_relay").relay
    assert not relay.registered_known.isHidden()
    known = relay.findChild(QCheckBox, "relay.registered_known")
    known.setChecked(True)  # the day shown is the cut-off itself: the minutes list
    assert window.session.pricing.options.registered is None  # refused: the scenario stays
    assert "relay" in window.session.refusals
    assert not relay.message.isHidden()


def test_a_value_added_service_is_priced_as_the_command_line_prices_it(window, qtbot, tmp_path):
    """AI translation for 30-minute sessions, 3 a day, 22 days, into 2 languages: typed in the
    Mixing and relay tab; the saved file prices the same on the command line."""
    _choose(window, CURRENT)
    panel = window.show_panel("mixing_relay")
    box = panel.value_added
    assert not box.isHidden()
    qtbot.mouseClick(box.rows["ai_translation"].used, Qt.MouseButton.LeftButton)
    for name, text in (("per_day", "3"), ("languages", "2")):
        spin = panel.findChild(QSpinBox, f"value_added.ai_translation.{name}")
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, text)
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    (use,) = window.session.pricing.options.value_added
    assert (use.service, use.tasks_per_day, use.days, use.languages) == ("ai_translation", 3, 22, 2)
    line = window.current_breakdown().lines[-1]
    assert (line.section, line.price_list) == ("value_added", "ai_translation")
    assert line.minutes == 3 * 30 * 2 * 22  # input minutes x output languages, day by day
    row = window.breakdown_model.rowCount() - 1
    unit = window.breakdown_model.index(row, window.breakdown_model.COL_UNIT_PRICE).data()
    assert unit == "0.016 / min"
    assert window.chart.services[-1] == "ai_translation"  # a bar of its own in the chart
    assert window.chart.amount("ai_translation", "standard") == line.gross
    out = tmp_path / "translated.json"
    assert window.save_file(out)
    assert plain(window.current_breakdown().total) == _cli_total(out)
    window.undo_action.trigger()  # the languages, then the sessions, then the service itself
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.session.pricing.options.value_added == ()
    assert box.rows["ai_translation"].used.isChecked() is False
