"""The text four PDF readers copy from a PDF, and the character error rate against what was typed.

    poppler (Evince, pdftotext)  pdftotext
    PDFium (Chrome, Edge)        pypdfium2
    pdf.js (Firefox)             the pdfjs-dist npm package run by node (scripts/setup.sh installs it)
    MuPDF                        pymupdf

A plain module (not a conftest): the extraction tests and bench/extraction.py share it.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[1]
PDFJS_DIR = ROOT / ".tools" / "pdfjs"
PDFJS_SCRIPT = Path(__file__).resolve().parent / "data" / "pdfjs_text.mjs"
_CONTROLS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def normalise(text: str) -> str:
    """What a person compares: NFC, no bidi or zero-width controls, runs of white space as one space."""
    text = _CONTROLS.sub("", unicodedata.normalize("NFC", text)).replace("\u00a0", " ")
    return " ".join(text.split())


def poppler(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]  # pdftotext ends every page with a form feed


def _in_a_process_of_its_own(reader: str, pdf: Path) -> list[str]:
    """PDFium and MuPDF read in a child process: the test process also runs Qt, and PDFium allows one
    call at a time per process, and MuPDF carries its own copies of libraries Qt loads too."""
    done = subprocess.run([sys.executable, __file__, reader, str(pdf)], capture_output=True, check=True,
                          timeout=120)
    return json.loads(done.stdout)


def pdfium(pdf: Path) -> list[str]:
    return _in_a_process_of_its_own("PDFium", pdf)


def _pdfium_here(pdf: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def pdfjs_available() -> bool:
    return shutil.which("node") is not None and (PDFJS_DIR / "node_modules" / "pdfjs-dist").is_dir()


def pdfjs(pdf: Path) -> list[str]:
    module = PDFJS_DIR / "node_modules" / "pdfjs-dist" / "legacy" / "build" / "pdf.mjs"
    done = subprocess.run(["node", str(PDFJS_SCRIPT), str(pdf), str(module)], capture_output=True, text=True,
                          check=True, timeout=120)
    return json.loads(done.stdout)


def mupdf(pdf: Path) -> list[str]:
    return _in_a_process_of_its_own("MuPDF", pdf)


def _mupdf_here(pdf: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(str(pdf)) as document:
        return [page.get_text() for page in document]


READERS = {"poppler": poppler, "PDFium": pdfium, "pdf.js": pdfjs, "MuPDF": mupdf}  # each: the text of every page


def untagged(pdf: Path, out: Path) -> Path:
    """The same PDF without its tags: marked-content operators out of the page streams, no structure
    tree. (MuPDF writes it, in a process of its own as it reads.)"""
    subprocess.run([sys.executable, __file__, "untagged", str(pdf), str(out)], check=True, timeout=120)
    return out


_MARKED_CONTENT = re.compile(rb"^(/\w+ <<[^>]*>> BDC|EMC)\n", re.M)  # one operator a line, as tagging.py writes


def _untagged_here(pdf: Path, out: Path) -> None:
    import pymupdf

    with pymupdf.open(str(pdf)) as document:
        for page in document:
            for xref in page.get_contents():
                document.update_stream(xref, _MARKED_CONTENT.sub(b"", document.xref_stream(xref)))
            document.xref_set_key(page.xref, "StructParents", "null")
        catalog = document.pdf_catalog()
        for key in ("StructTreeRoot", "MarkInfo"):
            document.xref_set_key(catalog, key, "null")
        document.save(str(out), garbage=1)


def cer(extracted: str, typed: str) -> float:
    """Character error rate: edits to turn what the reader copied into what was typed, per typed character."""
    from rapidfuzz.distance import Levenshtein

    a, b = normalise(extracted), normalise(typed)
    return Levenshtein.distance(a, b) / max(1, len(b))


def paragraph_pdf(text: str | list[str], path: Path, width: float = 451.0, size: float = 12.0) -> Path:
    """A paragraph (with its inline markup) alone on an A4 page, laid out and drawn as the letters are;
    for a list of paragraphs, one page each."""
    from circular_editor import markup
    from circular_editor.typeset import ParagraphStyle, draw_paragraph, layout_paragraph

    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for paragraph in [text] if isinstance(text, str) else text:
        style = ParagraphStyle(size=size, rtl=markup.right_to_left(None, paragraph))  # (its own direction)
        layout = layout_paragraph(list(markup.parse(paragraph)), width, style)
        draw_paragraph(canvas, layout, 72, 780, size)
        canvas.showPage()
    canvas.save()
    path.write_bytes(buffer.getvalue())
    return path


def example_paragraphs() -> list[str]:
    """Every body paragraph and list item of the examples, as typed."""
    from circular_editor.paths import examples

    out = []
    for path in examples():
        for block in json.loads(path.read_text(encoding="utf-8"))["body"]:
            out += [block["text"]] if block["type"] == "paragraph" else block["items"]
    return [p for p in out if p.strip()]


def letter_passages(circular) -> list[str]:
    """What a whole letter must copy as, passage by passage: the subject with its label, each body
    paragraph with its number, each list item with its marker, the closing (as typed)."""
    from circular_editor import markup, styles
    from circular_editor.defaults import resolve
    from circular_editor.model import Paragraph

    style = styles.load(circular.style)
    own = resolve(circular, style)
    out = [f"{style.label('subject')} {markup.plain(circular.subject)}"]
    n = 0
    for block in circular.body:
        if isinstance(block, Paragraph):
            if block.text.strip():
                n += 1
                number = style.markers.paragraph_number.format(n=n) + " " if own.numbered_paragraphs else ""
                out.append(number + markup.plain(block.text))
        else:
            for k, item in enumerate((i for i in block.items if i.strip()), 1):
                marker = style.markers.ordered.format(n=k) if block.ordered else style.markers.bullet
                out.append(f"{marker} {markup.plain(item)}")
    if own.closing.strip():
        out.append(markup.plain(own.closing))
    return out


def edits_in_context(passage: str, copied: str) -> int:
    """Edits between `passage` and the stretch of a whole page's copied text that matches it best
    (found by rapidfuzz's partial alignment, its ends then moved up to 12 characters either way)."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    passage, copied = normalise(passage), normalise(copied)
    found = fuzz.partial_ratio_alignment(passage, copied)
    best = len(passage)
    for start in range(max(0, found.dest_start - 12), found.dest_start + 13):
        for end in range(max(start + 1, found.dest_end - 12), min(len(copied), found.dest_end + 12) + 1):
            best = min(best, Levenshtein.distance(passage, copied[start:end], score_cutoff=best))
    return best


VOCALISED = ("إِنَّ الاتِّحَادَ الدَّوْلِيَّ لِلاتِّصَالاتِ يَسْعَى إِلَى تَوْصِيلِ العَالَمِ، وَيَعْمَلُ عَلَى "
             "تَيْسِيرِ التَّوْصِيلِيَّةِ الدَّوْلِيَّةِ فِي شَبَكَاتِ الاتِّصَالاتِ.")
MIXED = ("يعقد الاتحاد الدولي للاتصالات (ITU) ومبادرة (U4SSC) اجتماعاً يُعلَن عنه على https://www.itu.int/u4ssc، "
         "وللاستفسار يرجى مراسلة tsbsg@itu.int أو الاتصال بالرقم +41 22 730 5111.")


if __name__ == "__main__":  # python readers.py PDFium|MuPDF FILE: the text as JSON (see _in_a_process_of_its_own)
    if sys.argv[1] == "untagged":  # python readers.py untagged FILE OUT
        _untagged_here(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        read_here = {"PDFium": _pdfium_here, "MuPDF": _mupdf_here}[sys.argv[1]]
        sys.stdout.write(json.dumps(read_here(Path(sys.argv[2]))))
