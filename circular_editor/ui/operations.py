"""What the window's commands do to the store: save, autosave, duplicate, delete and restore, finalize, mark
sent, versions, import, and the offer of edits a crash left behind.

    operations = Operations(window)
    operations.save()            # the open circular as a new version, on the store's thread

Each store job is a named function below (`_save`, `_finalize`...) that runs on the store's thread with the
Repository; its answer comes back to a method here on the GUI thread. Nothing here waits for the store,
except a save the user asked for before leaving the circular (`save(wait=True)`).
"""
from __future__ import annotations

import copy
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QPushButton

from circular_editor.errors import UserError
from circular_editor.model import Circular, ValidationError
from circular_editor.store.drafts import Draft
from circular_editor.store.records import Record, Status
from circular_editor.store.repository import Repository
from circular_editor.ui import dialogs
from circular_editor.ui.document import Document
from circular_editor.ui.messages import summary_text


# ---- the store's side (run on the store's thread) ----

def _save(repo: Repository, circular: Circular, record_id: int | None, draft_key: str | None) -> Record:
    """The circular as a new version; its autosaved draft is then no longer needed."""
    record = repo.save(circular, record_id)
    if draft_key:
        repo.drafts.discard(draft_key)
    return record


def _save_draft(repo: Repository, key: str, content: dict, record_id: int | None) -> None:
    repo.drafts.save(key, content, record_id)


def _discard_drafts(repo: Repository, keys: list[str]) -> None:
    for key in keys:
        repo.drafts.discard(key)


def _all_drafts(repo: Repository) -> tuple[list[Draft], list]:
    return repo.drafts.all()


# ---- the window's side ----

