"""The preview's render worker, seen from the GUI: one persistent process, latest request wins.

    client = RenderClient()
    client.finished.connect(show)          # show(outcome): a Rendering or a RenderFailure
    client.request(snapshot, pages=[0, 1], scale=2.0)

At most one render is in flight; requests made meanwhile collapse to the newest
(`background.LatestWins`), and a superseded request's outcome is dropped. The
exchange with the process happens on LatestWins' thread, so the window never waits
for it. A worker that dies is started again and the request retried once; one that
takes longer than `timeout` seconds is killed (and the next request starts a new one).
Either way the outcome is a RenderFailure the pane shows, never a frozen window.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from circular_editor.background import LatestWins
from circular_editor.ui import imports
from circular_editor.preview.pages import Raster
from circular_editor.preview.worker import WORKER_FLAG, StreamClosed, read_message, write_message

DEFAULT_TIMEOUT = 60.0  # seconds; a 100-page circular renders in about 3


@dataclass(frozen=True)
class Rendering:
    """The PDF of `snapshot` (the very bytes export writes), its page sizes in points, and some pages' rasters."""
    snapshot: str
    pdf: bytes
    sizes: list[tuple[float, float]]
    scale: float
    rasters: dict[int, Raster] = field(default_factory=dict)
    rooms: dict[int, tuple] = field(default_factory=dict)  # signatory -> (page, x0, y0, x1, y1): signature rooms


@dataclass(frozen=True)
class RenderFailure:
    snapshot: str
    message: str  # one line; names the field when the circular is the cause
    bug: bool = False  # the renderer or the worker failed, not the circular
    path: str | None = None  # an invalid circular: the field and its problem (model.ValidationError's)
    problem: str = ""


class WorkerLost(Exception):
    def __init__(self, message: str, hung: bool = False):
        super().__init__(message)
        self.hung = hung


def worker_command() -> list[str]:
    """The application itself, started as a render worker (works the same in a frozen bundle)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "circular_editor", WORKER_FLAG]


class RenderClient(QObject):
    finished = Signal(object)  # a Rendering or a RenderFailure, on the GUI thread

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, parent: QObject | None = None):
        super().__init__(parent)
        imports.watch()
        self.timeout = timeout
        self.renders_started = 0  # (tests and benches count them)
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._closed = False
        self._runner = LatestWins(self._run, self._deliver, name="render-client")
        self._delivered.connect(self.finished)

    _delivered = Signal(object)  # emitted on the runner's thread, received queued on the GUI thread

    def request(self, snapshot: str, pages=(), scale: float = 1.0) -> None:
        """Render `snapshot` (itu-circular/1 JSON text) and rasterise `pages` at `scale` pixels per point."""
        if not self._closed:
            self._runner.request({"snapshot": snapshot, "pages": list(pages), "scale": scale})

    def warm_up(self) -> None:
        """Start the process now, off the GUI thread, so the first preview does not wait for its imports."""
        threading.Thread(target=self._process_or_none, name="render-warm-up", daemon=True).start()

    @property
    def pid(self) -> int | None:
        with self._lock:
            return self._process.pid if self._process is not None else None

    def close(self) -> None:
        """Drop what is pending and end the worker: it finishes the render in hand, reads the end of its
        input and exits by itself (the window does not wait for it)."""
        self._runner.cancel()
        with self._lock:
            self._closed = True
            process, self._process = self._process, None
        if process is not None:
            _close_input(process)

    # ---- on the runner's thread ----

    def _run(self, request: dict):
        with self._lock:
            self.renders_started += 1
        try:
            return self._exchange(request)
        except WorkerLost as lost:
            if lost.hung:  # a render that hangs would hang again: no retry
                raise
            return self._exchange(request)  # a worker that died: once more, with a new one

    def _exchange(self, request: dict) -> dict:
        """One request to the worker (started if need be); WorkerLost if it dies or hangs (then it is dropped)."""
        process = self._process_or_none()
        if process is None:
            raise WorkerLost(QCoreApplication.translate("preview", "The preview is closed."))
        hung = threading.Event()

        def kill():
            hung.set()
            process.kill()
        watchdog = threading.Timer(self.timeout, kill)
        watchdog.daemon = True
        watchdog.start()
        try:
            write_message(process.stdin, request)
            return read_message(process.stdout)
        except (OSError, StreamClosed, EOFError, ValueError):
            code = process.wait()
            self._forget(process)
            if hung.is_set():
                raise WorkerLost(QCoreApplication.translate(
                    "preview", "The preview took longer than %1 s and was stopped; the next edit tries again.")
                    .replace("%1", f"{self.timeout:g}"), hung=True) from None
            raise WorkerLost(QCoreApplication.translate(
                "preview", "The preview's render process stopped unexpectedly (exit code %1); it was restarted.")
                .replace("%1", str(code))) from None
        finally:
            watchdog.cancel()

    def _process_or_none(self) -> subprocess.Popen | None:
        with self._lock:
            if self._closed:
                return None
            if self._process is None or self._process.poll() is not None:
                self._process = _start()
            return self._process

    def _forget(self, process: subprocess.Popen) -> None:
        with self._lock:
            if self._process is process:
                self._process = None
        _stop(process)

    def _deliver(self, request: dict, reply, error: BaseException | None) -> None:
        snapshot = request["snapshot"]
        if error is not None:
            outcome = RenderFailure(snapshot, str(error), bug=True)
        elif "error" in reply:
            outcome = RenderFailure(snapshot, reply["error"], reply["bug"], reply.get("path"), reply.get("problem", ""))
        else:
            outcome = Rendering(snapshot, reply["pdf"], reply["sizes"], request["scale"], reply["rasters"],
                                reply.get("rooms", {}))
        self._delivered.emit(outcome)


def _start() -> subprocess.Popen:
    env = dict(os.environ)
    if not getattr(sys, "frozen", False):  # the package as imported here, installed or not
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return subprocess.Popen(worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))


def _close_input(process: subprocess.Popen) -> None:
    try:
        process.stdin.close()
    except OSError:
        pass


def _stop(process: subprocess.Popen) -> None:
    _close_input(process)
    try:
        process.wait(2)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stdout.close()
