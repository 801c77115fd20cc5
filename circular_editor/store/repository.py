"""The repository: the only code that touches the database files.

Files in the store's folder (every one written whole and renamed into place):

    meta.json            TinyDB: schema version, next id, reference counters
    circulars-NN.json    TinyDB shards of the records (id % SHARDS), so saving one
                         circular rewrites ~1/64 of the data, not all of it
    history/ID.json      TinyDB: the previous versions of one circular
    drafts/KEY.json      autosaved editor state (drafts.py)
    backups/             rolling backups (backup.py)
    store.lock           held by the owning process (lock.py)

Everything is read once at open into TinyDB's memory (storage.py) plus an
index for listing and search; writes go through TinyDB to disk at once.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from tinydb import Query, TinyDB
from tinydb.table import Document

from circular_editor import styles
from circular_editor.atomic import clean_temporaries
from circular_editor.errors import quoted
from circular_editor.model import MAX_FILE_BYTES, Circular, ValidationError, problems_before_finalizing
from circular_editor.store import backup, checks, numbering, restore
from circular_editor.store.drafts import Drafts
from circular_editor.store.errors import (NotFound, PartlySaved, ReadOnly, ReferenceTaken, SaveFailed, StoreCorrupt,
                                          StoreError, StoreTooNew)
from circular_editor.store.lock import ProcessLock
from circular_editor.store.migrations import MIGRATIONS, SCHEMA_VERSION
from circular_editor.store.search import fold, matches, searchable_text
from circular_editor.store.storage import AtomicJSONStorage, UnreadableFile

DATA_ENV = "CIRCULAR_EDITOR_DATA"
SHARDS = 64
HISTORY_KEPT = 50
log = logging.getLogger(__name__)
STATUSES = ("draft", "final", "sent")


def default_folder() -> Path:
    """$CIRCULAR_EDITOR_DATA, else the platform's per-user data folder."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    import platformdirs
    return Path(platformdirs.user_data_dir("CircularEditor", appauthor=False))


@dataclass
class Record:
    id: int
    status: str
    created: str
    modified: str
    version: int
    circular: Circular
    deleted: bool = False
    signed: tuple = ()  # SignedFile of each signed export, oldest first

    @property
    def signed_blocks(self) -> set[int]:
        """The signatories' blocks (0-based) a signature fills."""
        return _blocks(self.signed)

    @property
    def signatures_waiting(self) -> tuple[int, int] | None:
        """(blocks signed, blocks) while a joint letter waits for more signatures; None otherwise."""
        if not self.signed or self.signed[-1].of is None:
            return None
        done, total = len(self.signed_blocks), self.signed[-1].of
        return (done, total) if done < total else None

    @property
    def signing_progress(self) -> str:
        """"signed 1 of 4" while a joint letter waits for signatures; "" otherwise."""
        waiting = self.signatures_waiting
        return f"signed {waiting[0]} of {waiting[1]}" if waiting else ""


@dataclass(frozen=True)
class SignedFile:
    """A signed PDF exported from a circular: where it was written, its SHA-256, who signed (the certificate's
    holder), when, which block (0-based) of how many (None for files signed before blocks were recorded)."""
    file: str
    sha256: str
    signatory: str
    signed_at: str
    block: int | None = None
    of: int | None = None


SIGNED_KEYS = {"file", "sha256", "signatory", "signed_at"}


@dataclass
class Summary:
    """One line of the list: what the list and search show without loading the circular."""

    id: int
    status: str
    style: str
    reference: str
    subject: str
    date: str
    modified: str
    deleted: bool = False  # in the list of deleted circulars, from where it can be restored


@dataclass
class Version:
    number: int
    saved_at: str
    status: str
    subject: str


def read_import_file(path: str | Path) -> Circular:
    """The circular in a file to import, of an installed style; reads at most the largest file accepted (a 4 GB
    file or /dev/zero is refused after 20 MB, not read whole)."""
    try:
        with open(path, "rb") as handle:
            circular = Circular.from_json(handle.read(MAX_FILE_BYTES + 1))
    except OSError as exc:
        raise ValidationError("", f"cannot read ({exc.strerror or exc})") from None
    styles.load(circular.style)  # a circular of a style not installed could not be rendered
    return circular


