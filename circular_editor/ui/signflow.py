"""Signing and verifying from the window: the steps a signatory goes through, each on the right thread.

    flow = SignFlow(window)
    flow.sign(outcome)        # the preview's current Rendering of a final circular
    flow.verify()             # choose a signed PDF and show what its signatures say

Signing: which block (one not signed yet), the certificate file, its password (checked at once on the
store's thread; a wrong one is asked again, before any save dialog), the certificate's holder against the
block's person (a different name is refused unless the user confirms, once, that the certificate is that
person's: the store then remembers its SHA-256), where to save (never over a signed PDF), then the
signature itself on the store's thread. The rules are signing's (circular_editor/signing); this module
only asks and shows. pyHanko is imported on the GUI thread first (ui/imports.py says why).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from circular_editor.atomic import write_whole
from circular_editor.errors import UserError
from circular_editor.files import file_stem
from circular_editor.ui import dialogs, imports
from circular_editor.ui.bidi import isolated

# What the store thread's signing and verifying jobs import (ui/imports.py): loaded on the GUI thread first.
SIGNING_MODULES = ("cryptography.x509", "cryptography.hazmat.primitives.serialization.pkcs12",
                   "pyhanko.sign.signers", "pyhanko.sign.fields", "pyhanko.sign.validation", "pyhanko.stamp",
                   "pyhanko.sign.timestamps", "pyhanko.sign.diff_analysis", "pyhanko.pdf_utils.incremental_writer",
                   "pyhanko.pdf_utils.layout", "pyhanko.pdf_utils.reader", "pyhanko_certvalidator",
                   "pyhanko.pdf_utils.metadata.xmp_xml", "pyhanko.pdf_utils.filters", "lxml.etree", "gzip",
                   "asn1crypto.x509", "asn1crypto.pem", "tempfile", "circular_editor.signing.keys",
                   "circular_editor.signing.sign", "circular_editor.signing.verify", "circular_editor.signing.changes",
                   "circular_editor.render.stamp", "codec:pdfdoc", "codec:extpdfdoc", "codec:ascii", "codec:utf-16-be",
                   "codec:utf-16-le")


def preload_signing() -> None:
    """pyHanko and its kin imported now, on the GUI thread (a second or so the first time; a wait cursor)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        imports.preload(*SIGNING_MODULES)
        from circular_editor.signing import quiet_pyhanko
        quiet_pyhanko()
    finally:
        QGuiApplication.restoreOverrideCursor()


