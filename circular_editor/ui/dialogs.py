"""The editor's dialogs, in our own words (Qt's Arabic "Discard" is "ارفض"; ours says "تجاهل التغييرات")."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QProgressDialog, QPushButton, QVBoxLayout, QWidget)

from circular_editor.store import Version
from circular_editor.store.drafts import Draft
from circular_editor.store.records import Status
from circular_editor.ui.bidi import isolated


def _message(parent, icon, title: str, text: str, buttons: list[tuple[str, QMessageBox.ButtonRole, str]],
             default: str | None = None, detail: str = "") -> str:
    """A message box with our own buttons; returns the key of the button chosen."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if detail:
        box.setInformativeText(detail)
    chosen = {}
    for label, role, key in buttons:
        button = box.addButton(label, role)
        chosen[button] = key
        if key == default:
            box.setDefaultButton(button)
    box.exec()
    return chosen.get(box.clickedButton(), buttons[-1][2])


def ask_to_save(parent, name: str) -> str:
    """'save', 'discard' or 'cancel' for unsaved changes."""
    return _message(parent, QMessageBox.Icon.Warning, QCoreApplication.translate("dialogs", "Unsaved changes"),
                    QCoreApplication.translate("dialogs", "Save the changes to %1?").replace("%1", name),
                    [(QCoreApplication.translate("dialogs", "Save"), QMessageBox.ButtonRole.AcceptRole, "save"),
                     (QCoreApplication.translate("dialogs", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole,
                      "discard"),
                     (QCoreApplication.translate("dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole, "cancel")],
                    default="save",
                    detail=QCoreApplication.translate("dialogs",
                                                      "If you discard them, the last saved version stays as it is."))


def confirm(parent, title: str, text: str, yes: str, detail: str = "") -> bool:
    return _message(parent, QMessageBox.Icon.Question, title, text,
                    [(yes, QMessageBox.ButtonRole.AcceptRole, "yes"),
                     (QCoreApplication.translate("dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole, "no")],
                    default="yes", detail=detail) == "yes"


def start_folder(last: str) -> str:
    """Where a file dialog opens: the folder last used for that kind of file, else the user's Documents (never the
    process's working folder, which for a desktop application is wherever it was started from)."""
    if last and Path(last).is_dir():
        return last
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def ask_form(dialog: QDialog, form: QFormLayout) -> bool:
    """`form` in `dialog` above OK and Cancel; True when the person pressed OK."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return bool(dialog.exec())


def show_error(parent, title: str, text: str) -> None:
    close = QCoreApplication.translate("dialogs", "Close")
    _message(parent, QMessageBox.Icon.Critical, title, text, [(close, QMessageBox.ButtonRole.AcceptRole, "ok")])


def show_info(parent, title: str, text: str) -> None:
    close = QCoreApplication.translate("dialogs", "Close")
    _message(parent, QMessageBox.Icon.Information, title, text, [(close, QMessageBox.ButtonRole.AcceptRole, "ok")])


def store_in_use(message: str) -> bool:
    """True: open the store read-only; False: quit."""
    title = QCoreApplication.translate("dialogs", "The store is in use")
    return _message(None, QMessageBox.Icon.Warning, title, message,
                    [(QCoreApplication.translate("dialogs", "Open read-only"), QMessageBox.ButtonRole.AcceptRole,
                      "read"),
                     (QCoreApplication.translate("dialogs", "Quit"), QMessageBox.ButtonRole.RejectRole, "quit")],
                    default="read") == "read"


def busy_bar(text: str, parent=None, modality=Qt.WindowModality.WindowModal) -> QProgressDialog:
    """A bar with no end and no cancel button, shown only when the work lasts past half a second."""
    busy = QProgressDialog(text, "", 0, 0, parent)
    busy.setCancelButton(None)
    busy.setWindowModality(modality)
    busy.setMinimumDuration(500)
    return busy


def while_busy(text: str, work, parent=None):
    """`work()` on a thread of its own while the window stays live and, past half a second, a busy bar
    says `text` (a repair from the backups of a large store takes seconds); its result, or its error
    raised here. (What `work` imports must be imported already: ui/imports.py says why.)"""
    import threading

    from PySide6.QtCore import QEventLoop, QTimer

    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # (handed to the GUI thread, raised there)
            outcome["error"] = exc
    thread = threading.Thread(target=run, name="busy", daemon=True)
    busy = busy_bar(text, parent, Qt.WindowModality.ApplicationModal)
    loop = QEventLoop()
    poll = QTimer(interval=30, timeout=lambda: None if thread.is_alive() else loop.quit())
    thread.start()
    poll.start()
    busy.setValue(0)
    if thread.is_alive():
        loop.exec()
    poll.stop()
    thread.join()
    busy.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def store_damaged(message: str, plan: str) -> bool:
    """True: repair from the newest backup as `plan` says (file by file, what comes back, what is lost); False: quit."""
    buttons = [(QCoreApplication.translate("dialogs", "Repair from the backup"), QMessageBox.ButtonRole.AcceptRole,
                "restore"),
               (QCoreApplication.translate("dialogs", "Quit"), QMessageBox.ButtonRole.RejectRole, "quit")]
    detail = QCoreApplication.translate("dialogs", "Only the files that cannot be read are replaced; the damaged "
                                                   "files are kept aside, not deleted.") + "\n\n" + plan
    return _message(None, QMessageBox.Icon.Critical, QCoreApplication.translate("dialogs", "The store cannot be read"),
                    message, buttons, default="restore", detail=detail) == "restore"


class RecoveryDialog(QDialog):
    """Autosaved edits left by a crash: recover them (each opens in the form) or discard them."""

    def __init__(self, drafts: list[Draft], describe, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("dialogs", "Recover unsaved edits"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate(
            "dialogs", "The editor was closed with unsaved edits. Recover them?")))
        self.list = QListWidget()
        for draft in drafts:
            item = QListWidgetItem(describe(draft))
            item.setData(Qt.ItemDataRole.UserRole, draft.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        buttons.addButton(QCoreApplication.translate("dialogs", "Recover"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QCoreApplication.translate("dialogs", "Discard them"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class HistoryDialog(QDialog):
    """The saved versions of a circular, newest first; "Restore" makes the chosen one current, "Compare"
    shows what changed between it and the circular as it is now."""

    def __init__(self, versions: list[Version], parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("dialogs", "Version history"))
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        statuses = {Status.DRAFT: QCoreApplication.translate("dialogs", "draft"),
                    Status.FINAL: QCoreApplication.translate("dialogs", "final"),
                    Status.SENT: QCoreApplication.translate("dialogs", "sent")}
        for version in versions:
            when = version.saved_at[:16].replace("T", " ")
            text = f"{version.number}  ·  {when}  ·  {statuses.get(version.status, version.status)}  ·  " \
                   f"{' '.join(version.subject.split())[:80]}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, version.number)
            self.list.addItem(item)
        if versions:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(QCoreApplication.translate("dialogs", "No earlier versions."))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(QCoreApplication.translate("dialogs", "Restore this version"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(versions))
        self.compare_button = buttons.addButton(QCoreApplication.translate("dialogs", "Compare with now…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.setEnabled(bool(versions))
        self.compare_button.clicked.connect(lambda: (setattr(self, "action", "compare"), self.accept()))
        self.action = "restore"  # what accepting means: restore the chosen version, or compare it with now
        buttons.addButton(QCoreApplication.translate("dialogs", "Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: versions and self.accept())
        layout.addWidget(buttons)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class SettingsDialog(QDialog):
    def __init__(self, language: str, template_folder: str, trust_roots: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("dialogs", "Settings"))
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(QCoreApplication.translate("dialogs", "&Language"), self.language)
        self.folder = self._path_row(form, QCoreApplication.translate("dialogs", "&Template folder"), template_folder,
                                     QCoreApplication.translate("dialogs", "only the built-in templates"),
                                     lambda current: QFileDialog.getExistingDirectory(
                                         self, QCoreApplication.translate("dialogs", "Template folder"), current))
        self.trust = self._path_row(form, QCoreApplication.translate("dialogs", "T&rusted certificates"), trust_roots,
                                    QCoreApplication.translate("dialogs", "none: signatures are checked, not trusted"),
                                    lambda current: QFileDialog.getOpenFileName(
                                        self, QCoreApplication.translate("dialogs", "Trusted certificates"), current,
                                        QCoreApplication.translate("dialogs", "Certificates (*.pem *.crt *.cer *.der);;"
                                                                              "All files (*)"))[0])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _path_row(self, form: QFormLayout, label: str, value: str, placeholder: str, choose) -> QLineEdit:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(value)
        edit.setPlaceholderText(placeholder)
        browse = QPushButton(QCoreApplication.translate("dialogs", "Choose…"))
        browse.clicked.connect(lambda: (lambda chosen: chosen and edit.setText(chosen))(choose(edit.text())))
        line.addWidget(edit, 1)
        line.addWidget(browse)
        form.addRow(label, row)
        return edit


def show_verification(parent, path: str, reports: list, verdict: tuple[int, str]) -> None:
    """What the signatures of a PDF say: the file's verdict, then per signature who, when, intact, what changed
    after it, trusted (and why not). The same verdict as `circular-editor verify`."""
    from circular_editor.signing import EXIT_GOOD

    title = QCoreApplication.translate("dialogs", "Signatures")
    if not reports:
        show_error(parent, title, QCoreApplication.translate("dialogs", "This PDF holds no signature."))
        return
    code, sentence = verdict
    direction = "rtl" if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
    lines = []
    for report in reports:
        if not report.intact:
            state = QCoreApplication.translate(
                "dialogs", "NOT VALID: the signed bytes have changed, or the signature does not match them")
        elif report.changes:
            state = QCoreApplication.translate("dialogs", "CHANGED after it was signed:")
            state += f" <span dir='ltr'>{html.escape('; '.join(report.changes))}</span>"
        else:
            state = QCoreApplication.translate("dialogs", "intact, and nothing but later signatures added since")
        if report.trusted:
            trust = QCoreApplication.translate("dialogs", "the certificate is trusted")
        else:
            trust = QCoreApplication.translate("dialogs", "NOT TRUSTED:") + \
                f" <span dir='ltr'>{html.escape(report.trust_problem)}</span>"
        lines.append(f"<p dir='{direction}'><b>{html.escape(isolated(report.signer))}</b> — "
                     f"{isolated(report.signed_at)} ({report.field})<br>{state}<br>{trust}</p>")
    head = f"<p dir='ltr'>{html.escape(path)}</p><p dir='ltr'><b>{html.escape(sentence)}</b></p>"
    box = QMessageBox(QMessageBox.Icon.Information if code == EXIT_GOOD else QMessageBox.Icon.Warning, title,
                      head + "".join(lines), QMessageBox.StandardButton.Close, parent)
    box.setObjectName("verification")
    box.exec()


def show_about(parent) -> None:
    """The version, what the program is built on, and the fonts' licences (whose full texts ship with it)."""
    import platform

    from PySide6 import __version__ as pyside_version
    from reportlab import Version as reportlab_version

    from circular_editor import __version__
    from circular_editor.paths import RESOURCES

    fonts = RESOURCES / "fonts"
    text = QCoreApplication.translate(
        "dialogs", "<h3>Circular Editor %1</h3><p>Writes ITU circular letters in Arabic and exports them as PDF.</p>"
        "<p>Fonts embedded in every PDF:</p><ul><li><b>Amiri</b>, SIL Open Font Licence 1.1</li>"
        "<li><b>DejaVu Sans</b> (symbols Amiri lacks), Bitstream Vera licence</li>"
        "<li><b>Symbola</b> (symbols and emoji neither has), free for any use</li></ul><p>Their licences:</p>")
    # (Latin names, versions and the path each in a left-to-right paragraph of their own: mixed into an
    # Arabic sentence, their digits and punctuation would be reordered)
    text += (f"<p dir='ltr'><a href='{QUrl.fromLocalFile(str(fonts)).toString()}'>{fonts}</a></p>"
             "<p dir='ltr'>Amiri © 2010-2017 Khaled Hosny · DejaVu © Bitstream, Inc., Tavmjong Bah · "
             "Symbola © 2007-2015 George Douros</p>"
             f"<p dir='ltr'>Python {platform.python_version()} · Qt for Python {pyside_version} · "
             f"ReportLab {reportlab_version} · HarfBuzz · PDFium</p>")
    text = text.replace("%1", __version__)
    QMessageBox.about(parent, QCoreApplication.translate("dialogs", "About Circular Editor"), text)
