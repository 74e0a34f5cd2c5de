"""The assumptions of a quote in plain language: one sentence per room and task of the scenario.

"1:1 lessons: 40 rooms a day x 22 days x 45 min; 2 participants each receiving 1 x 1280x720 =
921,600 px -> HD". Every word goes through the catalogue, every number through Babel in the
quote's language; the tiers come from the rate card's own working (pricing/working.py).
"""

from __future__ import annotations

from decimal import Decimal

from estimator_gui.i18n import _, ngettext, numbers
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import (
    ROBOT_BILLED,
    ROBOT_FILES_TO_VOD,
    SECONDS_PER_MINUTE,
    Group,
    Mix,
    RecordingTask,
    Resolution,
    Room,
    Scenario,
    TranscodingTask,
)
from estimator_gui.pricing.working import AUDIO, MIX, grouped_streams, tier_working
from estimator_gui.quote.names import codec_name, service_name, tier_name


def assumptions(scenario: Scenario, card: RateCard, language: str | None = None) -> list[str]:
    """Every sentence of the scenario's assumptions, rooms first, then tasks, relay, allowances."""
    said = _Sayer(card, language)
    out: list[str] = []
    for index, room in enumerate(scenario.rooms):
        name = room.label or _("{service} #{number}").format(
            service=service_name(room.service), number=said.count(index + 1)
        )
        out.append(said.room(name, room))
        if room.record is not None:
            out.append(
                _("{room}: every session is recorded; {working}{mode}{robot}").format(
                    room=name,
                    working=said.recorded(room.record.records, room.record.mix, room.record.mode),
                    mode=said.mode(room.record.mode),
                    robot=said.recording_robot(room.record.robot),
                )
            )
        if room.mix_for_cdn is not None:
            out.append(
                _("{room}: every session is mixed for the CDN ({codec}); {working}{robot}").format(
                    room=name,
                    codec=codec_name(room.mix_for_cdn.codec),
                    working=said.working(room.mix_for_cdn.inputs, room.mix_for_cdn.mix),
                    robot=said.mixing_robot(room.mix_for_cdn.robot),
                )
            )
    for index, recording in enumerate(scenario.recording):
        out.append(said.recording(recording, index))
    for index, transcoding in enumerate(scenario.transcoding):
        out.append(said.transcoding(transcoding, index))
    relay = scenario.relay
    if relay is not None and relay.peak_mbps is not None:
        out.append(
            _("Relay to CDN: a monthly peak bandwidth of {mbps} Mbps").format(
                mbps=said.number(relay.peak_mbps)
            )
        )
    elif relay is not None and relay.minutes is not None:
        out.append(
            _("Relay to CDN: {minutes} relay minutes a month").format(
                minutes=said.number(relay.minutes)
            )
        )
    free = card.free_minutes if scenario.free_minutes is None else scenario.free_minutes
    out.append(
        _("Free minutes: {minutes} a month").format(minutes=said.count(free))
        if free
        else _("No free minutes are taken off")
    )
    if scenario.discount_percent:
        out.append(
            _("Contract discount: {percent}%, taken off the total after free minutes").format(
                percent=said.number(scenario.discount_percent)
            )
        )
    return out