def read_import_files(paths) -> tuple[list[tuple[str, Circular]], list[tuple[str, str]]]:
    """(valid (file, circular), refused (file, reason)): each file read and validated, before any store is opened
    (so that nothing to import makes no store)."""
    valid, refused = [], []
    for path in map(str, paths):
        try:
            valid.append((path, read_import_file(path)))
        except (ValidationError, styles.StyleError) as exc:
            refused.append((path, str(exc)))
    return valid, refused


def _signed_files(doc: dict) -> tuple[SignedFile, ...]:
    """A stored record's signed files (entries of an unknown shape are left out, not guessed at)."""
    return tuple(SignedFile(**entry) for entry in doc.get("signed", []) if isinstance(entry, dict)
                 and set(entry) in (SIGNED_KEYS, SIGNED_KEYS | {"block", "of"}))


def _blocks(signed: tuple[SignedFile, ...]) -> set[int]:
    return {entry.block for entry in signed if entry.block is not None}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


class Repository:
    def __init__(self, folder: str | Path | None = None, read_only: bool = False):
        self.folder = Path(folder) if folder is not None else default_folder()
        self.read_only = read_only
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
            raise StoreCorrupt(meta_path, "missing, while the store holds circulars", self._newest_backup())
        self.meta = self._db(meta_path, checks.check_meta)
        info = self.meta.table("meta").get(doc_id=1)
        schema = info.get("schema", SCHEMA_VERSION) if info else SCHEMA_VERSION
        if schema > SCHEMA_VERSION:
            raise StoreTooNew(f"the store in {self.folder} was written by a newer Circular Editor (schema {schema}; "
                              f"this version reads up to {SCHEMA_VERSION}); it has not been changed")
        for n in (info or {}).get("shards", []):
            if 0 <= n < SHARDS and not self._shard_path(n).exists():
                raise StoreCorrupt(self._shard_path(n), "missing (meta.json lists it)", self._newest_backup())
        self.shards = {n: self._db(self._shard_path(n), checks.check_shard)
                       for n in range(SHARDS) if self._shard_path(n).exists()}
        self._index: dict[int, tuple[Summary, str]] = {}
        self._references: dict[str, int] = {}
        for db in self.shards.values():
            for doc in db.table("circulars"):
                self._remember(doc.doc_id, doc)
        if not self.read_only:  # every file has been read and checked: the backup holds a sound store
            backup.make_backups(self._database_files(), self.folder / "backups", dt.datetime.now())
            self._backup_day = dt.date.today()
            self._repair_meta(info)
            if schema < SCHEMA_VERSION:
                self._migrate(schema)
        self.drafts = Drafts(self.folder / "drafts", writable=not self.read_only)

    def _repair_meta(self, info: dict | None) -> None:
        """Meta as it must be: the next id above every stored one (a `meta.json` lost, emptied or older than the
        shards must never hand out an id in use), and the list of shard files (a deleted one is then noticed)."""
        wanted = {"schema": (info or {}).get("schema", SCHEMA_VERSION),
                  "next_id": max([(info or {}).get("next_id", 1), *(i + 1 for i in self._index)]),
                  "shards": sorted(self.shards)}
        if info is None:
            self._guarded(lambda: self.meta.table("meta").insert(Document(wanted, doc_id=1)))
        elif any(info.get(k) != v for k, v in wanted.items()):
            self._guarded(lambda: self.meta.table("meta").update(wanted, doc_ids=[1]))

    def _db(self, path: Path, check=None) -> TinyDB:
        try:
            db = TinyDB(path, storage=AtomicJSONStorage, read_only=self.read_only)
            if check is not None:
                check(db.storage.read(), path)
            return db
        except UnreadableFile as exc:
            raise StoreCorrupt(exc.path, exc.reason, self._newest_backup()) from None

    def _newest_backup(self) -> Path | None:
        return backup.newest_backup(self.folder / "backups")

    def _shard(self, n: int) -> TinyDB:
        """Shard n, made on its first record (then listed in meta.json by _list_shard, once it exists)."""
        if n not in self.shards:
            self.shards[n] = self._db(self._shard_path(n))
        return self.shards[n]

    def _list_shard(self, n: int) -> None:
        """Shard n, just written, in meta.json's list (a listed shard that vanishes is then reported). An unlisted
        shard is still read, so a failure to list it loses nothing: it is listed at the next open."""
        listed = self.meta.table("meta").get(doc_id=1).get("shards", [])
        if n not in listed and self._shard_path(n).exists():
            try:
                self._guarded(lambda: self.meta.table("meta").update({"shards": sorted([*listed, n])}, doc_ids=[1]))
            except SaveFailed:
                pass

    def _shard_path(self, n: int) -> Path:
        return self.folder / f"circulars-{n:02}.json"

    def _database_files(self) -> list[Path]:
        files = [self.folder / "meta.json"] + [self._shard_path(n) for n in range(SHARDS)]
        return [f for f in files if f.exists()]

    def _migrate(self, schema: int) -> None:
        """Bring an older store up to date, one step at a time (a backup was made just before)."""
        while schema < SCHEMA_VERSION:
            MIGRATIONS[schema](self)
            schema += 1
            self.meta.table("meta").update({"schema": schema}, doc_ids=[1])

    def close(self) -> None:
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Repository":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- the index ----

    def _remember(self, record_id: int, doc: dict) -> None:
        self._forget(record_id)
        content = doc["content"]
        summary = Summary(record_id, doc["status"], content["style"], content["reference"], content["subject"],
                          content["date"], doc["modified"], "deleted" in doc)
        self._index[record_id] = (summary, searchable_text(content))
        if content["reference"].strip():
            self._references[numbering.normalise(content["reference"])] = record_id

    def _forget(self, record_id: int) -> None:
        old = self._index.pop(record_id, None)
        if old and self._references.get(numbering.normalise(old[0].reference)) == record_id:
            del self._references[numbering.normalise(old[0].reference)]

    # ---- reading ----

    def __len__(self) -> int:
        """How many circulars there are (the deleted ones not counted)."""
        return sum(not summary.deleted for summary, _ in self._index.values())

    def get(self, record_id: int) -> Record:
        doc = self._doc(record_id)
        return Record(record_id, doc["status"], doc["created"], doc["modified"], doc["version"],
                      Circular.from_dict(doc["content"]), "deleted" in doc, _signed_files(doc))

    def _doc(self, record_id: int) -> dict:
        db = self.shards.get(record_id % SHARDS)
        doc = db.table("circulars").get(doc_id=record_id) if db is not None else None  # (an empty TinyDB is falsy)
        if doc is None:
            raise NotFound(f"there is no circular #{record_id}")
        return doc

    def search(self, text: str = "", style: str | None = None, status: str | None = None,
               year: int | None = None, deleted: bool = False) -> list[Summary]:
        """Summaries matching every word of `text` and the filters, newest date first; `deleted`: search
        the deleted circulars instead of the others."""
        words = fold(text).split()
        prefix = f"{year:04}-" if year else None
        found = [summary for summary, folded in self._index.values()
                 if summary.deleted == deleted
                 and (style is None or summary.style == style) and (status is None or summary.status == status)
                 and (prefix is None or summary.date.startswith(prefix)) and matches(folded, words)]
        found.sort(key=lambda s: (s.date, s.modified, s.id), reverse=True)
        return found

    def summaries(self, ids: list[int]) -> list[Summary]:
        """The summaries of the circulars `ids` that exist, in that order (recent circulars)."""
        return [self._index[i][0] for i in ids if i in self._index]

    def years(self) -> list[int]:
        """The years of the circulars' dates, newest first (for a year filter)."""
        return sorted({int(s.date[:4]) for s, _ in self._index.values() if not s.deleted}, reverse=True)

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
            doc = {"status": "draft", "created": now, "modified": now, "version": 1, "content": content}
        else:
            old = self._doc(record_id)
            if old["content"] == content:
                return self.get(record_id)
            given = old["content"]["reference"]
            if old["status"] != "draft" and content["reference"] != given:
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
        owner = self._references.get(numbering.normalise(reference)) if reference.strip() else None
        if owner is not None and owner != record_id:
            where = " (a deleted one)" if self._index[owner][0].deleted else ""
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
            doc = {"status": "draft", "created": now, "modified": now, "version": 1, "content": circular.to_dict()}
            by_shard.setdefault(record_id % SHARDS, []).append(Document(doc, doc_id=record_id))
        saved: list[int] = []
        try:
            for shard, docs in by_shard.items():
                self._guarded(lambda: self._shard(shard).table("circulars").insert_multiple(docs))
                for doc in docs:
                    self._remember(doc.doc_id, doc)
                saved += [doc.doc_id for doc in docs]
                self._list_shard(shard)
        except SaveFailed as exc:
            if saved:  # some shards were written: say which circulars are in the store
                raise PartlySaved(sorted(saved), list(range(first, first + len(circulars))), exc) from None
            raise
        return list(range(first, first + len(circulars)))

    def _write_record(self, record_id: int, doc: dict) -> None:
        table = self._shard(record_id % SHARDS).table("circulars")
        self._guarded(lambda: table.upsert(Document(doc, doc_id=record_id)))
        self._remember(record_id, doc)
        self._list_shard(record_id % SHARDS)
        if dt.date.today() != self._backup_day:  # an instance left open for days still backs up daily
            self._backup_day = dt.date.today()
            backup.make_backups(self._database_files(), self.folder / "backups", dt.datetime.now())

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
        if status not in STATUSES:
            raise StoreError(f"status: expected one of {', '.join(STATUSES)}, got {quoted(status)}")
        old = self._doc(record_id)
        if old["status"] == status:
            return self.get(record_id)
        return self._new_version(record_id, old, status=status)

    def mark_signed(self, record_id: int, file: str, sha256: str, signatory: str, block: int = 0,
                    of: int = 1) -> Record:
        """A signed PDF of a final circular was written, signature `block` of `of`: the file's SHA-256 stays in
        the record (a new version, so the history shows when); "sent" once every block is signed."""
        self._writable()
        old = self._doc(record_id)
        if old["status"] == "draft":
            raise StoreError(f"circular #{record_id} is a draft: finalize it before it is signed")
        done = _blocks(_signed_files(old))
        if block in done:
            raise StoreError(f"circular #{record_id}: signatory {block + 1}'s block is already signed")
        entry = {"file": str(file), "sha256": sha256, "signatory": signatory, "signed_at": _now(),
                 "block": block, "of": of}
        status = "sent" if len(done | {block}) >= of else old["status"]
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
        old = self._doc(record_id)
        if old["status"] != "draft":
            return self.get(record_id)
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
            existing = [(s.reference, dt.date.fromisoformat(s.date)) for s, _ in self._index.values()
                        if s.style == circular.style]
            reference, n = numbering.next_reference(style, circular.date_value, last, existing,
                                                    set(self._references))
            # The counter is written first: a crash between the two writes skips a number, never repeats one.
            self._guarded(lambda: counters.upsert({"key": key, "last": n}, Query().key == key))
            content = {**content, "reference": reference}
        return self._new_version(record_id, old, status="final", content=content)

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
            raise StoreError(f"circular #{record_id} is not deleted; delete it before removing it for good")
        self._guarded(lambda: self.shards[record_id % SHARDS].table("circulars").remove(doc_ids=[record_id]))
        self._forget(record_id)
        self._history_path(record_id).unlink(missing_ok=True)

    # ---- import and export ----

    def import_files(self, paths: list[str | Path]) -> tuple[list[tuple[str, int]], list[tuple[str, str]]]:
        """Import each valid file as a new draft; returns (imported (file, id), refused (file, reason))."""
        valid, refused = read_import_files(paths)
        imported, not_added = self.add_imported(valid)
        return imported, refused + not_added

    def add_imported(self, circulars: list[tuple[str, Circular]]
                     ) -> tuple[list[tuple[str, int]], list[tuple[str, str]]]:
        """Add circulars read from files (read_import_files) as new drafts, each whole or not at all; returns
        (imported (file, id), refused (file, reason)): a reference already used, or, if the disk fails part-way,
        the files it did not save, with the cause."""
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
        try:
            ids: list[int | None] = self.save_many([circular for _, circular in valid])
        except PartlySaved as exc:
            ids = [n if n in exc.saved else None for n in exc.ids]
            refused += [(path, f"not saved: {exc.cause}") for (path, _), n in zip(valid, ids) if n is None]
        return [(path, n) for (path, _), n in zip(valid, ids) if n is not None], refused

    def export(self, record_id: int) -> str:
        """The circular as an itu-circular/1 file's text."""
        return self.get(record_id).circular.to_json()

