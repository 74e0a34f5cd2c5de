"""The names of the core's codes and the wording of its refusals, through a real gettext catalogue.

A small catalogue is written with Babel into a temporary folder and read by i18n.set_language, so
these tests prove the lookup, the change of language at run time and the placeholders for real,
whatever the shipped catalogues hold today.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from estimator_gui import i18n
from estimator_gui.pricing.breakdown import Notice
from estimator_gui.pricing.errors import InputError
from estimator_gui.quote import names
from estimator_gui.quote.notices import NOTICE_TEXT, notice_text

KOREAN = {
    "Video call": "영상 통화",
    "Audio/video duration": "오디오/비디오 시간",
    "Standard": "표준",
    "FHD": "FHD",
    "Anchor": "앵커",
    "Relay to CDN (no audience cap)": "CDN으로 릴레이 (시청자 제한 없음)",
    "Video Live component (cheaper audience)": "Video Live 컴포넌트 (저렴한 시청자)",
    "H.265": "H.265",
    "Per minute": "분당",
    "A call room holds at most {limit} users at once; interactive live streaming takes more.": (
        "통화 방에는 한 번에 최대 {limit}명이 있을 수 있습니다. 인터랙티브 라이브는 더 받습니다."
    ),
    "A recording task records at most {limit} streams together.": (
        "녹화 작업은 최대 {limit}개 스트림을 함께 녹화합니다."
    ),
    "{value} is not a resolution; write WIDTHxHEIGHT, such as 1280x720.": (
        "{value}은(는) 해상도가 아닙니다. 1280x720처럼 너비x높이로 쓰십시오."
    ),
    # A broken entry: names a placeholder the source does not have.
    "A live room holds at most {limit} co-anchors at once.": "라이브 방의 공동 앵커는 {maximum}명",
    "Nothing in this estimate is billed yet.": "이 견적에는 아직 청구되는 항목이 없습니다.",
    "{viewers} viewers are relayed to a CDN: they are not TRTC duration and the CDN bills them, "
    "outside this estimate.": "시청자 {viewers}명은 CDN으로 릴레이됩니다(이 견적 밖).",
}


def write_catalogue(folder: Path, code: str, messages: dict[str, str]) -> Path:
    """``messages`` as a .po source compiled to the .mo the app reads, the way make catalogs
    does (Babel reads the .po and writes the .mo)."""
    catalog = Catalog(locale=code, domain=i18n.DOMAIN)
    for source, text in messages.items():
        catalog.add(source, text)
    po, mo = folder / f"{code}.po", folder / f"{code}.mo"
    with po.open("wb") as stream:
        write_po(stream, catalog)
    with po.open("rb") as stream:
        compiled = read_po(stream, locale=code, domain=i18n.DOMAIN)
    with mo.open("wb") as stream:
        write_mo(stream, compiled)
    return mo


@pytest.fixture
def korean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The test catalogue as Korean's; English again afterwards."""
    mo = write_catalogue(tmp_path, "ko", KOREAN)
    monkeypatch.setattr(i18n, "catalogue_path", lambda code: mo)
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


def grouped(value: int) -> str:
    return f"{value:,}"


def test_names_are_the_english_sources_without_a_catalogue() -> None:
    """English needs no catalogue: each name is its table's source text; an unknown code is
    shown as it is rather than lost."""
    i18n.set_language("en")
    assert names.service_name("video_call") == "Video call"
    assert names.section_name("duration") == "Audio/video duration"
    assert names.tier_name("standard") == "Per minute"
    assert names.role_name("robot") == "Robot (recording or mixing)"
    assert names.service_name("hologram_call") == "hologram_call"


def test_names_follow_the_language_chosen_at_run_time(korean: None) -> None:
    """The tables hold source texts only: a name is translated when asked for, so switching
    back to English shows English at once."""
    assert names.service_name("video_call") == "영상 통화"
    assert names.section_name("duration") == "오디오/비디오 시간"
    assert names.price_list_name("standard") == "표준"
    assert names.tier_name("standard") == "분당"
    assert names.role_name("anchor") == "앵커"
    assert names.delivery_name("cdn") == "CDN으로 릴레이 (시청자 제한 없음)"
    assert names.audience_price_list_name("video_live_component") == (
        "Video Live 컴포넌트 (저렴한 시청자)"
    )
    # Not in this catalogue: the English source, not the code.
    assert names.service_name("live_audio") == "Live audio"
    i18n.set_language("en")
    assert names.service_name("video_call") == "Video call"
    assert names.codec_name("h265") == "H.265"


def _placeholders(text: str) -> set[str]:
    return {field for _lit, field, _spec, _conv in string.Formatter().parse(text) if field}


def test_every_refusal_wording_uses_only_limit_and_value() -> None:
    """The wordings carry {limit} and {value}, never Qt's %1/%2, which gettext would not fill."""
    wordings = [*names.REFUSALS.values(), *names.FIELD_REFUSALS.values()]
    assert all("%1" not in w and "%2" not in w for w in wordings)
    assert all(_placeholders(w) <= {"limit", "value"} for w in wordings)
    assert _placeholders(names.REFUSALS["bad_resolution"]) == {"value"}


