"""The main window: the list on the start side, the form in the middle, the preview on the end side.

The window reacts and paints; every store call goes through the StoreClient's thread and comes back as a
callback. One circular is open at a time, with its own undo stack (in a QUndoGroup, so the Undo and Redo
actions follow it). The window assembles its parts and keeps the open circular; its commands live in
their own rooms:

    ui/menus.py       the actions, their shortcuts, the menus and the toolbar
    ui/actions.py     which command is enabled in which state (one table of rules)
    ui/operations.py  what the commands do to the store (save, finalize, delete, versions, import...)
    ui/exporting.py   export, print, sign and verify
    ui/formatting.py  bold, italic and links in the focused field
    ui/bureaulink.py, ui/workflow.py   the bureau server and the signatory workflow
"""
from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QMessageBox, QScrollArea, QSplitter, QWidget

from circular_editor import styles
from circular_editor.errors import UserError
from circular_editor.model import FORMAT
from circular_editor.store.records import Status
from circular_editor.ui import dialogs
from circular_editor.ui.actions import State, enabled
from circular_editor.ui.bidi import isolated
from circular_editor.ui.bureaulink import BureauLink
from circular_editor.ui.circularlist import CircularList
from circular_editor.ui.document import Document
from circular_editor.ui.exporting import Exporting
from circular_editor.ui.form import CircularForm
from circular_editor.ui.formatting import Formatting
from circular_editor.ui.menus import Menus
from circular_editor.ui.messages import core_text, summary_text
from circular_editor.ui.operations import Operations
from circular_editor.ui.pdfium import PdfiumPages
from circular_editor.ui.preview import PreviewPane, snapshot_of
from circular_editor.ui.renderclient import RenderClient
from circular_editor.ui.settings import Settings
from circular_editor.ui.storeclient import StoreClient
from circular_editor.ui.threadclient import ThreadClient
from circular_editor.ui.workflow import Workflow


def new_content(style: styles.LetterStyle, today: dt.date) -> dict:
    """A new circular prefilled from its template: place, today's date, salutation, closing, signatory."""
    return {"format": FORMAT, "style": style.key, "place": style.place, "date": today.isoformat(),
            "reference": "", "addressees": [], "subject": "", "salutation": style.salutation,
            "body": [{"type": "paragraph", "text": ""}], "closing": style.closing,
            "signatories": [{"note": s.note, "name": s.name, "title": s.title} for s in style.signatories]}


