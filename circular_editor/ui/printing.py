"""Printing the previewed PDF: its pages painted by PDFium at the printer's resolution, A4 at 100 %.

"Print to file" (a PDF) writes the previewed PDF's own bytes instead (`print_to`): the same vector file with
its text, tags and fonts that export writes, not pictures of its pages (2 MB of images, no text, before).

The bytes printed are the preview's (the same as export writes). A page at 600 dpi is
35 million pixels (140 MB): it is rasterised in horizontal bands of at most
BAND_BYTES, each painted before the next is made, so printing stays well under
200 MB whatever the resolution. PDFium runs on the editor's PDFium thread, like the
preview's rasters (one PDFium call at a time in a process).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QProgressDialog, QWidget

from circular_editor.atomic import write_whole
from circular_editor.errors import UserError
from circular_editor.ui import dialogs
from circular_editor.ui.pdfium import PdfiumPages, qimage
from circular_editor.preview.pages import PdfPages

MAX_DPI = 600  # beyond this a printer gains nothing visible on text and emblem
BAND_BYTES = 24 << 20


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins: the page is placed at 100 %, not fitted
    return printer


def paint_pdf(printer: QPrinter, pdf: bytes, pdfium: PdfiumPages,
              progress: Callable[[int, int], bool] | None = None) -> bool:
    """Paint every page of `pdf` on `printer`; `progress(done, total)` returns False to cancel. True if all printed."""
    thread = pdfium.thread
    pages: PdfPages = thread.wait(lambda: PdfPages(pdf))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise OSError(QCoreApplication.translate("printing", "The printer could not be started."))
        device = printer.resolution() / 72.0  # printer pixels per point
        scale = min(printer.resolution(), MAX_DPI) / 72.0  # raster pixels per point
        bands = [_bands(w, h, scale) for w, h in pages.sizes]
        total, done = sum(len(b) for b in bands), 0
        for index, (page_bands, (_w, h)) in enumerate(zip(bands, pages.sizes)):
            if index:
                printer.newPage()
            for y0, y1 in page_bands:
                crop = (0, h - y1 / scale, 0, y0 / scale)  # points cut off (left, bottom, right, top)
                raster = thread.wait(lambda i=index, c=crop: pages.raster(i, scale, c))
                target = QRectF(0, y0 / scale * device, raster.width / scale * device, raster.height / scale * device)
                painter.drawImage(target, qimage(raster))
                done += 1
                if progress is not None and not progress(done, total):
                    printer.abort()
                    return False
        return True
    finally:
        if painter.isActive():
            painter.end()
        thread.wait(pages.close)


def print_to(printer: QPrinter, pdf: bytes, pdfium: PdfiumPages,
             progress: Callable[[int, int], bool] | None = None) -> bool:
    """Print `pdf` on `printer`: a PDF file asked for in the print dialog gets the PDF's bytes, whole; a printer
    gets the pages painted."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        write_whole(printer.outputFileName(), pdf)
        return True
    return paint_pdf(printer, pdf, pdfium, progress)


def _bands(width: float, height: float, scale: float) -> list[tuple[int, int]]:
    """Rows [y0, y1) of the page's raster, each band at most BAND_BYTES."""
    rows = max(1, round(height * scale))
    step = max(16, BAND_BYTES // max(1, round(width * scale) * 4))
    return [(y, min(rows, y + step)) for y in range(0, rows, step)]


def print_dialog(parent: QWidget, pdf: bytes, pdfium: PdfiumPages, preview: bool) -> None:
    printer = new_printer()
    if preview:
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setObjectName("print-preview")
        dialog.setWindowTitle(QCoreApplication.translate("printing", "Print preview"))
        dialog.paintRequested.connect(lambda target: paint_pdf(target, pdf, pdfium))
        dialog.resize(900, 1000)
        dialog.exec()
        return
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    bar = QProgressDialog(QCoreApplication.translate("printing", "Printing…"),
                          QCoreApplication.translate("printing", "Cancel"), 0, 100, parent)
    bar.setWindowModality(Qt.WindowModality.WindowModal)
    bar.setMinimumDuration(300)

    def progress(done: int, total: int) -> bool:
        bar.setMaximum(total)
        bar.setValue(done)
        QCoreApplication.processEvents()
        return not bar.wasCanceled()
    try:
        print_to(printer, pdf, pdfium, progress)
    except (OSError, UserError) as exc:
        dialogs.show_error(parent, QCoreApplication.translate("printing", "Cannot print"), str(exc))
    finally:
        bar.close()
