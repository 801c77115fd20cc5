"""Writing a file so that it either fully happens or leaves the previous file intact.

The bytes go to a temporary file beside the target, are flushed and fsynced,
then replace the target in one rename. On Windows a replace can be refused for
a moment while an antivirus or indexer holds the file; it is retried briefly.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from circular_editor.errors import UserError

TEMP_PREFIX = ".tmp-"
NEW_FILE_MODE = 0o644
_REPLACE_RETRIES = 20
_REPLACE_PAUSE = 0.05


class WriteFailed(UserError):
    """`write_whole` could not write the file (the disk's fault, not the user's): its text names the file."""


def write_whole(path: str | Path, data: bytes) -> Path:
    """`data` written to `path` whole or not at all; WriteFailed (its text names the file and the cause) if not.
    The one writer of whole output files (the CLI's outputs, the editor's exports and signed PDFs)."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise WriteFailed(f"{path}: cannot write ({exc.strerror or exc})") from None
    return Path(path)


def write_atomic(path: str | Path, data: bytes) -> None:
    path = Path(path)
    fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX + path.name + ".", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); the result keeps the mode of the file it replaces.
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


def _replace(source: str, target: Path) -> None:
    for attempt in range(_REPLACE_RETRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == _REPLACE_RETRIES - 1:
                raise
            time.sleep(_REPLACE_PAUSE)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def clean_temporaries(folder: str | Path) -> list[Path]:
    """Remove temporary files a crashed write left behind; returns what was removed."""
    removed = []
    for leftover in Path(folder).glob(TEMP_PREFIX + "*"):
        try:
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            pass
    return removed
