"""Where the bundled resources are, the same way from source and from the frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, in ``_MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


DEFAULT_RATE_CARD = ("rate_cards", "trtc-intl-2022-06.toml")
# The CJK font the app ships (OFL; subset by scripts/build_font.py, see resources/fonts/README.md):
# registered with Qt for Korean and Chinese, and embedded (subset again) in PDF quotes.
CJK_FONT = ("fonts", "NotoSansCJKsc-TRTC.otf")
