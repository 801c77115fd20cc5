"""What readers copy from our PDFs: character error rate per reader, against the text as typed.

    .venv/bin/python bench/extraction.py

Every body paragraph and list item of the examples, plus a fully vocalised paragraph and one mixing
(ITU), (U4SSC), a URL, an e-mail and a phone number into Arabic, each laid out alone on a page as the
letters are; each page read by poppler, PDFium, pdf.js and MuPDF (tests/readers.py). Prints the CER
per reader (all paragraphs pooled: total edits / total characters) and the mean of the four, then the
vocalised and mixed paragraphs alone. Targets (issue 12): mean under 4 %, no reader above 10 %, the
vocalised paragraph under 2 % in every reader.

Last, whether the tags change anything: each example letter rendered whole, read by each reader as it
is and with its tags stripped (tests/readers.py `untagged`), and the characters that differ counted.
"""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from circular_editor import markup  # noqa: E402
from readers import (MIXED, READERS, VOCALISED, cer, example_paragraphs, normalise, paragraph_pdf,  # noqa: E402
                     pdfjs_available, untagged)


def main() -> None:
    readers = {name: read for name, read in READERS.items() if name != "pdf.js" or pdfjs_available()}
    paragraphs = example_paragraphs()
    texts = paragraphs + [VOCALISED, MIXED]
    typed = [normalise(markup.plain(text)) for text in texts]
    totals = {name: [0.0, 0] for name in readers}
    special = {}
    with tempfile.TemporaryDirectory() as folder:
        pdf = paragraph_pdf(texts, Path(folder) / "paragraphs.pdf")  # one page each, each reader called once
        for name, read in readers.items():
            pages = read(pdf)
            assert len(pages) == len(texts), (name, len(pages))
            for text, page, wanted in zip(texts, pages, typed):
                rate = cer(page, wanted)
                if text in (VOCALISED, MIXED):
                    special.setdefault("vocalised" if text == VOCALISED else "mixed", {})[name] = rate
                else:
                    totals[name][0] += rate * len(wanted)
                    totals[name][1] += len(wanted)
    rates = {name: edits / count for name, (edits, count) in totals.items()}
    chars = next(iter(totals.values()))[1]
    print(f"{len(paragraphs)} paragraphs of the examples ({chars:,} characters), CER per reader:")
    print("  " + "  ".join(f"{name} {rate:6.1%}" for name, rate in rates.items())
          + f"   mean {sum(rates.values()) / len(rates):.1%}")
    for label, by_reader in special.items():
        print(f"{label} paragraph: " + "  ".join(f"{name} {rate:6.1%}" for name, rate in by_reader.items()))
    if "pdf.js" not in readers:
        print("(pdf.js left out: node or .tools/pdfjs missing; scripts/setup.sh installs it)")
    print("targets: mean < 4 %, no reader > 10 %, vocalised < 2 % in every reader")
    tags_against_none(readers)


def tags_against_none(readers) -> None:
    from rapidfuzz.distance import Levenshtein

    from circular_editor.model import Circular
    from circular_editor.paths import examples
    from circular_editor.render import render_pdf

    print("whole letters, tagged against the same without tags (characters that differ in what is copied):")
    with tempfile.TemporaryDirectory() as folder:
        for path in examples():
            pdf = Path(folder) / f"{path.stem}.pdf"
            pdf.write_bytes(render_pdf(Circular.from_json(path.read_bytes())))
            plain = untagged(pdf, Path(folder) / f"{path.stem}-untagged.pdf")
            counts = {name: Levenshtein.distance("\f".join(read(pdf)), "\f".join(read(plain)))
                      for name, read in readers.items()}
            print(f"  {path.stem:16}" + "  ".join(f"{name} {n}" for name, n in counts.items()))


if __name__ == "__main__":
    main()
