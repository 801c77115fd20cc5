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

from collections.abc import Callable
from typing import Any, Protocol

from reportlab.pdfbase import pdfdoc

from circular_editor.typeset.fonts import FontFace
from circular_editor.typeset.layout import Line, ParagraphLayout, PlacedGlyph
from circular_editor.typeset.pdffont import CodeKey, fonts_of, pdf_text
from circular_editor.typeset.spans import Span
from circular_editor.typeset.isolate import LATIN_LETTER
from circular_editor.typeset.uri import LINK_SCHEMES, ascii_uri

TEXT_COLOUR = (0.0, 0.0, 0.0)
LINK_COLOUR = (0.0, 0.2, 0.6)
Colour = tuple[float, float, float]
Canvas = Any  # ReportLab's canvas (untyped)


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

    def __init__(self, line: Line, x: float, size: float, spans: list[Span]):
        self.program = _program(line, x, size, spans)
        self.links = tuple((x + x0, x + x1, target, _link_text(line, spans, url))
                           for x0, x1, url in line.links if (target := safe_link(url)))
        self.height, self.ascent, self.descent = line.height, line.ascent, line.descent
        size_text = _fmt(size)
        self.size = _KEYS.setdefault(size_text, size_text)

    def __call__(self, canvas: Canvas, top: float, marks: Marks | None = None) -> None:
        draw_plan(canvas, self, baseline_below(self, top), marks)


class Piece(tuple[str | None, str | None]):
    """In a plan's program, where a piece of the line begins whose structure differs from what went
    before: (link target or None, language or None). A line is its paragraph's text, but a screen
    reader wants a link as a /Link element holding its words, and a Latin phrase with its /Lang;
    each piece is drawn in text objects of its own, so its marked content never crosses BT/ET."""

    __slots__ = ()

    @property
    def link(self) -> str | None:
        return self[0]

    @property
    def lang(self) -> str | None:
        return self[1]


class Marks(Protocol):
    """What tags a line's pieces (render/tagging.py); `draw_plan` calls it as it writes the line."""

    open: bool  # a marked-content sequence is open (begin was called, its EMC not yet written)

    def begin(self, canvas: Canvas, piece: Piece) -> str:
        """The BDC operator that begins `piece`'s marked content."""

    def annotated(self, canvas: Canvas, annotation: LinkAnnotation, target: str) -> None:
        """The annotation of the link to `target` on this line is made: tie it to the link's element."""


class LinkAnnotation(pdfdoc.PDFObject):  # type: ignore[misc]  # (ReportLab has no types)
    """A link annotation as PDF/A and PDF/UA want it: printed (/F 4: shown on paper as on screen), no
    border, its /Contents the words it covers (what a screen reader says of it), and a /StructParent
    once tagged, tying it to its /Link element."""

    def __init__(self, rect: tuple[float, ...], uri: str, text: str):
        self.rect, self.uri, self.text = rect, uri, text
        self.struct_parent: int | None = None

    def format(self, document: Any) -> bytes:
        rect = " ".join(_fmt(v) for v in self.rect)
        parent = f" /StructParent {self.struct_parent}" if self.struct_parent is not None else ""
        words, uri = (pdf_text(pdfdoc.PDFString(value), document) for value in (self.text, self.uri))
        return (f"<< /Type /Annot /Subtype /Link /Rect [{rect}] /F 4 /Border [0 0 0] /Contents {words}"
                f" /A << /S /URI /URI {uri} >>{parent} >>").encode("latin-1")


class _X(str):
    """The x of a text matrix in a plan's program (its y, the baseline, is known when drawn)."""

    __slots__ = ()


def draw_line(canvas: Canvas, line: Line, x: float, baseline: float, size: float, spans: list[Span]) -> None:
    """Draw `line` with its left edge at x and its baseline at `baseline` (points)."""
    if line.glyphs:
        draw_plan(canvas, LinePlan(line, x, size, spans), baseline)


