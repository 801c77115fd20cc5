"""The bar above the form: why the open circular cannot be edited (final, sent, deleted; with Reopen as a new
draft) and, on a desk joined to a bureau server, the signatory workflow: what the open circular waits for, with
its commands; submitting to the letter's signatories, taking back, returning with a note; the list of what
waits for me; who did what (the server's history). Every workflow change is made on the server at once, on
the store's thread (bureau/sync.py), and refused there when it is not this person's to make.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel,
                               QTableWidget, QTableWidgetItem, QToolBar, QVBoxLayout)

from circular_editor.store.records import Status
from circular_editor.ui import dialogs
from circular_editor.ui.bidi import isolated


class Workflow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.bar = QToolBar(self.tr("Signature"), window)
        self.bar.setObjectName("workflow-bar")
        self.bar.setMovable(False)
        self.bar.setStyleSheet("QToolBar#workflow-bar { background: #e4efff; border-bottom: 1px solid #7aa7e0; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.bar.addWidget(self.text)
        # (the bar's own buttons, shown only where the window's command is enabled: a hidden toolbar widget
        # does not hide reliably, and hiding the window's actions would hide them in the menus too)
        self.buttons = []
        for command in (window.act_take_back, window.act_return, window.act_submit, window.act_finalize,
                        window.act_sign, window.act_reopen):
            button = QAction(command.text(), self.bar)
            button.triggered.connect(command.trigger)
            self.bar.addAction(button)
            self.buttons.append((command, button))
        window.addToolBarBreak()
        window.addToolBar(self.bar)
        self.bar.hide()
        self.record = None
        self.waiting_ids: list[int] = []

    @property
    def me(self) -> str:
        link = self.window.bureau.link
        if not link:
            return ""
        from circular_editor.bureau.connect import parse
        return parse(link["dsn"]).get("user", "")

    def reviewing(self) -> bool:
        """The open circular is submitted to this desk's signatory."""
        record = self.record
        return bool(record and record.stage == "submitted" and record.status == Status.DRAFT
                    and self.me in record.signers)

    def show_for(self, record) -> None:
        """The bar for the open record: what it waits for, and the commands that move it on."""
        self.record = record
        text = ""
        if record is not None:
            text = (self._describe(record) if self.window.bureau.joined else "") or self._read_only(record)
        self.text.setText(text)
        self.bar.setVisible(bool(text))
        final = record is not None and record.status in (Status.FINAL, Status.SENT)
        for command, button in self.buttons:  # (Finalize here only for the signatory reviewing it)
            button.setVisible(command.isEnabled() and (command is not self.window.act_finalize or self.reviewing())
                              and (command is not self.window.act_reopen or final))

    def _read_only(self, record) -> str:
        if record.deleted:
            return self.tr("Deleted: read-only. Restore it to change it.")
        if record.status == Status.FINAL:
            return self.tr("Final: read-only. To change it, reopen it as a new draft.")
        if record.status == Status.SENT:
            return self.tr("Sent: read-only. To change it, reopen it as a new draft.")
        return ""

    def set_waiting(self, ids: list[int]) -> None:
        """The circulars waiting for this desk's signatory (after each sync): the title's count, the bar."""
        self.waiting_ids = ids
        self.window.update_title()
        if self.record is not None:
            self.show_for(self.record)

    def _describe(self, record) -> str:
        who = self.tr(", ").join(isolated(login) for login in record.signers)
        if record.status == Status.DRAFT and record.stage == "submitted":
            if self.me in record.signers:
                return self.tr("Submitted to you for review (signatories: %1): return it with a note, or finalize "
                               "it.").replace("%1", who)
            return self.tr("Submitted for signature to %1: read-only until it is taken back.").replace("%1", who)
        if record.status == Status.DRAFT and record.stage == "returned":
            return self.tr("Returned with a note: «%1». Change it, then submit it again.").replace("%1", record.note)
        if record.status == Status.FINAL and record.id in self.waiting_ids:
            return self.tr("Waiting for your signature.")
        return ""

    # ---- the commands ----

    def submit(self) -> None:
        doc = self.window.document
        if doc is None or doc.record_id is None or not self.window.may_leave():
            return
        record_id = doc.record_id
        from circular_editor.bureau import workflow as on_server
        from circular_editor.defaults import who_signs

        def chosen(found) -> None:
            people, logins = found
            signers = choose_signers(self.window, [p.name for p in people], logins)
            if signers is not None:
                self._change(lambda repo: on_server.submit(repo, record_id, signers, password=self._password()),
                             self.tr("Submitted for signature."))
        self.window.client.call(lambda repo: (who_signs(repo.get(record_id).circular),
                                              on_server.signatories(repo, self._password())),
                                done=chosen, failed=self.window.failed)

    def take_back(self) -> None:
        record_id = self._open_id()
        if record_id is not None:
            from circular_editor.bureau import workflow as on_server
            self._change(lambda repo: on_server.take_back(repo, record_id, self._password()), self.tr("Taken back."))

    def send_back(self) -> None:
        record_id = self._open_id()
        if record_id is None:
            return
        note, ok = QInputDialog.getMultiLineText(self.window, self.tr("Return with a note"),
                                                 self.tr("Why is it returned? (shown to the assistant)"))
        if ok and note.strip():
            from circular_editor.bureau import workflow as on_server
            self._change(lambda repo: on_server.send_back(repo, record_id, note, self._password()),
                         self.tr("Returned."))

    def show_history(self) -> None:
        record_id = self._open_id()
        if record_id is None:
            return
        from circular_editor.bureau import workflow as on_server
        self.window.client.call(lambda repo: on_server.history(repo, record_id, self._password()),
                                done=lambda versions: HistoryDialog(versions, self.window).exec(),
                                failed=self.window.failed)

    def _open_id(self) -> int | None:
        doc = self.window.document
        return doc.record_id if doc is not None else None

    def _password(self):
        password = self.window.bureau.password
        return lambda *_: password

    def _change(self, job, said: str) -> None:
        def done(record) -> None:
            self.window.show_record(record)
            self.window.list_pane.refresh(select=record.id)
            self.window.statusBar().showMessage(said, 5000)
            self.window.bureau.sync_now()
        self.window.client.call(job, done=done, failed=self.window.failed)


