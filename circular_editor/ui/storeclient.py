"""The store, seen from the GUI thread: every Repository call runs on one worker thread.

    client.call(lambda repo: repo.save(circular, 7), done=on_saved, failed=on_error)

`done(result)` and `failed(error)` are called on the GUI thread (a queued signal),
so they may touch widgets. Opening and closing wait for the worker: nothing else
can happen before the store is open, and a window closes after its last save.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject

from circular_editor.store import Repository
from circular_editor.ui import imports
from circular_editor.ui.threadclient import ThreadClient

# What the store's jobs import on first use (validation reads links written as markup): ui/imports.py says why
# they are imported here, on the GUI thread, first.
STORE_MODULES = ("circular_editor.markup", "circular_editor.typeset.spans")
# Importing files checks that each one renders, its template's emblem decoded with Pillow (Image.open's first
# call imports these plugins): imported on the GUI thread when an import is asked, not at every start (~30 ms).
IMPORT_MODULES = ("PIL.Image", "PIL.BmpImagePlugin", "PIL.GifImagePlugin", "PIL.JpegImagePlugin",
                  "PIL.PpmImagePlugin", "PIL.PngImagePlugin")


class StoreClient(ThreadClient):
    def __init__(self, folder, read_only: bool = False, parent: QObject | None = None):
        super().__init__("store", parent)
        imports.preload(*STORE_MODULES)
        self.repository: Repository = super().wait(lambda: Repository(folder, read_only))
        self.read_only = read_only
        self.folder = self.repository.folder
        # Opening parsed only the list's cache: the circulars' texts are read now, before the first search needs
        # them (a damaged shard found here is said when one of its circulars is opened, or by the search).
        self.call(lambda repo: repo.load_texts(), failed=lambda error: None)

    def call(self, job: Callable[[Repository], object], done: Callable | None = None,
             failed: Callable | None = None):
        """Run `job(repository)` on the store's thread; the outcome comes back on the GUI thread."""
        return super().call(lambda: job(self.repository), done, failed)

    def import_files(self, paths: list[str], done: Callable | None = None, failed: Callable | None = None):
        """Import files as drafts on the store's thread: (imported (file, id), refused (file, reason)) to `done`."""
        imports.preload(*IMPORT_MODULES)
        return self.call(lambda repo: repo.import_files(paths), done, failed)

    def wait(self, job: Callable[[Repository], object]):
        """Run `job(repository)` on the store's thread and wait for it (for closing, and for tests)."""
        return super().wait(lambda: job(self.repository))

    def close(self) -> None:
        super().close(last=lambda: self.repository.close())
