"""A desk's side of the bureau server: which records wait to be pushed, what came from the server, conflicts.

Each record carries its global id (`gid`, a UUID given when it is made), the server version it was last
synced with (`server`, None before its first push) and whether it changed here since (`dirty`). A record
changed here and on the server since the same version is a conflict: both are kept (the local one stays
the record, the server's waits in `conflict`) until a person chooses (`resolve`). Nothing is ever
overwritten silently, on either side. bureau/sync.py talks to the server and calls these.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tinydb import Query

from circular_editor.store.errors import NotAllowed, StoreError
from circular_editor.store.records import Status
from circular_editor.store.storefiles import StoreFiles

if TYPE_CHECKING:
    from circular_editor.store.records import Record

KEEP = ("mine", "theirs")


def new_gid() -> str:
    return str(uuid.uuid4())


WORKFLOW = ("stage", "note", "signers", "in_order")  # the signatory workflow's fields, kept as the server has them
STAGES = ("editing", "submitted", "returned")


@dataclass
class Remote:
    """One circular as the server has it."""
    gid: str
    version: int
    status: str
    content: dict[str, Any]
    deleted: bool
    saved_by: str = ""
    saved_at: str = ""
    stage: str = "editing"
    note: str = ""
    signers: list[Any] = field(default_factory=list)
    in_order: bool = True
    signatures: list[Any] = field(default_factory=list)  # [{block, sha256, signed_by, signed_at}], the server's

    def same_as(self, doc: dict[str, Any]) -> bool:
        """The record holds exactly this (a push that reached the server before the desk heard back)."""
        return (doc["content"] == self.content and doc["status"] == self.status
                and ("deleted" in doc) == self.deleted and workflow(doc) == workflow(vars(self)))

    def fields(self) -> dict[str, Any]:
        """What a record takes from the server: its workflow, and its signatures as signed files."""
        of = len(self.signers) or None
        signed = [{"file": "bureau server", "sha256": s["sha256"], "signatory": s["signed_by"],
                   "signed_at": s["signed_at"], "block": s["block"], "of": of} for s in self.signatures]
        return {**workflow(vars(self)), "signed": signed}


def workflow(doc: dict[str, Any]) -> dict[str, Any]:
    return {"stage": doc.get("stage", "editing"), "note": doc.get("note", ""), "signers": list(doc.get("signers", [])),
            "in_order": doc.get("in_order", True)}


class SharedRecords(StoreFiles):
    """Repository's part for a bureau: the records' sync state and the desk's link to its bureau server."""

    if TYPE_CHECKING:  # (Repository's own, which this part uses)
        def _doc(self, record_id: int) -> dict[str, Any]: ...
        def _write_record(self, record_id: int, doc: dict[str, Any], synced: bool = False) -> None: ...
        def _allocate_id(self, count: int = 1) -> int: ...
        def get(self, record_id: int) -> Record: ...

    # ---- the link ----

    def bureau(self) -> dict[str, Any] | None:
        """{"dsn", "bureau", "cursor"} of the server this desk is joined to; None when it works alone."""
        found = self.meta.table("bureau").get(doc_id=1)
        return dict(found) if found else None

    def join(self, dsn: str, bureau: str) -> None:
        self._writable()
        table = self.meta.table("bureau")
        self._guarded(lambda: table.upsert({"dsn": dsn, "bureau": bureau, "cursor": 0}, Query().bureau.exists()))

    def set_cursor(self, seq: int) -> None:
        """Everything up to server change `seq` is here (pulled)."""
        table = self.meta.table("bureau")
        self._guarded(lambda: table.update({"cursor": seq}, doc_ids=[1]))

    def refuse_local_numbering(self) -> None:
        """A joined desk never numbers a circular itself: only the bureau server does (one authority)."""
        if self.bureau() is not None:
            raise NotAllowed("this desk is joined to a bureau server, which alone gives references: finalize "
                             "with `circular-editor finalize ID` while the server can be reached")

    # ---- pushing ----

    def to_push(self) -> list[tuple[int, dict[str, Any]]]:
        """(id, record) of each record changed here since its last sync and not waiting on a conflict."""
        found = []
        for db in self.all_shards():
            for doc in db.table("circulars"):
                if doc.get("dirty", True) and not doc.get("conflict"):
                    found.append((doc.doc_id, dict(doc)))
        return sorted(found)

    def waiting(self) -> int:
        """How many records changed here wait to be sent."""
        return len(self.to_push())

    def raw(self, record_id: int) -> dict[str, Any]:
        """The stored record as it is, sync state included."""
        return dict(self._doc(record_id))

    def conflicts(self) -> list[int]:
        return sorted(doc.doc_id for db in self.all_shards() for doc in db.table("circulars") if doc.get("conflict"))

    def pushed(self, record_id: int, pushed: dict[str, Any], version: int) -> None:
        """The server now holds `pushed` as `version`; the record is synced unless it changed meanwhile."""
        old = self._doc(record_id)
        unchanged = old["content"] == pushed["content"] and old["status"] == pushed["status"] and \
            ("deleted" in old) == ("deleted" in pushed)
        self._write_record(record_id, {**old, "server": version}, synced=unchanged)

    def held_before(self, record_id: int, remote: Remote) -> bool:
        """The server's version is one this desk held (in its history): a push of ours whose answer was lost
        (a kill, a cut network) before the record changed again here. Not a conflict: the record is based on it."""
        if not self._history_path(record_id).exists():
            return False
        return any(doc["content"] == remote.content and doc["status"] == remote.status
                   for doc in self._history(record_id).table("versions").all())

    def rebase(self, record_id: int, version: int) -> None:
        old = self._doc(record_id)
        self._write_record(record_id, {**old, "server": version})

    def set_conflict(self, record_id: int, remote: Remote) -> None:
        old = self._doc(record_id)
        self._write_record(record_id, {**old, "conflict": vars(remote)}, synced=False)

    # ---- signatures made here, on their way to the server ----

    def queue_signature(self, record_id: int, block: int, file: str) -> None:
        """A signed PDF made on this desk for `block`: uploaded at the next sync (the server then decides)."""
        self._writable()
        old = self._doc(record_id)
        pending = [p for p in old.get("pending_signatures", []) if p["block"] != block]
        self._write_record(record_id, {**old, "pending_signatures": [*pending, {"block": block, "file": file}]},
                           synced=not old.get("dirty", False))

    def signatures_to_upload(self) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
        """(id, record, pending entry) of every signed file made here and not yet on the server."""
        return [(doc.doc_id, dict(doc), entry) for db in self.all_shards() for doc in db.table("circulars")
                for entry in doc.get("pending_signatures", [])]

    def signature_uploaded(self, record_id: int, block: int) -> None:
        old = self._doc(record_id)
        rest = [p for p in old.get("pending_signatures", []) if p["block"] != block]
        self._write_record(record_id, {**old, "pending_signatures": rest or None}, synced=not old.get("dirty", False))

    def keep_signed_copy(self, record_id: int, sha256: str, path: str) -> None:
        """The server's signed file with this SHA-256 is kept on this desk at `path`."""
        old = self._doc(record_id)
        signed = [{**entry, "file": path} if entry.get("sha256") == sha256 else entry
                  for entry in old.get("signed", [])]
        self._write_record(record_id, {**old, "signed": signed}, synced=not old.get("dirty", False))

    def waiting_for(self, user: str) -> list[int]:
        """Circulars waiting for `user` (a login of the bureau): submitted to them for review, or final with their
        block next to sign (any unsigned block of theirs when the order is free)."""
        found = []
        for db in self.all_shards():
            for doc in db.table("circulars"):
                if "deleted" in doc or user not in doc.get("signers", []):
                    continue
                if doc["status"] == Status.DRAFT and doc.get("stage") == "submitted":
                    found.append(doc.doc_id)
                elif doc["status"] == Status.FINAL and user in self._next_signers(doc):
                    found.append(doc.doc_id)
        return sorted(found)

    @staticmethod
    def _next_signers(doc: dict[str, Any]) -> list[str]:
        done = {entry.get("block") for entry in doc.get("signed", [])} | \
            {p["block"] for p in doc.get("pending_signatures", [])}
        open_blocks = [n for n in range(len(doc.get("signers", []))) if n not in done]
        if not open_blocks:
            return []
        chosen = open_blocks[:1] if doc.get("in_order", True) else open_blocks
        return [doc["signers"][n] for n in chosen]

    # ---- pulling ----

    def find_gid(self, gid: str) -> int | None:
        found: int | None = self._index.gids.get(gid)
        return found

    def apply_remote(self, remote: Remote) -> str:
        """A circular as the server has it, brought here: "added", "updated", "same", "conflict" or "clash"."""
        self._writable()
        record_id = self.find_gid(remote.gid)
        if record_id is None:
            if remote.deleted:
                return "same"
            owner = self._owner_of(remote.content.get("reference", ""))
            if owner is not None:
                return "clash"
            record_id = self._allocate_id()
            now = remote.saved_at or _utc_now()
            doc = {"status": remote.status, "created": now, "modified": now, "version": 1,
                   "content": remote.content, "gid": remote.gid, "server": remote.version, **remote.fields()}
            self._write_record(record_id, doc, synced=True)
            return "added"
        old = self._doc(record_id)
        if old.get("server") == remote.version and not old.get("conflict"):
            return "same"
        if remote.same_as(old):
            self._write_record(record_id, {**old, **remote.fields(), "server": remote.version, "conflict": None},
                               synced=True)
            return "same"
        if old.get("dirty") or old.get("conflict"):
            self.set_conflict(record_id, remote)
            return "conflict"
        changes = {"status": remote.status, "content": remote.content, "server": remote.version, **remote.fields()}
        rest = {k: v for k, v in old.items() if k != "deleted"}
        if remote.deleted:
            rest["deleted"] = remote.saved_at or _utc_now()
        self._push_history(record_id, old)
        self._write_record(record_id, {**rest, **changes, "modified": _utc_now(), "version": old["version"] + 1},
                           synced=True)
        return "updated"

    def _owner_of(self, reference: str) -> int | None:
        from circular_editor.store import numbering
        return self._index.references.get(numbering.normalise(reference)) if reference.strip() else None

    # ---- resolving ----

    def resolve(self, record_id: int, keep: str) -> Record:
        """A person's choice in a conflict: "mine" (this desk's version goes to the server at the next push, as the
        one after the server's) or "theirs" (the server's replaces it here; this desk's stays in the history)."""
        self._writable()
        if keep not in KEEP:
            raise StoreError(f"keep: expected mine or theirs, got {keep!r}")
        old = self._doc(record_id)
        conflict = old.get("conflict")
        if not conflict:
            raise NotAllowed(f"circular #{record_id} has no conflict to resolve")
        remote = Remote(**{k: v for k, v in conflict.items() if k in Remote.__dataclass_fields__})
        if keep == "mine":
            self._write_record(record_id, {**old, "server": remote.version, "conflict": None})
        else:
            rest = {k: v for k, v in old.items() if k not in ("deleted", "conflict")}
            if remote.deleted:
                rest["deleted"] = remote.saved_at or _utc_now()
            self._push_history(record_id, old)
            self._write_record(record_id, {**rest, "status": remote.status, "content": remote.content,
                                           **remote.fields(), "server": remote.version, "modified": _utc_now(),
                                           "version": old["version"] + 1}, synced=True)
        return self.get(record_id)


def _utc_now() -> str:
    import datetime as dt
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
