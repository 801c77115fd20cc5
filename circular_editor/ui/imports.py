"""In the editor's process, a module is imported first on the GUI thread, never on a worker thread.

Why (issue 23, measured): signing from the window crashed the process in about one run of the editor's
tests in six (SIGSEGV, or glibc's "malloc_consolidate(): unaligned fastbin chunk detected" abort while the
GUI thread freed a widget during a garbage collection). Each time, the store thread was importing pyHanko
for the first time, inside PySide6's own import hook (every import in a process that has imported
PySide6 goes through shibokensupport's `feature_import`), while the GUI thread ran Qt's event loop
without the GIL. With the same modules imported on the GUI thread before the job, 20 runs out of 20
passed. So the jobs' modules are imported on the GUI thread first (`preload`), and `watch` records any
import a worker thread still makes (the editor's tests fail on one).
"""
from __future__ import annotations

import codecs
import importlib
import sys
import threading

_watching = False
_seen: list[tuple[str, str]] = []  # (module, thread) of each import made off the GUI thread


def watch() -> None:
    """From now on, note every module a thread other than the main (GUI) thread imports first."""
    global _watching
    if not _watching:
        sys.addaudithook(_audit)  # (an audit hook cannot be removed: one for the process)
        _watching = True


def _audit(event: str, args: tuple) -> None:
    if event == "import" and threading.current_thread() is not threading.main_thread():
        name = str(args[0])
        if (name, threading.current_thread().name) in _seen:
            return
        _seen.append((name, threading.current_thread().name))  # (only noted: logging here could deadlock)


def off_thread_imports() -> list[tuple[str, str]]:
    """(module, thread) of each first import made off the GUI thread since watch()."""
    return list(_seen)


def preload(*modules: str) -> None:
    """Import `modules` now, on this (the GUI) thread, before a worker thread's job needs them; a name
    "codec:NAME" looks a text codec up (Python imports a codec's module at its first use, and caches it)."""
    for name in modules:
        if name.startswith("codec:"):
            codecs.lookup(name[len("codec:"):])
        elif name not in sys.modules:
            importlib.import_module(name)
