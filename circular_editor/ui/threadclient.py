"""A worker thread seen from the GUI: jobs run there in order, their outcome comes back on the GUI thread.

    worker = ThreadClient("pdfium")
    worker.call(lambda: pages.raster(0, 2.0), done=show, failed=complain)

`done(result)` and `failed(error)` run on the GUI thread (a queued signal), so they
may touch widgets. The store (StoreClient) and PDFium in the editor's process (one
thread: PDFium is not thread-safe) are both used this way.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from circular_editor.background import SerialWorker
from circular_editor.ui import imports


class ThreadClient(QObject):
    _finished = Signal(object, object, object, object)  # done, failed, result, error

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        imports.watch()  # (a job's modules are imported on the GUI thread first: ui/imports.py says why)
        self._worker: SerialWorker | None = SerialWorker(name)
        self._finished.connect(self._deliver)
        self.pending = 0  # jobs whose outcome has not come back yet

    def call(self, job: Callable[[], object], done: Callable | None = None, failed: Callable | None = None):
        """Run `job()` on the thread; the outcome comes back on the GUI thread. Nothing once closed."""
        if self._worker is None:
            return None
        self.pending += 1
        future = self._worker.submit(job)

        def finished(f) -> None:
            error = f.exception()
            self._finished.emit(done, failed, None if error else f.result(), error)
        future.add_done_callback(finished)
        return future

    def wait(self, job: Callable[[], object]):
        """Run `job` on the thread and wait for its result (closing, printing, tests)."""
        return self._worker.call(job)

    def close(self, last: Callable[[], object] | None = None) -> None:
        """Run `last` (if any) after the jobs already submitted, then end the thread."""
        if self._worker is not None:
            if last is not None:
                self._worker.call(last)
            self._worker.stop()
            self._worker = None

    def _deliver(self, done, failed, result, error) -> None:
        self.pending -= 1
        if error is not None:
            if failed is None:
                raise error  # reaches the application's last-resort handler
            failed(error)
        elif done is not None:
            done(result)
