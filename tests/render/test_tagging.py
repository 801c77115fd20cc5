"""Tagged PDF (issue 12): the structure tree of each example, read back by pdfplumber (pdfminer),
pdf.js and poppler, and what the four readers copy, which the tags must not change."""
import json
import re
import subprocess
from collections import Counter
from dataclasses import dataclass

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text
from readers import READERS, pdfjs_available, untagged

from circular_editor import markup
from circular_editor.model import Circular, ListBlock, Paragraph
from circular_editor.paths import examples
from circular_editor.render import render_pdf

EXAMPLES = {path.stem: path for path in examples()}


def _letters_of(text: str) -> Counter:
    """What a piece of text is made of, whatever the order a reader or the drawing puts it in: its
    characters without white space and the zero width joiner textless glyphs are copied as."""
    return Counter(ch for ch in text if not ch.isspace() and ch != "\u200d")


@dataclass
class Node:
    """A structure element as read back: its role, its text (its marked content and its child elements'
    but a label's, on every page it runs over, in its /K order), its /Alt and its child elements."""

    role: str
    text: str
    alt: str | None
    children: list


def _structure(document) -> Node:
    """The structure tree's root element, read with pdfminer from the PDF's objects. (pdfplumber's own
    PDFStructTree is not used: it gives a paragraph's marks on the next page the first page's number.)"""
    marks: dict = {}  # (page object number, MCID) -> the text drawn in it
    for page in document.pages:
        for char in page.chars:
            if char["mcid"] is not None:
                key = (page.page_obj.pageid, char["mcid"])
                marks[key] = marks.get(key, "") + char["text"]

    def node(ref) -> Node:
        element = resolve1(ref)
        text, children = "", []
        for kid in _kids(element):
            if isinstance(kid, tuple):
                text += marks.get(kid, "")
            else:
                children.append(node(kid))
                if children[-1].role != "Lbl":  # (a paragraph's number is not its text)
                    text += children[-1].text
        alt = element.get("Alt")
        return Node(element["S"].name, text, decode_text(alt) if alt is not None else None, children)

    (root,) = resolve1(resolve1(document.doc.catalog["StructTreeRoot"])["K"])
    return node(root)


def _elements(element: Node, role: str):
    if element.role == role:
        yield element
    for child in element.children:
        yield from _elements(child, role)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_drawn_character_is_content_of_an_element_or_page_furniture(rendered_examples, name):
    _, pdf = rendered_examples[name]
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            loose = [c["text"] for c in page.chars if c["mcid"] is None and c["tag"] != "Artifact"]
            assert not loose, f"page {page.page_number}: drawn outside any element: {''.join(loose)!r}"
            furniture = "".join(c["text"] for c in page.chars if c["tag"] == "Artifact")
            # page 1's footer (the organisation's address) is read; later pages' number and reference are not
            assert bool(furniture) == (page.page_number > 1), f"page {page.page_number}: furniture {furniture!r}"


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_paragraph_and_list_item_is_an_element_holding_its_text(rendered_examples, name):
    circular, pdf = rendered_examples[name]
    with pdfplumber.open(pdf) as document:
        root = _structure(document)
    assert root.role == "Document"
    paragraphs = [p for p in root.children if p.role == "P"]
    drawn = [_letters_of(p.text) for p in paragraphs]
    numbers = [label.text for p in paragraphs for label in p.children if label.role == "Lbl"]
    items = [_letters_of(body.text) for body in _elements(root, "LBody")]
    body = [block for block in circular.body if not isinstance(block, Paragraph) or block.text.strip()]
    for block in body:
        if isinstance(block, Paragraph):
            assert _letters_of(markup.plain(block.text)) in drawn, block.text[:40]
        else:
            assert isinstance(block, ListBlock)
            for item in block.items:
                assert _letters_of(markup.plain(item)) in items, item[:40]
    if numbers:  # numbered paragraphs: each number a label (Lbl) of its paragraph, read before its text
        count = sum(isinstance(block, Paragraph) for block in body)
        assert ["".join(ch for ch in n if ch.isdigit()) for n in numbers] == [str(k) for k in range(1, count + 1)]


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_letter_reads_in_order_header_table_subject_heading_body(rendered_examples, name):
    circular, pdf = rendered_examples[name]
    with pdfplumber.open(pdf) as document:
        root = _structure(document)
    roles = [child.role for child in root.children]
    assert roles[0] == "Div"  # the letterhead: the emblem (with its text) and its lines
    figure = root.children[0].children[0]
    assert figure.role == "Figure" and figure.alt == "شعار الاتحاد الدولي للاتصالات"
    table = next(child for child in root.children if child.role == "Table")
    subject = roles.index("H1") if "H2" not in roles else roles.index("H2")  # H2 under a title line
    assert roles.index("Table") < subject < roles.index("P", subject)
    heading = root.children[subject]
    label = heading.children[0]
    assert label.role == "Span" and _letters_of(label.text) == _letters_of("الموضوع:")
    assert _letters_of(heading.text) == _letters_of("الموضوع:" + markup.plain(circular.subject))
    cells = [[cell.role for cell in row.children] for row in table.children]
    assert all(row == ["TH", "TD"] for row in cells), cells
    shown_contact = [v for v in (circular.contact or {}).values() if v.strip()]
    assert len(cells) >= len(shown_contact) + 1  # the contact rows and the addressees' row at least


