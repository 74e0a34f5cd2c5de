"""A changed input in plain words for a comparison document: items by their labels, fields
by name, minutes as minutes, streams and mixes as a person writes them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from estimator_gui.i18n import N_, _, numbers
from estimator_gui.pricing.compare import ADDED, DURATION, MIX, REMOVED, STREAMS, InputDifference
from estimator_gui.quote.compare_out import shown_value

FIELD_WORDS: Mapping[str, str] = {
    "delivery": N_("audience delivery"),
    "audience_price_list": N_("audience price list"),
    "count": N_("count"),
    "seconds": N_("minutes"),
    "rooms_per_day": N_("rooms a day"),
    "tasks_per_day": N_("tasks a day"),
    "days": N_("days"),
    "receives": N_("streams received"),
    "records": N_("streams recorded"),
    "inputs": N_("streams mixed"),
    "mix": N_("resolution mix"),
    "codec": N_("codec"),
    "mode": N_("recording mode"),
    "robot": N_("robot minutes"),
    "free_minutes": N_("free minutes"),
    "discount_percent": N_("contract discount %"),
    "peak_mbps": N_("relay peak Mbps"),
    "title": N_("title"),
    "label": N_("label"),
    "publishers": N_("publishers"),
    "record": N_("room recording"),
    "mix_for_cdn": N_("room mixing for the CDN"),
}
_PART = re.compile(r"(\w+)\[(\d+)\]$")


def _item_words(path: str, base: object) -> list[str]:
    """The items a path walks through, each by its label where it has one (``Evening show``),
    else by its place (``rooms 1``, counted from 1 as a person does)."""
    words: list[str] = []
    item: object = base
    for part in path.split(".")[:-1]:
        match = _PART.match(part)
        name, index = (match.group(1), int(match.group(2))) if match else (part, None)
        found = getattr(item, name, None) if item is not None else None
        if index is not None:
            found = found[index] if isinstance(found, tuple) and index < len(found) else None
        label = getattr(found, "label", "") if found is not None else ""
        if label:
            words.append(label)
        elif index is not None:
            words.append(f"{_(FIELD_WORDS.get(name, name))} {index + 1}")
        else:
            words.append(_(FIELD_WORDS.get(name, name)))
        item = found
    return words


def _value_words(name: str, kind: str, value: object) -> str:
    if kind == DURATION and isinstance(value, Decimal):
        return _("{minutes} min").format(minutes=numbers.format_decimal(value / 60))
    if kind == MIX and isinstance(value, tuple):
        return ", ".join(
            f"{tier} {numbers.format_decimal(Decimal(share))}%" for tier, share in value
        )
    if kind == STREAMS and isinstance(value, tuple):
        return " + ".join(str(stream) for stream in value) or _("audio only")
    return shown_value(name, value)


def difference_words(difference: InputDifference, base: object) -> str:
    """One changed input in plain words, its item named by label from ``base`` (the base
    Scenario): ``Evening show / viewers: count: 20,000 -> 10,000``."""
    last = difference.path.rsplit(".", 1)[-1]
    match = _PART.match(last)
    name = match.group(1) if match else last
    where = " / ".join(_item_words(difference.path, base))
    if difference.kind in (ADDED, REMOVED):
        item = difference.other if difference.kind == ADDED else difference.base
        label = getattr(item, "label", "") or (
            f"{_(FIELD_WORDS.get(name, name))} {int(match.group(2)) + 1}"
            if match
            else _(FIELD_WORDS.get(name, name))
        )
        what = f"{where} / {label}" if where else label
        template = _("{item}: added") if difference.kind == ADDED else _("{item}: removed")
        return template.format(item=what)
    field = _(FIELD_WORDS.get(name, name))
    return _("{where}{field}: {base} -> {other}").format(
        where=f"{where}, " if where else "",
        field=field,
        base=_value_words(name, difference.kind, difference.base),
        other=_value_words(name, difference.kind, difference.other),
    )
