"""Signing an exported circular (PAdES, through pyHanko) and verifying signed PDFs. No Qt here.

    signer = load_signer("me.p12", password)          # SigningError naming the problem, nothing written
    signed = sign_pdf(pdf, signer, room, lines)       # one incremental update: earlier signatures stay valid
    for report in verify_pdf(signed, trusted=[...]):  # who, when, intact, trusted

The signature's visible appearance is a small page made by our own text engine
(render/stamp.py: Amiri, right to left) placed over the room the letter leaves for the
signature under the signatory's note, so it covers none of the block's text. Level B-B
(signed attributes with the certificate); B-T when a timestamp server is given.
"""
from __future__ import annotations

import datetime as dt
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from circular_editor.errors import UserError

MAX_P12_BYTES = 1_000_000
SIGNING_USAGES = ("digital_signature", "content_commitment")


class SigningError(UserError):
    pass


@dataclass
class Signer:
    """A certificate and its key, checked: in date, meant for signing, the key matching."""
    pyhanko_signer: object
    name: str  # the certificate's subject, as people read it
    not_after: dt.datetime


def load_signer(p12_path: str | Path, password: str, now: dt.datetime | None = None) -> Signer:
    """The signer in a PKCS#12 file (the password is used here and not kept)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import NoEncryption, pkcs12
    from pyhanko.sign import signers

    path = Path(p12_path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_P12_BYTES + 1)
    except OSError as exc:
        raise SigningError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_P12_BYTES:
        raise SigningError(f"{path}: not a certificate file (larger than 1 MB)")
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except ValueError:
        raise SigningError(f"{path}: wrong password, or not a PKCS#12 (.p12, .pfx) file") from None
    if key is None:
        raise SigningError(f"{path}: holds no private key")
    if cert is None:  # some files carry the signer's certificate among the others: the one of this key
        numbers = key.public_key().public_numbers()
        cert = next((c for c in extra or [] if c.public_key().public_numbers() == numbers), None)
        if cert is None:
            raise SigningError(f"{path}: the private key does not match the certificate"
                               + ("s in the file" if extra else " (there is none)"))
    name = cert.subject.rfc4514_string()
    now = now or dt.datetime.now(dt.timezone.utc)
    if cert.not_valid_after_utc < now:
        raise SigningError(f"{path}: the certificate of {name} expired on {cert.not_valid_after_utc:%Y-%m-%d}")
    if cert.not_valid_before_utc > now:
        raise SigningError(f"{path}: the certificate of {name} is valid only from {cert.not_valid_before_utc:%Y-%m-%d}")
    if key.public_key().public_numbers() != cert.public_key().public_numbers():
        raise SigningError(f"{path}: the private key does not match the certificate of {name}")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (usage.digital_signature or usage.content_commitment):
            raise SigningError(f"{path}: the certificate of {name} is not for signing (its key usage allows "
                               "neither digital signatures nor non-repudiation)")
    except x509.ExtensionNotFound:
        pass  # no restriction stated
    # pyHanko takes the key and the chain again, from an unencrypted copy held in memory only
    clear = pkcs12.serialize_key_and_certificates(None, key, cert, extra or None, NoEncryption())
    signer = signers.SimpleSigner.load_pkcs12_data(clear, other_certs=[], passphrase=None)
    if signer is None:
        raise SigningError(f"{path}: the certificate cannot be used for signing")
    return Signer(signer, _common_name(cert) or name, cert.not_valid_after_utc)


def _common_name(cert) -> str:
    from cryptography.x509.oid import NameOID

    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else ""


def is_signed_pdf(path: str | Path) -> bool:
    """A file holding a PDF signature: never overwritten by an export."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(50_000_000)
    except OSError:
        return False
    return data.startswith(b"%PDF") and b"/ByteRange" in data


def signature_field_name(index: int) -> str:
    return f"Signatory{index + 1}"


def sign_circular(pdf: bytes, rooms: dict, circular, index: int, signer: Signer,
                  timestamp_url: str | None = None, day: dt.date | None = None) -> bytes:
    """`pdf` (this circular's, as rendered, or already signed by others) signed by signatory `index` of the letter,
    the appearance in that signatory's room."""
    from circular_editor import styles
    from circular_editor.defaults import resolve
    from circular_editor.render.compose import signatories_shown
    from circular_editor.render.stamp import signature_appearance, signature_lines

    style = styles.load(circular.style)
    own = resolve(circular, style)
    people = signatories_shown(own)
    if not 0 <= index < len(people) or index not in rooms:
        raise SigningError(f"the letter has no signatory {index + 1} (it shows {len(people)})")
    person, room = people[index], rooms[index]
    lines = signature_lines(person.name, person.title, day or dt.date.today(), style.labels.months)
    appearance = signature_appearance(lines, room[3] - room[1], room[4] - room[2])
    return sign_pdf(pdf, signer, room, signature_field_name(index), appearance,
                    reason=circular.reference, location=own.place, timestamp_url=timestamp_url)


