"""Drawing laid-out lines on a ReportLab canvas.

Glyphs are written in visual order as TJ arrays of two-byte codes (see
pdffont.py for the codes and their ToUnicode text). Inside a TJ array a glyph's
position is set by a kerning number against the width the PDF font gives the
previous glyph, so justified spaces, kashidas and HarfBuzz positions all land
exactly. A mark is drawn at the pen with no width, its offset built into a
shifted copy of the glyph, and a glyph with no text of its own is drawn as part
of its neighbour (composites of the subset, see pdffont.py): readers group a
word's glyphs by their pens, which never jump or rise inside it.
Links become link annotations; only http, https and mailto targets are made
clickable, anything else is drawn as plain text.
A line is first made into a LinePlan (its operators, with each glyph's key in
place of its per-document code), which render/text.py keeps for the line's
paragraph: a later render of the same paragraph only fills in codes and the
baseline.
"""
from __future__ import annotations

from circular_editor.typeset.layout import Line, ParagraphLayout
from circular_editor.typeset.pdffont import fonts_of
from circular_editor.typeset.uri import LINK_SCHEMES, ascii_uri

TEXT_COLOUR = (0.0, 0.0, 0.0)
LINK_COLOUR = (0.0, 0.2, 0.6)


def safe_link(url: str | None) -> str | None:
    if url and url.strip().lower().startswith(LINK_SCHEMES):
        return url.strip()
    return None


def _fmt(v: float) -> str:
    text = f"{v:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


class LinePlan:
    """What drawing a line at a left edge writes, made once: its operators with the glyphs' keys
    (glyph, text, width) in place of their codes (a document numbers its codes itself) and the baseline
    left open. It is all a cached page needs of a line, kept lean as a long circular keeps thousands:
    a glyph costs a slot of its TJ tuple (equal keys are one shared tuple, where a PlacedGlyph costs
    ~170 bytes), and the program is a flat tuple whose items say what they are by their class:
    a str is an operator written as it is, an `_X` the x of a text matrix, a FontFace the font (at the
    plan's size), a tuple the TJ of that font. A plan is a row part: `plan(canvas, top)` draws it in a
    box whose top is at `top`."""

    __slots__ = ("program", "links", "height", "ascent", "descent", "size")

    def __init__(self, line: Line, x: float, size: float, spans):
        self.program = _program(line, x, size, spans)
        self.links = tuple((x + x0, x + x1, target) for x0, x1, url in line.links if (target := safe_link(url)))
        self.height, self.ascent, self.descent = line.height, line.ascent, line.descent
        size_text = _fmt(size)
        self.size = _KEYS.setdefault(size_text, size_text)

    def __call__(self, canvas, top: float) -> None:
        draw_plan(canvas, self, baseline_below(self, top))


class _X(str):
    """The x of a text matrix in a plan's program (its y, the baseline, is known when drawn)."""

    __slots__ = ()


def draw_line(canvas, line: Line, x: float, baseline: float, size: float, spans) -> None:
    """Draw `line` with its left edge at x and its baseline at `baseline` (points)."""
    if line.glyphs:
        draw_plan(canvas, LinePlan(line, x, size, spans), baseline)


def draw_plan(canvas, plan: LinePlan, baseline: float) -> None:
    """Draw a planned line with its baseline at `baseline`."""
    if not plan.program:
        return
    fonts = fonts_of(canvas)
    y = _fmt(baseline)
    ops = ["q"]
    hexes = None
    for item in plan.program:
        kind = item.__class__
        if kind is tuple:
            ops.append("[" + "".join([k if k.__class__ is str else hexes(k) for k in item]) + "] TJ")
        elif kind is _X:
            ops.append(f"1 0 0 1 {item} {y} Tm")
        elif kind is str:
            ops.append(item)
        else:  # a face
            codes = fonts.codes_for(item)
            hexes = codes.hex
            ops.append(f"/{codes.internal_name} {plan.size} Tf")
    ops.append("Q")
    canvas._code.append("\n".join(ops))
    for x0, x1, target in plan.links:
        box = (x0, baseline - plan.descent, x1, baseline + plan.ascent)
        canvas.linkURL(ascii_uri(target), box, relative=0, thickness=0)


_KEYS: dict = {}  # one object per distinct glyph key, kerning number and colour operator
_XS: dict = {}  # one per distinct x (apart: an `_X` equals the kerning number with the same digits)
_KEYS_AT_MOST = 100_000  # then begun again (the plans keep their tuples; only sharing is lost)


def _program(line: Line, x: float, size: float, spans) -> tuple:
    """The operators of `line` at left edge x (see LinePlan); () for an empty line.

    Each bidi level run is a text object of its own, written in the line's logical order, its glyphs
    left to right: readers other than poppler take a line's text in the order it is written and
    reverse each right-to-left piece, so a number or a Latin word inside Arabic comes out in place."""
    glyphs = line.glyphs
    if not glyphs:
        return ()
    runs: list[list] = []
    for g in glyphs:
        if runs and runs[-1][-1].level == g.level:
            runs[-1].append(g)
        else:
            runs.append([g])
    runs.sort(key=lambda run: min(g.index for g in run))
    colours = [LINK_COLOUR if safe_link(span.link) else TEXT_COLOUR for span in spans]
    program: list = []
    colour = None  # the colour set so far
    keys = _KEYS
    if len(keys) > _KEYS_AT_MOST or len(_XS) > _KEYS_AT_MOST:
        keys.clear()
        _XS.clear()
    for run in runs:
        colour = _run_program(run, x, size, colours, colour, keys, program)
    return tuple(program)


