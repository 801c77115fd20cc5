"""Laying out a long paragraph again after an edit: only what the edit can have changed.

Laying out a 20,000-character paragraph is ~70 ms of per-character Python work (bidi
levels, faces, clusters, lines) even when every run's shaping is cached, so one
keystroke in it cost that much. The last few long paragraphs are kept with their
clusters and lines. A paragraph that shares a start and an end with a kept one (same
width, style and spans, only the text of its spans edited) is laid out from it:

1. The edit is widened to *cuts*: an Arabic or Hebrew letter after a space, with no
   bracket pair open across it. The levels on either side of a cut do not depend on the
   other side. The weak and neutral rules of UAX #9 (W1-W7, N1, N2) reach back only to the
   previous strong character and forward to the next one, and the cut's letter is one.
   Such a letter is never inside an isolated unit (isolate.py isolates Latin, digits, URLs
   and e-mails). The bracket rule (N0), the only one that reaches further, pairs nothing
   across it (BD16's stack is empty there). Explicit embeddings and isolates typed in the
   text would break this, so such a paragraph is laid out whole. A letter's face does not
   depend on what precedes it either. So the window between two cuts is resolved on its
   own, with the cut letter after it.
2. Shaping is per run (one level, one face), and a run is one piece for HarfBuzz: Amiri
   kerns a keheh under the word before it, across the space. So the window is widened
   again to the runs that overlap it, and those runs are shaped whole.
3. Lines are filled greedily, and a line depends on its clusters and on the word after
   it. Lines that did not look at the reshaped runs are kept. Lines are filled again from
   there, and as soon as one ends where an old line ended (shifted by the edit), after the
   window, the old lines from there on are kept.

The result is the same as laying the paragraph out whole: tests/typeset/test_relayout.py
compares the two over many random edits.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from circular_editor.typeset.bidi import bidi_class, bracket_depths
from circular_editor.typeset.edits import common_ends
from circular_editor.typeset.isolate import Isolate, find_isolates
from circular_editor.typeset.layout import (Line, ParagraphStyle, Segment, _Cluster, assign_faces, break_flags,
                                            break_rules, fill_lines, layout_segment, make_line, segment_levels,
                                            shape_runs)
from circular_editor.typeset.shaping import CONTEXT
from circular_editor.typeset.spans import Span

LONG = 1_000  # characters: a shorter paragraph is laid out whole in a few milliseconds
KEPT = 8  # long paragraphs kept (per process: the preview's worker keeps its own)
# Newlines (each piece is its own bidi paragraph), explicit embeddings, overrides and isolates.
_NOT_LOCAL = re.compile("[\n\u2029\u202a-\u202e\u2066-\u2069]")


class _Brackets:
    """Where no bracket pair is open (BD16), along a paragraph."""

    def __init__(self, positions: list[int], depths: list[int]):
        self.positions, self.depths = positions, depths

    def closed_at(self, i: int) -> bool:
        k = bisect_left(self.positions, i)
        return k == 0 or self.depths[k - 1] == 0


@dataclass
class _Kept:
    text: str
    spans: list[Span]
    width: float
    style: ParagraphStyle
    segment: Segment
    brackets: _Brackets


_kept: list[_Kept] = []


def worth_keeping(text: str) -> bool:
    """Whether `text` is laid out here: long, one bidi paragraph, no explicit embedding."""
    return len(text) >= LONG and not _NOT_LOCAL.search(text)


def forget() -> None:
    """Drop the kept paragraphs (benches and tests that want the whole work done)."""
    _kept.clear()


def layout(text: str, owner: list[int], spans: list[Span], width: float, style: ParagraphStyle) -> list[Line]:
    """Lines of a paragraph that is `worth_keeping`, from a kept one when it is an edit of one."""
    isolates = find_isolates(text)
    depths = bracket_depths(text, [(i.start, i.end) for i in isolates])
    brackets = _Brackets(*depths) if depths else None
    segment = None
    if brackets is not None:
        best = max(((_unchanged(kept, text, spans, width, style), kept) for kept in _kept),
                   key=lambda found: sum(found[0]) if found[0] else -1, default=(None, None))
        if best[0] is not None:
            segment = _again(best[1], text, owner, spans, width, style, isolates, brackets, *best[0])
    if segment is None:
        segment = layout_segment(text, 0, len(text), owner, spans, width, style, isolates)
    if brackets is not None and segment.complete:
        _kept.append(_Kept(text, spans, width, style, segment, brackets))
        del _kept[:-KEPT]
    return segment.lines


def _unchanged(kept: _Kept, text: str, spans: list[Span], width: float,
               style: ParagraphStyle) -> tuple[int, int] | None:
    """(characters at the start, at the end) that `text` shares with the kept one, in the same span;
    None when it is not an edit of it (another width, style or set of spans, or most of it changed)."""
    if kept.width != width or kept.style != style or len(kept.spans) != len(spans) or any(
            (a.bold, a.italic, a.link) != (b.bold, b.italic, b.link) for a, b in zip(spans, kept.spans)):
        return None
    old = kept.text
    start, end = common_ends(text, old)
    lengths = [len(s.text) for s in spans]
    old_lengths = [len(s.text) for s in kept.spans]
    differ = [k for k, (m, m0) in enumerate(zip(lengths, old_lengths)) if m != m0]
    if differ:  # a character kept must belong to the same span in both
        first, last = differ[0], differ[-1]
        start = min(start, sum(lengths[:first]) + min(lengths[first], old_lengths[first]))
        end = min(end, sum(lengths[last + 1:]) + min(lengths[last], old_lengths[last]))
    return (start, end) if start + end >= len(text) // 2 else None


def _is_cut(text: str, i: int, brackets: _Brackets) -> bool:
    ch = text[i]
    return text[i - 1] == " " and bidi_class(ch) in ("R", "AL") and unicodedata.category(ch)[0] == "L" \
        and brackets.closed_at(i)


def _cut_before(text: str, limit: int, brackets: _Brackets) -> int:
    """The last cut at or before `limit` (the paragraph's start is one)."""
    i = limit
    while i > 0:
        space = text.rfind(" ", 0, i)
        if space < 0:
            break
        if _is_cut(text, space + 1, brackets):
            return space + 1
        i = space
    return 0


def _cut_after(text: str, limit: int, brackets: _Brackets, old: _Brackets, delta: int) -> int:
    """The first cut at or after `limit` that is one in the old text too (the paragraph's end is one)."""
    i = max(limit, 1)
    while i < len(text):
        space = text.find(" ", i - 1)
        if space < 0 or space + 1 >= len(text):
            break
        cut = space + 1
        if _is_cut(text, cut, brackets) and old.closed_at(cut - delta):
            return cut
        i = cut + 1
    return len(text)


def _same_run(c: _Cluster, d: _Cluster) -> bool:
    return c.level == d.level and c.face is d.face


def _again(kept: _Kept, text: str, owner: list[int], spans: list[Span], width: float, style: ParagraphStyle,
           isolates: list[Isolate], brackets: _Brackets,
           start: int, end: int) -> Segment | None:
    """The segment of `text`, which shares `start` characters at its start and `end` at its end with the
    kept one; None when it has to be laid out whole."""
    old, n = kept.segment, len(text)
    delta = n - len(kept.text)
    if start == n and delta == 0:
        return old
    a = _cut_before(text, start - CONTEXT, brackets)
    b = _cut_after(text, n - end + CONTEXT, brackets, kept.brackets, delta)
    if any(i.start < a < i.end or i.start < b < i.end for i in isolates):
        return None  # never expected at a cut (see the module's docstring): lay it out whole
    window = text[a:b + 1]  # with the cut's letter after it, which settles the neutrals before it
    local = [Isolate(i.start - a, i.end - a, i.kind) for i in isolates if a <= i.start and i.end <= b]
    window_levels = segment_levels(window, local, style.rtl)[:b - a]
    window_faces, complete = assign_faces(text, a, b, owner, spans, style.family)
    if not complete:
        return None

    # Widen the window to the runs it overlaps, with the old levels and faces of their other characters.
    clusters = old.clusters
    first = _cluster_at(clusters, a)
    last = _cluster_at(clusters, b - delta)
    if first is None or last is None:
        return None  # never expected: a cut is a letter after a space, where a cluster starts
    run_start = first
    while run_start > 0 and first > 0 and _same_run(clusters[run_start - 1], clusters[first - 1]):
        run_start -= 1
    run_end = last
    while run_end < len(clusters) and _same_run(clusters[run_end], clusters[last]):
        run_end += 1
    levels, faces = [], []
    for c in clusters[run_start:first]:
        levels += [c.level] * (c.end - c.start)
        faces += [c.face] * (c.end - c.start)
    levels += window_levels
    faces += window_faces
    for c in clusters[last:run_end]:
        levels += [c.level] * (c.end - c.start)
        faces += [c.face] * (c.end - c.start)
    reshaped_from = clusters[run_start].start if run_start < first else a
    middle = shape_runs(text, reshaped_from, levels, faces, style.size)

    tail = [c.moved(delta) for c in clusters[run_end:]] if delta else clusters[run_end:]
    new = clusters[:run_start] + middle + tail
    lo, hi = run_start, run_start + len(middle)  # the reshaped clusters, in `new`
    rules = break_rules(text, isolates, new, width)
    breaks = old.breaks[:lo] + break_flags(text, new, lo, min(hi + 1, len(new)), rules) + old.breaks[run_end + 1:]
    shift = len(new) - len(clusters)

    # Keep the lines that looked at no reshaped cluster (a line looks up to the break after it).
    ranges = old.ranges
    kept_lines = bisect_left(ranges, lo, key=lambda r: r[1])
    while kept_lines > 0 and _next_break(old.breaks, ranges[kept_lines - 1][1]) >= lo:
        kept_lines -= 1
    kept_lines = min(kept_lines, max(0, len(ranges) - 3))  # the two lines above the last depend on it (runts)
    refill_from = ranges[kept_lines - 1][1] if kept_lines else 0
    old_starts = {x: j for j, (x, _) in enumerate(ranges)}
    fresh_ranges, fresh_lines = [], []
    resumed = len(ranges)
    for x, y in fill_lines(text, new, breaks, width, style, refill_from):
        fresh_ranges.append((x, y))
        fresh_lines.append(make_line(text, new, x, y, owner, spans, width, style, rules))
        # from here on, the old lines over the same clusters; not the last three, which the runt rule
        # may have broken other than first fit does (layout.no_runt): those are filled again
        if y >= hi and y - shift in old_starts and old_starts[y - shift] < len(ranges) - 3:
            resumed = old_starts[y - shift]
            break
    lines = old.lines[:kept_lines] + fresh_lines + old.lines[resumed:]
    ranges = ranges[:kept_lines] + fresh_ranges + [(x + shift, y + shift) for x, y in ranges[resumed:]]
    return Segment(new, breaks, ranges, lines, True)


def _cluster_at(clusters: list[_Cluster], i: int) -> int | None:
    """The index of the cluster that starts at character i (or the end), None when i is inside one."""
    k = bisect_left(clusters, i, key=lambda c: c.start)
    if k < len(clusters) and clusters[k].start != i or k == len(clusters) and clusters and clusters[-1].end != i:
        return None
    return k


def _next_break(breaks: list[bool], y: int) -> int:
    """The first break after cluster index y (or the end)."""
    try:
        return breaks.index(True, y + 1)
    except ValueError:
        return len(breaks)
