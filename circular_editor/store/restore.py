"""Putting backups back: only where the store cannot be used, told before it is done, never half-done.

    plan = plan_restore(folder)      # what would change, file by file and circular by circular
    print(plan.describe())
    plan.apply()                     # or restore_backup(folder): both, under the store's lock

Each store file is kept if it reads, its digest matches, it has the right shape and (a shard) it
holds every circular meta.json lists for it. A damaged or missing one is replaced by the newest
intact copy in any backup (intact: the same checks), not only the newest backup; meta.json without
one is made fresh (the next open completes it from the shards). Intact files are never replaced by
older copies: circulars saved since the backup in intact shards stay. A circular no intact copy
holds is reported lost, and meta.json then lists what the shards hold: the store always opens.

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
from typing import Any

from circular_editor.atomic import write_atomic
from circular_editor.store import backup as backups
from circular_editor.store import checks
from circular_editor.store.errors import StoreError
from circular_editor.store.lock import ProcessLock
from circular_editor.store.migrations import FIRST_SEALED_SCHEMA, SCHEMA_VERSION
from circular_editor.store.storage import UnreadableFile, read_store_file, seal

READY = "READY"
PLAN = "plan.json"


@dataclass
class Found:
    """One copy of a store file, examined: usable or why not, and the circulars it holds."""
    usable: bool
    reason: str = ""
    ids: set[int] = field(default_factory=set)
    data: dict[str, Any] | None = None


@dataclass
class Step:
    name: str  # meta.json or circulars-NN.json
    action: str  # "replace" (a backup's copy), "fresh" (a new meta.json), "aside" (damaged, no copy),
    #              "forget" (missing, no copy), "keep" (intact, lacking circulars no copy holds)
    reason: str  # why the current file is not kept as it is
    source: Path | None = None  # the backup whose copy comes back
    back: set[int] = field(default_factory=set)  # the circulars in that copy
    lost: set[int] | None = None  # circulars meta.json lists that no copy holds (None: not known)

    @property
    def moves(self) -> bool:
        return self.action in ("replace", "fresh", "aside")


@dataclass
class Plan:
    folder: Path
    schema: int = SCHEMA_VERSION  # the store's (a fresh meta.json gets it: the shards are written in it)
    steps: list[Step] = field(default_factory=list)
    kept_files: int = 0
    kept_records: int = 0

    @property
    def lost(self) -> set[int]:
        return {i for step in self.steps for i in step.lost or ()}

    def describe(self) -> str:
        if not self.steps:
            return f"nothing to restore: every file of the store in {self.folder} is intact"
        lines = [self._line(step) for step in self.steps]
        files = "1 file" if self.kept_files == 1 else f"{self.kept_files} files"
        lines.append(f"kept as they are: {files} holding {_circulars(self.kept_records)}")
        return "\n".join(lines)

    def _line(self, step: Step) -> str:
        if step.action == "replace":
            assert step.source is not None  # (a replacement names the backup it comes from)
            what = f"its copy in backups/{step.source.name} takes its place ({_circulars(len(step.back))} back"
            what += f": {_ids(step.back)})" if step.back else ")"
        elif step.action == "fresh":
            what = "no backup holds an intact copy: a new one takes its place (the next open completes it from " \
                   "the circulars' files)"
        elif step.action == "keep":
            what = "no backup holds more of them: it is kept as it is"
        else:
            what = "no backup holds an intact copy" + ("; the file is kept aside" if step.action == "aside" else "")
        if step.lost:
            what += f"; lost: {_ids(step.lost)}"
        elif step.lost is None and step.action in ("aside", "forget"):
            what += "; the circulars it held are lost"
        return f"{step.name}: {step.reason}; {what}"

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
                    assert step.source is not None
                    write_atomic(staging / step.name, (step.source / step.name).read_bytes())
                elif step.action == "fresh":
                    fresh = {"meta": {"1": {"schema": self.schema, "next_id": 1}}}
                    write_atomic(staging / step.name, seal(fresh)[0])
            names = [step.name for step in self.steps if step.moves]
            write_atomic(staging / PLAN, json.dumps({"aside": f"damaged-{stamp}", "names": names}).encode())
            write_atomic(staging / READY, b"")
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreError(f"could not restore the backup in {self.folder}: {exc.strerror or exc}; "
                             "nothing was changed") from None
        return _finish(staging)


def _circulars(count: int) -> str:
    return "1 circular" if count == 1 else f"{count:,} circulars"


def _ids(ids: set[int]) -> str:
    shown = sorted(ids)
    return ", ".join(f"#{i}" for i in shown[:20]) + (f" and {len(shown) - 20:,} more" if len(shown) > 20 else "")


def _examine(path: Path, legacy: bool) -> Found:
    if not path.exists():
        return Found(False, "missing")
    check = checks.check_meta if path.name == "meta.json" else checks.check_shard
    try:
        data, _ = read_store_file(path, legacy)
        if not isinstance(data, dict):
            raise UnreadableFile(path, "not a database (the top level is not an object)")
        check(data, path)
    except UnreadableFile as exc:
        return Found(False, exc.reason)
    return Found(True, ids={int(k) for k in data.get("circulars", {})}, data=data)


def _schema(meta: Found) -> int | None:
    info = ((meta.data or {}).get("meta") or {}).get("1") if meta.usable else None
    return info.get("schema", SCHEMA_VERSION) if isinstance(info, dict) else None


def plan_restore(folder: str | Path) -> Plan:
    folder = Path(folder)
    copies = backups.backups(folder / "backups")
    meta = _examine(folder / "meta.json", legacy=True)
    schema = _schema(meta) or next((s for s in (_schema(_examine(b / "meta.json", True)) for b in copies) if s),
                                   SCHEMA_VERSION)
    plan = Plan(folder, schema)
    legacy = schema < FIRST_SEALED_SCHEMA
    if meta.usable and not legacy and read_store_file(folder / "meta.json", True)[1] is None:
        meta = Found(False, "damaged or not a store file (no digest of its content at its start)")
    listed = checks.listed_shards(meta.data["meta"].get("1")) if meta.usable and meta.data and meta.data.get("meta") \
        else {}
    _plan_meta(plan, meta, copies, legacy)
    names = {p.name for p in folder.glob("circulars-*.json")} | {checks.shard_name(n) for n in listed or {}}
    for copy in copies:
        names |= {p.name for p in copy.glob("circulars-*.json")}
    for name in sorted(n for n in names if checks.shard_number(n) is not None):
        number = checks.shard_number(name)
        wanted = (listed or {}).get(number) if meta.usable and number is not None else None
        _plan_shard(plan, name, wanted, copies, legacy)
    return plan


def _plan_meta(plan: Plan, meta: Found, copies: list[Path], legacy: bool) -> None:
    if meta.usable:
        plan.kept_files += 1
        return
    copy = next((b for b in copies if _examine(b / "meta.json", legacy).usable), None)
    plan.steps.append(Step("meta.json", "replace", meta.reason, copy) if copy else
                      Step("meta.json", "fresh", meta.reason))


def _plan_shard(plan: Plan, name: str, wanted: set[int] | None, copies: list[Path], legacy: bool) -> None:
    """The newest intact copy of a damaged shard; for an intact one lacking circulars meta.json lists, the newest
    copy holding more of them."""
    current = _examine(plan.folder / name, legacy)
    want = wanted or set()
    if current.usable and want <= current.ids:
        plan.kept_files += 1
        plan.kept_records += len(current.ids)
        return
    reason = current.reason or f"lacks {_ids(want - current.ids)}, which meta.json lists"
    have = len(want & current.ids) if current.usable else -1
    for copy in copies:
        found = _examine(copy / name, legacy)
        if found.usable and len(want & found.ids) > have:
            plan.steps.append(Step(name, "replace", reason, copy, found.ids, want - found.ids))
            return
    lost = (want - current.ids) if wanted is not None else None
    if current.usable:
        plan.steps.append(Step(name, "keep", reason, lost=lost))
    else:
        plan.steps.append(Step(name, "aside" if (plan.folder / name).exists() else "forget", reason, lost=lost))


def restore_backup(folder: str | Path) -> Plan:
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
        plan = plan_restore(folder)
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
    aside: Path = folder / plan["aside"]
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
    """meta.json lists what the shards now hold (a circular lost with a shard is no longer expected)."""
    meta = folder / "meta.json"
    try:
        data, digest = read_store_file(meta, legacy=True)
        info = data["meta"]["1"]
    except (UnreadableFile, KeyError, TypeError):
        return
    if not isinstance(info, dict) or "shards" not in info:
        return
    present = {}
    for path in sorted(folder.glob("circulars-[0-9][0-9].json")):
        n = checks.shard_number(path.name)
        found = _examine(path, legacy=digest is None)
        if n is not None and found.usable:
            present[str(n)] = sorted(found.ids)
    listing = present if isinstance(info["shards"], dict) else sorted(int(n) for n in present)
    if info["shards"] != listing:
        info["shards"] = listing
        write_atomic(meta, seal(data)[0])


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
