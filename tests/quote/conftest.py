"""Fixtures of the quote document tests: a priced example, quote details, the quote's language."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from estimator_gui import i18n
from estimator_gui.files.quote_details import Conversion, QuoteDetails
from estimator_gui.files.ratecard_io import default_rate_card
from estimator_gui.files.scenario_io import read_scenario_file
from estimator_gui.pricing.breakdown import Breakdown
from estimator_gui.pricing.engine import price
from estimator_gui.pricing.ratecard import RateCard
from estimator_gui.pricing.scenario import Scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
KOREAN_CUSTOMER = "대한민국 온라인 교육 플랫폼 주식회사"
CHINESE_CUSTOMER = "上海在线教育科技有限公司"


@dataclass(frozen=True)
class Priced:
    scenario: Scenario
    card: RateCard
    breakdown: Breakdown


def priced(name: str) -> Priced:
    scenario = read_scenario_file(EXAMPLES / f"{name}.json").scenario
    card = default_rate_card()
    return Priced(scenario, card, price(scenario, card))


@pytest.fixture
def tutoring() -> Priced:
    """The tutoring example: six lines, free minutes, above the contract threshold."""
    return priced("tutoring")


@pytest.fixture
def webinar() -> Priced:
    """The webinar example: a 5% contract discount."""
    return priced("webinar")


@pytest.fixture
def restore_language() -> Iterator[None]:
    """Whatever a test does with the language, the next test starts in English."""
    yield
    i18n.set_language("en")


def details(language: str = "en", customer: str = "Acme Tutoring", **more: object) -> QuoteDetails:
    values: dict[str, object] = {
        "customer": customer,
        "quote_number": "Q-2026-0042",
        "sales_person": "Kim Minji",
        "quote_date": datetime.date(2026, 12, 1),
        "valid_until": datetime.date(2026, 12, 31),
        "language": language,
    }
    values.update(more)
    return QuoteDetails(**values)  # type: ignore[arg-type]


KRW = Conversion("KRW", Decimal("1385.20"), datetime.date(2026, 11, 30))


def poppler(tool: str) -> str:
    """The path of a poppler tool (apt-get install -y poppler-utils)."""
    path = shutil.which(tool)
    assert path is not None, f"{tool} is missing: apt-get install -y poppler-utils"
    return path


def pdf_text(path: Path, *options: str) -> str:
    result = subprocess.run(
        [poppler("pdftotext"), *options, str(path), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout.decode("utf-8")
