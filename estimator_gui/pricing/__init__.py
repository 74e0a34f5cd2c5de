"""The pricing core: pure Python, no Qt, no files, no clock, no locale."""

from estimator_gui.pricing.breakdown import Breakdown, Line, Notice, Usage, round_money
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import (
    Group,
    RecordingTask,
    Relay,
    Resolution,
    Room,
    Scenario,
    TranscodingTask,
)

__all__ = [
    "Breakdown",
    "Group",
    "InputError",
    "Line",
    "Notice",
    "RateCard",
    "RecordingTask",
    "Relay",
    "Resolution",
    "Room",
    "Scenario",
    "TranscodingTask",
    "Usage",
    "price",
    "round_money",
]
