"""The repository: the transaction core, the only code that writes circulars to the store.

    with Repository(folder) as repo:          # opened, checked and backed up (storefiles.py)
        record = repo.save(circular)          # a new draft; repo.save(circular, record.id): a new version
        repo.finalize(record.id)              # its reference from the style's numbering

What a record holds and means lives here; how the store's files are laid out, checked, written in
order and backed up lives in storefiles.py; what a bureau server adds (sync, conflicts, the
signatories' queue) in shared.py.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

from tinydb import Query
from tinydb.table import Document

from circular_editor import styles
from circular_editor.errors import quoted
from circular_editor.model import Circular, problems_before_finalizing
from circular_editor.store import numbering
from circular_editor.store.checks import SHARDS
from circular_editor.store.errors import NotAllowed, NotFound, PartlySaved, ReferenceTaken, SaveFailed, StoreError
from circular_editor.store.importing import read_import_files
from circular_editor.store.records import (STATUSES, Record, SignedFile, Status, Summary, Version, signed_blocks,
                                           signed_files)
from circular_editor.store.search import fold
from circular_editor.store.shared import SharedRecords, new_gid
from circular_editor.store.storefiles import default_folder

__all__ = ["Record", "Repository", "SignedFile", "Summary", "Version", "default_folder"]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


class Repository(SharedRecords):
    """The circulars of a store: reading, saving as versions, finalizing with a reference, signing, deleting,
    importing (opened and closed as StoreFiles; a bureau's sync through SharedRecords)."""

    # ---- reading ----

    def __len__(self) -> int:
        """How many circulars there are (the deleted ones not counted)."""
        return sum(not summary.deleted for summary in self._index.summaries.values())

    def get(self, record_id: int) -> Record:
        return self._record(record_id)

    def _record(self, record_id: int, circular: Circular | None = None) -> Record:
        """The record; `circular`: its content as a Circular already (a save just made it: not read again)."""
        doc = self._doc(record_id)
        if circular is None:
            circular = Circular.from_dict(doc["content"])
        return Record(record_id, doc["status"], doc["created"], doc["modified"], doc["version"], circular,
                      "deleted" in doc, signed_files(doc), doc.get("gid", ""), doc.get("conflict"),
                      doc.get("stage", "editing"), doc.get("note", ""), tuple(doc.get("signers", ())))

    def _doc(self, record_id: int) -> dict[str, Any]:
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


    # ---- writing ----

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
                return self._record(record_id, circular)
            if old.get("stage") == "submitted":
                raise NotAllowed(f"circular #{record_id} is submitted for signature: take it back to change it")
            given = old["content"]["reference"]
            if old["status"] != Status.DRAFT and content["reference"] != given:
                raise ReferenceTaken(f"reference: {quoted(given)} was given when the circular was finalized "
                                     "and cannot change")
            return self._new_version(record_id, old, circular, content=content)
        self._write_record(record_id, doc)
        return self._record(record_id, circular)

    def _new_version(self, record_id: int, old: dict[str, Any], circular: Circular | None = None,
                     **changes: Any) -> Record:
        """One write of the record with `changes`, after the version it replaces went to the history
        (`circular`: the new content as a Circular, when the caller has it)."""
        self._push_history(record_id, old)
        self._write_record(record_id, {**old, **changes, "modified": _now(), "version": old["version"] + 1})
        return self._record(record_id, circular)

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
        record_id: int = self.meta_info()["next_id"]
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

    def _write_record(self, record_id: int, doc: dict[str, Any], synced: bool = False) -> None:
        """Write a record; a change made here (not `synced` from the bureau server) waits for the next push."""
        doc = {k: v for k, v in {**doc, "gid": doc.get("gid") or new_gid(), "dirty": not synced}.items()
               if v is not None}  # (None: a key cleared, such as a resolved conflict)
        table = self._shard(record_id % SHARDS).table("circulars")

        def replace(stored: MutableMapping[str, Any]) -> None:  # (TinyDB's upsert merges: a key removed stays)
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
        found: Mapping[str, Any] = self.meta.table("certificates").get(Query().person == " ".join(person.split())) or {}
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
            counter: Mapping[str, Any] = counters.get(Query().key == key) or {}
            last = counter.get("last", 0)
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
        self._changed(record_id % SHARDS)
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
            ids: list[int | None] = [n for n in self.save_many([circular for _, circular in valid])]
        except PartlySaved as exc:
            ids = [n if n in exc.saved else None for n in exc.ids]
            not_saved = [(path, f"not saved: {exc.cause}") for (path, _), n in zip(valid, ids) if n is None]
        return [(path, n) for (path, _), n in zip(valid, ids) if n is not None], refused, not_saved

    def export(self, record_id: int) -> str:
        """The circular as an itu-circular/1 file's text."""
        return self.get(record_id).circular.to_json()