class Operations(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_deleted: int | None = None  # a circular just deleted, which Restore brings back

    def _call(self, job, done=None) -> None:
        self.window.client.call(job, done=done, failed=self.window.failed)

    def _status(self, text: str, milliseconds: int = 5000) -> None:
        self.window.statusBar().showMessage(text, milliseconds)

    # ---- edits left by a crash ----

    def offer_recovery(self) -> None:
        """The edits a crash left behind, offered for recovery; else the last circular reopened."""
        self._call(_all_drafts, done=self._offer)

    def _offer(self, found: tuple[list[Draft], list]) -> None:
        drafts, _unreadable = found
        if not drafts:
            self.window.reopen_last()
            return
        dialog = dialogs.RecoveryDialog(drafts, self._describe_draft, self.window)
        if dialog.exec():
            chosen = [d for d in drafts if d.key in dialog.chosen()]
            if chosen:  # the newest; the others stay and are offered again next time
                self.recover(chosen[-1])
            return
        self._call(partial(_discard_drafts, keys=[d.key for d in drafts]))
        self.window.reopen_last()

    def _describe_draft(self, draft: Draft) -> str:
        subject = " ".join(str(draft.content.get("subject", "")).split())[:60] or self.tr("(no subject)")
        where = self.tr("circular #%1").replace("%1", str(draft.record_id)) if draft.record_id else self.tr("new")
        return f"{subject} — {where} — {draft.saved_at[:16].replace('T', ' ')}"

    def recover(self, draft: Draft) -> None:
        document = Document(draft.content, draft.record_id)
        document.mark_saved(-1)  # recovered edits are not in the store yet
        if self.window.set_document(document, draft_key=draft.key):
            self._status(self.tr("Recovered unsaved edits: save them to keep them."), 8000)

    # ---- saving ----

    def save(self, wait: bool = False) -> bool:
        """Save the open circular as a new version in the store (on the store's thread)."""
        window = self.window
        doc = window.document
        if doc is None or doc.read_only:
            return False
        try:
            circular = Circular.from_dict(copy.deepcopy(doc.content))
        except ValidationError as exc:
            window.form.check()
            self.autosave_now()
            dialogs.show_error(window, self.tr("Not saved"), summary_text(exc) + "\n\n" +
                               self.tr("Your edits are kept in an autosaved draft until this is corrected."))
            return False
        index = doc.stack.index()
        job = partial(_save, circular=circular, record_id=doc.record_id, draft_key=window.draft_key)
        if wait:
            try:
                record = window.client.wait(job)
            except UserError as exc:
                window.failed(exc)
                return False
            self._saved(doc, record, index)
            return True
        self._call(job, done=lambda record: self._saved(doc, record, index))
        return True

    def _saved(self, doc: Document, record: Record, index: int) -> None:
        window = self.window
        doc.record_id = record.id
        doc.mark_saved(index)
        if doc is window.document:
            window.draft_key = f"record-{record.id}"
            window.settings.remember_open(record.id)
            window.menus.refresh_recent()
            window.update_actions()
            window.update_title()
        self._status(self.tr("Saved (version %1).").replace("%1", str(record.version)))
        window.list_pane.refresh(select=record.id)
        window.bureau.changed_here()

    def autosave_now(self) -> None:
        doc, key = self.window.document, self.window.draft_key
        if doc is None or doc.read_only or not doc.modified or key is None:
            return
        self._call(partial(_save_draft, key=key, content=copy.deepcopy(doc.content), record_id=doc.record_id))

    def discard_draft(self) -> None:
        """The open circular's autosaved draft is no longer needed (saved, or its edits given up)."""
        key = self.window.draft_key
        if key and not self.window.client.read_only:
            self._call(partial(_discard_drafts, keys=[key]))

    # ---- copies, deleting ----

    def duplicate(self) -> None:
        window = self.window
        doc = window.document
        if doc is None or not window.may_leave():
            return
        content = copy.deepcopy(doc.content)
        content["reference"] = ""
        copy_doc = Document(content)
        copy_doc.mark_saved(-1)
        window.set_document(copy_doc)
        self._status(self.tr("A copy as a new draft: save it to keep it."))

    def delete(self) -> None:
        window = self.window
        doc = window.document
        if doc is None or doc.record_id is None:
            return
        record_id = doc.record_id

        def deleted(_result=None) -> None:
            self.discard_draft()
            self.last_deleted = record_id
            window.settings.forget(record_id)
            window.show_empty()
            window.update_actions()
            window.list_pane.refresh()
            bar = window.statusBar()
            undo = QPushButton(self.tr("Undo delete"))
            undo.clicked.connect(self.undelete)
            undo.clicked.connect(lambda: bar.removeWidget(undo))
            bar.addPermanentWidget(undo)
            QTimer.singleShot(15000, lambda: undo.setParent(None))
            self._status(self.tr("Deleted. It stays in the list of deleted circulars."), 15000)
        self._call(lambda repo: repo.delete(record_id), done=deleted)

    def undelete(self) -> None:
        doc, record_id = self.window.document, self.last_deleted
        if doc is not None and doc.status == "deleted":
            record_id = doc.record_id
        if record_id is None:
            return

        def restored(record: Record) -> None:
            self.last_deleted = None
            self._shown(record)
            self._status(self.tr("Restored."))
        self._call(lambda repo: repo.undelete(record_id), done=restored)

    def _shown(self, record: Record) -> None:
        """`record`, new from the store, open and selected in the list."""
        self.window.show_record(record)
        self.window.list_pane.refresh(select=record.id)

    # ---- final, sent ----

    def finalize(self) -> None:
        window = self.window
        doc = window.document
        if doc is None or (doc.read_only and not window.workflow.reviewing()):
            return
        problems = window.form.check(finalizing=True)
        if problems:
            dialogs.show_error(window, self.tr("Cannot finalize"), "\n".join(summary_text(p) for p in problems))
            return
        if not dialogs.confirm(window, self.tr("Finalize"), self.tr("Finalize this circular?"), self.tr("Finalize"),
                               self.tr("It gets its reference now, if it has none, and cannot be edited "
                                       "afterwards (a copy can).")):
            return
        if (doc.modified or doc.record_id is None) and not self.save(wait=True):
            return

        def done(record: Record) -> None:
            self._shown(record)
            self._status(self.tr("Finalized as %1.").replace("%1", record.circular.reference), 8000)
        self._call(window.bureau.finalize_job(doc.record_id), done=done)  # (by the bureau server when joined)

    def mark_sent(self) -> None:
        doc = self.window.document
        if doc is None or doc.status != Status.FINAL:
            return
        record_id = doc.record_id
        self._call(lambda repo: repo.mark_sent(record_id), done=self._shown)

    # ---- versions ----

    def show_history(self) -> None:
        doc = self.window.document
        if doc is None or doc.record_id is None:
            return
        record_id = doc.record_id

        def chosen(versions) -> None:
            dialog = dialogs.HistoryDialog(versions, self.window)
            if not dialog.exec() or dialog.chosen() is None:
                return
            number = dialog.chosen()
            if dialog.action == "compare":
                self._call(lambda repo: repo.version(record_id, number),
                           done=lambda old: self.compare(old.to_dict(), number))
            elif self.window.may_leave():
                self._call(lambda repo: repo.restore(record_id, number), done=self._restored)
        self._call(lambda repo: repo.versions(record_id), done=chosen)

    def compare(self, old: dict, number: int) -> None:
        """Version `number` (its content `old`) beside the circular as it is now."""
        from circular_editor.ui.compare import CompareDialog

        window = self.window
        if window.document is None:
            return
        dialog = CompareDialog(old, copy.deepcopy(window.document.content), self.tr("Version %1").replace(
            "%1", str(number)), self.tr("Now"), window.pdfium.thread, window)
        dialog.exec()

    def _restored(self, record: Record) -> None:
        self._shown(record)
        self._status(self.tr("Restored as version %1.").replace("%1", str(record.version)))

    # ---- import ----

    def import_files(self) -> None:
        window = self.window
        paths, _ = QFileDialog.getOpenFileNames(window, self.tr("Import circulars"),
                                                dialogs.start_folder(window.settings.import_folder),
                                                self.tr("Circulars (*.json);;All files (*)"))
        if not paths:
            return
        window.settings.import_folder = str(Path(paths[0]).parent)
        # (the files are read and checked on the store's thread: a busy bar while it lasts, past half a second)
        busy = dialogs.busy_bar(self.tr("Importing %1 files…").replace("%1", str(len(paths))), window)

        def failed(error: BaseException) -> None:
            busy.close()
            window.failed(error)

        def done(result) -> None:
            busy.close()
            imported, refused = result
            window.list_pane.refresh()
            text = self.tr("%1 imported, %2 refused.").replace("%1", str(len(imported))).replace(
                "%2", str(len(refused)))
            if refused:
                details = "\n".join(f"{name}: {reason}" for name, reason in refused[:20])
                dialogs.show_error(window, self.tr("Import"), text + "\n\n" + details)
            else:
                self._status(text, 8000)
        window.client.import_files(paths, done=done, failed=failed)