def sign_pdf(pdf: bytes, signer: Signer, room: tuple[int, float, float, float, float], field_name: str,
             appearance: bytes, reason: str = "", location: str = "", timestamp_url: str | None = None) -> bytes:
    """`pdf` with one more signature in field `field_name` over `room` (page, x0, y0, x1, y1), as an incremental
    update; `appearance` is a one-page PDF the size of the room."""
    from pyhanko import stamp
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps import HTTPTimeStamper

    page, x0, y0, x1, y1 = room
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    existing = {name for name, _, _ in fields.enumerate_sig_fields(writer)}
    if field_name in existing:
        raise SigningError(f"this PDF already holds the signature {field_name}")
    fields.append_signature_field(writer, fields.SigFieldSpec(field_name, on_page=page,
                                                              box=(round(x0), round(y0), round(x1), round(y1))))
    meta = signers.PdfSignatureMetadata(field_name=field_name, md_algorithm="sha256", reason=reason or None,
                                        location=location or None, subfilter=fields.SigSeedSubFilter.PADES)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:  # (pyHanko imports the appearance from a file)
        handle.write(appearance)
        handle.flush()
        style = stamp.StaticStampStyle.from_pdf_file(  # the page as made: no margin, no scaling, opaque
            handle.name, border_width=0, background_opacity=1.0,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins.uniform(0), inner_content_scaling=layout.InnerScaling.NO_SCALING))
        pdf_signer = signers.PdfSigner(meta, signer.pyhanko_signer, stamp_style=style,
                                       timestamper=HTTPTimeStamper(timestamp_url) if timestamp_url else None)
        out = io.BytesIO()
        pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str
    signed_at: str  # as the signature states it (UTC), or "" when absent
    intact: bool  # the bytes it covers are unchanged
    valid: bool  # the cryptography checks out
    trusted: bool  # the certificate chains to a trust root the user configured
    whole_file: bool  # nothing was added after it (else: later signatures or changes)
    summary: str  # one line for people


def verify_pdf(pdf: bytes, trusted: list[str | Path] = ()) -> list[SignatureReport]:
    """Every signature of `pdf`; SigningError if the file is not a PDF pyHanko can read."""
    from asn1crypto import pem, x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    roots = []
    for path in trusted:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise SigningError(f"{path}: cannot read ({exc.strerror or exc})") from None
        for _, _, der in pem.unarmor(data, multiple=True) if pem.detect(data) else [(None, None, data)]:
            roots.append(asn1_x509.Certificate.load(der))
    context = ValidationContext(trust_roots=roots, allow_fetching=False) if roots else None
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:  # pyHanko's reader raises many kinds on a broken file
        raise SigningError(f"not a readable PDF ({type(exc).__name__}: {str(exc)[:120]})") from None
    reports = []
    for sig in embedded:
        try:
            status = validate_pdf_signature(sig, signer_validation_context=context)
        except Exception as exc:  # a signature that cannot even be checked is reported as such
            reports.append(SignatureReport(sig.field_name, "?", "", False, False, False, False,
                                           f"{sig.field_name}: cannot be checked ({type(exc).__name__})"))
            continue
        cert = status.signing_cert
        signer = cert.subject.native.get("common_name") or cert.subject.human_friendly
        when = status.signer_reported_dt.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") \
            if status.signer_reported_dt else ""
        whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
        intact, valid = bool(status.intact), bool(status.valid)
        trusted_chain = bool(status.trusted) if roots else False
        state = "intact" if intact and valid else "MODIFIED or invalid: the bytes it signed have changed"
        chain = ("trusted" if trusted_chain else "not trusted (no trust root of yours signs it)") if roots \
            else "trust not checked (no trust roots configured)"
        later = "" if whole else "; later additions follow it (further signatures)"
        reports.append(SignatureReport(sig.field_name, signer, when, intact, valid, trusted_chain, whole,
                                       f"{signer}, signed {when or 'at an unstated time'}: {state}, {chain}{later}"))
    return reports
