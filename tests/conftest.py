import os
import re
import subprocess
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# What the program caches (paths.cache_dir) goes to a folder of this run, not the user's.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="circular-editor-test-cache-")

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdftotext(path, *args) -> str:
    """Text of a PDF as poppler's pdftotext gives it, without the bidi marks it adds."""
    out = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return _BIDI_CONTROLS.sub("", out)


def draw_to_pdf(path, layout, x=90, top=700, size=12):
    """Draw one laid-out paragraph on a page of a real PDF file."""
    from reportlab.pdfgen.canvas import Canvas

    from circular_editor.typeset import draw_paragraph

    canvas = Canvas(str(path))
    draw_paragraph(canvas, layout, x, top, size)
    canvas.save()
    return path


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory):
    """Each example rendered whole, once per run: {its name: (the circular, its PDF file)}."""
    from circular_editor.model import Circular
    from circular_editor.paths import examples
    from circular_editor.render import render_pdf

    folder = tmp_path_factory.mktemp("examples")
    out = {}
    for path in examples():
        circular = Circular.from_json(path.read_bytes())
        pdf = folder / f"{path.stem}.pdf"
        pdf.write_bytes(render_pdf(circular))
        out[path.stem] = (circular, pdf)
    return out