def choose_signers(parent, names: list[str], logins: list[str]) -> list[str] | None:
    """One bureau login for each of the letter's signature blocks, in order; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("workflow", "Submit for signature"))
    form = QFormLayout()
    boxes = []
    for name in names:
        box = QComboBox()
        box.addItems(logins)
        box.setAccessibleName(name)
        form.addRow(name + ":", box)
        boxes.append(box)
    return [box.currentText() for box in boxes] if dialogs.ask_form(dialog, form) else None


class HistoryDialog(QDialog):
    """Who did what to a circular, as the bureau server kept it: every version with who, when and the note."""

    def __init__(self, versions: list[dict], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who did what"))
        headers = [self.tr("Version"), self.tr("When"), self.tr("Who"), self.tr("State"), self.tr("Note")]
        table = QTableWidget(len(versions), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        states = {Status.DRAFT: self.tr("draft"), Status.FINAL: self.tr("final"), Status.SENT: self.tr("sent"),
                  "submitted": self.tr("submitted"), "returned": self.tr("returned")}
        for row, v in enumerate(versions):
            state = v["stage"] if v["status"] == Status.DRAFT and v["stage"] != "editing" else v["status"]
            shown = states.get(state, state)
            if v["signatures"]:
                count = self.tr("signatures: %1").replace("%1", str(v["signatures"]))
                shown = f"{shown} ({count})"
            cells = [str(v["version"]), v["saved_at"][:16], v["saved_by"], shown, v["note"]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(820, 360)
