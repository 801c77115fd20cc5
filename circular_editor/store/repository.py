"""The repository: the transaction core, the only code that writes the database files.

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
"""
from __future__ import annotations

import datetime as dt
import logging
import os
from contextlib import contextmanager
from pathlib import Path

from tinydb import Query, TinyDB
from tinydb.table import Document

from circular_editor import styles
from circular_editor.atomic import clean_temporaries
from circular_editor.errors import quoted
from circular_editor.model import Circular, problems_before_finalizing
from circular_editor.store import backup, checks, numbering, restore
from circular_editor.store.checks import SHARDS, listed_shards, shard_name
from circular_editor.store.drafts import Drafts
from circular_editor.store.errors import (NotAllowed, NotFound, PartlySaved, ReadOnly, ReferenceTaken, SaveFailed,
                                          StoreCorrupt, StoreError, StoreTooNew)
from circular_editor.store.importing import read_import_files
from circular_editor.store.index import Index, read_cache, write_cache
from circular_editor.store.lock import ProcessLock
from circular_editor.store.migrations import FIRST_SEALED_SCHEMA, MIGRATIONS, SCHEMA_VERSION
from circular_editor.store.records import (STATUSES, Record, SignedFile, Status, Summary, Version, signed_blocks,
                                           signed_files)
from circular_editor.store.search import fold
from circular_editor.store.shared import SharedRecords, new_gid
from circular_editor.store.storage import AtomicJSONStorage, UnreadableFile, header_digest, sealed_body

__all__ = ["Record", "Repository", "SignedFile", "Summary", "Version", "default_folder"]

DATA_ENV = "CIRCULAR_EDITOR_DATA"
HISTORY_KEPT = 50
log = logging.getLogger(__name__)


