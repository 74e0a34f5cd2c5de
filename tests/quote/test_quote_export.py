"""write_quote: the format by the extension, atomic, and a failed export leaves no file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from estimator_gui.pricing.errors import InputError
from estimator_gui.quote.export import write_quote
from tests.quote.conftest import Priced, details

MAGIC = {".pdf": b"%PDF-", ".xlsx": b"PK\x03\x04", ".csv": b"\xef\xbb\xbf"}


def _write(tutoring: Priced, path: Path, page_size: str = "a4") -> None:
    write_quote(
        path, tutoring.breakdown, tutoring.scenario, tutoring.card, details(), None, page_size
    )


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx", ".csv", ".PDF"])
def test_format_follows_the_extension(tutoring: Priced, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"quote{suffix}"
    _write(tutoring, path)
    assert path.read_bytes().startswith(MAGIC[suffix.lower()])
    assert os.listdir(tmp_path) == [path.name]  # no .part file left


def test_unknown_extension_is_refused_naming_path_and_extensions(
    tutoring: Priced, tmp_path: Path
) -> None:
    path = tmp_path / ("a-long-folder-name-" * 4) / "quote.docx"
    with pytest.raises(InputError) as caught:
        _write(tutoring, path)
    assert str(path) in caught.value.message
    assert ".pdf, .xlsx, .csv" in caught.value.message
    assert not path.exists()


def test_unwritable_place_fails_with_a_message_and_leaves_no_file(
    tutoring: Priced, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    path = blocker / "quote.pdf"
    with pytest.raises(InputError) as caught:
        _write(tutoring, path)
    assert str(path) in caught.value.message and "cannot be written" in caught.value.message
    assert sorted(os.listdir(tmp_path)) == ["a-file"]


def test_a_write_that_fails_half_way_keeps_the_older_file(
    tutoring: Priced, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills up during the write: the older quote stays whole, no .part is left."""
    path = tmp_path / "quote.csv"
    path.write_bytes(b"older quote")

    def full_disk(descriptor: int, data: bytes) -> None:
        os.write(descriptor, data[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("estimator_gui.files.atomic._write_all", full_disk)
    with pytest.raises(InputError) as caught:
        _write(tutoring, path)
    assert "No space left on device" in caught.value.message
    assert path.read_bytes() == b"older quote"
    assert os.listdir(tmp_path) == ["quote.csv"]


def test_a_document_that_cannot_be_made_writes_nothing(
    tutoring: Priced, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> bytes:
        raise InputError("logo", "x.png", "cannot be read as a PNG or JPEG image")

    from estimator_gui.quote import pdf

    monkeypatch.setattr(pdf, "pdf_bytes", broken)  # export loads the writer when it writes
    with pytest.raises(InputError):
        _write(tutoring, tmp_path / "quote.pdf")
    assert os.listdir(tmp_path) == []


def test_unknown_page_size(tutoring: Priced, tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        _write(tutoring, tmp_path / "quote.pdf", "b5")
    assert caught.value.field == "page_size" and "a4, letter" in caught.value.message
    assert os.listdir(tmp_path) == []
