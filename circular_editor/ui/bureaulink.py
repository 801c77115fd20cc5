"""The desk's bureau server, in the window: the sync state in the status bar, syncs in the background, other
desks' changes heard as they happen, conflicts shown and resolved, finalizing through the server, joining.

Every sync runs on the store's thread (it holds the Repository; the GUI thread never waits for the
network). A listener thread keeps one connection LISTENing for the bureau's changes and asks for a sync
when one is announced; a sync also follows each save (after a second) and runs every minute, which
is how a desk that was offline catches up. The password is asked once per session when the server
wants one the keyring or libpq's own files do not give, and kept only in memory.
"""
from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDialog, QFormLayout, QInputDialog, QLabel, QLineEdit, QToolBar)

from circular_editor.ui import dialogs, imports
from circular_editor.ui.threadclient import ThreadClient

# What a sync and the listener import on their threads, imported here first (ui/imports.py says why).
BUREAU_MODULES = ("psycopg", "psycopg.conninfo", "psycopg.types.json", "psycopg.errors", "psycopg.pq",
                  "circular_editor.bureau.sync", "circular_editor.bureau.connect", "circular_editor.bureau.admin",
                  "circular_editor.bureau.schema", "keyring", "codec:utf-8", "codec:ascii", "zoneinfo",
                  "psycopg.types.datetime", "psycopg.types.string", "psycopg.types.numeric", "psycopg.types.bool",
                  "psycopg.types.uuid")
EVERY = 60_000  # ms between syncs when nothing else asks for one
AFTER_SAVE = 1_000
LISTEN_POLL = 0.5  # s: how long the listener waits before it looks whether the window is closing


