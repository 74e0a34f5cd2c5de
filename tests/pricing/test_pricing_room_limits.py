"""Service limits of the brief that the scenario itself enforces (section 7 of trtc-billing.md)."""

from __future__ import annotations

import pytest
from pricing_builders import group, room

from estimator_gui.pricing import InputError


def test_nobody_receives_more_than_fifty_streams_before_any_pixel_check() -> None:
    """A call room has at most 50 cameras on and a live room 50 co-anchors, so 51 received
    streams are refused for their number, even where their pixels also pass the 4K top."""
    with pytest.raises(InputError) as refused:
        group("participant", 1, *["1280x720"] * 51)
    assert refused.value.code == "too_many_streams"
    assert refused.value.field == "receives"
    assert refused.value.limit == 50
    assert "more than 50" in refused.value.message


def test_fifty_small_streams_are_accepted() -> None:
    """50 received streams are within the limit when their aggregate has a price."""
    assert len(group("participant", 1, *["320x180"] * 50).receives) == 50


def test_microphones_on_at_once_are_at_most_fifty_in_an_audio_call() -> None:
    """Audio call: up to 300 users, up to 50 microphones on at once."""
    with pytest.raises(InputError) as refused:
        room("audio_call", group("participant", 300), publishers=51)
    assert refused.value.code == "too_many_publishers"
    assert refused.value.field == "publishers"
    assert "50" in refused.value.message and "microphones" in refused.value.message
    assert room("audio_call", group("participant", 300), publishers=50).publishers == 50


def test_cameras_on_cannot_exceed_the_users_in_the_room() -> None:
    """Nobody publishes who is not in the room."""
    with pytest.raises(InputError) as refused:
        room("video_call", group("participant", 4, "640x360"), publishers=5)
    assert refused.value.code == "more_publishers_than_users"
    assert refused.value.limit == 4


def test_a_participant_receives_no_more_streams_than_cameras_are_on() -> None:
    """With 2 cameras on, a viewer cannot receive 3 streams."""
    with pytest.raises(InputError) as refused:
        room("video_call", group("participant", 6, "640x360", "640x360", "640x360"), publishers=2)
    assert refused.value.field == "groups[0].receives"
    assert refused.value.code == "more_streams_than_publishers"


def test_publishers_apply_to_call_rooms_only() -> None:
    """In a live room the anchors publish; a publishers count there is refused, not ignored."""
    with pytest.raises(InputError) as refused:
        room("live_video", group("anchor", 1), publishers=1)
    assert refused.value.code == "not_applicable"


def test_publishers_round_trip_through_the_scenario_file() -> None:
    """The optional publishers field is saved and read back."""
    from estimator_gui.files.scenario_io import dump_scenario, parse_scenario
    from estimator_gui.pricing import Scenario

    scenario = Scenario(rooms=(room("audio_call", group("participant", 10), publishers=3),))
    text = dump_scenario(scenario)
    assert '"publishers": 3' in text
    assert parse_scenario(text) == scenario