class MainWindow(QMainWindow):
    def __init__(self, client: StoreClient, settings: Settings, locale: QLocale, arabic: bool):
        super().__init__()
        self.client, self.settings, self.locale, self.arabic = client, settings, locale, arabic
        self.document: Document | None = None
        self.form: CircularForm | None = None
        self.draft_key: str | None = None  # the open circular's autosaved draft
        self._changed_path: tuple = ()  # where the last edit was (undo and redo return the keyboard there)
        self.setObjectName("main-window")
        self.list_pane = CircularList(client, styles.names())
        self.list_pane.open_requested.connect(self.open_record)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setObjectName("form-area")
        self.form_area.setAccessibleName(self.tr("The circular's form"))
        self.renderer = RenderClient(parent=self)
        self.renderer.warm_up()
        self.pdfium = PdfiumPages(ThreadClient("pdfium", self))
        self.preview_pane = PreviewPane(self.renderer, self.pdfium)
        self._restore_zoom(settings.preview_zoom)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for pane, stretch in ((self.list_pane, 0), (self.form_area, 1), (self.preview_pane, 1)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.indexOf(pane), stretch)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.operations = Operations(self)
        self.exporting = Exporting(self)
        self.formatting = Formatting(self)
        self.autosave = QTimer(self, singleShot=True, interval=max(1, settings.autosave_seconds) * 1000,
                               timeout=self.operations.autosave_now)
        self.undo_group = QUndoGroup(self)  # each open circular's stack: Undo and Redo follow the active one
        self.menus = Menus(self)
        self.bureau = BureauLink(self)
        self.workflow = Workflow(self)
        self.show_empty()
        self.update_actions()
        self.statusBar().showMessage(self.tr("Store: %1").replace("%1", isolated(client.folder))
                                     + (self.tr(" (read-only)") if client.read_only else ""))
        self.list_pane.refresh()
        if not settings.geometry.isEmpty():
            self.restoreGeometry(settings.geometry)
        else:
            self.resize(1400, 860)
        if not settings.splitter.isEmpty():
            self.splitter.restoreState(settings.splitter)
        else:
            self.splitter.setSizes([330, 640, 430])

    # ---- building ----

    def _restore_zoom(self, saved: str) -> None:
        view = self.preview_pane.view
        if saved in ("width", "page"):
            view.set_zoom(saved)
        elif saved.isdigit():
            view.set_zoom("zoom", int(saved) / 100)

    # ---- starting ----

    def start(self) -> None:
        """After the window shows: offer the edits a crash left behind, else reopen the last circular."""
        self.menus.refresh_recent()
        self.bureau.start()
        for warning in self.client.repository.warnings:  # (a backup the disk refused: said, not in the way)
            self.statusBar().showMessage(self.tr("Warning: %1").replace("%1", warning), 15000)
        if self.client.read_only:
            self.reopen_last()
            return
        self.operations.offer_recovery()

    def reopen_last(self) -> None:
        """The circular open when the editor last closed, if it is still there."""
        if self.settings.last_open:
            last = self.settings.last_open
            self.client.call(lambda repo: repo.get(last), done=self.show_record,
                             failed=lambda _error: self.settings.forget(last))

    # ---- the open circular ----

    def show_empty(self) -> None:
        note = QLabel(self.tr("Open a circular from the list, or make a new one (Ctrl+N)."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        self.form_area.setWidget(note)
        if self.document is not None:
            self.undo_group.removeStack(self.document.stack)
        self.form = None
        self.document = None
        self.preview_pane.set_source(None)
        self.update_title()

    def _remember_changed(self, path: tuple) -> None:
        self._changed_path = path

    def focus_changed_field(self) -> None:
        """After an undo or redo, the keyboard goes to the field it changed (a removed block's neighbour), so that
        the next Ctrl+Z still reaches the circular, never the list's search box."""
        form, path = self.form, self._changed_path
        if form is None:
            return
        target = None
        if len(path) >= 1 and path[0] in ("body", "annexes", "signatories"):
            blocks = [w for w in form.findChildren(QWidget) if w.objectName().startswith("block-")]
            index = path[1] if len(path) > 1 and isinstance(path[1], int) else 0
            named = {w.objectName(): w for w in blocks}
            target = named.get(f"block-{min(index, len(blocks) - 1)}") if blocks else None
        for length in range(len(path), 0, -1):
            if target is None:
                target = form.fields.get(tuple(path[:length]))
        focused = QApplication.focusWidget()
        if target is not None and (focused is None or not form.isAncestorOf(focused)):
            target.setFocus()
            self.form_area.ensureWidgetVisible(target)

    def set_document(self, document: Document, draft_key: str | None = None) -> bool:
        """Show `document` in the form; False (and a message) when its style has no template here."""
        try:
            style = styles.load(document.content.get("style", ""))
        except styles.StyleError as exc:
            dialogs.show_error(self, self.tr("Cannot open this circular"), str(exc))
            return False
        if self.client.read_only:
            document.status = "read-only"
        if self.document is not None:
            self.undo_group.removeStack(self.document.stack)
        self.document = document
        self.draft_key = draft_key or (f"record-{document.record_id}" if document.record_id else
                                       f"new-{uuid.uuid4().hex[:12]}")
        self.undo_group.addStack(document.stack)
        self.undo_group.setActiveStack(document.stack)
        self.form = CircularForm(document, style, self.locale, self.arabic)
        self.form.validated.connect(self._show_problems)
        self.form_area.setWidget(self.form)
        document.modified_changed.connect(lambda _m: self.update_title())
        document.changed.connect(lambda _path: self.autosave.start())
        document.changed.connect(self._remember_changed)
        document.changed.connect(lambda _path: self.preview_pane.changed())
        self.preview_pane.set_source(lambda: snapshot_of(document.content))
        self.update_title()
        self.update_actions()
        if document.record_id:
            self.settings.remember_open(document.record_id)
            self.list_pane.select(document.record_id)
            self.menus.refresh_recent()
        return True

    def update_title(self) -> None:
        doc = self.document
        waiting = len(self.workflow.waiting_ids)
        count = self.tr(" — %1 waiting for me").replace("%1", str(waiting)) if waiting else ""
        if doc is None:
            self.setWindowTitle(self.tr("Circular Editor") + count)
            self.setWindowModified(False)
            return
        name = doc.content.get("reference") or " ".join(str(doc.content.get("subject", "")).split())[:50] \
            or self.tr("New circular")
        status = {Status.FINAL: self.tr(" (final)"), Status.SENT: self.tr(" (sent)"),
                  "read-only": self.tr(" (read-only)")}.get(doc.status, "")
        if doc.signatures_waiting:
            done, total = doc.signatures_waiting
            status = self.tr(" (final, signed %1 of %2)").replace("%1", str(done)).replace("%2", str(total))
        self.setWindowTitle(f"{name}{status}[*]{count} — " + self.tr("Circular Editor"))
        self.setWindowModified(doc.modified)

    def update_actions(self) -> None:
        """Every command enabled or not, by the rules of ui/actions.py."""
        doc = self.document
        state = State(open=doc is not None, store_writable=not self.client.read_only,
                      editable=doc is not None and not doc.read_only, status=doc.status if doc else "",
                      stored=doc is not None and doc.record_id is not None,
                      deleted_to_restore=self.operations.last_deleted is not None, joined=self.bureau.joined,
                      submitted=doc is not None and doc.submitted,
                      reviewing=doc is not None and doc.submitted and self.workflow.reviewing())
        for name, on in enabled(state).items():
            getattr(self, f"act_{name}").setEnabled(on)
        self.menus.new_menu.setEnabled(state.store_writable)

    def _show_problems(self, problems: list) -> None:
        if problems:
            more = self.tr(" (and %1 more)").replace("%1", str(len(problems) - 1)) if len(problems) > 1 else ""
            self.statusBar().showMessage(summary_text(problems[0]) + more)
        else:
            self.statusBar().clearMessage()

    # ---- leaving the open circular ----

    def may_leave(self) -> bool:
        """True when the open circular may be replaced: saved, discarded, or unchanged."""
        doc = self.document
        if doc is None or not doc.modified or doc.read_only:
            return True
        answer = dialogs.ask_to_save(self, self.windowTitle().replace("[*]", "").split(" — ")[0])
        if answer == "cancel":
            return False
        if answer == "save":
            return self.operations.save(wait=True)
        self.operations.discard_draft()
        return True

    # ---- opening ----

    def choose_new(self) -> None:
        names = styles.names()
        menu = QMenu(self)
        for key in names:
            action = menu.addAction(f"&{key.upper()}")
            action.triggered.connect(lambda _c=False, k=key: self.new_circular(k))
        menu.exec(self.mapToGlobal(self.rect().center()))

    def new_circular(self, key: str) -> None:
        if not self.may_leave():
            return
        try:
            style = styles.load(key)
        except styles.StyleError as exc:
            dialogs.show_error(self, self.tr("Cannot use this style"), str(exc))
            return
        document = Document(new_content(style, dt.date.today()))
        document.mark_saved(-1)  # a new circular is not in the store yet
        self.set_document(document)
        self.form.focus_field(("subject",))

    def open_record(self, record_id: int) -> None:
        if self.document is not None and self.document.record_id == record_id:
            return
        if not self.may_leave():
            return
        self.client.call(lambda repo: repo.get(record_id), done=self.show_record, failed=self.failed)

    def show_record(self, record) -> None:
        """`record`, as the store gave it, open in the form (its workflow bar and any sync conflict shown)."""
        document = Document(record.circular.to_dict(), record.id, "deleted" if record.deleted else record.status)
        document.signatures_waiting = record.signatures_waiting  # (a joint letter: "signed 1 of 4")
        document.submitted = record.status == Status.DRAFT and record.stage == "submitted"
        self.workflow.record = record
        self.set_document(document)
        self.bureau.show_conflict(record)
        self.workflow.show_for(record)

    def show_waiting(self) -> None:
        """The list: only what waits for me (to review or to sign), or everything again."""
        self.list_pane.only = self.workflow.waiting_ids if self.act_waiting.isChecked() else None
        self.list_pane.refresh()

    def reload_if_unchanged(self) -> None:
        """The open circular again from the store (a sync may have brought a newer version), unless it has edits."""
        doc = self.document
        if doc is not None and doc.record_id is not None and not doc.modified:
            record_id = doc.record_id
            self.client.call(lambda repo: repo.get(record_id),
                             done=lambda record: self.show_record(record) if self.document is doc
                             and not doc.modified else None, failed=lambda _error: None)

    def find_in_list(self) -> None:
        self.list_pane.search_box.setFocus()
        self.list_pane.search_box.selectAll()

    # ---- settings, errors, closing ----

    def show_settings(self) -> None:
        dialog = dialogs.SettingsDialog(self.settings.language, self.settings.template_folder,
                                        self.settings.trust_roots, self)
        if not dialog.exec():
            return
        language = dialog.language.currentData()
        self.settings.template_folder = dialog.folder.text().strip()
        self.settings.trust_roots = dialog.trust.text().strip()
        styles.set_user_folder(self.settings.template_folder or None)
        if language != self.settings.language:
            self.settings.language = language
            QMessageBox.information(self, self.tr("Settings"),
                                    self.tr("The new language is used from the next start of the editor."))

    def failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.statusBar().showMessage(core_text(error), 10000)
            dialogs.show_error(self, self.tr("The store refused"), core_text(error))
        else:
            raise error  # a bug: the application's handler shows it

    def closeEvent(self, event) -> None:  # Qt's name
        if not self.may_leave():
            event.ignore()
            return
        self.autosave.stop()
        self.bureau.close()
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.saveState()
        view = self.preview_pane.view
        self.settings.preview_zoom = view.mode if view.mode != "zoom" else str(round(view.zoom * 100))
        self.settings.sync()
        self.preview_pane.set_source(None)  # (a rendering already on its way is not shown)
        self.renderer.close()
        self.pdfium.close()
        self.pdfium.thread.close()
        event.accept()
