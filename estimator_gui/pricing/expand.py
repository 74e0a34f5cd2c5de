"""Recording and mixing tasks as priced: rooms' own tasks and robots expanded, before pricing.

A room that records every session or mixes it for the CDN stands for tasks that follow its rooms
a day, days and minutes; a task that states its robot stands for the robot's own duration too.
``expand_tasks`` lists them all as ``TaskRun`` entries, each named by a ``source`` the breakdown
keeps, so every usage says which room or task it came from:

==============================  ===========================================================
``recording[0]``                a free-standing recording task (mode mixed), as always
``recording[0].records[1]``     its second stream's task (mode per_stream)
``recording[0].robot``          its robot's own duration (robot billed)
``transcoding[0]``              a free-standing mixing task; ``transcoding[0].robot`` its robot
``rooms[0].record``             the room's recording (mode mixed)
``rooms[0].record.records[1]``  one stream's task of the room's recording (mode per_stream)
``rooms[0].record.robot``       the room's recording robot
``rooms[0].mix_for_cdn``        the room's mixing task; ``rooms[0].mix_for_cdn.robot`` its robot
==============================  ===========================================================

Pure: no prices here, only what runs how long at which streams.
"""

from __future__ import annotations

from decimal import Decimal

from msgspec import Struct, structs

from estimator_gui.pricing.scenario import (
    ROBOT_BILLED,
    Mix,
    RecordingTask,
    Resolution,
    Room,
    Scenario,
    TranscodingTask,
)

RECORDING = "recording"
TRANSCODING = "transcoding"
ROBOT = "robot"  # the role of a robot's duration
ROOM_TASKS = ("record", "mix_for_cdn")  # a room's fields that hold tasks


class TaskRun(Struct, frozen=True):
    """One kind of task as priced: ``tasks_per_day x days x seconds`` at the tier of ``streams``
    (or of ``mix``).

    ``section`` is ``recording`` or ``transcoding`` for the task's own time, ``duration`` for its
    robot (``role`` ``robot``); ``service`` says what the task is (``recording``,
    ``transcoding``) in both cases; ``price_list`` is ``standard`` or the mixing codec.
    ``field`` names the streams in the scenario, for an error; ``room`` is the room a task
    follows (``rooms[0]``), None for a free-standing task.
    """

    source: str
    section: str
    service: str
    role: str
    price_list: str
    label: str
    tasks_per_day: int
    days: int
    seconds: Decimal
    streams: tuple[Resolution, ...]
    mix: Mix | None
    field: str
    room: str | None = None


def expand_tasks(scenario: Scenario) -> tuple[TaskRun, ...]:
    """Every task the scenario stands for: free-standing recording, then mixing, then each room's
    recording and mixing, each followed by its robot where the robot is billed."""
    runs: list[TaskRun] = []
    for index, recording in enumerate(scenario.recording):
        runs += _recording_runs(f"recording[{index}]", recording)
    for index, mixing in enumerate(scenario.transcoding):
        runs += _mixing_runs(f"transcoding[{index}]", mixing)
    for index, room in enumerate(scenario.rooms):
        for task in room_tasks(room):
            where = f"rooms[{index}]"
            if isinstance(task, RecordingTask):
                found = _recording_runs(f"{where}.record", task)
            else:
                found = _mixing_runs(f"{where}.mix_for_cdn", task)
            runs += [structs.replace(run, room=where) for run in found]
    return tuple(runs)


def room_tasks(room: Room) -> tuple[RecordingTask | TranscodingTask, ...]:
    """The room's recording and mixing as the free-standing tasks they stand for: one task a
    session (``rooms_per_day``), on the room's days, as long as its session, labelled as it."""
    tasks: list[RecordingTask | TranscodingTask] = []
    if room.record is not None:
        record = room.record
        tasks.append(
            RecordingTask(
                tasks_per_day=room.rooms_per_day,
                days=room.days,
                seconds=room.seconds,
                records=record.records,
                mix=record.mix,
                label=room.label,
                mode=record.mode,
                robot=record.robot,
            )
        )
    if room.mix_for_cdn is not None:
        mixing = room.mix_for_cdn
        tasks.append(
            TranscodingTask(
                tasks_per_day=room.rooms_per_day,
                days=room.days,
                seconds=room.seconds,
                codec=mixing.codec,
                inputs=mixing.inputs,
                mix=mixing.mix,
                label=room.label,
                robot=mixing.robot,
            )
        )
    return tuple(tasks)


