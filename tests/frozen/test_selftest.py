"""``--self-test`` from source, against a test double of the window: fast, no bundle needed.

The double keeps the window's contract (build_window(path) -> a QMainWindow with QSlider children
and current_breakdown()); the frozen test runs the same self-test against the real window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from msgspec import structs
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMainWindow, QSlider, QVBoxLayout, QWidget

import estimator_gui.quote as quote
from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.resources import resource
from estimator_gui.files.scenario_io import read_scenario
from estimator_gui.gui import selftest, selftest_text
from estimator_gui.gui.app import build_window
from estimator_gui.pricing.engine import price

EXAMPLE = resource("examples", "tutoring.json")


class DoubleWindow(QMainWindow):
    """The contract of the estimator window, in thirty lines: one slider that reprices."""

    def __init__(self, path: str | None, *, pricing_slider: bool = True) -> None:
        super().__init__()
        self._card = default_rate_card()
        self._scenario = read_scenario(Path(path) if path else EXAMPLE)
        self._breakdown = price(self._scenario, self._card)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        disabled = QSlider(body)
        disabled.setObjectName("disabled.slider")
        disabled.setEnabled(False)
        zoom = QSlider(body)  # moves nothing that is priced: the self-test must try the next one
        zoom.setObjectName("zoom.slider")
        zoom.setRange(50, 200)
        layout.addWidget(disabled)
        layout.addWidget(zoom)
        if pricing_slider:
            rooms = QSlider(body)
            rooms.setObjectName("rooms_per_day.slider")
            rooms.setRange(1, 500)
            rooms.setValue(self._scenario.rooms[0].rooms_per_day)
            rooms.valueChanged.connect(self._on_rooms_changed)
            layout.addWidget(rooms)
        self.setCentralWidget(body)

    def _on_rooms_changed(self, value: int) -> None:
        room = structs.replace(self._scenario.rooms[0], rooms_per_day=value)
        rooms = (room, *self._scenario.rooms[1:])
        self._scenario = structs.replace(self._scenario, rooms=rooms)
        self._breakdown = price(self._scenario, self._card)

    def current_breakdown(self):
        return self._breakdown

    def current_scenario(self):
        return self._scenario


def test_self_test_passes_and_writes_each_document(qapp, tmp_path, capsys):
    assert selftest.run(tmp_path, window_factory=DoubleWindow) == 0
    out = capsys.readouterr().out
    assert out.startswith("self-test ok: slider rooms_per_day.slider 40 -> ")
    assert out.count("\n") == 1
    names = {p.name for p in tmp_path.iterdir()}
    assert {"screenshot.png", "scenario.json", "breakdown.csv", "breakdown.json"} <= names
    assert "breakdown-table.txt" in names
    assert not QImage(str(tmp_path / "screenshot.png")).isNull()
    saved = read_scenario(tmp_path / "scenario.json")
    assert saved.rooms[0].rooms_per_day != 40  # the moved scenario, not the example
    data = json.loads((tmp_path / "breakdown.json").read_text(encoding="utf-8"))
    assert data["total"] == quote.tabular.plain(price(saved, default_rate_card()).total)
    assert (tmp_path / "breakdown.csv").read_text(encoding="utf-8").startswith("section,")


def test_a_window_without_sliders_fails_with_the_reason(qapp, tmp_path, capsys):
    """The placeholder window has no slider: the self-test must fail, not pass vacuously."""

    class NoSliders(QMainWindow):
        def __init__(self, path):
            super().__init__()
            self._breakdown = price(read_scenario(Path(path)), default_rate_card())

        def current_breakdown(self):
            return self._breakdown

    assert selftest.run(tmp_path, window_factory=NoSliders) == 1
    assert "has no QSlider to move" in capsys.readouterr().err


def test_a_window_without_current_breakdown_fails(qapp, tmp_path, capsys):
    assert selftest.run(tmp_path, window_factory=lambda path: QMainWindow()) == 1
    assert "no current_breakdown()" in capsys.readouterr().err


def test_sliders_that_change_no_price_fail(qapp, tmp_path, capsys):
    factory = lambda path: DoubleWindow(path, pricing_slider=False)  # noqa: E731
    assert selftest.run(tmp_path, window_factory=factory) == 1
    err = capsys.readouterr().err
    assert "total unchanged: zoom.slider" in err


def test_a_missing_scenario_fails(qapp, tmp_path, capsys):
    missing = tmp_path / "nope.json"
    assert selftest.run(tmp_path / "out", missing, window_factory=DoubleWindow) == 1
    assert "nope.json is missing" in capsys.readouterr().err


def test_today_writers_are_discovered():
    formats = {fmt for fmt, _ in selftest.document_writers().values()}
    assert {"csv", "json", "table"} <= formats


@pytest.fixture
def extra_writers(tmp_path, monkeypatch):
    """A quote module as a future PDF/XLSX writer might look, found through quote.__path__."""
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "fake_documents.py").write_text(
        textwrap.dedent(
            '''
            """Writers shaped like the PDF and XLSX ones to come."""
            import xlsxwriter


            def write_pdf(breakdown, path, title=""):
                path.write_bytes(b"%PDF-1.4\\n% total " + str(breakdown.total).encode()
                                 + b"\\n%%EOF\\n")


            def breakdown_xlsx(breakdown, title):
                import io
                out = io.BytesIO()
                book = xlsxwriter.Workbook(out, {"in_memory": True})
                book.add_worksheet().write(0, 0, title)
                book.close()
                return out.getvalue()


            def write_html(breakdown, path, locale):  # a parameter the self-test cannot fill
                raise AssertionError("not called")
            '''
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(quote, "__path__", [*quote.__path__, str(folder)])
    yield
    sys.modules.pop("estimator_gui.quote.fake_documents", None)


def test_new_writers_are_found_called_and_checked(extra_writers, qapp, tmp_path, capsys):
    formats = {fmt for fmt, _ in selftest.document_writers().values()}
    assert {"pdf", "xlsx", "html"} <= formats
    assert selftest.run(tmp_path, window_factory=DoubleWindow) == 1
    # write_html(locale) cannot be called: say so rather than skip a format the app has
    assert "cannot call estimator_gui.quote.fake_documents.write_html" in capsys.readouterr().err
    assert (tmp_path / "breakdown.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "breakdown.xlsx").stat().st_size > 0


def test_a_broken_document_fails(qapp, tmp_path, monkeypatch, capsys):
    def breakdown_json(breakdown, title=""):
        return "{not json"

    breakdown_json.__module__ = quote.tabular.__name__
    monkeypatch.setattr(quote.tabular, "breakdown_json", breakdown_json)
    assert selftest.run(tmp_path, window_factory=DoubleWindow) == 1
    assert "breakdown.json is not well formed" in capsys.readouterr().err


def test_self_test_passes_against_the_real_window(qapp, tmp_path, capsys):
    """The real estimator window (estimator_gui.gui.app.build_window) passes from source."""
    status = selftest.run(tmp_path, window_factory=build_window)
    captured = capsys.readouterr()
    assert status == 0, captured.err


def test_an_empty_chart_fails(qapp, tmp_path, capsys):
    from PySide6.QtCharts import QChartView

    def with_empty_chart(path):
        window = DoubleWindow(path)
        QChartView(window.centralWidget()).setObjectName("empty.chart")
        return window

    assert selftest.run(tmp_path, window_factory=with_empty_chart) == 1
    assert "a chart shows no series" in capsys.readouterr().err


# ---------------------------------------------------------------- a self-test that sees text

# fontconfig configurations for a process: no font at all, or every font but the CJK ones
_NO_FONTS = "<fontconfig><cachedir>{cache}</cachedir></fontconfig>"
_NO_CJK_FONTS = (
    "<fontconfig><dir>/usr/share/fonts</dir><cachedir>{cache}</cachedir>"
    "<selectfont><rejectfont><glob>*CJK*</glob></rejectfont></selectfont></fontconfig>"
)


def _self_test_in_a_process(tmp_path, fonts: str, **env: str):
    """``python -m estimator_gui --self-test`` (the real window) with only the fonts given."""
    config = tmp_path / "fonts.conf"
    config.write_text(fonts.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "LC_", "LANG"))}
    clean.update(FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", **env)
    return subprocess.run(
        [sys.executable, "-m", "estimator_gui", "--self-test", str(tmp_path / "out")],
        env=clean,
        capture_output=True,
        text=True,
        timeout=180,
    )


fontconfig_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="chooses the fonts through fontconfig"
)


@fontconfig_only
def test_a_self_test_without_fonts_fails_saying_text_does_not_render(tmp_path):
    """The defect seen under Wine: no font, every letter a box, and the self-test said ok."""
    result = _self_test_in_a_process(tmp_path, _NO_FONTS)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "self-test FAILED: Latin text does not render: the 3 different characters 'Hxg'" in (
        result.stderr
    ), result.stderr
    assert "all give the same pixels, a box where each letter should be" in result.stderr


@fontconfig_only
@pytest.mark.parametrize(
    ("locale", "script", "sample"),
    [
        ("ko_KR.UTF-8", "Hangul", selftest_text.HANGUL_SAMPLE),
        ("zh_CN.UTF-8", "Han", selftest_text.HAN_SAMPLE),
    ],
)
def test_a_korean_or_chinese_window_without_a_cjk_font_fails(tmp_path, locale, script, sample):
    """Latin fonts alone pass the Latin check; a ko or zh window also needs its script."""
    result = _self_test_in_a_process(tmp_path, _NO_CJK_FONTS, LC_ALL=locale)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"self-test FAILED: {script} text does not render: the 5 different characters " in (
        result.stderr
    ), result.stderr
    assert repr(sample) in result.stderr


@fontconfig_only
def test_a_korean_window_with_a_cjk_font_passes_both_checks(tmp_path):
    result = _self_test_in_a_process(
        tmp_path,
        _NO_FONTS.replace("<cachedir>", "<dir>/usr/share/fonts</dir><cachedir>"),
        LC_ALL="ko_KR.UTF-8",
    )
    assert result.returncode == 0, result.stderr
    assert ", text renders (Latin, Hangul);" in result.stdout


def test_the_summary_names_the_scripts_checked(qapp, tmp_path, capsys):
    assert selftest.run(tmp_path, window_factory=DoubleWindow) == 0
    assert ", text renders (Latin);" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("language", "scripts"),
    [("Korean", "Latin, Hangul"), ("Chinese", "Latin, Han"), ("German", "Latin")],
)
def test_the_window_locale_chooses_the_scripts(qapp, language, scripts):
    from PySide6.QtCore import QLocale

    window = DoubleWindow(None)
    window.setLocale(QLocale(QLocale.Language[language]))
    assert selftest.check_text(window) == f", text renders ({scripts})"


def test_a_label_drawn_as_one_box_repeated_fails(qapp, monkeypatch):
    """Every glyph the same image: what a font without the label's letters draws."""
    from PySide6.QtWidgets import QLabel

    window = DoubleWindow(None)
    label = QLabel("Rooms per day", window.centralWidget())
    window.centralWidget().layout().addWidget(label)
    window.show()
    assert selftest_text._known_label(window) is label
    drawn = selftest_text._glyph
    box = drawn(label.font(), "\u25a1")  # WHITE SQUARE, as a missing glyph looks
    boxes = "Romsperday"  # the label's letters; the Latin sample "Hxg" still renders
    monkeypatch.setattr(
        selftest_text, "_glyph", lambda font, c: box if c in boxes else drawn(font, c)
    )
    with pytest.raises(selftest.SelfTestError) as refused:
        selftest.check_text(window)
    assert str(refused.value).startswith(
        "the label 'Rooms per day' does not render: the 10 different characters 'Romsperday' in "
    )
    window.close()


def test_text_drawn_as_nothing_fails(qapp, monkeypatch):
    from PySide6.QtGui import QFont

    font = QFont()
    blank = selftest_text._glyph(font, " ")
    monkeypatch.setattr(selftest_text, "_glyph", lambda font, character: blank)
    with pytest.raises(
        selftest.SelfTestError,
        match=r"Han text does not render: '价格总计元' in "
        r"the font .* draws nothing",
    ):
        selftest.check_script(font, selftest_text.HAN_SAMPLE, "Han text")


def test_a_sample_of_one_character_cannot_prove_anything(qapp):
    from PySide6.QtGui import QFont

    with pytest.raises(selftest.SelfTestError, match="needs two different characters"):
        selftest.check_script(QFont(), "aaa", "Latin text")
