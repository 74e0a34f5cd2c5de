"""``price(scenario, rate_card) -> Breakdown``: the billing rules of trtc-billing.md, exact."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal, Inexact, localcontext

from msgspec import structs

from estimator_gui.pricing.breakdown import Breakdown, DayStretch, Line, Notice, Usage
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.expand import expand_tasks, robots_unstated
from estimator_gui.pricing.options import PriceOptions
from estimator_gui.pricing.ratecard import PRICE_LISTS, RELAY_TIER, SECTIONS, PriceList, RateCard
from estimator_gui.pricing.scenario import (
    ROBOT_BILLED,
    SECONDS_PER_MINUTE,
    TIERS,
    Mix,
    Resolution,
    Room,
    Scenario,
    aggregate_pixels,
)

HUNDRED = Decimal(100)


VALUE_ADDED = "value_added"  # the section of value-added service lines


def price(
    scenario: Scenario, rate_card: RateCard, options: PriceOptions | None = None
) -> Breakdown:
    """Price one month of ``scenario`` on ``rate_card``; refuse what has no published price.

    ``options`` adds what the scenario does not hold: the account's registration day (the relay
    list on a card that bills relay by it) and value-added services the card lists.
    """
    with localcontext() as context:
        context.prec = 80
        context.traps[Inexact] = True  # every figure here is exact, or this is a bug
        return _price(scenario, rate_card, PriceOptions() if options is None else options)


def _price(scenario: Scenario, card: RateCard, options: PriceOptions) -> Breakdown:
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
    relay_lines, notices = _relay_lines(scenario, card, options)
    lines += relay_lines
    added_lines, added_notices = _value_added_lines(options, card)
    lines += added_lines
    notices += added_notices

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
        contract_discount_eligible=card.contract_reached(subtotal),
        notices=_notices(scenario, lines, notices),
        rounding_period=card.rounding_period,
        free_minutes_period=card.free_period,
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
            billed = not (room.audience_on_cdn and group.role == "audience")
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
                    days=room.days,
                )


def _duration_price_list(room: Room, role: str) -> str:
    if room.audience_price_list == "video_live_component" and role == "audience":
        return "video_live_component"
    return "standard"


def _task_usages(scenario: Scenario, card: RateCard) -> Iterator[Usage]:
    """Recording and mixing tasks, free-standing and following rooms (``expand_tasks``): each
    task's time at the tier of what it records or mixes, and a robot's duration where stated."""
    for run in expand_tasks(scenario):
        total = run.tasks_per_day * run.days * run.seconds
        for tier, share, pixels in _tiered(card, run.streams, run.mix, run.field):
            yield Usage(
                run.source,
                run.section,
                run.service,
                run.label,
                run.role,
                run.price_list,
                tier,
                pixels,
                share,
                run.tasks_per_day,
                total * share / HUNDRED,
                days=run.days,
            )


def _ceil_minutes(seconds: Decimal) -> Decimal:
    """Seconds summed over the card's period, rounded up to whole minutes (59 s -> 1, 61 s -> 2)."""
    minutes, rest = divmod(seconds, SECONDS_PER_MINUTE)
    return minutes + (1 if rest > 0 else 0)


def _billed(group: list[Usage], period: str) -> tuple[Decimal, Decimal, tuple[DayStretch, ...]]:
    """The exact seconds of a category, its billed minutes and, by day, the working.

    ``month``: the month's seconds rounded up once. ``day``: every source runs on days 1..N of
    the month (N its own days), so day d holds the sources of d days or more; each day's seconds
    are rounded up on their own and the days are added up: 30 s a day for 30 days bills 30
    minutes, where the month's 900 s bill 15.
    """
    seconds = sum((usage.seconds for usage in group), Decimal(0))
    if period == "month":
        return seconds, _ceil_minutes(seconds), ()
    stretches = []
    first = 1
    for last in sorted({usage.days for usage in group}):
        day_seconds = sum(
            (usage.seconds_per_day for usage in group if usage.days >= last), Decimal(0)
        )
        stretches.append(DayStretch(first, last, day_seconds, _ceil_minutes(day_seconds)))
        first = last + 1
    quantity = sum((stretch.minutes * stretch.days for stretch in stretches), Decimal(0))
    return seconds, quantity, tuple(stretches)


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
                seconds, quantity, days = _billed(group, card.rounding_period)
                price_list = card.price_list(section, name)
                line = _line(price_list, tier, seconds, quantity, group)
                lines.append(structs.replace(line, days=days) if days else line)
    return lines


