"""The scenario object of ``trtc-estimate/1`` written back: exact decimals, no float."""

from __future__ import annotations

from decimal import Decimal, Inexact, localcontext
from typing import Any

from estimator_gui.files.scenario_read import FORMAT
from estimator_gui.pricing import limits
from estimator_gui.pricing.options import PriceOptions
from estimator_gui.pricing.scenario import SECONDS_PER_MINUTE, Mix, Resolution, Room, Scenario


def scenario_to_data(scenario: Scenario) -> dict[str, Any]:
    """The JSON object of a scenario: whole numbers as numbers, other decimals as exact strings."""
    data: dict[str, Any] = {"format": FORMAT, "title": scenario.title}
    if scenario.free_minutes is not None:
        data["free_minutes"] = scenario.free_minutes
    data["discount_percent"] = _plain(scenario.discount_percent)
    data["rooms"] = [_room_data(room) for room in scenario.rooms]
    data["recording"] = [
        {
            "label": t.label,
            "tasks_per_day": t.tasks_per_day,
            "days": t.days,
            **_duration(t.seconds),
            **_streams_data("records", t.records, t.mix),
            **({"mode": t.mode} if t.mode != "mixed" else {}),
            **({"robot": t.robot} if t.robot is not None else {}),
        }
        for t in scenario.recording
    ]
    data["transcoding"] = [
        {
            "label": t.label,
            "tasks_per_day": t.tasks_per_day,
            "days": t.days,
            **_duration(t.seconds),
            "codec": t.codec,
            **_streams_data("inputs", t.inputs, t.mix),
            **({"robot": t.robot} if t.robot is not None else {}),
        }
        for t in scenario.transcoding
    ]
    if scenario.relay is not None:
        relay = scenario.relay
        data["relay"] = (
            {"peak_mbps": _plain(relay.peak_mbps)}
            if relay.peak_mbps is not None
            else {"minutes": _plain(relay.minutes)}
            if relay.minutes is not None
            else {}
        )
    return data


def _room_data(room: Room) -> dict[str, Any]:
    data: dict[str, Any] = {
        "service": room.service,
        "label": room.label,
        "rooms_per_day": room.rooms_per_day,
        "days": room.days,
        **_duration(room.seconds),
    }
    if room.service == "live_video":
        data["audience_price_list"] = room.audience_price_list
    if room.is_live:
        data["delivery"] = room.delivery
    if room.publishers is not None:
        data["publishers"] = room.publishers
    data["groups"] = []
    for group in room.groups:
        item: dict[str, Any] = {"role": group.role, "count": group.count}
        if group.label:
            item["label"] = group.label
        if group.seconds is not None:
            item.update(_duration(group.seconds))
        item.update(_streams_data("receives", group.receives, group.mix))
        data["groups"].append(item)
    if room.record is not None:
        record = room.record
        data["record"] = {
            "mode": record.mode,
            **_streams_data("records", record.records, record.mix),
            "robot": record.robot,  # always written: the choice is explicit in the file
        }
    if room.mix_for_cdn is not None:
        mixing = room.mix_for_cdn
        data["mix_for_cdn"] = {
            "codec": mixing.codec,
            **_streams_data("inputs", mixing.inputs, mixing.mix),
            "robot": mixing.robot,  # null: not stated
        }
    return data


def _streams_data(key: str, streams: tuple[Resolution, ...], mix: Mix | None) -> dict[str, Any]:
    if mix is not None:
        return {"mix": {tier: _plain(share) for tier, share in mix}}
    return {key: [str(s) for s in streams]}


def _duration(seconds: Decimal) -> dict[str, Any]:
    """``minutes`` where seconds divide into an exact decimal of minutes, else ``seconds``."""
    with localcontext() as context:
        context.traps[Inexact] = True
        try:
            minutes = seconds / SECONDS_PER_MINUTE
        except Inexact:
            return {"seconds": _plain(seconds)}
    exponent = minutes.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > limits.FRACTION_DIGITS_MAX:
        return {"seconds": _plain(seconds)}  # 0.000006 s: minutes would need 7 decimals
    return {"minutes": _plain(minutes)}


def _plain(value: Decimal | None) -> int | str:
    """A whole decimal as a JSON number; any other as an exact string (never a float)."""
    assert value is not None
    if value == value.to_integral_value():
        return int(value)
    return format(value.normalize(), "f")


def options_to_data(options: PriceOptions) -> dict[str, Any]:
    """The top-level fields of the price options that are set (none for the defaults)."""
    data: dict[str, Any] = {}
    if options.registered is not None:
        data["account_registered"] = options.registered.isoformat()
    if options.value_added:
        data["value_added"] = [
            {
                "service": use.service,
                "option": use.option,
                **({"label": use.label} if use.label else {}),
                "tasks_per_day": use.tasks_per_day,
                "days": use.days,
                **_duration(use.seconds),
                **({"languages": use.languages} if use.languages != 1 else {}),
            }
            for use in options.value_added
        ]
    return data
