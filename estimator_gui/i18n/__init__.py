"""The one translation catalogue of the app (gettext), for the window, the command line and quotes.

Every text we show is written in English in the source, marked with ``_()`` where it is shown or
``N_()`` where it is only listed (a table of names), and translated through the catalogue of the
current language: ``resources/locale/<language>/LC_MESSAGES/trtc-estimator.mo``, compiled from the
``.po`` beside it by ``make catalogs`` (Babel). English needs no catalogue. No Qt here: the window
installs Qt's own translations for Qt's dialogs (gui/language.py).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from estimator_gui.files.resources import resource

DOMAIN = "trtc-estimator"
SOURCE_LANGUAGE = "en"
# The languages we ship, by the code the settings, --language and the catalogues use, with
# their own name (what a language menu shows, never translated) and the Babel/CLDR locale whose
# numbers and dates they follow.
LANGUAGES: Mapping[str, str] = {"en": "English", "ko": "한국어", "zh": "简体中文"}
CLDR_LOCALES: Mapping[str, str] = {"en": "en_US", "ko": "ko_KR", "zh": "zh_Hans_CN"}
# CJK text needs a font with its glyphs; see resources/fonts/README.md.
CJK_LANGUAGES = frozenset({"ko", "zh"})

_current = SOURCE_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is listed; ``_()`` translates it when shown."""
    return message


def _(message: str) -> str:
    """``message`` in the current language (itself when the catalogue has no entry for it)."""
    return _translations.gettext(message)


def source_of(text: str) -> str:
    """The English source of ``text``, a translation in the current language (``text`` itself
    when it is none): a caption shown now can be named again in another language later."""
    catalogue = getattr(_translations, "_catalog", None)
    if not catalogue:
        return text
    global _sources
    if _sources is None or _sources[0] is not _translations:
        _sources = (
            _translations,
            {v: k for k, v in catalogue.items() if isinstance(k, str) and k},
        )
    return _sources[1].get(text, text)


_sources: tuple[gettext.NullTranslations, dict[str, str]] | None = None


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations.ngettext(singular, plural, count)


def language() -> str:
    """The code of the current language: ``en``, ``ko`` or ``zh``."""
    return _current


def cldr_locale(code: str | None = None) -> str:
    return CLDR_LOCALES[code or _current]


def catalogue_path(code: str) -> os.PathLike[str]:
    return resource("locale", code, "LC_MESSAGES", f"{DOMAIN}.mo")


class CatalogueMissing(RuntimeError):
    """The compiled catalogue of a language is not there (``make catalogs`` was not run)."""


def set_language(code: str) -> None:
    """Speak ``code`` from now on; ``ValueError`` for a language we do not ship.

    Only that language's catalogue is read. A catalogue that is missing raises CatalogueMissing
    and leaves the current language as it was.
    """
    global _current, _translations
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    if code == SOURCE_LANGUAGE:
        translations: gettext.NullTranslations = gettext.NullTranslations()
    else:
        path = catalogue_path(code)
        try:
            with open(path, "rb") as stream:
                translations = gettext.GNUTranslations(stream)
        except OSError as error:
            raise CatalogueMissing(f"the {LANGUAGES[code]} catalogue is missing: {path}") from error
    _current, _translations = code, translations


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """Translate in ``code`` inside the block (a quote in its own language, whatever the
    window's); the language before it comes back after, even on an error."""
    before, translations = _current, _translations
    if code == before:
        yield
        return
    set_language(code)
    try:
        yield
    finally:
        _set(before, translations)


def _set(code: str, translations: gettext.NullTranslations) -> None:
    global _current, _translations
    _current, _translations = code, translations


def language_of_locale(name: str | None) -> str | None:
    """Our language for a POSIX or Qt locale name (``ko_KR.UTF-8``, ``zh_CN``, ``zh-Hans``), or
    None when we do not ship one for it (``C``, ``de_DE``)."""
    if not name:
        return None
    base = name.replace("-", "_").split(".", 1)[0].split("@", 1)[0]
    code = base.split("_", 1)[0].lower()
    return code if code in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, the way gettext reads it: LANGUAGE (a list),
    then LC_ALL, LC_MESSAGES, LANG; English when none names one we ship."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable)
        if not value:
            continue
        for name in value.split(":"):
            code = language_of_locale(name)
            if code is not None:
                return code
        if variable != "LANGUAGE":
            return SOURCE_LANGUAGE  # the first set variable decides (C, de_DE: English)
    return SOURCE_LANGUAGE
