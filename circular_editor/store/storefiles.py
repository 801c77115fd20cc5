"""The store's files: its folder, lock, database files and their order of writes (the Repository's base).

    class Repository(SharedRecords): ...   (repository.py: what the records mean; shared.py: a bureau's part)


Files in the store's folder (every one written whole and renamed into place; the database files
carry the SHA-256 of their content, storage.py):

    meta.json            TinyDB: schema version, next id, reference counters, and which circulars
                         each shard holds (a shard that loses one is noticed)
    circulars-NN.json    TinyDB shards of the records (id % SHARDS), so saving one
                         circular rewrites ~1/64 of the data, not all of it
    index.json           the list's cache (index.py): derived, made again when stale
    history/ID.json      TinyDB: the previous versions of one circular
    drafts/KEY.json      autosaved editor state (drafts.py)
    backups/             rolling backups (backup.py)
    store.lock           held by the owning process (lock.py)

Opening reads meta.json and the list's cache, and checks the digest of every file that changed since
the newest backup (the others were checked when they were backed up); a shard is parsed the first
time one of its circulars is read, a search needs its text, or when it changed since the cache was
made, and its digest is checked then too. Writes go through TinyDB to disk at once. The order of
writes keeps meta.json's list of each shard's circulars a subset of what the shard holds, after a
crash too: a new circular is written to its shard before it is listed; one removed for good is
unlisted first.

This class knows files, shards, digests, backups and histories; it knows nothing of what a circular is.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Callable, Iterator
from typing import Any, Self

from tinydb.table import Document

from circular_editor.atomic import clean_temporaries
from circular_editor.store import backup, checks, restore
from circular_editor.store.checks import SHARDS, listed_shards, shard_name
from circular_editor.store.drafts import Drafts
from circular_editor.store.errors import ReadOnly, SaveFailed, StoreCorrupt, StoreError, StoreTooNew
from circular_editor.store.index import Index, read_cache, write_cache
from circular_editor.store.lock import ProcessLock
from circular_editor.store.migrations import FIRST_SEALED_SCHEMA, MIGRATIONS, SCHEMA_VERSION
from circular_editor.store.storage import AtomicJSONStorage, SealedDB, UnreadableFile, header_digest, sealed_body

DATA_ENV = "CIRCULAR_EDITOR_DATA"
HISTORY_KEPT = 50
log = logging.getLogger(__name__)


def default_folder() -> Path:
    """$CIRCULAR_EDITOR_DATA, else the platform's per-user data folder."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    import platformdirs
    return Path(platformdirs.user_data_dir("CircularEditor", appauthor=False))


