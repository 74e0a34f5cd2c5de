"""Render packaging/icons/trtc-estimator.svg to the PNG the app and the .desktop file use, and to
the .ico (Windows) and .icns (macOS) build.spec gives PyInstaller. Rerun after editing the SVG:
``QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "packaging" / "icons" / "trtc-estimator.svg"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    targets = [
        (ROOT / "resources" / "icons" / "trtc-estimator.png", "PNG", 256),
        (ROOT / "packaging" / "icons" / "trtc-estimator.ico", "ICO", 256),
        (ROOT / "packaging" / "icons" / "trtc-estimator.icns", "ICNS", 512),
    ]
    for path, fmt, size in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(path), fmt):
            print(f"could not write {path} ({fmt})", file=sys.stderr)
            return 1
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
