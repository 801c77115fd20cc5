"""The visible appearance of a digital signature: a small one-page PDF of the signer's lines, in the letter's face.

The signing code (circular_editor/signing.py) places this page in the signature field over the room the
letter leaves for the signature, so the name, title and date read as the rest of the letter does: Amiri,
right to left, through the same text engine.
"""
from __future__ import annotations

import io


from circular_editor.render.flow import draw_rows
from circular_editor.render.text import Box, rows
from circular_editor.typeset.pdffont import new_canvas

LEADING = 1.2


def signature_lines(holder: str, name: str, title: str, day, months, label: str) -> list[tuple[str, bool]]:
    """What the appearance says: `label` ("digital signature") and the certificate holder (bold), the block's
    name and title as the letter gives them, the day of signing as the letter writes dates."""
    lines = [(f"{label}: {holder}" if holder.strip() else label, True)]
    block = "، ".join(part.strip() for part in (name, title) if part.strip())  # (the Arabic comma)
    if block:
        lines.append((block, False))
    lines.append((f"{day.day} {months[day.month - 1]} {day.year}", False))
    return lines


def signature_appearance(lines: list[tuple[str, bool]], width: float, height: float) -> bytes:
    """A `width` x `height` point page with `lines` ((text, bold) each) centred, as large as fits (at most 9 pt)."""
    # (room above the first line for its marks: a shadda or a hamza rises above the line's box)
    size = max(4.0, min(9.0, height / (max(1, len(lines)) * LEADING + 0.7)))
    laid = []
    for text, bold in lines:
        laid += rows(text, Box(2, width - 4, size, LEADING, "center", True, bold))
    used = sum(row.height for row in laid)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, pagesize=(width, height), invariant=1, pageCompression=1)
    draw_rows(canvas, laid, height - max(0.0, (height - used) / 2))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