class StoreFiles:
    def __init__(self, folder: str | Path | None = None, read_only: bool = False):
        self.folder = Path(folder) if folder is not None else default_folder()
        self.read_only = read_only
        self.warnings: list[str] = []  # what the user should know although the store opened (a backup not made)
        self._batching = False
        if not read_only:  # a reader of a store that does not exist yet sees an empty one and makes nothing
            self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = None if read_only else ProcessLock(self.folder / "store.lock")
        if self._lock:
            self._lock.acquire()
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    def _open(self) -> None:
        if not self.read_only:
            for folder in (self.folder, self.folder / "history", self.folder / "drafts"):
                clean_temporaries(folder)  # (a folder not made yet has nothing to clean)
            restore.finish_interrupted(self.folder)
        elif restore.interrupted(self.folder):
            raise StoreError(f"a restore of the store in {self.folder} was interrupted; it is finished the next time "
                             "the store is opened for writing (by the editor, or a command such as import)")
        meta_path = self.folder / "meta.json"
        if not meta_path.exists() and (self._database_files() or list(self.folder.glob("damaged-*"))):
            raise StoreCorrupt(meta_path, "missing, while the store holds circulars")
        self.meta = self._db(meta_path, checks.check_meta, legacy=True)
        info = self.meta.table("meta").get(doc_id=1)
        schema = info.get("schema", SCHEMA_VERSION) if info else SCHEMA_VERSION
        if schema > SCHEMA_VERSION:
            raise StoreTooNew(f"the store in {self.folder} was written by a newer Circular Editor (schema {schema}; "
                              f"this version reads up to {SCHEMA_VERSION}); it has not been changed")
        self._legacy = schema < FIRST_SEALED_SCHEMA
        if not self._legacy and self.meta.storage.digest is None and info is not None:
            raise StoreCorrupt(meta_path, "damaged or not a store file (no digest of its content at its start)")
        listed = listed_shards(info) or {}
        for n in listed:
            if not self._shard_path(n).exists():
                raise StoreCorrupt(self._shard_path(n), "missing (meta.json lists it)")
        self.shards: dict[int, SealedDB] = {}  # the shards parsed so far
        self._present = {n for n in range(SHARDS) if self._shard_path(n).exists()}
        self._digests: dict[int, str] = {}  # each present shard's digest, as the index was made from it
        self._index = Index()
        self._read_index(listed)
        if self.read_only:  # (a writer's open checks the same files as it backs them up)
            for path in backup.changed_since(self._database_files(), self.folder / "backups"):
                self._check_digest(path, path.read_bytes())
        else:  # every file read so far has been checked: the backup holds a sound store
            self._backup(dt.datetime.now())
            self._repair_meta(info)
            if schema < SCHEMA_VERSION:
                self._migrate(schema)
        self.drafts = Drafts(self.folder / "drafts", writable=not self.read_only)

    def _read_index(self, listed: dict[int, set[int] | None]) -> None:
        """Summaries from the cache where a shard's digest is the cached one, else from the shard itself (read in
        full and checked); each shard must hold what meta.json lists for it."""
        cache = {} if self._legacy else read_cache(self._cache_path())
        stale = False
        for n in sorted(self._present):
            cached = cache.get(n)
            digest = header_digest(self._shard_path(n))
            if cached is not None and digest is not None and cached[0] == digest:
                for summary in cached[1]:
                    self._index.add(summary)
                self._digests[n] = digest
                held = [s.id for s in cached[1]]
            else:
                held = [doc.doc_id for doc in self._shard(n).table("circulars")]
                stale = True
            try:
                checks.missing_ids(listed.get(n), held, self._shard_path(n))
            except UnreadableFile as exc:
                raise StoreCorrupt(exc.path, exc.reason) from None
        self._cache_stale = stale or set(cache) != self._present

    def _cache_path(self) -> Path:
        return self.folder / "index.json"

    def _check_digest(self, path: Path, data: bytes) -> None:
        try:
            sealed_body(path, data, legacy=self._legacy)
        except UnreadableFile as exc:
            raise StoreCorrupt(exc.path, exc.reason) from None

    def _backup(self, now: dt.datetime) -> None:
        """A backup of the database files, each one that changed since the last checked as it is copied (the
        others were checked when they were); one the disk refuses is a warning (reading and saving go on)."""
        try:
            backup.make_backups(self._database_files(), self.folder / "backups", now, self._check_digest)
        except OSError as exc:
            message = f"no backup was made in {self.folder / 'backups'} ({exc.strerror or exc})"
            log.warning("%s", message)
            self.warnings.append(message)
        self._backup_day = now.date()

    def _repair_meta(self, info: dict[str, Any] | None) -> None:
        """Meta as it must be: the next id above every stored one (a `meta.json` lost, emptied or older than the
        shards must never hand out an id in use), and each shard's circulars (a lost one is then noticed)."""
        held = self.shards_held()
        wanted = {"schema": (info or {}).get("schema", SCHEMA_VERSION),
                  "next_id": max([(info or {}).get("next_id", 1), *(i + 1 for i in self._index.summaries)]),
                  "shards": held if not self._legacy else sorted(self._present)}
        if info is None:
            self._guarded(lambda: self.meta.table("meta").insert(Document(wanted, doc_id=1)))
        elif any(info.get(k) != v for k, v in wanted.items()):
            self._guarded(lambda: self.meta.table("meta").update(wanted, doc_ids=[1]))

    def shards_held(self) -> dict[str, list[int]]:
        """Each present shard's circulars, as meta.json lists them."""
        held: dict[str, list[int]] = {str(n): [] for n in sorted(self._present)}
        for i in sorted(self._index.summaries):
            held.setdefault(str(i % SHARDS), []).append(i)
        return held

    def _db(self, path: Path, check: Callable[[Any, Path], object] | None = None,
            legacy: bool = False) -> SealedDB:
        try:
            db = SealedDB(path, storage=AtomicJSONStorage, read_only=self.read_only, legacy=legacy)
            if check is not None:
                check(db.storage.read(), path)
            return db
        except UnreadableFile as exc:
            raise StoreCorrupt(exc.path, exc.reason) from None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Writes made inside are kept in memory and written once per file at the end, the shards before
        meta.json (so that a list of circulars or a sync cursor is never on disk before what it covers). For
        many records at once (a pull of 10,000): one write per shard instead of one per record. A crash inside
        loses the batch, never part of a file."""
        if self._batching:
            yield
            return
        self._batching = True
        for db in [self.meta, *self.shards.values()]:
            db.storage.held = True
        try:
            yield
        finally:
            self._batching = False
            try:
                for n, db in list(self.shards.items()):
                    self._guarded(db.storage.flush)
                    if db.storage.digest is not None:
                        self._digests[n] = db.storage.digest
                self._guarded(self.meta.storage.flush)
            except SaveFailed:
                for db in [self.meta, *self.shards.values()]:
                    db.storage.discard()  # (memory back to what the disk holds)
                raise

    def _shard(self, n: int) -> SealedDB:
        """Shard n, parsed and checked on first use (made on its first record, then listed in meta.json)."""
        if n not in self.shards:
            db = self._db(self._shard_path(n), checks.check_shard, legacy=self._legacy)
            db.storage.held = self._batching
            self.shards[n] = db
            for doc in db.table("circulars"):
                self._index.remember(doc.doc_id, doc)
            if db.storage.digest is not None:
                self._digests[n] = db.storage.digest
        return self.shards[n]

    def all_shards(self) -> list[SealedDB]:
        """Every shard, parsed and checked (for migrations, which change records through their TinyDB tables)."""
        return [self._shard(n) for n in sorted(self._present)]

    def _list_shard(self, n: int, ids: list[int]) -> None:
        """Circulars `ids`, just written to shard n, listed in meta.json (a listed one that vanishes is then
        reported). An unlisted circular is still read, so a failure to list it loses nothing: the next open
        lists it."""
        self._present.add(n)
        shards = self.meta_info().get("shards", {})
        if self._legacy or not isinstance(shards, dict):
            return  # (a schema 1 store until its migration lists them)
        now = sorted(set(shards.get(str(n), [])) | set(ids))
        if now != shards.get(str(n)):
            try:
                self._guarded(lambda: self.meta.table("meta").update({"shards": {**shards, str(n): now}},
                                                                     doc_ids=[1]))
            except SaveFailed:
                pass

    def _unlist(self, record_id: int) -> None:
        """A circular about to be removed for good, no longer listed (before its shard is written)."""
        shards = self.meta_info().get("shards", {})
        key = str(record_id % SHARDS)
        if isinstance(shards, dict) and record_id in shards.get(key, []):
            rest = [i for i in shards[key] if i != record_id]
            self._guarded(lambda: self.meta.table("meta").update({"shards": {**shards, key: rest}}, doc_ids=[1]))

    def meta_info(self) -> dict[str, Any]:
        """meta.json's one document: schema, next id, the shards' circulars, the bureau's link and cursor."""
        info = self.meta.table("meta").get(doc_id=1)
        assert info is not None  # (written at the first open for writing: _repair_meta)
        return info

    def _shard_path(self, n: int) -> Path:
        return self.folder / shard_name(n)

    def _database_files(self) -> list[Path]:
        files = [self.folder / "meta.json"] + [self._shard_path(n) for n in range(SHARDS)]
        return [f for f in files if f.exists()]

    def _migrate(self, schema: int) -> None:
        """Bring an older store up to date, one step at a time (a backup was made just before)."""
        while schema < SCHEMA_VERSION:
            MIGRATIONS[schema](self)
            schema += 1
            self.meta.table("meta").update({"schema": schema}, doc_ids=[1])
            self._legacy = schema < FIRST_SEALED_SCHEMA

    def close(self) -> None:
        if self._lock:
            if getattr(self, "_cache_stale", False):
                self._write_cache()
            self._lock.release()
            self._lock = None

    def _write_cache(self) -> None:
        if not self._legacy:
            write_cache(self._cache_path(), self._index, self._digests, SHARDS)
            self._cache_stale = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnly(f"the store in {self.folder} is open read-only; nothing was saved")

    def _written(self, n: int, ids: list[int]) -> None:
        """Shard n was just written, holding `ids`: its digest is the new one, and meta.json lists them."""
        self._changed(n)
        self._list_shard(n, ids)

    def _changed(self, n: int) -> None:
        """Shard n was just written: its digest is the new one, and the list's cache is stale."""
        digest = self.shards[n].storage.digest
        if digest is not None:  # (always, after a write: every file written is sealed)
            self._digests[n] = digest
        self._cache_stale = True

    def _history_path(self, record_id: int) -> Path:
        return self.folder / "history" / f"{record_id}.json"

    def _history(self, record_id: int) -> SealedDB:
        """The history of a circular. A damaged one is moved aside (kept, named in the log) and a new one begun:
        it must not stop the circular itself from being saved, and backups do not hold histories."""
        path = self._history_path(record_id)
        try:
            db = SealedDB(path, storage=AtomicJSONStorage, read_only=self.read_only)
            checks.check_history(db.storage.read(), path)
            return db
        except UnreadableFile as exc:
            if self.read_only:
                raise StoreError(f"the history of circular #{record_id} ({path}) cannot be read ({exc.reason})") \
                    from None
            aside = path.with_name(f"{path.stem}.damaged-{dt.datetime.now():%Y%m%d-%H%M%S-%f}{path.suffix}")
            try:
                path.rename(aside)
            except OSError as error:
                raise StoreError(f"the history of circular #{record_id} ({path}) cannot be read ({exc.reason}) "
                                 f"nor moved aside ({error.strerror or error})") from None
            log.warning("%s: %s; moved to %s and a new history begun", path, exc.reason, aside.name)
            return SealedDB(path, storage=AtomicJSONStorage)

    def _push_history(self, record_id: int, old: dict[str, Any]) -> None:
        self._history_path(record_id).parent.mkdir(exist_ok=True)
        versions = self._history(record_id).table("versions")
        entry = {k: old[k] for k in ("status", "modified", "version", "content")}

        def push() -> None:
            # upsert: a crash after this write and before the record's leaves this version here already
            versions.upsert(Document(entry, doc_id=old["version"]))
            extra = sorted(d.doc_id for d in versions.all())[:-HISTORY_KEPT]
            if extra:
                versions.remove(doc_ids=extra)
        self._guarded(push)

    def _guarded(self, write: Callable[[], object]) -> None:
        """Run a TinyDB write; a failure of the disk becomes SaveFailed with the previous state kept."""
        try:
            write()
        except OSError as exc:
            for db in [self.meta, *self.shards.values()]:
                db.clear_cache()
                for table in db.tables():
                    db.table(table).clear_cache()
            raise SaveFailed(f"could not save in {self.folder}: {exc.strerror or exc}; "
                             "the previously saved state is unchanged") from None
