"""One panel per part of the bill: the rooms of each service, cloud recording, mixing and relay.

Each panel module is imported when first asked for: the first frame shows one panel, and the
others (and their widgets' classes) wait until their tab is shown.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "ItemPanel": "base",
    "MixingRelayPanel": "relay",
    "PanelScrollArea": "scroll",
    "RelayBox": "relay",
    "RoomPanel": "rooms",
    "TaskPanel": "tasks",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