class SignFlow:
    def __init__(self, window, exporting):
        self.window, self.exporting = window, exporting  # (exporting: where a PDF goes, and saying it went)

    # ---- signing ----

    def sign(self, outcome) -> None:
        """Start signing the open (final) circular's `outcome` (a Rendering of it as it is now)."""
        window, doc = self.window, self.window.document
        record_id = doc.record_id
        window.client.call(lambda repo: repo.get(record_id), done=lambda record: self._choose_block(record, outcome),
                           failed=window.failed)

    def _choose_block(self, record, outcome) -> None:
        from circular_editor.defaults import who_signs

        people = who_signs(record.circular)
        open_blocks = [n for n in range(len(people)) if n not in record.signed_blocks and n in outcome.rooms]
        if not people or not outcome.rooms:
            return self._refuse(QCoreApplication.translate("signing", "This letter shows no signatory."))
        if not open_blocks:
            return self._refuse(QCoreApplication.translate("signing", "Every signatory of this letter has signed it."))
        index = open_blocks[0]
        if len(people) > 1:
            names = [f"{n + 1}. {people[n].name} — {people[n].title}" for n in open_blocks]
            chosen, ok = QInputDialog.getItem(self.window, QCoreApplication.translate("signing", "Sign"),
                                              QCoreApplication.translate("signing", "Who signs?"), names, 0, False)
            if not ok:
                return
            index = open_blocks[names.index(chosen)]
        settings = self.window.settings
        start = dialogs.start_folder(settings.certificate_folder)
        p12, _ = QFileDialog.getOpenFileName(
            self.window, QCoreApplication.translate("signing", "Your certificate and key"), start,
            QCoreApplication.translate("signing", "PKCS#12 files (*.p12 *.pfx);;All files (*)"))
        if not p12:
            return
        settings.certificate_folder = str(Path(p12).parent)
        preload_signing()
        self._ask_password(_Signing(record, outcome, people, index, Path(p12)), retry=False)

    def _ask_password(self, job: "_Signing", retry: bool) -> None:
        if retry:  # (asked again at once, before any save dialog)
            prompt = QCoreApplication.translate("signing", "Wrong password. Password of %1:")
        else:
            prompt = QCoreApplication.translate("signing", "Password of %1:")
        password, ok = QInputDialog.getText(self.window, QCoreApplication.translate("signing", "Password"),
                                            prompt.replace("%1", isolated(job.p12.name)), QLineEdit.EchoMode.Password)
        if not ok:
            return
        person = job.people[job.index].name

        def open_key(repo):
            from circular_editor.signing import load_signer
            return load_signer(job.p12, password), repo.known_certificates(person)

        def opened(result) -> None:
            job.signer, known = result
            self._check_holder(job, known)

        def refused(error) -> None:
            from circular_editor.signing.keys import WrongPassword
            if isinstance(error, WrongPassword):
                self._ask_password(job, retry=True)
            elif isinstance(error, UserError):
                self._refuse(str(error))
            else:
                self.window.failed(error)
        self.window.client.call(open_key, done=opened, failed=refused)

    def _check_holder(self, job: "_Signing", known: set) -> None:
        from circular_editor.signing import SignerMismatch, check_signer

        person = job.people[job.index].name
        try:
            check_signer(job.signer, person, known)
        except SignerMismatch:
            text = QCoreApplication.translate(
                "signing", "The certificate belongs to %1, but this block is %2's.\n\nIs this certificate %2's own? "
                "If you confirm it, it is remembered as theirs.")
            text = text.replace("%1", isolated(job.signer.name)).replace("%2", isolated(person))
            title = QCoreApplication.translate("signing", "Whose certificate?")
            answer = QMessageBox.question(self.window, title, text,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                          QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
            fingerprint = job.signer.fingerprint
            self.window.client.call(lambda repo: repo.confirm_certificate(person, fingerprint),
                                    done=lambda _none: self._ask_where(job, {fingerprint}), failed=self.window.failed)
            return
        self._ask_where(job, known)

    def _ask_where(self, job: "_Signing", known: set) -> None:
        from circular_editor.signing import is_signed_pdf

        window = self.window
        done_before = len(job.record.signed_blocks)
        suffix = QCoreApplication.translate("signing", "signed") + (f"-{done_before + 1}" if done_before else "")
        path = self.exporting.ask_pdf_path(QCoreApplication.translate("signing", "Export the signed PDF"),
                                           f"{file_stem(job.record.circular.reference, 'circular')}-{suffix}")
        if path is None:
            return
        if is_signed_pdf(path):
            return self._refuse(QCoreApplication.translate(
                "signing", "A signed PDF is never overwritten; choose another name."))
        window.settings.export_folder = str(path.parent)
        window.statusBar().showMessage(QCoreApplication.translate("signing", "Signing…"))
        record_id, rooms, rendered = job.record.id, job.outcome.rooms, job.outcome.pdf
        circular, index, signer, of = job.record.circular, job.index, job.signer, len(job.people)
        joined = window.bureau.joined

        def sign(repo):
            from circular_editor.signing import base_pdf, sign_circular

            source = base_pdf(rendered, repo.get(record_id).signed)  # (on a joined desk: the server's, kept here)
            signed = sign_circular(source, rooms, circular, index, signer, known_fingerprints=known)
            write_whole(path, signed)
            if joined:  # the bureau server keeps the file and says when the circular is sent (at the next sync)
                repo.queue_signature(record_id, index, str(path))
                return repo.get(record_id)
            return repo.mark_signed(record_id, str(path), hashlib.sha256(signed).hexdigest(), signer.name, index, of)

        def signed(record) -> None:
            window.show_record(record)
            window.list_pane.refresh(select=record.id)
            self.exporting.exported(path)
            window.bureau.changed_here()

        def refused(error) -> None:
            window.statusBar().clearMessage()
            if not isinstance(error, UserError):
                raise error
            self._refuse(str(error))
        window.client.call(sign, done=signed, failed=refused)

    def _refuse(self, text: str) -> None:
        dialogs.show_error(self.window, QCoreApplication.translate("signing", "Not signed"), text)

    # ---- verifying ----

    def verify(self) -> None:
        window = self.window
        start = dialogs.start_folder(window.settings.export_folder)
        path, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("signing", "Verify a signed PDF"),
                                              start, QCoreApplication.translate("signing", "PDF files (*.pdf)"))
        if not path:
            return
        trusted = [window.settings.trust_roots] if window.settings.trust_roots else []
        preload_signing()

        def verify(_repo):
            from circular_editor.signing import verdict, verify_pdf
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
            reports = verify_pdf(data, trusted)
            return reports, verdict(reports)

        def failed(error) -> None:
            if isinstance(error, UserError):
                dialogs.show_error(window, QCoreApplication.translate("signing", "Signatures"), str(error))
            else:
                window.failed(error)
        window.client.call(verify, done=lambda found: dialogs.show_verification(window, path, *found),
                           failed=failed)


class _Signing:
    """What one signing gathers on its way: the record, its rendering, the block, the certificate file, the signer."""

    def __init__(self, record, outcome, people: list, index: int, p12: Path):
        self.record, self.outcome, self.people, self.index, self.p12 = record, outcome, people, index, p12
        self.signer = None
