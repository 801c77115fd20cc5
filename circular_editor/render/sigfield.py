"""The letter's empty signature fields: one per signatory block, over the room under its note.

A signatory signs by filling their field (signing/sign.py, through pyHanko): the field is part of
the letter as rendered, so the structure tree names it from the start, and a signature adds nothing
but its value and its appearance: the file stays PDF/UA-1 (a widget inside a /Form element, named by
/TU) and PDF/A-2 (an appearance, printed), before any signature and after each.
"""
from __future__ import annotations

from reportlab.pdfbase import pdfdoc

from circular_editor.defaults import signature_field_name
from circular_editor.render.archive import RawStream
from circular_editor.render.tagging import Element, structure_of
from circular_editor.typeset.pdffont import pdf_text


class SignatureWidget(pdfdoc.PDFObject):
    """A signature field merged with its widget annotation, empty: an empty appearance (PDF/A wants one
    on every widget), the Print flag, its name for a screen reader in /TU."""

    def __init__(self, name: str, label: str, rect: tuple[float, float, float, float], page: int):
        self.name, self.label, self.rect, self.page = name, label, rect, page
        self.struct_parent: int | None = None

    def format(self, document) -> bytes:
        x0, y0, x1, y1 = self.rect
        box = f"[0 0 {x1 - x0:.2f} {y1 - y0:.2f}]"
        appearance = document.Reference(RawStream({"Type": "/XObject", "Subtype": "/Form", "BBox": box}, b"",
                                                  compress=False))
        page = document.Reference(document.Pages.pages[self.page])
        parent = f" /StructParent {self.struct_parent}" if self.struct_parent is not None else ""
        name, label = (pdf_text(pdfdoc.PDFString(value), document) for value in (self.name, self.label))
        return (f"<< /Type /Annot /Subtype /Widget /FT /Sig /T {name} /TU {label}"
                f" /Rect [{x0:.2f} {y0:.2f} {x1:.2f} {y1:.2f}] /F 4 /P {pdf_text(page, document)}"
                f" /AP << /N {pdf_text(appearance, document)} >>{parent} >>").encode("latin-1")


class _Form:
    """The document's AcroForm: its signature fields, written when the document is saved."""

    def __init__(self, doc):
        self.fields: list[SignatureWidget] = []
        doc.delayedFonts.append(self)

    def addObjects(self, doc) -> None:  # ReportLab's name: called once, when the PDF is written
        if self.fields:
            fields = pdfdoc.PDFArray([doc.Reference(field) for field in self.fields])
            doc.Catalog.AcroForm = pdfdoc.PDFDictionary({"Fields": fields})


_ATTR = "_circular_editor_form"


def add_signature_field(canvas, index: int, label: str, rect: tuple[float, float, float, float],
                        block: Element) -> None:
    """The empty field of signatory `index` over `rect` on the current page, a /Form element of `block`."""
    form = getattr(canvas, _ATTR, None)
    if form is None:
        form = _Form(canvas._doc)
        setattr(canvas, _ATTR, form)
    widget = SignatureWidget(signature_field_name(index), label, rect, canvas.getPageNumber() - 1)
    form.fields.append(widget)
    canvas._addAnnotation(widget)
    structure_of(canvas).annotated(canvas, widget, block.child("Form", alt=label))
