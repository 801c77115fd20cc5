"""Circular pages composed with ReportLab; every line of text goes through typeset/.

    pdf_bytes = render_pdf(Circular.from_json(text))
"""
from circular_editor.render.document import Rendered, render, render_pdf

__all__ = ["Rendered", "render", "render_pdf"]
