"""The preview pane: the exact PDF of the open circular, kept up to date while the user types.

The pane asks for a render as soon as an edit is made (the edits of one keystroke coalesced in one
turn of the event loop; the snapshot is the circular's JSON text, taken on the GUI thread). The
render client keeps one render in flight and only the latest request waiting, so typing coalesces
by itself while a render runs, and the preview follows as fast as the worker renders; the render worker process returns
the PDF bytes and the rasters of the pages in view. A render error (an invalid
field) shows in a banner naming the field, and the last good preview stays, dimmed.
The last good Rendering is what export writes and print paints: never a second render.
"""
from __future__ import annotations

import json
from collections import deque
from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSpinBox, QStyle, QToolButton,
                               QVBoxLayout, QWidget)

from circular_editor.model import ValidationError
from circular_editor.ui.messages import summary_text
from circular_editor.ui.pageview import ZOOM_STEPS, PageView
from circular_editor.ui.pdfium import PdfiumPages
from circular_editor.ui.renderclient import RenderClient, RenderFailure, Rendering

DEBOUNCE_MS = 0  # (a fixed delay only made the preview late: 250 ms of the 330 ms from last key to preview)


def snapshot_of(content: dict) -> str:
    """The circular as the worker reads it: an immutable string, so later edits cannot reach the render."""
    return json.dumps(content, ensure_ascii=False)


def failure_text(failure: RenderFailure) -> str:
    if failure.path is not None:
        return summary_text(ValidationError(failure.path, failure.problem))
    return failure.message