def test_a_refusal_writes_its_limit_with_the_callers_numbers() -> None:
    """The limit is written by the floor that shows it (QLocale in the window, Babel here)."""
    error = InputError(
        "rooms[0].groups[1].count",
        101,
        "brings the room to 301 users; a call room holds at most 300",
        code="too_many_users",
        limit=3000,
    )
    text = names.refusal_text(error, lambda n: f"<{n}>")
    assert text == (
        "A call room holds at most <3000> users at once; interactive live streaming takes more."
    )


def test_a_refusal_is_worded_for_its_field_first() -> None:
    """too_many_streams on a recording task's ``records`` says what a recording task takes."""
    error = InputError("recording[0].records", 17, "too many", code="too_many_streams", limit=16)
    assert names.refusal_text(error, grouped) == (
        "A recording task records at most 16 streams together."
    )
    room = InputError(
        "rooms[0].groups[0].receives", 17, "too many", code="too_many_streams", limit=16
    )
    assert names.refusal_text(room, grouped).startswith("A call room has at most 16 cameras")


def test_a_code_without_a_wording_keeps_the_cores_rule() -> None:
    """No wording: the value and the core's English rule, rather than nothing."""
    error = InputError(
        "rooms[0].days", 0, "is below the minimum of 1", code="below_minimum", limit=1
    )
    assert names.refusal_text(error, grouped) == "0 is below the minimum of 1"
    missing = InputError("tiers", None, "is missing", code="missing")
    assert names.refusal_text(missing, grouped) == "is missing"


def test_a_refusal_in_korean_fills_its_placeholders(korean: None) -> None:
    """The Korean wording with the limit and the value filled in."""
    users = InputError(
        "rooms[0].groups[1].count",
        101,
        "brings the room to 301 users",
        code="too_many_users",
        limit=300,
    )
    assert names.refusal_text(users, grouped) == (
        "통화 방에는 한 번에 최대 300명이 있을 수 있습니다. 인터랙티브 라이브는 더 받습니다."
    )
    resolution = InputError(
        "rooms[0].groups[0].receives[0]", "axb", "is not a resolution", code="bad_resolution"
    )
    assert names.refusal_text(resolution, grouped) == (
        "axb은(는) 해상도가 아닙니다. 1280x720처럼 너비x높이로 쓰십시오."
    )


def test_a_translation_naming_another_placeholder_falls_back_to_english(korean: None) -> None:
    """A broken catalogue entry never raises; the English wording is shown instead."""
    error = InputError(
        "rooms[0].groups[1].count", 51, "too many", code="too_many_anchors", limit=50
    )
    assert names.refusal_text(error, grouped) == "A live room holds at most 50 co-anchors at once."


def test_a_refusal_line_keeps_the_field_path_and_the_value(korean: None) -> None:
    """The command line's line: the field as the file's JSON path, the value, then the Korean
    wording; a wording that names the value does not repeat it."""
    users = InputError(
        "rooms[0].groups[1].count",
        101,
        "brings the room to 301 users",
        code="too_many_users",
        limit=300,
    )
    assert names.refusal_line(users, grouped) == (
        "rooms[0].groups[1].count: 101 통화 방에는 한 번에 최대 300명이 있을 수 있습니다. "
        "인터랙티브 라이브는 더 받습니다."
    )
    resolution = InputError(
        "rooms[0].groups[0].receives[0]", "axb", "is not a resolution", code="bad_resolution"
    )
    assert names.refusal_line(resolution, grouped) == (
        "rooms[0].groups[0].receives[0]: axb은(는) 해상도가 아닙니다. 1280x720처럼 너비x높이로 "
        "쓰십시오."
    )


def test_a_refusal_line_without_a_translation_is_the_cores_message(korean: None) -> None:
    """Untranslated (or English): the core's own message, which says how far over the limit."""
    error = InputError(
        "rooms[0].groups[1].count",
        100_001,
        "makes 100,001 low-latency viewers",
        code="too_many_viewers",
        limit=100_000,
    )
    assert names.refusal_line(error, grouped) == error.message
    i18n.set_language("en")
    users = InputError(
        "rooms[0].groups[1].count",
        101,
        "brings the room to 301 users",
        code="too_many_users",
        limit=300,
    )
    assert names.refusal_line(users, grouped) == (
        "rooms[0].groups[1].count: 101 brings the room to 301 users"
    )


def test_notices_follow_the_language_with_their_numbers(korean: None) -> None:
    """A notice's sentence comes from the catalogue and its counts from the caller."""
    relayed = Notice("cdn_audience_not_trtc", "rooms[1]", (("viewers", "5000"),))
    assert notice_text(relayed, grouped) == "시청자 5,000명은 CDN으로 릴레이됩니다(이 견적 밖)."
    nothing = Notice("nothing_billed", "", ())
    assert notice_text(nothing) == "이 견적에는 아직 청구되는 항목이 없습니다."
    i18n.set_language("en")
    assert notice_text(nothing) == NOTICE_TEXT["nothing_billed"]
