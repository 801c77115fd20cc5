"""Reading rendered circulars back: glyph text and positions per page and line (pdfplumber)."""
from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber


@dataclass
class DrawnLine:
    baseline: float  # points from the page's bottom
    chars: list  # pdfplumber chars, in drawing order (left to right)

    @property
    def visual(self) -> str:
        """The glyphs' text left to right (Arabic words appear reversed; no-break spaces as spaces)."""
        return "".join(c["text"] for c in self.chars).replace("\u00a0", " ")

    def find(self, text: str, arabic: bool = False):
        """(x0, x1) of `text` drawn on this line, or None; Arabic is searched right to left."""
        target = text[::-1] if arabic else text
        start = self.visual.find(target)
        if start < 0:
            return None
        run = self.chars[start:start + len(target)]
        return min(c["x0"] for c in run), max(c["x1"] for c in run)


def pages(pdf: bytes | str) -> list[list[DrawnLine]]:
    """Per page, its lines from the top down. Marks are drawn at the pen, on their baseline; glyphs with
    no text of their own (copied as U+200D) are left out."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    result = []
    with pdfplumber.open(source) as doc:
        for page in doc.pages:
            lines: dict[float, list] = {}
            for c in page.chars:
                if c["text"].startswith("(cid:") or c["text"] == "\u200d":
                    continue
                lines.setdefault(round(c["matrix"][5], 1), []).append(c)
            result.append([DrawnLine(y, sorted(cs, key=lambda c: round(c["x0"], 2)))
                           for y, cs in sorted(lines.items(), reverse=True)])
    return result


def line_with(lines: list[DrawnLine], text: str, arabic: bool = True) -> DrawnLine | None:
    return next((line for line in lines if line.find(text, arabic)), None)
