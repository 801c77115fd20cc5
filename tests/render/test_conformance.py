"""Every circular's PDF is PDF/A-2u and PDF/UA-1, as every checker that runs here sees it (issue 27).

The letters: the examples, the unseen-text letters of tests/data/letters (English paragraphs, phones and
links in running text, vocalised text, markup, four signatories), a 100-page circular, and a joint
letter signed by its four signatories in turn. The checkers: outloud (PDF/UA-1 Matterhorn checkpoints),
pikepdf's PDF/A-2b rules, qpdf --check, PDFBox Preflight where it applies, and the 2u rule of our own
(tests/conformance.py). Then one test per structure rule, read back from the file.
"""
from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

import pikepdf
import pdfplumber
import pytest
from fontTools.ttLib import TTFont

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from certs import ThrowawayCA  # noqa: E402
from conformance import (all_violations, as_2b_claims, failed_checkpoints, outloud_report,  # noqa: E402
                         pdfa_violations, preflight_available, preflight_errors, qpdf_problems, unmapped_codes)

from circular_editor.model import Circular  # noqa: E402
from circular_editor.paths import examples  # noqa: E402
from circular_editor.render.document import render  # noqa: E402
from circular_editor.signing import load_signer, sign_circular, verify_pdf  # noqa: E402

LETTERS = Path(__file__).resolve().parents[1] / "data" / "letters"
SOURCES = {path.stem: path for path in examples() + sorted(LETTERS.glob("*.json"))}


def _circular(name: str) -> Circular:
    return Circular.from_json(SOURCES[name].read_bytes())


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("conformance")
    out = {}
    for name in SOURCES:
        out[name] = folder / f"{name}.pdf"
        out[name].write_bytes(render(_circular(name)).pdf)
    data = json.loads(SOURCES["tsb-circular-92"].read_text(encoding="utf-8"))
    words = " ".join(block["text"] for block in data["body"] if block["type"] == "paragraph").split()
    data["body"] = []
    for k in range(280):  # paragraphs of the letter's own words, shuffled: no line repeats as a running header would
        random.Random(k).shuffle(words)
        data["body"].append({"type": "paragraph", "text": " ".join(words[:200])})
    long = render(Circular.from_dict(data)).pdf
    out["hundred-pages"] = folder / "hundred-pages.pdf"
    out["hundred-pages"].write_bytes(long)
    joint = _circular("joint-four-signatories")
    rendered = render(joint)
    signed, ca = rendered.pdf, ThrowawayCA()
    for index, person in enumerate(joint.signatories):
        signer = load_signer(ca.signer_p12(folder / f"{index}.p12", person.name), "secret")
        signed = sign_circular(signed, rendered.signature_rooms, joint, index, signer)
    out["signed-by-four"] = folder / "signed-by-four.pdf"
    out["signed-by-four"].write_bytes(signed)
    return out


ALL = [*SOURCES, "hundred-pages", "signed-by-four"]


def test_the_long_letter_is_a_hundred_pages_and_the_joint_one_holds_four_intact_signatures(pdfs, tmp_path):
    with pikepdf.open(pdfs["hundred-pages"]) as pdf:
        assert len(pdf.pages) >= 100
    reports = verify_pdf(pdfs["signed-by-four"].read_bytes())
    assert [(r.field, r.intact, r.changes) for r in reports] == [(f"Signatory{k}", True, ()) for k in range(1, 5)]


@pytest.mark.parametrize("name", ALL)
def test_pdf_ua_1_no_failed_checkpoint_and_no_error(pdfs, name):
    report = outloud_report(pdfs[name])
    assert failed_checkpoints(report) == []
    assert report["counts"]["error"] == 0, [f for f in report["findings"] if f["severity"] == "error"]
    # The warnings left are explained in the README (PDF/A and PDF/UA): contextual forms of one letter
    # mapping to it (TXT-004), and words only a viewer adds or a signature's date shows (TAG-003).
    assert {f["rule"] for f in report["findings"] if f["severity"] == "warning"} <= {"TXT-004", "TAG-003"}


@pytest.mark.parametrize("name", ALL)
def test_pdf_a_2b_rules_and_the_file_syntax(pdfs, name, tmp_path):
    assert pdfa_violations(pdfs[name]) == []
    assert all_violations(as_2b_claims(pdfs[name], tmp_path / "as-2b.pdf")) == []
    assert qpdf_problems(pdfs[name]) == ""


@pytest.mark.parametrize("name", ALL)
def test_pdf_a_2u_every_code_drawn_maps_to_unicode(pdfs, name):
    assert unmapped_codes(pdfs[name]) == []


@pytest.mark.skipif(not preflight_available(), reason="PDFBox Preflight is not installed (scripts/setup.sh)")
@pytest.mark.parametrize("name", ["tsb-circular-92", "vocalised-and-markup", "signed-by-four"])
def test_pdfbox_preflight_finds_nothing_pdf_a_2_forbids(pdfs, name):
    assert preflight_errors(pdfs[name]) == []


def test_the_2u_check_sees_a_code_with_no_text(pdfs, tmp_path):
    """The check of our own is not blind: a ToUnicode map lacking one code is caught."""
    broken = tmp_path / "broken.pdf"
    with pikepdf.open(pdfs["tsb-circular-92"]) as pdf:
        font = next(f for page in pdf.pages for f in page.Resources.Font.values())
        cmap = bytes(font.ToUnicode.read_bytes()).decode("latin-1")
        font.ToUnicode.write(cmap.replace("<0001> <", "<0001> <>%<", 1).encode("latin-1"))
        pdf.save(broken)
    assert unmapped_codes(broken)


