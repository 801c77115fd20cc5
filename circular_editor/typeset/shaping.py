"""Shaping one run (one level, one face) into positioned glyphs.

HarfBuzz does the work, with the direction given explicitly (never guessed),
the script and language of the run, and the characters around the run as
context so that letters join across a change of style. HarfBuzz reads at most
CONTEXT characters on each side (HB_BUFFER_CONTEXT_LENGTH), so a run is shaped
from a window of the paragraph no longer than itself plus 2 x CONTEXT: the work
is linear in the paragraph's length, and the cache, keyed on that window, still
holds every run an edit did not touch. HarfBuzz mirrors brackets in RTL runs by
itself, so the text it gets is never pre-mirrored.

A face without Arabic OpenType layout (no `arab` script in GSUB) is shaped by
arabic-reshaper instead: contextual presentation forms and lam-alef, looked up
in the face's cmap, marks centred over their letter.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

import uharfbuzz as hb

from circular_editor.typeset.fonts import FontFace

TATWEEL = "\u0640"
CONTEXT = 5  # HB_BUFFER_CONTEXT_LENGTH: the characters HarfBuzz reads before and after a run


class Glyph(NamedTuple):
    """One shaped glyph in font units. `cluster` is the first character of its grapheme (a letter and its
    marks: the unit lines and kashidas work with); `char` is the first character the glyph itself stands
    for (a mark's glyph stands for the mark: what a reader copies from that glyph, see layout.py)."""

    gid: int
    cluster: int
    advance: int
    x_offset: int
    y_offset: int
    tatweel_ok: bool  # HarfBuzz: a tatweel may be inserted before this cluster
    char: int


def is_arabic(ch: str) -> bool:
    cp = ord(ch)
    return 0x0600 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


def run_script(text: str, rtl: bool) -> str:
    if any(is_arabic(ch) for ch in text):
        return "Arab"
    if any(ch.isalpha() for ch in text):
        return "Latn"
    return "Arab" if rtl else "Latn"


class Cluster(NamedTuple):
    """The glyphs of one cluster; `start` counts from the shaped window (add the offset shape_clusters gives)."""

    start: int
    glyphs: tuple[Glyph, ...]
    advance: int  # font units
    tatweel_ok: bool


def shape_clusters(face: FontFace, text: str, start: int, end: int, rtl: bool) -> tuple[int, tuple[Cluster, ...]]:
    """(offset, clusters of text[start:end] in logical order): the cached grouping of `shape`, whose cluster
    starts plus offset index `text`; nothing is copied per glyph, so an unchanged run costs one lookup."""
    script = run_script(text[start:end], rtl)
    if script == "Arab" and not face.has_arabic_layout:
        return start, _grouped_fallback(face, text[start:end])
    first = max(0, start - CONTEXT)
    return first, _grouped_harfbuzz(face, text[first:end + CONTEXT], start - first, end - first, rtl, script)


def _group(glyphs: tuple[Glyph, ...]) -> tuple[Cluster, ...]:
    """Clusters in logical order. A run's glyphs come with their graphemes monotone (HarfBuzz's monotone
    cluster levels, the fallback shaper likewise), so a cluster's glyphs are next to each other; what is
    not so is grouped the long way."""
    runs: list[list[Glyph]] = []
    last = None
    for g in glyphs:
        if g.cluster == last:
            runs[-1].append(g)
        else:
            runs.append([g])
            last = g.cluster
    if len(runs) > 1 and runs[0][0].cluster > runs[-1][0].cluster:
        runs.reverse()  # right to left
    if any(a[0].cluster >= b[0].cluster for a, b in zip(runs, runs[1:])):
        by_cluster: dict[int, list[Glyph]] = {}
        for g in glyphs:
            by_cluster.setdefault(g.cluster, []).append(g)
        runs = [by_cluster[c] for c in sorted(by_cluster)]
    new = tuple.__new__
    return tuple(new(Cluster, (gs[0].cluster, (gs[0],), gs[0].advance, gs[0].tatweel_ok)) if len(gs) == 1 else
                 new(Cluster, (gs[0].cluster, tuple(gs), sum(g.advance for g in gs), any(g.tatweel_ok for g in gs)))
                 for gs in runs)


# Runs kept, by their window of text. Re-rendering unchanged paragraphs needs none of them (render/text.py
# keeps the paragraphs' layouts); they serve a paragraph being edited, whose other runs are unchanged, and
# the runs around an edit in a long paragraph (relayout.py reshapes only those). A run costs ~170 bytes a
# glyph here, so this bounds the cache at about two megabytes whatever the length of the circular (a
# paragraph has a few runs, a few dozen at most: an edit finds the runs it did not touch).
RUNS_KEPT = 256


@lru_cache(maxsize=RUNS_KEPT)
def _grouped_harfbuzz(face: FontFace, text: str, start: int, end: int, rtl: bool, script: str) -> tuple[Cluster, ...]:
    return _group(_shape_harfbuzz(face, text, start, end, rtl, script))


@lru_cache(maxsize=2048)
def _grouped_fallback(face: FontFace, source: str) -> tuple[Cluster, ...]:
    return _group(_reshape_fallback(face, source))


def _shape_harfbuzz(face: FontFace, text: str, start: int, end: int, rtl: bool, script: str) -> tuple[Glyph, ...]:
    """Glyphs of text[start:end]; the rest of `text` is context. Clusters index `text`."""
    buf = hb.Buffer()
    buf.add_str(text, start, end - start)
    buf.direction = "rtl" if rtl else "ltr"
    buf.script = script
    buf.language = "ar" if script == "Arab" else "en"
    buf.flags = hb.BufferFlags.PRODUCE_SAFE_TO_INSERT_TATWEEL | hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    # Character-level clusters: a mark keeps a cluster of its own, so its glyph can be copied as the mark
    # alone. Glyphs and positions are those of the default (grapheme) level; graphemes are put back
    # together from `_grapheme_starts` for the rest of the layout.
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(face.hb_font, buf, {"kern": True, "liga": True})
    grapheme = _grapheme_starts(text, start)
    # The glyph flags are read from HarfBuzz's serialization: `info.flags` makes a Python enum for each
    # glyph, which took a fifth of this function.
    flags = _GLYPH_FLAGS.findall(buf.serialize(face.hb_font, flags=_FLAGS_ONLY))
    new, safe = tuple.__new__, _SAFE_TO_INSERT_TATWEEL
    return tuple(new(Glyph, (info.codepoint, grapheme[info.cluster], pos.x_advance, pos.x_offset, pos.y_offset,
                             flag in safe, info.cluster))
                 for info, pos, flag in zip(buf.glyph_infos, buf.glyph_positions, flags))


_FLAGS_ONLY = (hb.BufferSerializeFlags.NO_GLYPH_NAMES | hb.BufferSerializeFlags.NO_CLUSTERS
               | hb.BufferSerializeFlags.NO_POSITIONS | hb.BufferSerializeFlags.NO_ADVANCES
               | hb.BufferSerializeFlags.GLYPH_FLAGS)
_GLYPH_FLAGS = re.compile(r"[\[|]\d+(?:#([0-9A-F]+))?")  # `[12#1|7|9#5]`: a glyph id, then its flags in hex
_SAFE_TO_INSERT_TATWEEL = frozenset(f"{v:X}" for v in range(256) if v & int(hb.GlyphFlags.SAFE_TO_INSERT_TATWEEL))


_CONTINUING = frozenset(("Mn", "Mc", "Me"))
_NOT_WORD_OR_SPACE = re.compile(r"[^\w\s]")  # every mark, joiner, emoji modifier and tag is among these


def _grapheme_starts(text: str, first: int) -> list[int]:
    """For each character from `first` on, the first character of its grapheme as HarfBuzz's default
    cluster level groups them (text before `first` is context): marks, ZWNJ/ZWJ, emoji modifiers and
    tags continue the character before them."""
    starts: list[int] = list(range(len(text)))
    category = unicodedata.category
    for match in _NOT_WORD_OR_SPACE.finditer(text, first + 1):
        i = match.start()
        ch = text[i]
        cp = ord(ch)
        if (category(ch) in _CONTINUING or cp in (0x200C, 0x200D)
                or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F):
            starts[i] = starts[i - 1]
    return starts


@lru_cache(maxsize=1)
def _reshaper() -> Any:
    """arabic-reshaper, imported on first use: the bundled faces never need it, and importing it
    imports fontTools when installed (~10 ms of every cold start)."""
    from arabic_reshaper import ArabicReshaper
    return ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": False,
                                         "shift_harakat_position": False})


