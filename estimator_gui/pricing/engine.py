"""``price(scenario, rate_card) -> Breakdown``: the billing rules of trtc-billing.md, exact."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal, Inexact, localcontext

from estimator_gui.pricing.breakdown import Breakdown, Line, Notice, Usage
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.ratecard import PRICE_LISTS, RELAY_TIER, SECTIONS, PriceList, RateCard
from estimator_gui.pricing.scenario import (
    SECONDS_PER_MINUTE,
    TIERS,
    Mix,
    Resolution,
    Room,
    Scenario,
    aggregate_pixels,
)

HUNDRED = Decimal(100)


def price(scenario: Scenario, rate_card: RateCard) -> Breakdown:
    """Price one month of ``scenario`` on ``rate_card``; refuse what has no published price."""
    with localcontext() as context:
        context.prec = 80
        context.traps[Inexact] = True  # every figure here is exact, or this is a bug
        return _price(scenario, rate_card)


def _price(scenario: Scenario, card: RateCard) -> Breakdown:
    allowance = card.free_minutes if scenario.free_minutes is None else scenario.free_minutes
    if allowance > card.free_minutes:
        raise InputError(
            "free_minutes",
            allowance,
            f"is above the {card.free_minutes:,} free minutes a month of rate card {card.id}",
            code="too_large",
            limit=card.free_minutes,
        )
    usages = [*_room_usages(scenario, card), *_task_usages(scenario, card)]
    lines = _lines(usages, card)
    lines, free_used = _take_free_minutes(lines, allowance, card)
    lines += _relay_lines(scenario, card)

    gross = sum((line.gross for line in lines), Decimal(0))
    subtotal = sum((line.net for line in lines), Decimal(0))
    discount = subtotal * scenario.discount_percent / HUNDRED
    return Breakdown(
        currency=card.currency,
        rate_card_id=card.id,
        rate_card_title=card.title,
        rate_card_effective=card.effective,
        lines=tuple(lines),
        usages=tuple(usages),
        gross=gross,
        free_minutes_allowance=allowance,
        free_minutes_used=free_used,
        free_amount=gross - subtotal,
        subtotal=subtotal,
        discount_percent=scenario.discount_percent,
        discount=discount,
        total=subtotal - discount,
        contract_threshold=card.contract_threshold,
        contract_discount_eligible=subtotal >= card.contract_threshold,
        notices=_notices(scenario, lines),
    )


def _tiered(
    card: RateCard, streams: tuple[Resolution, ...], mix: Mix | None, field: str
) -> Iterator[tuple[str, Decimal, int | None]]:
    """(tier, share in percent, aggregate pixels) of a group or task's time."""
    if mix is not None:
        for tier, share in mix:
            if share:
                yield tier, share, None
        return
    pixels = aggregate_pixels(streams)
    found = card.tier_for(pixels)
    if found is None:
        raise InputError(
            field,
            f"{pixels:,} px",
            f"is above {card.max_pixels:,} px, the top of the 4K tier of "
            f"rate card {card.id}; no price is published above it",
            code="above_top_tier",
            limit=card.max_pixels,
        )
    yield found, HUNDRED, pixels


def _room_usages(scenario: Scenario, card: RateCard) -> Iterator[Usage]:
    for r, room in enumerate(scenario.rooms):
        for g, group in enumerate(room.groups):
            source = f"rooms[{r}].groups[{g}]"
            seconds = room.seconds if group.seconds is None else group.seconds
            users = room.rooms_per_day * group.count
            total = users * room.days * seconds
            billed = not (room.is_live and room.delivery == "cdn" and group.role == "audience")
            price_list = _duration_price_list(room, group.role)
            field = f"{source}.{'mix' if group.mix is not None else 'receives'}"
            for tier, share, pixels in _tiered(card, group.receives, group.mix, field):
                yield Usage(
                    source=source,
                    section="duration",
                    service=room.service,
                    label=room.label,
                    role=group.role,
                    price_list=price_list,
                    tier=tier,
                    pixels=pixels,
                    share=share,
                    users=users,
                    seconds=total * share / HUNDRED,
                    billed=billed,
                )


def _duration_price_list(room: Room, role: str) -> str:
    if room.audience_price_list == "video_live_component" and role == "audience":
        return "video_live_component"
    return "standard"


def _task_usages(scenario: Scenario, card: RateCard) -> Iterator[Usage]:
    """Recording and mixing tasks: each task's time at the tier of what it records or mixes."""
    tasks = [
        ("recording", t, task, "records", task.records, "standard")
        for t, task in enumerate(scenario.recording)
    ] + [
        ("transcoding", t, task, "inputs", task.inputs, task.codec)
        for t, task in enumerate(scenario.transcoding)
    ]
    for section, t, task, streams_key, streams, price_list in tasks:
        source = f"{section}[{t}]"
        field = f"{source}.{'mix' if task.mix is not None else streams_key}"
        total = task.tasks_per_day * task.days * task.seconds
        for tier, share, pixels in _tiered(card, streams, task.mix, field):
            yield Usage(
                source,
                section,
                section,
                task.label,
                "",
                price_list,
                tier,
                pixels,
                share,
                task.tasks_per_day,
                total * share / HUNDRED,
            )


