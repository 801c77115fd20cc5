"""`circular-editor sign` and `verify`: a final circular signed (PAdES) by one of its signatories, and what a
signed PDF's signatures say. The rules are signing's (sign.py, verify.py); this module reads arguments."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from circular_editor.atomic import write_whole
from circular_editor.commandline import MAX_PDF_BYTES, CommandError, open_store
from circular_editor.files import read_regular_file

if TYPE_CHECKING:
    from circular_editor.store.repository import Repository

P12_PASSWORD_ENV = "CIRCULAR_EDITOR_P12_PASSWORD"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser) -> None:
    sign = commands.add_parser("sign", parents=[db], help="sign a final circular and write the signed PDF")
    sign.add_argument("id", type=int)
    sign.add_argument("--p12", required=True, metavar="FILE", help="the signer's certificate and key (PKCS#12)")
    sign.add_argument("--signatory", type=int, default=1, metavar="N", help="which of the letter's signatories (1)")
    sign.add_argument("--pdf", metavar="SIGNED.pdf", help="a signed PDF of this circular to add the signature to")
    sign.add_argument("--timestamp", metavar="URL", help="an RFC 3161 timestamp server (PAdES B-T)")
    sign.add_argument("-o", "--output", required=True, help="the signed PDF to write (never an existing signed one)")
    sign.add_argument("--password-stdin", action="store_true", help="read the .p12 password from standard input")
    sign.add_argument("--confirm-certificate", action="store_true",
                      help="the certificate is the signatory's although it names someone else: remember it")
    sign.set_defaults(run=_sign)

    verify = commands.add_parser("verify", help="check the signatures of a PDF")
    verify.add_argument("file")
    verify.add_argument("--trust", action="append", default=[], metavar="CERT",
                        help="a trust root (PEM or DER certificate); may be repeated")
    verify.set_defaults(run=_verify)


def _password(args: argparse.Namespace) -> str:
    """The .p12 password: $CIRCULAR_EDITOR_P12_PASSWORD, one line of standard input, or asked on the terminal."""
    import getpass

    if os.environ.get(P12_PASSWORD_ENV) is not None:
        return os.environ[P12_PASSWORD_ENV]
    if args.password_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            return getpass.getpass(f"password of {args.p12}: ")
        except EOFError:
            pass
    raise CommandError(f"no password for {args.p12}: set {P12_PASSWORD_ENV}, give --password-stdin, "
                       "or run the command in a terminal")


def _sign(args: argparse.Namespace) -> int:
    import hashlib

    from circular_editor.render import render
    from circular_editor.defaults import who_signs
    from circular_editor.signing import SignerMismatch, base_pdf, is_signed_pdf, load_signer, sign_circular
    from circular_editor.store.records import Status

    output = Path(args.output)
    if is_signed_pdf(output):
        raise CommandError(f"{output}: a signed PDF is never overwritten; choose another name")
    signer = load_signer(args.p12, _password(args))  # (a wrong password or key is refused before any work)
    with open_store(args, write=True) as store:
        record = store.get(args.id)
        if record.status == Status.DRAFT:
            raise CommandError(f"circular #{args.id} is a draft: finalize it before it is signed")
        people = who_signs(record.circular)
        if not 1 <= args.signatory <= len(people):
            raise CommandError(f"--signatory {args.signatory}: circular #{args.id} shows "
                               f"{len(people)} signator{'y' if len(people) == 1 else 'ies'}")
        index, person = args.signatory - 1, people[args.signatory - 1]
        if index in record.signed_blocks:
            raise CommandError(f"circular #{args.id}: signatory {args.signatory}'s block is already signed")
        rendered = render(record.circular)
        pdf = base_pdf(rendered.pdf, record.signed)
        if args.pdf:
            pdf = read_regular_file(args.pdf, MAX_PDF_BYTES, "a PDF this program signs")
            if not pdf.startswith(rendered.pdf):  # a signed file is the render followed by its signatures
                raise CommandError(f"{args.pdf}: not a PDF of circular #{args.id} as it is now")
        known = store.known_certificates(person.name)
        if args.confirm_certificate:
            store.confirm_certificate(person.name, signer.fingerprint)
            known.add(signer.fingerprint)
        try:
            signed = sign_circular(pdf, rendered.signature_rooms, record.circular, index, signer,
                                   timestamp_url=args.timestamp, known_fingerprints=known)
        except SignerMismatch as exc:
            raise CommandError(f"{exc} (if it is, sign again with --confirm-certificate)") from None
        write_whole(output, signed)
        if store.bureau() is None:
            store.mark_signed(args.id, str(output.resolve()), hashlib.sha256(signed).hexdigest(), signer.name,
                              index, len(people))
        else:  # the bureau server keeps the signed file and decides when the circular is sent
            _send_signature(store, args.id, index, output)
    print(output)
    return 0


def _send_signature(store: Repository, record_id: int, index: int, output: Path) -> None:
    from circular_editor.bureau import sync
    from circular_editor.bureau.commands import ask_password
    from circular_editor.bureau.connect import Offline

    store.queue_signature(record_id, index, str(output.resolve()))
    try:
        report = sync.sync(store, ask_password)
    except Offline as exc:
        print(f"circular-editor: {exc}; the signature is sent at the next sync", file=sys.stderr)
        return
    for problem in report.problems:
        print(f"circular-editor: {problem}", file=sys.stderr)


def _verify(args: argparse.Namespace) -> int:
    from circular_editor.signing.verify import verdict, verify_pdf

    data = read_regular_file(args.file, MAX_PDF_BYTES, "a PDF this program checks")
    reports = verify_pdf(data, args.trust)
    for report in reports:
        print(report.summary)
    code, sentence = verdict(reports)
    print(f"{args.file}: {sentence}")
    return code
