"""TrueType subsetting for PDF embedding, keeping glyph ids.

fontTools' subsetter takes ~75 ms per Amiri face, more than a whole page should
cost. A PDF needs only the outlines of the glyphs it draws, so this keeps the
glyph ids, empties every `glyf` entry that is not used (or a component of a
used composite), and writes the tables a PDF viewer reads. That takes a few
milliseconds. Layout tables (GSUB/GPOS) are dropped: shaping is already done.
Composite glyphs are appended after the font's own (see pdffont.py): a mark moved
to where it is drawn, a glyph with the glyphs that have no text beside it, or a
glyph drawn at a width of its own (justified). Each has its own advance in `hmtx`:
PDF/A (ISO 19005-2 6.2.11.5) wants the width the PDF gives a code to be the width
of the glyph the font program draws for it.
"""
from __future__ import annotations

import struct
from functools import lru_cache

_KEPT_TABLES = (b"OS/2", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep")
_ARGS_ARE_WORDS, _HAVE_SCALE, _MORE, _HAVE_XY_SCALE, _HAVE_2X2 = 0x0001, 0x0008, 0x0020, 0x0040, 0x0080


class TrueTypeTables:
    """The table directory and glyph locations of one TrueType file, parsed once."""

    def __init__(self, data: bytes):
        self.data = data
        num_tables = struct.unpack_from(">H", data, 4)[0]
        self.tables: dict[bytes, tuple[int, int]] = {}
        for i in range(num_tables):
            tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            self.tables[tag] = (offset, length)
        head = self.table(b"head")
        long_loca = struct.unpack_from(">h", head, 50)[0] == 1
        num_glyphs = struct.unpack_from(">H", self.table(b"maxp"), 4)[0]
        loca = self.table(b"loca")
        if long_loca:
            self.loca = list(struct.unpack_from(f">{num_glyphs + 1}I", loca))
        else:
            self.loca = [2 * x for x in struct.unpack_from(f">{num_glyphs + 1}H", loca)]
        self.num_glyphs = num_glyphs

    def table(self, tag: bytes) -> bytes:
        offset, length = self.tables[tag]
        return self.data[offset:offset + length]

    def glyph(self, gid: int) -> bytes:
        glyf_offset = self.tables[b"glyf"][0]
        return self.data[glyf_offset + self.loca[gid]:glyf_offset + self.loca[gid + 1]]

    def components(self, gid: int) -> list[int]:
        data = self.glyph(gid)
        if len(data) < 10 or struct.unpack_from(">h", data, 0)[0] >= 0:
            return []
        found, pos = [], 10
        while True:
            flags, component = struct.unpack_from(">HH", data, pos)
            found.append(component)
            pos += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
            pos += 2 if flags & _HAVE_SCALE else 4 if flags & _HAVE_XY_SCALE else 8 if flags & _HAVE_2X2 else 0
            if not flags & _MORE:
                return found


@lru_cache(maxsize=16)
def parse(data: bytes) -> TrueTypeTables:
    return TrueTypeTables(data)


Components = tuple[tuple[int, int, int], ...]  # (glyph id, dx, dy) in font units, per component
Composite = tuple[Components, int]  # its components and its advance, in font units


def subset_keeping_ids(data: bytes, used: set[int], composites: tuple[Composite, ...] = ()) -> bytes:
    """A TrueType file with the outlines of `used` (and glyph 0) only, same glyph ids; then one glyph
    per entry of `composites`, from id `num_glyphs` on: its components, each moved by its (dx, dy),
    with its own advance."""
    parts = {gid for components, _ in composites for gid, _, _ in components}
    return _subset(data, frozenset(used) | parts, tuple(composites))


@lru_cache(maxsize=32)  # re-rendering the same circular (the preview) reuses its subsets
def _subset(data: bytes, used: frozenset[int], composites: tuple[Composite, ...]) -> bytes:
    font = parse(data)
    keep = {0} | {g for g in used if 0 <= g < font.num_glyphs}
    todo = list(keep)
    while todo:
        for component in font.components(todo.pop()):
            if component not in keep:
                keep.add(component)
                todo.append(component)
    glyf = bytearray()
    loca = [0]
    for gid in range(font.num_glyphs):
        if gid in keep:
            glyf += font.glyph(gid)
            glyf += b"\0" * (-len(glyf) % 4)
        loca.append(len(glyf))
    bearings = []  # each new glyph's left side bearing: its xMin, which rasterisers take as its origin offset
    for components, _ in composites:
        glyph = _composite_glyph(font, components)
        bearings.append(struct.unpack_from(">h", glyph, 2)[0])
        glyf += glyph
        glyf += b"\0" * (-len(glyf) % 4)
        loca.append(len(glyf))
    head = bytearray(font.table(b"head"))
    struct.pack_into(">I", head, 8, 0)  # checksumAdjustment, recomputed by nobody: viewers ignore it
    struct.pack_into(">h", head, 50, 1)  # long loca
    tables = {tag: font.table(tag) for tag in _KEPT_TABLES if tag in font.tables}
    tables.update({b"head": bytes(head), b"glyf": bytes(glyf),
                   b"loca": struct.pack(f">{len(loca)}I", *loca)})
    if composites:
        metrics = [(advance, bearing) for (_, advance), bearing in zip(composites, bearings)]
        tables.update(_with_more_glyphs(font, metrics, max(len(components) for components, _ in composites)))
    return _assemble(tables)


_XY_WORDS = 0x0001 | 0x0002  # ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES


def _composite_glyph(font: TrueTypeTables, components: Components) -> bytes:
    """A composite glyph of `components`, each moved by its (dx, dy); its box holds theirs.

    Offsets and the box are 16-bit in the glyph table: a mark stacked past 32,767 units (about 33 em: the
    225th mark on one letter) is held at that height instead of making the font unwritable."""
    components = tuple((gid, _int16(dx), _int16(dy)) for gid, dx, dy in components)
    boxes = []
    for gid, dx, dy in components:
        data = font.glyph(gid)
        if len(data) >= 10:  # (an empty glyph, a space, has no box)
            x0, y0, x1, y1 = struct.unpack_from(">hhhh", data, 2)
            boxes.append((x0 + dx, y0 + dy, x1 + dx, y1 + dy))
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
           max(b[3] for b in boxes)) if boxes else (0, 0, 0, 0)
    out = bytearray(struct.pack(">hhhhh", -1, *map(_int16, box)))
    for k, (gid, dx, dy) in enumerate(components):
        flags = _XY_WORDS | (_MORE if k < len(components) - 1 else 0)
        out += struct.pack(">HHhh", flags, gid, dx, dy)
    return bytes(out)


