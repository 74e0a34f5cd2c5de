"""The catalogues: every text of the source is extracted, and translated in full, keeping every
placeholder, accelerator and mark, in each language we ship."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from estimator_gui import i18n

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "estimator_gui"
LOCALE = ROOT / "resources" / "locale"
POT = LOCALE / f"{i18n.DOMAIN}.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
TRANSLATED = sorted(set(i18n.LANGUAGES) - {i18n.SOURCE_LANGUAGE})
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
QT_CALLS = re.compile(r"\.tr\(|QT_TRANSLATE_NOOP|QCoreApplication\.translate\(|\btranslate\(\"")


def _source_messages() -> set[str]:
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(),
        strip_comment_tags=True,
    )
    messages = set()
    for _filename, _lineno, message, _comments, _context in found:
        messages.add(message if isinstance(message, str) else message[0])
    return messages


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=locale)


def _po(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def test_no_qt_translation_call_is_left_in_the_package() -> None:
    left = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if QT_CALLS.search(line)
    ]
    assert left == [], "texts still translated by Qt, not by the catalogue:\n" + "\n".join(left)


def test_the_template_holds_every_text_of_the_source() -> None:
    template = {message.id for message in _read(POT) if message.id}
    template = {mid if isinstance(mid, str) else mid[0] for mid in template}
    source = _source_messages()
    missing, stale = source - template, template - source
    assert not missing and not stale, (
        f"run `make messages`: {len(missing)} texts are not in {POT.name} "
        f"(e.g. {sorted(missing)[:3]}), {len(stale)} are no longer in the source "
        f"(e.g. {sorted(stale)[:3]})"
    )


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_text_is_translated_keeping_its_placeholders(code: str) -> None:
    template = [message for message in _read(POT) if message.id]
    catalogue = _read(_po(code))
    problems = []
    for source in template:
        entry = catalogue.get(source.id)
        msgid = source.id if isinstance(source.id, str) else source.id[0]
        if entry is None or not entry.string or entry.fuzzy:
            problems.append(f"not translated: {msgid!r}")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for text in strings:
            problems.extend(_broken(msgid, text))
    assert problems == [], f"{code}: {len(problems)} entries:\n" + "\n".join(problems[:40])


def _broken(msgid: str, text: str) -> list[str]:
    """What a translation lost or added of its source's machinery."""
    problems = []
    if set(PLACEHOLDER.findall(msgid)) != set(PLACEHOLDER.findall(text)):
        problems.append(f"placeholders differ: {msgid!r} -> {text!r}")
    if "[*]" in msgid and "[*]" not in text:
        problems.append(f"the unsaved mark [*] is lost: {msgid!r} -> {text!r}")
    if _accelerators(msgid) != _accelerators(text):
        problems.append(f"the Alt shortcut (&) differs: {msgid!r} -> {text!r}")
    if msgid.endswith("\u2026") != text.endswith("\u2026"):
        problems.append(f"the ellipsis of a command that asks more differs: {msgid!r}")
    return problems


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))


def test_the_check_reports_a_lost_placeholder_shortcut_and_mark() -> None:
    assert _broken("Change {field} to {value}", "{field} 변경") != []
    assert _broken("&Open\u2026", "열기\u2026") != []
    assert _broken("{file}[*] \u2014 TRTC price estimator", "{file} \u2014 TRTC") != []
    assert _broken("Change {field} to {value}", "{field}을(를) {value}(으)로 변경") == []
    assert _broken("&Open\u2026", "열기(&O)\u2026") == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_is_the_one_of_its_source(code: str) -> None:
    compiled = Path(i18n.catalogue_path(code))
    assert compiled.is_file(), f"run `make catalogs`: {compiled} is missing"
    assert compiled.stat().st_mtime >= _po(code).stat().st_mtime, f"run `make catalogs` ({code})"


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_language_speaks_its_catalogue_and_english_speaks_the_source(code: str) -> None:
    try:
        i18n.set_language(code)
        assert i18n._("&File") != "&File"
        assert i18n.language() == code
    finally:
        i18n.set_language("en")
    assert i18n._("&File") == "&File"


def test_an_unknown_language_is_refused_and_the_current_one_kept() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'"):
        i18n.set_language("de")
    assert i18n.language() == "en"


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "ko_KR.UTF-8"}, "zh"),
        ({"LANGUAGE": "de:zh_TW", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_is_read_as_gettext_reads_it(
    environment: dict[str, str], language: str
) -> None:
    assert i18n.system_language(environment) == language
