"""Renders every page of the three samples to docs/images/<sample>-<page>.png at 60 dpi.

    .venv/bin/python docs/render_samples.py     (needs pdftoppm from poppler-utils)
"""
import subprocess
import tempfile
from pathlib import Path

from circular_editor.model import Circular
from circular_editor.render import render_pdf
from circular_editor.paths import examples

OUT = Path(__file__).resolve().parent / "images"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for path in examples():
            pdf = Path(tmp) / f"{path.stem}.pdf"
            pdf.write_bytes(render_pdf(Circular.from_json(path.read_text(encoding="utf-8"))))
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(OUT / path.stem)], check=True)
    for png in sorted(OUT.glob("*-*.png")):
        print(png)


if __name__ == "__main__":
    main()