def _int16(value: int) -> int:
    return max(-32768, min(32767, value))


def _with_more_glyphs(font: TrueTypeTables, metrics: list[tuple[int, int]], most_components: int) -> dict[bytes, bytes]:
    """maxp, hhea and hmtx for more glyphs with these (advance, left side bearing), composites of up to
    `most_components` components, one level deeper than what they hold. Every glyph gets a long metric
    (hhea's numberOfHMetrics counts them all): past that count a glyph takes the last advance, and a
    composite must have its own."""
    extra = len(metrics)
    maxp = bytearray(font.table(b"maxp"))
    struct.pack_into(">H", maxp, 4, font.num_glyphs + extra)
    if len(maxp) >= 32:  # version 1.0: maxComponentElements, maxComponentDepth
        elements, depth = struct.unpack_from(">HH", maxp, 28)
        struct.pack_into(">HH", maxp, 28, max(elements, most_components), depth + 1)
    hhea = bytearray(font.table(b"hhea"))
    long_count = struct.unpack_from(">H", hhea, 34)[0]
    hmtx = font.table(b"hmtx")
    last_advance = struct.unpack_from(">H", hmtx, 4 * (long_count - 1))[0]
    short = struct.unpack_from(f">{font.num_glyphs - long_count}h", hmtx, 4 * long_count)
    longs = hmtx[:4 * long_count] + b"".join(struct.pack(">Hh", last_advance, lsb) for lsb in short)
    longs += b"".join(struct.pack(">Hh", max(0, min(65535, advance)), lsb) for advance, lsb in metrics)
    advance_max = max(struct.unpack_from(">H", hhea, 10)[0], *(advance for advance, _ in metrics))
    struct.pack_into(">H", hhea, 34, font.num_glyphs + extra)
    struct.pack_into(">H", hhea, 10, max(0, min(65535, advance_max)))
    return {b"maxp": bytes(maxp), b"hhea": bytes(hhea), b"hmtx": longs}


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF


def _assemble(tables: dict[bytes, bytes]) -> bytes:
    tags = sorted(tables)
    n = len(tags)
    search = 1 << (n.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, n, search * 16, search.bit_length() - 1, n * 16 - search * 16)
    offset = 12 + 16 * n
    directory, body = bytearray(), bytearray()
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return header + bytes(directory) + bytes(body)
