"""Golden output: each example renders to exactly the committed glyphs, links and bytes.

A change that claims "output unchanged" is checked here. A change that means to
alter the output regenerates the files with `scripts/update_golden.py` and
commits them, so the diff of tests/render/golden/*.txt shows what moved.
"""
import difflib
import hashlib
from pathlib import Path

import pytest
from golden import dump

from circular_editor.model import Circular
from circular_editor.paths import examples
from circular_editor.render import render_pdf

GOLDEN = Path(__file__).resolve().parent / "golden"


def _first_differences(expected: str, actual: str, limit: int = 12) -> str:
    diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "now", n=0, lineterm="")
    return "\n".join(list(diff)[:limit])


@pytest.mark.parametrize("path", examples(), ids=lambda p: p.stem)
def test_example_renders_exactly_the_golden_output(path):
    pdf = render_pdf(Circular.from_json(path.read_bytes()))
    expected = (GOLDEN / f"{path.stem}.txt").read_text(encoding="utf-8")
    actual = dump(pdf)
    assert actual == expected, "drawn output moved:\n" + _first_differences(expected, actual)
    digest = (GOLDEN / f"{path.stem}.sha256").read_text(encoding="ascii").split()[0]
    assert hashlib.sha256(pdf).hexdigest() == digest, "same glyphs and links, but the PDF bytes differ"


def test_reportlab_runs_with_its_c_accelerator():
    """rl_accel is a dependency (same bytes, faster): ReportLab must be using it, not its Python fallback."""
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str.__module__ == "_rl_accel"
    assert rl_accel.asciiBase85Encode.__module__ == "_rl_accel"