class BureauLink(QObject):
    heard = Signal()  # (from the listener's thread: queued to the GUI thread)

    def __init__(self, window):
        super().__init__(window)
        self.window, self.client = window, window.client
        self.label = QLabel()
        self.label.setObjectName("bureau-state")
        self.label.setAccessibleName(self.tr("Bureau server"))
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.link: dict | None = None
        self.password: str | None = None
        self.offline_since: dt.datetime | None = None
        self.busy = self.again = False
        self.every = QTimer(self, interval=EVERY, timeout=self.sync_now)
        self.soon = QTimer(self, singleShot=True, interval=AFTER_SAVE, timeout=self.sync_now)
        self.heard.connect(self.soon.start)
        self.listener: ThreadClient | None = None
        self._closing = threading.Event()
        self.conflict_bar = self._build_conflict_bar()

    @property
    def joined(self) -> bool:
        return self.link is not None

    def start(self) -> None:
        if not self.client.read_only:
            self.client.call(lambda repo: repo.bureau(), done=self._linked, failed=lambda _error: None)

    def _linked(self, link: dict | None) -> None:
        if not link:
            return
        imports.preload(*BUREAU_MODULES)
        self.link = link
        if self.password is None:  # (the keyring's backends are found and imported here, on the GUI thread)
            from circular_editor.bureau.connect import address, keyring_password, parse
            params = parse(link["dsn"])
            self.password = keyring_password(params.get("user", ""), address(params))
        self.label.show()
        self.window.menus.tools.addSeparator()
        self.window.menus.tools.addAction(self.window.act_waiting)  # (a joined desk's everyday view)
        self.window.update_actions()
        self._show(self.tr("Bureau: connecting…"))
        self.every.start()
        self.sync_now()
        self._listen()

    def changed_here(self) -> None:
        """A save: the change goes to the server a moment later."""
        if self.joined:
            self.soon.start()

    # ---- syncing ----

    def sync_now(self) -> None:
        if not self.joined:
            return
        if self.busy:
            self.again = True
            return
        self.busy = True
        password = self.password
        from circular_editor.bureau import sync

        me = self.window.workflow.me

        def job(repo):
            report = sync.sync(repo, lambda *_: password)
            return report, repo.waiting(), repo.waiting_for(me)
        self.client.call(job, done=self._synced, failed=self._sync_failed)

    def _synced(self, result) -> None:
        report, waiting, for_me = result
        self.busy = False
        self.window.workflow.set_waiting(for_me)
        self.offline_since = None
        if report.conflicts:
            self._show(self.tr("Bureau: %n conflict(s)").replace("%n", str(len(report.conflicts))),
                       "\n".join(report.problems))
        elif waiting:
            self._show(self.tr("Bureau: %n waiting").replace("%n", str(waiting)), "\n".join(report.problems))
        else:
            self._show(self.tr("Bureau: synced"))
        if report.pulled or report.conflicts:
            self.window.list_pane.refresh()
            self.window.reload_if_unchanged()
        if self.again:
            self.again = False
            self.sync_now()

    def _sync_failed(self, error: BaseException) -> None:
        from circular_editor.bureau.connect import BureauError, Offline

        self.busy = False
        if isinstance(error, Offline):
            self.offline_since = self.offline_since or dt.datetime.now()
            self._show(self.tr("Bureau: offline since %1").replace("%1", self.offline_since.strftime("%H:%M")),
                       str(error))
        elif isinstance(error, BureauError) and "password" in str(error) and self._ask_password(str(error)):
            self.sync_now()
        else:
            self._show(self.tr("Bureau: not synced"), str(error))

    def _ask_password(self, why: str) -> bool:
        text, ok = QInputDialog.getText(self.window, self.tr("Bureau server"), why + "\n\n" + self.tr("Password:"),
                                        QLineEdit.EchoMode.Password)
        if ok and text:
            self.password = text  # (the listener reads it at its next connection)
        return bool(ok and text)

    def _show(self, text: str, details: str = "") -> None:
        self.label.setText(text)
        self.label.setToolTip(details or text)
        self.label.setAccessibleDescription(details or text)

    # ---- hearing other desks ----

    def _listen(self) -> None:
        if self.listener is not None or self.link is None:
            return
        self.listener = ThreadClient("bureau-listen", self)
        dsn, bureau, closing, heard = self.link["dsn"], self.link["bureau"], self._closing, self.heard
        link = self

        def loop() -> None:
            from circular_editor.bureau.connect import connect
            from circular_editor.bureau.schema import CHANNEL
            from circular_editor.bureau.sync import wait_for_change
            while not closing.is_set():
                try:
                    with connect(dsn, lambda *_: link.password, autocommit=True) as conn:
                        conn.execute(f"LISTEN {CHANNEL}")
                        # What changed before this connection listened (at start, after a dropped
                        # connection) was announced to nobody: one sync catches it up.
                        heard.emit()
                        while not closing.is_set():
                            if wait_for_change(conn, bureau, LISTEN_POLL):
                                heard.emit()
                except Exception:  # (offline: the minute's sync says so; listening again a little later)
                    closing.wait(10)
        self.listener.call(loop, failed=lambda _error: None)

    def close(self) -> None:
        self._closing.set()
        self.every.stop()
        self.soon.stop()
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    # ---- finalizing and joining ----

    def finalize_job(self, record_id: int):
        """The store job that finalizes: through the server on a joined desk, else in the store."""
        if not self.joined:
            return lambda repo: repo.finalize(record_id)
        password = self.password
        from circular_editor.bureau import sync
        return lambda repo: sync.finalize(repo, record_id, lambda *_: password)

    def join_dialog(self) -> None:
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("Bureau server"))
        address, bureau, password = QLineEdit(), QLineEdit(), QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        address.setPlaceholderText("host=… dbname=… user=… sslmode=verify-full sslrootcert=…")
        for field, name in ((address, self.tr("Server address")), (bureau, self.tr("Bureau")),
                            (password, self.tr("Password"))):
            field.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), address)
        form.addRow(self.tr("Bureau:"), bureau)
        form.addRow(self.tr("Password:"), password)
        if not dialogs.ask_form(dialog, form):
            return
        imports.preload(*BUREAU_MODULES)
        dsn, name, secret = address.text().strip(), bureau.text().strip(), password.text() or None
        from circular_editor.bureau import sync

        def joined(report) -> None:
            self.password = secret
            self.client.call(lambda repo: repo.bureau(), done=self._linked)
            self.window.list_pane.refresh()
            dialogs.show_info(self.window, self.tr("Bureau server"), report.describe())
        self.client.call(lambda repo: sync.join(repo, dsn, name, lambda *_: secret), done=joined,
                         failed=self.window.failed)

    # ---- conflicts ----

    def _build_conflict_bar(self) -> QToolBar:
        bar = QToolBar(self.tr("Conflict"), self.window)
        bar.setObjectName("conflict-bar")
        bar.setMovable(False)
        bar.setStyleSheet("QToolBar#conflict-bar { background: #fff1c2; border-bottom: 1px solid #d9a400; }")
        self.conflict_text = QLabel()
        bar.addWidget(self.conflict_text)
        for text, keep in ((self.tr("Compare"), None), (self.tr("Keep this desk's version"), "mine"),
                           (self.tr("Take the server's version"), "theirs")):
            action = QAction(text, bar)
            action.triggered.connect(lambda _checked=False, keep=keep: self._resolve(keep))
            bar.addAction(action)
        self.window.addToolBarBreak()
        self.window.addToolBar(bar)
        bar.hide()
        self._conflict: tuple[int, dict] | None = None
        return bar

    def show_conflict(self, record) -> None:
        """The open record's conflict, if any, above the form (changed here and on the server)."""
        conflict = record.conflict if record is not None else None
        if not conflict:
            self._conflict = None
            self.conflict_bar.hide()
            return
        self._conflict = (record.id, conflict)
        self.conflict_text.setText(self.tr("Changed here and on the bureau server (by %1): choose a version, or edit "
                                       "this one and keep it.").replace("%1", conflict.get("saved_by") or "?"))
        self.conflict_bar.show()

    def _resolve(self, keep: str | None) -> None:
        if self._conflict is None:
            return
        record_id, conflict = self._conflict
        if keep is None:
            from circular_editor.ui.compare import CompareDialog
            doc = self.window.document
            if doc is not None:
                CompareDialog(conflict["content"], dict(doc.content), self.tr("Bureau server"), self.tr("This desk"),
                              self.window.pdfium.thread, self.window).exec()
            return
        if not self.window.may_leave():
            return

        def resolved(record) -> None:
            self.window.show_record(record)
            self.window.list_pane.refresh(select=record.id)
            self.soon.start()
        self.client.call(lambda repo: repo.resolve(record_id, keep), done=resolved, failed=self.window.failed)
