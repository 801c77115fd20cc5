"""Tagged PDF: the letter's structure tree and the marked content it points into.

A screen reader, a reflowing viewer or an accessibility checker reads a letter through its structure
tree: which lines make a paragraph, the subject heading, the header block's labels and values, a
list's items, in reading order; page numbers, running headers and the footer are marked as artifacts
(page furniture, not read). The catalog says /MarkInfo << /Marked true >> and /Lang (document.py).

The elements are made while the letter is composed (compose.py), in reading order; a row's drawing
parts are wrapped so that each line draws inside `/S <</MCID n>> BDC ... EMC`, n counted per page.
Rows themselves are shared by the layout cache (text.py), so they are never changed: the wrappers
are new rows around the same parts. The tree is written when the document is saved, through the same
ReportLab hook as the fonts (`delayedFonts`), once every page exists.

Measured (bench/extraction.py, tests/render/test_tagging.py): poppler, PDFium, pdf.js and MuPDF copy
exactly the same text from a letter with and without its tags.
"""
from __future__ import annotations

from reportlab.pdfbase import pdfdoc

from circular_editor.render.flow import Row
from circular_editor.typeset.draw import LinePlan, LinkAnnotation, Piece
from circular_editor.typeset.pdffont import pdf_text

_ATTR = "_circular_editor_structure"


class Element:
    """A structure element: a standard PDF role (P, H1, Table, TR, TH, TD, L, LI, Lbl, LBody, Div,
    Figure, Document) and its kids in reading order: child elements, and marked content as
    (page index, MCID) as it is drawn."""

    __slots__ = ("role", "parent", "alt", "kids", "scope", "lang", "spans_text", "text_span")

    def __init__(self, role: str, parent: Element | None = None, alt: str | None = None):
        self.role, self.parent, self.alt = role, parent, alt
        self.scope: str | None = None  # a TH's: Row (the header block's labels name their row)
        self.lang: str | None = None  # where it differs from the document's (/Lang)
        # Its text goes into Span kids, where it has other kids (a Lbl, a Link, a Latin phrase): an
        # element holds either marked content or elements, so that the order of the tree is the
        # order of its marks as every reader walks it (some take an element's own marks first).
        self.spans_text = False
        self.text_span: Element | None = None  # the Span its text goes on in, till another kid comes
        self.kids: list = []
        if parent is not None:
            parent.kids.append(self)

    def child(self, role: str, alt: str | None = None) -> Element:
        return Element(role, self, alt)

    def header_of_row(self) -> Element:
        """A TH cell that names its row (PDF/UA-1 7.5: every TH says what it heads)."""
        cell = self.child("TH")
        cell.scope = "Row"
        return cell


class _Marked:
    """A row part drawn as marked content of `element` (the part itself is unchanged and shared)."""

    __slots__ = ("part", "element")

    def __init__(self, part, element: Element):
        self.part, self.element = part, element

    def __call__(self, canvas, top: float) -> None:
        structure = structure_of(canvas)
        if self.part.__class__ is LinePlan:  # a line marks its own pieces (its links, its Latin phrases)
            self.part(canvas, top, _LineMarks(structure, self.element))
            return
        structure.begin(canvas, self.element)
        self.part(canvas, top)
        canvas._code.append("EMC")


class _LineMarks:
    """The marks of one line of `element` as it is drawn (typeset/draw.py `Marks`): its own text is
    the element's content; a link is a /Link element holding its words and the OBJR of its
    annotation; a Latin phrase is marked content with /Lang en (the document is /Lang ar)."""

    __slots__ = ("structure", "element", "links", "open")

    def __init__(self, structure: Structure, element: Element):
        self.structure, self.element = structure, element
        self.links: dict[str, Element] = {}
        self.open = False

    def begin(self, canvas, piece: Piece) -> str:
        element = self.element
        if piece.link:
            element = self.links.get(piece.link)
            if element is None:
                element = self.links[piece.link] = self.element.child("Link")
                element.lang = piece.lang
        elif element.spans_text:
            span = element.text_span
            if span is None or element.kids[-1] is not span:  # another kid came since: a new Span
                span = element.text_span = element.child("Span")
            element = span
        self.open = True
        # A Latin phrase is a marked-content sequence with its /Lang (ISO 32000 14.9.2.2), as Word and
        # LibreOffice write them: no element of its own (a /Span element per phrase made a long letter's
        # file 36 % bigger and its re-render 19 % slower).
        return self.structure.mark(canvas, element, None if piece.link else piece.lang)

    def annotated(self, canvas, annotation: LinkAnnotation, target: str) -> None:
        link = self.links.get(target)
        if link is not None:
            self.structure.annotated(canvas, annotation, link)


