"""Ways a forger changes a signed PDF after its signature, each an incremental update (or raw bytes) appended to it."""
from __future__ import annotations

import io

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter


def _update(pdf: bytes, change) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    change(writer, writer.root["/Pages"]["/Kids"][0].get_object())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def replace_content(pdf: bytes) -> bytes:
    def change(writer, page):
        page[generic.NameObject("/Contents")] = writer.add_object(
            generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 700 Td (Pay 1,000,000 CHF) Tj ET"))
        writer.update_container(page)
    return _update(pdf, change)


def add_content(pdf: bytes) -> bytes:
    def change(writer, page):
        old = page.raw_get("/Contents")
        parts = list(old.get_object()) if isinstance(old.get_object(), generic.ArrayObject) else [old]
        parts.append(writer.add_object(generic.StreamObject(stream_data=b"q 1 1 1 rg 50 400 500 80 re f Q")))
        page[generic.NameObject("/Contents")] = generic.ArrayObject(parts)
        writer.update_container(page)
    return _update(pdf, change)


def add_annotation(pdf: bytes) -> bytes:
    def change(writer, page):
        note = generic.DictionaryObject({
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
            generic.NameObject("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (100, 100, 300, 150)]),
            generic.NameObject("/Contents"): generic.TextStringObject("Approved: 1,000,000 CHF"),
            generic.NameObject("/DA"): generic.TextStringObject("/Helv 12 Tf 0 g")})
        annots = page.get("/Annots")
        page[generic.NameObject("/Annots")] = generic.ArrayObject([*(annots or []), writer.add_object(note)])
        writer.update_container(page)
    return _update(pdf, change)


def change_info(pdf: bytes) -> bytes:
    def change(writer, _page):
        ref = writer.trailer.raw_get("/Info")
        ref.get_object()[generic.NameObject("/Title")] = generic.TextStringObject("Forged title")
        writer.mark_update(ref)
    return _update(pdf, change)


def append_bytes(pdf: bytes) -> bytes:
    return pdf + b"\n99 0 obj\n<< /Length 9 >>\nstream\nBT ET q Q\nendstream\nendobj\n"


FORGERIES = {"replace content": (replace_content, "page 1's text was changed"),
             "add content": (add_content, "page 1's text was changed"),
             "add annotation": (add_annotation, "an annotation was added to page 1"),
             "change /Info": (change_info, "the document information was changed (title)"),
             "append bytes": (append_bytes, "bytes were added to the file")}
