"""The self-test's documents: every writer of ``estimator_gui.quote`` found and called, and each
file checked to be well formed for its kind (see gui/selftest.py)."""

from __future__ import annotations

import csv
import importlib
import inspect
import io
import json
import pkgutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from estimator_gui.gui.selftest_text import SelfTestError

# document format (as in a writer's name) -> file suffix
DOCUMENT_SUFFIXES = {
    "csv": "csv",
    "json": "json",
    "xlsx": "xlsx",
    "pdf": "pdf",
    "html": "html",
    "markdown": "md",
    "md": "md",
    "text": "txt",
    "txt": "txt",
    "table": "txt",
}
_WRITER_PREFIXES = ("breakdown_", "write_", "save_", "export_")
_PATH_PARAMETERS = {"path", "target", "destination", "dest", "filename", "file", "out", "output"}


def document_writers() -> dict[str, tuple[str, Callable[..., Any]]]:
    """Every document writer in ``estimator_gui.quote``: qualified name -> (format, function)."""
    import estimator_gui.quote as quote

    found: dict[str, tuple[str, Callable[..., Any]]] = {}
    for info in pkgutil.iter_modules(quote.__path__, prefix="estimator_gui.quote."):
        module = importlib.import_module(info.name)
        registry = getattr(module, "WRITERS", None)
        if isinstance(registry, dict):
            for fmt, writer in registry.items():
                key = str(fmt).lower().lstrip(".")
                if key in DOCUMENT_SUFFIXES and callable(writer):
                    found[f"{info.name}.WRITERS[{fmt!r}]"] = (key, writer)
        for attr, value in vars(module).items():
            if not inspect.isfunction(value) or value.__module__ != module.__name__:
                continue
            prefix = next((p for p in _WRITER_PREFIXES if attr.startswith(p)), None)
            fmt = attr[len(prefix) :] if prefix else ""
            if fmt in DOCUMENT_SUFFIXES:
                found[f"{info.name}.{attr}"] = (fmt, value)
    # one writer per format: a module's WRITERS entry and its function are the same document
    by_format: dict[str, str] = {}
    for name in sorted(found, key=lambda n: ("WRITERS" not in n, n)):
        by_format.setdefault(found[name][0], name)
    return {name: found[name] for name in by_format.values()}


def write_document(
    name: str, writer: Callable[..., Any], arguments: dict[str, Any], target: Path
) -> None:
    kwargs: dict[str, Any] = {}
    takes_path = False
    for parameter in inspect.signature(writer).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.name in arguments:
            kwargs[parameter.name] = arguments[parameter.name]
        elif parameter.name in _PATH_PARAMETERS:
            kwargs[parameter.name] = target
            takes_path = True
        elif parameter.default is parameter.empty:
            raise SelfTestError(
                f"cannot call {name}{inspect.signature(writer)}: no value for "
                f"{parameter.name!r}; teach gui/selftest_documents.py about it"
            )
    result = writer(**kwargs)
    if isinstance(result, str):
        target.write_text(result, encoding="utf-8")
    elif isinstance(result, bytes | bytearray):
        target.write_bytes(bytes(result))
    elif not takes_path:
        raise SelfTestError(f"{name} returned {type(result).__name__}, not a document")
    if not target.is_file():
        raise SelfTestError(f"{name} wrote nothing to {target}")


def check_file(path: Path) -> None:
    """Non-empty and well formed for its suffix."""
    if not path.is_file() or path.stat().st_size == 0:
        raise SelfTestError(f"{path.name} is missing or empty")
    data = path.read_bytes()
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            json.loads(data.decode("utf-8"))
        elif suffix == ".csv":
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
            if len(rows) < 2 or len(rows[0]) < 2:
                raise SelfTestError(f"{path.name} has {len(rows)} rows; want a header and data")
        elif suffix in (".txt", ".md", ".html"):
            if not data.decode("utf-8").strip():
                raise SelfTestError(f"{path.name} is blank")
        elif suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                names = set(book.namelist())
                if not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
                    raise SelfTestError(f"{path.name} is a zip but not a workbook")
                if book.testzip() is not None:
                    raise SelfTestError(f"{path.name} has a corrupt member")
        elif suffix == ".pdf":
            if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
                raise SelfTestError(f"{path.name} is not a complete PDF")
        elif suffix == ".png":
            check_png(path)
    except (ValueError, zipfile.BadZipFile, csv.Error) as error:
        raise SelfTestError(f"{path.name} is not well formed: {error}") from error


def check_png(path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull() or image.width() < 100 or image.height() < 100:
        raise SelfTestError(f"{path.name} does not load as an image of the window")
    small = image.scaled(32, 32, Qt.AspectRatioMode.IgnoreAspectRatio)
    colours = {small.pixel(x, y) for x in range(32) for y in range(32)}
    if len(colours) < 3:
        raise SelfTestError(f"{path.name} is blank ({len(colours)} colours): nothing was painted")
