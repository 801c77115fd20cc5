"""A TinyDB storage that writes atomically and reads from memory.

TinyDB's default JSONStorage rewrites its file in place (a crash or a full disk
mid-write destroys it) and parses the whole file again for every query. This
one parses once, hands TinyDB the same dict on every read, and writes each
change as a whole new file that replaces the old one (atomic.write_atomic).
A failed write reloads the last good state from disk, so memory never holds
what the disk does not.
"""
from __future__ import annotations

import json
from pathlib import Path

from tinydb.storages import Storage

from circular_editor.atomic import write_atomic
from circular_editor.store.errors import ReadOnly


class UnreadableFile(Exception):
    """A database file exists but is not valid JSON: it must not be overwritten."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def read_json_file(path: Path):
    """The parsed file; UnreadableFile for anything else, an empty file included (files here are always
    written whole: an empty one is damage, not an empty database)."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFile(path, "a folder where a file should be") from None
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise UnreadableFile(path, "empty (a store file is always written whole: an empty one is damaged)")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path, f"not UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise UnreadableFile(path, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise UnreadableFile(path, "not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # a number of thousands of digits
        raise UnreadableFile(path, f"not valid JSON ({str(exc)[:80]})") from None


def dump_json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._data = self._load()

    def _load(self) -> dict | None:
        if not self.path.exists():
            return None
        data = read_json_file(self.path)
        if data is not None and not isinstance(data, dict):
            raise UnreadableFile(self.path, "not a TinyDB database (the top level is not an object)")
        return data

    def read(self):
        return self._data

    def write(self, data) -> None:
        if self.read_only:  # (the repository refuses writes before they get here)
            raise ReadOnly(f"{self.path}: the store is open read-only; nothing was saved")
        try:
            write_atomic(self.path, dump_json(data))
        except BaseException:
            self._data = self._load()  # TinyDB changed the dict in place: back to what the disk holds
            raise
        self._data = data

    def close(self) -> None:
        pass
