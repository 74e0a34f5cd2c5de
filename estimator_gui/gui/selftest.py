"""``--self-test OUTDIR``: prove a build works end to end, from source or frozen, without a person.

It builds the real window offscreen with an example scenario, drags a slider until the total
changes, saves a screenshot and every document the app can write into OUTDIR, checks each file
is well formed, prints one summary line and returns 0; anything wrong returns 1 with the reason
on standard error. The frozen test (tests/frozen/) runs it from the bundle, so it fails when the
bundle lacks something the app needs (a Qt plugin, a resource, a module imported lazily).

Document writers are found, not listed: every public function of an ``estimator_gui.quote``
module named ``breakdown_<format>``, ``write_<format>``, ``save_<format>`` or
``export_<format>`` (format one of DOCUMENT_SUFFIXES), or listed in a module-level ``WRITERS``
mapping of format -> function. A writer is called with the arguments its signature names
(``breakdown``, ``title``, ``scenario``, ``rate_card``, ``path``...) and either returns the
document (``str`` or ``bytes``) or writes it to the path it was given.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

# The text check, and the error every check raises, live in selftest_text.py.
from estimator_gui.gui.selftest_documents import (
    DOCUMENT_SUFFIXES,
    check_file,
    check_png,
    document_writers,
    write_document,
)
from estimator_gui.gui.selftest_quotes import write_quotes
from estimator_gui.gui.selftest_text import (
    SCRIPT_SAMPLES,
    SelfTestError,
    check_script,
    check_text,
)

EXAMPLE = ("examples", "tutoring.json")
EXIT_OK, EXIT_FAILED = 0, 1
SETTLE_SECONDS = 1.0  # how long to let the window reprice after a slider moves (debounce timers)

__all__ = ["SCRIPT_SAMPLES", "SelfTestError", "check_script", "check_text", "run"]


WindowFactory = Callable[[str | None], Any]


def run(
    outdir: Path,
    scenario_path: Path | None = None,
    *,
    window_factory: WindowFactory,
) -> int:
    """Run the self-test, writing into ``outdir``; 0 when every check passed, 1 otherwise."""
    try:
        summary = _run(Path(outdir), scenario_path, window_factory)
    except SelfTestError as error:
        print(f"self-test FAILED: {error}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # any crash is a failed self-test, with its cause
        import traceback

        traceback.print_exc()
        print(f"self-test FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(summary, flush=True)
    return EXIT_OK


def _run(outdir: Path, scenario_path: Path | None, window_factory: WindowFactory) -> str:
    started = time.monotonic()
    from estimator_gui.files.resources import resource

    path = Path(scenario_path) if scenario_path is not None else resource(*EXAMPLE)
    if not path.is_file():
        raise SelfTestError(f"example scenario {path} is missing (resources not bundled?)")
    outdir.mkdir(parents=True, exist_ok=True)

    app = _application()
    window = window_factory(str(path))
    if not callable(getattr(window, "current_breakdown", None)):
        raise SelfTestError(
            f"{type(window).__name__} has no current_breakdown(): not the estimator window"
        )
    load_error = getattr(window, "load_error", None)
    if load_error is not None:
        raise SelfTestError(f"the window did not open {path}: {load_error}")
    try:
        window.resize(max(window.width(), 1100), max(window.height(), 760))
        window.show()
        _settle(app, lambda: _exposed(window), SETTLE_SECONDS * 3)
        moved = _move_a_slider(app, window)
        moved += _chart_series(window)
        moved += _every_panel(app, window)
        moved += check_text(window)
        written = [_screenshot(window, outdir / "screenshot.png")]
        written += _documents(window, path, outdir)
        written += _quotes(window, path, outdir)
    finally:
        # hide, not close: closing a changed estimate asks whether to save it
        window.setWindowModified(False)
        window.hide()
        app.processEvents()
    names = ", ".join(p.name for p in written)
    return (
        f"self-test ok: {moved}; wrote {len(written)} files ({names}) to {outdir} "
        f"in {time.monotonic() - started:.1f} s on {app.platformName()}"
    )


# ---------------------------------------------------------------- Qt


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a desktop run sets xcb itself
        from estimator_gui.gui.application import ensure_application  # names, locale

        app = ensure_application()
    return app


def _settle(app: Any, done: Callable[[], bool], seconds: float) -> bool:
    """Process events until ``done()`` or ``seconds`` pass; whether ``done()`` came true."""
    deadline = time.monotonic() + seconds
    while True:
        app.processEvents()
        if done():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)


def _exposed(window: Any) -> bool:
    handle = window.windowHandle()
    return bool(window.isVisible() and handle is not None and handle.isExposed())


def _total(window: Any) -> Decimal:
    breakdown = window.current_breakdown()
    total = getattr(breakdown, "total", None)
    if not isinstance(total, Decimal):
        raise SelfTestError(f"current_breakdown() gave {breakdown!r}, not a Breakdown with a total")
    return total


def _slider_name(slider: Any) -> str:
    return slider.objectName() or slider.accessibleName() or slider.toolTip() or "(unnamed)"


def _targets(slider: Any) -> Iterator[int]:
    """Values a person would drag to: a quarter of the range up (or down), then the far end."""
    low, high, value = slider.minimum(), slider.maximum(), slider.value()
    step = max(1, (high - low) // 4, slider.pageStep())
    seen = {value}
    for target in (value + step, value - step, high, low):
        target = min(high, max(low, target))
        if target not in seen:
            seen.add(target)
            yield target


def _drag(slider: Any, value: int) -> None:
    """Move ``slider`` the way a mouse drag does: press, move, release."""
    slider.setSliderDown(True)
    slider.setSliderPosition(value)
    slider.setSliderDown(False)
    slider.setValue(value)  # no-op when tracking already applied it


def _move_a_slider(app: Any, window: Any) -> str:
    from PySide6.QtWidgets import QSlider

    sliders = window.findChildren(QSlider)
    if not sliders:
        raise SelfTestError(f"the window ({type(window).__name__}) has no QSlider to move")
    usable = [s for s in sliders if s.isEnabled() and s.maximum() > s.minimum()]
    usable.sort(key=lambda s: not s.isVisible())  # what a person sees first, then hidden panels
    if not usable:
        names = ", ".join(_slider_name(s) for s in sliders)
        raise SelfTestError(f"no enabled slider with a range among {len(sliders)}: {names}")
    tried = []
    for slider in usable:
        start = slider.value()
        for target in _targets(slider):
            before = _total(window)
            _drag(slider, target)
            if _settle(app, lambda before=before: _total(window) != before, SETTLE_SECONDS):
                after = _total(window)
                return (
                    f"slider {_slider_name(slider)} {start} -> {slider.value()} "
                    f"moved the total {before} -> {after}"
                )
        tried.append(_slider_name(slider))
        _drag(slider, start)
        _settle(app, lambda: False, 0.05)
    raise SelfTestError(
        f"moving each of {len(usable)} enabled sliders left current_breakdown().total unchanged: "
        + ", ".join(tried)
    )


def _chart_series(window: Any) -> str:
    """QtCharts works in this build: every chart view of the window holds a series."""
    try:
        from PySide6.QtCharts import QChartView
    except ImportError as error:
        raise SelfTestError(f"QtCharts does not load: {error}") from error
    views = window.findChildren(QChartView)
    counts = [len(view.chart().series()) for view in views]
    if views and not all(counts):
        raise SelfTestError(f"a chart shows no series (series per chart: {counts})")
    return f", {len(views)} chart(s) with {sum(counts)} series" if views else ", no chart"


def _every_panel(app: Any, window: Any) -> str:
    """Every panel builds (the window builds a hidden tab's panel when it is first shown)."""
    tabs = getattr(window, "tabs", None)
    panel = getattr(window, "panel", None)
    keys = getattr(sys.modules.get("estimator_gui.gui.panel_tabs"), "PANEL_KEYS", None)
    if tabs is None or not callable(panel) or not keys:
        return ""
    shown = tabs.currentIndex()
    try:
        for index, key in enumerate(keys):
            tabs.setCurrentIndex(index)  # as a click on the tab does
            app.processEvents()
            if tabs.currentWidget().widget() is not panel(key):
                raise SelfTestError(f"the {key!r} tab does not show its panel")
    finally:
        tabs.setCurrentIndex(shown)
        app.processEvents()
    return f", {len(keys)} panels"


def _screenshot(window: Any, path: Path) -> Path:
    if not window.grab().save(str(path), "PNG"):
        raise SelfTestError(f"could not save the screenshot {path} (PNG image plugin?)")
    check_png(path)
    return path


# ---------------------------------------------------------------- documents


def _current_scenario(window: Any, path: Path) -> tuple[Any, bool]:
    """The window's scenario after the slider moved, or the file's; and whether it is current."""
    from estimator_gui.files.scenario_io import read_scenario
    from estimator_gui.pricing.scenario import Scenario

    candidates = [getattr(window, "current_scenario", None)]
    session = getattr(window, "session", None)
    candidates.append(getattr(session, "scenario", None) if session is not None else None)
    for candidate in candidates:
        value = candidate() if callable(candidate) else candidate
        if isinstance(value, Scenario):
            return value, True
    return read_scenario(path), False


def _documents(window: Any, path: Path, outdir: Path) -> list[Path]:
    from estimator_gui.files.ratecard_io import default_rate_card
    from estimator_gui.files.scenario_io import read_scenario, save_scenario
    from estimator_gui.pricing.engine import price

    breakdown = window.current_breakdown()
    scenario, current = _current_scenario(window, path)
    scenario_file = outdir / "scenario.json"
    save_scenario(scenario, scenario_file)
    check_file(scenario_file)
    reread = read_scenario(scenario_file)
    if reread != scenario:
        raise SelfTestError(f"{scenario_file.name} does not read back as the scenario it saved")
    if current and price(reread, default_rate_card()).total != breakdown.total:
        raise SelfTestError(
            f"{scenario_file.name} prices to {price(reread, default_rate_card()).total}, "
            f"the window shows {breakdown.total}"
        )
    written = [scenario_file]
    arguments = {
        "breakdown": breakdown,
        "title": scenario.title,
        "scenario": scenario,
        "rate_card": default_rate_card(),
        "card": default_rate_card(),
    }
    writers = document_writers()
    if not writers:
        raise SelfTestError("found no document writers in estimator_gui.quote")
    failures = []
    for name, (fmt, writer) in sorted(writers.items()):
        target = outdir / f"breakdown.{DOCUMENT_SUFFIXES[fmt]}"
        if fmt == "table":
            target = outdir / "breakdown-table.txt"
        try:
            write_document(name, writer, arguments, target)
            check_file(target)
        except SelfTestError as error:
            failures.append(str(error))  # go on: one report names every broken format
        except Exception as error:
            failures.append(f"{name} raised {type(error).__name__}: {error}")
        else:
            written.append(target)
    if failures:
        raise SelfTestError("; ".join(failures))
    return written


def _quotes(window: Any, path: Path, outdir: Path) -> list[Path]:
    from estimator_gui.files.ratecard_io import default_rate_card

    scenario, current = _current_scenario(window, path)
    session = getattr(window, "session", None)
    card = session.rate_card if session is not None else default_rate_card()
    breakdown = window.current_breakdown()
    if not current:  # a window that does not say its scenario: the file's, priced afresh
        from estimator_gui.pricing.engine import price

        breakdown = price(scenario, card)
    try:
        return write_quotes(breakdown, scenario, card, outdir, check_file)
    except Exception as error:  # one line naming the document, whatever the writer raised
        raise SelfTestError(f"a quote document failed: {type(error).__name__}: {error}") from error
