"""Putting a backup back: only where the store cannot be read, told before it is done, never half-done.

    plan = plan_restore(folder, backup)      # what would change, file by file (nothing changes yet)
    print(plan.describe())
    plan.apply()                             # or restore_backup(folder, backup): both, under the store's lock

Each store file is kept if it reads and has the right shape; a damaged or missing one is
replaced by the backup's copy (or, for meta.json without a usable copy, by a fresh one the
next open completes from the shards). Intact files are never replaced by older copies:
circulars saved since the backup in intact shards stay.

Never half-done: the files to put in place are first written to `restoring-<time>/`, then a
READY mark; only then are the damaged files moved to `damaged-<time>/` and the new ones moved
in (renames, which need no disk space). A restore killed before READY leaves the store as it
was (the next open removes the folder); killed after, the next open finishes it.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from circular_editor.atomic import write_atomic
from circular_editor.store import checks
from circular_editor.store.errors import StoreError
from circular_editor.store.lock import ProcessLock
from circular_editor.store.migrations import SCHEMA_VERSION
from circular_editor.store.storage import UnreadableFile, dump_json, read_json_file

READY = "READY"
PLAN = "plan.json"
FRESH_META = {"meta": {"1": {"schema": SCHEMA_VERSION, "next_id": 1}}}


@dataclass
class Step:
    name: str  # meta.json or circulars-NN.json
    action: str  # "replace" (the backup's copy), "fresh" (a new meta.json), "aside" (damaged, no copy)
    reason: str  # why the current file is not kept
    records: int = 0  # circulars in the copy that comes back


@dataclass
class Plan:
    folder: Path
    backup: Path | None
    steps: list[Step] = field(default_factory=list)
    kept_files: int = 0
    kept_records: int = 0

    def describe(self) -> str:
        if not self.steps:
            return f"nothing to restore: every file of the store in {self.folder} can be read"
        lines = []
        for step in self.steps:
            if step.action == "replace":
                what = f"the backup's copy ({_circulars(step.records)}, from {self.backup.name}) takes its place"
            elif step.action == "fresh":
                what = "a new one takes its place (the next open completes it from the circulars' files)"
            else:
                what = "the backup has no copy: the circulars it held are lost (the file is kept aside)"
            lines.append(f"{step.name}: {step.reason}; {what}")
        files = "1 file" if self.kept_files == 1 else f"{self.kept_files} files"
        lines.append(f"kept as they are: {files} holding {_circulars(self.kept_records)}")
        return "\n".join(lines)

    def apply(self) -> Path | None:
        """Carry the plan out; returns the folder the replaced files were moved to (None: nothing to do)."""
        if not self.steps:
            return None
        stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S-%f}"
        staging = self.folder / f"restoring-{stamp}"
        try:
            staging.mkdir()
            for step in self.steps:
                if step.action == "replace":
                    write_atomic(staging / step.name, (self.backup / step.name).read_bytes())
                elif step.action == "fresh":
                    write_atomic(staging / step.name, dump_json(FRESH_META))
            names = [step.name for step in self.steps]
            write_atomic(staging / PLAN, json.dumps({"aside": f"damaged-{stamp}", "names": names}).encode())
            write_atomic(staging / READY, b"")
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreError(f"could not restore the backup in {self.folder}: {exc.strerror or exc}; "
                             "nothing was changed") from None
        return _finish(staging)


def _circulars(count: int) -> str:
    return "1 circular" if count == 1 else f"{count:,} circulars"


def _sound(path: Path, check) -> tuple[bool, str, int]:
    """(readable with the right shape, why not, how many circulars)."""
    if not path.exists():
        return False, "missing", 0
    try:
        data = read_json_file(path)
        if not isinstance(data, dict):
            raise UnreadableFile(path, "not a database (the top level is not an object)")
        check(data, path)
    except UnreadableFile as exc:
        return False, exc.reason, 0
    return True, "", len(data.get("circulars", {}))


def plan_restore(folder: str | Path, backup: str | Path | None) -> Plan:
    folder = Path(folder)
    backup = Path(backup) if backup else None
    plan = Plan(folder, backup)
    names = {"meta.json"} | {p.name for p in folder.glob("circulars-*.json")}
    if backup is not None:
        names |= {p.name for p in backup.glob("circulars-*.json")}
    for name in sorted(names, key=lambda n: (n != "meta.json", n)):
        check = checks.check_meta if name == "meta.json" else checks.check_shard
        sound, reason, records = _sound(folder / name, check)
        if sound:
            plan.kept_files += 1
            plan.kept_records += records
            continue
        copy_sound, _, copy_records = _sound(backup / name, check) if backup is not None else (False, "", 0)
        if copy_sound:
            plan.steps.append(Step(name, "replace", reason, copy_records))
        elif name == "meta.json":
            plan.steps.append(Step(name, "fresh", reason))
        elif (folder / name).exists():
            plan.steps.append(Step(name, "aside", reason))
    return plan


def restore_backup(folder: str | Path, backup: str | Path | None) -> Plan:
    """Plan and apply, holding the store's lock (no editor may have it open)."""
    folder = Path(folder)
    try:
        lock = ProcessLock(folder / "store.lock")
        lock.acquire()
    except OSError as exc:
        raise StoreError(f"cannot restore in {folder}: the store's lock cannot be taken "
                         f"({exc.strerror or exc})") from None
    try:
        finish_interrupted(folder)
        plan = plan_restore(folder, backup)
        plan.apply()
        return plan
    finally:
        lock.release()


def _finish(staging: Path) -> Path:
    """The swap: each damaged file aside, then its replacement in. Every step can be run again."""
    folder = staging.parent
    try:
        plan = json.loads((staging / PLAN).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # the plan was already carried out and removed: only the clean-up remains
        shutil.rmtree(staging, ignore_errors=True)
        return folder
    aside = folder / plan["aside"]
    aside.mkdir(exist_ok=True)
    for name in plan["names"]:
        current, replacement = folder / name, staging / name
        if current.exists() and not (aside / name).exists():
            current.rename(aside / name)
        if replacement.exists():
            replacement.rename(current)
    _list_present_shards(folder)
    (staging / PLAN).unlink()
    (staging / READY).unlink()
    staging.rmdir()
    return aside


def _list_present_shards(folder: Path) -> None:
    """meta.json lists the shards that must exist: after a restore, those now present (one set aside without a
    copy is no longer expected)."""
    meta = folder / "meta.json"
    try:
        data = read_json_file(meta)
        info = data["meta"]["1"]
    except (UnreadableFile, KeyError, TypeError):
        return
    present = sorted(int(p.stem.rsplit("-", 1)[1]) for p in folder.glob("circulars-[0-9][0-9].json"))
    if isinstance(info, dict) and "shards" in info and info["shards"] != present:
        info["shards"] = present
        write_atomic(meta, dump_json(data))


def interrupted(folder: Path) -> bool:
    """A restore was cut short after its files were ready (the next writer finishes it)."""
    return any((staging / READY).exists() for staging in folder.glob("restoring-*"))


def finish_interrupted(folder: Path) -> None:
    """A restore killed half-way: finished if its files were all written (READY), else undone."""
    for staging in sorted(folder.glob("restoring-*")):
        if (staging / READY).exists():
            _finish(staging)
        else:
            shutil.rmtree(staging, ignore_errors=True)
