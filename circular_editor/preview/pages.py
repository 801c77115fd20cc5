"""PDF pages through PDFium (pypdfium2): page sizes, rasters, and the text a reader copies. No Qt here.

Used by the render worker (the pages visible when it renders) and, in the editor's
process, by one thread only: PDFium is not thread-safe, so every call into it in a
process goes through one owner (the worker's loop, or the preview's "pdfium" thread).

A raster is `Raster(width, height, stride, data)`: 8-bit BGRx rows, which Qt shows as
`QImage.Format_RGB32` without conversion.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Raster:
    width: int
    height: int
    stride: int
    data: bytes


@dataclass(frozen=True)
class PageText:
    """Every character PDFium reads on a page, in its order, with its box (points, origin bottom left)."""
    chars: str
    boxes: tuple[tuple[float, float, float, float], ...]

    def copied(self, first: int, last: int) -> str:
        """The text a reader copies for characters first..last (PDFium's own line breaks are CR LF)."""
        return self.chars[first:last + 1].replace("\r\n", "\n")


class PdfPages:
    """One PDF's pages. Not thread-safe (PDFium is not): one owner thread per process."""

    def __init__(self, pdf: bytes):
        import pypdfium2 as pdfium  # (here: the editor's window shows before PDFium is loaded)

        self.pdf = pdf
        self._doc = pdfium.PdfDocument(pdf)
        self.sizes = [tuple(self._doc[i].get_size()) for i in range(len(self._doc))]

    def __len__(self) -> int:
        return len(self.sizes)

    def raster(self, index: int, scale: float, crop: tuple[float, float, float, float] = (0, 0, 0, 0)) -> Raster:
        """Page `index` at `scale` device pixels per point; `crop` cuts points off (left, bottom, right, top)."""
        page = self._doc[index]
        bitmap = page.render(scale=scale, crop=crop, prefer_bgrx=True, fill_color=(255, 255, 255, 255))
        return Raster(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))

    def text(self, index: int) -> PageText:
        import pypdfium2.raw as pdfium_c

        textpage = self._doc[index].get_textpage()
        count = textpage.count_chars()
        # one code unit per index (get_text_range would merge surrogates and shift the indices)
        chars = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
        boxes = tuple(textpage.get_charbox(i) for i in range(count))
        return PageText(chars, boxes)

    def close(self) -> None:
        self._doc.close()