def _take_free_minutes(lines: list[Line], allowance: int, card: RateCard) -> tuple[list[Line], int]:
    """Deduct the free minutes in the card's category order, at the card's weights, from the
    month's minutes or day by day as the card says; a line never goes below zero."""

    def weight(line: Line) -> Decimal | None:
        if line.category not in card.free_order:
            return None
        return Decimal(card.free_weight(line.category))

    taken, used = deduct(lines, Decimal(allowance), card.free_order, weight, card.free_period)
    priced = []
    for index, line in enumerate(lines):
        free = taken.get(index, 0)
        if free:
            net = (line.quantity - free) * line.price_per_unit
            line = structs.replace(
                line, free_minutes=free, net=net, free_weight=card.free_weight(line.category)
            )
        priced.append(line)
    return priced, int(used)


def deduct(
    lines: list[Line],
    allowance: Decimal,
    order: tuple[str, ...],
    weight: Callable[[Line], Decimal | None],
    period: str,
    already: dict[int, int] | None = None,
) -> tuple[dict[int, int], Decimal]:
    """Billed minutes an allowance covers, per line index, and the allowance used.

    Categories (``section.tier``) are taken in ``order``; one billed minute of a line uses
    ``weight(line)`` minutes of the allowance (None: the line is not covered). Only whole billed
    minutes are covered: 3 minutes left never cover part of a minute weighing 4, and stay for a
    lighter category later in the order. ``day``: each day's minutes are taken in turn, day 1
    first (lines without per-day working count as one step); ``month``: the month's minutes.
    ``already`` are minutes of each line covered before (the free minutes, ahead of a package).
    """
    before = already or {}
    steps: list[dict[int, int]] = []
    if period == "day":
        last_day = max((s.last_day for line in lines for s in line.days), default=0)
        for day in range(1, last_day + 1):
            steps.append(
                {
                    index: int(stretch.minutes)
                    for index, line in enumerate(lines)
                    for stretch in line.days
                    if stretch.first_day <= day <= stretch.last_day
                }
            )
        steps.append(
            {index: int(line.quantity) for index, line in enumerate(lines) if not line.days}
        )
    else:
        steps.append({index: int(line.quantity) for index, line in enumerate(lines)})
    if before:
        steps = _after(steps, before)
    remaining = allowance
    taken: dict[int, int] = {}
    for step in steps:
        for category in order:
            for index, line in enumerate(lines):
                if line.category != category or index not in step:
                    continue
                cost = weight(line)
                if cost is None or remaining < cost:
                    continue
                take = min(step[index], int(remaining // cost))
                if take:
                    taken[index] = taken.get(index, 0) + take
                    remaining -= take * cost
    return taken, allowance - remaining


def _after(steps: list[dict[int, int]], before: dict[int, int]) -> list[dict[int, int]]:
    """The steps' minutes less the minutes already covered, taken from the earliest steps."""
    left = dict(before)
    result = []
    for step in steps:
        rest = {}
        for index, minutes in step.items():
            gone = min(minutes, left.get(index, 0))
            left[index] = left.get(index, 0) - gone
            if minutes - gone:
                rest[index] = minutes - gone
        result.append(rest)
    return result


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


def _relay_lines(
    scenario: Scenario, card: RateCard, options: PriceOptions
) -> tuple[list[Line], list[Notice]]:
    """The relay line of the scenario's mode; on a card that bills relay by the account's
    registration day, a mode that day does not allow is refused, and an unknown day is said."""
    relay = scenario.relay
    if relay is None:
        return [], []
    if relay.peak_mbps is not None and relay.peak_mbps > 0:
        mode, key, quantity, seconds = "bandwidth", "peak_mbps", relay.peak_mbps, Decimal(0)
    elif relay.minutes is not None and relay.minutes > 0:
        seconds = relay.minutes * SECONDS_PER_MINUTE
        mode, key, quantity = "duration", "minutes", _ceil_minutes(seconds)
    else:
        return [], []
    notices = []
    rule = card.relay
    if rule.rule == "by_registration_date":
        assert rule.registered_before is not None
        cutoff = rule.registered_before.isoformat()
        if options.registered is None:
            notices.append(
                Notice(
                    "relay_list_by_registration",
                    "relay",
                    (("list", mode), ("registered_before", cutoff)),
                )
            )
        elif rule.list_for(options.registered) != mode:
            wanted = rule.list_for(options.registered)
            when = "before" if wanted == rule.before else "on or after"
            other = "peak_mbps" if wanted == "bandwidth" else "minutes"
            raise InputError(
                f"relay.{key}",
                quantity if key == "peak_mbps" else relay.minutes,
                f"prices relay by {mode}, and rate card {card.id} bills an account registered "
                f"{when} {cutoff} (this one: {options.registered.isoformat()}) by {wanted}: "
                f"give relay.{other}",
                code="relay_list_by_registration",
                limit=cutoff,
            )
    price_list = card.price_list("relay", mode)
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
    return [_line(price_list, RELAY_TIER, seconds, quantity, [usage])], notices


def _value_added_lines(options: PriceOptions, card: RateCard) -> tuple[list[Line], list[Notice]]:
    """One line per value-added service and option used, rounded as the card rounds durations."""
    groups: dict[tuple[str, str], list[Usage]] = {}
    notices = []
    for index, use in enumerate(options.value_added):
        where = f"value_added[{index}]"
        entry = card.value_added_service(use.service)
        if entry is None:
            listed = ", ".join(s.id for s in card.value_added) or "none"
            raise InputError(
                f"{where}.service",
                use.service,
                f"is not a value-added service of rate card {card.id} (it lists: {listed})",
                code="unknown_service",
            )
        options_listed = [option for option, _ in entry.prices]
        if use.option not in options_listed:
            raise InputError(
                f"{where}.option",
                use.option,
                f"is not an option of {use.service}: " + ", ".join(options_listed),
                code="unknown_choice",
                limit=tuple(options_listed),
            )
        if use.languages != 1 and not entry.per_language:
            raise InputError(
                f"{where}.languages",
                use.languages,
                f"applies only to a service billed per output language; {use.service} is not",
                code="not_applicable",
            )
        if entry.requires:
            notices.append(
                Notice(
                    "value_added_requires",
                    where,
                    (("service", use.service), ("requires", entry.requires)),
                )
            )
        groups.setdefault((use.service, use.option), []).append(
            Usage(
                source=where,
                section=VALUE_ADDED,
                service=use.service,
                label=use.label,
                role="",
                price_list=use.service,
                tier=use.option,
                pixels=None,
                share=HUNDRED,
                users=use.tasks_per_day,
                seconds=use.tasks_per_day * use.days * use.seconds * use.languages,
                days=use.days,
            )
        )
    lines = []
    for entry in card.value_added:
        for option, unit_price in entry.prices:
            group = [u for u in groups.get((entry.id, option), []) if u.seconds > 0]
            if not group:
                continue
            seconds, quantity, days = _billed(group, card.rounding_period)
            gross = quantity * unit_price / entry.divisor
            lines.append(
                Line(
                    section=VALUE_ADDED,
                    price_list=entry.id,
                    tier=option,
                    seconds=seconds,
                    quantity=quantity,
                    per=entry.per,
                    unit_price=unit_price,
                    gross=gross,
                    free_minutes=0,
                    net=gross,
                    usages=tuple(group),
                    days=days,
                )
            )
    return lines, notices


def _notices(scenario: Scenario, lines: list[Line], rules: list[Notice]) -> tuple[Notice, ...]:
    notices = []
    mixing_listed = bool(scenario.transcoding) or any(
        room.mix_for_cdn is not None for room in scenario.rooms
    )
    for r, room in enumerate(scenario.rooms):
        audience = sum(g.count for g in room.groups if g.role == "audience")
        anchors = sum(g.count for g in room.groups if g.role == "anchor")
        if room.audience_on_cdn and audience:
            notices.append(
                Notice("cdn_audience_not_trtc", f"rooms[{r}]", (("viewers", str(audience)),))
            )
            if scenario.relay is None:
                notices.append(Notice("relay_not_listed", f"rooms[{r}]"))
        if room.audience_price_list == "video_live_component" and anchors > 1 and not mixing_listed:
            notices.append(
                Notice("component_mixing_not_listed", f"rooms[{r}]", (("anchors", str(anchors)),))
            )
        robot_groups = any(g.role == "robot" for g in room.groups)
        billed = [
            name
            for name, task in (("record", room.record), ("mix_for_cdn", room.mix_for_cdn))
            if task is not None and task.robot == ROBOT_BILLED
        ]
        if robot_groups and billed:
            # The room's own tasks bill their robots; a robot group of the room may be the
            # same robot counted a second time.
            notices.append(
                Notice("robot_listed_twice", f"rooms[{r}]", (("tasks", ", ".join(billed)),))
            )
    single = [
        (f"transcoding[{t}]", task.inputs, task.mix) for t, task in enumerate(scenario.transcoding)
    ]
    single += [
        (f"rooms[{r}].mix_for_cdn", room.mix_for_cdn.inputs, room.mix_for_cdn.mix)
        for r, room in enumerate(scenario.rooms)
        if room.mix_for_cdn is not None
    ]
    for where, inputs, mix in single:
        if mix is None and len(inputs) == 1:
            # "A single anchor with nothing to mix incurs no transcoding fee" (647/47631): the
            # task is priced as listed, and the customer is told it may cost nothing.
            notices.append(Notice("single_input_transcoding", where))
    robots = any(g.role == "robot" for room in scenario.rooms for g in room.groups)
    if robots_unstated(scenario) and not robots:
        # A task that does not state its robot (every file written before the choice existed)
        # prices without one, as it always did, and says so.
        notices.append(Notice("robot_duration_not_listed", "rooms"))
    notices += rules  # what the card's own rules leave open (the relay list, a required package)
    if not lines:
        notices.append(Notice("nothing_billed"))
    return tuple(notices)
