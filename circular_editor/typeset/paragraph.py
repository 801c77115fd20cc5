"""A paragraph of styled spans -> justified lines: the text engine's entry point.

A newline is a hard break: each piece between newlines is laid out on its own
(layout.py). A long paragraph without newlines is laid out through relayout.py,
which lays out again only what an edit changed.
"""
from __future__ import annotations

from circular_editor.typeset import relayout
from circular_editor.typeset.layout import Line, ParagraphLayout, ParagraphStyle, clean_text, layout_segment
from circular_editor.typeset.spans import Span


def layout_paragraph(spans: list[Span] | str, width: float, style: ParagraphStyle | None = None) -> ParagraphLayout:
    """Lines of the paragraph at `width` points; a newline in the text is a hard break."""
    style = style or ParagraphStyle()  # (not a default argument: that would load the fonts at import)
    if isinstance(spans, str):
        spans = [Span(spans)]
    spans = [Span(clean_text(s.text), s.bold, s.italic, s.link) for s in spans]
    text = "".join(s.text for s in spans)
    owner = [i for i, s in enumerate(spans) for _ in s.text]
    if relayout.worth_keeping(text):
        return ParagraphLayout(relayout.layout(text, owner, spans, width, style), width, spans)
    lines: list[Line] = []
    start = 0
    for piece in text.split("\n"):
        end = start + len(piece)
        lines.extend(layout_segment(text, start, end, owner, spans, width, style).lines)
        start = end + 1
    return ParagraphLayout(lines, width, spans)
