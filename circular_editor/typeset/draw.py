"""Drawing laid-out lines on a ReportLab canvas.

Glyphs are written in visual order as TJ arrays of two-byte codes (see
pdffont.py for the codes and their ToUnicode text). Inside a TJ array a glyph's
position is set by a kerning number against the width the PDF font gives the
previous glyph, so justified spaces, kashidas and HarfBuzz positions all land
exactly; a raised or lowered glyph (a mark) uses the text rise (Ts), which
keeps it on the line's baseline for extractors that split words on a baseline
change.
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

LINK_SCHEMES = ("http://", "https://", "mailto:")
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
    (gid, text, width) in place of their codes (a document numbers its codes itself) and the baseline
    left open. It is all a cached page needs of a line: a glyph costs a list slot, as equal keys are
    one shared tuple, where a PlacedGlyph costs ~170 bytes."""

    __slots__ = ("program", "links", "height", "ascent", "descent")

    def __init__(self, line: Line, x: float, size: float, spans):
        self.program = _program(line, x, size, spans)
        self.links = [(x + x0, x + x1, target) for x0, x1, url in line.links if (target := safe_link(url))]
        self.height, self.ascent, self.descent = line.height, line.ascent, line.descent


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
    ops = ["q", "BT"]
    for kind, value, extra in plan.program:
        if kind is _GLYPHS:
            hexes = fonts.codes_for(value).hex
            ops.append("[" + "".join([item if item.__class__ is str else hexes(item) for item in extra]) + "] TJ")
        elif kind is _MOVE:
            ops.append(f"1 0 0 1 {value} {y} Tm")
        elif kind is _FONT:
            ops.append(f"/{fonts.codes_for(value).internal_name} {extra} Tf")
        else:
            ops.append(value)
    canvas._code.append("\n".join(ops))
    for x0, x1, target in plan.links:
        canvas.linkURL(target, (x0, baseline - plan.descent, x1, baseline + plan.ascent), relative=0, thickness=0)


_OP, _FONT, _MOVE, _GLYPHS = "op", "font", "move", "glyphs"
_KEYS: dict = {}  # one object per distinct glyph key (gid, text, width) and kerning number
_KEYS_AT_MOST = 100_000  # then begun again (the plans keep their tuples; only sharing is lost)


def _program(line: Line, x: float, size: float, spans) -> tuple[tuple, ...]:
    """The operators of `line` at left edge x (see LinePlan); () for an empty line."""
    if not line.glyphs:
        return ()
    colours = [LINK_COLOUR if safe_link(span.link) else TEXT_COLOUR for span in spans]
    program: list[tuple] = []
    current_face = current_colour = None
    pen = None  # where the PDF puts the next glyph of the same TJ
    rise = 0.0
    tj: list = []
    glyphs = line.glyphs
    keys = _KEYS
    if len(keys) > _KEYS_AT_MOST:
        keys.clear()
    for k, g in enumerate(glyphs):
        colour = colours[g.span]
        gx = x + g.x
        if g.face is not current_face or colour != current_colour or pen is None:
            if tj:
                program.append((_GLYPHS, current_face, tuple(tj)))
                tj = []
            if colour != current_colour:
                program.append((_OP, "%s %s %s rg" % tuple(_fmt(c) for c in colour), None))
                current_colour = colour
            if g.face is not current_face:
                program.append((_FONT, g.face, _fmt(size)))
                current_face = g.face
            program.append((_MOVE, _fmt(gx), None))
        else:
            shift = (gx - pen) * 1000.0 / size
            if abs(shift) > 0.05:
                kern = _fmt(-shift)
                tj.append(keys.setdefault(kern, kern))
        if abs(g.y - rise) > 1e-6:  # marks are raised with the text rise, inside the same TJ
            if tj:
                program.append((_GLYPHS, current_face, tuple(tj)))
                tj = []
            program.append((_OP, f"{_fmt(g.y)} Ts", None))
            rise = g.y
        if g.text:
            width = g.face.advances[g.gid] + round((g.extent + _gap_after(glyphs, k, size)) * g.face.upem / size)
        else:
            width = 0  # its room is counted in the width of the glyph before it (see _gap_after)
        key = (g.gid, g.text, width)
        tj.append(keys.setdefault(key, key))
        pen = gx + width * size / g.face.upem
    if tj:
        program.append((_GLYPHS, current_face, tuple(tj)))
    program.append((_OP, "0 Ts ET Q" if rise else "ET Q", None))
    return tuple(program)


def _gap_after(glyphs, k: int, size: float) -> float:
    """The room between glyph k and the next glyph that carries text, counted in k's PDF width.

    Extractors insert a word space where a gap between two glyphs' boxes exceeds about a tenth of
    the size. Such gaps come from kerning (Amiri kerns `وي` in `الراديوية`) and from glyphs that
    carry no text of their own (a connecting piece inside `الإلكتروني`), which would split words
    when copied. Real spaces are glyphs with their own text, so they are not affected.
    """
    g = glyphs[k]
    if not g.face.advances[g.gid]:
        return 0.0
    end = g.x + g.face.advances[g.gid] * size / g.face.upem + g.extent
    for following in glyphs[k + 1:]:
        if following.text:
            gap = following.x - end
            return gap if 0.0 < gap < 0.3 * size else 0.0
    return 0.0


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
