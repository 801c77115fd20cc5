"""What each store file must look like, checked when it is read (before the open's backup is taken).

A file that parses, with a digest that matches, but has the wrong shape (a shard `{"circulars": []}`,
a record without `content`, `schema` as a string, a circular in the wrong shard) is as damaged as one
that does not parse: it is reported as unreadable, named, and never overwritten. The checks are
structural and cheap; a record's content is checked in full (`Circular.from_dict`) when it is read.
"""
from __future__ import annotations

from pathlib import Path
from collections.abc import Iterable
from typing import Any, NoReturn, TypeGuard

from circular_editor.store.records import STATUSES
from circular_editor.store.storage import UnreadableFile

SHARDS = 64  # circulars-NN.json holds the circulars whose id % SHARDS is NN
_CONTENT_TEXT = ("style", "reference", "subject", "date")


def shard_name(n: int) -> str:
    return f"circulars-{n:02}.json"


def shard_number(name: str) -> int | None:
    stem = name.removesuffix(".json").removeprefix("circulars-")
    return int(stem) if len(stem) == 2 and stem.isdigit() and int(stem) < SHARDS else None


def _fail(path: Path, reason: str) -> NoReturn:
    raise UnreadableFile(path, reason)


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _table(data: Any, name: str, path: Path) -> dict[str, Any]:
    """TinyDB's table `name` ({"<id>": document}); absent is empty."""
    if data is None:
        return {}
    table: dict[str, Any] = data.get(name, {})
    if not isinstance(table, dict):
        _fail(path, f"{name}: expected an object of records, got {type(table).__name__}")
    for key, doc in table.items():
        if not key.isdigit() or int(key) < 1:
            _fail(path, f"{name}: record key {key[:20]!r} is not a positive number")
        if not isinstance(doc, dict):
            _fail(path, f"{name}[{key}]: expected an object, got {type(doc).__name__}")
    return table


def check_meta(data: Any, path: Path) -> None:
    info = _table(data, "meta", path).get("1")
    if info is None:
        return  # a new store, or one to rebuild from its shards (the repository does)
    for key in ("schema", "next_id"):
        if key in info and (not _whole(info[key]) or info[key] < 1):
            _fail(path, f"meta.{key}: expected a positive whole number, got {info[key]!r:.40}")
    if listed_shards(info) is None:
        _fail(path, "meta.shards: expected the shards' numbers and the circulars each holds")


def listed_shards(info: dict[str, Any] | None) -> dict[int, set[int] | None] | None:
    """What meta.json says each shard holds: shard -> its circulars' ids (None where schema 1 did not say);
    None when the value has another shape."""
    shards = (info or {}).get("shards", [])
    if isinstance(shards, list) and all(_whole(n) and 0 <= n < SHARDS for n in shards):
        return {n: None for n in shards}
    if isinstance(shards, dict) and all(k.isdigit() and int(k) < SHARDS and isinstance(v, list)
                                        and all(_whole(i) and i % SHARDS == int(k) for i in v)
                                        for k, v in shards.items()):
        return {int(k): set(v) for k, v in shards.items()}
    return None


def check_record(doc: dict[str, Any], where: str, path: Path) -> None:
    if doc.get("status") not in STATUSES:
        _fail(path, f"{where}.status: expected one of {', '.join(STATUSES)}")
    for key in ("created", "modified"):
        if not isinstance(doc.get(key), str):
            _fail(path, f"{where}.{key}: expected a date and time")
    version = doc.get("version")
    if not _whole(version) or version < 1:
        _fail(path, f"{where}.version: expected a positive whole number")
    content = doc.get("content")
    if not isinstance(content, dict):
        _fail(path, f"{where}.content: expected an object")
    for key in _CONTENT_TEXT:
        if not isinstance(content.get(key), str):
            _fail(path, f"{where}.content.{key}: expected text")


def check_shard(data: Any, path: Path) -> None:
    """A shard's records, each in its own shard (a shard replaced by another's content is damage)."""
    n = shard_number(path.name)
    for key, doc in _table(data, "circulars", path).items():
        if n is not None and int(key) % SHARDS != n:
            _fail(path, f"holds circular #{key}, which belongs in {shard_name(int(key) % SHARDS)} (another "
                        "shard's content)")
        check_record(doc, f"circulars[{key}]", path)


def missing_ids(listed: set[int] | None, held: Iterable[int], path: Path) -> None:
    """A shard must hold every circular meta.json lists for it (an older copy, or another file, does not)."""
    lacking = sorted((listed or set()) - set(held))
    if lacking:
        shown = ", ".join(f"#{i}" for i in lacking[:5]) + (" …" if len(lacking) > 5 else "")
        _fail(path, f"does not hold {'circular' if len(lacking) == 1 else 'circulars'} {shown}, which meta.json "
                    "lists (an older copy of the file, or another file)")


def check_history(data: Any, path: Path) -> None:
    for key, doc in _table(data, "versions", path).items():
        if not isinstance(doc.get("content"), dict) or not isinstance(doc.get("version"), int):
            _fail(path, f"versions[{key}]: expected a saved version (content and version)")
