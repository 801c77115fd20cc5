"""Embedding shaped glyphs in a ReportLab document, with a ToUnicode map of logical text.

Each face drawn in a document becomes a Type0 font (Identity-H) over a
CIDFontType2 subset. Character codes are allocated per distinct key
(glyph, logical text, width): the same glyph may stand for different text, and
the ToUnicode map must give back exactly what was typed. The glyph is a glyph id,
or a tuple of (glyph id, dx, dy) components in font units: a glyph of its own,
appended to the subset as a composite (subset.py). That is how a mark is drawn
at the pen with its offset, and how a glyph with no text of its own (a kashida,
a connecting piece) is drawn as part of the glyph beside it (see draw.py).
CIDToGIDMap maps the codes to glyph ids.

Every code has a ToUnicode entry: a reader shows a code without one as whatever
its number means (PDFium and pdf.js print `Á` or U+008F inside words). A glyph
with no text that could not join a neighbour is copied as U+200D, the zero width
joiner, which changes nothing in joined Arabic.

ReportLab's own `shapeStr` is not used: it guesses the direction and maps
contextual glyphs to private-use code points, so copied text is garbage.
The objects are written when the document is saved (ReportLab's
`delayedFonts`), once the set of glyphs is known.
"""
from __future__ import annotations

import hashlib
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from circular_editor.errors import UserError
from circular_editor.typeset.fonts import FontFace
from circular_editor.typeset.subset import Composite, subset_keeping_ids

_ATTR = "_circular_editor_fonts"
GlyphRef = int | tuple[tuple[int, int, int], ...]  # a glyph id, or (glyph id, dx, dy) components in font units
CodeKey = tuple[GlyphRef, str, int]  # what one code draws: the glyph, the text it is copied as, its PDF width


class TooManyCharacters(UserError):
    """More distinct glyphs in one face than a PDF font can number (the engine's error, not a circular's)."""


class _FaceCodes:
    def __init__(self, face: FontFace, internal_name: str):
        self.face = face
        self.internal_name = internal_name
        self.entries: list[CodeKey] = [(0, "", face.advances[0])]  # code 0 is .notdef
        self._written: dict[CodeKey, str] = {}  # key -> its code as a TJ array writes it

    def hex(self, key: CodeKey) -> str:
        """The code drawing `key` (glyph id or components, the text it is copied as, its width in font
        units for the PDF) as a TJ array writes it: <0A1F>. Codes are given in order of first use."""
        written = self._written.get(key)
        if written is None:
            code = len(self.entries)
            if code > 0xFFFF:  # (only text of many thousand characters the fonts lack comes near it)
                raise TooManyCharacters(f"too many different characters for one PDF font ({self.face.postscript_name}"
                                        ": more than 65,535); the text holds characters the fonts cannot show")
            self.entries.append(key)
            written = self._written[key] = f"<{code:04X}>"
        return written


class DocumentFonts:
    """The faces one ReportLab document draws with; get it with `fonts_of(canvas)`."""

    def __init__(self, doc: Any):  # (ReportLab's PDFDocument)
        self.faces: dict[int, _FaceCodes] = {}
        doc.delayedFonts.append(self)

    def codes_for(self, face: FontFace) -> _FaceCodes:
        codes = self.faces.get(id(face))
        if codes is None:
            name = f"FS{len(self.faces) + 1}"
            codes = self.faces[id(face)] = _FaceCodes(face, name)
        return codes

    def addObjects(self, doc: Any) -> None:  # ReportLab's name: called once, when the PDF is written
        font_dict = doc.idToObject["BasicFonts"].dict
        for codes in self.faces.values():
            # An indirect object, as a font resource must be: written inline, poppler reports "xref num 1
            # not found" and pdffonts misses the font.
            font_dict[codes.internal_name] = doc.Reference(_type0_font(doc, codes), codes.internal_name)


class _NoFont:
    """What a canvas starts with instead of Helvetica. ReportLab's page preamble selects its initial
    font unless that font is "dynamic", and a selected font is written into every page's resources,
    unembedded, though nothing is drawn with it."""

    fontName = "CircularEditor-NoFont"
    _dynamicFont = 1
    _multiByte = 0

    class face:
        name = "CircularEditor-NoFont"


def new_canvas(buffer: Any, **options: Any) -> Canvas:
    """A ReportLab canvas that draws with our fonts only (see _NoFont)."""
    if _NoFont.fontName not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_NoFont())
    return Canvas(buffer, initialFontName=_NoFont.fontName, **options)


def fonts_of(canvas: Canvas) -> DocumentFonts:
    doc = canvas._doc
    fonts: DocumentFonts | None = getattr(doc, _ATTR, None)
    if fonts is None:
        fonts = DocumentFonts(doc)
        setattr(doc, _ATTR, fonts)
    return fonts


