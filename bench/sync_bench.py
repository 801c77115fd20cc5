"""The bureau server's speed, against a throwaway PostgreSQL made for the run (tests/bureau/pgserver.py):

    .venv/bin/python bench/sync_bench.py [--size 10000]

- first sync of a bureau of SIZE circulars to a new desk (the server seeded in SQL);
- an incremental sync of 100 changes made on another desk;
- finalize latency (a joined signatory's desk: push, number under the counter lock, pull), median of 9;
- the GUI thread's longest stall while a real window (offscreen) syncs 100 changes on its store thread
  (target under 30 ms), measured by a 5 ms timer on the GUI thread.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bureau"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psycopg  # noqa: E402
from bureautools import Bureau, Desk, draft  # noqa: E402
from pgserver import start_server  # noqa: E402

from circular_editor.bureau import sync  # noqa: E402
from circular_editor.paths import example  # noqa: E402
from circular_editor.store import Repository  # noqa: E402


def seed(bureau: Bureau, size: int) -> None:
    content = json.loads(example("tsb-circular-92").read_text(encoding="utf-8"))
    content["reference"] = ""
    with psycopg.connect(bureau.admin, autocommit=True) as conn:
        conn.execute("INSERT INTO ce.circulars (gid, bureau, version, status, content, deleted, seq, saved_by, "
                     "saved_at) SELECT gen_random_uuid(), 'tsb', 1, 'draft', %s::jsonb || jsonb_build_object("
                     "'subject', 'تعميم رقم ' || n), false, 0, '', now() FROM generate_series(1, %s) AS n",
                     (json.dumps(content), size))


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def gui_stall(bureau: Bureau, tmp: Path) -> tuple[float, int]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from circular_editor.ui.app import setup_application
    from circular_editor.ui.mainwindow import MainWindow
    from circular_editor.ui.settings import Settings
    from circular_editor.ui.storeclient import StoreClient

    name, dsn = bureau.person("assistant")
    with Repository(tmp / "gui" / "db") as store:
        store.join(dsn.rsplit(" password=", 1)[0], "tsb")
        sync.sync(store, lambda *_: dsn.rsplit("password=", 1)[1])
    app = QApplication.instance() or QApplication([])
    window = MainWindow(StoreClient(tmp / "gui" / "db"), Settings(tmp / "gui.ini"), setup_application(app, "ar"),
                        arabic=True)
    window.show()
    window.bureau.password = dsn.rsplit("password=", 1)[1]
    window.start()
    while window.bureau.busy or window.client.pending:
        app.processEvents()
    other = Desk(bureau, tmp / "other-gui")
    with Repository(other.folder) as store:
        store.save_many([draft(f"تغيير {n}") for n in range(100)])
    other.sync()
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
    timer = QTimer(interval=5, timeout=tick)
    timer.start()
    window.bureau.sync_now()
    while window.bureau.busy or window.client.pending:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    pulled = len(window.list_pane.model.summaries)
    window.close()
    window.client.close()
    return max(gaps) * 1000, pulled


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    args = parser.parse_args()
    server = start_server()
    tmp = Path(tempfile.mkdtemp())
    try:
        bureau = Bureau(server, tmp)
        seed(bureau, args.size)
        desk = Desk(bureau, tmp / "new", "signatory")
        first = timed(lambda: desk.sync())
        with Repository(desk.folder, read_only=True) as store:
            count = len(store)
        other = Desk(bureau, tmp / "other")
        with Repository(other.folder) as store:
            store.save_many([draft(f"تغيير {n}") for n in range(100)])
        other.sync()
        incremental = timed(lambda: desk.sync())
        latencies = []
        for n in range(9):
            record_id = desk.save(draft(f"للإنهاء {n}"))
            desk.sync()
            latencies.append(timed(lambda: desk.finalize(record_id)))
        stall, shown = gui_stall(bureau, tmp)
        print(f"first sync of a {args.size:,}-circular bureau to a new desk: {first / 1000:.1f} s ({count:,} here)")
        print(f"incremental sync of 100 changes: {incremental:.0f} ms")
        print(f"finalize (push, number, pull): median {statistics.median(latencies):.0f} ms, "
              f"max {max(latencies):.0f} ms")
        print(f"GUI thread's longest stall while the window synced 100 changes: {stall:.1f} ms "
              f"(target < 30 ms; {shown} circulars in its list)")
    finally:
        server.stop("immediate")


if __name__ == "__main__":
    main()