class _Artifact:
    __slots__ = ("part", "properties")

    def __init__(self, part, properties: str):
        self.part, self.properties = part, properties

    def __call__(self, canvas, top: float) -> None:
        canvas._code.append(f"/Artifact {self.properties} BDC")
        self.part(canvas, top)
        canvas._code.append("EMC")


def tag(rows: list[Row], element: Element) -> list[Row]:
    """The same rows, each part drawn as content of `element`."""
    element.spans_text = element.spans_text or any(kid.__class__ is Element for kid in element.kids) or any(
        part.__class__ is LinePlan and part.links for row in rows for part in row.parts)
    return [Row(row.height, tuple(_Marked(part, element) for part in row.parts)) for row in rows]


def artifact(rows: list[Row], where: str) -> list[Row]:
    """The same rows marked as page furniture: `where` is Header or Footer (a page number, the running
    reference line, the organisation's address)."""
    properties = f"<</Type /Pagination /Subtype /{where}>>"
    return [Row(row.height, tuple(_Artifact(part, properties) for part in row.parts)) for row in rows]


class Structure:
    """The structure tree of one document being drawn; get it with `structure_of(canvas)`."""

    def __init__(self, doc, root: Element):
        self.root = root
        self.pages: list[list[Element]] = [[]]  # per page: the element each MCID belongs to
        self.annotations: list[tuple[LinkAnnotation, Element]] = []  # each tagged annotation, its element
        doc.delayedFonts.append(self)

    def begin(self, canvas, element: Element) -> None:
        """Open a marked-content sequence of `element` on the current page (close it with EMC)."""
        canvas._code.append(self.mark(canvas, element))

    def mark(self, canvas, element: Element, lang: str | None = None) -> str:
        """The BDC operator of a new marked-content sequence of `element` on the current page, in
        language `lang` where it is not the element's."""
        page = canvas.getPageNumber() - 1
        while len(self.pages) <= page:
            self.pages.append([])
        marks = self.pages[page]
        element.kids.append((page, len(marks)))
        marks.append(element)
        if lang:
            return f"/{element.role} <</Lang ({lang}) /MCID {len(marks) - 1}>> BDC"
        return f"/{element.role} <</MCID {len(marks) - 1}>> BDC"

    def annotated(self, canvas, annotation: LinkAnnotation, element: Element) -> None:
        """`annotation`, on the current page, belongs to `element` (an OBJR among its kids)."""
        element.kids.append(_ObjectRef(annotation, canvas.getPageNumber() - 1))
        self.annotations.append((annotation, element))

    def addObjects(self, doc) -> None:  # ReportLab's name: called once, when the PDF is written
        pages = [doc.Reference(page) for page in doc.Pages.pages]
        refs: dict[int, pdfdoc.PDFObjectReference] = {}
        kept = self._register(self.root, doc, refs)  # (element, its object), parents first
        nums = []
        for k, marks in enumerate(self.pages):
            if k < len(pages) and marks:
                page = doc.Pages.pages[k]
                page.StructParents = k
                page.Tabs = pdfdoc.PDFName("S")  # tab order: the structure's
                page.__NoDefault__ = pdfdoc.PDFPage.__NoDefault__ + ["StructParents", "Tabs"]
                nums.append((k, [refs[id(e)] for e in marks]))
        owners = []  # an annotation's key in the parent tree -> its element (after the pages' keys)
        for key, (annotation, element) in enumerate(self.annotations, len(self.pages)):
            annotation.struct_parent = key
            owners.append((key, refs[id(element)]))
        parent_tree = doc.Reference(_Written(lambda d: "<< /Nums [" + " ".join(
            [f"{k} [{' '.join(pdf_text(ref, d) for ref in marks)}]" for k, marks in nums]
            + [f"{k} {pdf_text(ref, d)}" for k, ref in owners]) + "] >>"))
        tree = doc.Reference(_Written(lambda d: (
            f"<< /Type /StructTreeRoot /K [{pdf_text(refs[id(self.root)], d)}] /ParentTree {pdf_text(parent_tree, d)} "
            f"/ParentTreeNextKey {len(self.pages) + len(owners)} >>")))
        for element, written in kept:
            parent = refs[id(element.parent)] if element.parent is not None else tree
            written.text = _element_text(element, parent, refs, pages)
        doc.Catalog.StructTreeRoot = tree
        doc.Catalog.MarkInfo = pdfdoc.PDFDictionary({"Marked": "true"})

    @staticmethod
    def _register(root: Element, doc, refs: dict) -> list[tuple[Element, _Written]]:
        """Give every element that holds anything an object (written once its text is set) and a
        number (an element names its parent and its kids by number); the elements kept with their
        objects, parents first. The root is always kept."""
        holds: dict[int, bool] = {}
        for element in _bottom_up(root):
            holds[id(element)] = any(kid.__class__ is not Element or holds[id(kid)] for kid in element.kids)
        kept, stack = [], [root]
        while stack:
            element = stack.pop()
            if element is root or holds[id(element)]:
                written = _Written(None)
                refs[id(element)] = doc.Reference(written)
                kept.append((element, written))
                stack.extend(reversed([kid for kid in element.kids if kid.__class__ is Element]))
        return kept


