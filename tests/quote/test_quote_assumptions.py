"""The assumptions in plain language: one sentence per room and task, numbers by Babel."""

from __future__ import annotations

from decimal import Decimal

from msgspec import structs

from estimator_gui.pricing.scenario import Relay, Resolution, RoomRecording
from estimator_gui.quote.assumptions import assumptions
from tests.quote.conftest import Priced


def test_tutoring_rooms_tasks_relay_and_free_minutes(tutoring: Priced) -> None:
    said = assumptions(tutoring.scenario, tutoring.card, "en")
    assert said == [
        "1:1 lessons: 40 rooms a day x 22 days x 45 min; 2 participants each receiving "
        "1 x 1280x720 = 921,600 px -> HD",
        "Friday show: 1 room a day x 4 days x 60 min; 1 anchor, audio only; 5,000 audience "
        "members, HD 70%, FHD 30% of the time (staying 40 min)",
        "lessons: 40 recording tasks a day x 22 days x 45 min; records 2 x 1280x720 = "
        "1,843,200 px -> FHD; the robot's minutes are not stated and not priced",
        "show mix: 1 mixing task a day x 4 days x 60 min; H.264, mixes 1 x 1920x1080 + "
        "1 x 1280x720 = 2,995,200 px -> 2K; the robot's minutes are not stated and not priced",
        "Relay to CDN: a monthly peak bandwidth of 5 Mbps",
        "Free minutes: 10,000 a month",
    ]


def test_room_tasks_discount_and_relay_minutes(tutoring: Priced) -> None:
    """A room that records every session, relay by minutes and a discount each get a sentence."""
    room = structs.replace(
        tutoring.scenario.rooms[0],
        record=RoomRecording(
            mode="per_stream", records=(Resolution(1920, 1080), Resolution(640, 360))
        ),
    )
    scenario = structs.replace(
        tutoring.scenario,
        rooms=(room,),
        recording=(),
        transcoding=(),
        relay=Relay(minutes=Decimal("12500.5")),
        discount_percent=Decimal("7.5"),
        free_minutes=0,
    )
    said = assumptions(scenario, tutoring.card, "en")
    assert said[1] == (
        "1:1 lessons: every session is recorded; 1920x1080 -> FHD, 640x360 -> HD, one file per "
        "stream, each at its own tier; the recording robot's minutes are billed at the tier it "
        "receives"
    )
    assert said[2:] == [
        "Relay to CDN: 12,500.5 relay minutes a month",
        "No free minutes are taken off",
        "Contract discount: 7.5%, taken off the total after free minutes",
    ]


def test_numbers_follow_the_quote_language(tutoring: Priced) -> None:
    """The language's own grouping: 5,000 in English; the same figures, never a float."""
    for language in ("en", "ko", "zh"):
        said = assumptions(tutoring.scenario, tutoring.card, language)
        assert "5,000" in said[1]
        assert "921,600 px" in said[0]
