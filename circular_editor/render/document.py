"""A circular -> the bytes of its PDF.

Page 1 carries the letterhead and the organisation's footer; later pages the
centred page number and the running reference line. The same circular always
gives the same bytes: ReportLab's invariant mode, and the document dates set
from the circular's own date, so tests compare and the preview caches.
"""
from __future__ import annotations

import gc
import io
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from circular_editor import __version__, markup, styles
from circular_editor.model import Circular
from circular_editor.render import archive
from circular_editor.render.compose import Geometry, Room, compose, running_header
from circular_editor.render.emblem import draw_emblem
from circular_editor.render.flow import Frame, Page, Row, draw_rows, paginate
from circular_editor.render.tagging import Element, artifact, new_structure, tag
from circular_editor.render.text import rows
from circular_editor.styles import LetterStyle
from circular_editor.typeset.fonts import forget_missing
from circular_editor.typeset.pdffont import new_canvas


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    # per signatory (in the order the letter shows them): (page index, x0, y0, x1, y1) in points of the room
    # left for the signature under the note, where a digital signature's appearance goes
    signature_rooms: dict[int, Room]


def render_pdf(circular: Circular) -> bytes:
    return render(circular).pdf


def render(circular: Circular) -> Rendered:
    forget_missing()  # (a long-running render worker warns about each circular's own missing characters)
    # The garbage collector stays out of the render: a render makes hundreds of thousands of objects that
    # live until its end (glyphs, lines, ReportLab's page operators), and each collection walks all of
    # them and the layout cache. It took 35 % of a 100-page render (3.7 s, 2.4 s without). What a
    # render leaves in cycles is collected afterwards.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _render(circular)
    finally:
        if collecting:
            gc.enable()
        forget_missing()


def _render(circular: Circular) -> Rendered:
    style = styles.load(circular.style)
    p = style.page
    width, height = p.width, p.height
    geo = Geometry(p.margin_left, width - p.margin_right, style)
    root = Element("Document")
    letterhead = root.child("Div")
    organisation = style.letterhead[0] if style.letterhead else ""
    figure = letterhead.child("Figure", alt=style.labels.emblem_alt.format(organisation=organisation))
    emblem = _emblem_rows(style, geo, figure)
    letterhead_rows = _letterhead_lines(style, geo, letterhead)
    letterhead_h = max(p.emblem_size, _height(letterhead_rows)) + p.letterhead_gap
    # The organisation's address and numbers are read, not page furniture: a screen reader user needs
    # them as much as a sighted one (PDF/UA: real content is never an artifact). Page 1 only, drawn
    # right after the letterhead, as read.
    footer = _footer_lines(style, geo, letterhead)
    number_box, number_h, reference_line = _running_lines(circular, style, geo)
    first = Frame(height - p.margin_top - letterhead_h, p.margin_bottom + _height(footer) + p.footer_gap)
    later = Frame(height - p.margin_top - number_h - _height(reference_line) - p.running_gap, p.margin_bottom)
    rooms: dict[int, Room] = {}  # filled as the pages are drawn
    pages = paginate(compose(circular, style, geo, root, rooms), lambda i: first if i == 0 else later)

    buffer = io.BytesIO()
    canvas = new_canvas(buffer, pagesize=(width, height), invariant=1, lang=circular.language or "ar",
                        pageCompression=1, pdfVersion=archive.PDF_VERSION)
    _metadata(canvas, circular, style)
    new_structure(canvas, root)
    for number, page in enumerate(pages, 1):
        if number == 1:
            draw_rows(canvas, emblem, height - p.margin_top)
            draw_rows(canvas, letterhead_rows, height - p.margin_top)
            draw_rows(canvas, footer, p.margin_bottom + _height(footer))
        else:
            page_number = artifact(rows(style.markers.page_number.format(n=number), number_box), "Header")
            draw_rows(canvas, page_number, height - p.margin_top)
            draw_rows(canvas, reference_line, height - p.margin_top - number_h)
        _draw_page(canvas, page)
        _close_page(canvas)
    canvas.save()
    return Rendered(buffer.getvalue(), rooms)


def _close_page(canvas) -> None:
    """End the page, its content stream compressed at once rather than when the document is saved: a long
    circular then holds its finished pages compressed (~5 KB a page) instead of as operators (~28 KB).
    The stream is encoded as ReportLab encodes it when saving (its own filters, in its order), and a
    stream with its /Filter already set is written as it is: the same bytes."""
    canvas.showPage()
    page = canvas._doc.Pages.pages[-1]
    if not page.compression or not page.stream:
        return
    filters = [pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress] if rl_config.useA85 else [pdfdoc.PDFZCompress]
    content = page.stream
    for encoding in reversed(filters):
        content = encoding.encode(content)
    stream = pdfdoc.PDFStream(content=content)
    stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(f.pdfname) for f in filters])
    stream.__Comment__ = "page stream"
    page.Contents, page.stream = stream, None


def _draw_page(canvas, page: Page) -> None:
    for row, top in page.placed:
        row.draw(canvas, top)


def _height(lines) -> float:
    return sum(row.height for row in lines)


def _metadata(canvas, circular: Circular, style: LetterStyle) -> None:
    canvas.setTitle(markup.plain(circular.subject).replace("\n", " "))
    canvas.setAuthor(style.author)
    canvas.setSubject(circular.reference)
    canvas.setCreator(f"Circular Editor {__version__}")
    canvas.setKeywords(f"ITU circular, {style.name}")
    archive.describe(canvas, circular.date)


def _emblem_rows(style: LetterStyle, geo: Geometry, figure: Element) -> list[Row]:
    """The emblem at the letterhead's reading side, as a row (of no height: the letterhead lines stand
    beside it) drawn as the figure's content; none when the style shows no emblem."""
    side = style.page.emblem_size
    if side <= 0:
        return []

    def draw(canvas, top: float) -> None:
        draw_emblem(canvas, style.emblem, geo.right - side, top - side, side, side)
    return tag([Row(0.0, (draw,))], figure)


def _letterhead_lines(style: LetterStyle, geo: Geometry, letterhead: Element):
    """The letterhead's lines beside the emblem: the first larger and bold, each a paragraph."""
    box_w = geo.width - style.page.emblem_size - style.page.emblem_gap
    lines = []
    for k, line in enumerate(style.letterhead):
        size = style.type.letterhead if k == 0 else style.type.letterhead_sub
        lines += tag(rows(line, geo.box(geo.left, box_w, size, "start", bold=(k == 0))), letterhead.child("P"))
    return lines


def _footer_lines(style: LetterStyle, geo: Geometry, letterhead: Element):
    size = style.type.footer
    lines = []
    for line in style.footer:
        lines += tag(rows(line, geo.box(geo.left, geo.width, size, "center", rtl=False)), letterhead.child("P"))
    return lines


def _running_lines(circular: Circular, style: LetterStyle, geo: Geometry):
    """The box of the `- N -` line, its height, and the running reference line of pages 2 and later."""
    size = style.type.running
    number_box = geo.box(geo.left, geo.width, size, "center")
    number_h = _height(rows(style.markers.page_number.format(n=2), number_box))
    reference = rows(running_header(circular, style), geo.box(geo.left, geo.width, size, "start"))
    return number_box, number_h, artifact(reference, "Header")
