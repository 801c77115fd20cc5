"""Signing a circular's PDF (PAdES, through pyHanko), and the rules of who may sign which block. No Qt here.

    check_signer(signer, person.name, known)      # SignerMismatch naming both people, unless they agree
    signed = sign_circular(pdf, rooms, circular, index, signer)

Each signatory of a letter has a block, and its signature goes in the field `Signatory<N>` over the room
the letter leaves under that block's note. The signer is who the certificate says: the visible stamp
names the certificate's holder (with the block's name and title as the letter gives them), and a
certificate whose holder is not the block's person is refused unless that person's record already
names the certificate (its SHA-256), which it does after one deliberate confirmation. A block signed
once cannot be signed again. Level B-B (signed attributes with the certificate); B-T with a timestamp.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from circular_editor.defaults import signature_field_name
from circular_editor.signing.keys import Signer, SigningError

if TYPE_CHECKING:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from circular_editor.model import Circular
    from circular_editor.store.records import SignedFile

Room = tuple[int, float, float, float, float]  # a signatory's signature room: page, x0, y0, x1, y1 (points)


class SignerMismatch(SigningError):
    """The certificate's holder is not the block's signatory (the user may confirm it once, deliberately)."""

    def __init__(self, holder: str, person: str, fingerprint: str):
        super().__init__(f"the certificate belongs to {holder}, but this block is {person}'s; sign with "
                         f"{person}'s own certificate, or confirm that this certificate is {person}'s")
        self.holder, self.person, self.fingerprint = holder, person, fingerprint


def _name_words(text: str) -> list[str]:
    """A name as comparable words: no case, no accents or harakat, no punctuation (Bogdan-Martin = bogdan martin)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", plain.casefold()).split()


def same_person(signer: Signer, name: str) -> bool:
    """Whether the certificate names this person: its holder's name or an e-mail's local part, word for word
    (in any order: "Zhao Houlin" is "Houlin Zhao")."""
    wanted = sorted(_name_words(name))
    if not wanted:
        return False
    candidates = [signer.name] + [email.split("@")[0] for email in signer.emails]
    return any(sorted(_name_words(c)) == wanted for c in candidates)


def check_signer(signer: Signer, person: str, known_fingerprints: Iterable[str] = ()) -> None:
    """SignerMismatch unless the certificate names `person` or is one `person`'s record already names."""
    if signer.fingerprint in set(known_fingerprints) or same_person(signer, person):
        return
    raise SignerMismatch(signer.name, person.strip() or "an unnamed signatory", signer.fingerprint)


def sign_circular(pdf: bytes, rooms: dict[int, Room], circular: Circular, index: int, signer: Signer,
                  timestamp_url: str | None = None, day: dt.date | None = None,
                  known_fingerprints: Iterable[str] = ()) -> bytes:
    """`pdf` (this circular's, as rendered, or already signed by others) signed by signatory `index` of the letter,
    the appearance in that signatory's room; SignerMismatch when the certificate is not that signatory's."""
    from circular_editor import styles
    from circular_editor.defaults import resolve
    from circular_editor.defaults import signatories_shown
    from circular_editor.render.stamp import signature_appearance, signature_lines

    style = styles.load(circular.style)
    own = resolve(circular, style)
    people = signatories_shown(own)
    if not 0 <= index < len(people) or index not in rooms:
        raise SigningError(f"the letter has no signatory {index + 1} (it shows {len(people)})")
    person, room = people[index], rooms[index]
    check_signer(signer, person.name, known_fingerprints)
    lines = signature_lines(signer.name, person.name, person.title, day or dt.date.today(), style.labels.months,
                            style.labels.digital_signature)
    appearance = signature_appearance(lines, room[3] - room[1], room[4] - room[2])
    return sign_pdf(pdf, signer, room, signature_field_name(index), appearance, reason=circular.reference,
                    location=own.place, timestamp_url=timestamp_url)


