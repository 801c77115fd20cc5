"""The editor's PDFium: one thread for the process (PDFium is not thread-safe), one current PDF per view.

    pdfium = PdfiumPages(ThreadClient("pdfium", parent))    # the preview, compare and print share the thread
    serial = pdfium.load(pdf_bytes)
    pdfium.call(serial, lambda pages: pages.raster(0, 2.0), done=show)   # dropped if another PDF came since
"""
from __future__ import annotations

from PySide6.QtGui import QImage

from circular_editor.preview.pages import PdfPages, Raster
from circular_editor.ui import imports
from circular_editor.ui.threadclient import ThreadClient

# what the PDFium thread's jobs import (its text comes back as UTF-16)
PDFIUM_MODULES = ("pypdfium2", "pypdfium2.raw", "codec:utf-16-le")

def qimage(raster: Raster) -> QImage:
    """A QImage over the raster's bytes (BGRx rows are Format_RGB32); it keeps the bytes alive."""
    image = QImage(raster.data, raster.width, raster.height, raster.stride, QImage.Format.Format_RGB32)
    image._data = raster.data  # QImage does not own the buffer
    return image


class PdfiumPages:
    """One view's current PDF, open on the editor's PDFium thread (one thread per process, shared by
    every view: PDFium is not thread-safe); every PDFium call of the view goes through here."""

    def __init__(self, thread: ThreadClient):
        self.thread = thread
        self._open: dict[int, PdfPages] = {}  # touched on the PDFium thread only
        self.serial = 0

    def load(self, pdf: bytes) -> int:
        """Make `pdf` the current document; returns its serial number (jobs name the document they want)."""
        self.serial += 1
        serial = self.serial
        imports.preload(*PDFIUM_MODULES)  # (here, on the GUI thread: ui/imports.py; ~0.1 s at the first preview)

        def load():
            for old in self._open.values():
                old.close()
            self._open = {serial: PdfPages(pdf)}
        self.thread.call(load)
        return serial

    def call(self, serial: int, job, done) -> None:
        """`job(pages)` on the PDFium thread if document `serial` is still current; `done(result)` after."""
        def run():
            pages = self._open.get(serial)
            return None if pages is None else job(pages)
        self.thread.call(run, done=lambda result: result is not None and done(result))

    def close(self) -> None:
        """Close the open document (the thread stays: it is its owner's to end)."""
        def close_all():
            for pages in self._open.values():
                pages.close()
            self._open = {}
        self.thread.wait(close_all)
