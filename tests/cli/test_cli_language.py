"""The command line speaks the user's language: LANG/LC_ALL, or --language ko|en|zh.

Most tests run the command line in this process over small catalogues written with Babel into a
temporary folder, so they prove the choice of language, the lookup and the placeholders whatever
the shipped catalogues hold today. The last ones run it as a user does, with the shipped ones.
"""

from __future__ import annotations

import csv
import gettext
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from cli_runner import EXAMPLES, LOCALE_VARIABLES, environment, quote

from estimator_gui import cli, i18n

SHOPPING = EXAMPLES / "live_shopping.json"
RATE_CARD_LINE = "Rate card: {title} ({id}, effective {effective}); amounts in {currency}"
TOO_MANY_USERS = (
    "A call room holds at most {limit} users at once; interactive live streaming takes more."
)
CDN_VIEWERS = (
    "{viewers} viewers are relayed to a CDN: they are not TRTC duration and the CDN bills them, "
    "outside this estimate."
)
CATALOGUES = {
    "ko": {
        "Section": "구간",
        "Gross": "총액",
        "Total": "합계",
        RATE_CARD_LINE: "요금표: {title} ({id}, {effective} 시행); 금액 단위 {currency}",
        TOO_MANY_USERS: "통화 방에는 한 번에 최대 {limit}명이 있을 수 있습니다.",
        CDN_VIEWERS: "시청자 {viewers}명은 CDN으로 릴레이되어 CDN이 청구합니다.",
        "section": "구간",
        "gross": "총액",
        "price a scenario file and print the breakdown": "시나리오 파일의 요금을 계산해 출력합니다",
        "error: --language {language} is not one of: {choices}": (
            "오류: --language {language}는 다음 중 하나가 아닙니다: {choices}"
        ),
    },
    "zh": {
        "Section": "计费项",
        "Gross": "总额",
        RATE_CARD_LINE: "价目表：{title}（{id}，{effective} 生效）；金额单位 {currency}",
    },
}


def write_catalogue(folder: Path, code: str, messages: dict[str, str]) -> Path:
    """``messages`` as a .po source compiled to a .mo, the way make catalogs does."""
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
def catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The test catalogues in place of the shipped ones, no locale set; English afterwards."""
    paths = {code: write_catalogue(tmp_path, code, texts) for code, texts in CATALOGUES.items()}
    monkeypatch.setattr(i18n, "catalogue_path", paths.__getitem__)
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    yield
    i18n.set_language("en")


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    status = cli.main(list(words))
    out, err = capsys.readouterr()
    return status, out, err


def header(table: str) -> list[str]:
    """The words of the breakdown's header row (the row above the first rule)."""
    lines = table.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    return lines[rule - 1].split()