def default_folder() -> Path:
    """$CIRCULAR_EDITOR_DATA, else the platform's per-user data folder."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    import platformdirs
    return Path(platformdirs.user_data_dir("CircularEditor", appauthor=False))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


class Repository(SharedRecords):
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

    # ---- opening ----

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
        self.shards: dict[int, TinyDB] = {}  # the shards parsed so far
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

    def _repair_meta(self, info: dict | None) -> None:
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

    def _db(self, path: Path, check=None, legacy: bool = False) -> TinyDB:
        try:
            db = TinyDB(path, storage=AtomicJSONStorage, read_only=self.read_only, legacy=legacy)
            if check is not None:
                check(db.storage.read(), path)
            return db
        except UnreadableFile as exc:
            raise StoreCorrupt(exc.path, exc.reason) from None

    @contextmanager
    def batch(self):
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

    def _shard(self, n: int) -> TinyDB:
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

    def all_shards(self) -> list[TinyDB]:
        """Every shard, parsed and checked (for migrations, which change records through their TinyDB tables)."""
        return [self._shard(n) for n in sorted(self._present)]

    def _list_shard(self, n: int, ids: list[int]) -> None:
        """Circulars `ids`, just written to shard n, listed in meta.json (a listed one that vanishes is then
        reported). An unlisted circular is still read, so a failure to list it loses nothing: the next open
        lists it."""
        self._present.add(n)
        info = self.meta.table("meta").get(doc_id=1)
        shards = info.get("shards", {})
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
        info = self.meta.table("meta").get(doc_id=1)
        shards = info.get("shards", {})
        key = str(record_id % SHARDS)
        if isinstance(shards, dict) and record_id in shards.get(key, []):
            rest = [i for i in shards[key] if i != record_id]
            self._guarded(lambda: self.meta.table("meta").update({"shards": {**shards, key: rest}}, doc_ids=[1]))

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

    def __enter__(self) -> "Repository":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- reading ----

    def __len__(self) -> int:
        """How many circulars there are (the deleted ones not counted)."""
        return sum(not summary.deleted for summary in self._index.summaries.values())

    def get(self, record_id: int) -> Record:
        doc = self._doc(record_id)
        return Record(record_id, doc["status"], doc["created"], doc["modified"], doc["version"],
                      Circular.from_dict(doc["content"]), "deleted" in doc, signed_files(doc), doc.get("gid", ""),
                      doc.get("conflict"), doc.get("stage", "editing"), doc.get("note", ""),
                      tuple(doc.get("signers", ())))

    def _doc(self, record_id: int) -> dict:
        n = record_id % SHARDS
        doc = self._shard(n).table("circulars").get(doc_id=record_id) if n in self._present else None
        if doc is None:
            raise NotFound(f"there is no circular #{record_id}")
        return doc

    def search(self, text: str = "", style: str | None = None, status: str | None = None,
               year: int | None = None, deleted: bool = False) -> list[Summary]:
        """Summaries matching every word of `text` and the filters, newest date first; `deleted`: search
        the deleted circulars instead of the others."""
        words = fold(text).split()
        if words:
            self.load_texts()
        prefix = f"{year:04}-" if year else None
        found = self._index.found(words, lambda s: s.deleted == deleted
                                  and (style is None or s.style == style) and (status is None or s.status == status)
                                  and (prefix is None or s.date.startswith(prefix)))
        found.sort(key=lambda s: (s.date, s.modified, s.id), reverse=True)
        return found

    def load_texts(self) -> None:
        """Every shard parsed (and checked) and every circular's text folded for search: done by the first search
        for words, or ahead of it (the editor does it on the store's thread after opening)."""
        if self._index.all_texts:  # (kept so since: every write folds its circular's text)
            return
        for n in sorted(self._present):
            for doc in self._shard(n).table("circulars"):
                if not self._index.has_text(doc.doc_id):
                    self._index.add_text(doc.doc_id, doc)
        self._index.all_texts = True

    def summaries(self, ids: list[int]) -> list[Summary]:
        """The summaries of the circulars `ids` that exist, in that order (recent circulars)."""
        return [self._index.summaries[i] for i in ids if i in self._index.summaries]

    def years(self) -> list[int]:
        """The years of the circulars' dates, newest first (for a year filter)."""
        return sorted({int(s.date[:4]) for s in self._index.summaries.values() if not s.deleted}, reverse=True)

    def versions(self, record_id: int) -> list[Version]:
        """Previous versions of a circular, newest first (the current one is not among them)."""
        self._doc(record_id)
        path = self._history_path(record_id)
        if not path.exists():
            return []
        docs = self._history(record_id).table("versions").all()
        return sorted((Version(d["version"], d["modified"], d["status"], d["content"]["subject"]) for d in docs),
                      key=lambda v: v.number, reverse=True)

    def _history_path(self, record_id: int) -> Path:
        return self.folder / "history" / f"{record_id}.json"

# ---- writing ----

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnly(f"the store in {self.folder} is open read-only; nothing was saved")

    def save(self, circular: Circular, record_id: int | None = None) -> Record:
        """Create (record_id None) or update a circular; the previous version goes to its history."""
        self._writable()
        content = circular.to_dict()
        self._check_reference(content["reference"], record_id)
        now = _now()
        if record_id is None:
            record_id = self._allocate_id()
            doc = {"status": Status.DRAFT, "created": now, "modified": now, "version": 1, "content": content}
        else:
            old = self._doc(record_id)
            if old["content"] == content:
                return self.get(record_id)
            if old.get("stage") == "submitted":
                raise NotAllowed(f"circular #{record_id} is submitted for signature: take it back to change it")
            given = old["content"]["reference"]
            if old["status"] != Status.DRAFT and content["reference"] != given:
                raise ReferenceTaken(f"reference: {quoted(given)} was given when the circular was finalized "
                                     "and cannot change")
            return self._new_version(record_id, old, content=content)
        self._write_record(record_id, doc)
        return self.get(record_id)

    def _new_version(self, record_id: int, old: dict, **changes) -> Record:
        """One write of the record with `changes`, after the version it replaces went to the history."""
        self._push_history(record_id, old)
        self._write_record(record_id, {**old, **changes, "modified": _now(), "version": old["version"] + 1})
        return self.get(record_id)

    def _check_reference(self, reference: str, record_id: int | None) -> None:
        owner = self._index.references.get(numbering.normalise(reference)) if reference.strip() else None
        if owner is not None and owner != record_id:
            where = " (a deleted one)" if self._index.summaries[owner].deleted else ""
            raise ReferenceTaken(f"reference: {quoted(reference)} is already used by circular #{owner}{where}")

    def _check_new_reference(self, circular: Circular, batch: dict[str, str], origin: str) -> None:
        """A new circular's reference must be free in the store and in the batch it comes with."""
        self._check_reference(circular.reference, None)
        if circular.reference.strip():
            key = numbering.normalise(circular.reference)
            if key in batch:
                raise ReferenceTaken(f"reference: {circular.reference!r} is also in {batch[key]}")
            batch[key] = origin

    def _allocate_id(self, count: int = 1) -> int:
        """The first of `count` new ids (written before the records: a crash skips ids, never reuses them)."""
        info = self.meta.table("meta").get(doc_id=1)
        record_id = info["next_id"]
        self._guarded(lambda: self.meta.table("meta").update({"next_id": record_id + count}, doc_ids=[1]))
        return record_id

    def save_many(self, circulars: list[Circular]) -> list[int]:
        """Add new circulars as drafts, writing each shard once; all are checked before any is written."""
        self._writable()
        batch: dict[str, str] = {}
        for n, circular in enumerate(circulars, 1):
            self._check_new_reference(circular, batch, f"circular {n} of those being added")
        if not circulars:
            return []
        first = self._allocate_id(len(circulars))
        now = _now()
        by_shard: dict[int, list[Document]] = {}
        for record_id, circular in enumerate(circulars, first):
            doc = {"status": Status.DRAFT, "created": now, "modified": now, "version": 1,
                   "content": circular.to_dict(), "gid": new_gid(), "dirty": True}
            by_shard.setdefault(record_id % SHARDS, []).append(Document(doc, doc_id=record_id))
        saved: list[int] = []
        try:
            for shard, docs in by_shard.items():
                self._guarded(lambda: self._shard(shard).table("circulars").insert_multiple(docs))
                for doc in docs:
                    self._index.remember(doc.doc_id, doc)
                saved += [doc.doc_id for doc in docs]
                self._written(shard, [doc.doc_id for doc in docs])
        except SaveFailed as exc:
            if saved:  # some shards were written: say which circulars are in the store
                raise PartlySaved(sorted(saved), list(range(first, first + len(circulars))), exc) from None
            raise
        return list(range(first, first + len(circulars)))

    def _write_record(self, record_id: int, doc: dict, synced: bool = False) -> None:
        """Write a record; a change made here (not `synced` from the bureau server) waits for the next push."""
        doc = {k: v for k, v in {**doc, "gid": doc.get("gid") or new_gid(), "dirty": not synced}.items()
               if v is not None}  # (None: a key cleared, such as a resolved conflict)
        table = self._shard(record_id % SHARDS).table("circulars")

        def replace(stored: dict) -> None:  # (TinyDB's upsert merges: a key removed, `deleted`, would stay)
            stored.clear()
            stored.update(doc)
        if table.contains(doc_id=record_id):
            self._guarded(lambda: table.update(replace, doc_ids=[record_id]))
        else:
            self._guarded(lambda: table.insert(Document(doc, doc_id=record_id)))
        self._index.remember(record_id, doc)
        self._written(record_id % SHARDS, [record_id])
        if dt.date.today() != self._backup_day:  # an instance left open for days still backs up daily
            self._backup(dt.datetime.now())

    def _written(self, n: int, ids: list[int]) -> None:
        """Shard n was just written, holding `ids`: its digest is the new one, and meta.json lists them."""
        self._digests[n] = self.shards[n].storage.digest
        self._cache_stale = True
        self._list_shard(n, ids)

    def _history(self, record_id: int) -> TinyDB:
        """The history of a circular. A damaged one is moved aside (kept, named in the log) and a new one begun:
        it must not stop the circular itself from being saved, and backups do not hold histories."""
        path = self._history_path(record_id)
        try:
            db = TinyDB(path, storage=AtomicJSONStorage, read_only=self.read_only)
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
            return TinyDB(path, storage=AtomicJSONStorage)

    def _push_history(self, record_id: int, old: dict) -> None:
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

    def _guarded(self, write) -> None:
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

    def version(self, record_id: int, number: int) -> Circular:
        """Version `number` of a circular, from its history."""
        path = self._history_path(record_id)
        doc = self._history(record_id).table("versions").get(doc_id=number) if path.exists() else None
        if doc is None:
            raise NotFound(f"circular #{record_id} has no version {number}")
        return Circular.from_dict(doc["content"])

    def restore(self, record_id: int, number: int) -> Record:
        """Make version `number` the current one (the current one goes to the history first)."""
        return self.save(self.version(record_id, number), record_id)

    def set_status(self, record_id: int, status: str) -> Record:
        self._writable()
        if status not in STATUSES:  # (a Status, or its text)
            raise StoreError(f"status: expected one of {', '.join(STATUSES)}, got {quoted(status)}")
        old = self._doc(record_id)
        if old["status"] == status:
            return self.get(record_id)
        return self._new_version(record_id, old, status=status)

    def mark_sent(self, record_id: int) -> Record:
        """A final circular marked sent (one new version); a draft is refused: it is finalized first."""
        self._writable()
        old = self._doc(record_id)
        if old["status"] == Status.DRAFT:
            raise NotAllowed(f"circular #{record_id} is a draft: finalize it before it is marked sent")
        if "deleted" in old:
            raise NotAllowed(f"circular #{record_id} is deleted: restore it first")
        return self.set_status(record_id, Status.SENT)

    def mark_signed(self, record_id: int, file: str, sha256: str, signatory: str, block: int = 0,
                    of: int = 1) -> Record:
        """A signed PDF of a final circular was written, signature `block` of `of`: the file's SHA-256 stays in
        the record (a new version, so the history shows when); "sent" once every block is signed."""
        self._writable()
        old = self._doc(record_id)
        if old["status"] == Status.DRAFT:
            raise NotAllowed(f"circular #{record_id} is a draft: finalize it before it is signed")
        done = signed_blocks(signed_files(old))
        if block in done:
            raise NotAllowed(f"circular #{record_id}: signatory {block + 1}'s block is already signed")
        entry = {"file": str(file), "sha256": sha256, "signatory": signatory, "signed_at": _now(),
                 "block": block, "of": of}
        status = Status.SENT if len(done | {block}) >= of else old["status"]
        return self._new_version(record_id, old, status=status, signed=[*old.get("signed", []), entry])

    # ---- signatories' certificates ----

    def known_certificates(self, person: str) -> set[str]:
        """SHA-256 fingerprints of the certificates confirmed as `person`'s (the name as the letter gives it)."""
        found = self.meta.table("certificates").get(Query().person == " ".join(person.split())) or {}
        listed = found.get("sha256")
        return {f for f in listed if isinstance(f, str)} if isinstance(listed, list) else set()

    def confirm_certificate(self, person: str, fingerprint: str) -> None:
        """Remember, after a person's deliberate confirmation, that this certificate is `person`'s."""
        self._writable()
        name = " ".join(person.split())
        known = sorted(self.known_certificates(name) | {fingerprint})
        table = self.meta.table("certificates")
        self._guarded(lambda: table.upsert({"person": name, "sha256": known}, Query().person == name))

    def finalize(self, record_id: int) -> Record:
        """Mark a draft final, giving it the next reference of its style when it has none: one new version."""
        self._writable()
        self.refuse_local_numbering()
        old = self._doc(record_id)
        if old["status"] != Status.DRAFT:
            return self.get(record_id)
        if "deleted" in old:
            raise NotAllowed(f"circular #{record_id} is deleted: restore it first")
        content = old["content"]
        missing = problems_before_finalizing(Circular.from_dict(content))
        if missing:
            raise missing[0]
        if not content["reference"].strip():
            circular = Circular.from_dict(content)
            style = styles.load(circular.style)
            key = numbering.counter_key(style, circular.date_value)
            counters = self.meta.table("counters")
            last = (counters.get(Query().key == key) or {}).get("last", 0)
            existing = [(s.reference, dt.date.fromisoformat(s.date)) for s in self._index.summaries.values()
                        if s.style == circular.style]
            reference, n = numbering.next_reference(style, circular.date_value, last, existing,
                                                    set(self._index.references))
            # The counter is written first: a crash between the two writes skips a number, never repeats one.
            self._guarded(lambda: counters.upsert({"key": key, "last": n}, Query().key == key))
            content = {**content, "reference": reference}
        return self._new_version(record_id, old, status=Status.FINAL, content=content)

    def delete(self, record_id: int) -> None:
        """Move a circular to the deleted ones (`undelete` brings it back). Its reference stays taken."""
        self._writable()
        old = self._doc(record_id)
        if "deleted" not in old:
            self._write_record(record_id, {**old, "deleted": _now()})

    def undelete(self, record_id: int) -> Record:
        self._writable()
        old = self._doc(record_id)
        if "deleted" in old:
            self._write_record(record_id, {k: v for k, v in old.items() if k != "deleted"})
        return self.get(record_id)

    def purge(self, record_id: int) -> None:
        """Remove a deleted circular and its history for good."""
        self._writable()
        if "deleted" not in self._doc(record_id):
            raise NotAllowed(f"circular #{record_id} is not deleted; delete it before removing it for good")
        self._unlist(record_id)  # (first: meta.json never lists a circular its shard lacks)
        self._guarded(lambda: self._shard(record_id % SHARDS).table("circulars").remove(doc_ids=[record_id]))
        self._index.forget(record_id)
        self._digests[record_id % SHARDS] = self.shards[record_id % SHARDS].storage.digest
        self._cache_stale = True
        self._history_path(record_id).unlink(missing_ok=True)

    # ---- import and export ----

    def import_files(self, paths: list[str | Path]) -> tuple[list[tuple[str, int]], list[tuple[str, str]]]:
        """Import each valid file as a new draft; returns (imported (file, id), refused (file, reason))."""
        valid, refused = read_import_files(paths)
        imported, not_added, not_saved = self.add_imported(valid)
        return imported, refused + not_added + not_saved

    def add_imported(self, circulars: list[tuple[str, Circular]]
                     ) -> tuple[list[tuple[str, int]], list[tuple[str, str]], list[tuple[str, str]]]:
        """Add circulars read from files (read_import_files) as new drafts, each whole or not at all; returns
        (imported (file, id), refused (file, reason): a reference already used, not saved (file, reason): if the
        disk fails part-way, the files it did not save, with the cause)."""
        self._writable()
        valid: list[tuple[str, Circular]] = []
        refused: list[tuple[str, str]] = []
        seen: dict[str, str] = {}
        for path, circular in circulars:
            try:
                self._check_new_reference(circular, seen, path)
                valid.append((path, circular))
            except ReferenceTaken as exc:
                refused.append((path, str(exc)))
        not_saved: list[tuple[str, str]] = []
        try:
            ids: list[int | None] = self.save_many([circular for _, circular in valid])
        except PartlySaved as exc:
            ids = [n if n in exc.saved else None for n in exc.ids]
            not_saved = [(path, f"not saved: {exc.cause}") for (path, _), n in zip(valid, ids) if n is None]
        return [(path, n) for (path, _), n in zip(valid, ids) if n is not None], refused, not_saved

    def export(self, record_id: int) -> str:
        """The circular as an itu-circular/1 file's text."""
        return self.get(record_id).circular.to_json()

