"""One panel per part of the bill: the rooms of each service, cloud recording, mixing and relay."""

from estimator_gui.gui.panels.base import ItemPanel
from estimator_gui.gui.panels.relay import MixingRelayPanel, RelayBox
from estimator_gui.gui.panels.rooms import RoomPanel
from estimator_gui.gui.panels.scroll import PanelScrollArea
from estimator_gui.gui.panels.tasks import TaskPanel

__all__ = ["ItemPanel", "MixingRelayPanel", "PanelScrollArea", "RelayBox", "RoomPanel", "TaskPanel"]
