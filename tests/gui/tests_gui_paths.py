"""Where the example scenarios are, for the window tests."""

from __future__ import annotations

from pathlib import Path

from estimator_gui.files.resources import resource

EXAMPLES = sorted(resource("examples").glob("*.json"))
SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.json"))
TUTORING = resource("examples", "tutoring.json")
TEAM_MEETINGS = resource("examples", "team_meetings.json")
LIVE_SHOPPING = resource("examples", "live_shopping.json")
