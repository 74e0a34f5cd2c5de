"""The Korean and Chinese catalogues use the billing words of docs/glossary.md (Tencent's own)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
LOCALE = ROOT / "resources" / "locale"
HEADER = ("English", "한국어", "简体中文", "Source")
# The column of the glossary each catalogue must follow.
COLUMNS = {"ko": "한국어", "zh": "简体中文"}
MIN_TERMS = 30


@dataclass(frozen=True, slots=True)
class Term:
    english: str
    translations: dict[str, str]  # by column name
    source: str
    pattern: re.Pattern[str]


def _pattern(english: str) -> re.Pattern[str]:
    # Whole words, any case; a space and a hyphen are the same ("low-latency"); English endings
    # such as "co-anchors" or "relayed" still name the term.
    words = [re.escape(word) for word in re.split(r"[\s-]+", english.strip())]
    return re.compile(
        r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?:s|es|d|ed)?(?![\w-])", re.IGNORECASE
    )


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def parse_glossary(text: str) -> list[Term]:
    """The rows of the one table whose header is HEADER, in order."""
    lines = text.splitlines()
    start = next(
        (i for i, line in enumerate(lines) if tuple(_cells(line)) == HEADER),
        None,
    )
    if start is None:
        raise ValueError(f"{GLOSSARY.name}: no table with the header {' | '.join(HEADER)}")
    terms = []
    for number, line in enumerate(lines[start + 2 :], start=start + 3):
        if not line.startswith("|"):
            break
        cells = _cells(line)
        if len(cells) != len(HEADER) or not all(cells):
            raise ValueError(f"{GLOSSARY.name} line {number}: needs four filled cells: {line!r}")
        english, korean, chinese, source = cells
        terms.append(
            Term(english, {HEADER[1]: korean, HEADER[2]: chinese}, source, _pattern(english))
        )
    return terms


def glossary_problems(catalog: Catalog, column: str, terms: list[Term]) -> list[str]:
    """Every translated entry whose msgid names a term and whose msgstr lacks its wording.

    The longest term wins where terms overlap ("Audio call" asks for its own words, not also for
    the tier "Audio"), so a term is looked for only where no longer term matched.
    """
    by_length = sorted(terms, key=lambda term: len(term.english), reverse=True)
    problems = []
    for message in catalog:
        if not message.id:
            continue  # the catalogue's header
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        string = message.string or ""
        strings = [string] if isinstance(string, str) else list(string)
        translated = " ".join(s for s in strings if s)
        if not translated:
            continue
        for msgid in ids:
            # {tier}, {streams}: placeholders name what the code fills in, not words to translate
            words = re.sub(r"\{[a-z_]+\}", lambda m: " " * len(m.group()), msgid)
            taken = [False] * len(msgid)
            for term in by_length:
                for match in term.pattern.finditer(words):
                    if any(taken[match.start() : match.end()]):
                        continue
                    taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                    expected = term.translations[column]
                    if expected not in translated:
                        problems.append(
                            f"msgid {msgid!r}: the term {term.english!r} must read {expected!r}"
                            f" ({column}), but the msgstr is {translated!r}"
                        )
                    break  # one report per term per msgid is enough
    return problems


@pytest.fixture(scope="module")
def terms() -> list[Term]:
    return parse_glossary(GLOSSARY.read_text(encoding="utf-8"))


def test_the_glossary_table_parses_with_every_cell(terms: list[Term]) -> None:
    assert len(terms) >= MIN_TERMS, f"{GLOSSARY.name} lists {len(terms)} terms, under {MIN_TERMS}"
    english = [term.english for term in terms]
    assert len(set(map(str.lower, english))) == len(english), "a term is listed twice"
    for term in terms:
        assert term.english and term.source, term
        assert all(term.translations.values()), term


def test_a_row_with_an_empty_cell_is_refused() -> None:
    text = (
        "| English | 한국어 | 简体中文 | Source |\n|---|---|---|---|\n| Subtotal | 소계 |  | x |\n"
    )
    with pytest.raises(ValueError, match="four filled cells"):
        parse_glossary(text)


@pytest.mark.parametrize("language", sorted(COLUMNS))
def test_each_catalogue_keeps_to_the_glossary(language: str, terms: list[Term]) -> None:
    path = LOCALE / language / "LC_MESSAGES" / "trtc-estimator.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    problems = glossary_problems(catalog, COLUMNS[language], terms)
    assert not problems, "\n".join(problems)


def _catalog(locale: str, entries: dict[str, str]) -> Catalog:
    catalog = Catalog(locale=locale)
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr)
    return catalog


def test_a_wrong_korean_term_is_reported_with_the_expected_wording(terms: list[Term]) -> None:
    catalog = _catalog("ko", {"Cloud recording": "클라우드 레코딩", "Video call": "영상 통화"})
    problems = glossary_problems(catalog, "한국어", terms)
    assert len(problems) == 1, problems
    assert "'Cloud recording'" in problems[0]
    assert "'클라우드 녹화'" in problems[0]


def test_a_wrong_chinese_term_in_a_sentence_is_reported(terms: list[Term]) -> None:
    catalog = _catalog("zh", {"Change the free minutes to {count}": "将免费分钟数改为 {count}"})
    problems = glossary_problems(catalog, "简体中文", terms)
    assert problems == [
        "msgid 'Change the free minutes to {count}': the term 'Free minutes' must read "
        "'免费时长' (简体中文), but the msgstr is '将免费分钟数改为 {count}'"
    ]


def test_right_terms_overlaps_plurals_and_untranslated_entries_pass(terms: list[Term]) -> None:
    catalog = _catalog(
        "ko",
        {
            # "Audio call" holds the tier word "Audio": the longer term alone applies.
            "Audio call": "음성 통화",
            # A plural and a hyphenated spelling still name their terms.
            "A live room holds at most {count} co-anchors at once.": (
                "라이브 방에는 공동 앵커가 동시에 최대 {count}명까지 있을 수 있습니다."
            ),
            "Low-latency live streaming": "저지연 라이브 스트리밍",
            # Not translated yet: nothing to check.
            "Relay to CDN": "",
        },
    )
    assert glossary_problems(catalog, "한국어", terms) == []


def test_a_plural_form_entry_is_checked_on_every_form(terms: list[Term]) -> None:
    catalog = Catalog(locale="zh")
    catalog.add(("{count} anchor", "{count} anchors"), ("{count} 名主持人",))
    problems = glossary_problems(catalog, "简体中文", terms)
    assert problems and all("'Anchor'" in p and "'主播'" in p for p in problems), problems
