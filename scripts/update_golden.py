"""Rewrite tests/render/golden/ from the current renderer: on purpose, when the output is meant to change.

    .venv/bin/python scripts/update_golden.py

Review `git diff tests/render/golden/` before committing: every line that moved is listed there.
"""
import hashlib
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests" / "render"
sys.path.insert(0, str(TESTS))

from golden import dump  # noqa: E402

from circular_editor.model import Circular  # noqa: E402
from circular_editor.paths import examples  # noqa: E402
from circular_editor.render import render_pdf  # noqa: E402


def main() -> None:
    folder = TESTS / "golden"
    folder.mkdir(exist_ok=True)
    for path in examples():
        pdf = render_pdf(Circular.from_json(path.read_bytes()))
        (folder / f"{path.stem}.txt").write_text(dump(pdf), encoding="utf-8")
        (folder / f"{path.stem}.sha256").write_text(f"{hashlib.sha256(pdf).hexdigest()}  {path.stem}.pdf\n",
                                                    encoding="ascii")
        print(f"{path.stem}: {len(pdf):,} bytes")


if __name__ == "__main__":
    main()
