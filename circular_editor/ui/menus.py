"""The window's commands as the user meets them: each action with its shortcut, the menus and the toolbar.

    Menus(window)            # window.act_save, window.act_sign... and the menu bar, built once
    menus.refresh_recent()   # the Recent menu's summaries, fetched on the store's thread

Which action is enabled when is not decided here but in ui/actions.py (one table of rules); what an action
does is the business of the window's parts (ui/operations.py, ui/exporting.py, ui/formatting.py...).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QToolBar

from circular_editor import styles
from circular_editor.ui import dialogs


class Menus(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.recent: list = []  # summaries of the recent circulars, as last fetched (the Recent menu)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()

    def _action(self, text: str, handler, keys=None, tip: str = "") -> QAction:
        window = self.window
        action = QAction(text, window)
        if keys is not None:
            if isinstance(keys, QKeySequence.StandardKey):
                action.setShortcuts(keys)
            else:
                action.setShortcut(QKeySequence(keys))
            shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if window.isRightToLeft() and shown and not shown[-1].isalnum():
                # A right-to-left menu shows `Ctrl++` as `++Ctrl` (the trailing `+` takes the menu's
                # direction): the menu shows the shortcut isolated instead, left to right.
                action.setIconText(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
                action.setText(f"{text}\t\u2066{shown}\u2069")
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: handler())
        window.addAction(action)
        return action

    def _build_actions(self) -> None:
        K, w, a = QKeySequence.StandardKey, self.window, self._action
        ops, out, fmt = w.operations, w.exporting, w.formatting
        w.act_undo = w.undo_group.createUndoAction(w, self.tr("&Undo"))
        w.act_undo.setShortcuts(K.Undo)
        w.act_redo = w.undo_group.createRedoAction(w, self.tr("&Redo"))
        w.act_redo.setShortcuts(K.Redo)
        for action in (w.act_undo, w.act_redo):  # (undo and redo keep the keyboard in the form)
            action.triggered.connect(lambda: QTimer.singleShot(0, w.focus_changed_field))
            w.addAction(action)
        w.act_new = a(self.tr("&New circular…"), w.choose_new, K.New)
        w.act_save = a(self.tr("&Save"), ops.save, K.Save)
        w.act_duplicate = a(self.tr("&Duplicate"), ops.duplicate, "Ctrl+D")
        w.act_delete = a(self.tr("De&lete"), ops.delete, "Ctrl+Shift+D")
        w.act_undelete = a(self.tr("Restore deleted circular"), ops.undelete)
        w.act_finalize = a(self.tr("&Finalize…"), ops.finalize, "Ctrl+Shift+F")
        w.act_sent = a(self.tr("Mark as &sent"), ops.mark_sent)
        w.act_reopen = a(self.tr("Reopen as a new &draft"), ops.duplicate)  # a copy to edit
        w.act_import = a(self.tr("&Import…"), ops.import_files, "Ctrl+Shift+I")
        w.act_export = a(self.tr("Export as &JSON…"), out.export_json, "Ctrl+Shift+E")
        w.act_export_pdf = a(self.tr("&Export PDF…"), out.export_pdf, "Ctrl+E")
        w.act_print = a(self.tr("&Print…"), out.print_circular, K.Print)
        w.act_sign = a(self.tr("Si&gn and export…"), out.sign_and_export, "Ctrl+Alt+S",
                       self.tr("Sign the PDF with your certificate and export it"))
        w.act_verify = a(self.tr("&Verify a signed PDF…"), out.verify_signed_pdf)
        w.act_print_preview = a(self.tr("Print pre&view…"), out.print_preview, "Ctrl+Shift+P")
        view = w.preview_pane.view
        w.act_zoom_in = a(self.tr("Zoom &in"), lambda: view.zoom_by(1), K.ZoomIn)
        w.act_zoom_out = a(self.tr("Zoom &out"), lambda: view.zoom_by(-1), K.ZoomOut)
        w.act_fit_width = a(self.tr("Fit &width"), lambda: view.set_zoom("width"), "Ctrl+0")
        w.act_fit_page = a(self.tr("Fit &page"), lambda: view.set_zoom("page"), "Ctrl+9")
        w.act_history = a(self.tr("Version &history…"), ops.show_history, "Ctrl+H")
        w.act_find = a(self.tr("&Find in list"), w.find_in_list, K.Find)
        w.act_bold = a(self.tr("&Bold"), lambda: fmt.wrap("**", "**"), K.Bold)
        w.act_italic = a(self.tr("&Italic"), lambda: fmt.wrap("*", "*"), K.Italic)
        w.act_link = a(self.tr("&Link…"), fmt.insert_link, "Ctrl+K")
        w.act_settings = a(self.tr("Se&ttings…"), w.show_settings, K.Preferences)
        # (the bureau's parts are made after the menus, which they extend: reached when triggered)
        w.act_bureau = a(self.tr("&Bureau server…"), lambda: w.bureau.join_dialog())
        w.act_submit = a(self.tr("Su&bmit for signature…"), lambda: w.workflow.submit())
        w.act_take_back = a(self.tr("&Take back"), lambda: w.workflow.take_back())
        w.act_return = a(self.tr("&Return with a note…"), lambda: w.workflow.send_back())
        w.act_waiting = a(self.tr("&Waiting for me"), w.show_waiting, "Ctrl+Shift+W")
        w.act_waiting.setCheckable(True)
        w.act_bureau_history = a(self.tr("Who did &what…"), lambda: w.workflow.show_history())
        w.act_quit = a(self.tr("&Quit"), w.close, K.Quit)
        w.act_about = a(self.tr("&About Circular Editor"), lambda: dialogs.show_about(w))
        w.act_about_qt = a(self.tr("About &Qt"), QApplication.aboutQt)

    def _build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_menu = file_menu.addMenu(self.tr("New from &style"))
        self.new_menu.aboutToShow.connect(self.fill_new)
        file_menu.addAction(w.act_new)
        file_menu.addAction(w.act_save)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent circulars"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([w.act_export_pdf, w.act_sign, w.act_print, w.act_print_preview, w.act_verify])
        file_menu.addSeparator()
        file_menu.addActions([w.act_import, w.act_export])
        file_menu.addSeparator()
        file_menu.addActions([w.act_settings, w.act_bureau, w.act_quit])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([w.act_undo, w.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([w.act_bold, w.act_italic, w.act_link])
        edit_menu.addSeparator()
        edit_menu.addAction(w.act_find)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([w.act_zoom_in, w.act_zoom_out, w.act_fit_width, w.act_fit_page])
        circular_menu = bar.addMenu(self.tr("&Circular"))
        circular_menu.addActions([w.act_duplicate, w.act_finalize, w.act_sent, w.act_reopen, w.act_history])
        circular_menu.addSeparator()
        circular_menu.addActions([w.act_submit, w.act_take_back, w.act_return, w.act_waiting,
                                  w.act_bureau_history])
        circular_menu.addSeparator()
        circular_menu.addActions([w.act_delete, w.act_undelete])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([w.act_about, w.act_about_qt])

    def _build_toolbar(self) -> None:
        w = self.window
        tools = QToolBar(self.tr("Tools"))
        tools.setObjectName("tools")
        tools.setMovable(False)
        for group in ([w.act_new, w.act_save, w.act_undo, w.act_redo], [w.act_bold, w.act_italic, w.act_link],
                      [w.act_finalize, w.act_history], [w.act_export_pdf, w.act_print]):
            if tools.actions():
                tools.addSeparator()
            tools.addActions(group)
        w.addToolBar(tools)
        self.tools = tools  # (a joined desk adds its Waiting for me: bureaulink.py)

    def fill_new(self) -> None:
        """New from style: one entry a template, by its letterhead's name in Arabic."""
        self.new_menu.clear()
        for n, key in enumerate(styles.names(), 1):
            try:
                style = styles.load(key)
                name = style.letterhead[-1] if self.window.arabic and style.letterhead else style.name
            except styles.StyleError as exc:
                action = self.new_menu.addAction(f"{key}: {exc}")
                action.setEnabled(False)
                continue
            text = f"&{n} {key.upper()} — {name}" if n < 10 else f"{key.upper()} — {name}"
            action = self.new_menu.addAction(text)
            action.triggered.connect(lambda _c=False, k=key: self.window.new_circular(k))

    def fill_recent(self, summaries=None) -> None:
        """The menu from the summaries last fetched (no wait on the store: fresh ones refill it when they come)."""
        if summaries is None:
            self.refresh_recent()
        else:
            self.recent = summaries
        self.recent_menu.clear()
        for n, summary in enumerate(self.recent, 1):
            label = summary.reference or self.tr("draft")
            action = self.recent_menu.addAction(f"&{n % 10} {label} — {' '.join(summary.subject.split())[:60]}")
            action.triggered.connect(lambda _c=False, i=summary.id: self.window.open_record(i))
        if not self.recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def refresh_recent(self) -> None:
        """Fetch the recent circulars' summaries on the store's thread; an open menu shows them when they come."""
        recent = list(self.window.settings.recent)

        def fetched(summaries) -> None:
            if summaries != self.recent:
                self.recent = summaries
                if self.recent_menu.isVisible():
                    self.fill_recent(summaries)
        self.window.client.call(lambda repo: repo.summaries(recent), done=fetched, failed=self.window.failed)