class _Sayer:
    """Writes the parts of the sentences in one language with one rate card's tiers."""

    def __init__(self, card: RateCard, language: str | None) -> None:
        self._card = card
        self._language = language

    def count(self, value: int) -> str:
        return numbers.format_int(value, self._language)

    def number(self, value: Decimal) -> str:
        return numbers.format_decimal(value, None, self._language)

    def minutes(self, seconds: Decimal) -> str:
        return self.number(seconds / SECONDS_PER_MINUTE)

    def schedule(self, per_day: str, days: int, seconds: Decimal) -> str:
        return _("{per_day} x {days} x {minutes} min").format(
            per_day=per_day,
            days=ngettext("{count} day", "{count} days", days).format(count=self.count(days)),
            minutes=self.minutes(seconds),
        )

    def room(self, name: str, room: Room) -> str:
        per_day = ngettext("{count} room a day", "{count} rooms a day", room.rooms_per_day).format(
            count=self.count(room.rooms_per_day)
        )
        groups = "; ".join(self.group(group, room) for group in room.groups)
        text = _("{room}: {schedule}; {groups}").format(
            room=name, schedule=self.schedule(per_day, room.days, room.seconds), groups=groups
        )
        if room.delivery == "cdn":
            text += _("; the audience watches through a CDN")
        if room.audience_price_list == "video_live_component":
            text += _("; audience on the Video Live component price list")
        return text

    def group(self, group: Group, room: Room) -> str:
        who = self.people(group.role, group.count)
        working = tier_working(group.receives, group.mix, self._card)
        if working.kind == AUDIO:
            text = _("{who}, audio only").format(who=who)
        elif working.kind == MIX:
            text = _("{who}, {mix} of the time").format(who=who, mix=self.mix(group.mix))
        else:
            text = _("{who} each receiving {streams} -> {tier}").format(
                who=who, streams=self.streams(group.receives), tier=self.tier(working.tier)
            )
        if group.seconds is not None and group.seconds != room.seconds:
            text += _(" (staying {minutes} min)").format(minutes=self.minutes(group.seconds))
        return text

    def people(self, role: str, count: int) -> str:
        number = self.count(count)
        if role == "participant":
            return ngettext("{count} participant", "{count} participants", count).format(
                count=number
            )
        if role == "anchor":
            return ngettext("{count} anchor", "{count} anchors", count).format(count=number)
        if role == "audience":
            return ngettext("{count} audience member", "{count} audience members", count).format(
                count=number
            )
        return ngettext("{count} robot", "{count} robots", count).format(count=number)

    def streams(self, streams: tuple[Resolution, ...]) -> str:
        """``2 x 1280x720 + 1 x 640x360 = 2,073,600 px``."""
        parts = " + ".join(
            _("{count} x {width}x{height}").format(
                count=self.count(count), width=stream.width, height=stream.height
            )
            for stream, count in grouped_streams(streams)
        )
        total = sum(stream.pixels for stream in streams)
        return _("{streams} = {pixels} px").format(streams=parts, pixels=self.count(total))

    def mix(self, mix: Mix | None) -> str:
        return ", ".join(
            _("{tier} {percent}%").format(tier=self.tier(tier), percent=self.number(share))
            for tier, share in (mix or ())
            if share
        )

    def tier(self, code: str | None) -> str:
        return tier_name(code) if code is not None else _("above the last published tier")

    def working(self, streams: tuple[Resolution, ...], mix: Mix | None) -> str:
        working = tier_working(streams, mix, self._card)
        if working.kind == AUDIO:
            return _("audio only")
        if working.kind == MIX:
            return _("{mix} of the time").format(mix=self.mix(mix))
        return _("{streams} -> {tier}").format(
            streams=self.streams(streams), tier=self.tier(working.tier)
        )

    def recorded(self, streams: tuple[Resolution, ...], mix: Mix | None, mode: str) -> str:
        """What a recording takes: the aggregate's working, or each file's own tier."""
        if mode != "per_stream" or not streams:
            return self.working(streams, mix)
        return ", ".join(
            _("{width}x{height} -> {tier}").format(
                width=stream.width,
                height=stream.height,
                tier=self.tier(tier_working((stream,), None, self._card).tier),
            )
            for stream in streams
        )

    def mode(self, mode: str) -> str:
        return _(", one file per stream, each at its own tier") if mode == "per_stream" else ""

    def recording_robot(self, robot: str | None) -> str:
        if robot == ROBOT_BILLED:
            return _("; the recording robot's minutes are billed at the tier it receives")
        if robot == ROBOT_FILES_TO_VOD:
            return _("; the files go to VOD, so the robot's minutes are not billed")
        return _("; the robot's minutes are not stated and not priced")

    def mixing_robot(self, robot: str | None) -> str:
        if robot == ROBOT_BILLED:
            return _("; the mixing robot's minutes are billed at the tier it receives")
        return _("; the robot's minutes are not stated and not priced")

    def recording(self, task: RecordingTask, index: int) -> str:
        name = task.label or _("Recording #{number}").format(number=self.count(index + 1))
        per_day = ngettext(
            "{count} recording task a day", "{count} recording tasks a day", task.tasks_per_day
        ).format(count=self.count(task.tasks_per_day))
        return _("{task}: {schedule}; records {working}{mode}{robot}").format(
            task=name,
            schedule=self.schedule(per_day, task.days, task.seconds),
            working=self.recorded(task.records, task.mix, task.mode),
            mode=self.mode(task.mode),
            robot=self.recording_robot(task.robot),
        )

    def transcoding(self, task: TranscodingTask, index: int) -> str:
        name = task.label or _("Mixing #{number}").format(number=self.count(index + 1))
        per_day = ngettext(
            "{count} mixing task a day", "{count} mixing tasks a day", task.tasks_per_day
        ).format(count=self.count(task.tasks_per_day))
        return _("{task}: {schedule}; {codec}, mixes {working}{robot}").format(
            task=name,
            schedule=self.schedule(per_day, task.days, task.seconds),
            codec=codec_name(task.codec),
            working=self.working(task.inputs, task.mix),
            robot=self.mixing_robot(task.robot),
        )
