"""The self-test's check that text renders: different letters drawn in the window's font must
give different pixels (a missing font draws every letter as the same box, or nothing)."""

from __future__ import annotations

import sys
from typing import Any


class SelfTestError(Exception):
    """A check failed; the message says which and why."""


# Samples of each script: characters every font of the script has, unlike one another in all of
# them. A font that lacks them draws each as the same box (or nothing), which no eye can read.
LATIN_SAMPLE = "Hxg"
HANGUL_SAMPLE = "\uac00\uacac\uc801\uace0\uac1d"  # 가견적고객
HAN_SAMPLE = "\u4ef7\u683c\u603b\u8ba1\u5143"  # 价格总计元
SCRIPT_SAMPLES = {"Latin": LATIN_SAMPLE, "Hangul": HANGUL_SAMPLE, "Han": HAN_SAMPLE}
# QLocale.Language names whose text needs more than Latin: the script each one needs
LOCALE_SCRIPTS = {"Korean": "Hangul", "Chinese": "Han"}


def check_text(window: Any) -> str:
    """Text renders in the window's font: Latin always, plus Hangul or Han for a ko/zh window.

    Letters are drawn one by one in the window's font (and those of a label the window shows, in
    the label's font); when every different letter gives the same pixels, the app draws boxes or
    nothing where its words should be (no font found) and the self-test fails saying so.
    """
    scripts = ["Latin"]
    language = window.locale().language().name
    if language in LOCALE_SCRIPTS:
        scripts.append(LOCALE_SCRIPTS[language])
    for script in scripts:
        check_script(window.font(), SCRIPT_SAMPLES[script], f"{script} text")
    label = _known_label(window)
    if label is not None:
        letters = "".join(dict.fromkeys(c for c in label.text() if c.isalpha()))
        check_script(label.font(), letters, f"the label {label.text()!r}")
    return f", text renders ({', '.join(scripts)})"


def check_script(font: Any, sample: str, what: str) -> None:
    """Raise SelfTestError when the different characters of ``sample`` drawn in ``font`` all
    give the same pixels (a box for a missing glyph, or nothing)."""
    from PySide6.QtGui import QImage

    characters = list(dict.fromkeys(sample))
    if len(characters) < 2:
        raise SelfTestError(f"check_script needs two different characters, not {sample!r}")
    images = [_glyph(font, character) for character in characters]
    blank = QImage(images[0].size(), images[0].format())
    blank.fill(0xFFFFFFFF)
    family = f"{font.family() or '(no family)'!r}"
    if all(image == blank for image in images):
        raise SelfTestError(
            f"{what} does not render: {''.join(characters)!r} in the font {family} draws "
            f"nothing{_font_hint()}"
        )
    if len({bytes(image.constBits()) for image in images}) == 1:
        raise SelfTestError(
            f"{what} does not render: the {len(characters)} different characters "
            f"{''.join(characters)!r} in the font {family} all give the same pixels, a box where "
            f"each letter should be{_font_hint()}"
        )


def _glyph(font: Any, character: str) -> Any:
    """``character`` drawn black on white in ``font``, on a canvas sized for the font."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter

    height = max(8, QFontMetrics(font).height())
    image = QImage(height * 2, height * 2, QImage.Format.Format_ARGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    try:
        painter.setFont(font)
        painter.setPen(QColor(Qt.GlobalColor.black))
        painter.drawText(
            QRect(0, 0, image.width(), image.height()), Qt.AlignmentFlag.AlignCenter, character
        )
    finally:
        painter.end()
    return image


def _known_label(window: Any) -> Any:
    """The first visible plain-text label of the window with three different letters, if any."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    for label in window.findChildren(QLabel):
        if not label.isVisible() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        if len({c for c in label.text() if c.isalpha()}) >= 3 and "<" not in label.text():
            return label
    return None


def _font_hint() -> str:
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    families = len(QFontDatabase.families())
    hint = f" ({families} font families found"
    if sys.platform == "win32" and QApplication.platformName() == "offscreen":
        hint += "; the offscreen platform on Windows reads fonts only from QT_QPA_FONTDIR"
    return hint + ")"
