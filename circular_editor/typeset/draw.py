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


def draw_line(canvas, line: Line, x: float, baseline: float, size: float, spans) -> None:
    """Draw `line` with its left edge at x and its baseline at `baseline` (points)."""
    if not line.glyphs:
        return
    fonts = fonts_of(canvas)
    y = _fmt(baseline)
    ops = ["q", "BT"]
    for kind, value, extra in _program(line, x, size, spans):
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
    _annotate_links(canvas, line, x, baseline)


_OP, _FONT, _MOVE, _GLYPHS = "op", "font", "move", "glyphs"


def _program(line: Line, x: float, size: float, spans) -> list[tuple]:
    """What draw_line writes for `line` at left edge x, made once per line and place: only the codes
    (per document) and the baseline (per page) are filled in at each draw. A re-render of an unchanged
    paragraph then costs a dictionary lookup per glyph instead of this loop."""
    colours = tuple(LINK_COLOUR if safe_link(span.link) else TEXT_COLOUR for span in spans)
    key = (x, size, colours)
    cached = line.__dict__.get("_program")
    if cached is not None and cached[0] == key:
        return cached[1]
    program: list[tuple] = []
    current_face = current_colour = None
    pen = None  # where the PDF puts the next glyph of the same TJ
    rise = 0.0
    tj: list = []
    glyphs = line.glyphs
    for k, g in enumerate(glyphs):
        colour = colours[g.span]
        gx = x + g.x
        if g.face is not current_face or colour != current_colour or pen is None:
            if tj:
                program.append((_GLYPHS, current_face, tj))
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
                tj.append(_fmt(-shift))
        if abs(g.y - rise) > 1e-6:  # marks are raised with the text rise, inside the same TJ
            if tj:
                program.append((_GLYPHS, current_face, tj))
                tj = []
            program.append((_OP, f"{_fmt(g.y)} Ts", None))
            rise = g.y
        if g.text:
            width = g.face.advances[g.gid] + round((g.extent + _gap_after(glyphs, k, size)) * g.face.upem / size)
        else:
            width = 0  # its room is counted in the width of the glyph before it (see _gap_after)
        tj.append((g.gid, g.text, width))
        pen = gx + width * size / g.face.upem
    if tj:
        program.append((_GLYPHS, current_face, tj))
    program.append((_OP, "0 Ts ET Q" if rise else "ET Q", None))
    line._program = (key, program)
    return program


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


def _annotate_links(canvas, line: Line, x: float, baseline: float) -> None:
    for x0, x1, url in line.links:
        target = safe_link(url)
        if target:
            rect = (x + x0, baseline - line.descent, x + x1, baseline + line.ascent)
            canvas.linkURL(target, rect, relative=0, thickness=0)


def baseline_below(line: Line, top: float) -> float:
    """The baseline of `line` when its box starts at `top` (the leading split evenly above and below)."""
    return top - line.height + (line.height - line.ascent - line.descent) / 2 + line.descent


def draw_paragraph(canvas, layout: ParagraphLayout, x: float, top: float, size: float) -> float:
    """Draw every line from `top` down; returns the y below the last line."""
    y = top
    for line in layout.lines:
        draw_line(canvas, line, x, baseline_below(line, y), size, layout.spans)
        y -= line.height
    return y
