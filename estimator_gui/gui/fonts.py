"""The CJK font the app ships, registered with Qt only when the window speaks Korean or Chinese.

A machine without a CJK font would draw every Hangul and Han character as a box. The shipped font
(resources/fonts/README.md) is added to the application's fonts once per process and becomes the
fallback of the application font: Latin text keeps the system's UI font, and only characters that
font lacks are drawn with ours. English never loads this module nor reads the file.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from estimator_gui.files.resources import CJK_FONT, resource
from estimator_gui.i18n import CJK_LANGUAGES

_family: str | None = None


def ensure_font_for(language: str) -> str | None:
    """The family of the shipped CJK font, registered on first need, for ``language``.

    None for a language that needs no CJK font (English), and when the font file cannot be read
    (the window then relies on the system's fonts, and says so on stderr).
    """
    global _family
    if language not in CJK_LANGUAGES:
        return None
    if _family is None:
        _family = _register()
        if _family is not None:
            _fall_back_to(_family)
    return _family


def _register() -> str | None:
    path = resource(*CJK_FONT)
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        print(
            f"The CJK font {path} could not be loaded; Korean and Chinese text uses the "
            "system's fonts (make font rebuilds it)",
            file=sys.stderr,
        )
        return None
    return families[0]


def _fall_back_to(family: str) -> None:
    """Glyphs the UI font lacks come from ``family``; the UI font itself stays first.

    The application font becomes the family Qt actually draws it with, then ours: naming a
    fontconfig alias ("Sans Serif") first would let our real family win over the alias for Latin
    text too. The substitution covers fonts made from the UI family by name (a bold title).
    """
    app_font = QGuiApplication.font()
    drawn_with = QFontInfo(app_font).family()
    if drawn_with == family:
        return  # already ours: a second registration of the same file
    app_font.setFamilies([drawn_with, family])
    QGuiApplication.setFont(app_font)
    if family not in QFont.substitutes(drawn_with):
        QFont.insertSubstitution(drawn_with, family)
