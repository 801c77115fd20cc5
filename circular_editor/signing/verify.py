"""Verifying a signed PDF: per signature who, when, intact, trusted (and why not), and what changed after it.

    reports = verify_pdf(data, trusted=["ca.pem"])
    code, sentence = verdict(reports)   # EXIT_GOOD, EXIT_CHANGED or EXIT_UNTRUSTED, and one plain sentence

The only change allowed after a signature is a later signature (its field, its appearance, the
form that lists it). pyHanko's difference analysis decides that for each signature; bytes after
the last signature (a signature must cover the whole file, as pdfsig's "Total document signed"
says), and a changed document information dictionary (which pyHanko lets pass) are caught
here. changes.py says what changed in words. No traceback reaches anyone: a signature that cannot
be checked is reported as such, and pyHanko's own log is for `--debug` only (the CLI and the editor call
quiet_pyhanko before they sign or verify).
"""
from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from circular_editor.errors import one_line
from circular_editor.signing import changes
from circular_editor.signing.keys import SigningError, load_trust_roots

if TYPE_CHECKING:  # (pyHanko is imported when a signature is checked)
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
    from pyhanko.sign.validation.status import PdfSignatureStatus
    from pyhanko_certvalidator import ValidationContext

EXIT_GOOD = 0  # every signature intact, nothing changed after it, and trusted
EXIT_CHANGED = 1  # a signature is broken, or the document changed after it (or no signature at all)
EXIT_UNTRUSTED = 3  # intact and unchanged, but a signer's chain does not reach a trust root (or none was given)

PYHANKO_LOGGERS = ("pyhanko", "pyhanko_certvalidator")


def quiet_pyhanko(debug: bool = False) -> None:
    """pyHanko logs a traceback for every chain it cannot build; that is for --debug, not for people."""
    for name in PYHANKO_LOGGERS:
        logger = logging.getLogger(name)
        logger.propagate = debug
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str  # the certificate holder's name
    signed_at: str  # as the signature states it (UTC), or "" when absent
    intact: bool  # the bytes it covers are unchanged and its cryptography checks out
    trusted: bool  # the certificate chains to a trust root the user gave
    trust_problem: str  # why not trusted ("" when trusted)
    changes: tuple[str, ...]  # what changed after it, besides later signatures
    summary: str  # one line for people