def draw_plan(canvas: Canvas, plan: LinePlan, baseline: float, marks: Marks | None = None) -> None:
    """Draw a planned line with its baseline at `baseline`; with `marks`, each piece of it (see Piece)
    as a marked-content sequence that `marks` begins (the line's own text, a link, a Latin phrase)."""
    if not plan.program:
        return
    fonts = fonts_of(canvas)
    y = _fmt(baseline)
    ops = ["q"]
    hexes: Callable[[CodeKey], str] = _no_font
    for item in plan.program:
        kind = item.__class__
        if kind is tuple:
            ops.append("[" + "".join([k if k.__class__ is str else hexes(k) for k in item]) + "] TJ")
        elif kind is _X:
            ops.append(f"1 0 0 1 {item} {y} Tm")
        elif kind is str:
            ops.append(item)
        elif kind is Piece:
            if marks is not None:
                if marks.open:
                    ops.append("EMC")
                ops.append(marks.begin(canvas, item))
        else:  # a face
            codes = fonts.codes_for(item)
            hexes = codes.hex
            ops.append(f"/{codes.internal_name} {plan.size} Tf")
    if marks is not None and marks.open:
        ops.append("EMC")
    ops.append("Q")
    canvas._code.append("\n".join(ops))
    for x0, x1, target, text in plan.links:
        box = (x0, baseline - plan.descent, x1, baseline + plan.ascent)
        annotation = LinkAnnotation(box, ascii_uri(target), text)
        if marks is not None:
            marks.annotated(canvas, annotation, target)
        canvas._addAnnotation(annotation)


_KEYS: dict[Any, Any] = {}  # one object per distinct glyph key, kerning number and colour operator
_XS: dict[_X, _X] = {}  # one per distinct x (apart: an `_X` equals the kerning number with the same digits)
_KEYS_AT_MOST = 100_000  # then begun again (the plans keep their tuples; only sharing is lost)


def _no_font(key: CodeKey) -> str:
    raise AssertionError("a plan draws glyphs before it selects their font")


def _link_text(line: Line, spans: list[Span], url: str) -> str:
    """The words of the line that link to `url`, as typed (a screen reader's name for the link)."""
    glyphs = sorted((g for g in line.glyphs if spans[g.span].link == url), key=lambda g: g.index)
    return "".join(g.text for g in glyphs).strip() or url


ProgramItem = Any  # an operator (str), an _X, a FontFace, a Piece, or a TJ's tuple of keys and kernings


def _program(line: Line, x: float, size: float, spans: list[Span]) -> tuple[ProgramItem, ...]:
    """The operators of `line` at left edge x (see LinePlan); () for an empty line.

    Each bidi level run is a text object of its own, written in the line's logical order, its glyphs
    left to right: readers other than poppler take a line's text in the order it is written and
    reverse each right-to-left piece, so a number or a Latin word inside Arabic comes out in place."""
    glyphs = line.glyphs
    if not glyphs:
        return ()
    runs: list[list[PlacedGlyph]] = []
    for g in glyphs:
        if runs and runs[-1][-1].level == g.level:
            runs[-1].append(g)
        else:
            runs.append([g])
    runs.sort(key=lambda run: min(g.index for g in run))
    targets = [safe_link(span.link) for span in spans]
    colours = [LINK_COLOUR if target else TEXT_COLOUR for target in targets]
    program: list[ProgramItem] = []
    colour: Colour | None = None  # the colour set so far
    keys = _KEYS
    if len(keys) > _KEYS_AT_MOST or len(_XS) > _KEYS_AT_MOST:
        keys.clear()
        _XS.clear()
    piece: Piece | None = None
    for run in runs:
        lang = "en" if run[0].level % 2 == 0 and any(LATIN_LETTER.search(g.text) for g in run) else None
        colour, piece = _run_program(run, x, size, colours, colour, keys, program, targets, lang, piece)
    return tuple(program)


