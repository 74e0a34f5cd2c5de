"""A room's own recording and mixing: every session recorded, or mixed for a CDN, with no task
retyped on another tab; the robot's own minutes an explicit choice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec.structs import replace
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QLineEdit, QWidget

from estimator_gui.gui.inputs import MessageLabel
from estimator_gui.gui.labels import codec_name
from estimator_gui.gui.working import streams_text
from estimator_gui.i18n import _
from estimator_gui.pricing import edits
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.scenario import (
    CODECS,
    RECORDING_MODES,
    ROBOT_BILLED,
    ROBOT_FILES_TO_VOD,
    Room,
)
from estimator_gui.pricing.text_input import parse_streams

if TYPE_CHECKING:
    from estimator_gui.gui.panels.rooms import RoomPanel


class RoomTasksBox(QGroupBox):
    """Record every session / mix every session for the CDN, for the room ``panel`` shows."""

    def __init__(self, panel: RoomPanel, parent: QWidget | None = None) -> None:
        super().__init__(_("Recording and mixing of every session"), parent)
        service = panel.service
        self.setObjectName(f"{service}.room_tasks")
        self.panel = panel
        grid = QGridLayout(self)
        self.record = QCheckBox(_("Record every session"), self)
        self.record.setObjectName(f"{service}.record")
        self.record.setToolTip(
            _(
                "One cloud recording task per session, for the session's minutes, on the room's "
                "days: nothing to type again on the Recording tab"
            )
        )
        self.record_mode = QComboBox(self)
        self.record_mode.setObjectName(f"{service}.record.mode")
        modes = {
            "mixed": _("mixed into one file"),
            "per_stream": _("one file per stream"),
        }
        for mode in RECORDING_MODES:
            self.record_mode.addItem(modes[mode], mode)
        self.record_mode.setToolTip(
            _(
                "Mixed: one task records the streams together, at the tier of their pixels added "
                "up. One file per stream: a task per stream, each at its own tier."
            )
        )
        self.record_streams = QLineEdit(self)
        self.record_streams.setObjectName(f"{service}.record.streams")
        self.record_streams.setToolTip(
            _("The streams recorded, such as 2 x 1280x720; empty records audio only")
        )
        self.record_robot = QComboBox(self)
        self.record_robot.setObjectName(f"{service}.record.robot")
        self.record_robot.addItem(
            _("Files elsewhere: robot billed at the tier it records"), ROBOT_BILLED
        )
        self.record_robot.addItem(_("Files to VOD: robot not billed"), ROBOT_FILES_TO_VOD)
        self.record_robot.setToolTip(
            _(
                "The recording robot joins the room and its own audio/video minutes are billed, "
                "unless the files go to VOD (TRTC docs 42734, 47631, 54633)"
            )
        )
        self.mix = QCheckBox(_("Mix every session for the CDN"), self)
        self.mix.setObjectName(f"{service}.mix_for_cdn")
        self.mix.setToolTip(
            _("One On-Cloud MixTranscoding task per session, billed on its inputs' minutes")
        )
        self.mix_codec = QComboBox(self)
        self.mix_codec.setObjectName(f"{service}.mix_for_cdn.codec")
        for code in CODECS:
            self.mix_codec.addItem(codec_name(code), code)
        self.mix_codec.setToolTip(_("H.265 output costs more per minute than H.264"))
        self.mix_inputs = QLineEdit(self)
        self.mix_inputs.setObjectName(f"{service}.mix_for_cdn.inputs")
        self.mix_inputs.setToolTip(_("The streams mixed, such as 2 x 1280x720"))
        self.message = MessageLabel(f"{service}.room_tasks.message", self)
        panel.messages["room_tasks"] = self.message
        panel.captions["room_tasks"] = self.title()
        grid.addWidget(self.record, 0, 0)
        grid.addWidget(self.record_mode, 0, 1)
        grid.addWidget(self.record_streams, 1, 0)
        grid.addWidget(self.record_robot, 1, 1)
        grid.addWidget(self.mix, 2, 0)
        grid.addWidget(self.mix_codec, 2, 1)
        grid.addWidget(self.mix_inputs, 3, 0)
        grid.addWidget(self.message, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        for widget, name in (
            (self.record_mode, self.record.text()),
            (self.record_streams, self.record.text()),
            (self.record_robot, self.record.text()),
            (self.mix_codec, self.mix.text()),
            (self.mix_inputs, self.mix.text()),
        ):
            widget.setAccessibleName(name)
        self.record.toggled.connect(self._on_record_toggled)
        self.record_mode.activated.connect(lambda _i: self._edit_recording())
        self.record_robot.activated.connect(lambda _i: self._edit_recording())
        self.record_streams.editingFinished.connect(self._edit_recording)
        self.mix.toggled.connect(self._on_mix_toggled)
        self.mix_codec.activated.connect(lambda _i: self._edit_mixing())
        self.mix_inputs.editingFinished.connect(self._edit_mixing)

    # ------------------------------------------------------------------ showing

    def show_room(self, room: Room) -> None:
        recording, mixing = room.record, room.mix_for_cdn
        with QSignalBlocker(self.record), QSignalBlocker(self.mix):
            self.record.setChecked(recording is not None)
            self.mix.setChecked(mixing is not None)
        for widget in (self.record_mode, self.record_streams, self.record_robot):
            widget.setEnabled(recording is not None)
        for widget in (self.mix_codec, self.mix_inputs):
            widget.setEnabled(mixing is not None)
        if recording is not None:
            self.record_mode.setCurrentIndex(self.record_mode.findData(recording.mode))
            self.record_robot.setCurrentIndex(self.record_robot.findData(recording.robot))
            self._show_text(self.record_streams, recording.records)
        if mixing is not None:
            self.mix_codec.setCurrentIndex(self.mix_codec.findData(mixing.codec))
            self._show_text(self.mix_inputs, mixing.inputs)

    @staticmethod
    def _show_text(edit: QLineEdit, streams: tuple) -> None:  # type: ignore[type-arg]
        text = streams_text(streams)
        if edit.text() != text and not edit.hasFocus():
            edit.setText(text)

    # ------------------------------------------------------------------ edits

    def _on_record_toggled(self, on: bool) -> None:
        text = _("Record every session") if on else _("Stop recording every session")
        self.panel.edit(
            "room_tasks",
            lambda room: replace(room, record=edits.recording_for(room) if on else None),
            text,
        )

    def _on_mix_toggled(self, on: bool) -> None:
        text = (
            _("Mix every session for the CDN") if on else _("Stop mixing every session for the CDN")
        )
        self.panel.edit(
            "room_tasks",
            lambda room: replace(room, mix_for_cdn=edits.mixing_for(room) if on else None),
            text,
        )

    def _edit_recording(self) -> None:
        room = self.panel.current_item()
        if room is None or room.record is None:
            return
        try:
            records = parse_streams(self.record_streams.text(), "records")
        except InputError as error:
            self.panel.session.refuse(self.panel.input_key("room_tasks"), error)
            return
        mode, robot = self.record_mode.currentData(), self.record_robot.currentData()
        self.panel.edit(
            "room_tasks",
            lambda r: replace(r, record=replace(r.record, records=records, mode=mode, robot=robot)),
            _("Change the recording of every session"),
        )

    def _edit_mixing(self) -> None:
        room = self.panel.current_item()
        if room is None or room.mix_for_cdn is None:
            return
        try:
            inputs = parse_streams(self.mix_inputs.text(), "inputs")
        except InputError as error:
            self.panel.session.refuse(self.panel.input_key("room_tasks"), error)
            return
        codec = self.mix_codec.currentData()
        self.panel.edit(
            "room_tasks",
            lambda r: replace(r, mix_for_cdn=replace(r.mix_for_cdn, inputs=inputs, codec=codec)),
            _("Change the mixing of every session"),
        )