def verify_pdf(pdf: bytes, trusted: Sequence[str | Path] = ()) -> list[SignatureReport]:
    """Every signature of `pdf`, oldest first; SigningError if the file is not a readable PDF or a trust file
    holds no certificate."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko_certvalidator import ValidationContext

    roots = load_trust_roots(trusted)
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    if not pdf.startswith(b"%PDF-"):
        raise SigningError("not a PDF file")
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:  # pyHanko's reader raises many kinds on a broken file, or a malformed signature
        detail = one_line(exc, 120)
        raise SigningError(f"not a readable signed PDF: the file or a signature in it is malformed "
                           f"({type(exc).__name__}: {detail})") from None
    fields = {sig.field_name for sig in embedded}
    return [_report(reader, sig, n == len(embedded) - 1, context, bool(roots), fields)
            for n, sig in enumerate(embedded)]


def _report(reader: PdfFileReader, sig: EmbeddedPdfSignature, last: bool, context: ValidationContext,
            roots_given: bool, signature_fields: set[str]) -> SignatureReport:
    from pyhanko.sign.validation import validate_pdf_signature

    field = sig.field_name
    try:
        status = validate_pdf_signature(sig, signer_validation_context=context)
    except Exception as exc:  # malformed CMS, an unknown algorithm: the signature cannot be checked
        reason = f"its signature data cannot be checked ({type(exc).__name__})"
        return SignatureReport(field, "?", "", False, False, "not checked", (reason,),
                               f"{field}: NOT VALID: {reason}")
    cert = status.signing_cert
    signer = cert.subject.native.get("common_name") or cert.subject.human_friendly
    when = status.signer_reported_dt.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") \
        if status.signer_reported_dt else ""
    intact = bool(status.intact) and bool(status.valid)
    found = tuple(_changes_after(reader, sig, status, last, signature_fields)) if intact else ()
    trusted = intact and roots_given and bool(status.trusted)
    problem = "" if trusted else _trust_problem(status, cert, roots_given)
    return SignatureReport(field, signer, when, intact, trusted, problem, found,
                           _summary(field, signer, when, intact, found, trusted, problem))


def _changes_after(reader: PdfFileReader, sig: EmbeddedPdfSignature, status: PdfSignatureStatus, last: bool,
                   signature_fields: set[str]) -> list[str]:
    """What changed after this signature other than later signatures ([] when nothing did)."""
    from pyhanko.sign.diff_analysis import DiffResult, ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    revision = sig.signed_revision
    problem = None
    diff = status.diff_result
    if last and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        problem = "bytes were added to the file"
    elif isinstance(diff, DiffResult):
        if diff.modification_level > ModificationLevel.FORM_FILLING:
            problem = "the document was changed"
        elif diff.changed_form_fields - signature_fields:
            return [f"the form field {name} was filled in" for name in sorted(diff.changed_form_fields
                                                                              - signature_fields)]
        elif changes.info_changed(reader, revision):
            problem = "the document information was changed"
    elif diff is not None or status.coverage not in (SignatureCoverageLevel.ENTIRE_FILE,
                                                     SignatureCoverageLevel.ENTIRE_REVISION):
        problem = "the document was changed"  # pyHanko found a modification it cannot explain
    if problem is None:
        return []
    return changes.describe(reader, revision) or [problem]


def _trust_problem(status: PdfSignatureStatus, cert: Any, roots_given: bool) -> str:
    """Why a signer is not trusted, in words."""
    if not roots_given:
        return "trust not checked: no trust root given"
    now = dt.datetime.now(dt.timezone.utc)
    validity = cert["tbs_certificate"]["validity"]
    if cert.self_signed in ("yes", "maybe"):
        return "its certificate is self-signed: no authority of yours vouches for it"
    if validity["not_after"].native < (status.signer_reported_dt or now):
        return f"its certificate had expired ({validity['not_after'].native:%Y-%m-%d})"
    indication = getattr(status, "trust_problem_indic", None)
    name = getattr(indication, "name", "")
    if "REVOKED" in name:
        return "its certificate was revoked"
    if "EXPIRED" in name or "OUT_OF_BOUNDS" in name:
        return f"its certificate is out of date ({validity['not_after'].native:%Y-%m-%d})"
    if "NO_CERTIFICATE_CHAIN" in name or not name:
        return "its certificate does not chain to any trust root you gave"
    return "its certificate is not trusted (" + name.lower().replace("_", " ") + ")"


def _summary(field: str, signer: str, when: str, intact: bool, found: tuple[str, ...], trusted: bool,
             problem: str) -> str:
    who = f"{field}: {signer}, signed {when or 'at an unstated time'}"
    if not intact:
        return f"{who}: NOT VALID: the bytes it signed were changed, or its signature does not match them"
    if found:
        return f"{who}: CHANGED after signing: " + "; ".join(found)
    return f"{who}: intact, unchanged since, " + ("trusted" if trusted else f"NOT TRUSTED ({problem})")


def verdict(reports: list[SignatureReport]) -> tuple[int, str]:
    """The file's verdict: an exit code and one plain sentence."""
    if not reports:
        return EXIT_CHANGED, "no signature"
    for r in reports:
        if not r.intact:
            return EXIT_CHANGED, f"the signature of {r.signer} ({r.field}) is not valid: what it signed was changed"
    for r in reports:
        if r.changes:
            return EXIT_CHANGED, f"{r.changes[0]} after {r.signer} signed ({r.field})"
    untrusted = [r for r in reports if not r.trusted]
    if untrusted:
        r = untrusted[0]
        return EXIT_UNTRUSTED, f"intact and unchanged, but {r.signer} is not trusted: {r.trust_problem}"
    return EXIT_GOOD, f"intact, unchanged and trusted ({len(reports)} signature{'s' if len(reports) > 1 else ''})"
