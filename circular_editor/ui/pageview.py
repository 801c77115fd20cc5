"""The PDF's pages as a reader shows them: continuous pages, zoom, selection and copy of the text.

The pages are the rasters PDFium makes of the very bytes export writes. Only the
pages in view are rasterised, at the zoom times the screen's device pixel ratio (crisp
on high-DPI screens); a page whose raster is on its way shows the previous one scaled.
The render worker sends the rasters of the pages visible when it rendered; later
scrolling and zooming ask this process's PDFium thread (one thread: PDFium is not
thread-safe). Zoom and scroll position survive a new rendering.

Text selection uses PDFium's text page: the characters between the press and the
release, in the order a reader reads them, are what Copy puts on the clipboard, so
the user sees what a reader of the PDF will copy.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QMenu

from circular_editor.preview.pages import PageText, Raster
from circular_editor.ui.pdfium import PdfiumPages, qimage

GAP = 12  # pixels around and between pages
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
KEEP_AROUND = 2  # rasters kept for pages this far from the view (memory stays flat on long circulars)


class PageView(QAbstractScrollArea):
    page_changed = Signal(int, int)  # the page at the view's centre (1-based), the page count
    zoom_changed = Signal()

    def __init__(self, pdfium: PdfiumPages, parent=None):
        super().__init__(parent)
        self.pdfium = pdfium
        self.setObjectName("page-view")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.sizes: list[tuple[float, float]] = []  # points
        self.serial = 0  # PdfiumPages' number of the document shown
        self.images: dict[int, tuple[float, QImage]] = {}  # page -> (pixels per point, image)
        self.texts: dict[int, PageText] = {}
        self.mode = "width"  # "width", "page" or "zoom"
        self.zoom = 1.0  # when mode == "zoom": 1.0 is the page at its real size on the screen
        self.dimmed = False
        self.message = ""  # shown when there are no pages
        self.selection: tuple[int, int, int] | None = None  # page, first char, last char
        self._press: tuple[int, QPointF] | None = None  # page, point (points) where the selection began
        self._drag: QPointF | None = None
        self._asked: set[tuple[int, int, float]] = set()  # (serial, page, scale) rasters on their way
        self._current_page = 0
        self._rasterise_soon = QTimer(self, singleShot=True, interval=0, timeout=self._rasterise_visible)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)

    # ---- what is shown ----

    def show_pdf(self, serial: int, sizes, rasters: dict[int, Raster], scale: float) -> None:
        """A new rendering: its pages replace the old ones, zoom and scroll position stay."""
        self.serial = serial
        self.sizes = list(sizes)
        self.images = {i: (scale, qimage(r)) for i, r in rasters.items()}
        self.texts = {}
        self.selection = None
        self._press = None
        self._asked = {a for a in self._asked if a[0] == serial}
        self.dimmed = False
        self._relayout()

    def clear(self, message: str = "") -> None:
        self.sizes, self.images, self.texts, self.selection = [], {}, {}, None
        self.message = message
        self._relayout()

    def set_dimmed(self, dimmed: bool) -> None:
        self.dimmed = dimmed
        self.viewport().update()

    # ---- geometry (pixels are logical; rasters are made at pixels x device pixel ratio) ----

    def points_to_pixels(self) -> float:
        """Logical pixels per point at the current zoom."""
        screen = self.logicalDpiX() / 72.0
        if self.mode == "zoom" or not self.sizes:
            return self.zoom * screen
        widest = max(w for w, _ in self.sizes)
        fit = max(0.05, (self.viewport().width() - 2 * GAP) / widest)
        if self.mode == "page":
            tallest = max(h for _, h in self.sizes)
            fit = min(fit, max(0.05, (self.viewport().height() - 2 * GAP) / tallest))
        return fit

    def raster_scale(self) -> float:
        """Device pixels per point: what a raster is made at."""
        return round(self.points_to_pixels() * self.devicePixelRatioF(), 4)

    def zoom_percent(self) -> int:
        return round(100 * self.points_to_pixels() / (self.logicalDpiX() / 72.0))

    def _content_size(self) -> tuple[float, float]:
        s = self.points_to_pixels()
        width = max((w for w, _ in self.sizes), default=0) * s + 2 * GAP
        height = sum(h * s + GAP for _, h in self.sizes) + GAP
        return width, height

    def page_rects(self) -> list[QRectF]:
        """Each page's rectangle in content coordinates, centred across the content's width."""
        s = self.points_to_pixels()
        content_w = max(self._content_size()[0], self.viewport().width())
        rects, y = [], GAP
        for w, h in self.sizes:
            rects.append(QRectF((content_w - w * s) / 2, y, w * s, h * s))
            y += h * s + GAP
        return rects

    def _offset(self) -> QPointF:
        """Where the viewport's top left is in content coordinates (a right-to-left bar starts at the right)."""
        bar = self.horizontalScrollBar()
        x = bar.value() if self.layoutDirection() == Qt.LayoutDirection.LeftToRight else bar.maximum() - bar.value()
        return QPointF(x, self.verticalScrollBar().value())

    def visible_pages(self, rects: list[QRectF] | None = None) -> list[int]:
        rects = self.page_rects() if rects is None else rects
        view = QRectF(self._offset(), self.viewport().size().toSizeF())
        return [i for i, r in enumerate(rects) if r.intersects(view)]

    def _relayout(self) -> None:
        width, height = self._content_size()
        view = self.viewport().size()
        for bar, content, seen in ((self.horizontalScrollBar(), width, view.width()),
                                   (self.verticalScrollBar(), height, view.height())):
            bar.setRange(0, max(0, round(content - seen)))
            bar.setPageStep(seen)
            bar.setSingleStep(40)
        self._scrolled()
        self.zoom_changed.emit()

    def _scrolled(self, *_):
        self.viewport().update()
        self._rasterise_soon.start()
        self._current_page = page = self._page_at_centre()
        self.page_changed.emit(page + 1 if self.sizes else 0, len(self.sizes))

    def _page_at_centre(self) -> int:
        centre = self._offset().y() + self.viewport().height() / 2
        for i, r in enumerate(self.page_rects()):
            if centre < r.bottom() + GAP:
                return i
        return max(0, len(self.sizes) - 1)

    def resizeEvent(self, event) -> None:  # Qt's name
        super().resizeEvent(event)
        self._relayout()

    # ---- navigation and zoom ----

    def go_to_page(self, number: int) -> None:
        rects = self.page_rects()
        if 1 <= number <= len(rects):
            self.verticalScrollBar().setValue(round(rects[number - 1].top() - GAP / 2))  # (the page above out of view)

    def set_zoom(self, mode: str, zoom: float | None = None) -> None:
        """"width", "page", or "zoom" with a factor (1.0: real size); the point at the view's centre stays."""
        _, old_height = self._content_size()
        centre = self._offset().y() + self.viewport().height() / 2
        fraction = centre / old_height if old_height else 0
        if mode == "zoom":
            self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom if zoom is not None else self.zoom))
        self.mode = mode
        self._relayout()
        _, height = self._content_size()
        self.verticalScrollBar().setValue(round(fraction * height - self.viewport().height() / 2))

    def zoom_by(self, steps: int) -> None:
        current = self.zoom_percent() / 100
        if steps > 0:
            target = next((z for z in ZOOM_STEPS if z > current + 0.005), MAX_ZOOM)
        else:
            target = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.005), MIN_ZOOM)
        self.set_zoom("zoom", target)

    def wheelEvent(self, event) -> None:  # Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self.zoom_by(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # ---- rasters ----

    def _rasterise_visible(self) -> None:
        if not self.sizes:
            return
        scale, serial = self.raster_scale(), self.serial
        visible = self.visible_pages()
        keep = set(range(max(0, visible[0] - KEEP_AROUND), visible[-1] + KEEP_AROUND + 1)) if visible else set()
        self.images = {i: image for i, image in self.images.items() if i in keep}
        for i in visible:
            have = self.images.get(i)
            if (have is not None and abs(have[0] - scale) < 1e-3) or (serial, i, scale) in self._asked:
                continue
            self._asked.add((serial, i, scale))
            self.pdfium.call(serial, lambda pages, i=i: pages.raster(i, scale),
                             lambda raster, i=i: self._raster_arrived(serial, i, scale, raster))

    def _raster_arrived(self, serial: int, index: int, scale: float, raster: Raster) -> None:
        self._asked.discard((serial, index, scale))
        if serial == self.serial and index < len(self.sizes):
            self.images[index] = (scale, qimage(raster))
            self.viewport().update()

    # ---- painting ----

    def paintEvent(self, _event) -> None:  # Qt's name
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), self.palette().color(QPalette.ColorRole.Mid))
        if not self.sizes:
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(self.viewport().rect().adjusted(24, 24, -24, -24),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        offset = self._offset()
        rects = self.page_rects()
        for i in self.visible_pages(rects):
            target = rects[i].translated(-offset)
            painter.fillRect(target, Qt.GlobalColor.white)
            image = self.images.get(i)
            if image is not None:
                painter.drawImage(target, image[1])
            if self.selection is not None and self.selection[0] == i and i in self.texts:
                self._paint_selection(painter, i, target)
            if self.dimmed:
                painter.fillRect(target, QColor(128, 128, 128, 150))
            painter.setPen(QColor(0, 0, 0, 60))
            painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5))

    def _paint_selection(self, painter: QPainter, page: int, target: QRectF) -> None:
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(90)
        _, first, last = self.selection
        boxes = self.texts[page].boxes
        for k in range(first, last + 1):
            rect = self._box_rect(page, boxes[k], target)
            if rect is not None:
                painter.fillRect(rect, colour)

    def _box_rect(self, page: int, box, target: QRectF) -> QRectF | None:
        left, bottom, right, top = box
        if right <= left or top <= bottom:
            return None  # a character PDFium made up (a line break): no box
        s = self.points_to_pixels()
        height = self.sizes[page][1]
        return QRectF(target.left() + left * s, target.top() + (height - top) * s, (right - left) * s,
                      (top - bottom) * s)

    # ---- selecting and copying text ----

    def _point_on_page(self, pos: QPointF, page: int | None = None) -> tuple[int, QPointF] | None:
        """The page under `pos` (or the given page) and the point there, in PDF points from its bottom left."""
        offset, s = self._offset(), self.points_to_pixels()
        for i, r in enumerate(self.page_rects()):
            if (page is None and r.translated(-offset).contains(pos)) or page == i:
                local = pos + offset - r.topLeft()
                return i, QPointF(local.x() / s, self.sizes[i][1] - local.y() / s)
        return None

    def mousePressEvent(self, event) -> None:  # Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus()
        self.selection, self._drag = None, None
        self._press = self._point_on_page(event.position())
        if self._press is not None:
            self._need_text(self._press[0])
        self.viewport().update()

    def mouseMoveEvent(self, event) -> None:  # Qt's name
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        self._drag = self._point_on_page(event.position(), self._press[0])[1]
        self._select()

    def mouseReleaseEvent(self, event) -> None:  # Qt's name
        if self._press is not None and self._drag is not None:
            self._select()
        self._press = None

    def _need_text(self, page: int) -> None:
        if page not in self.texts:
            serial = self.serial
            self.pdfium.call(serial, lambda pages: pages.text(page),
                             lambda text: self._text_arrived(serial, page, text))

    def _text_arrived(self, serial: int, page: int, text: PageText) -> None:
        if serial == self.serial:
            self.texts[page] = text
            if self._press is not None and self._drag is not None:
                self._select()

    def _select(self) -> None:
        page = self._press[0]
        text = self.texts.get(page)
        if text is None or self._drag is None:
            return
        a, b = char_at(text, self._press[1]), char_at(text, self._drag)
        if a is None or b is None:
            return
        self.selection = (page, min(a, b), max(a, b))
        self.viewport().update()

    def select_page(self, page: int | None = None) -> None:
        """The whole text of `page` (the page at the centre by default)."""
        page = self._current_page if page is None else page
        if not self.sizes:
            return
        if page not in self.texts:
            serial = self.serial
            self.pdfium.call(serial, lambda pages: pages.text(page),
                             lambda text: (self._text_arrived(serial, page, text), self.select_page(page)))
            return
        count = len(self.texts[page].chars)
        self.selection = (page, 0, count - 1) if count else None
        self.viewport().update()

    def selected_text(self) -> str:
        if self.selection is None:
            return ""
        page, first, last = self.selection
        return self.texts[page].copied(first, last)

    def copy(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def keyPressEvent(self, event) -> None:  # Qt's name
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_page()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # Qt's name
        menu = QMenu(self)
        copy = menu.addAction(self.tr("&Copy"), self.copy)
        copy.setEnabled(self.selection is not None)
        menu.addAction(self.tr("Select the &page's text"), self.select_page)
        menu.exec(event.globalPos())


def char_at(text: PageText, point: QPointF) -> int | None:
    """The character under `point` (PDF points), else the nearest one (closer lines first)."""
    x, y = point.x(), point.y()
    best, best_distance = None, float("inf")
    for k, (left, bottom, right, top) in enumerate(text.boxes):
        if right <= left or top <= bottom:
            continue
        dx = max(left - x, 0.0, x - right)
        dy = max(bottom - y, 0.0, y - top)
        distance = dx + 4 * dy  # a point between lines belongs to the nearer line, not the nearer column
        if distance < best_distance:
            best, best_distance = k, distance
            if distance == 0:
                break
    return best
