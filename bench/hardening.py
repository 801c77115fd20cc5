"""The store and the command line against kills, damage and hostile input (issue 15).

    .venv/bin/python bench/hardening.py [--rounds 100]

1. kill -9 during `import` (whole CLI processes importing batches of files): after each kill the
   store opens, and every circular whose import was acknowledged (printed) is there.
2. kill -9 during `restore-backup` (a damaged shard and a damaged meta.json, restored again and
   again): after each kill the store opens (finishing or dropping the restore) with every circular.
3. A damaged-file sweep: every store file kind (meta.json, a shard, a history, a draft, a backup's
   copy) damaged in each of several ways; each must open or be reported, never a traceback.
4. The worst accepted inputs: render time and peak memory of circulars at the limits `validate`
   accepts (targets: under 10 s and 500 MB).
5. Damage that still parses (issue 25): single-bit flips in every database file, shards replaced by `{}`,
   by another shard or by an older copy of themselves, shards deleted, and the newest backup damaged too;
   each run through the command line (`list`, then `restore-backup`, then `list` again).

Prints rounds, acknowledged circulars, circulars found afterwards and tracebacks seen (must be 0).
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from circular_editor.paths import example  # noqa: E402

CLI = [sys.executable, "-m", "circular_editor"]


def cli(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=120, **kwargs)


def circular_file(folder: Path, n: int) -> Path:
    data = json.loads(example("tsb-circular-92").read_text(encoding="utf-8"))
    data["reference"] = f"TSB Circular {1000 + n}"
    path = folder / f"in-{n}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def found_ids(db: Path) -> tuple[set[int] | None, str]:
    done = cli("list", "--db", db)
    if "Traceback" in done.stderr or "unexpected error" in done.stderr:
        return None, done.stderr
    if done.returncode != 0:
        return set(), done.stderr
    return {int(line.split()[0]) for line in done.stdout.splitlines() if line.strip()}, ""


def kill_import(rounds: int) -> None:
    acknowledged, tracebacks, lost = 0, 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "db"
        sources = [circular_file(tmp, n) for n in range(rounds * 4)]
        expected: set[int] = set()
        for r in range(rounds):
            batch = sources[r * 4:(r + 1) * 4]
            child = subprocess.Popen([*CLI, "import", "--db", str(db), *map(str, batch)], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
            time.sleep(random.uniform(0.05, 0.4))
            child.send_signal(signal.SIGKILL)
            out, err = child.communicate()
            tracebacks += "Traceback" in err
            for line in out.splitlines():
                if "imported as #" in line:
                    expected.add(int(line.rsplit("#", 1)[1]))
            acknowledged = len(expected)
            seen, message = found_ids(db)
            if seen is None:
                tracebacks += 1
                print(message)
                continue
            lost += len(expected - seen)
        seen, _ = found_ids(db)
    print(f"kill -9 during import: {rounds} rounds, {acknowledged} acknowledged circulars, "
          f"{len(seen or ())} found afterwards, {lost} acknowledged lost, {tracebacks} tracebacks")


def kill_restore(rounds: int) -> None:
    tracebacks, short = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "db"
        cli("import", "--db", db, *[circular_file(tmp, n) for n in range(200)])
        taken = circular_file(tmp, 0)  # importing it again is refused, but opens the store: a writer's open
        cli("import", "--db", db, taken)  # (which backs the 200 up)
        everything, _ = found_ids(db)
        for r in range(rounds):
            victim = db / ("meta.json" if r % 2 else f"circulars-{random.randrange(1, 64):02}.json")
            victim.write_text("{" if r % 3 else "", encoding="utf-8")
            child = subprocess.Popen([*CLI, "restore-backup", "--db", str(db)], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
            time.sleep(random.uniform(0.0, 0.35))
            child.send_signal(signal.SIGKILL)
            _, err = child.communicate()
            tracebacks += "Traceback" in err
            opened = cli("import", "--db", db, taken)  # a writer opens: it finishes or drops the restore
            tracebacks += "Traceback" in opened.stderr
            seen, message = found_ids(db)
            if seen is None:
                tracebacks += 1
                continue
            if seen != everything:  # the kill came before the restore did anything: finish it now
                done = cli("restore-backup", "--db", db)
                tracebacks += "Traceback" in done.stderr
                seen, _ = found_ids(db)
            short += seen != everything
    print(f"kill -9 during restore-backup: {rounds} rounds, {len(everything)} circulars, "
          f"{rounds - short} rounds with all of them afterwards, {tracebacks} tracebacks")


DAMAGE = {
    "empty": b"", "spaces": b"  \n", "truncated": None, "not JSON": b"{", "a list": b"[]", "null": b"null",
    "wrong shape": b'{"circulars": [], "versions": [], "meta": []}', "deep": b"[" * 200_000 + b"]" * 200_000,
    "huge number": b'{"meta": {"1": {"schema": ' + b"9" * 5000 + b"}}}", "binary": bytes(range(256)) * 4,
    "a folder": "dir",
}


def damage_sweep() -> None:
    from circular_editor.model import Circular
    from circular_editor.store import Repository

    cases, tracebacks, reported, opened = 0, 0, 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        with Repository(base) as store:
            for n in range(6):
                store.save(Circular.from_json(circular_file(Path(tmp), n).read_bytes()))
            edited = store.get(1).circular
            edited.subject += " (2)"
            store.save(edited, 1)  # a history
            store.drafts.save("new-1", {"subject": "x"}, None)
        Repository(base).close()  # a backup
        kinds = {"meta.json": "meta.json", "shard": "circulars-01.json", "history": "history/1.json",
                 "draft": "drafts/new-1.json"}
        for kind, name in kinds.items():
            for label, bytes_ in DAMAGE.items():
                cases += 1
                db = Path(tmp) / f"case-{cases}"
                shutil.copytree(base, db)
                target = db / name
                original = target.read_bytes()
                target.unlink()
                if bytes_ == "dir":
                    target.mkdir()
                else:
                    target.write_bytes(original[: len(original) // 2] if bytes_ is None else bytes_)
                for args in (("list",), ("export", "--all", db / "out"), ("import", circular_file(db, 77))):
                    done = cli(*args[:1], "--db", db, *args[1:])
                    if "Traceback" in done.stderr or "unexpected error" in done.stderr:
                        tracebacks += 1
                        print(f"  {kind} {label} {args[0]}: {done.stderr.strip()[-300:]}")
                    elif done.returncode == 0:
                        opened += 1
                    else:
                        reported += 1
    print(f"damaged-file sweep: {cases} cases (4 file kinds x {len(DAMAGE)} damages) x 3 commands: "
          f"{opened} ran, {reported} reported the damage in one line, {tracebacks} tracebacks")


WORST = {
    "50,000 x '**a '": lambda d: d.update(body=[{"type": "paragraph", "text": "**a " * 12_500}]),
    "50,000 x '['": lambda d: d.update(body=[{"type": "paragraph", "text": "[" * 50_000}]),
    "50,000 x '+1 '": lambda d: d.update(body=[{"type": "paragraph", "text": ("+1 " * 16_700)[:50_000]}]),
    "400,000 characters of mixed text": lambda d: d.update(body=[{"type": "paragraph", "text": (
        "يسعدني أن أحيطكم علماً بأن الاتحاد (ITU) +41 22 730 5111 https://www.itu.int " * 700)[:49_900]}] * 8),
    "195 addressees of 2,000 characters": lambda d: d.update(
        addressees=[("إدارات الدول الأعضاء في الاتحاد " * 70)[:2_000]] * 195),
    "19,900 empty entries": lambda d: d.update(body=[{"type": "list", "ordered": False, "items": [""] * 2_000}] * 9
                                              + [{"type": "paragraph", "text": "x"}] * 1_900),
    "50,000 characters of vocalised Arabic": lambda d: d.update(body=[{"type": "paragraph", "text": (
        "عَلَّمَ الإِنْسَانَ مَا لَمْ يَعْلَمْ " * 2_000)[:49_000]}] * 8),
}


def worst_inputs() -> None:
    print("worst accepted inputs (each in a new process: render time, peak memory):")
    for label, change in WORST.items():
        data = json.loads(example("tsb-circular-92").read_text(encoding="utf-8"))
        change(data)
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "worst.json"
            source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            valid = cli("validate", source)
            if valid.returncode != 0:
                print(f"  {label}: refused by validate ({valid.stderr.strip()[:120]})")
                continue
            code = ("import resource, sys, time\nfrom circular_editor.cli import read_circular\n"
                    "from circular_editor.render import render_pdf\nc = read_circular(sys.argv[1])\n"
                    "t = time.perf_counter()\npdf = render_pdf(c)\n"
                    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,"
                    " pdf.count(b'/Type /Page\\n'))")
            done = subprocess.run([sys.executable, "-c", code, str(source)], capture_output=True, text=True,
                                  timeout=600)
            seconds, megabytes, pages = done.stdout.split()
            print(f"  {label}: {float(seconds):.2f} s, {megabytes} MB peak, {pages} pages")
    print("  (targets: under 10 s and 500 MB for anything validate accepts)")


def integrity(rounds: int) -> None:
    """Each fault: `list` must refuse (naming the file) or show exactly the saved texts; `restore-backup` must then
    bring back every circular a backup holds and name the others as lost."""
    from circular_editor.store.storage import seal

    tried = caught = restored = lost = tracebacks = changed_shown = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = tmp / "base"
        cli("import", "--db", base, *[circular_file(tmp, n) for n in range(50)])
        cli("import", "--db", base, circular_file(tmp, 0))  # (a writer's open: the backup holds all 50)
        expected = cli("list", "--db", base).stdout
        rng = random.Random(25)
        faults = [("bit flip", n) for n in range(rounds)] + [
            ("{}", 0), ("sealed {}", 0), ("another shard", 0), ("older copy", 0), ("deleted", 0),
            ("newest backup damaged too", 0), ("meta.json lists a shard no one has", 0)]
        for kind, n in faults:
            tried += 1
            db = tmp / f"case-{tried}"
            shutil.copytree(base, db)
            shard = db / f"circulars-{rng.randrange(1, 51):02}.json"
            if kind == "bit flip":
                target = rng.choice([*db.glob("circulars-*.json"), db / "meta.json", db / "index.json"])
                data = bytearray(target.read_bytes())
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
                target.write_bytes(bytes(data))
            elif kind == "{}":
                shard.write_bytes(b"{}")
            elif kind == "sealed {}":
                shard.write_bytes(seal({})[0])
            elif kind == "another shard":
                shard.write_bytes((db / f"circulars-{int(shard.stem[-2:]) % 50 + 1:02}.json").read_bytes())
            elif kind == "older copy":
                shard.write_bytes(seal({"circulars": {}})[0])
            elif kind == "deleted":
                shard.unlink()
            elif kind == "newest backup damaged too":
                newest = max((p for p in (db / "backups").iterdir()), key=lambda p: p.stat().st_mtime_ns)
                copy = newest / shard.name
                data = copy.read_bytes()
                copy.unlink()
                copy.write_bytes(data[:-3])
                shard.write_bytes(b"{")
            else:
                from circular_editor.store.storage import read_store_file
                meta, _ = read_store_file(db / "meta.json")
                meta["meta"]["1"]["shards"]["63"] = [63]
                (db / "meta.json").write_bytes(seal(meta)[0])
            first = cli("list", "--db", db)
            tracebacks += "Traceback" in first.stderr or "unexpected error" in first.stderr
            if first.returncode == 0:
                changed_shown += first.stdout != expected
                exported = cli("export", "--all", tmp / "out", "--db", db)  # (reads every circular)
                tracebacks += "Traceback" in exported.stderr or "unexpected error" in exported.stderr
                if exported.returncode == 0:
                    continue
            caught += 1
            done = cli("restore-backup", "--db", db)
            tracebacks += "Traceback" in done.stderr or "unexpected error" in done.stderr
            after = cli("list", "--db", db)
            restored += after.returncode == 0 and after.stdout == expected
            lost += "lost:" in done.stdout
    print(f"damage that still parses: {tried} faults tried, {caught} caught, {restored} restored with every circular, "
          f"{lost} with circulars lost (no backup held them), {tried - caught} harmless (the list's cache, made "
          f"again), {changed_shown} changed texts shown, {tracebacks} tracebacks")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--only", choices=("import", "restore", "sweep", "worst", "integrity"), action="append")
    args = parser.parse_args()
    random.seed(7)
    parts = {"import": lambda: kill_import(args.rounds), "restore": lambda: kill_restore(args.rounds),
             "sweep": damage_sweep, "worst": worst_inputs, "integrity": lambda: integrity(args.rounds)}
    for name, run in parts.items():
        if not args.only or name in args.only:
            run()


if __name__ == "__main__":
    main()
