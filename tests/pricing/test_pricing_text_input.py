"""Typed streams and mixes are read exactly, and a bad one is refused naming field, value, rule."""

from __future__ import annotations

from decimal import Decimal

import pytest

from estimator_gui.pricing import InputError, Resolution
from estimator_gui.pricing.text_input import parse_mix, parse_streams, plain_decimal

HD = Resolution(1280, 720)
SMALL = Resolution(640, 360)


@pytest.mark.parametrize(
    ("text", "streams"),
    [
        ("", ()),
        ("  ", ()),
        ("audio", ()),
        ("Audio", ()),
        ("-", ()),
        ("1280x720", (HD,)),
        ("1280x720, 640x360", (HD, SMALL)),
        ("3 x 1280x720", (HD,) * 3),
        ("3 x 1280x720 + 640x360", (HD, HD, HD, SMALL)),
        ("2\u00d71280x720 + 640x360", (HD, HD, SMALL)),
        ("2*640x360; 1280 x 720", (SMALL, SMALL, HD)),
        ("1280x720,,640x360", (HD, SMALL)),
        ("50 x 320x180", (Resolution(320, 180),) * 50),
    ],
)
def test_streams_are_read_in_the_order_typed(text: str, streams: tuple[Resolution, ...]) -> None:
    assert parse_streams(text) == streams


@pytest.mark.parametrize(
    ("text", "value", "code", "rule"),
    [
        ("1280x", "1280x", "bad_resolution", "is not a resolution written WIDTHxHEIGHT"),
        ("HD", "HD", "bad_resolution", "is not a resolution written WIDTHxHEIGHT"),
        ("１２８０x720", "１２８０x720", "bad_resolution", "is not a resolution"),
        ("0 x 1280x720", "0 x 1280x720", "zero_count", "repeats a stream 0 times"),
        ("51 x 320x180", 51, "too_many_streams", "is more than 50"),
        ("40 x 320x180 + 11 x 320x180", 51, "too_many_streams", "is more than 50"),
        ("99999999 x 320x180", "99999999 x 320x180", "too_many_streams", "more than 50"),
        ("1280x99999", "1280x99999", "bad_resolution", "outside 1..8192"),
    ],
)
def test_bad_streams_are_refused_naming_the_field(
    text: str, value: object, code: str, rule: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_streams(text, "records")
    error = caught.value
    assert (error.field, error.value, error.code) == ("records", value, code)
    assert rule in error.rule


def test_a_huge_count_is_refused_before_any_stream_is_made() -> None:
    """Four thousand digits would be a MemoryError (or int's digit limit) if expanded."""
    with pytest.raises(InputError) as caught:
        parse_streams("9" * 4000 + " x 1280x720")
    assert caught.value.code == "too_many_streams"


@pytest.mark.parametrize(
    ("text", "mix"),
    [
        ("HD 70, FHD 30", (("HD", Decimal(70)), ("FHD", Decimal(30)))),
        ("audio: 10%, 4k 90%", (("audio", Decimal(10)), ("4K", Decimal(90)))),
        ("FHD 30 HD 70", (("HD", Decimal(70)), ("FHD", Decimal(30)))),
        ("HD70;2K30", (("HD", Decimal(70)), ("2K", Decimal(30)))),
        ("hd = 62.5 / fhd = 37.5", (("HD", Decimal("62.5")), ("FHD", Decimal("37.5")))),
        ("audio 100", (("audio", Decimal(100)),)),
        ("HD 100, 2K 0", (("HD", Decimal(100)), ("2K", Decimal(0)))),
    ],
)
def test_a_typed_complete_mix_is_taken_as_it_is(text: str, mix: tuple[object, ...]) -> None:
    """Shares are exact, in tier order, zeros kept: nothing is completed or rebalanced."""
    assert parse_mix(text) == mix


@pytest.mark.parametrize("text", ["", "audio", "1280x720", "3 x 1280x720", "2 x 640x360"])
def test_a_text_that_is_not_a_mix_is_left_to_the_streams_reader(text: str) -> None:
    assert parse_mix(text) is None


@pytest.mark.parametrize(
    ("text", "field", "value", "code"),
    [
        ("HD 50", "mix", "HD 50", "mix_not_100"),
        ("HD 70, FHD 40", "mix", "HD 70, FHD 40", "mix_not_100"),
        ("HD 70, FHD", "mix", "FHD", "bad_mix"),
        ("HD 70, SD 30", "mix", "HD 70, SD 30", "bad_mix"),
        ("HD seventy, FHD 30", "mix.HD", "seventy", "not_number"),
        ("HD 70,5, FHD 29,5", "mix.HD", "70,5", "not_number"),
        ("HD 50, HD 50", "mix.HD", "HD 50", "bad_mix"),
        ("HD ７0, FHD 30", "mix.HD", "７0", "not_number"),
    ],
)
def test_a_bad_mix_is_refused_naming_the_field(
    text: str, field: str, value: str, code: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_mix(text)
    assert (caught.value.field, caught.value.value, caught.value.code) == (field, value, code)


def test_the_sum_rule_names_the_sum() -> None:
    with pytest.raises(InputError) as caught:
        parse_mix("HD 62.5, FHD 30")
    assert caught.value.message == (
        "mix: 'HD 62.5, FHD 30' sums to 92.5%: the shares of a mix must sum to exactly 100%"
    )


def test_a_reader_for_the_user_s_notation_can_be_given() -> None:
    """The window passes its locale's reader; the core only splits the text into shares."""

    def comma_decimal(text: str) -> Decimal:
        return plain_decimal(text.replace(",", "."))

    assert parse_mix("HD 70,5, FHD 29,5", number=comma_decimal) == (
        ("HD", Decimal("70.5")),
        ("FHD", Decimal("29.5")),
    )


@pytest.mark.parametrize("text", ["70", "12.5", " 0.25 ", ".5", "7."])
def test_plain_numbers_are_exact(text: str) -> None:
    assert plain_decimal(text) == Decimal(text.strip())


@pytest.mark.parametrize("text", ["", "1,5", "1e3", "-5", "NaN", "٣", "1 000"])
def test_anything_else_is_not_a_plain_number(text: str) -> None:
    with pytest.raises(ValueError):
        plain_decimal(text)
