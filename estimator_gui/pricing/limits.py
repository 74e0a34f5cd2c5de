"""Service limits from the product brief (000_49abdbad03e4d979.txt; trtc-billing.md section 7)."""

from __future__ import annotations

CALL_ROOM_USERS = 300  # audio and video call: users in one room at once
CALL_PUBLISHERS = 50  # microphones (audio call) or cameras (video call) on at once
LIVE_CO_ANCHORS = 50  # interactive live streaming: co-anchors at once
LOW_LATENCY_AUDIENCE = 100_000  # low-latency live audience per room; Relay-to-CDN has no cap
MAX_AGGREGATE_PIXELS = 8_847_360  # top of the 4K tier: no price is published above it

# Bounds of the scenario form itself (not TRTC's): they keep every figure a person can mean and
# refuse typing slips and hostile files before they reach the arithmetic.
DAYS_MIN, DAYS_MAX = 1, 31
SESSION_MINUTES_MAX = 1440  # one session lasts at most a day
ROOMS_PER_DAY_MAX = 1_000_000
TASKS_PER_DAY_MAX = 1_000_000
GROUP_COUNT_MAX = 10_000_000  # CDN audience is uncapped by TRTC; this only stops absurd input
# Streams one user receives at once: nobody sees more cameras than a room has on (50 in a call)
# or more co-anchors than a live room holds (50). Recording and mixing tasks take the same bound.
STREAMS_MAX = 50
RESOLUTION_SIDE_MAX = 8192
RELAY_MBPS_MAX = 1_000_000
RELAY_MINUTES_MAX = 10_000_000_000
DISCOUNT_PERCENT_MAX = 100
FRACTION_DIGITS_MAX = 6  # decimals accepted in any number; keeps the arithmetic exact
TEXT_MAX = 200  # characters in a title or label
ROOMS_MAX = 1000  # rooms, recording or transcoding entries in one scenario
GROUPS_MAX = 100  # groups in one room
