"""Builds the CJK font the app ships (resources/fonts/README.md): Noto Sans CJK SC, subset.

Run ``make font`` (or ``.venv/bin/python scripts/build_font.py``) on a machine with Debian's
fonts-noto-cjk; the result is committed, so nothing else needs the system font. Rebuild when a
translation uses a character the font lacks (tests/i18n/test_font.py says so).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from babel.messages.pofile import read_po
from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from estimator_gui.files.atomic import write_bytes_atomic  # noqa: E402
from estimator_gui.files.resources import CJK_FONT  # noqa: E402

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
# Simplified Chinese glyph forms; the Hangul of every face of the collection is the same.
SOURCE_FAMILY = "Noto Sans CJK SC"
# Our subset's own name, so it is never mistaken for a full system Noto font. It does not use
# "Source", Adobe's reserved font name for the design (OFL condition 3).
FAMILY = "Noto Sans CJK SC TRTC"
POSTSCRIPT_NAME = "NotoSansCJKscTRTC-Regular"
OUTPUT = ROOT / "resources" / Path(*CJK_FONT)
LICENCE = OUTPUT.with_name("OFL.txt")
LOCALE = ROOT / "resources" / "locale"

# Money and typography beyond Latin-1: what amounts, ranges and quotes are written with.
PUNCTUATION = "×–—…‘’“”•·€£¥₩≤≥→←±%−"
RANGES = (
    (0x20, 0x7E),  # printable ASCII
    (0xA0, 0xFF),  # Latin-1 supplement
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0xAC00, 0xD7A3),  # every Hangul syllable: any Korean name a user types
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
)


def gb2312_characters() -> Iterator[str]:
    """Every character of GB2312: its 6,763 hanzi (rows 16-87) and its symbols (rows 1-9)."""
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                yield bytes((row, cell)).decode("gb2312")
            except UnicodeDecodeError:
                continue  # an unassigned code of the table


def catalogue_characters(locale: Path = LOCALE) -> set[str]:
    """Every character of every translation (msgstr) of the catalogues."""
    found: set[str] = set()
    for po_path in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as stream:
            catalog = read_po(stream)
        for message in catalog:
            if not message.id:
                continue  # the header
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings:
                found.update(text or "")
    return found


def character_set() -> set[str]:
    chars = {chr(code) for first, last in RANGES for code in range(first, last + 1)}
    chars.update(PUNCTUATION)
    chars.update(gb2312_characters())
    chars.update(catalogue_characters())
    return chars


def source_face(path: Path, family: str) -> TTFont:
    for face in TTCollection(str(path), lazy=True).fonts:
        if face["name"].getDebugName(1) == family:
            return face
    raise SystemExit(f"{path}: no face named {family!r} (is fonts-noto-cjk installed?)")


def subset_font(font: TTFont, chars: Iterable[str]) -> None:
    options = subset.Options()
    # CJK text is drawn glyph by glyph: no shaping, kerning or vertical layout is needed, and
    # Qt and fpdf2 both draw from cmap and hmtx.
    options.layout_features = []
    options.drop_tables += ["BASE", "VORG", "vhea", "vmtx", "GDEF", "GSUB", "GPOS"]
    options.hinting = False
    options.notdef_outline = True
    # the copyright, trademark, designers and licence (OFL condition 2) stay with the font
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(char) for char in chars))
    subsetter.subset(font)


def rename(font: TTFont) -> None:
    names = font["name"]
    version = names.getDebugName(5) or ""
    for name_id, value in (
        (1, FAMILY),
        (3, f"{POSTSCRIPT_NAME};subset for TRTC price estimator;{version}"),
        (4, FAMILY),
        (6, POSTSCRIPT_NAME),
    ):
        names.removeNames(nameID=name_id)
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    names.removeNames(nameID=16)
    names.removeNames(nameID=17)
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT_NAME]
    top = cff.topDictIndex[0]
    top.FullName = FAMILY
    top.FamilyName = FAMILY


def licence_text(font: TTFont, copyright_file: Path = DEBIAN_COPYRIGHT) -> str:
    """The font's copyright and trademark notices, then the OFL 1.1 as Debian ships it with them."""
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    # the stand-alone licence paragraph (a blank line before it), not the Files: line naming it
    start = next(
        number
        for number, line in enumerate(lines)
        if line == "License: SIL-1.1" and number and not lines[number - 1]
    )
    body: list[str] = []
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break  # the next paragraph of the copyright file
        body.append("" if line == " ." else line[1:])
    notices = [font["name"].getDebugName(name_id) or "" for name_id in (0, 7)]
    return "\n".join([*notices, "", *body]).rstrip() + "\n"


def build(source: Path, output: Path) -> int:
    font = source_face(source, SOURCE_FAMILY)
    if DEBIAN_COPYRIGHT.is_file():
        licence = licence_text(font).encode("utf-8")
        write_bytes_atomic(output.with_name(LICENCE.name), licence)
    subset_font(font, character_set())
    rename(font)
    font.recalcTimestamp = False  # the same sources give the same bytes: no change to commit
    buffer = io.BytesIO()
    font.save(buffer)
    write_bytes_atomic(output, buffer.getvalue())
    return len(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the Noto Sans CJK TTC")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"{args.source}: not found; install fonts-noto-cjk", file=sys.stderr)
        return 1
    size = build(args.source, args.output)
    font = TTFont(args.output, lazy=True)
    glyphs = len(font.getGlyphOrder())
    print(f"{args.output}: {size:,} bytes ({size / 2**20:.2f} MiB), {glyphs:,} glyphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
