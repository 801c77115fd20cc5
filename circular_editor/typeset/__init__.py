"""The right-to-left text engine: knows fonts and text, not circulars. No Qt here.

The API the renderer calls:

    layout = layout_paragraph([Span("نص "), Span("غامق", bold=True)], width=450,
                              style=ParagraphStyle(size=12))
    layout.lines        # each Line has .height, .ascent, .descent, .used, .text
    draw_paragraph(canvas, layout, x=72, top=700, size=12)   # or draw_line per line

Widths and positions are in PDF points; `x` is the left edge of the text box.
"""
import importlib
from typing import Any

# The API, imported on first use: markup.py and the editor need `Span` and the address patterns
# without loading HarfBuzz, ReportLab and the fonts.
_API = {
    "baseline_below": "draw", "draw_line": "draw", "draw_paragraph": "draw", "safe_link": "draw",
    "FontFamily": "fonts", "default_family": "fonts", "load_face": "fonts",
    "Line": "layout", "ParagraphLayout": "layout", "ParagraphStyle": "layout", "layout_paragraph": "paragraph",
    "Span": "spans",
}
__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_API[name]}"), name)
