"""Work off the GUI thread, without Qt: one serial worker, and "latest request wins".

The editor's threading model (docs/architecture.md):

- `SerialWorker`: one thread that runs jobs one at a time, in the order they were
  submitted. Every `Repository` call goes through one of these, so the store is
  touched by one thread only and a save never blocks the window. `submit`
  returns a `concurrent.futures.Future`; the GUI turns its completion into a
  signal on the GUI thread.
- `LatestWins`: at most one job in flight; a request made while one runs waits,
  and a newer request replaces it, so after a burst of edits only the first and
  the last are done, and only the result of the newest request is delivered.
  The preview uses it with a render worker process; the circular it renders is
  a snapshot (`Circular.to_json()`, an immutable string) taken on the GUI thread.

Callbacks (`on_result`) run on the worker's thread; a GUI hands them to its own
thread (a queued signal) before touching any widget.
"""
from __future__ import annotations

import queue
import threading
from concurrent.futures import Future
from typing import Any, Callable

_STOP = object()


class SerialWorker:
    """Runs submitted callables one after the other on one thread."""

    def __init__(self, name: str = "serial-worker"):
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(self, fn: Callable, *args, **kwargs) -> Future:
        future: Future = Future()
        self._jobs.put((future, fn, args, kwargs))
        return future

    def call(self, fn: Callable, *args, **kwargs):
        """Submit and wait: for the few calls that must finish before anything else happens (opening, closing)."""
        return self.submit(fn, *args, **kwargs).result()

    def stop(self, wait: bool = True) -> None:
        """Finish the jobs already submitted, then end the thread."""
        self._jobs.put(_STOP)
        if wait:
            self._thread.join()

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            future, fn, args, kwargs = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # handed to whoever waits on the future
                future.set_exception(exc)


class LatestWins:
    """At most one `run(request)` in flight; only the newest request's outcome is delivered.

    `on_result(request, result, error)` is called on the worker thread for a request that is
    still the newest when it finishes (`error` is the exception it raised, or None).
    """

    def __init__(self, run: Callable[[Any], Any], on_result: Callable[[Any, Any, BaseException | None], None],
                 name: str = "latest-wins"):
        self._run = run
        self._on_result = on_result
        self._lock = threading.Lock()
        self._pending: Any = None
        self._has_pending = False
        self._generation = 0  # of the newest request
        self._busy = False
        self._name = name

    def request(self, request: Any) -> None:
        with self._lock:
            self._generation += 1
            self._pending, self._has_pending = request, True
            if self._busy:
                return  # the running job picks it up when it ends
            self._busy = True
        threading.Thread(target=self._drain, name=self._name, daemon=True).start()

    def cancel(self) -> None:
        """Forget the waiting request and drop the outcome of the running one."""
        with self._lock:
            self._generation += 1
            self._pending, self._has_pending = None, False

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._busy

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._has_pending:
                    self._busy = False
                    return
                request, generation = self._pending, self._generation
                self._pending, self._has_pending = None, False
            result = error = None
            try:
                result = self._run(request)
            except Exception as exc:
                error = exc
            with self._lock:
                newest = generation == self._generation
            if newest:
                self._on_result(request, result, error)
