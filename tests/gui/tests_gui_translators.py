"""Installing a test translator for the length of one test, for the layout and tr() checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QTranslator

T = TypeVar("T", bound=QTranslator)


def installed(translator: T) -> Iterator[T]:
    """Install ``translator`` for a fixture's test, then remove and delete it."""
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)
    translator.deleteLater()
