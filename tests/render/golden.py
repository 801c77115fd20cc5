"""A text dump of everything a rendered PDF draws, read back from the PDF itself.

One line per glyph, in the order the content stream draws them:

    page  baseline  x  rise  font  glyph-id  "ToUnicode text"

positions in points to 0.01, the glyph id through the font's CIDToGIDMap and
the text through its ToUnicode map; then one line per link annotation or signature field. A glyph
the subset adds (a shifted copy of a glyph, see typeset/subset.py) is shown as
the glyphs it is made of, one line each, where their ink lands: x moved by the
offset, and the height above the baseline as the rise (the text on the first). The
golden files in tests/render/golden/ hold this dump and the SHA-256 of the PDF
for each example; `scripts/update_golden.py` rewrites them on purpose, and
tests/render/test_golden.py fails when anything drawn moves.
"""
from __future__ import annotations

import io
import json
import struct

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from circular_editor.typeset.fonts import default_family
from circular_editor.typeset.subset import TrueTypeTables


class _Recorder(PDFTextDevice):
    def __init__(self, manager, gid_maps: dict[str, tuple[bytes, TrueTypeTables]]):
        super().__init__(manager)
        self.gid_maps = gid_maps
        self.page = 0
        self.lines: list[str] = []

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        name = font.fontname.split("+", 1)[-1]
        table, embedded = self.gid_maps.get(font.fontname, (b"", None))
        gid = int.from_bytes(table[2 * cid:2 * cid + 2], "big") if table else cid
        try:
            text = font.to_unichr(cid)
        except Exception:  # no ToUnicode entry: pdfminer raises; the dump says so
            text = None
        count, upem = _FACES.get(name, (1 << 16, 1000))
        parts = [(gid, 0, 0)]
        if embedded is not None and gid >= count:  # a composite the subset added: one line per component
            parts = _components(embedded.glyph(gid))
        for k, (part, dx, dy) in enumerate(parts):
            self.lines.append(f"{self.page} {matrix[5]:.2f} {matrix[4] + dx * fontsize / upem:.2f} "
                              f"{rise + dy * fontsize / upem:.2f} {name} {part} "
                              f"{json.dumps(text if k == 0 else None, ensure_ascii=False)}")
        return font.char_width(cid) * fontsize * scaling


_FACES = {face.postscript_name: (len(face.advances), face.upem)  # glyphs in the font file, units per em
          for family in [default_family()]
          for face in (family.regular, family.bold, family.italic, family.bold_italic, *family.fallbacks)}


def _components(glyph: bytes) -> list[tuple[int, int, int]]:
    """(glyph id, dx, dy) of each component of a composite the subset added (word offsets, no scale)."""
    parts, pos = [], 10
    while True:
        flags, gid, dx, dy = struct.unpack_from(">HHhh", glyph, pos)
        parts.append((gid, dx, dy))
        pos += 8
        if not flags & 0x0020:  # MORE_COMPONENTS
            return parts


def _gid_maps(page) -> dict[str, tuple[bytes, TrueTypeTables]]:
    maps = {}
    for spec in resolve1(page.resources.get("Font", {})).values():
        spec = resolve1(spec)
        for descendant in resolve1(spec.get("DescendantFonts", [])):
            descendant = resolve1(descendant)
            stream = resolve1(descendant.get("CIDToGIDMap"))
            if hasattr(stream, "get_data"):
                font_file = resolve1(resolve1(descendant["FontDescriptor"])["FontFile2"]).get_data()
                maps[resolve1(spec["BaseFont"]).name] = (stream.get_data(), TrueTypeTables(font_file))
    return maps


def dump(pdf: bytes) -> str:
    manager = PDFResourceManager()
    document = PDFDocument(PDFParser(io.BytesIO(pdf)))
    out: list[str] = []
    for number, page in enumerate(PDFPage.create_pages(document), 1):
        device = _Recorder(manager, _gid_maps(page))
        device.page = number
        PDFPageInterpreter(manager, device).process_page(page)
        out += device.lines
        for annot in resolve1(page.annots) or []:
            annot = resolve1(annot)
            x0, y0, x1, y1 = (float(v) for v in resolve1(annot["Rect"]))
            if resolve1(annot.get("FT")) is not None:  # a signature field (its name)
                name = resolve1(annot.get("T"))
                out.append(f"{number} field {x0:.2f} {y0:.2f} {x1:.2f} {y1:.2f} {name.decode('latin-1')}")
                continue
            target = resolve1(resolve1(annot.get("A", {})).get("URI", b""))
            target = target.decode("latin-1") if isinstance(target, bytes) else str(target)
            out.append(f"{number} link {x0:.2f} {y0:.2f} {x1:.2f} {y1:.2f} {target}")
    return "\n".join(out) + "\n"
