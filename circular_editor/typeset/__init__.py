"""The right-to-left text engine: knows fonts and text, not circulars. No Qt here.

The API the renderer calls:

    layout = layout_paragraph([Span("نص "), Span("غامق", bold=True)], width=450,
                              style=ParagraphStyle(size=12))
    layout.lines        # each Line has .height, .ascent, .descent, .used, .text
    draw_paragraph(canvas, layout, x=72, top=700, size=12)   # or draw_line per line

Widths and positions are in PDF points; `x` is the left edge of the text box.
"""
from circular_editor.typeset.draw import baseline_below, draw_line, draw_paragraph, safe_link
from circular_editor.typeset.fonts import FontFamily, default_family, load_face
from circular_editor.typeset.layout import Line, ParagraphLayout, ParagraphStyle, Span, layout_paragraph

__all__ = ["FontFamily", "baseline_below", "Line", "ParagraphLayout", "ParagraphStyle", "Span", "default_family",
           "draw_line", "draw_paragraph", "layout_paragraph", "load_face", "safe_link"]
