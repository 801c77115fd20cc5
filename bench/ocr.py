"""How well OCR (tesseract, Arabic) reads our pages against fpdf2's and LibreOffice's, on the same text.

    .venv/bin/python bench/ocr.py [--no-libreoffice]

The body paragraphs of each example, set on A4 pages at 12 pt in Amiri, justified, by our engine (at the
letters' leading, and at other leadings and without kashida to find what OCR minds), by fpdf2 and by a
running LibreOffice (bench/render_bench.py's); each page rasterised at 300 dpi (pdftoppm) and read by
tesseract 5 (`-l ara`, installed with apt when missing). Prints the character error rate of each against
the typed text (whitespace folded), per example and pooled.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from rapidfuzz.distance import Levenshtein
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))

import render_bench  # noqa: E402

from circular_editor import markup, styles  # noqa: E402
from circular_editor.model import Circular, Paragraph  # noqa: E402
from circular_editor.paths import examples  # noqa: E402
from circular_editor.typeset import ParagraphStyle, draw_paragraph, layout_paragraph  # noqa: E402

WIDTH = 595.28 - 2 * 70.87  # A4 less fpdf2's 25 mm margins


def ours(body: list[str], leading: float, kashida: bool = True) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    top = 841.89 - 70.87
    style = ParagraphStyle(size=12, leading=leading, kashida=kashida)
    for text in body:
        layout = layout_paragraph(list(markup.parse(text)), WIDTH, style)
        if top - layout.height < 70.87:
            canvas.showPage()
            top = 841.89 - 70.87
        top = draw_paragraph(canvas, layout, 70.87, top, 12) - 6
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def ocr(pdf: bytes, work: Path) -> str:
    (work / "page.pdf").write_bytes(pdf)
    for old in work.glob("page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(work / "page.pdf"), str(work / "page")], check=True)
    texts = []
    for image in sorted(work.glob("page-*.png")):
        done = subprocess.run(["tesseract", str(image), "-", "-l", "ara", "--psm", "4"], capture_output=True,
                              text=True, check=True)
        texts.append(done.stdout)
    return "\n".join(texts)


def folded(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def cer(read: str, typed: str) -> tuple[int, int]:
    return Levenshtein.distance(folded(read), folded(typed)), len(folded(typed))


def main() -> None:
    if not shutil.which("tesseract"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "tesseract-ocr", "tesseract-ocr-ara"], check=True)
    work = Path(tempfile.mkdtemp())
    office = None if "--no-libreoffice" in sys.argv else render_bench.libreoffice(work)
    leading = styles.load("tsb").type.leading
    makers = {f"ours (leading {leading})": lambda body: ours(body, leading),
              "ours, leading 1.45 (before)": lambda body: ours(body, 1.45),
              "ours, no kashida": lambda body: ours(body, leading, kashida=False),
              "fpdf2": lambda body: render_bench.fpdf2(body)[2]}
    if office is not None:
        makers["LibreOffice"] = lambda body: office.convert(body, f"ocr{abs(hash(tuple(body)))}")[2]
    pooled = {name: [0, 0] for name in makers}
    for path in examples():
        circular = Circular.from_json(path.read_bytes())
        body = [markup.plain(block.text) for block in circular.body if isinstance(block, Paragraph)
                and block.text.strip()]
        typed = "\n".join(body)
        line = [f"{path.stem:16}"]
        for name, make in makers.items():
            edits, length = cer(ocr(make(body), work), typed)
            pooled[name][0] += edits
            pooled[name][1] += length
            line.append(f"{name} {100 * edits / length:5.1f}%")
        print("  ".join(line))
    print("pooled: " + "  ".join(f"{name} {100 * e / n:.1f}%" for name, (e, n) in pooled.items()))
    if office is not None:
        office.close()


if __name__ == "__main__":
    main()
