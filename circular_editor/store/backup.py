"""Rolling backups of the database files: one on every open, one a day.

A backup is a folder of copies, never links to the live files: a live file
damaged in place (a disk error, another program) must not damage its backups.
A file unchanged since the previous backup (same size and modification time)
is hard-linked to that backup's copy instead of copied again, so a backup of
a large store where one shard changed costs one shard.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

KEEP_OPEN = 5  # backups made on open
KEEP_DAILY = 10


def make_backups(files: list[Path], folder: Path, now: dt.datetime) -> Path | None:
    if not files:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(".*-*"):  # a backup cut short (a full disk, a kill) is never used: drop it
        shutil.rmtree(stale, ignore_errors=True)
    previous = newest_backup(folder)
    made = _snapshot(files, folder / f"open-{now:%Y%m%d-%H%M%S-%f}", previous)
    daily = folder / f"daily-{now:%Y%m%d}"
    if not daily.exists():
        _snapshot(files, daily, made)
    _prune(folder, "open-", KEEP_OPEN)
    _prune(folder, "daily-", KEEP_DAILY)
    return made


def newest_backup(folder: Path) -> Path | None:
    """The backup made last (backup folders are renamed into place whole, so their times order them)."""
    found = sorted((p for p in folder.glob("*-*") if p.is_dir() and not p.name.startswith(".")),
                   key=lambda p: p.stat().st_mtime_ns, reverse=True) if folder.is_dir() else []
    return found[0] if found else None


def _snapshot(files: list[Path], target: Path, previous: Path | None) -> Path:
    partial = target.with_name("." + target.name)
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for source in files:
        copy = partial / source.name
        if not (previous and _same(source, previous / source.name) and _link(previous / source.name, copy)):
            shutil.copy2(source, copy)
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