def _run_program(run: list[PlacedGlyph], x: float, size: float, colours: list[Colour],
                 current_colour: Colour | None, keys: dict[Any, Any], program: list[ProgramItem],
                 targets: list[str | None], lang: str | None, piece: Piece | None) -> tuple[Colour | None, Piece]:
    """The glyphs of one level run in one text object (or one per piece where a link begins or ends inside
    it, see Piece), in the order _in_reading_order gives; returns the colour and the piece it ends with.

    A mark is drawn at the pen with no width, its offset built into the glyph, so the pen never jumps
    or rises inside a word and readers keep the mark with its letter. A glyph with no text of its own
    (a kashida, a connecting piece) becomes part of the glyph drawn before it in the same TJ (or, if
    none, after it): one composite of the subset, copied as that glyph's text alone."""
    run, starts, letters = _in_reading_order(run, colours, targets)
    first = Piece((targets[run[0].span], lang))
    if first != piece:
        program.append(first)
        piece = first
    program.append("BT")
    face: FontFace | None = None
    pen: float | None = None  # where the PDF puts the next glyph of the same TJ
    origin = 0.0  # where the last glyph of the TJ was put
    tj: list[Any] = []  # keys (glyph, text, width) and kernings
    waiting: list[tuple[int, float, int]] = []  # textless glyphs before any glyph of this TJ: (gid, x, dy)
    for k, g in enumerate(run):
        colour = colours[g.span]
        gx = x + g.x
        units = g.face.upem / size
        if k in starts:  # a piece in another font or colour, written where it is read: placed anew
            pen = None
        if g.text and targets[g.span] != piece.link:  # a link begins or ends inside the run
            _close_tj(program, face, tj, waiting, pen, size, keys)
            tj = []
            piece = Piece((targets[g.span], lang))
            program += ["ET", piece, "BT"]
            pen = None
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
                key: CodeKey = (parts, last_text, last_width)
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
    return current_colour, piece


def _in_reading_order(run: list[PlacedGlyph], colours: list[Colour], targets: list[str | None]
                      ) -> tuple[list[PlacedGlyph], set[int], list[PlacedGlyph | None]]:
    """The glyphs of a level run in the order they are written: left to right, but in a right-to-left
    run that changes font, colour or link, its pieces (each left to right) from the rightmost. Readers
    that take a line's text in the order it is written (pdf.js, MuPDF) reverse each piece of a
    right-to-left line: pieces written left to right came out last word first (a bold label after the
    text it labels). Returns the glyphs, where each piece starts, and each glyph's next letter within
    its piece (see _next_letters)."""
    pieces: list[list[PlacedGlyph]] = []
    key: tuple[FontFace, Colour, str | None] | None = None
    for g in run:
        this = (g.face, colours[g.span], targets[g.span])
        if this != key and (g.text or not pieces):
            pieces.append([])
            key = this
        pieces[-1].append(g)
    if run[0].level & 1:
        pieces.reverse()
    glyphs: list[PlacedGlyph] = []
    starts: set[int] = set()
    letters: list[PlacedGlyph | None] = []
    for piece in pieces:
        starts.add(len(glyphs))
        glyphs += piece
        letters += _next_letters(piece)
    return glyphs, starts, letters


def _next_letters(glyphs: list[PlacedGlyph]) -> list[PlacedGlyph | None]:
    """For each glyph, the next glyph after it with text and width (not a mark, not a textless piece), or
    None: one pass from the end."""
    found: list[PlacedGlyph | None] = [None] * len(glyphs)
    following: PlacedGlyph | None = None
    for k in range(len(glyphs) - 1, -1, -1):
        found[k] = following
        g = glyphs[k]
        if g.text and g.face.advances[g.gid]:
            following = g
    return found


def _components(glyph: Any) -> tuple[tuple[int, int, int], ...]:
    return glyph if glyph.__class__ is tuple else ((glyph, 0, 0),)


def _close_tj(program: list[ProgramItem], face: FontFace | None, tj: list[Any], waiting: list[tuple[int, float, int]],
              pen: float | None, size: float, keys: dict[Any, Any]) -> None:
    """Add the TJ made so far; textless glyphs still waiting (no glyph followed them in their TJ) are
    drawn on their own, at the pen, copied as U+200D. (In `face`'s units: the TJ may be closed by the
    first glyph of another face.)"""
    if waiting:
        assert face is not None and pen is not None  # (a glyph of this TJ was placed: its face and pen are set)
        units = face.upem / size
        for gid, wx, wdy in waiting:
            key = (((gid, round((wx - pen) * units), wdy),), "", 0)
            tj.append(keys.setdefault(key, key))
        waiting.clear()
    if tj:
        program.append(tuple(tj))


def _gap_after(g: PlacedGlyph, following: PlacedGlyph | None, size: float) -> float:
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


def draw_paragraph(canvas: Canvas, layout: ParagraphLayout, x: float, top: float, size: float) -> float:
    """Draw every line from `top` down; returns the y below the last line."""
    y = top
    for line in layout.lines:
        draw_line(canvas, line, x, baseline_below(line, y), size, layout.spans)
        y -= line.height
    return y
