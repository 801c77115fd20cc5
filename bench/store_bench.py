"""Store speed at 1,000 and 10,000 circulars of realistic size (~6 KB of Arabic each).

    .venv/bin/python bench/store_bench.py [--sizes 1000 10000]

For our repository: open (a new process's Repository(), backups included),
save one (an edit of an existing circular, with its history), first search
(folded, every word: it parses every shard, which opening no longer does; the
editor does it on the store's thread just after opening), search (again),
list (all summaries, sorted). The same operations on TinyDB with its default
JSONStorage, for comparison. Targets at 10,000: open < 300 ms, save < 50 ms,
search < 100 ms.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from tinydb import Query, TinyDB

from circular_editor.model import Circular
from circular_editor.store import Repository
from circular_editor.store.search import fold, searchable_text

WORDS = ("الاتحاد الدولي للاتصالات مكتب تقييس الاتصالات الاجتماع السابع لمبادرة متحدون من أجل مدن ذكية "
         "مستدامة الأمم المتحدة التنمية الرقمية أصحاب المصلحة المنتدى القمة العالمية لمجتمع المعلومات "
         "التوصيلية الهادفة التحول الرقمي البلدان النامية الدول الأعضاء القطاع الخاص الهيئات الأكاديمية").split()


def synthetic(n: int, rng: random.Random) -> dict:
    def sentence(k: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(k))
    return {"format": "itu-circular/1", "style": ("tsb", "sg", "bdt")[n % 3],
            "date": f"{2015 + n % 10}-{1 + n % 12:02}-{1 + n % 28:02}", "reference": f"REF-{n}",
            "addressees": [sentence(5) for _ in range(4)], "copy_to": [sentence(4) for _ in range(2)],
            "contact": {"email": "tsbsg@itu.int", "phone": "+41 22 730 5111"},
            "subject": f"{sentence(10)} {n}", "body": [{"type": "paragraph", "text": sentence(70)} for _ in range(5)]}


def timed(action, runs: int = 1) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def ours(folder: Path, docs: list[dict]) -> dict[str, float]:
    with Repository(folder) as store:
        store.save_many([Circular.from_dict(d) for d in docs])
    figures = {"open": timed(lambda: Repository(folder).close(), 3)}
    with Repository(folder) as store:
        figures["first search"] = timed(lambda: store.search("مدن ذكيه مستدامه"))
        record = store.get(len(docs) // 2)
        def edit():
            record.circular.subject += " ."
            store.save(record.circular, record.id)
        figures["save one"] = timed(edit, 9)
        figures["search"] = timed(lambda: store.search("مدن ذكيه مستدامه"), 9)
        figures["list"] = timed(lambda: store.search(), 9)
    return figures


def tinydb_default(path: Path, docs: list[dict]) -> dict[str, float]:
    with TinyDB(path, ensure_ascii=False) as db:
        db.insert_multiple({"status": "draft", "content": d} for d in docs)
    figures = {}

    def open_and_read():
        with TinyDB(path) as db:
            len(db)
    figures["open"] = timed(open_and_read, 3)
    with TinyDB(path, ensure_ascii=False) as db:
        figures["save one"] = timed(lambda: db.update({"status": "final"}, doc_ids=[len(docs) // 2]), 3)
        words = fold("مدن ذكيه مستدامه").split()
        figures["search"] = timed(lambda: db.search(Query().content.test(
            lambda c: all(w in searchable_text(c) for w in words))), 3)
        figures["first search"] = figures["search"]
        figures["list"] = timed(lambda: sorted(db.all(), key=lambda d: d["content"]["date"]), 3)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    rng = random.Random(1)
    print(f"{'circulars':>10}  {'store':<22}{'open':>10}{'save one':>10}{'1st search':>11}{'search':>10}{'list':>10}"
          "   (ms)")
    for size in args.sizes:
        docs = [synthetic(n, rng) for n in range(size)]
        kb = sum(len(Circular.from_dict(d).to_json().encode()) for d in docs[:100]) / 100 / 1024
        with tempfile.TemporaryDirectory() as tmp:
            for name, run in (("ours (sharded, atomic)", lambda: ours(Path(tmp) / "ours", docs)),
                              ("TinyDB JSONStorage", lambda: tinydb_default(Path(tmp) / "default.json", docs))):
                f = run()
                print(f"{size:>10}  {name:<22}{f['open']:>10.1f}{f['save one']:>10.1f}{f['first search']:>11.1f}"
                      f"{f['search']:>10.1f}{f['list']:>10.1f}")
        print(f"{'':>10}  ({kb:.1f} KB per circular as itu-circular/1 JSON)")
    print("targets at 10,000: open < 300 ms, save < 50 ms, search < 100 ms")


if __name__ == "__main__":
    main()
