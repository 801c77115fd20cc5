"""Start-up cost of the imports: what `python -X importtime` says the command line and the editor's window
take to import, here and in another checkout of the program (a revision to compare against), alternated in
one run so that a busy machine weighs on both alike.

    git worktree add /tmp/before <revision>
    .venv/bin/python bench/import_bench.py [--other /tmp/before] [--runs 15]

Prints, for each module, the median cumulative import time (microseconds, a fresh interpreter each run)
and the ratio to the other checkout's.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("circular_editor.cli", "circular_editor.ui.mainwindow")


def import_time(tree: Path, module: str) -> int:
    """Microseconds `module` took to import, with everything it imports, in a fresh interpreter on `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen"}
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"], env=env, cwd=tree,
                         capture_output=True, text=True, check=True).stderr
    found = re.search(rf"\|\s*(\d+) \| {re.escape(module)}$", err, re.M)
    if found is None:
        raise SystemExit(f"{module}: not in the importtime output of {tree}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, help="another checkout to compare against")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    trees = {"here": ROOT, **({"other": args.other.resolve()} if args.other else {})}
    for module in MODULES:
        times: dict[str, list[int]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name, tree in trees.items():  # (alternated: both see the same machine)
                times[name].append(import_time(tree, module))
        here = statistics.median(times["here"])
        line = f"{module:<32} {here / 1000:7.1f} ms"
        if args.other:
            other = statistics.median(times["other"])
            line += f"   other {other / 1000:7.1f} ms   ratio {here / other:.2f}"
        print(line)


if __name__ == "__main__":
    main()
