"""Schema versions of the store, and the steps from each to the next.

The schema number lives in meta.json. A store with a higher number than
SCHEMA_VERSION was written by a newer release and is refused untouched; a
lower one is brought forward by MIGRATIONS[n] (n -> n + 1), one step at a
time, after the backup that every open makes. A step receives the open
Repository and changes records through its TinyDB tables.

Schema 1: the first released layout. Schema 2: every database file carries the
SHA-256 of its content (storage.py), and meta.json lists each shard's circulars.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from circular_editor.store.storefiles import StoreFiles

SCHEMA_VERSION = 2
FIRST_SEALED_SCHEMA = 2  # store files carry the digest of their content from this schema on (storage.py)


def _seal(repository: StoreFiles) -> None:
    """1 -> 2: each shard written again (a write seals it), then meta.json's list of what each holds. A crash
    half-way leaves schema 1 in meta.json, under which sealed and plain files are both read."""
    for db in repository.all_shards():
        data = db.storage.read()
        if data is not None:  # (a shard present but empty of tables has nothing to seal)
            db.storage.write(data)
    repository.meta.table("meta").update({"shards": repository.shards_held()}, doc_ids=[1])


MIGRATIONS: dict[int, Callable[[StoreFiles], None]] = {1: _seal}
