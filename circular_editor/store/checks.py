"""What each store file must look like, checked when it is read (before the open's backup is taken).

A file that parses as JSON but has the wrong shape (a shard `{"circulars": []}`, a record
without `content`, `schema` as a string) is as damaged as one that does not parse: it is
reported as unreadable, named, and never overwritten. The checks are structural and cheap
(a store of 10,000 circulars opens in well under a second); a record's content is checked
in full (`Circular.from_dict`) when it is read.
"""
from __future__ import annotations

from pathlib import Path

from circular_editor.store.storage import UnreadableFile

STATUSES = ("draft", "final", "sent")
_CONTENT_TEXT = ("style", "reference", "subject", "date")


def _fail(path: Path, reason: str):
    raise UnreadableFile(path, reason)


def _table(data, name: str, path: Path) -> dict:
    """TinyDB's table `name` ({"<id>": document}); absent is empty."""
    if data is None:
        return {}
    table = data.get(name, {})
    if not isinstance(table, dict):
        _fail(path, f"{name}: expected an object of records, got {type(table).__name__}")
    for key, doc in table.items():
        if not key.isdigit() or int(key) < 1:
            _fail(path, f"{name}: record key {key[:20]!r} is not a positive number")
        if not isinstance(doc, dict):
            _fail(path, f"{name}[{key}]: expected an object, got {type(doc).__name__}")
    return table


def check_meta(data, path: Path) -> None:
    info = _table(data, "meta", path).get("1")
    if info is None:
        return  # a new store, or one to rebuild from its shards (the repository does)
    for key in ("schema", "next_id"):
        if key in info and (not isinstance(info[key], int) or isinstance(info[key], bool) or info[key] < 1):
            _fail(path, f"meta.{key}: expected a positive whole number, got {info[key]!r:.40}")
    shards = info.get("shards", [])
    if not isinstance(shards, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in shards):
        _fail(path, "meta.shards: expected a list of shard numbers")


def check_record(doc: dict, where: str, path: Path) -> None:
    if doc.get("status") not in STATUSES:
        _fail(path, f"{where}.status: expected one of {', '.join(STATUSES)}")
    for key in ("created", "modified"):
        if not isinstance(doc.get(key), str):
            _fail(path, f"{where}.{key}: expected a date and time")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        _fail(path, f"{where}.version: expected a positive whole number")
    content = doc.get("content")
    if not isinstance(content, dict):
        _fail(path, f"{where}.content: expected an object")
    for key in _CONTENT_TEXT:
        if not isinstance(content.get(key), str):
            _fail(path, f"{where}.content.{key}: expected text")


def check_shard(data, path: Path) -> None:
    for key, doc in _table(data, "circulars", path).items():
        check_record(doc, f"circulars[{key}]", path)


def check_history(data, path: Path) -> None:
    for key, doc in _table(data, "versions", path).items():
        if not isinstance(doc.get("content"), dict) or not isinstance(doc.get("version"), int):
            _fail(path, f"versions[{key}]: expected a saved version (content and version)")