def _kids(element):
    """An element's /K in order: each mark as (page object number, MCID), each child element as its
    reference."""
    home = element["Pg"].objid if "Pg" in element else None
    kids = resolve1(element["K"])
    for kid in kids if isinstance(kids, list) else [kids]:
        if isinstance(kid, int):
            yield home, kid
        elif resolve1(kid).get("Type") is not None and resolve1(kid)["Type"].name == "MCR":
            yield resolve1(kid)["Pg"].objid, resolve1(kid)["MCID"]
        elif resolve1(kid).get("Type") is not None and resolve1(kid)["Type"].name == "OBJR":
            continue  # an annotation (a link's, a signature field's): no text of its own
        else:
            yield kid


def _held(tree) -> dict[int, set[tuple[int, int]]]:
    """Each structure element (by object number) -> the (page object number, MCID) its /K holds."""
    out: dict = {}

    def walk(ref) -> None:
        held = out.setdefault(ref.objid, set())
        for kid in _kids(resolve1(ref)):
            if isinstance(kid, tuple):
                held.add(kid)
            else:
                walk(kid)

    for ref in resolve1(tree["K"]):
        walk(ref)
    return out


@pytest.mark.parametrize("name", EXAMPLES)
def test_parent_tree_gives_back_the_element_holding_each_marked_sequence(rendered_examples, name):
    """A reader goes from a mark on the page to its element through /StructParents and the parent
    tree; the element's /K must hold that mark, and no mark is held twice."""
    _, pdf = rendered_examples[name]
    with pdfplumber.open(pdf) as document:
        catalog = document.doc.catalog
        assert resolve1(catalog["MarkInfo"])["Marked"] is True
        tree = resolve1(catalog["StructTreeRoot"])
        held = _held(tree)
        nums = resolve1(resolve1(tree["ParentTree"])["Nums"])
        parents = {nums[k]: resolve1(nums[k + 1]) for k in range(0, len(nums), 2)}
        for page in document.pages:
            used = {c["mcid"] for c in page.chars if c["mcid"] is not None}  # (the emblem's draws no text)
            elements = parents[page.page_obj.attrs["StructParents"]]
            assert used <= set(range(len(elements)))
            for mcid, ref in enumerate(elements):
                assert (page.page_obj.pageid, mcid) in held[ref.objid], (page.page_number, mcid)
        marks = [mark for element in held.values() for mark in element]
        assert len(marks) == len(set(marks)), "a marked sequence held by two elements"


def test_a_paragraph_running_onto_the_next_page_is_one_element(tmp_path):
    data = json.loads(EXAMPLES["tsb-circular-92"].read_text(encoding="utf-8"))
    long = "يرجى من الدول الأعضاء والأعضاء القطاعيين تقديم مساهماتهم قبل الاجتماع بوقت كاف. " * 40
    data["body"] = [{"type": "paragraph", "text": long}]
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(render_pdf(Circular.from_json(json.dumps(data).encode())))
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) >= 2
        root = _structure(document)
        tree = resolve1(document.doc.catalog["StructTreeRoot"])
        pages_held = [{page for page, _ in marks} for marks in _held(tree).values()]
    assert [_letters_of(p.text) for p in root.children if p.role == "P"].count(_letters_of(long)) == 1
    assert sum(len(pages) == 2 for pages in pages_held) == 1  # that paragraph, and no other element


def test_poppler_reads_the_tree_without_an_error(rendered_examples):
    for _, pdf in rendered_examples.values():
        done = subprocess.run(["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True, check=True)
        assert not done.stderr.strip(), done.stderr
        roles = re.findall(r"^\s*(\w+)", done.stdout, re.M)
        assert roles[0] == "Document" and {"Table", "TR", "TH", "TD", "P", "Figure"} <= set(roles)


@pytest.mark.parametrize("reader", READERS)
def test_tags_change_nothing_any_reader_copies(rendered_examples, reader, tmp_path):
    """Measured when tagging landed: poppler, PDFium, pdf.js and MuPDF copy every example's text
    character for character the same with and without its tags."""
    if reader == "pdf.js" and not pdfjs_available():
        pytest.skip("pdf.js is not installed (scripts/setup.sh installs it with npm)")
    for name, (_, pdf) in rendered_examples.items():
        plain = untagged(pdf, tmp_path / f"{name}-untagged.pdf")
        assert READERS[reader](pdf) == READERS[reader](plain), name