def _element_text(element: Element, parent, refs: dict, pages: list):
    """The StructElem dictionary of `element` as text(document): its marks on its own page (/Pg) as
    MCIDs, those on a later page as marked-content references."""
    def text(d) -> str:
        home = next((kid[0] if kid.__class__ is tuple else kid.page for kid in element.kids
                     if kid.__class__ is not Element), None)  # the page of its first mark or annotation
        kids = []
        for kid in element.kids:
            if kid.__class__ is Element:
                if id(kid) in refs:
                    kids.append(pdf_text(refs[id(kid)], d))
            elif kid.__class__ is _ObjectRef:
                annotation, page = pdf_text(d.Reference(kid.annotation), d), pdf_text(pages[kid.page], d)
                kids.append(f"<< /Type /OBJR /Obj {annotation} /Pg {page} >>")
            elif kid[0] == home:
                kids.append(str(kid[1]))
            else:  # a paragraph that goes on to the next page
                kids.append(f"<< /Type /MCR /Pg {pdf_text(pages[kid[0]], d)} /MCID {kid[1]} >>")
        entries = [f"/Type /StructElem /S /{element.role} /P {pdf_text(parent, d)}"]
        if home is not None:
            entries.append(f"/Pg {pdf_text(pages[home], d)}")
        if len(kids) == 1 and element.kids[0].__class__ is _ObjectRef:
            # a signature field's element holds its OBJR alone, as the /K itself: the path pyHanko's
            # check of a later signature recognises (…/K/Obj) as a field's place in the tree
            entries.append(f"/K {kids[0]}")
        else:
            entries.append(f"/K [{' '.join(kids)}]")
        if element.alt:
            entries.append(f"/Alt {pdf_text(pdfdoc.PDFString(element.alt), d)}")
        if element.lang:
            entries.append(f"/Lang {pdf_text(pdfdoc.PDFString(element.lang), d)}")
        if element.scope:
            entries.append(f"/A << /O /Table /Scope /{element.scope} >>")
        return "<< " + " ".join(entries) + " >>"
    return text


class _ObjectRef:
    """A kid of an element that is an object of a page (a link's annotation): an OBJR when written."""

    __slots__ = ("annotation", "page")

    def __init__(self, annotation: LinkAnnotation, page: int):
        self.annotation, self.page = annotation, page


class _Written(pdfdoc.PDFObject):
    """An object written as the text `text(document)` gives. ReportLab's own dictionaries took 0.1 ms
    each to write: as those, a tree of 300 elements made a 10-page re-render 50 % slower."""

    def __init__(self, text):
        self.text = text

    def format(self, document) -> bytes:
        return self.text(document).encode("latin-1")


def _bottom_up(root: Element):
    """Every element under `root` (itself included), children before their parents."""
    order, stack = [], [root]
    while stack:
        element = stack.pop()
        order.append(element)
        stack.extend(kid for kid in element.kids if kid.__class__ is Element)
    return reversed(order)


def new_structure(canvas, root: Element) -> Structure:
    structure = Structure(canvas._doc, root)
    setattr(canvas, _ATTR, structure)
    return structure


def structure_of(canvas) -> Structure:
    return getattr(canvas, _ATTR)
