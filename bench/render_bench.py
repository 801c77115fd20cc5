"""Render speed of the three samples: warm (in process, median) and cold (the whole command).

    .venv/bin/python bench/render_bench.py [--runs 15]

Targets: TSB sample warm under 15 ms (issue 13; issue 3 asked for 100 ms); `circular-editor render`
cold under 150 ms (issue 13; issue 3 asked for 1.0 s).
"""
import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from circular_editor.model import Circular
from circular_editor.render import render_pdf
from circular_editor.paths import examples



def warm_ms(circular: Circular, runs: int) -> tuple[float, float]:
    first = time.perf_counter()
    render_pdf(circular)
    first = (time.perf_counter() - first) * 1000
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_pdf(circular)
        times.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(times)


def cold_s(path: Path, runs: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "circular_editor", "render", str(path), "-o", f"{out}/x.pdf"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"{'sample':<22}{'first':>10}{'warm (median)':>16}{'cold command':>15}{'pages':>7}")
    for path in examples():
        circular = Circular.from_json(path.read_text(encoding="utf-8"))
        first, warm = warm_ms(circular, args.runs)
        cold = cold_s(path, max(3, args.runs // 3))
        pages = render_pdf(circular).count(b"/Type /Page\n")
        print(f"{path.stem:<22}{first:>8.1f}ms{warm:>14.1f}ms{cold * 1000:>13.0f}ms{pages:>7}")
    print("targets: TSB warm < 15 ms, cold command < 150 ms")


if __name__ == "__main__":
    main()
