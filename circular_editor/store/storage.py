"""The store's file format, and a TinyDB storage that writes atomically and reads from memory.

Every store file (meta.json, the shards, the histories) is one JSON object that carries the
SHA-256 of its own data, written first so that it can be read without parsing the rest:

    {"sha256":"<64 hex digits>","data":<TinyDB's tables>}

The digest covers the exact bytes of `data`, so any change that still parses (a flipped bit in an
Arabic letter, a shard replaced by `{}`) is noticed when the file is read. Files written before
schema 2 have no digest: they are read as they are (`legacy=True`) until the migration rewrites them.

TinyDB's default JSONStorage rewrites its file in place (a crash or a full disk mid-write destroys it)
and parses the whole file again for every query. This one parses once, hands TinyDB the same dict on
every read, and writes each change as a whole new file that replaces the old one (atomic.write_atomic).
A failed write reloads the last good state from disk, so memory never holds what the disk does not.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.storages import Storage

from circular_editor.atomic import write_atomic
from circular_editor.store.errors import ReadOnly

_HEAD = re.compile(rb'\{"sha256":"([0-9a-f]{64})","data":')
HEAD_BYTES = 96  # the digest is in the first bytes of a file (84 of them; header_digest)


class UnreadableFile(Exception):
    """A store file exists but cannot be used (not JSON, or its digest does not match): never overwritten."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def dump_json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def seal(data: object) -> tuple[bytes, str]:
    """(the file's bytes, the digest of its data): the data with its SHA-256 in front."""
    body = dump_json(data)
    digest = hashlib.sha256(body).hexdigest()
    return b'{"sha256":"' + digest.encode("ascii") + b'","data":' + body + b"}", digest


def header_digest(path: Path) -> str | None:
    """The digest a store file says it has (its first bytes only, nothing checked); None if it has none."""
    try:
        with open(path, "rb") as handle:
            found = _HEAD.match(handle.read(HEAD_BYTES))
    except OSError:
        return None
    return found.group(1).decode("ascii") if found else None


def read_store_file(path: Path, legacy: bool = False) -> tuple[Any, str | None]:
    """(the data, its digest) of a store file; UnreadableFile for anything else. `legacy`: a file without a
    digest (written before schema 2) is read too, its digest then None. An empty file is damage (files here
    are always written whole)."""
    body, digest = sealed_body(path, _read(path), legacy)
    return _parse(path, body), digest


def sealed_body(path: Path, raw: bytes, legacy: bool = False) -> tuple[bytes, str | None]:
    """(the data's bytes, their digest) of a store file's bytes, the digest checked; UnreadableFile if it does
    not match (or is missing, unless `legacy`)."""
    found = _HEAD.match(raw)
    if found is None:
        if not legacy:
            raise UnreadableFile(path, "damaged or not a store file (no digest of its content at its start)")
        return raw, None
    body = raw[found.end():].rstrip()
    if not body.endswith(b"}"):
        raise UnreadableFile(path, "cut short (its end is missing)")
    body = body[:-1]
    digest = found.group(1).decode("ascii")
    if hashlib.sha256(body).hexdigest() != digest:
        raise UnreadableFile(path, "damaged (its content does not match its SHA-256: it changed after it was "
                                   "written)")
    return body, digest


def read_json_file(path: Path) -> Any:
    """A plain JSON file of the store's folder (drafts); UnreadableFile when it is not one."""
    return _parse(path, _read(path))


def _read(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFile(path, "a folder where a file should be") from None
    except FileNotFoundError:
        raise UnreadableFile(path, "missing") from None
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise UnreadableFile(path, "empty (a store file is always written whole: an empty one is damaged)")
    return raw


def _parse(path: Path, raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path, f"not UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise UnreadableFile(path, f"not valid JSON ({exc.msg}, line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise UnreadableFile(path, "not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # a number of thousands of digits
        raise UnreadableFile(path, f"not valid JSON ({str(exc)[:80]})") from None


Tables = dict[str, dict[str, dict[str, Any]]]  # TinyDB's data: table -> document id (text) -> document


class AtomicJSONStorage(Storage):
    """TinyDB's storage for one store file. `digest` is the SHA-256 of the data as last read or written."""

    def __init__(self, path: str | Path, read_only: bool = False, legacy: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self.legacy = legacy
        self.digest: str | None = None
        self.held = False  # writes kept in memory until flush() (a batch: Repository.batch)
        self._pending = False
        self._data = self._load()

    def _load(self) -> Tables | None:
        if not self.path.exists():
            return None
        data, self.digest = read_store_file(self.path, self.legacy)
        if data is not None and not isinstance(data, dict):
            raise UnreadableFile(self.path, "not a TinyDB database (the top level is not an object)")
        return data

    def read(self) -> Tables | None:
        return self._data

    def write(self, data: Tables) -> None:
        if self.read_only:  # (the repository refuses writes before they get here)
            raise ReadOnly(f"{self.path}: the store is open read-only; nothing was saved")
        if self.held:
            self._data, self._pending = data, True
            return
        self._write(data)

    def flush(self) -> bool:
        """Write what a batch kept in memory; True if there was something."""
        self.held = False
        if not self._pending:
            return False
        self._pending = False
        self._write(self._data)
        return True

    def discard(self) -> None:
        """Forget what a batch kept in memory: back to the file."""
        self.held = self._pending = False
        self._data = self._load()

    def _write(self, data: Tables | None) -> None:
        raw, digest = seal(data)
        try:
            write_atomic(self.path, raw)
        except BaseException:
            self._data = self._load()  # TinyDB changed the dict in place: back to what the disk holds
            raise
        self._data, self.digest = data, digest

    def close(self) -> None:
        pass


class SealedDB(TinyDB):
    """A TinyDB over an AtomicJSONStorage (`SealedDB(path, storage=AtomicJSONStorage, ...)`), whose storage is
    typed as one: its digest, batches (held, flush, discard)."""

    @property
    def storage(self) -> AtomicJSONStorage:
        return cast(AtomicJSONStorage, super().storage)
