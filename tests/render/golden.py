"""A text dump of everything a rendered PDF draws, read back from the PDF itself.

One line per glyph, in the order the content stream draws them:

    page  baseline  x  rise  font  glyph-id  "ToUnicode text"

positions in points to 0.01, the glyph id through the font's CIDToGIDMap and
the text through its ToUnicode map; then one line per link annotation. The
golden files in tests/render/golden/ hold this dump and the SHA-256 of the PDF
for each example; `scripts/update_golden.py` rewrites them on purpose, and
tests/render/test_golden.py fails when anything drawn moves.
"""
from __future__ import annotations

import io
import json

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1


class _Recorder(PDFTextDevice):
    def __init__(self, manager, gid_maps: dict[str, bytes]):
        super().__init__(manager)
        self.gid_maps = gid_maps
        self.page = 0
        self.lines: list[str] = []

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        name = font.fontname.split("+", 1)[-1]
        table = self.gid_maps.get(font.fontname, b"")
        gid = int.from_bytes(table[2 * cid:2 * cid + 2], "big") if table else cid
        try:
            text = font.to_unichr(cid)
        except Exception:  # no ToUnicode entry: pdfminer raises; the dump says so
            text = None
        self.lines.append(f"{self.page} {matrix[5]:.2f} {matrix[4]:.2f} {rise:.2f} {name} {gid} "
                          f"{json.dumps(text, ensure_ascii=False)}")
        return font.char_width(cid) * fontsize * scaling


def _gid_maps(page) -> dict[str, bytes]:
    maps = {}
    for spec in resolve1(page.resources.get("Font", {})).values():
        spec = resolve1(spec)
        for descendant in resolve1(spec.get("DescendantFonts", [])):
            descendant = resolve1(descendant)
            stream = resolve1(descendant.get("CIDToGIDMap"))
            if hasattr(stream, "get_data"):
                maps[resolve1(spec["BaseFont"]).name] = stream.get_data()
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
            target = resolve1(resolve1(annot.get("A", {})).get("URI", b""))
            target = target.decode("latin-1") if isinstance(target, bytes) else str(target)
            out.append(f"{number} link {x0:.2f} {y0:.2f} {x1:.2f} {y1:.2f} {target}")
    return "\n".join(out) + "\n"
