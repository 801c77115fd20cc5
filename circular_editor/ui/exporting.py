"""What leaves the editor: the circular as JSON, its PDF exported, printed, signed, and a signed PDF verified.

    exporting = Exporting(window)
    exporting.export_pdf()       # the previewed PDF's bytes, once the preview shows the circular as it is now

The PDF that is exported, printed or signed is always the preview's own rendering of the circular as it is
(`PreviewPane.when_current`): what the user saw is what is sent. Files are written whole or not at all, on
the store's thread. Signing's dialogs are ui/signflow.py; its rules are circular_editor/signing.
"""
from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton

from circular_editor.atomic import write_whole
from circular_editor.files import file_stem
from circular_editor.model import Circular, ValidationError
from circular_editor.store.records import Status
from circular_editor.ui import dialogs
from circular_editor.ui.bidi import isolated
from circular_editor.ui.messages import summary_text
from circular_editor.ui.preview import failure_text
from circular_editor.ui.renderclient import RenderFailure, Rendering
from circular_editor.ui.signflow import SignFlow


class Exporting(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.sign_flow = SignFlow(window, self)

    def _when_current(self, then) -> None:
        """`then(outcome)` once the preview shows the open circular as it is now (nothing when none is open)."""
        if self.window.document is not None:
            self.window.preview_pane.when_current(then)

    # ---- JSON and PDF files ----

    def export_json(self) -> None:
        window = self.window
        doc = window.document
        if doc is None:
            return
        try:
            text = Circular.from_dict(copy.deepcopy(doc.content)).to_json()
        except ValidationError as exc:
            dialogs.show_error(window, self.tr("Cannot export"), summary_text(exc))
            return
        name = file_stem(doc.content.get("reference", ""), "circular") + ".json"
        path, _ = QFileDialog.getSaveFileName(window, self.tr("Export as JSON"),
                                              str(Path(dialogs.start_folder(window.settings.export_folder)) / name),
                                              self.tr("Circulars (*.json)"))
        if not path:
            return
        window.settings.export_folder = str(Path(path).parent)
        self._write_file(Path(path), text.encode("utf-8"), lambda written: window.statusBar().showMessage(
            self.tr("Exported to %1.").replace("%1", isolated(written)), 8000))

    def export_pdf(self) -> None:
        """The previewed PDF's bytes to a file."""
        self._when_current(self._export_rendering)

    def _export_rendering(self, outcome: Rendering | RenderFailure) -> None:
        doc = self.window.document
        if isinstance(outcome, RenderFailure):
            dialogs.show_error(self.window, self.tr("Cannot export"), failure_text(outcome))
            return
        name = file_stem(doc.content.get("reference", ""), "circular")
        if doc.status == Status.DRAFT:
            name += "-" + self.tr("draft")
        path = self.ask_pdf_path(self.tr("Export PDF"), name)
        if path is None:
            return
        self.window.settings.export_folder = str(path.parent)
        self._write_file(path, outcome.pdf, self.exported)

    def ask_pdf_path(self, title: str, name: str) -> Path | None:
        """Where to write a PDF: `name`.pdf in the last export folder proposed; ".pdf" added if left out."""
        folder = Path(dialogs.start_folder(self.window.settings.export_folder))
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(folder / f"{name}.pdf"),
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _write_file(self, path: Path, data: bytes, done) -> None:
        """Written whole or not at all, on the store's thread (a slow disk never freezes the window)."""
        self.window.client.call(lambda _repo: write_whole(path, data), done=done, failed=self.window.failed)

    def exported(self, path: Path) -> None:
        """Said in the status bar, with a button that shows the file's folder for a while."""
        bar = self.window.statusBar()
        show = QPushButton(self.tr("Show in folder"))
        show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        show.clicked.connect(lambda: show.setParent(None))
        bar.addPermanentWidget(show)
        QTimer.singleShot(15000, lambda: show.setParent(None))
        bar.showMessage(self.tr("Exported to %1.").replace("%1", isolated(path)), 15000)

    # ---- signing ----

    def sign_and_export(self) -> None:
        """A final circular's PDF signed by one of its signatories (PAdES), exported, the circular marked sent."""
        doc = self.window.document
        if doc is None or doc.record_id is None:
            return
        if doc.status not in (Status.FINAL, Status.SENT):
            dialogs.show_error(self.window, self.tr("Not signed"), self.tr(
                "Finalize the circular first: a signed circular cannot change afterwards."))
            return
        self._when_current(self._sign_rendering)

    def _sign_rendering(self, outcome: Rendering | RenderFailure) -> None:
        if isinstance(outcome, RenderFailure):
            dialogs.show_error(self.window, self.tr("Not signed"), failure_text(outcome))
            return
        self.sign_flow.sign(outcome)

    def verify_signed_pdf(self) -> None:
        self.sign_flow.verify()

    # ---- printing ----

    def print_circular(self) -> None:
        self._when_current(lambda outcome: self._print(outcome, preview=False))

    def print_preview(self) -> None:
        self._when_current(lambda outcome: self._print(outcome, preview=True))

    def _print(self, outcome: Rendering | RenderFailure, preview: bool) -> None:
        if isinstance(outcome, RenderFailure):
            dialogs.show_error(self.window, self.tr("Cannot print"), failure_text(outcome))
            return
        from circular_editor.ui import printing
        printing.print_dialog(self.window, outcome.pdf, self.window.pdfium, preview)
