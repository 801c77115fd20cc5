"""Autosaved editor state, one small file per open form, written atomically.

The editor saves its unsaved state here every few seconds; a clean close
discards it. Drafts still present when a store opens are what a crash left
behind, and the editor offers them for recovery. A draft holds the form as it
was, valid or not (a half-typed date is still the user's work).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from circular_editor.atomic import write_atomic
from circular_editor.errors import quoted
from circular_editor.store.errors import ReadOnly, SaveFailed, StoreError
from circular_editor.store.storage import UnreadableFile, dump_json, read_json_file

_SAFE_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")  # (fullmatch)


@dataclass
class Draft:
    key: str
    record_id: int | None  # the saved circular it edits, None for a new one
    saved_at: str
    content: dict[str, Any]


class Drafts:
    def __init__(self, folder: Path, writable: bool):
        self.folder = folder
        self.writable = writable

    def _path(self, key: str) -> Path:
        if not isinstance(key, str) or not _SAFE_KEY.fullmatch(key):
            raise StoreError(f"draft key {quoted(key)}: letters, digits, - and _ only")
        return self.folder / f"{key}.json"

    def save(self, key: str, content: dict[str, Any], record_id: int | None = None) -> None:
        if not self.writable:
            raise ReadOnly(f"the store in {self.folder.parent} is open read-only; the draft was not autosaved")
        saved_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
        data = dump_json({"key": key, "record_id": record_id, "saved_at": saved_at, "content": content})
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self._path(key), data)
        except OSError as exc:
            raise SaveFailed(f"could not autosave the draft in {self.folder}: {exc.strerror or exc}") from None

    def discard(self, key: str) -> None:
        try:
            self._path(key).unlink(missing_ok=True)
        except OSError as exc:
            raise SaveFailed(f"could not remove the draft {self._path(key)}: {exc.strerror or exc}") from None

    def all(self) -> tuple[list[Draft], list[str]]:
        """Drafts, oldest first, and a message for each file that could not be read (left in place)."""
        found, problems = [], []
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                data = read_json_file(path)
                found.append(Draft(data["key"], data.get("record_id"), data["saved_at"], data["content"]))
            except (UnreadableFile, TypeError, KeyError) as exc:
                problems.append(f"{path.name}: unreadable draft ({exc})")
        found.sort(key=lambda d: d.saved_at)
        return found, problems