def _run_program(run, x: float, size: float, colours, current_colour, keys, program):
    """One text object: the glyphs of one level run, left to right; returns the colour it ends with.

    A mark is drawn at the pen with no width, its offset built into the glyph, so the pen never jumps
    or rises inside a word and readers keep the mark with its letter. A glyph with no text of its own
    (a kashida, a connecting piece) becomes part of the glyph drawn before it in the same TJ (or, if
    none, after it): one composite of the subset, copied as that glyph's text alone."""
    program.append("BT")
    face = None
    pen = None  # where the PDF puts the next glyph of the same TJ
    origin = 0.0  # where the last glyph of the TJ was put
    tj: list = []
    waiting: list[tuple[int, float, int]] = []  # textless glyphs before any glyph of this TJ: (gid, x, dy)
    letters = _next_letters(run)
    for k, g in enumerate(run):
        colour = colours[g.span]
        gx = x + g.x
        units = g.face.upem / size
        if g.face is not face or colour != current_colour or pen is None:
            _close_tj(program, face, tj, waiting, pen, size, keys)
            tj = []
            if colour != current_colour:
                op = "%s %s %s rg" % tuple(_fmt(c) for c in colour)
                program.append(keys.setdefault(op, op))
                current_colour = colour
            if g.face is not face:
                program.append(g.face)
                face = g.face
            move = _X(_fmt(gx))
            program.append(_XS.setdefault(move, move))
            pen = gx
        dy = round(g.y * units)
        if not g.text:
            if tj:  # joins the glyph before it
                last_glyph, last_text, last_width = tj[-1]
                parts = _components(last_glyph) + ((g.gid, round((gx - origin) * units), dy),)
                key = (parts, last_text, last_width)
                tj[-1] = keys.setdefault(key, key)
            else:
                waiting.append((g.gid, gx, dy))
            continue
        spacing = g.face.advances[g.gid] > 0
        # A mark is drawn where the next letter is (its own, in a right-to-left run): readers order a
        # mark and a letter at the same pen as they were written.
        following = None if spacing else letters[k]
        target = gx if following is None else x + following.x
        shift = (target - pen) * 1000.0 / size
        if abs(shift) > 0.05:
            kern = _fmt(-shift)
            tj.append(keys.setdefault(kern, kern))
            pen = target
        if spacing:
            width = g.face.advances[g.gid] + round((g.extent + _gap_after(g, letters[k], size)) * units)
            parts = ((g.gid, 0, dy),)
        else:  # a mark: no width, its offset built in
            width = 0
            parts = ((g.gid, round((gx - pen) * units), dy),)
        origin = pen
        if waiting:
            parts = tuple((gid, round((wx - origin) * units), wdy) for gid, wx, wdy in waiting) + parts
            waiting = []
        glyph = parts[0][0] if len(parts) == 1 and not parts[0][1] and not parts[0][2] else parts
        key = (glyph, g.text, width)
        tj.append(keys.setdefault(key, key))
        pen = origin + width / units
    _close_tj(program, face, tj, waiting, pen, size, keys)
    program.append("ET")
    return current_colour


def _next_letters(glyphs) -> list:
    """For each glyph, the next glyph after it with text and width (not a mark, not a textless piece), or
    None: one pass from the end."""
    found = [None] * len(glyphs)
    following = None
    for k in range(len(glyphs) - 1, -1, -1):
        found[k] = following
        g = glyphs[k]
        if g.text and g.face.advances[g.gid]:
            following = g
    return found


def _components(glyph) -> tuple:
    return glyph if glyph.__class__ is tuple else ((glyph, 0, 0),)


def _close_tj(program, face, tj, waiting, pen, size, keys) -> None:
    """Add the TJ made so far; textless glyphs still waiting (no glyph followed them in their TJ) are
    drawn on their own, at the pen, copied as U+200D. (In `face`'s units: the TJ may be closed by the
    first glyph of another face.)"""
    units = face.upem / size if waiting else 0.0
    for gid, wx, wdy in waiting:
        key = (((gid, round((wx - pen) * units), wdy),), "", 0)
        tj.append(keys.setdefault(key, key))
    waiting.clear()
    if tj:
        program.append(tuple(tj))


def _gap_after(g, following, size: float) -> float:
    """The room between glyph g and `following`, the next glyph with text and width, counted in g's PDF
    width.

    Extractors insert a word space where a gap between two glyphs' boxes exceeds about a tenth of
    the size. Such gaps come from kerning (Amiri kerns `وي` in `الراديوية`) and from glyphs drawn
    with no width (a connecting piece inside `الإلكتروني`), which would split words when copied.
    Real spaces are glyphs with their own text, so they are not affected.
    """
    if following is None:
        return 0.0
    gap = following.x - (g.x + g.face.advances[g.gid] * size / g.face.upem + g.extent)
    return gap if 0.0 < gap < 0.3 * size else 0.0


def baseline_below(line: Line | LinePlan, top: float) -> float:
    """The baseline of `line` when its box starts at `top` (the leading split evenly above and below)."""
    return top - line.height + (line.height - line.ascent - line.descent) / 2 + line.descent


def draw_paragraph(canvas, layout: ParagraphLayout, x: float, top: float, size: float) -> float:
    """Draw every line from `top` down; returns the y below the last line."""
    y = top
    for line in layout.lines:
        draw_line(canvas, line, x, baseline_below(line, y), size, layout.spans)
        y -= line.height
    return y
