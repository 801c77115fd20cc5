"""Text boxes for the page: markup -> laid-out lines -> rows the paginator places.

Every line of the circular goes through the text engine here, so shaping,
bidi, justification and the ToUnicode text are the same everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from circular_editor import markup
from circular_editor.render.flow import Row
from circular_editor.typeset import ParagraphStyle, Span, layout_paragraph
from circular_editor.typeset.draw import LinePlan


@dataclass(frozen=True)
class Box:
    """Where text goes: left edge x and width in points, type size, alignment."""

    x: float
    width: float
    size: float
    leading: float  # line height as a multiple of the size
    align: str = "justify"
    rtl: bool = True
    bold: bool = False


@lru_cache(maxsize=32)
def _style(size: float, leading: float, align: str, rtl: bool) -> ParagraphStyle:
    return ParagraphStyle(size=size, leading=leading, align=align, rtl=rtl)


def rows(text: str, box: Box) -> list[Row]:
    """One row per line of `text` (with its inline markup) laid out in `box`."""
    return list(_laid_out(text, box))


@lru_cache(maxsize=4096)
def _laid_out(text: str, box: Box) -> tuple[Row, ...]:
    """The layout of one paragraph, kept: a re-render lays out again only the paragraphs that changed
    (a keystroke costs one paragraph). What is kept of a line is its drawing plan, not its glyphs:
    a page costs tens of kilobytes in this cache, not megabytes. Rows are never changed once made,
    so they are shared safely."""
    spans = list(markup.parse(text))
    if box.bold:
        spans = [Span(s.text, True, s.italic, s.link) for s in spans]
    layout = layout_paragraph(spans, box.width, _style(box.size, box.leading, box.align, box.rtl))
    return tuple(Row(line.height, (LinePlan(line, box.x, box.size, layout.spans),)) for line in layout.lines)


def merge_columns(columns: list[list[Row]]) -> list[Row]:
    """Side-by-side columns as rows: row k holds line k of every column, as tall as the tallest."""
    depth = max((len(c) for c in columns), default=0)
    merged = []
    for k in range(depth):
        cells = [c[k] for c in columns if k < len(c)]
        merged.append(Row(max(c.height for c in cells), tuple(p for c in cells for p in c.parts)))
    return merged