# --- one test per structure rule ----------------------------------------------------------------------------

def _elements(pdf, role: str | None = None):
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                if role is None or kid.S == pikepdf.Name("/" + role):
                    yield kid
                stack.append(kid)


def _kids(element) -> list:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _marked_text(path: Path, element, page_numbers: dict) -> str:
    """The text an element's own MCIDs hold (on the element's page), as drawn."""
    page = page_numbers[element.Pg.objgen]
    mcids = {int(k) for k in _kids(element) if isinstance(k, int)}
    with pdfplumber.open(path) as document:
        return "".join(c["text"] for c in document.pages[page].chars if c["mcid"] in mcids)


def test_each_link_is_a_link_element_holding_its_words_and_its_annotation(pdfs):
    path = pdfs["english-and-numbers"]
    with pikepdf.open(path) as pdf:
        page_numbers = {page.obj.objgen: k for k, page in enumerate(pdf.pages)}
        links = list(_elements(pdf, "Link"))
        annotations = [a for page in pdf.pages for a in page.obj.get("/Annots", []) if a.Subtype == "/Link"]
        assert len(annotations) >= 4 and len(links) == len(annotations)
        owners = dict(zip(*[iter(pdf.Root.StructTreeRoot.ParentTree.Nums)] * 2))
        for annotation in annotations:
            assert int(annotation.F) & 4 and not int(annotation.F) & (2 | 32)  # printed; not hidden, not NoView
            link = owners[int(annotation.StructParent)]
            assert link.S == "/Link"
            objr = [k for k in _kids(link) if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
            assert [k.Obj.objgen for k in objr] == [annotation.objgen]
            words = _marked_text(path, link, page_numbers)
            letters = Counter(c for c in str(annotation.Contents) if not c.isspace())
            assert letters == Counter(c for c in words if not c.isspace() and c != "\u200d"), str(annotation.Contents)


def test_header_cells_name_their_rows(pdfs):
    with pikepdf.open(pdfs["english-and-numbers"]) as pdf:
        cells = list(_elements(pdf, "TH"))
        assert len(cells) >= 6
        assert all(cell.A.O == "/Table" and cell.A.Scope == "/Row" for cell in cells)


def test_a_list_item_holds_its_label_then_its_body(pdfs):
    with pikepdf.open(pdfs["english-and-numbers"]) as pdf:
        items = list(_elements(pdf, "LI"))
        roles = [[str(kid.S) for kid in _kids(item)] for item in items]
    numbered = [r for r in roles if len(r) == 2]
    assert len(numbered) == 3 and all(r == ["/Lbl", "/LBody"] for r in numbered), roles
    assert all(r in (["/Lbl", "/LBody"], ["/LBody"]) for r in roles)  # addressees: a body only (the dash is in it)


def test_latin_phrases_are_marked_english_and_nothing_else_is(pdfs):
    """Each Latin phrase is a marked-content sequence with /Lang en (the document is /Lang ar)."""
    path = pdfs["english-and-numbers"]
    english: dict[int, set] = {}
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "ar"
        for number, page in enumerate(pdf.pages):
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/Lang" in operands[1]:
                    assert str(operands[1].Lang) == "en"
                    english.setdefault(number, set()).add(int(operands[1].MCID))
    with pdfplumber.open(path) as document:
        texts = ["".join(c["text"] for c in document.pages[n].chars if c["mcid"] == mcid)
                 for n, mcids in english.items() for mcid in sorted(mcids)]
    assert any("Microsoft Word" in text for text in texts), texts
    assert any("Online registration" in text for text in texts), texts
    assert [text for text in texts if any("\u0600" <= c <= "\u06ff" for c in text)] == []


@pytest.mark.parametrize("name", ["english-and-numbers", "vocalised-and-markup", "bdt-dir-110"])
def test_every_width_in_a_font_dictionary_is_its_glyph_programs(pdfs, name, tmp_path):
    """ISO 19005-2 6.2.11.5: the /W width of each code is the advance of the glyph the embedded font draws
    for it (through CIDToGIDMap), to a unit in a thousand of the em."""
    with pikepdf.open(pdfs[name]) as pdf:
        fonts = {f.objgen: f for page in pdf.pages for f in page.Resources.Font.values()}
        assert fonts
        for font in fonts.values():
            cid_font = font.DescendantFonts[0]
            program = tmp_path / "font.ttf"
            program.write_bytes(bytes(cid_font.FontDescriptor.FontFile2.read_bytes()))
            ttf = TTFont(program)
            scale = 1000 / ttf["head"].unitsPerEm
            order = ttf.getGlyphOrder()
            gids = bytes(cid_font.CIDToGIDMap.read_bytes())
            first, widths = int(cid_font.W[0]), [float(w) for w in cid_font.W[1]]
            for cid, width in enumerate(widths, first):
                gid = int.from_bytes(gids[2 * cid:2 * cid + 2], "big")
                advance = ttf["hmtx"][order[gid]][0] * scale
                assert abs(advance - width) <= 1, (str(font.BaseFont), cid, gid, advance, width)
