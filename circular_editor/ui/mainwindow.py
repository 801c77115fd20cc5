"""The main window: the list on the start side, the form in the middle, the preview on the end side.

The window reacts and paints; every store call goes through the StoreClient's
thread and comes back as a callback. One circular is open at a time, with its
own undo stack (in a QUndoGroup, so the Undo and Redo actions follow it).
"""
from __future__ import annotations

import copy
import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (QApplication, QFileDialog, QInputDialog, QLabel, QLineEdit, QMainWindow, QMenu,
                               QMessageBox, QPushButton, QScrollArea, QSplitter, QToolBar, QWidget)

from circular_editor import styles
from circular_editor.atomic import write_whole
from circular_editor.files import file_stem
from circular_editor.errors import UserError
from circular_editor.model import FORMAT, Circular, ValidationError
from circular_editor.typeset.uri import LINK_SCHEMES
from circular_editor.ui import dialogs
from circular_editor.ui.actions import State, enabled
from circular_editor.ui.bidi import isolated
from circular_editor.ui.bureaulink import BureauLink
from circular_editor.ui.circularlist import CircularList
from circular_editor.ui.document import Document
from circular_editor.ui.fields import LineField, TextField
from circular_editor.ui.form import CircularForm
from circular_editor.ui.messages import core_text, summary_text
from circular_editor.ui.pageview import PdfiumPages
from circular_editor.ui.preview import PreviewPane, failure_text, snapshot_of
from circular_editor.ui.renderclient import RenderClient, RenderFailure, Rendering
from circular_editor.ui.settings import Settings
from circular_editor.ui.signflow import SignFlow
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
        self.draft_key: str | None = None
        self._recent: list = []  # summaries of the recent circulars, as last fetched (the Recent menu)
        self._last_deleted: int | None = None
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
        self.autosave = QTimer(self, singleShot=True, interval=max(1, settings.autosave_seconds) * 1000,
                               timeout=self.autosave_now)
        self.sign_flow = SignFlow(self)
        self._build_actions()
        self.bureau = BureauLink(self)
        self.workflow = Workflow(self)
        self._show_empty()
        self._update_actions()
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

    def _action(self, text: str, handler, keys=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if keys is not None:
            if isinstance(keys, QKeySequence.StandardKey):
                action.setShortcuts(keys)
            else:
                action.setShortcut(QKeySequence(keys))
            shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if self.isRightToLeft() and shown and not shown[-1].isalnum():
                # A right-to-left menu shows `Ctrl++` as `++Ctrl` (the trailing `+` takes the menu's
                # direction): the menu shows the shortcut isolated instead, left to right.
                action.setIconText(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
                action.setText(f"{text}\t\u2066{shown}\u2069")
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: handler())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.undo_group = QUndoGroup(self)
        self.act_undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(K.Undo)
        self.act_redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts(K.Redo)
        for action in (self.act_undo, self.act_redo):  # (undo and redo keep the keyboard in the form)
            action.triggered.connect(lambda: QTimer.singleShot(0, self._focus_changed_field))
        self.act_new = self._action(self.tr("&New circular…"), self.choose_new, K.New)
        self.act_save = self._action(self.tr("&Save"), self.save, K.Save)
        self.act_duplicate = self._action(self.tr("&Duplicate"), self.duplicate, "Ctrl+D")
        self.act_delete = self._action(self.tr("De&lete"), self.delete, "Ctrl+Shift+D")
        self.act_undelete = self._action(self.tr("Restore deleted circular"), self.undelete)
        self.act_finalize = self._action(self.tr("&Finalize…"), self.finalize, "Ctrl+Shift+F")
        self.act_sent = self._action(self.tr("Mark as &sent"), self.mark_sent)
        self.act_reopen = self._action(self.tr("Reopen as a new &draft"), self.duplicate)  # a copy to edit
        self.act_import = self._action(self.tr("&Import…"), self.import_files, "Ctrl+Shift+I")
        self.act_export = self._action(self.tr("Export as &JSON…"), self.export_json, "Ctrl+Shift+E")
        self.act_export_pdf = self._action(self.tr("&Export PDF…"), self.export_pdf, "Ctrl+E")
        self.act_print = self._action(self.tr("&Print…"), self.print_circular, K.Print)
        self.act_sign = self._action(self.tr("Si&gn and export…"), self.sign_and_export, "Ctrl+Alt+S",
                                     self.tr("Sign the PDF with your certificate and export it"))
        self.act_verify = self._action(self.tr("&Verify a signed PDF…"), self.verify_signed_pdf)
        self.act_print_preview = self._action(self.tr("Print pre&view…"), self.print_preview, "Ctrl+Shift+P")
        view = self.preview_pane.view
        self.act_zoom_in = self._action(self.tr("Zoom &in"), lambda: view.zoom_by(1), K.ZoomIn)
        self.act_zoom_out = self._action(self.tr("Zoom &out"), lambda: view.zoom_by(-1), K.ZoomOut)
        self.act_fit_width = self._action(self.tr("Fit &width"), lambda: view.set_zoom("width"), "Ctrl+0")
        self.act_fit_page = self._action(self.tr("Fit &page"), lambda: view.set_zoom("page"), "Ctrl+9")
        self.act_history = self._action(self.tr("Version &history…"), self.show_history, "Ctrl+H")
        self.act_find = self._action(self.tr("&Find in list"), self.find_in_list, K.Find)
        self.act_bold = self._action(self.tr("&Bold"), lambda: self.wrap("**", "**"), K.Bold)
        self.act_italic = self._action(self.tr("&Italic"), lambda: self.wrap("*", "*"), K.Italic)
        self.act_link = self._action(self.tr("&Link…"), self.insert_link, "Ctrl+K")
        self.act_settings = self._action(self.tr("Se&ttings…"), self.show_settings, K.Preferences)
        self.act_bureau = self._action(self.tr("&Bureau server…"), lambda: self.bureau.join_dialog())
        self.act_submit = self._action(self.tr("Su&bmit for signature…"), lambda: self.workflow.submit())
        self.act_take_back = self._action(self.tr("&Take back"), lambda: self.workflow.take_back())
        self.act_return = self._action(self.tr("&Return with a note…"), lambda: self.workflow.send_back())
        self.act_waiting = self._action(self.tr("&Waiting for me"), self._show_waiting, "Ctrl+Shift+W")
        self.act_waiting.setCheckable(True)
        self.act_bureau_history = self._action(self.tr("Who did &what…"), lambda: self.workflow.show_history())
        self.act_quit = self._action(self.tr("&Quit"), self.close, K.Quit)
        self.act_about = self._action(self.tr("&About Circular Editor"), lambda: dialogs.show_about(self))
        self.act_about_qt = self._action(self.tr("About &Qt"), QApplication.aboutQt)
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_menu = file_menu.addMenu(self.tr("New from &style"))
        self.new_menu.aboutToShow.connect(self._fill_new_menu)
        file_menu.addAction(self.act_new)
        file_menu.addAction(self.act_save)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent circulars"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_export_pdf, self.act_sign, self.act_print, self.act_print_preview])
        file_menu.addAction(self.act_verify)
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_export])
        file_menu.addSeparator()
        file_menu.addAction(self.act_settings)
        file_menu.addAction(self.act_bureau)
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_bold, self.act_italic, self.act_link])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.act_zoom_in, self.act_zoom_out, self.act_fit_width, self.act_fit_page])
        circular_menu = bar.addMenu(self.tr("&Circular"))
        circular_menu.addActions([self.act_duplicate, self.act_finalize, self.act_sent, self.act_reopen,
                                  self.act_history])
        circular_menu.addSeparator()
        circular_menu.addActions([self.act_submit, self.act_take_back, self.act_return, self.act_waiting,
                                  self.act_bureau_history])
        circular_menu.addSeparator()
        circular_menu.addActions([self.act_delete, self.act_undelete])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_about, self.act_about_qt])

        tools = QToolBar(self.tr("Tools"))
        tools.setObjectName("tools")
        tools.setMovable(False)
        tools.addActions([self.act_new, self.act_save, self.act_undo, self.act_redo])
        tools.addSeparator()
        tools.addActions([self.act_bold, self.act_italic, self.act_link])
        tools.addSeparator()
        tools.addActions([self.act_finalize, self.act_history])
        tools.addSeparator()
        tools.addActions([self.act_export_pdf, self.act_print])
        self.addToolBar(tools)
        self.tools = tools

    def _fill_new_menu(self) -> None:
        self.new_menu.clear()
        for n, key in enumerate(styles.names(), 1):
            try:
                style = styles.load(key)
                name = style.letterhead[-1] if self.arabic and style.letterhead else style.name
            except styles.StyleError as exc:
                action = self.new_menu.addAction(f"{key}: {exc}")
                action.setEnabled(False)
                continue
            text = f"&{n} {key.upper()} — {name}" if n < 10 else f"{key.upper()} — {name}"
            action = self.new_menu.addAction(text)
            action.triggered.connect(lambda _c=False, k=key: self.new_circular(k))

    def _fill_recent_menu(self, summaries=None) -> None:
        """The menu from the summaries last fetched (no wait on the store: fresh ones refill it when they come)."""
        if summaries is None:
            self._refresh_recent()
        else:
            self._recent = summaries
        self.recent_menu.clear()
        for n, summary in enumerate(self._recent, 1):
            label = summary.reference or self.tr("draft")
            action = self.recent_menu.addAction(f"&{n % 10} {label} — {' '.join(summary.subject.split())[:60]}")
            action.triggered.connect(lambda _c=False, i=summary.id: self.open_record(i))
        if not self._recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _refresh_recent(self) -> None:
        """Fetch the recent circulars' summaries on the store's thread; an open menu shows them when they come."""
        recent = list(self.settings.recent)

        def fetched(summaries) -> None:
            if summaries != self._recent:
                self._recent = summaries
                if self.recent_menu.isVisible():
                    self._fill_recent_menu(summaries)
        self.client.call(lambda repo: repo.summaries(recent), done=fetched, failed=self._failed)

    # ---- starting ----

    def start(self) -> None:
        """After the window shows: offer the edits a crash left behind, else reopen the last circular."""
        self._refresh_recent()
        self.bureau.start()
        for warning in self.client.repository.warnings:  # (a backup the disk refused: said, not in the way)
            self.statusBar().showMessage(self.tr("Warning: %1").replace("%1", warning), 15000)
        if self.client.read_only:
            self._reopen_last()
            return
        self.client.call(lambda repo: repo.drafts.all(), done=self._offer_recovery, failed=self._failed)

    def _reopen_last(self) -> None:
        if self.settings.last_open:
            last = self.settings.last_open
            self.client.call(lambda repo: repo.get(last), done=self._open_loaded,
                             failed=lambda _error: self.settings.forget(last))

    def _offer_recovery(self, found) -> None:
        drafts, _unreadable = found
        if not drafts:
            self._reopen_last()
            return
        dialog = dialogs.RecoveryDialog(drafts, self._describe_draft, self)
        if dialog.exec():
            chosen = [d for d in drafts if d.key in dialog.chosen()]
            if chosen:  # the newest; the others stay and are offered again next time
                self.recover(chosen[-1])
            return
        keys = [d.key for d in drafts]
        self.client.call(lambda repo: [repo.drafts.discard(k) for k in keys], failed=self._failed)
        self._reopen_last()

    def _describe_draft(self, draft) -> str:
        subject = " ".join(str(draft.content.get("subject", "")).split())[:60] or self.tr("(no subject)")
        where = self.tr("circular #%1").replace("%1", str(draft.record_id)) if draft.record_id else self.tr("new")
        return f"{subject} — {where} — {draft.saved_at[:16].replace('T', ' ')}"

    def recover(self, draft) -> None:
        document = Document(draft.content, draft.record_id)
        document.mark_saved(-1)  # recovered edits are not in the store yet
        if self._set_document(document, draft_key=draft.key):
            self.statusBar().showMessage(self.tr("Recovered unsaved edits: save them to keep them."), 8000)

    # ---- the open circular ----

    def _show_empty(self) -> None:
        note = QLabel(self.tr("Open a circular from the list, or make a new one (Ctrl+N)."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        self.form_area.setWidget(note)
        if self.document is not None:
            self.undo_group.removeStack(self.document.stack)
        self.form = None
        self.document = None
        self.preview_pane.set_source(None)
        self._update_title()

    def _remember_changed(self, path: tuple) -> None:
        self._changed_path = path

    def _focus_changed_field(self) -> None:
        """After an undo or redo, the keyboard goes to the field it changed (a removed block's neighbour), so that
        the next Ctrl+Z still reaches the circular, never the list's search box."""
        form, path = self.form, getattr(self, "_changed_path", ())
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

    def _set_document(self, document: Document, draft_key: str | None = None) -> bool:
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
        document.modified_changed.connect(lambda _m: self._update_title())
        document.changed.connect(lambda _path: self.autosave.start())
        document.changed.connect(self._remember_changed)
        document.changed.connect(lambda _path: self.preview_pane.changed())
        self.preview_pane.set_source(lambda: snapshot_of(document.content))
        self._update_title()
        self._update_actions()
        if document.record_id:
            self.settings.remember_open(document.record_id)
            self.list_pane.select(document.record_id)
            self._refresh_recent()
        return True

    def _update_title(self) -> None:
        doc = self.document
        waiting = len(self.workflow.waiting_ids)
        count = self.tr(" — %1 waiting for me").replace("%1", str(waiting)) if waiting else ""
        if doc is None:
            self.setWindowTitle(self.tr("Circular Editor") + count)
            self.setWindowModified(False)
            return
        name = doc.content.get("reference") or " ".join(str(doc.content.get("subject", "")).split())[:50] \
            or self.tr("New circular")
        status = {"final": self.tr(" (final)"), "sent": self.tr(" (sent)"),
                  "read-only": self.tr(" (read-only)")}.get(doc.status, "")
        if doc.signatures_waiting:
            done, total = doc.signatures_waiting
            status = self.tr(" (final, signed %1 of %2)").replace("%1", str(done)).replace("%2", str(total))
        self.setWindowTitle(f"{name}{status}[*]{count} — " + self.tr("Circular Editor"))
        self.setWindowModified(doc.modified)

    def _update_actions(self) -> None:
        """Every command enabled or not, by the rules of ui/actions.py."""
        doc = self.document
        state = State(open=doc is not None, store_writable=not self.client.read_only,
                      editable=doc is not None and not doc.read_only, status=doc.status if doc else "",
                      stored=doc is not None and doc.record_id is not None,
                      deleted_to_restore=self._last_deleted is not None, joined=self.bureau.joined,
                      submitted=doc is not None and doc.submitted,
                      reviewing=doc is not None and doc.submitted and self.workflow.reviewing())
        for name, on in enabled(state).items():
            getattr(self, f"act_{name}").setEnabled(on)
        self.new_menu.setEnabled(state.store_writable)

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
            return self.save(wait=True)
        self._discard_draft()
        return True

    def _discard_draft(self) -> None:
        key = self.draft_key
        if key and not self.client.read_only:
            self.client.call(lambda repo: repo.drafts.discard(key), failed=self._failed)

    # ---- commands ----

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
        self._set_document(document)
        self.form.focus_field(("subject",))

    def open_record(self, record_id: int) -> None:
        if self.document is not None and self.document.record_id == record_id:
            return
        if not self.may_leave():
            return
        self.client.call(lambda repo: repo.get(record_id), done=self._open_loaded, failed=self._failed)

    def _open_loaded(self, record) -> None:
        document = Document(record.circular.to_dict(), record.id, "deleted" if record.deleted else record.status)
        document.signatures_waiting = record.signatures_waiting  # (a joint letter: "signed 1 of 4")
        document.submitted = record.status == "draft" and record.stage == "submitted"
        self.workflow.record = record
        self._set_document(document)
        self.bureau.show_conflict(record)
        self.workflow.show_for(record)

    def _show_waiting(self) -> None:
        """The list: only what waits for me (to review or to sign), or everything again."""
        self.list_pane.only = self.workflow.waiting_ids if self.act_waiting.isChecked() else None
        self.list_pane.refresh()

    def reload_if_unchanged(self) -> None:
        """The open circular again from the store (a sync may have brought a newer version), unless it has edits."""
        doc = self.document
        if doc is not None and doc.record_id is not None and not doc.modified:
            record_id = doc.record_id
            self.client.call(lambda repo: repo.get(record_id),
                             done=lambda record: self._open_loaded(record) if self.document is doc
                             and not doc.modified else None, failed=lambda _error: None)

    def save(self, wait: bool = False) -> bool:
        """Save the open circular as a new version in the store (on the store's thread)."""
        doc = self.document
        if doc is None or doc.read_only:
            return False
        try:
            circular = Circular.from_dict(copy.deepcopy(doc.content))
        except ValidationError as exc:
            self.form.check()
            self.autosave_now()
            dialogs.show_error(self, self.tr("Not saved"), summary_text(exc) + "\n\n" +
                               self.tr("Your edits are kept in an autosaved draft until this is corrected."))
            return False
        index, record_id, old_key = doc.stack.index(), doc.record_id, self.draft_key

        def save(repo):
            record = repo.save(circular, record_id)
            repo.drafts.discard(old_key)
            return record
        if wait:
            try:
                record = self.client.wait(save)
            except UserError as exc:
                self._failed(exc)
                return False
            self._saved(doc, record, index)
            return True
        self.client.call(save, done=lambda record: self._saved(doc, record, index), failed=self._failed)
        return True

    def _saved(self, doc: Document, record, index: int) -> None:
        doc.record_id = record.id
        doc.mark_saved(index)
        if doc is self.document:
            self.draft_key = f"record-{record.id}"
            self.settings.remember_open(record.id)
            self._refresh_recent()
            self._update_actions()
            self._update_title()
        self.statusBar().showMessage(self.tr("Saved (version %1).").replace("%1", str(record.version)), 5000)
        self.list_pane.refresh(select=record.id)
        self.bureau.changed_here()

    def autosave_now(self) -> None:
        doc, key = self.document, self.draft_key
        if doc is None or doc.read_only or not doc.modified or key is None:
            return
        content, record_id = copy.deepcopy(doc.content), doc.record_id
        self.client.call(lambda repo: repo.drafts.save(key, content, record_id), failed=self._failed)

    def duplicate(self) -> None:
        doc = self.document
        if doc is None or not self.may_leave():
            return
        content = copy.deepcopy(doc.content)
        content["reference"] = ""
        copy_doc = Document(content)
        copy_doc.mark_saved(-1)
        self._set_document(copy_doc)
        self.statusBar().showMessage(self.tr("A copy as a new draft: save it to keep it."), 5000)

    def delete(self) -> None:
        doc = self.document
        if doc is None or doc.record_id is None:
            return
        record_id = doc.record_id

        def deleted(_result=None):
            self._discard_draft()
            self._last_deleted = record_id
            self.settings.forget(record_id)
            self._show_empty()
            self._update_actions()
            self.list_pane.refresh()
            undo = QPushButton(self.tr("Undo delete"))
            undo.clicked.connect(self.undelete)
            undo.clicked.connect(lambda: self.statusBar().removeWidget(undo))
            self.statusBar().addPermanentWidget(undo)
            QTimer.singleShot(15000, lambda: undo.setParent(None))
            self.statusBar().showMessage(self.tr("Deleted. It stays in the list of deleted circulars."), 15000)
        self.client.call(lambda repo: repo.delete(record_id), done=deleted, failed=self._failed)

    def undelete(self) -> None:
        record_id = self._last_deleted
        if self.document is not None and self.document.status == "deleted":
            record_id = self.document.record_id
        if record_id is None:
            return

        def restored(record):
            self._last_deleted = None
            self._open_loaded(record)
            self.list_pane.refresh(select=record.id)
            self.statusBar().showMessage(self.tr("Restored."), 5000)
        self.client.call(lambda repo: repo.undelete(record_id), done=restored, failed=self._failed)

    def finalize(self) -> None:
        doc = self.document
        if doc is None or (doc.read_only and not self.workflow.reviewing()):
            return
        problems = self.form.check(finalizing=True)
        if problems:
            dialogs.show_error(self, self.tr("Cannot finalize"), "\n".join(summary_text(p) for p in problems))
            return
        if not dialogs.confirm(self, self.tr("Finalize"), self.tr("Finalize this circular?"), self.tr("Finalize"),
                               self.tr("It gets its reference now, if it has none, and cannot be edited "
                                       "afterwards (a copy can).")):
            return
        if (doc.modified or doc.record_id is None) and not self.save(wait=True):
            return
        record_id = doc.record_id

        def done(record):
            self._open_loaded(record)
            self.list_pane.refresh(select=record.id)
            self.statusBar().showMessage(self.tr("Finalized as %1.").replace("%1", record.circular.reference), 8000)
        self.client.call(self.bureau.finalize_job(record_id), done=done, failed=self._failed)

    def mark_sent(self) -> None:
        doc = self.document
        if doc is None or doc.status != "final":
            return
        record_id = doc.record_id
        self.client.call(lambda repo: repo.mark_sent(record_id),
                         done=lambda record: (self._open_loaded(record), self.list_pane.refresh(select=record.id)),
                         failed=self._failed)

    def show_history(self) -> None:
        doc = self.document
        if doc is None or doc.record_id is None:
            return
        record_id = doc.record_id

        def chosen(versions):
            dialog = dialogs.HistoryDialog(versions, self)
            if not dialog.exec() or dialog.chosen() is None:
                return
            number = dialog.chosen()
            if dialog.action == "compare":
                self.client.call(lambda repo: repo.version(record_id, number),
                                 done=lambda old: self.compare(old.to_dict(), number), failed=self._failed)
            elif self.may_leave():
                self.client.call(lambda repo: repo.restore(record_id, number), done=self._restored, failed=self._failed)
        self.client.call(lambda repo: repo.versions(record_id), done=chosen, failed=self._failed)

    def compare(self, old: dict, number: int) -> None:
        """Version `number` (its content `old`) beside the circular as it is now."""
        from circular_editor.ui.compare import CompareDialog

        if self.document is None:
            return
        dialog = CompareDialog(old, copy.deepcopy(self.document.content), self.tr("Version %1").replace(
            "%1", str(number)), self.tr("Now"), self.pdfium.thread, self)
        dialog.exec()

    def _restored(self, record) -> None:
        self._open_loaded(record)
        self.list_pane.refresh(select=record.id)
        self.statusBar().showMessage(self.tr("Restored as version %1.").replace("%1", str(record.version)), 5000)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import circulars"),
                                                dialogs.start_folder(self.settings.import_folder),
                                                self.tr("Circulars (*.json);;All files (*)"))
        if not paths:
            return
        self.settings.import_folder = str(Path(paths[0]).parent)
        # (the files are read and checked on the store's thread: a busy bar while it lasts, past half a second)
        busy = dialogs.busy_bar(self.tr("Importing %1 files…").replace("%1", str(len(paths))), self)

        def failed(error):
            busy.close()
            self._failed(error)

        def done(result):
            busy.close()
            imported, refused = result
            self.list_pane.refresh()
            text = self.tr("%1 imported, %2 refused.").replace("%1", str(len(imported))).replace(
                "%2", str(len(refused)))
            if refused:
                details = "\n".join(f"{name}: {reason}" for name, reason in refused[:20])
                dialogs.show_error(self, self.tr("Import"), text + "\n\n" + details)
            else:
                self.statusBar().showMessage(text, 8000)
        self.client.import_files(paths, done=done, failed=failed)

    def export_json(self) -> None:
        doc = self.document
        if doc is None:
            return
        try:
            text = Circular.from_dict(copy.deepcopy(doc.content)).to_json()
        except ValidationError as exc:
            dialogs.show_error(self, self.tr("Cannot export"), summary_text(exc))
            return
        name = file_stem(doc.content.get("reference", ""), "circular") + ".json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as JSON"),
                                              str(Path(dialogs.start_folder(self.settings.export_folder)) / name),
                                              self.tr("Circulars (*.json)"))
        if not path:
            return
        self.settings.export_folder = str(Path(path).parent)
        self._write_file(Path(path), text.encode("utf-8"), lambda written: self.statusBar().showMessage(
            self.tr("Exported to %1.").replace("%1", isolated(written)), 8000))

    def export_pdf(self) -> None:
        """The previewed PDF's bytes to a file (once the preview shows the circular as it is now)."""
        if self.document is not None:
            self.preview_pane.when_current(self._export_rendering)

    def _export_rendering(self, outcome: Rendering | RenderFailure) -> None:
        doc = self.document
        if isinstance(outcome, RenderFailure):
            dialogs.show_error(self, self.tr("Cannot export"), failure_text(outcome))
            return
        name = file_stem(doc.content.get("reference", ""), "circular")
        if doc.status == "draft":
            name += "-" + self.tr("draft")
        path = self._ask_pdf_path(self.tr("Export PDF"), name)
        if path is None:
            return
        self.settings.export_folder = str(path.parent)
        self._write_file(path, outcome.pdf, self._exported)

    def _ask_pdf_path(self, title: str, name: str) -> Path | None:
        """Where to write a PDF: `name`.pdf in the last export folder proposed; ".pdf" added if left out."""
        folder = Path(dialogs.start_folder(self.settings.export_folder))
        path, _ = QFileDialog.getSaveFileName(self, title, str(folder / f"{name}.pdf"), self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _write_file(self, path: Path, data: bytes, done) -> None:
        """Written whole or not at all, on the store's thread (a slow disk never freezes the window)."""
        self.client.call(lambda _repo: write_whole(path, data), done=done, failed=self._failed)

    def _exported(self, path: Path) -> None:
        show = QPushButton(self.tr("Show in folder"))
        show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        show.clicked.connect(lambda: show.setParent(None))
        self.statusBar().addPermanentWidget(show)
        QTimer.singleShot(15000, lambda: show.setParent(None))
        self.statusBar().showMessage(self.tr("Exported to %1.").replace("%1", isolated(path)), 15000)

    def sign_and_export(self) -> None:
        """A final circular's PDF signed by one of its signatories (PAdES), exported, the circular marked sent."""
        doc = self.document
        if doc is None or doc.record_id is None:
            return
        if doc.status not in ("final", "sent"):
            dialogs.show_error(self, self.tr("Not signed"), self.tr("Finalize the circular first: a signed "
                                                                     "circular cannot change afterwards."))
            return
        self.preview_pane.when_current(self._sign_rendering)

    def _sign_rendering(self, outcome: Rendering | RenderFailure) -> None:
        if isinstance(outcome, RenderFailure):
            dialogs.show_error(self, self.tr("Not signed"), failure_text(outcome))
            return
        self.sign_flow.sign(outcome)

    def verify_signed_pdf(self) -> None:
        self.sign_flow.verify()

    def print_circular(self) -> None:
        if self.document is not None:
            self.preview_pane.when_current(lambda outcome: self._print(outcome, preview=False))

    def print_preview(self) -> None:
        if self.document is not None:
            self.preview_pane.when_current(lambda outcome: self._print(outcome, preview=True))

    def _print(self, outcome: Rendering | RenderFailure, preview: bool) -> None:
        if isinstance(outcome, RenderFailure):
            dialogs.show_error(self, self.tr("Cannot print"), failure_text(outcome))
            return
        from circular_editor.ui import printing
        printing.print_dialog(self, outcome.pdf, self.pdfium, preview)

    def find_in_list(self) -> None:
        self.list_pane.search_box.setFocus()
        self.list_pane.search_box.selectAll()

    # ---- inline formatting ----

    def _focused_field(self):
        focus = QApplication.focusWidget()
        return focus if isinstance(focus, (TextField, LineField)) and not focus.isReadOnly() else None

    def wrap(self, before: str, after: str) -> None:
        field = self._focused_field()
        if field is not None and not getattr(field, "latin", False):
            field.wrap_selection(before, after)

    def insert_link(self) -> None:
        field = self._focused_field()
        if field is None or getattr(field, "latin", False):
            self.statusBar().showMessage(self.tr("Put the cursor in a text field first."), 4000)
            return
        address = self._ask_address()
        if not address:
            return
        if not address.lower().startswith(LINK_SCHEMES) or any(ch in address for ch in " \n()[]"):
            dialogs.show_error(self, self.tr("Link"), self.tr("A link must start with http://, https:// or mailto: "
                                                              "and hold no spaces or brackets."))
            return
        field.wrap_selection("[" if field.selected_logical() else f"[{address}", f"]({address})")

    def _ask_address(self) -> str:
        """The link's address: the dialog in the interface's direction, the address itself left to right (in a
        right-to-left field "javascript:alert" showed as "alert:javascript")."""
        dialog = QInputDialog(self)
        dialog.setObjectName("link-dialog")
        dialog.setWindowTitle(self.tr("Link"))
        dialog.setLabelText(self.tr("Address (http, https or mailto):"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setLayoutDirection(self.layoutDirection())
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            field.setAccessibleName(self.tr("Address"))
        return dialog.textValue().strip() if dialog.exec() else ""

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

    def _failed(self, error: BaseException) -> None:
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