def test_lang_korean_prints_the_table_in_korean(
    catalogues: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """LANG=ko_KR.UTF-8: the headers from the Korean catalogue, the rate card's line with each
    placeholder filled in the Korean order; texts it lacks stay English."""
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    status, out, err = run(capsys, "quote", str(SHOPPING))
    assert (status, err) == (0, "")
    assert header(out)[:2] == ["구간", "List"]
    assert header(out)[5] == "총액"
    assert ("요금표: TRTC international price list (2022-06) (trtc-intl-2022-06, 2022-06-15 시행); "
            "금액 단위 USD") in out.splitlines()
    assert any(line.startswith("합계 ") and "USD" in line for line in out.splitlines())
    assert "Note: 시청자 5,000명은 CDN으로 릴레이되어 CDN이 청구합니다. [rooms[1]]" in out


def test_lc_all_chinese_wins_over_lang(
    catalogues: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """LC_ALL=zh_CN.UTF-8 decides over LANG=ko_KR.UTF-8, as gettext reads them."""
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    status, out, _err = run(capsys, "quote", str(SHOPPING))
    assert status == 0
    assert header(out)[0] == "计费项" and header(out)[5] == "总额"
    assert "（trtc-intl-2022-06，2022-06-15 生效）；金额单位 USD" in out


def test_language_option_overrides_the_locale(
    catalogues: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--language en after the file beats LANG=ko_KR; --language ko beats a C locale."""
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    status, out, _err = run(capsys, "quote", str(SHOPPING), "--language", "en")
    assert status == 0 and header(out)[0] == "Section"
    monkeypatch.setenv("LANG", "C.UTF-8")
    status, out, _err = run(capsys, "quote", str(SHOPPING), "--language=ko")
    assert status == 0 and header(out)[0] == "구간"
    status, out, _err = run(capsys, "--language", "zh", "quote", str(SHOPPING))
    assert status == 0 and header(out)[0] == "计费项"


@pytest.mark.parametrize("words", [("--language", "fr"), ("--language",), ("--language=",)])
def test_an_unknown_language_is_refused_in_one_line(
    catalogues: None, capsys: pytest.CaptureFixture[str], words: tuple[str, ...]
) -> None:
    """Exit 2, one line naming the value and the choices, nothing on stdout."""
    status, out, err = run(capsys, "quote", str(SHOPPING), *words)
    assert (status, out) == (2, "")
    given = "'fr'" if "fr" in words else "''"
    assert err == f"error: --language {given} is not one of: en, ko, zh\n"


def test_the_refusal_of_an_unknown_language_speaks_the_locale(
    catalogues: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under LANG=ko_KR, the refusal itself is Korean."""
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    status, _out, err = run(capsys, "quote", str(SHOPPING), "--language", "de")
    assert status == 2
    assert err == "오류: --language 'de'는 다음 중 하나가 아닙니다: en, ko, zh\n"


def test_csv_headers_follow_the_language_and_digits_stay_plain(
    catalogues: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Korean CSV: translated headers and total rows, the core's codes and exact plain
    numbers (no grouping) in the cells, the same as the English CSV's."""
    _status, english, _err = run(capsys, "quote", str(SHOPPING), "--format", "csv")
    _status, korean, _err = run(capsys, "quote", str(SHOPPING), "--format", "csv",
                                "--language", "ko")
    en_rows = list(csv.reader(io.StringIO(english)))
    ko_rows = list(csv.reader(io.StringIO(korean)))
    assert en_rows[0][:2] == ["section", "price_list"]
    assert ko_rows[0][:2] == ["구간", "price_list"]
    assert ko_rows[1:] == [
        ["총액" if row[0] == "gross" else row[0], *row[1:]] for row in en_rows[1:]
    ]
    assert ko_rows[1][0] == "duration" and "," not in "".join(ko_rows[1][3:])


def test_json_keys_stay_english_and_its_sentences_follow_the_language(
    catalogues: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON is an interface: same keys and amounts; only the notices' texts are Korean."""
    _status, english, _err = run(capsys, "quote", str(SHOPPING), "--format", "json")
    _status, korean, _err = run(capsys, "quote", str(SHOPPING), "--format", "json",
                                "--language", "ko")
    en, ko = json.loads(english), json.loads(korean)
    assert ko["warnings"] == [
        {**warning, "message": "시청자 5,000명은 CDN으로 릴레이되어 CDN이 청구합니다."}
        for warning in en["warnings"]
    ]
    assert {**ko, "warnings": en["warnings"]} == en


def test_a_refusal_in_korean_keeps_the_field_path(
    catalogues: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The file's JSON path and the value stay as they are; the rule is the Korean wording."""
    scenario = {"format": "trtc-estimate/1", "rooms": [
        {"service": "video_call", "rooms_per_day": 1, "days": 1, "minutes": 10,
         "groups": [{"role": "participant", "count": 200}, {"role": "participant",
                                                             "count": 101}]}]}
    path = tmp_path / "crowded.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    status, out, err = run(capsys, "quote", str(path), "--language", "ko")
    assert (status, out) == (2, "")
    assert err == (f"error: {path}: rooms[0].groups[1].count: 101 "
                   "통화 방에는 한 번에 최대 300명이 있을 수 있습니다.\n")
    status, _out, err = run(capsys, "quote", str(path), "--language", "en")
    assert status == 2 and "brings the room to 301 users" in err


def test_the_help_speaks_the_language(
    catalogues: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The parser is built after the language is chosen: our help texts are translated
    (argparse's own words, such as "usage:", stay English)."""
    with pytest.raises(SystemExit) as stop:
        cli.main(["--language", "ko", "--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    assert "시나리오 파일의 요금을 계산해 출력합니다" in out and out.startswith("usage: ")
    assert "--language {en,ko,zh}" in out


def _shipped(code: str, message: str) -> str:
    """``message`` as the shipped catalogue of ``code`` says it (built by make catalogs)."""
    with open(i18n.catalogue_path(code), "rb") as stream:
        return gettext.GNUTranslations(stream).gettext(message)


@pytest.mark.parametrize(
    ("variables", "code"),
    [({"LANG": "ko_KR.UTF-8"}, "ko"), ({"LC_ALL": "zh_CN.UTF-8", "LANG": "ko_KR.UTF-8"}, "zh")],
)
def test_the_shipped_catalogues_speak_in_a_terminal(variables: dict[str, str], code: str) -> None:
    """A fresh interpreter under the locale prints the headers the shipped catalogue has."""
    result = quote(SHOPPING, env=environment(**variables))
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    expected = [_shipped(code, word) for word in ("Section", "List", "Tier")]
    assert header(result.stdout)[:3] == [word for text in expected for word in text.split()][:3]


def test_language_en_overrides_lang_in_a_terminal() -> None:
    """--language en prints English under LANG=ko_KR.UTF-8."""
    result = quote(SHOPPING, "--language", "en", env=environment(LANG="ko_KR.UTF-8"))
    assert result.returncode == 0
    assert header(result.stdout)[:3] == ["Section", "List", "Tier"]
