"""Loading a rate card from its TOML file, prices read as exact decimals."""

from __future__ import annotations

import os
import tomllib
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from estimator_gui.files.regular import NotAFileError, open_regular
from estimator_gui.files.resources import DEFAULT_RATE_CARD, resource
from estimator_gui.pricing.errors import InputError
from estimator_gui.pricing.ratecard import RateCard

MAX_BYTES = 1_000_000


def load_rate_card(path: Path) -> RateCard:
    """Read and check a rate card; a bad one raises InputError naming the file and the key."""
    path = Path(path)
    try:
        with open_regular(path) as stream:  # a named pipe or a device is refused, not waited on
            size = os.fstat(stream.fileno()).st_size
            raw = b"" if size > MAX_BYTES else stream.read(MAX_BYTES + 1)
    except NotAFileError as error:
        raise InputError(str(path), None, error.reason, code="not_a_file") from None
    except OSError as error:
        raise InputError(
            str(path), None, f"cannot be read: {error.strerror}", code="unreadable"
        ) from None
    if size > MAX_BYTES or len(raw) > MAX_BYTES:
        shown = f"{size:,} bytes" if size > MAX_BYTES else f"more than {MAX_BYTES:,} bytes"
        raise InputError(str(path), shown, f"is larger than {MAX_BYTES:,} bytes", code="too_large")
    try:
        data = tomllib.loads(raw.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(
            str(path), None, f"is not a valid TOML file: {error}", code="bad_toml"
        ) from None
    try:
        return RateCard.from_mapping(data)
    except InputError as error:
        raise InputError(
            f"{path.name}: {error.field}",
            error.value,
            error.rule,
            code=error.code,
            limit=error.limit,
        ) from None


@lru_cache(maxsize=1)
def default_rate_card() -> RateCard:
    """The rate card the product ships with."""
    return load_rate_card(resource(*DEFAULT_RATE_CARD))