def written_out(scenario: Scenario) -> Scenario:
    """The same month with every room's recording and mixing written out as free-standing tasks
    (after the ones already there) and taken off the rooms: it prices the same."""
    recording = list(scenario.recording)
    transcoding = list(scenario.transcoding)
    rooms = []
    for room in scenario.rooms:
        for task in room_tasks(room):
            if isinstance(task, RecordingTask):
                recording.append(task)
            else:
                transcoding.append(task)
        rooms.append(structs.replace(room, record=None, mix_for_cdn=None))
    return structs.replace(
        scenario,
        rooms=tuple(rooms),
        recording=tuple(recording),
        transcoding=tuple(transcoding),
    )


def robots_unstated(scenario: Scenario) -> bool:
    """Whether a task leaves its robot unstated (a file from before the choice existed)."""
    tasks: list[RecordingTask | TranscodingTask] = [*scenario.recording, *scenario.transcoding]
    for room in scenario.rooms:
        tasks += room_tasks(room)
    return any(task.robot is None for task in tasks)


def _recording_runs(source: str, task: RecordingTask) -> list[TaskRun]:
    streams_field = f"{source}.{'mix' if task.mix is not None else 'records'}"
    whole = TaskRun(
        source=source,
        section=RECORDING,
        service=RECORDING,
        role="",
        price_list="standard",
        label=task.label,
        tasks_per_day=task.tasks_per_day,
        days=task.days,
        seconds=task.seconds,
        streams=task.records,
        mix=task.mix,
        field=streams_field,
    )
    if task.mode == "per_stream":
        # One file per stream is one task per stream, each at its own tier (45176).
        runs = [
            structs.replace(
                whole,
                source=f"{source}.records[{index}]",
                streams=(stream,),
                field=f"{source}.records[{index}]",
            )
            for index, stream in enumerate(task.records)
        ]
    else:
        runs = [whole]
    if task.robot == ROBOT_BILLED:
        # The robot subscribes to every stream it records, whatever the files: one robot a
        # session at the tier of their aggregate (42734: robots pay for what they receive).
        runs.append(_robot(source, task, RECORDING, task.records, streams_field))
    return runs


def _mixing_runs(source: str, task: TranscodingTask) -> list[TaskRun]:
    streams_field = f"{source}.{'mix' if task.mix is not None else 'inputs'}"
    runs = [
        TaskRun(
            source=source,
            section=TRANSCODING,
            service=TRANSCODING,
            role="",
            price_list=task.codec,
            label=task.label,
            tasks_per_day=task.tasks_per_day,
            days=task.days,
            seconds=task.seconds,
            streams=task.inputs,
            mix=task.mix,
            field=streams_field,
        )
    ]
    if task.robot == ROBOT_BILLED:
        # The mixing robot subscribes to its inputs (47631).
        runs.append(_robot(source, task, TRANSCODING, task.inputs, streams_field))
    return runs


def _robot(
    source: str,
    task: RecordingTask | TranscodingTask,
    service: str,
    streams: tuple[Resolution, ...],
    streams_field: str,
) -> TaskRun:
    """The robot's own duration: a room user for as long as the task, on the standard list."""
    return TaskRun(
        source=f"{source}.{ROBOT}",
        section="duration",
        service=service,
        role=ROBOT,
        price_list="standard",
        label=task.label,
        tasks_per_day=task.tasks_per_day,
        days=task.days,
        seconds=task.seconds,
        streams=streams,
        mix=task.mix,
        field=streams_field,
    )


def task_of(source: str) -> str:
    """The room or task a usage belongs to, a room's tasks apart from the room:
    ``rooms[0].groups[1]`` -> ``rooms[0]``; ``rooms[0].record.robot`` -> ``rooms[0].record``;
    ``recording[0].records[1]`` -> ``recording[0]``; ``relay`` -> ``relay``."""
    parts = source.split(".")
    if len(parts) > 1 and parts[1] in ROOM_TASKS:
        return f"{parts[0]}.{parts[1]}"
    return parts[0]


def room_of(source: str) -> str | None:
    """The room a usage follows (``rooms[0]`` for its groups and its tasks), else None."""
    top = source.split(".", 1)[0]
    return top if top.startswith("rooms[") else None