def _ceil_minutes(seconds: Decimal) -> Decimal:
    """Seconds summed over the month, rounded up to whole minutes (59 s -> 1, 61 s -> 2)."""
    minutes, rest = divmod(seconds, SECONDS_PER_MINUTE)
    return minutes + (1 if rest > 0 else 0)


def _lines(usages: list[Usage], card: RateCard) -> list[Line]:
    """One line per category with billed time, in the card's order of sections, lists and tiers."""
    sums: dict[tuple[str, str, str], list[Usage]] = {}
    for usage in usages:
        if usage.billed and usage.seconds > 0:
            sums.setdefault((usage.section, usage.price_list, usage.tier), []).append(usage)
    lines = []
    for section in SECTIONS:
        for name in PRICE_LISTS[section]:
            for tier in TIERS:
                group = sums.get((section, name, tier))
                if not group:
                    continue
                seconds = sum((u.seconds for u in group), Decimal(0))
                price_list = card.price_list(section, name)
                lines.append(_line(price_list, tier, seconds, _ceil_minutes(seconds), group))
    return lines


def _take_free_minutes(lines: list[Line], allowance: int, card: RateCard) -> tuple[list[Line], int]:
    """Deduct the free minutes 1:1 in the card's category order; a line never goes below zero."""
    remaining = allowance
    taken: dict[int, int] = {}
    for category in card.free_order:
        for index, line in enumerate(lines):
            if remaining == 0:
                break
            if line.category == category:
                take = min(remaining, int(line.quantity))
                taken[index] = take
                remaining -= take
    priced = []
    for index, line in enumerate(lines):
        free = taken.get(index, 0)
        if free:
            net = (line.quantity - free) * line.price_per_unit
            line = dataclasses.replace(line, free_minutes=free, net=net)
        priced.append(line)
    return priced, allowance - remaining


def _line(
    price_list: PriceList, tier: str, seconds: Decimal, quantity: Decimal, usages: list[Usage]
) -> Line:
    """A line before free minutes: the billed quantity at the list's price."""
    unit_price = price_list.price(tier)
    gross = quantity * unit_price / price_list.divisor
    return Line(
        section=price_list.section,
        price_list=price_list.name,
        tier=tier,
        seconds=seconds,
        quantity=quantity,
        per=price_list.per,
        unit_price=unit_price,
        gross=gross,
        free_minutes=0,
        net=gross,
        usages=tuple(usages),
    )


def _relay_lines(scenario: Scenario, card: RateCard) -> list[Line]:
    relay = scenario.relay
    if relay is None:
        return []
    if relay.peak_mbps is not None and relay.peak_mbps > 0:
        price_list = card.price_list("relay", "bandwidth")
        quantity = relay.peak_mbps
        seconds = Decimal(0)
    elif relay.minutes is not None and relay.minutes > 0:
        price_list = card.price_list("relay", "duration")
        seconds = relay.minutes * SECONDS_PER_MINUTE
        quantity = _ceil_minutes(seconds)
    else:
        return []
    usage = Usage(
        source="relay",
        section="relay",
        service="relay",
        label="",
        role="",
        price_list=price_list.name,
        tier=RELAY_TIER,
        pixels=None,
        share=HUNDRED,
        users=0,
        seconds=seconds,
    )
    return [_line(price_list, RELAY_TIER, seconds, quantity, [usage])]


def _notices(scenario: Scenario, lines: list[Line]) -> tuple[Notice, ...]:
    notices = []
    for r, room in enumerate(scenario.rooms):
        audience = sum(g.count for g in room.groups if g.role == "audience")
        anchors = sum(g.count for g in room.groups if g.role == "anchor")
        if room.is_live and room.delivery == "cdn" and audience:
            notices.append(
                Notice("cdn_audience_not_trtc", f"rooms[{r}]", (("viewers", str(audience)),))
            )
            if scenario.relay is None:
                notices.append(Notice("relay_not_listed", f"rooms[{r}]"))
        if (
            room.audience_price_list == "video_live_component"
            and anchors > 1
            and not scenario.transcoding
        ):
            notices.append(
                Notice("component_mixing_not_listed", f"rooms[{r}]", (("anchors", str(anchors)),))
            )
    for t, mixing in enumerate(scenario.transcoding):
        if mixing.mix is None and len(mixing.inputs) == 1:
            # "A single anchor with nothing to mix incurs no transcoding fee" (647/47631): the
            # task is priced as listed, and the customer is told it may cost nothing.
            notices.append(Notice("single_input_transcoding", f"transcoding[{t}]"))
    robots = any(g.role == "robot" for room in scenario.rooms for g in room.groups)
    if (scenario.recording or scenario.transcoding) and not robots:
        notices.append(Notice("robot_duration_not_listed", "rooms"))
    if not lines:
        notices.append(Notice("nothing_billed"))
    return tuple(notices)
