"""Rolling backups of the database files: one on every open, one a day.

A backup is a folder of copies, never links to the live files: a live file
damaged in place (a disk error, another program) must not damage its backups.
A file unchanged since the previous backup (same size and modification time)
is hard-linked to that backup's copy instead of copied again, so a backup of
a large store where one shard changed costs one shard. A file that is copied
is checked first (`check`, its digest): a damaged file is never backed up.

`backups()` lists them newest first: `restore-backup` looks in every one.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

Check = Callable[[Path, bytes], None]  # raises when a file's bytes are damaged

KEEP_OPEN = 5  # backups made on open
KEEP_DAILY = 10


def make_backups(files: list[Path], folder: Path, now: dt.datetime, check: Check | None = None) -> Path | None:
    """A backup of `files` (and the day's, if none yet); `check(path, data)` raises for a damaged file, which
    is then not backed up (the error goes to the caller). OSError when the disk refuses (full, read-only)."""
    if not files:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(".*-*"):  # a backup cut short (a full disk, a kill) is never used: drop it
        shutil.rmtree(stale, ignore_errors=True)
    previous = newest_backup(folder)
    made = _snapshot(files, folder / f"open-{now:%Y%m%d-%H%M%S-%f}", previous, check)
    daily = folder / f"daily-{now:%Y%m%d}"
    if not daily.exists():
        _snapshot(files, daily, made, check)
    _prune(folder, "open-", KEEP_OPEN)
    _prune(folder, "daily-", KEEP_DAILY)
    return made


def newest_backup(folder: Path) -> Path | None:
    found = backups(folder)
    return found[0] if found else None


def backups(folder: Path) -> list[Path]:
    """Every backup, newest first (backup folders are renamed into place whole, so their times order them)."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob("*-*") if p.is_dir() and not p.name.startswith(".")),
                  key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def changed_since(files: list[Path], folder: Path) -> list[Path]:
    """The files whose size or time differ from their copy in the newest backup (all, without a backup)."""
    newest = newest_backup(folder)
    return [f for f in files if newest is None or not _same(f, newest / f.name)]


def _snapshot(files: list[Path], target: Path, previous: Path | None, check: Check | None) -> Path:
    partial = target.with_name("." + target.name)
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        for source in files:
            copy = partial / source.name
            if not (previous and _same(source, previous / source.name) and _link(previous / source.name, copy)):
                data = source.read_bytes()
                if check is not None:
                    check(source, data)
                copy.write_bytes(data)
                shutil.copystat(source, copy)  # (its time: the next backup links to it while the file is unchanged)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    partial.rename(target)  # a backup folder exists whole or not at all
    return target


def _same(live: Path, saved: Path) -> bool:
    try:
        a, b = live.stat(), saved.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def _link(existing: Path, new: Path) -> bool:
    try:
        os.link(existing, new)
        return True
    except OSError:
        return False  # no hard links here (some Windows and network drives): copy instead


def _prune(folder: Path, prefix: str, keep: int) -> None:
    for old in sorted(folder.glob(prefix + "*"))[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
