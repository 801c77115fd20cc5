"""The store, seen from the GUI thread: every Repository call runs on one worker thread.

    client.call(lambda repo: repo.save(circular, 7), done=on_saved, failed=on_error)

`done(result)` and `failed(error)` are called on the GUI thread (a queued signal),
so they may touch widgets. Opening and closing wait for the worker: nothing else
can happen before the store is open, and a window closes after its last save.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from circular_editor.background import SerialWorker
from circular_editor.store import Repository


class StoreClient(QObject):
    _finished = Signal(object, object, object, object)  # done, failed, result, error

    def __init__(self, folder, read_only: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = SerialWorker("store")
        self._finished.connect(self._deliver)
        self.pending = 0
        self.repository: Repository = self._worker.call(Repository, folder, read_only)
        self.read_only = read_only
        self.folder = self.repository.folder

    def call(self, job: Callable[[Repository], object], done: Callable | None = None,
             failed: Callable | None = None):
        """Run `job(repository)` on the store's thread; the outcome comes back on the GUI thread."""
        self.pending += 1
        future = self._worker.submit(job, self.repository)

        def finished(f) -> None:
            error = f.exception()
            self._finished.emit(done, failed, None if error else f.result(), error)
        future.add_done_callback(finished)
        return future

    def wait(self, job: Callable[[Repository], object]):
        """Run `job` on the store's thread and wait for it (for closing, and for tests)."""
        return self._worker.call(job, self.repository)

    def close(self) -> None:
        if self._worker is not None:
            self._worker.call(lambda: self.repository.close())
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
