"""kill -9 in the middle of saves, again and again; after each kill the store must open
with every acknowledged save present and no record half-written.

    .venv/bin/python bench/store_crash.py [--rounds 500]

A child process opens the store and saves without pause (new circulars, edits,
finalize), printing `ok ID MARK` after each save returns; the parent waits for a
chosen number of acknowledged saves plus a random extra, then kills it while it
is inside a later save (at a random moment of it), opens the store and checks
it. Marks only grow, so an edit that was acknowledged can only be followed by a
later one, never lost. What is checked is correctness, never a speed: the rounds
take as long as the machine needs. The test suite runs the same rounds
(tests/store/test_crash.py).
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = ("يسعدني أن أحيطكم علماً بأن الاتحاد الدولي للاتصالات بالتعاون مع لجنة الأمم المتحدة الاقتصادية "
             "لأوروبا بصدد تنظيم الاجتماع السابع لمبادرة متحدون من أجل مدن ذكية مستدامة. ") * 6


def circular_dict(mark: int) -> dict:
    return {"format": "itu-circular/1", "style": ("tsb", "sg", "bdt")[mark % 3], "date": "2024-03-01",
            "reference": "", "addressees": ["إدارات الدول الأعضاء"], "subject": f"موضوع {mark}",
            "body": [{"type": "paragraph", "text": PARAGRAPH} for _ in range(4)]}


def child(folder: str, seed: int) -> None:
    from circular_editor.model import Circular
    from circular_editor.store import Repository

    rng = random.Random(seed)
    mark = seed * 1_000_000
    with Repository(folder) as store:
        print("ready", flush=True)
        while True:
            mark += 1
            ids = [s.id for s in store.search()]
            action = rng.random()
            if not ids or action < 0.4:
                record = store.save(Circular.from_dict(circular_dict(mark)))
            elif action < 0.9:
                record_id = rng.choice(ids)
                edited = store.get(record_id).circular
                edited.subject = f"موضوع {mark}"
                record = store.save(edited, record_id)
            else:
                record = store.finalize(rng.choice(ids))
                print(f"final {record.id} {record.circular.reference}", flush=True)
                continue
            print(f"ok {record.id} {mark}", flush=True)


def one_round(folder: Path, seed: int, rng: random.Random, after: int) -> tuple[int, int, bool]:
    """Run, kill after `after` + a random extra acknowledged saves, and check; returns (acknowledged saves,
    records, whether a write was cut short)."""
    from circular_editor.store import Repository

    process = subprocess.Popen([sys.executable, __file__, "--child", str(folder), str(seed)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline()
    if first.strip() != "ready":
        process.kill()
        raise AssertionError(f"the writer did not start: {first!r} {process.stderr.read()[-2000:]}")
    wanted = after + rng.randint(0, after)
    lines = []
    while sum(line.startswith("ok ") for line in lines) < wanted:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"the writer stopped by itself: {process.stderr.read()[-2000:]}")
        lines.append(line.rstrip("\n"))
    time.sleep(rng.uniform(0.0, 0.01))  # somewhere inside one of the next saves
    os.kill(process.pid, signal.SIGKILL)
    out, _ = process.communicate()
    cut_short = bool(list(folder.glob(".tmp-*")) + list(folder.glob("history/.tmp-*")))
    acknowledged: dict[int, int] = {}
    finals: dict[int, str] = {}
    for line in lines + out.splitlines():
        parts = line.split(" ", 2)
        if parts[0] == "ok":
            acknowledged[int(parts[1])] = int(parts[2])
        elif parts[0] == "final" and len(parts) == 3:
            finals[int(parts[1])] = parts[2]
    with Repository(folder) as store:
        references = {}
        for summary in store.search():
            record = store.get(summary.id)  # validates the whole circular
            assert record.circular.subject.startswith("موضوع "), record.circular.subject
            if record.circular.reference:
                assert record.circular.reference not in references, f"{record.circular.reference} given twice"
                references[record.circular.reference] = summary.id
        for record_id, mark in acknowledged.items():
            saved = int(store.get(record_id).circular.subject.split()[1])
            assert saved >= mark, f"#{record_id}: acknowledged save {mark} lost (found {saved})"
        for record_id, reference in finals.items():
            assert store.get(record_id).circular.reference == reference, f"#{record_id}: reference lost"
        assert not list(folder.glob(".tmp-*")), "temporary files left after open"
        return len(acknowledged), len(store), cut_short


def run_rounds(rounds: int, folder: Path, seed: int = 1, after: int = 5) -> tuple[int, int, int]:
    """Returns (acknowledged saves, records at the end, rounds that killed a write half-way)."""
    rng = random.Random(seed)
    saves = records = cut = 0
    for n in range(rounds):
        acknowledged, records, cut_short = one_round(folder, seed * 10_000 + n, rng, after)
        saves += acknowledged
        cut += cut_short
    return saves, records, cut


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "SEED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        saves, records, cut = run_rounds(args.rounds, Path(folder))
        elapsed = time.perf_counter() - start
    print(f"{args.rounds} kills -9 mid-save: store opened every time, {saves} acknowledged saves all found, "
          f"{records} records at the end, none half-written; {cut} kills landed inside a write "
          f"(a temporary file was left) ({elapsed:.0f} s)")


if __name__ == "__main__":
    main()
