"""The priced result: every line with its working, the totals and the notices, all exact."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from msgspec import Struct

CENT = Decimal("0.01")
PER_THOUSAND_MINUTES = "1000 minutes"


def round_money(value: Decimal) -> Decimal:
    """The one place money is rounded: to the cent, half up, for display and documents only."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class Usage(Struct, frozen=True):
    """One source of billed time: a group of a room, a recording or mixing task, or relay."""

    source: str  # where it comes from in the scenario, such as "rooms[0].groups[1]"
    section: str  # duration, recording, transcoding, relay
    service: str  # audio_call, video_call, live_audio, live_video, recording, transcoding, relay
    label: str
    role: str  # participant, anchor, audience, robot; "" for tasks
    price_list: str
    tier: str
    pixels: int | None  # aggregate resolution, None where a mix gives the tier
    share: Decimal  # percent of the source's time spent in this tier (100 without a mix)
    users: int  # users (or tasks) a day the time is multiplied by
    seconds: Decimal
    billed: bool = True  # False: Relay-to-CDN audience, billed by the CDN and not by TRTC
    # Days of the month the source runs (days 1..N of the month, the same days for every source);
    # 0 where the time is given for the month only (relay minutes).
    days: int = 0

    @property
    def seconds_per_day(self) -> Decimal:
        """The source's seconds on each day it runs (the month's seconds where ``days`` is 0)."""
        return self.seconds / self.days if self.days else self.seconds


class DayStretch(Struct, frozen=True):
    """Days ``first_day..last_day`` with the same use: each day's exact seconds of a category
    and the whole minutes they round up to on their own (rounding per day)."""

    first_day: int
    last_day: int
    seconds: Decimal  # one day's exact seconds of the category
    minutes: Decimal  # one day's billed minutes: the seconds rounded up

    @property
    def days(self) -> int:
        return self.last_day - self.first_day + 1


class Line(Struct, frozen=True):
    """One billing category of the month: section + price list + tier, rounded up to a minute."""

    section: str
    price_list: str
    tier: str
    seconds: Decimal  # exact sum of the usages, before rounding
    quantity: Decimal  # billed minutes (rounded up), or Mbps for relay bandwidth
    per: str  # what unit_price is for: "1000 minutes" or "Mbps"
    unit_price: Decimal
    gross: Decimal
    free_minutes: int
    net: Decimal
    usages: tuple[Usage, ...]
    # The per-day working where the card rounds per day: quantity = sum of minutes x days.
    days: tuple[DayStretch, ...] = ()
    free_weight: int = 1  # free minutes one billed minute of this line uses

    @property
    def free_minutes_taken(self) -> int:
        """Free minutes of the allowance this line used: its covered minutes x its weight."""
        return self.free_minutes * self.free_weight

    @property
    def category(self) -> str:
        return f"{self.section}.{self.tier}"

    @property
    def price_per_unit(self) -> Decimal:
        """The price of one billed minute (or one Mbps): exact, as the list is per 1,000 min."""
        return self.unit_price / (1000 if self.per == PER_THOUSAND_MINUTES else 1)

    @property
    def minutes(self) -> Decimal | None:
        """Billed minutes; None for a line billed by bandwidth."""
        return None if self.per == "Mbps" else self.quantity

    @property
    def services(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for usage in self.usages:
            seen.setdefault(usage.service)
        return tuple(seen)


class Notice(Struct, frozen=True):
    """Something the customer should know about the estimate; a code and values, no sentence."""

    code: str
    field: str = ""
    values: tuple[tuple[str, str], ...] = ()


class Breakdown(Struct, frozen=True):
    currency: str
    rate_card_id: str
    rate_card_title: str
    rate_card_effective: str
    lines: tuple[Line, ...]
    usages: tuple[Usage, ...]  # every usage, the unbilled ones (CDN audience) included
    gross: Decimal  # before free minutes and discount
    free_minutes_allowance: int
    free_minutes_used: int
    free_amount: Decimal  # what the free minutes took off
    subtotal: Decimal  # after free minutes, before the discount
    discount_percent: Decimal
    discount: Decimal
    total: Decimal  # what the customer pays
    contract_threshold: Decimal
    contract_discount_eligible: bool
    notices: tuple[Notice, ...]
    rounding_period: str = "month"  # "day": each line's minutes are rounded day by day
    free_minutes_period: str = "month"  # "day": the free minutes are taken day by day
