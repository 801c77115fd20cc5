"""Warm time to lay out and draw the body paragraphs of each sample, against fpdf2.

Prints, per example in examples/: our median warm time (shaping cache
kept, as when the preview re-renders), our median with the shaping and subset caches cleared
before each run, and fpdf2 (text shaping on, same font, same text, justified)
in the same process, with the ratio. Each run writes the PDF to bytes.

Then a long mixed paragraph (Arabic with harakat, Latin, numbers, URLs, e-mails,
phone numbers) of 2,000 to 20,000 characters: laid out and drawn with the caches
cleared; after one character in its middle changed, laid out whole again and laid
out from the kept paragraph (relayout.py, as when the preview re-renders after a
keystroke); and after a character typed in its middle. Targets (issue 8): 20,000
characters under 0.3 s, growth close to linear, one edit under 60 ms.

    .venv/bin/python bench/typeset_bench.py [--runs N]
"""
import argparse
import io
import json
import re
import statistics
import time
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from circular_editor.typeset import ParagraphStyle, Span, draw_paragraph, layout_paragraph
from circular_editor.typeset import relayout, shaping, subset
from circular_editor.typeset.fonts import FONT_DIR
from circular_editor.paths import examples

WIDTH = 453  # A4 less 2 x 71 pt margins
MARKUP = re.compile(r"\*\*|\[([^\]]*)\]\([^)]*\)")


def body_texts(sample: Path) -> list[str]:
    circular = json.loads(sample.read_text(encoding="utf-8"))
    texts = []
    for block in circular["body"]:
        texts.extend(block["items"] if block["type"] == "list" else [block["text"]])
    return [MARKUP.sub(lambda m: m.group(1) or "", t) for t in texts]


def ours(texts: list[str]) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    top = 800
    style = ParagraphStyle(size=12)
    for text in texts:
        layout = layout_paragraph([Span(text)], WIDTH, style)
        if top - layout.height < 60:
            canvas.showPage()
            top = 800
        top = draw_paragraph(canvas, layout, 71, top, 12) - 6
    canvas.save()
    return buf.getvalue()


def ours_cold_caches(texts: list[str]) -> bytes:
    relayout.forget()
    shaping._grouped_harfbuzz.cache_clear()
    subset._subset.cache_clear()
    return ours(texts)


def fpdf2(texts: list[str]) -> bytes:
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("Amiri", "", str(FONT_DIR / "Amiri-Regular.ttf"))
    pdf.set_font("Amiri", size=12)
    pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ar")
    for text in texts:
        pdf.multi_cell(w=WIDTH * 25.4 / 72, h=6, text=text, align="J")
        pdf.ln(2)
    return bytes(pdf.output())


PIECES = ["يسعدني أن أحيطكم علماً بأن", "الاتحاد الدولي للاتصالات (ITU)", "بالتعاون مع لجنة الأمم المتحدة",
          "مبادرة U4SSC", "في 20 يونيو 2023", "على الموقع https://www.itu.int/ar/Pages/default.aspx",
          "أو بالهاتف +41 22 730 5111", "عَلَّمَ الإِنْسَانَ مَا لَمْ يَعْلَمْ", "البريد tsbsg@itu.int", "WSIS+15 Forum 2023"]


def long_paragraph(length: int) -> str:
    words = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(PIECES[len(words) % len(PIECES)])
    return " ".join(words)[:length]


def long_paragraph_ms(length: int, runs: int) -> tuple[float, float, float, float]:
    """Medians of: laid out and drawn with empty caches; then one character in its middle replaced,
    laid out whole again (shaping cache warm, nothing kept); the same edit laid out from the kept
    paragraph (as when the preview re-renders after a keystroke); a character typed in its middle."""
    text = long_paragraph(length)
    edited = text[:length // 2] + "ب" + text[length // 2 + 1:]
    typed = text[:length // 2] + "ب" + text[length // 2:]
    times: list[list[float]] = [[], [], [], []]

    def timed(k: int, paragraph: str) -> None:
        start = time.perf_counter()
        ours([paragraph])
        times[k].append((time.perf_counter() - start) * 1000)

    for _ in range(runs):
        shaping._grouped_harfbuzz.cache_clear()
        relayout.forget()
        timed(0, text)
        relayout.forget()
        timed(1, edited)
        ours([text])
        timed(2, edited)
        ours([text])
        timed(3, typed)
    return tuple(statistics.median(t) for t in times)


def median_ms(fn, texts, runs: int) -> float:
    fn(texts)  # warm up: imports, font loading
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(texts)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"{'sample':<24}{'chars':>7}{'ours warm':>12}{'ours no cache':>15}{'fpdf2':>10}{'fpdf2/ours':>12}")
    for sample in examples():
        texts = body_texts(sample)
        warm = median_ms(ours, texts, args.runs)
        cold = median_ms(ours_cold_caches, texts, args.runs)
        other = median_ms(fpdf2, texts, max(3, args.runs // 3))
        chars = sum(len(t) for t in texts)
        print(f"{sample.stem:<24}{chars:>7}{warm:>10.1f}ms{cold:>13.1f}ms{other:>8.1f}ms"
              f"{other / warm:>11.1f}x")
    print(f"\n{'long mixed paragraph':<22}{'chars':>7}{'cold':>9}{'per 2,000':>11}{'edit, whole':>13}"
          f"{'edit, kept':>12}{'typed, kept':>13}")
    base = None
    for length in (2_000, 5_000, 10_000, 20_000):
        cold, whole, edit, typed = long_paragraph_ms(length, max(3, args.runs // 3))
        base = base or cold
        print(f"{'':<22}{length:>7}{cold:>7.1f}ms{cold / base * 2_000 / length:>10.2f}x{whole:>11.1f}ms"
              f"{edit:>10.1f}ms{typed:>11.1f}ms")
    print("targets: 20,000 characters < 300 ms, per-2,000 ratio near 1 (linear), one edit < 60 ms")


if __name__ == "__main__":
    main()
