"""Laying out a piece of a paragraph (no newline in it) into justified lines.

paragraph.py splits a paragraph at its newlines and calls this per piece.
The order is fixed (ARCHITECTURE.md): bidi levels (explicit base direction,
automatic isolates) -> runs (level x face) -> HarfBuzz shaping per
run -> line breaking in logical order on shaped widths -> per-line reordering
(UAX #9 L1/L2) -> justification (spaces within caps, then kashida) -> placed
glyphs in visual order, each carrying the logical text it stands for.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import combinations
from collections.abc import Iterator
from typing import NamedTuple

from circular_editor.typeset.bidi import bidi_classes, resolve_levels, visual_order
from circular_editor.typeset.fonts import REPLACEMENT, FontFace, FontFamily, default_family, draws_nothing, warn_missing
from circular_editor.typeset.isolate import Isolate, find_isolates, with_isolates
from circular_editor.typeset.shaping import TATWEEL, Glyph, is_arabic, shape_clusters
from circular_editor.typeset.spans import Span

SPACES = frozenset(" \t")
URL_BREAK_AFTER = "/?&="  # a long URL breaks only after one of these (never at its hyphens, dots, @ or _)
URL_PIECE = 6  # characters a URL break leaves on each side, at least
SHORT_URL = 1 / 3  # a URL up to this share of the measure never breaks
RUNT_CHARACTERS = 12  # a paragraph's last line holds two words or this many characters, at least
_DROPPED_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # category Cc but tab and newline
_MARK_CATEGORIES = frozenset(("Mn", "Me", "Cf"))


@dataclass(frozen=True)
class ParagraphStyle:
    size: float = 12.0
    leading: float = 1.45  # line height as a multiple of the size
    align: str = "justify"  # justify, start, end, center ("start" is the right in RTL)
    rtl: bool = True
    kashida: bool = True
    space_stretch: float = 1.0  # a space may grow by this fraction of its width...
    space_shrink: float = 0.2  # ...and shrink by this one
    family: FontFamily = field(default_factory=default_family)

    @property
    def line_height(self) -> float:
        return self.size * self.leading


@dataclass(slots=True)
class PlacedGlyph:
    face: FontFace
    gid: int
    x: float  # points from the line's left edge
    y: float  # points above the baseline
    text: str  # the logical characters this glyph gives back when copied ("" for none)
    span: int  # index of the span it belongs to
    level: int  # bidi level of its characters
    index: int  # where its cluster starts in the line's text (logical order)
    extent: float = 0.0  # points the PDF counts as this glyph's width, beyond its own advance


@dataclass
class Line:
    glyphs: list[PlacedGlyph]
    width: float  # the width the line was set to
    used: float  # from the leftmost to the rightmost drawn point
    left: float  # where the ink starts, from the line's left edge
    ascent: float
    descent: float
    height: float
    text: str  # logical text of the line
    links: list[tuple[float, float, str]]  # (x0, x1, url) from the line's left edge


@dataclass
class ParagraphLayout:
    lines: list[Line]
    width: float
    spans: list[Span]

    @property
    def height(self) -> float:
        return sum(line.height for line in self.lines)


class _Cluster:
    """Glyphs standing for text[start:end]; widths in points."""

    __slots__ = ("start", "end", "glyphs", "face", "level", "width", "space", "tatweel_ok", "scale")

    def __init__(self, start: int, end: int, glyphs: tuple[Glyph, ...], face: FontFace, level: int, scale: float,
                 advance: float, tatweel_ok: bool, space: bool):
        self.start, self.end, self.glyphs, self.face, self.level = start, end, glyphs, face, level
        self.scale, self.width, self.tatweel_ok, self.space = scale, advance * scale, tatweel_ok, space

    def moved(self, delta: int) -> _Cluster:
        """The same cluster for text that gained `delta` characters before it."""
        c = _Cluster.__new__(_Cluster)
        c.start, c.end = self.start + delta, self.end + delta
        c.glyphs, c.face, c.level, c.scale = self.glyphs, self.face, self.level, self.scale
        c.width, c.space, c.tatweel_ok = self.width, self.space, self.tatweel_ok
        return c


def clean_text(text: str) -> str:
    """Drop control characters other than tab and newline (bidi controls are Cf, kept)."""
    return _DROPPED_CONTROLS.sub("", text)


@dataclass
class Segment:
    """A newline-free piece of a paragraph, laid out, with what a later edit of it can reuse (relayout.py)."""

    clusters: list[_Cluster]  # in logical order
    breaks: list[bool]  # breaks[i]: a line may start at cluster i
    ranges: list[tuple[int, int]]  # the clusters of each line
    lines: list[Line]
    complete: bool  # every character had a face (none drawn as a replacement glyph)


def layout_segment(text: str, start: int, end: int, owner: list[int], spans: list[Span], width: float,
                   style: ParagraphStyle, local: list[Isolate] | None = None) -> Segment:
    """Lines of text[start:end], a piece of the paragraph without newlines (`local`: its isolates, if known)."""
    if start == end or not text[start:end].strip():
        return Segment([], [], [], [_empty_line(width, style)], True)
    segment = text[start:end]
    local = find_isolates(segment) if local is None else local
    levels = segment_levels(segment, local, style.rtl)
    isolates = [Isolate(start + i.start, start + i.end, i.kind) for i in local]
    faces, complete = assign_faces(text, start, end, owner, spans, style.family)
    shaping_text = text if complete else _with_replacements(text, start, faces)
    clusters = shape_runs(shaping_text, start, levels, faces, style.size)
    rules = break_rules(text, isolates, clusters, width)
    breaks = break_flags(text, clusters, 0, len(clusters), rules)
    ranges: list[tuple[int, int]] = []
    lines: list[Line] = []
    for a, b in fill_lines(text, clusters, breaks, width, style):
        ranges.append((a, b))
        lines.append(make_line(text, clusters, a, b, owner, spans, width, style, rules))
    return Segment(clusters, breaks, ranges, lines, complete)


def segment_levels(segment: str, isolates: list[Isolate], rtl: bool) -> list[int]:
    """Bidi level of every character of `segment`, with its left-to-right units isolated."""
    bidi_text, index_map = with_isolates(segment, isolates)
    levels, _ = resolve_levels(bidi_text, 1 if rtl else 0, bidi_classes(bidi_text))
    return [levels[i] for i in index_map]


def assign_faces(text: str, start: int, end: int, owner: list[int], spans: list[Span],
                 family: FontFamily) -> tuple[list[FontFace], bool]:
    """Face of every character of text[start:end], and whether all had one (the others get the
    replacement glyph's face and are logged). A letter's face never depends on what precedes it."""
    looks = {(spans[o].bold, spans[o].italic) for o in set(owner[start:end])}
    if len(looks) == 1:  # the usual case, at C speed: one look, and its face has every character
        face = family.styled(*looks.pop())
        if all(ord(ch) in face.cmap for ch in set(text[start:end])):
            return [face] * (end - start), True
    faces: list[FontFace] = []
    complete = True
    previous: FontFace | None = None
    for k in range(start, end):
        ch = text[k]
        span = spans[owner[k]]
        found: FontFace | None
        if previous is not None and (ch in SPACES or unicodedata.category(ch) in _MARK_CATEGORIES) \
                and previous.has(ch):
            found = previous  # marks and joiners stay with their letter's face
        else:
            found = family.face_for(ch, span.bold, span.italic)
        if found is None and draws_nothing(ch):
            found = previous or family.styled(span.bold, span.italic)  # (a variation selector after an emoji)
        elif found is None:
            warn_missing(ch)
            found = family.replacement_face()
            complete = False
        faces.append(found)
        previous = found
    return faces, complete


def _with_replacements(text: str, start: int, faces: list[FontFace]) -> str:
    """`text` with U+FFFD for the characters of text[start:] that their face lacks, as HarfBuzz gets it."""
    chars = [ch if face.has(ch) else REPLACEMENT for ch, face in zip(text[start:start + len(faces)], faces)]
    return text[:start] + "".join(chars) + text[start + len(faces):]


def shape_runs(text: str, start: int, levels: list[int], faces: list[FontFace], size: float) -> list[_Cluster]:
    """Clusters of text[start:start + len(levels)], shaped run by run (a run: one level, one face)."""
    clusters: list[_Cluster] = []
    k, n = 0, len(levels)
    while k < n:
        j = k + 1
        while j < n and levels[j] == levels[k] and faces[j] is faces[k]:
            j += 1
        clusters.extend(_run_clusters(text, start + k, start + j, faces[k], levels[k], size))
        k = j
    return clusters


def _run_clusters(text: str, start: int, end: int, face: FontFace, level: int, size: float) -> list[_Cluster]:
    offset, groups = shape_clusters(face, text, start, end, bool(level & 1))
    scale = size / face.upem
    ends = [g.start + offset for g in groups[1:]] + [end]
    return [_Cluster(g.start + offset, e, g.glyphs, face, level, scale, g.advance, g.tatweel_ok,
                     text[g.start + offset] in SPACES)
            for g, e in zip(groups, ends)]


class BreakRules(NamedTuple):
    """Where the usual breaks (after spaces) do not apply, from a segment's isolated units."""

    kept: frozenset[int]  # a line never starts here: inside a phone number, an e-mail address, a short URL,
    #                        and before a number in a Latin phrase (`Study Group 5`, `Circular 311`)
    inside: frozenset[int]  # a line may start here, inside a long URL (after / ? & =), and the line before
    #                          is then not stretched past the usual limit


def break_rules(text: str, isolates: list[Isolate], clusters: list[_Cluster], measure: float) -> BreakRules:
    kept: set[int] = set()
    inside: set[int] = set()
    for start, end, kind in isolates:
        if kind in ("phone", "email"):
            kept.update(range(start + 1, end))
        elif kind == "url":
            kept.update(range(start + 1, end))
            if _width_of(clusters, start, end) > measure * SHORT_URL:
                inside.update(_url_breaks(text, start, end))
        elif kind == "phrase":
            kept.update(m.end() for m in _BEFORE_NUMBER.finditer(text, start, end))
    return BreakRules(frozenset(kept - inside), frozenset(inside))


_BEFORE_NUMBER = re.compile(r"[ \u00a0]+(?=\d)")
_AFTER_HOST = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*://)?[^/?#]*")


def _url_breaks(text: str, start: int, end: int) -> list[int]:
    """Where a long URL may break: after / ? & = past its host (`https://www.itu.int/` stays whole), never
    leaving fewer than URL_PIECE characters on either side."""
    host = _AFTER_HOST.match(text, start, end)  # (it matches anywhere: all its parts may be empty)
    first = (host.end() if host else start) + 1
    return [k for k in range(max(first, start + URL_PIECE), end - URL_PIECE + 1)
            if text[k - 1] in URL_BREAK_AFTER and text[k] not in URL_BREAK_AFTER]


def _width_of(clusters: list[_Cluster], start: int, end: int) -> float:
    k = bisect_left(clusters, start, key=lambda c: c.start)
    total = 0.0
    while k < len(clusters) and clusters[k].start < end:
        total += clusters[k].width
        k += 1
    return total


def break_flags(text: str, clusters: list[_Cluster], lo: int, hi: int, rules: BreakRules) -> list[bool]:
    """For clusters lo..hi-1, whether a line may start there: after spaces (but where `rules` keep the
    text together), and inside long URLs where `rules` allow it (never at the first cluster)."""
    flags = []
    kept, inside = rules.kept, rules.inside
    for i in range(lo, hi):
        if i == 0:
            flags.append(False)
            continue
        prev, cur = clusters[i - 1], clusters[i]
        flags.append((prev.space and not cur.space and cur.start not in kept) or cur.start in inside)
    return flags


def fill_lines(text: str, clusters: list[_Cluster], breaks: list[bool], width: float, style: ParagraphStyle,
               a: int = 0) -> Iterator[tuple[int, int]]:
    """Each line's (first, end) clusters from cluster a on: greedy first fit on shaped widths, but for
    the paragraph's last lines, where the last is never a runt (see no_runt). A line depends on its
    clusters and those of the word after it, and the two lines before the last on the last; a word
    wider than the line is cut between clusters."""
    pending: list[tuple[int, int]] = []
    n = len(clusters)
    for line in _first_fit(clusters, breaks, width, style, a):
        pending.append(line)
        if line[1] == n:
            pending = no_runt(clusters, breaks, width, style, pending, text)
        while len(pending) > (2 if line[1] < n else 0):
            yield pending.pop(0)


RUNT_STRETCH = 2.0  # a line above a runt may take its spaces to this many times their width, at most


def no_runt(clusters: list[_Cluster], breaks: list[bool], width: float, style: ParagraphStyle,
            lines: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The last lines of a paragraph (up to three), broken again so that the last is not a runt: one word
    of fewer than RUNT_CHARACTERS characters. The runt takes the last word of the line above, and that
    line one from the line above it when it would be too loose (its spaces past RUNT_STRETCH times their
    width, once kashidas have taken their share); of the ways that fit, the one whose lines are the most
    even. In Arabic as in Latin setting a lone short word closing a paragraph reads as a stray and
    leaves a hole in the block of text; a typesetter takes a word down, and a kashida or a wider space
    pays for it. When no way fits, the lines stay as they are."""
    n = lines[-1][1]
    if len(lines) < 2 or not _is_runt(clusters, breaks, lines[-1], text):
        return lines
    for m in range(2, len(lines) + 1):  # the last two lines broken again, else the last three
        start = lines[-m][0]
        points = [k for k in range(start + 1, n) if breaks[k]]
        best: list[tuple[int, int]] | None = None
        best_cost: float | None = None
        for chosen in combinations(points, m - 1):  # (the last lines hold a few dozen break points)
            edges = [start, *chosen, n]
            pieces = list(zip(edges, edges[1:]))
            cost = _evenness(text, clusters, pieces[:-1], width, style)
            if cost is None or _is_runt(clusters, breaks, pieces[-1], text) \
                    or _natural(clusters, *pieces[-1]) > width:
                continue
            if best_cost is None or cost < best_cost:
                best, best_cost = pieces, cost
        if best is not None:
            return lines[:-m] + best
    return lines


def _kashida_room(text: str, clusters: list[_Cluster]) -> float:
    """How much kashidas can widen these clusters: as many tatweels as _kashidas puts at most."""
    return sum(KASHIDAS_PER_WORD * _tatweel(c.face)[1] * c.scale for c in _kashida_places(text, clusters))


def _is_runt(clusters: list[_Cluster], breaks: list[bool], line: tuple[int, int], text: str) -> bool:
    a, b = line
    if any(breaks[k] for k in range(a + 1, b)):
        return False
    return len(text[clusters[a].start:clusters[b - 1].end].strip()) < RUNT_CHARACTERS


def _natural(clusters: list[_Cluster], a: int, b: int) -> float:
    return sum(c.width for c in clusters[a:b]) - _trailing_space_width(clusters, a, b)


def _evenness(text: str, clusters: list[_Cluster], lines: list[tuple[int, int]], width: float,
              style: ParagraphStyle) -> float | None:
    """How unevenly justified lines would be (the sum of their spaces' stretch squared, in space widths);
    None when one does not fit or would stretch past RUNT_STRETCH."""
    cost = 0.0
    for a, b in lines:
        natural = _natural(clusters, a, b)
        spaces = [c for c in clusters[a:b] if c.space]
        shrink = sum(c.width for c in spaces) * style.space_shrink
        if natural - shrink > width + 1e-6:
            return None
        if spaces:
            kashida = _kashida_room(text, clusters[a:b]) if style.kashida else 0.0  # what kashidas take first
            stretch = max(0.0, width - natural - kashida) / (len(spaces) * spaces[0].width)
            if stretch > RUNT_STRETCH:
                return None
            cost += stretch * stretch
        elif natural < 0.8 * width:
            return None
    return cost


def _first_fit(clusters: list[_Cluster], breaks: list[bool], width: float, style: ParagraphStyle,
               a: int) -> Iterator[tuple[int, int]]:
    n = len(clusters)
    while a < n:
        natural = shrink = 0.0
        best: int | None = None
        b = a
        while b < n:
            c = clusters[b]
            natural += c.width
            if c.space:
                shrink += c.width * style.space_shrink
            b += 1
            if b == n or breaks[b]:
                trail = _trailing_space_width(clusters, a, b)
                if natural - trail - shrink <= width + 1e-6:
                    best = b
                else:
                    break
        if best is None:  # the first word alone is too wide: cut it
            best, used = a, 0.0
            while best < n and (best == a or used + clusters[best].width <= width):
                used += clusters[best].width
                best += 1
        yield a, best
        a = best


def _trailing_space_width(clusters: list[_Cluster], a: int, b: int) -> float:
    total = 0.0
    while b > a and clusters[b - 1].space:
        b -= 1
        total += clusters[b].width
    return total


def _empty_line(width: float, style: ParagraphStyle) -> Line:
    asc, desc = _metrics(style.family.regular, style.size)
    return Line([], width, 0.0, 0.0, asc, desc, style.line_height, "", [])


def _metrics(face: FontFace, size: float) -> tuple[float, float]:
    return face.ascent * size / face.upem, -face.descent * size / face.upem


def make_line(text: str, clusters: list[_Cluster], a: int, b: int, owner: list[int], spans: list[Span],
              width: float, style: ParagraphStyle, rules: BreakRules | None = None) -> Line:
    """The line of clusters a..b-1, justified unless it is the segment's last, or it breaks inside a URL
    and would have to stretch its spaces past their limit (then it is set ragged)."""
    justify = b != len(clusters) and style.align == "justify"
    in_url = justify and rules is not None and clusters[b].start in rules.inside
    clusters = clusters[a:b]
    line_text = text[clusters[0].start:clusters[-1].end] if clusters else ""
    while clusters and clusters[-1].space:
        clusters = clusters[:-1]
    natural = sum(c.width for c in clusters)
    if in_url and not _stretches_within_limit(clusters, width, natural, style):
        justify = False
    space_extra, kashidas = _justify(text, clusters, width, natural, style, justify)
    used = natural + space_extra * sum(1 for c in clusters if c.space) + _kashida_width(kashidas)
    order = visual_order([c.level for c in clusters])
    x = _line_start(width, used, style, justified=justify)
    left = x
    glyphs: list[PlacedGlyph] = []
    links: list[tuple[float, float, str]] = []
    for idx in order:
        c = clusters[idx]
        x0 = x
        span = owner[c.start]
        x = _place_cluster(text, c, x, span, kashidas.get(c, 0), glyphs, clusters[0].start)
        if c.space:
            x += space_extra
        url = spans[span].link
        if url:
            if links and links[-1][2] == url and abs(links[-1][1] - x0) < 0.01:
                links[-1] = (links[-1][0], x, url)
            else:
                links.append((x0, x, url))
    if not justify and glyphs:  # a glyph moved by its font (a kerned `/`) must not stick out of the box
        over = max(g.x + g.face.advances[g.gid] * style.size / g.face.upem for g in glyphs) - width
        if over > 1e-6:
            for g in glyphs:
                g.x -= over
            links = [(x0 - over, x1 - over, url) for x0, x1, url in links]
            left -= over
    faces = {c.face for c in clusters} or {style.family.regular}
    asc = max(_metrics(f, style.size)[0] for f in faces)
    desc = max(_metrics(f, style.size)[1] for f in faces)
    return Line(glyphs, width, used, left, asc, desc, style.line_height, line_text, links)


def extraction_text(cluster: str, rtl: bool) -> str:
    """The logical text a cluster's glyph gives back, in the order extractors expect.

    Extractors read an RTL line in visual order and reverse it, character by
    character; the text of a glyph that stands for several characters (a letter
    with its harakat, lam-alef, a tatweel joined to an alef) is stored reversed
    so that it comes out as typed.
    """
    return cluster[::-1] if rtl and len(cluster) > 1 else cluster


def _line_start(width: float, used: float, style: ParagraphStyle, justified: bool) -> float:
    """Left edge of the ink: a justified line fills the width; others sit at their side."""
    if justified:
        return 0.0
    if style.align == "center":
        return (width - used) / 2
    at_right = (style.align == "end") != style.rtl
    return width - used if at_right else 0.0


def _place_cluster(text: str, c: _Cluster, x: float, span: int, kashidas: int, out: list[PlacedGlyph],
                   line_start: int) -> float:
    """Append the cluster's glyphs at pen x. Each glyph carries the characters it stands for: a mark's
    glyph its mark, the letter's glyph the letter (a reader takes a letter whose text holds a mark for a
    mark); of several glyphs standing for the same characters, the widest carries them, the others none."""
    scale = c.scale
    rtl = bool(c.level & 1)
    glyphs = c.glyphs
    if len(glyphs) == 1 and not kashidas:  # most clusters: one glyph standing for one character
        g = glyphs[0]
        out.append(PlacedGlyph(c.face, g.gid, x + g.x_offset * scale, g.y_offset * scale,
                               extraction_text(text[c.start:c.end], rtl), span, c.level, c.start - line_start))
        return x + g.advance * scale
    if len(glyphs) == 1:
        texts = [extraction_text(text[c.start:c.end], rtl)]
        carrier = 0
    else:
        texts, carrier = _glyph_texts(text, c, rtl)
    placed = []
    for k, g in enumerate(glyphs):
        placed.append(PlacedGlyph(c.face, g.gid, x + g.x_offset * scale, g.y_offset * scale, texts[k], span,
                                  c.level, c.start - line_start))
        x += g.advance * scale
    out.extend(placed)
    if kashidas:  # before the cluster in logical order: on its right, as kashidas only go in RTL runs
        gid, advance = _tatweel(c.face)
        for _ in range(kashidas):
            out.append(PlacedGlyph(c.face, gid, x, 0.0, "", span, c.level, c.start - line_start))
            x += advance * scale
        # The letter spans its kashidas for extractors, which would otherwise
        # read the stretch as a space inside the word.
        placed[carrier].extent += kashidas * advance * scale
    return x


def _glyph_texts(text: str, c: _Cluster, rtl: bool) -> tuple[list[str], int]:
    """The text each glyph of a cluster is copied as, and the widest glyph (which spans the kashidas)."""
    glyphs = c.glyphs
    offset = c.start - glyphs[0].cluster  # glyph indices count from the shaped window
    firsts = sorted({g.char for g in glyphs})
    ends = dict(zip(firsts, [f + offset for f in firsts[1:]] + [c.end]))
    owner: dict[int, int] = {}  # char -> the widest glyph standing for it
    for k, g in enumerate(glyphs):
        best = owner.get(g.char)
        if best is None or g.advance > glyphs[best].advance:
            owner[g.char] = k
    texts = [extraction_text(text[g.char + offset:ends[g.char]], rtl) if owner[g.char] == k else ""
             for k, g in enumerate(glyphs)]
    return texts, max(range(len(glyphs)), key=lambda k: glyphs[k].advance)


_TATWEEL_CACHE: dict[int, tuple[int, int]] = {}


def _tatweel(face: FontFace) -> tuple[int, int]:
    """The glyph and advance HarfBuzz gives a tatweel between two joined letters."""
    cached = _TATWEEL_CACHE.get(id(face))
    if cached is None:
        probe = "\u0628" + TATWEEL + "\u0628"
        offset, groups = shape_clusters(face, probe, 0, 3, True)
        middle = [g for g in groups if g.start + offset == 1]
        cached = (middle[0].glyphs[0].gid, middle[0].glyphs[0].advance) if middle else (0, 0)
        _TATWEEL_CACHE[id(face)] = cached
    return cached


def _justify(text: str, clusters: list[_Cluster], width: float, natural: float, style: ParagraphStyle,
             justify: bool) -> tuple[float, dict[_Cluster, int]]:
    """Extra width per space, and tatweels to insert before clusters (kashida)."""
    spaces = [c for c in clusters if c.space]
    if not justify or not clusters:
        return 0.0, {}
    extra = width - natural
    if not spaces:
        return 0.0, _kashidas(text, clusters, extra, style) if extra > 0 else {}
    space_width = spaces[0].width
    cap = space_width * style.space_stretch
    per_space = extra / len(spaces)
    if per_space <= cap or not style.kashida:
        return per_space, {}
    kashidas = _kashidas(text, clusters, extra - cap * len(spaces), style)
    return (extra - _kashida_width(kashidas)) / len(spaces), kashidas


def _stretches_within_limit(clusters: list[_Cluster], width: float, natural: float, style: ParagraphStyle) -> bool:
    """Whether the line fills its width with its spaces grown no more than they may (no kashida)."""
    spaces = [c for c in clusters if c.space]
    return bool(spaces) and (width - natural) / len(spaces) <= spaces[0].width * style.space_stretch


def _kashida_width(kashidas: dict[_Cluster, int]) -> float:
    """Points the tatweels add to a line."""
    return sum(n * _tatweel(c.face)[1] * c.scale for c, n in kashidas.items())


KASHIDAS_PER_WORD = 3  # tatweels a word may take, at most


def _kashida_places(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """The last place in each word HarfBuzz marks safe for a tatweel (Arabic, right to left, not the
    word's first letter)."""
    places: list[_Cluster] = []
    best: _Cluster | None = None
    for i, c in enumerate(clusters):
        if c.space:
            if best is not None:
                places.append(best)
            best = None
        elif i > 0 and not clusters[i - 1].space and c.tatweel_ok and c.level & 1 \
                and is_arabic(text[c.start]) and _tatweel(c.face)[1] > 0:
            best = c
    if best is not None:
        places.append(best)
    return places


def _kashidas(text: str, clusters: list[_Cluster], needed: float, style: ParagraphStyle) -> dict[_Cluster, int]:
    """At most a few tatweels per word, at the last place in each word HarfBuzz marks safe."""
    if not style.kashida or needed <= 0:
        return {}
    candidates = _kashida_places(text, clusters)
    if not candidates:
        return {}
    unit = _tatweel(candidates[0].face)[1] * candidates[0].scale
    count = min(int(needed // unit), KASHIDAS_PER_WORD * len(candidates))
    result: dict[_Cluster, int] = {}
    for k in range(count):  # spread evenly, from the right of the line
        c = candidates[k % len(candidates)]
        result[c] = result.get(c, 0) + 1
    return result

