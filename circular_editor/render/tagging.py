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

_ATTR = "_circular_editor_structure"


class Element:
    """A structure element: a standard PDF role (P, H1, Table, TR, TH, TD, L, LI, Lbl, LBody, Div,
    Figure, Document) and its kids in reading order: child elements, and marked content as
    (page index, MCID) as it is drawn."""

    __slots__ = ("role", "parent", "alt", "kids")

    def __init__(self, role: str, parent: Element | None = None, alt: str | None = None):
        self.role, self.parent, self.alt = role, parent, alt
        self.kids: list = []
        if parent is not None:
            parent.kids.append(self)

    def child(self, role: str, alt: str | None = None) -> Element:
        return Element(role, self, alt)


class _Marked:
    """A row part drawn as marked content of `element` (the part itself is unchanged and shared)."""

    __slots__ = ("part", "element")

    def __init__(self, part, element: Element):
        self.part, self.element = part, element

    def __call__(self, canvas, top: float) -> None:
        structure = structure_of(canvas)
        structure.begin(canvas, self.element)
        self.part(canvas, top)
        canvas._code.append("EMC")


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
        doc.delayedFonts.append(self)

    def begin(self, canvas, element: Element) -> None:
        """Open a marked-content sequence of `element` on the current page (close it with EMC)."""
        page = canvas.getPageNumber() - 1
        while len(self.pages) <= page:
            self.pages.append([])
        marks = self.pages[page]
        element.kids.append((page, len(marks)))
        canvas._code.append(f"/{element.role} <</MCID {len(marks)}>> BDC")
        marks.append(element)

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
        parent_tree = doc.Reference(_Written(lambda d: "<< /Nums [" + " ".join(
            f"{k} [{' '.join(_n(ref, d) for ref in marks)}]" for k, marks in nums) + "] >>"))
        tree = doc.Reference(_Written(lambda d: (
            f"<< /Type /StructTreeRoot /K [{_n(refs[id(self.root)], d)}] /ParentTree {_n(parent_tree, d)} "
            f"/ParentTreeNextKey {len(self.pages)} >>")))
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
        home = next((kid[0] for kid in element.kids if kid.__class__ is tuple), None)  # its first mark's page
        kids = []
        for kid in element.kids:
            if kid.__class__ is Element:
                if id(kid) in refs:
                    kids.append(_n(refs[id(kid)], d))
            elif kid[0] == home:
                kids.append(str(kid[1]))
            else:  # a paragraph that goes on to the next page
                kids.append(f"<< /Type /MCR /Pg {_n(pages[kid[0]], d)} /MCID {kid[1]} >>")
        entries = [f"/Type /StructElem /S /{element.role} /P {_n(parent, d)}"]
        if home is not None:
            entries.append(f"/Pg {_n(pages[home], d)}")
        entries.append(f"/K [{' '.join(kids)}]")
        if element.alt:
            entries.append(f"/Alt {_n(pdfdoc.PDFString(element.alt), d)}")
        return "<< " + " ".join(entries) + " >>"
    return text


class _Written(pdfdoc.PDFObject):
    """An object written as the text `text(document)` gives. ReportLab's own dictionaries took 0.1 ms
    each to write: as those, a tree of 300 elements made a 10-page re-render 50 % slower."""

    def __init__(self, text):
        self.text = text

    def format(self, document) -> bytes:
        return self.text(document).encode("latin-1")


def _n(obj, document) -> str:
    """A reference (or a string) as the PDF writes it."""
    if obj.__class__ is pdfdoc.PDFObjectReference:
        return "%d %d R" % document.idToObjectNumberAndVersion[obj.name]
    return obj.format(document).decode("latin-1")


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