def pdf_text(obj: Any, document: Any) -> str:
    """A ReportLab object (a reference, a PDFString, a name...) as the PDF writes it, for objects we write as
    text (a structure element, an annotation): ReportLab's own dictionaries cost 0.1 ms each to write."""
    if obj.__class__ is pdfdoc.PDFObjectReference:
        return "%d %d R" % document.idToObjectNumberAndVersion[obj.name]
    written: bytes = obj.format(document)
    return written.decode("latin-1")


def _stream(doc: Any, content: bytes) -> pdfdoc.PDFStream:
    stream = pdfdoc.PDFStream(content=content)
    if doc.compression:
        stream.filters = [pdfdoc.PDFZCompress]
    return stream


def _subset_tag(face: FontFace, gids: list[int]) -> str:
    """Six capital letters derived from the glyph set: the same document, the same name."""
    digest = hashlib.sha1(face.digest.encode() + repr(sorted(set(gids))).encode()).digest()
    return "".join(chr(65 + b % 26) for b in digest[:6])


def _type0_font(doc: Any, codes: _FaceCodes) -> pdfdoc.PDFDictionary:
    face = codes.face
    drawn = [_glyph_program(face, glyph, width) for glyph, _, width in codes.entries]
    composites = tuple(sorted({glyph for glyph in drawn if not isinstance(glyph, int)}))
    gid_of = {glyph: len(face.advances) + k for k, glyph in enumerate(composites)}
    gids = [glyph if isinstance(glyph, int) else gid_of[glyph] for glyph in drawn]
    base_font = f"{_subset_tag(face, gids)}+{face.postscript_name}"
    scale = 1000.0 / face.upem
    used = {glyph for glyph in drawn if isinstance(glyph, int)}
    font_file = pdfdoc.PDFStream(content=subset_keeping_ids(face.data, used, composites))
    font_file.dictionary["Length1"] = len(font_file.content)
    font_file.filters = [pdfdoc.PDFZCompress]
    descriptor = pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("FontDescriptor"),
        "FontName": pdfdoc.PDFName(base_font),
        "Flags": 4 | (64 if face.italic_angle else 0),  # symbolic; italic
        "FontBBox": pdfdoc.PDFArray([round(v * scale) for v in face.bbox]),
        "ItalicAngle": face.italic_angle,
        "Ascent": round(face.ascent * scale),
        "Descent": round(face.descent * scale),
        "CapHeight": round(face.cap_height * scale),
        "StemV": 80,
        "FontFile2": doc.Reference(font_file),
    })
    cid_to_gid = b"".join(gid.to_bytes(2, "big") for gid in gids)
    widths = [round(width * scale) for _, _, width in codes.entries]
    cid_font = pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("Font"),
        "Subtype": pdfdoc.PDFName("CIDFontType2"),
        "BaseFont": pdfdoc.PDFName(base_font),
        "CIDSystemInfo": pdfdoc.PDFDictionary({
            "Registry": pdfdoc.PDFString("Adobe"), "Ordering": pdfdoc.PDFString("Identity"),
            "Supplement": 0}),
        "FontDescriptor": doc.Reference(descriptor),
        "DW": 0,
        "W": pdfdoc.PDFArray([0, pdfdoc.PDFArray(widths)]),
        "CIDToGIDMap": doc.Reference(_stream(doc, cid_to_gid)),
    })
    return pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("Font"),
        "Subtype": pdfdoc.PDFName("Type0"),
        "BaseFont": pdfdoc.PDFName(base_font),
        "Encoding": pdfdoc.PDFName("Identity-H"),
        "DescendantFonts": pdfdoc.PDFArray([doc.Reference(cid_font)]),
        "ToUnicode": doc.Reference(_stream(doc, _to_unicode_cmap(codes.entries))),
    })


def _glyph_program(face: FontFace, glyph: GlyphRef, width: int) -> int | Composite:
    """The glyph of the subset that draws a code: the font's own glyph where the code's width is its
    advance, else a composite (its components, the code's width) of the subset's own, so that the
    width in the font dictionary is the glyph program's (PDF/A-2, ISO 19005-2 6.2.11.5): a justified
    glyph, a mark drawn with no width, a glyph with its textless neighbours."""
    if isinstance(glyph, int):
        if face.advances[glyph] == width:
            return glyph
        glyph = ((glyph, 0, 0),)
    return (glyph, max(0, width))


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


TEXTLESS = "\u200d"  # what a glyph with no text of its own is copied as


def _to_unicode_cmap(entries: list[CodeKey]) -> bytes:
    """bfchar entries: code -> the logical text of the glyph, for every code but .notdef."""
    pairs = [(code, entry[1] or TEXTLESS) for code, entry in enumerate(entries) if code]
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
    ]
    for start in range(0, len(pairs), 100):
        chunk = pairs[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{code:04X}> <{_utf16_hex(text)}>" for code, text in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")
