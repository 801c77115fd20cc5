"""Font faces, the bundled families and the per-character fallback chain.

A `FontFace` is one font file: its bytes (for embedding), a HarfBuzz font for
shaping, its cmap and metrics. A `FontFamily` holds the four styles of the body
face plus fallback faces; `face_for` picks, per character, the first face that
has it. A character that no face has is drawn as the replacement glyph (U+FFFD)
of the first face that has one, and a warning is logged once per character.
"""
from __future__ import annotations

import hashlib
import logging
import struct
import sys
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import uharfbuzz as hb

from circular_editor.paths import RESOURCES

log = logging.getLogger(__name__)

FONT_DIR = RESOURCES / "fonts"
REPLACEMENT = "\ufffd"
_warned: set[str] = set()


class FontFace:
    """One font file, loaded once per process (see `load_face`), and only when first used: a family
    names five faces, a letter usually draws with two, and loading one takes ~2 ms of a cold start."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute not set yet: the first use of anything but `path` loads the file.
        if name.startswith("__") or "hb_face" in self.__dict__:
            raise AttributeError(name)
        self._load()
        return getattr(self, name)

    def _load(self) -> None:
        self.data = self.path.read_bytes()
        self.hb_face = hb.Face(hb.Blob(self.data))
        self.hb_font = hb.Font(self.hb_face)
        self.hb_font.scale = (self.hb_face.upem, self.hb_face.upem)
        # The cmap through HarfBuzz: fontTools takes ~25 ms per face for it. The other values are read
        # from the tables' bytes: fontTools spent ~20 ms a face on them (decoding `post`'s ~6,800 glyph
        # names to read one angle, importing `name`).
        glyph = self.hb_font.get_nominal_glyph
        self.cmap: dict[int, int] = {cp: glyph(cp) for cp in self.hb_face.unicodes}
        table = self._table
        self.advances = _advances(table("hhea"), table("hmtx"), self.hb_face.glyph_count)
        self.upem: int = self.hb_face.upem
        self.bbox = struct.unpack_from(">4h", table("head"), 36)  # xMin, yMin, xMax, yMax
        self.ascent: int = struct.unpack_from(">h", table("hhea"), 4)[0]
        self.descent: int = struct.unpack_from(">h", table("hhea"), 6)[0]  # negative
        post = table("post")
        self.italic_angle = struct.unpack_from(">i", post, 4)[0] / 65536 if post else 0.0  # 16.16 fixed
        os2 = table("OS/2")
        cap_height = struct.unpack_from(">h", os2, 88)[0] if len(os2) >= 90 and os2[1] >= 2 else 0
        self.cap_height = cap_height or int(self.ascent * 0.7)
        self.postscript_name = (_english_name(table("name"), 6) or self.path.stem).replace(" ", "")
        self.has_arabic_layout = "arab" in self.hb_face.get_table_script_tags("GSUB")

    @cached_property
    def digest(self) -> str:
        """A short hash of the file (in the embedded subset's name); made when first embedded, as most
        faces loaded are never drawn."""
        return hashlib.sha1(self.data).hexdigest()[:12]

    def _table(self, tag: str) -> bytes:
        return bytes(self.hb_face.reference_table(tag).data)

    def has(self, ch: str) -> bool:
        return ord(ch) in self.cmap

    def __repr__(self) -> str:
        return f"FontFace({self.postscript_name})"


def _advances(hhea: bytes, hmtx: bytes, glyph_count: int) -> list[int]:
    """Each glyph's advance in font units, from `hmtx` (read as one array: asking HarfBuzz glyph by glyph
    took 1 ms a face). Glyphs past the table's long metrics have the last advance."""
    metrics = struct.unpack_from(">H", hhea, 34)[0]  # numberOfHMetrics
    pairs = array("H", hmtx[:4 * metrics])
    if sys.byteorder == "little":
        pairs.byteswap()
    advances = pairs[::2].tolist()  # (advance, left side bearing) pairs
    return advances + [advances[-1]] * (glyph_count - metrics)


def _english_name(table: bytes, name_id: int) -> str | None:
    """A `name` table entry as fontTools' getDebugName reads it: the English one (Mac Roman or
    Windows US English) if there is one, else the last one it can decode."""
    if len(table) < 6:
        return None
    count, strings = struct.unpack_from(">HH", table, 2)
    found = None
    for k in range(count):
        platform, encoding, language, nid, length, offset = struct.unpack_from(">6H", table, 6 + 12 * k)
        if nid != name_id:
            continue
        raw = table[strings + offset:strings + offset + length]
        if platform in (0, 3):
            codec = "utf-16-be"
        elif platform == 1 and encoding == 0:
            codec = "mac_roman"
        else:
            continue
        try:
            found = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if (platform, language) in ((1, 0), (3, 0x409)):
            return found
    return found


@lru_cache(maxsize=None)
def load_face(path: str | Path) -> FontFace:
    return FontFace(Path(path))


@dataclass(frozen=True)
class FontFamily:
    """The body face in four styles, then fallback faces tried character by character."""

    regular: FontFace
    bold: FontFace
    italic: FontFace
    bold_italic: FontFace
    fallbacks: tuple[FontFace, ...] = field(default=())

    def styled(self, bold: bool, italic: bool) -> FontFace:
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular

    def face_for(self, ch: str, bold: bool = False, italic: bool = False) -> FontFace | None:
        for face in (self.styled(bold, italic), *self.fallbacks):
            if face.has(ch):
                return face
        return None

    def replacement_face(self) -> FontFace:
        for face in (self.regular, *self.fallbacks):
            if face.has(REPLACEMENT):
                return face
        return self.regular


def draws_nothing(ch: str) -> bool:
    """A control or format character, a variation selector, a joiner: it chooses a form or a direction and
    has no ink, so a face lacking it draws nothing for it (HarfBuzz hides default-ignorable characters)."""
    cp = ord(ch)
    return unicodedata.category(ch) in ("Cc", "Cf") or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF \
        or cp == 0x034F


WARNED_AT_MOST = 10  # distinct characters named in the log; a text of 70,000 of them makes one more line


def forget_missing() -> None:
    """Start the count of warned characters again (each render warns about its own text)."""
    _warned.clear()


def warn_missing(ch: str) -> None:
    """Log once per process that a character has no glyph in any face (the first few such characters)."""
    if ch in _warned or len(_warned) > WARNED_AT_MOST:
        return
    _warned.add(ch)
    if len(_warned) > WARNED_AT_MOST:
        log.warning("more characters have no font; they are drawn as replacement glyphs and not listed")
        return
    name = unicodedata.name(ch, "unnamed")
    log.warning("no font has U+%04X %s; drawn as a replacement glyph", ord(ch), name)


@lru_cache(maxsize=None)
def default_family() -> FontFamily:
    """Amiri in four styles (it has Arabic, Latin and digits), DejaVu Sans for symbols, Symbola's symbols
    and emoji (monochrome outlines) for the rest."""
    amiri = {style: load_face(FONT_DIR / f"Amiri-{style}.ttf")
             for style in ("Regular", "Bold", "Slanted", "BoldSlanted")}
    return FontFamily(amiri["Regular"], amiri["Bold"], amiri["Slanted"], amiri["BoldSlanted"],
                      (load_face(FONT_DIR / "DejaVuSans.ttf"), load_face(FONT_DIR / "Symbola-Symbols.ttf")))
