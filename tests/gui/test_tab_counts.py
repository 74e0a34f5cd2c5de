"""Each tab says how many rooms or tasks it holds, and follows adds, removals and undo."""

from __future__ import annotations

from tests_gui_paths import LIVE_SHOPPING

from estimator_gui.gui.panel_tabs import PANEL_KEYS


def _texts(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {key: window.tabs.tabText(i) for i, key in enumerate(PANEL_KEYS)}


def test_tabs_count_what_they_hold(make_window):
    window = make_window(LIVE_SHOPPING)
    texts = _texts(window)
    assert texts["live_video"] == "Live video (2)"
    assert texts["recording"] == "Recording (1)"
    assert texts["mixing_relay"] == "Mixing and relay (2)"  # a mixing task and the relay
    assert texts["audio_call"] == "Audio call"  # none: no number
    panel = window.show_panel("audio_call")
    panel.add_button.click()
    assert _texts(window)["audio_call"] == "Audio call (1)"
    window.undo_action.trigger()
    assert _texts(window)["audio_call"] == "Audio call"
    window.show_panel("live_video").remove_button.click()
    assert _texts(window)["live_video"] == "Live video (1)"
