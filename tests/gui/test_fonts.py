"""The shipped CJK font: registered once, only for Korean and Chinese, and read on a machine
that has no CJK font of its own while Latin text keeps the system's UI font."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from estimator_gui.gui import fonts


@pytest.fixture
def registrations(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """The font files added to Qt, from a process that has registered nothing yet; the
    application font and substitutions are put back afterwards for the other tests."""
    added: list[str] = []
    add = QFontDatabase.addApplicationFont

    def recording_add(path: str) -> int:
        added.append(path)
        return add(path)

    app_font = QFont(QGuiApplication.font())
    substitutes = {name: QFont.substitutes(name) for name in QFont.substitutions()}
    monkeypatch.setattr(fonts, "_family", None)
    monkeypatch.setattr(fonts.QFontDatabase, "addApplicationFont", staticmethod(recording_add))
    yield added
    for name in QFont.substitutions():
        QFont.removeSubstitutions(name)
    for name, names in substitutes.items():
        QFont.insertSubstitutions(name, names)
    QGuiApplication.setFont(app_font)


def test_korean_registers_the_font_once_and_chinese_shares_it(registrations: list[str]) -> None:
    family = fonts.ensure_font_for("ko")

    assert family == "Noto Sans CJK SC TRTC"
    assert [Path(path).name for path in registrations] == ["NotoSansCJKsc-TRTC.otf"]
    assert family in QFontDatabase.families()
    assert QGuiApplication.font().families()[-1] == family
    assert fonts.ensure_font_for("ko") == family
    assert fonts.ensure_font_for("zh") == family
    assert len(registrations) == 1


def test_english_registers_nothing_and_keeps_the_app_font(registrations: list[str]) -> None:
    before = QGuiApplication.font().families()

    assert fonts.ensure_font_for("en") is None
    assert registrations == []
    assert QGuiApplication.font().families() == before


# Only the system's fonts without any CJK one: what a machine without them shows.
_NO_CJK_FONTS = (
    "<fontconfig><dir>/usr/share/fonts</dir><cachedir>{cache}</cachedir>"
    "<selectfont><rejectfont><glob>*CJK*</glob></rejectfont></selectfont></fontconfig>"
)
_CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QFont, QFontInfo
    from PySide6.QtWidgets import QApplication, QLabel
    from estimator_gui.gui import selftest_text

    def renders(font, sample):
        try:
            selftest_text.check_script(font, sample, "text")
        except selftest_text.SelfTestError as error:
            return str(error)
        return "renders"

    app = QApplication([])
    latin_before = selftest_text._glyph(app.font(), "g")
    ui_family = QFontInfo(app.font()).family()
    print("before:", renders(app.font(), selftest_text.HANGUL_SAMPLE))
    from estimator_gui.gui.fonts import ensure_font_for
    print("family:", ensure_font_for(sys.argv[1]))
    label = QLabel(selftest_text.HANGUL_SAMPLE + selftest_text.HAN_SAMPLE)
    title = QFont(ui_family)
    title.setBold(True)
    print("hangul:", renders(label.font(), selftest_text.HANGUL_SAMPLE))
    print("han:", renders(label.font(), selftest_text.HAN_SAMPLE))
    print("bold title:", renders(title, selftest_text.HANGUL_SAMPLE))
    print("latin unchanged:", selftest_text._glyph(label.font(), "g") == latin_before)
    print("ui font first:", QFontInfo(label.font()).family() == ui_family)
    """
)


def _without_cjk_fonts(tmp_path: Path, language: str) -> dict[str, str]:
    config = tmp_path / "fonts.conf"
    config.write_text(_NO_CJK_FONTS.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "LC_", "LANG"))}
    env.update(FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, language],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return dict(line.split(": ", 1) for line in result.stdout.splitlines()[-7:])


fontconfig_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="hides the system's CJK fonts through fontconfig"
)


@fontconfig_only
def test_hangul_and_han_render_without_a_system_cjk_font(tmp_path: Path) -> None:
    seen = _without_cjk_fonts(tmp_path, "ko")

    assert "different characters '가견적고객'" in seen["before"], "a CJK font was still found"
    assert seen["family"] == "Noto Sans CJK SC TRTC"
    assert seen["hangul"] == "renders"
    assert seen["han"] == "renders"
    assert seen["bold title"] == "renders"
    assert seen["latin unchanged"] == "True"
    assert seen["ui font first"] == "True"


@fontconfig_only
def test_english_leaves_cjk_unrendered_without_a_system_cjk_font(tmp_path: Path) -> None:
    """The font is not loaded for English: the same machine still lacks Hangul."""
    seen = _without_cjk_fonts(tmp_path, "en")

    assert seen["family"] == "None"
    assert "all give the same pixels" in seen["hangul"]
    assert seen["latin unchanged"] == "True"