_LAM_ALEF = {  # alef -> isolated lam-alef presentation form; the final form is the next code point
    "\u0622": "\ufef5", "\u0623": "\ufef7", "\u0625": "\ufef9", "\u0627": "\ufefb",
}


def _is_mark(ch: str) -> bool:
    return 0x064B <= ord(ch) <= 0x065F or ch == "\u0670"


@lru_cache(maxsize=2048)
def _reshape_fallback(face: FontFace, source: str) -> tuple[Glyph, ...]:
    """Presentation-form shaping for a face with no Arabic layout tables (right to left)."""
    forms = _reshaper().reshape(source)
    if len(forms) != len(source):  # never expected with ligatures off; keep clusters honest
        forms = source
    clusters: list[list[Glyph]] = []  # logical order; a cluster is a letter and its marks
    i = 0
    while i < len(source):
        ch, form = source[i], forms[i]
        if _is_mark(ch) and clusters:
            gid = face.cmap.get(ord(ch), 0)
            clusters[-1].append(Glyph(gid, clusters[-1][0].cluster, face.advances[gid], 0, 0, False, i))
            i += 1
            continue
        width = 1
        nxt = source[i + 1] if i + 1 < len(source) else ""
        if ch == "\u0644" and nxt in _LAM_ALEF:
            lig = ord(_LAM_ALEF[nxt]) + (1 if form == "\ufee0" else 0)  # lam joined on its right
            if lig in face.cmap:
                form, width = chr(lig), 2
        gid = face.cmap.get(ord(form), face.cmap.get(ord(ch), 0))
        clusters.append([Glyph(gid, i, face.advances[gid], 0, 0, False, i)])
        i += width
    return tuple(g for cluster in reversed(clusters) for g in _place_marks(face, cluster))


def _place_marks(face: FontFace, cluster: list[Glyph]) -> list[Glyph]:
    """Marks come before their letter, last first, as HarfBuzz gives a right-to-left cluster: zero
    advance, centred over the letter."""
    base, marks = cluster[0], cluster[1:]
    placed = []
    for mark in reversed(marks):
        ext = face.hb_font.get_glyph_extents(mark.gid)
        centre = (ext.x_bearing + ext.width / 2) if ext else 0
        placed.append(mark._replace(advance=0, x_offset=int(base.advance / 2 - centre)))
    return placed + [base]