def sign_pdf(pdf: bytes, signer: Signer, room: Room, field_name: str,
             appearance: bytes, reason: str = "", location: str = "", timestamp_url: str | None = None) -> bytes:
    """`pdf` with one more signature in field `field_name` over `room` (page, x0, y0, x1, y1), as an incremental
    update; `appearance` is a one-page PDF the size of the room."""
    from pyhanko import stamp
    from pyhanko.pdf_utils import layout
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps import HTTPTimeStamper

    page, x0, y0, x1, y1 = room
    try:
        writer = _archival_writer()(io.BytesIO(pdf), strict=False)
        existing = {name: value is not None for name, value, _ in fields.enumerate_sig_fields(writer)}
    except Exception:
        raise SigningError("the PDF to sign cannot be read") from None
    if existing.get(field_name):
        raise SigningError(f"this PDF already holds the signature {field_name}: that block is signed")
    if field_name not in existing:  # (a letter rendered before its fields were part of it)
        fields.append_signature_field(writer, fields.SigFieldSpec(field_name, on_page=page,
                                                                  box=(round(x0), round(y0), round(x1), round(y1))))
    meta = signers.PdfSignatureMetadata(field_name=field_name, md_algorithm=signer.md_algorithm,
                                        reason=reason or None, location=location or None,
                                        subfilter=fields.SigSeedSubFilter.PADES)
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
        try:
            pdf_signer.sign_pdf(writer, output=out)
        except Exception as exc:  # a key pyHanko cannot use after all, a timestamp server that fails
            raise SigningError(f"the signature could not be made ({type(exc).__name__}: {str(exc)[:120]})") from None
    return out.getvalue()


def _archival_writer() -> type[IncrementalPdfFileWriter]:
    """pyHanko's incremental writer, keeping the letter a PDF/A file as it signs: pyHanko would date
    /Info and add itself to its /Producer, then rewrite the XMP metadata its own way, naming itself
    alone as producer (PDF/A wants /Info and XMP to agree, ISO 19005-2 6.6.3). Here both say the same:
    the signing time as modification date, "<producer>; pyHanko <version>", and the XMP is ours
    (render/archive.py), claims included."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.metadata.model import VENDOR

    from circular_editor.render.archive import Description, xmp_date, xmp_packet

    class ArchivalWriter(IncrementalPdfFileWriter):
        def _update_meta(self) -> None:
            if self._info is None:
                super()._update_meta()  # type: ignore[no-untyped-call]  # (pyHanko's, untyped)
                return
            info = self._info.get_object()

            def text(key: str) -> str:
                return str(info.get(key, ""))
            now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
            modified = f"D:{now:%Y%m%d%H%M%S}Z"
            producer = text("/Producer")
            producer = producer if VENDOR in producer else f"{producer}; {VENDOR}".lstrip("; ")
            info["/ModDate"] = generic.TextStringObject(modified)
            info["/Producer"] = generic.TextStringObject(producer)
            self.mark_update(self._info)
            created = text("/CreationDate")
            described = Description(text("/Title"), text("/Author"), text("/Subject"), text("/Keywords"),
                                    text("/Creator"), producer, xmp_date(created) if created else xmp_date(modified),
                                    xmp_date(modified))
            metadata = generic.StreamObject({generic.NameObject("/Type"): generic.NameObject("/Metadata"),
                                             generic.NameObject("/Subtype"): generic.NameObject("/XML")},
                                            stream_data=xmp_packet(described))
            self.root["/Metadata"] = self.add_object(metadata)
            self.update_root()  # type: ignore[no-untyped-call]  # (pyHanko's, untyped)
    return ArchivalWriter


def base_pdf(rendered: bytes, signed_files: Iterable[SignedFile]) -> bytes:
    """What the next signatory signs: the newest signed file of this circular when it is still there, unchanged
    (its SHA-256 as recorded) and a signed copy of this very rendering; else the rendering itself."""
    import hashlib

    for entry in reversed(list(signed_files)):
        try:
            data = Path(entry.file).read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == entry.sha256 and data.startswith(rendered):
            return data
    return rendered


def is_signed_pdf(path: str | Path) -> bool:
    """A file holding a PDF signature: never overwritten by an export."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(50_000_000)
    except OSError:
        return False
    return data.startswith(b"%PDF") and b"/ByteRange" in data
