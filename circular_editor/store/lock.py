"""One process owns a store at a time.

An OS file lock (flock on POSIX, msvcrt on Windows) on `store.lock`: the kernel
drops it when the owning process ends, however it ends, so a crash never
leaves the store stuck. The owner writes its process id into the file so the
second instance can say who holds it.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO

from circular_editor.store.errors import StoreLocked


class ProcessLock:
    def __init__(self, path: Path):
        self.path = path
        self._handle: BinaryIO | None = None

    def acquire(self) -> None:
        handle = open(self.path, "a+b")
        try:
            _lock(handle)
        except OSError:
            try:
                handle.seek(0)
                pid = handle.read(40).decode("ascii", "replace").strip()
            except OSError:  # Windows refuses to read a locked region
                pid = ""
            handle.close()
            owner = f"process {pid}" if pid.isdigit() else "another process"
            raise StoreLocked(f"the store in {self.path.parent} is in use by {owner}; "
                              "close the other Circular Editor first, or open this one read-only") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode("ascii"))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: BinaryIO) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: BinaryIO) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: BinaryIO) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: BinaryIO) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
