"""Cloud recording or on-cloud mixing tasks: how many, how long, what they take in."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from msgspec.structs import replace
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from estimator_gui.gui.inputs import MessageLabel
from estimator_gui.gui.labels import codec_name
from estimator_gui.gui.locale_format import format_int
from estimator_gui.gui.panels.base import Item, ItemPanel
from estimator_gui.gui.panels.help import billing_note
from estimator_gui.gui.panels.mix_editor import MixEditor
from estimator_gui.gui.session import EstimateSession
from estimator_gui.gui.tones import tint
from estimator_gui.gui.working import verb_mixes, verb_records, working_for
from estimator_gui.i18n import _
from estimator_gui.pricing import edits
from estimator_gui.pricing.scenario import (
    CODECS,
    ROBOT_BILLED,
    ROBOT_FILES_TO_VOD,
    RecordingTask,
    Resolution,
    Scenario,
    TranscodingTask,
)

NOT_STATED = "not_stated"  # the robot choice of an older file, which priced no robot


class TaskPanel(ItemPanel):
    """Recording (``kind`` "recording") or MixTranscoding ("transcoding") tasks."""

    def __init__(self, session: EstimateSession, kind: str, parent: QWidget | None = None):
        self.kind = kind
        self.streams_field = "records" if kind == "recording" else "inputs"
        super().__init__(session, kind, parent)
        inputs = QGroupBox(_("Everyday inputs"), self.editor)
        grid = QGridLayout(inputs)
        grid.setColumnStretch(1, 1)
        self.usage_rows(grid, "tasks_per_day", _("Tasks per day"), _("Minutes per task"))
        self.tasks_per_day = self.per_day
        self.stream_rows(
            grid,
            _("Streams recorded together") if kind == "recording" else _("Input streams mixed"),
            _("Resolution of each stream"),
            16,
        )
        self.codec: QComboBox | None = None
        if kind == "transcoding":
            self.codec = QComboBox(inputs)
            self.codec.setObjectName("transcoding.codec")
            for code in CODECS:
                self.codec.addItem(codec_name(code), code)
            self.grid_row(grid, "codec", _("Output codec"), self.codec)
            self.codec.activated.connect(self._on_codec_chosen)
        # The robot's own duration: an explicit choice, "not stated" only in older files.
        self.robot = QComboBox(inputs)
        self.robot.setObjectName(f"{kind}.robot")
        self.robot.addItem(_("Billed at the tier it receives"), ROBOT_BILLED)
        if kind == "recording":
            self.robot.addItem(_("Files to VOD: not billed"), ROBOT_FILES_TO_VOD)
        self.robot.addItem(_("Not stated (left out of the estimate)"), NOT_STATED)
        self.robot.setToolTip(
            _(
                "A recording or mixing task puts a robot in the room that receives the streams; "
                "its own audio/video minutes are billed (TRTC docs 42734, 47631), for recording "
                "unless the files go to VOD (54633)"
            )
        )
        self.grid_row(grid, "robot", _("Robot's own minutes"), self.robot)
        self.robot.activated.connect(self._on_robot_chosen)
        self.fit_captions(grid)
        self.working = QLabel(inputs)
        self.working.setObjectName(f"{kind}.working")
        self.working.setWordWrap(True)
        grid.addWidget(self.working, grid.rowCount(), 1)
        self.mix_editor = MixEditor(kind, inputs)
        grid.addWidget(self.mix_editor, grid.rowCount(), 0, 1, 2)
        self.messages["mix"] = MessageLabel(f"{kind}.mix.message", inputs)
        self.captions["mix"] = _("the resolution mix")
        grid.addWidget(self.messages["mix"], grid.rowCount(), 0, 1, 2)
        # Under the inputs, how this part of the bill is worked out: the tab is not half empty.
        self.billing_note = QLabel(billing_note(kind), self.editor)
        self.billing_note.setObjectName(f"{kind}.billing_note")
        self.billing_note.setWordWrap(True)
        tint(self.billing_note, None)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(inputs)
        editor_layout.addWidget(self.billing_note)
        editor_layout.addStretch(1)
        self.describe(self.mix_editor.switch, "use_mix", self.mix_editor.switch.text())
        self.mix_editor.mix_switched.connect(self._on_mix_switched)
        self.mix_editor.mix_edited.connect(self._on_mix_edited)
        self.align_spin_boxes()
        self.show_scenario(session.scenario)

    def item_caption(self) -> str:
        return _("Recording task") if self.kind == "recording" else _("Mixing task")

    def add_text(self) -> str:
        return _("Add task")

    def empty_text(self) -> str:
        if self.kind == "recording":
            return _(
                "This estimate records nothing. Add a recording task to price cloud recording."
            )
        return _(
            "This estimate mixes nothing on the cloud. Add a mixing task to price MixTranscoding."
        )

    def items(self, scenario: Scenario) -> list[Item]:
        return list(scenario.recording if self.kind == "recording" else scenario.transcoding)

    def with_item(self, scenario: Scenario, position: int, item: Item | None) -> Scenario:
        tasks = getattr(scenario, self.kind)
        if item is None:
            return replace(scenario, **{self.kind: edits.remove_item(tasks, position)})
        return replace(scenario, **{self.kind: edits.replace_item(tasks, position, item)})

    def with_new_item(self, scenario: Scenario) -> Scenario:
        number = len(self.items(scenario)) + 1
        task: RecordingTask | TranscodingTask = (
            edits.new_recording(number)
            if self.kind == "recording"
            else edits.new_transcoding(number)
        )
        return replace(scenario, **{self.kind: (*getattr(scenario, self.kind), task)})

    def show_item(self, item: Item) -> None:
        streams: tuple[Resolution, ...] = getattr(item, self.streams_field)
        self.show_usage(item)
        self.show_streams(streams, item.mix is not None)
        if self.codec is not None:
            self.codec.setCurrentIndex(self.codec.findData(item.codec))
        self.robot.setCurrentIndex(self.robot.findData(item.robot or NOT_STATED))
        verb = verb_records() if self.kind == "recording" else verb_mixes()
        working = working_for(streams, item.mix, self.session.rate_card, verb)
        text = _("Each task {working}").format(working=working.text) + (
            f"\n\u26a0 {working.warning}" if working.warning else ""
        )
        if self.working.text() != text:
            self.working.setText(text)
        self.mix_editor.show_mix(item.mix)

    def on_value_edited(self, key: str, value: int, merge: Hashable | None) -> None:
        if self.on_usage_edited(key, value, merge) or key != "streams":
            return
        fallback = self.chosen_resolution()
        self._edit_streams(
            key,
            lambda streams: edits.with_stream_count(streams, value, fallback),
            self.change_text(key, format_int(value)),
            merge,
        )

    def on_resolution_edited(self, resolution: Resolution) -> None:
        self._edit_streams(
            "resolution",
            lambda streams: edits.with_resolution(streams, resolution),
            self.change_text("resolution", str(resolution)),
        )

    def _edit_streams(
        self,
        key: str,
        make: Callable[[tuple[Resolution, ...]], tuple[Resolution, ...]],
        text: str,
        merge: Hashable | None = None,
    ) -> bool:
        field = self.streams_field
        return self.edit(key, lambda t: replace(t, **{field: make(getattr(t, field))}), text, merge)

    def _on_robot_chosen(self, index: int) -> None:
        robot = self.robot.itemData(index)
        robot = None if robot == NOT_STATED else robot
        self.edit(
            "robot",
            lambda t: replace(t, robot=robot),
            self.change_text("robot", self.robot.itemText(index)),
        )

    def _on_codec_chosen(self, index: int) -> None:
        code = self.codec.itemData(index) if self.codec is not None else None
        if code is not None:
            self.edit(
                "codec",
                lambda t: replace(t, codec=code),
                self.change_text("codec", codec_name(code)),
            )

    def _on_mix_switched(self, use_mix: bool) -> None:
        field, card = self.streams_field, self.session.rate_card
        if use_mix:
            self.edit(
                "mix",
                lambda t: replace(
                    t, mix=edits.starting_mix(getattr(t, field), card), **{field: ()}
                ),
                _("Use a resolution mix"),
            )
        else:
            self.edit(
                "mix",
                lambda t: replace(t, mix=None, **{field: (edits.HD_720,)}),
                _("Stop the resolution mix"),
            )
        item = self.current_item()
        if item is not None:
            self.mix_editor.show_mix(item.mix)

    def _on_mix_edited(self, mix: tuple) -> None:  # type: ignore[type-arg]
        field = self.streams_field
        self.edit(
            "mix",
            lambda t: replace(t, mix=mix, **{field: ()}),
            self.change_text("mix"),
        )
