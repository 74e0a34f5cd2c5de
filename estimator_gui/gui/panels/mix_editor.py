"""A 'use a resolution mix' switch and the mix control, for a group or a task."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from estimator_gui.i18n import _
from estimator_gui.pricing.scenario import Mix

if TYPE_CHECKING:  # built, and imported, when a mix is first shown: most groups have none
    from estimator_gui.gui.resolution_mix import ResolutionMixWidget


class MixEditor(QWidget):
    """The switch, and the resolution-mix control under it while a mix is used.

    The control (twenty widgets) is built the first time a mix is shown: most groups have none.
    """

    mix_switched = Signal(bool)
    mix_edited = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._control: ResolutionMixWidget | None = None
        self.switch = QCheckBox(_("Use a resolution mix (share of time per tier)"), self)
        self.switch.setObjectName(f"{name}.use_mix")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.switch)
        self.switch.toggled.connect(self.mix_switched)

    @property
    def control(self) -> ResolutionMixWidget:
        if self._control is None:
            from estimator_gui.gui.resolution_mix import ResolutionMixWidget

            self._control = ResolutionMixWidget(f"{self._name}.mix", self)
            self._control.hide()
            self._layout.addWidget(self._control)
            self._control.mix_edited.connect(self.mix_edited)
            from estimator_gui.gui.keyboard import WindowUndo

            undo = self.window().findChild(WindowUndo)
            if undo is not None:
                undo.watch_all(self._control)
        return self._control

    def show_mix(self, mix: Mix | None) -> None:
        with QSignalBlocker(self.switch):
            self.switch.setChecked(mix is not None)
        if mix is None:
            if self._control is not None:
                self._control.setVisible(False)
            return
        self.control.setVisible(True)
        self.control.set_mix(mix)