class PreviewPane(QWidget):
    def __init__(self, renderer: RenderClient, pdfium: PdfiumPages, parent=None):
        super().__init__(parent)
        self.setObjectName("preview")
        self.renderer, self.pdfium = renderer, pdfium
        self.latest: Rendering | None = None  # the last good rendering of the current circular
        self.failure: RenderFailure | None = None  # the newest outcome, when it failed
        self._source: Callable[[], str] | None = None
        self._asked: deque[str] = deque(maxlen=8)  # snapshots requested for the current circular
        self._waiting: list[tuple[str, Callable]] = []  # (snapshot, callback) for when_current
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.refresh)
        renderer.finished.connect(self._arrived)

        self.view = PageView(pdfium)
        self.view.setAccessibleName(self.tr("Preview"))
        self.banner = QLabel()
        self.banner.setObjectName("preview-error")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet("#preview-error { background: #fdecea; color: #611a15; padding: 6px; }")
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_bar())
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        self.view.page_changed.connect(self._page_changed)
        self.view.zoom_changed.connect(self._zoom_changed)
        self.clear()

    def _build_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("preview-bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(4, 2, 4, 2)
        style = self.style()

        def button(text: str, tip: str, handler, icon=None) -> QToolButton:
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            if icon is not None:
                b.setIcon(style.standardIcon(icon))
            b.clicked.connect(handler)
            row.addWidget(b)
            return b

        self.zoom_out = button("−", self.tr("Zoom out (Ctrl+−)"), lambda: self.view.zoom_by(-1))
        self.zoom_box = QComboBox()
        self.zoom_box.setEditable(True)
        self.zoom_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zoom_box.addItem(self.tr("Fit width"), "width")
        self.zoom_box.addItem(self.tr("Fit page"), "page")
        for z in ZOOM_STEPS:
            self.zoom_box.addItem(f"{round(z * 100)} %", z)
        self.zoom_box.setMinimumContentsLength(8)
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        self.zoom_box.lineEdit().setAccessibleName(self.tr("Zoom"))
        self.zoom_box.activated.connect(self._zoom_chosen)
        self.zoom_box.lineEdit().returnPressed.connect(self._zoom_typed)
        row.addWidget(self.zoom_box)
        self.zoom_in = button("+", self.tr("Zoom in (Ctrl++)"), lambda: self.view.zoom_by(1))
        row.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("preview-status")
        row.addWidget(self.status)
        row.addStretch(1)
        self.previous_page = button("", self.tr("Previous page"), lambda: self.view.go_to_page(self.page.value() - 1),
                                    QStyle.StandardPixmap.SP_ArrowUp)
        self.page = QSpinBox()
        self.page.setObjectName("preview-page")
        self.page.setAccessibleName(self.tr("Page"))
        self.page.findChild(QLineEdit).setAccessibleName(self.tr("Page"))
        self.page.setMinimum(0)
        self.page.setKeyboardTracking(False)
        self.page.valueChanged.connect(lambda n: self.view.go_to_page(n))
        self.page.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row.addWidget(self.page)
        self.page_count = QLabel()
        row.addWidget(self.page_count)
        self.next_page = button("", self.tr("Next page"), lambda: self.view.go_to_page(self.page.value() + 1),
                                QStyle.StandardPixmap.SP_ArrowDown)
        return bar

    # ---- the circular shown ----

    def set_source(self, source: Callable[[], str] | None) -> None:
        """`source()` gives the open circular's snapshot; None: no circular open. Renders at once."""
        self._source = source
        self._asked.clear()
        self._waiting.clear()
        self.latest = self.failure = None
        self.debounce.stop()
        if source is None:
            self.clear()
        else:
            self.view.clear(self.tr("Preparing the preview…"))
            self.refresh()

    def clear(self) -> None:
        self.banner.hide()
        self.status.clear()
        self.view.clear(self.tr("The PDF preview of the open circular will show here."))

    def changed(self) -> None:
        """The circular was edited: render at the next turn of the event loop (the latest request wins)."""
        if self._source is not None:
            self.debounce.start()

    def refresh(self) -> None:
        """Ask for a render of the circular as it is now (nothing if that is already shown or on its way)."""
        self.debounce.stop()
        if self._source is None:
            return
        snapshot = self._source()
        if self._asked and self._asked[-1] == snapshot:
            return
        self._asked.append(snapshot)
        self.status.setText(self.tr("Updating…"))
        pages = self.view.visible_pages() or [0, 1]
        self.renderer.request(snapshot, pages, self.view.raster_scale())

    def when_current(self, callback: Callable[[Rendering | RenderFailure], None]) -> None:
        """`callback(outcome)` with the outcome for the circular as it is now: at once if it is shown."""
        if self._source is None:
            return
        snapshot = self._source()
        newest = self.failure or self.latest
        if newest is not None and newest.snapshot == snapshot:
            callback(newest)
            return
        self._waiting.append((snapshot, callback))
        self.refresh()

    def _arrived(self, outcome) -> None:
        if outcome.snapshot not in self._asked:
            return  # for a circular no longer open
        if self._asked[-1] == outcome.snapshot:
            self.status.clear()
        if isinstance(outcome, Rendering):
            self.latest, self.failure = outcome, None
            self.banner.hide()
            serial = self.pdfium.load(outcome.pdf)
            self.view.show_pdf(serial, outcome.sizes, outcome.rasters, outcome.scale)
        else:
            self.failure = outcome
            self.banner.setText(self.tr("The preview is not up to date: %1").replace("%1", failure_text(outcome)))
            self.banner.show()
            if self.latest is None:
                self.view.clear(self.tr("No preview yet."))
            self.view.set_dimmed(True)
        waiting, self._waiting = self._waiting, []
        for snapshot, callback in waiting:
            if snapshot == outcome.snapshot:
                callback(outcome)
            else:
                self._waiting.append((snapshot, callback))

    # ---- the bar ----

    def _page_changed(self, current: int, count: int) -> None:
        self.page.blockSignals(True)
        self.page.setRange(min(1, count), count)
        self.page.setValue(current)
        self.page.blockSignals(False)
        self.page_count.setText(self.tr("of %1").replace("%1", str(count)))
        self.view.setAccessibleName(self.tr("Preview, page %1 of %2").replace("%1", str(current)).replace(
            "%2", str(count)))
        self.previous_page.setEnabled(current > 1)
        self.next_page.setEnabled(current < count)
        for control in (self.page, self.page_count, self.zoom_box):  # nothing to page through or zoom yet
            control.setEnabled(count > 0)

    def _zoom_changed(self) -> None:
        mode = self.view.mode
        index = self.zoom_box.findData(mode) if mode != "zoom" else -1
        self.zoom_box.blockSignals(True)
        if index >= 0:
            self.zoom_box.setCurrentIndex(index)
        self.zoom_box.setEditText(self.zoom_box.itemText(index) if index >= 0 else f"{self.view.zoom_percent()} %")
        self.zoom_box.blockSignals(False)
        shown = bool(self.view.sizes)
        self.zoom_out.setEnabled(shown and self.view.zoom_percent() > round(ZOOM_STEPS[0] * 100))
        self.zoom_in.setEnabled(shown and self.view.zoom_percent() < round(ZOOM_STEPS[-1] * 100))

    def _zoom_chosen(self, index: int) -> None:
        data = self.zoom_box.itemData(index)
        if isinstance(data, str):
            self.view.set_zoom(data)
        else:
            self.view.set_zoom("zoom", data)

    def _zoom_typed(self) -> None:
        digits = "".join(ch for ch in self.zoom_box.currentText() if ch.isdigit())
        if digits:
            self.view.set_zoom("zoom", int(digits) / 100)
        else:
            self._zoom_changed()

