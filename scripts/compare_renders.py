"""Did any ink move? Renders the examples with a git revision and with the working tree, rasterises
both at 600 dpi (pdftoppm) and compares them pixel by pixel.

    .venv/bin/python scripts/compare_renders.py [REVISION]      (default: HEAD)

Per page it prints how many pixels differ, and the largest grey-level difference left once each pixel
may match anything within one device pixel around it (0 to 255): ink that moved by less than a device
pixel leaves only anti-aliasing differences there, ink that moved further (or changed) leaves up to 255.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
DPI = 600


def render(tree: Path, example: Path, out: Path) -> list[Path]:
    pdf = out.with_suffix(".pdf")
    subprocess.run([sys.executable, "-m", "circular_editor", "render", str(example), "-o", str(pdf)],
                   cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}, check=True,
                   capture_output=True)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(pdf), str(out)], check=True)
    return sorted(out.parent.glob(out.name + "-*.pgm"))


def beyond_one_pixel(a: Image.Image, b: Image.Image) -> int:
    """The largest amount by which a pixel of `a` lies outside the range of `b` around it (3x3)."""
    low, high = b.filter(ImageFilter.MinFilter(3)), b.filter(ImageFilter.MaxFilter(3))
    return max(ImageChops.subtract(a, high).getextrema()[1], ImageChops.subtract(low, a).getextrema()[1])


def main() -> None:
    revision = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), revision], cwd=ROOT, check=True)
        try:
            worst = 0
            for example in sorted((ROOT / "examples").glob("*.json")):
                before = render(base, example, Path(folder) / f"{example.stem}-before")
                after = render(ROOT, example, Path(folder) / f"{example.stem}-after")
                if len(before) != len(after):
                    print(f"{example.stem}: {len(before)} pages before, {len(after)} after")
                    worst = 255
                    continue
                for number, (one, two) in enumerate(zip(before, after), 1):
                    a, b = Image.open(one), Image.open(two)
                    differing = a.width * a.height - ImageChops.difference(a, b).histogram()[0]
                    moved = max(beyond_one_pixel(a, b), beyond_one_pixel(b, a))
                    worst = max(worst, moved)
                    print(f"{example.stem} page {number}: {differing:,} pixels differ; "
                          f"beyond one device pixel: {moved}")
            print(f"worst beyond one device pixel: {worst} (255: some ink moved further)")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
