"""Rolling backups of the database files: one on every open, one a day.

A backup is a folder of hard links to the current files. The files are only
ever replaced (written anew and renamed), never changed in place, so a link
keeps the old content for free; where links are not possible, files are copied.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

KEEP_OPEN = 10  # backups made on open
KEEP_DAILY = 14


def make_backups(files: list[Path], folder: Path, now: dt.datetime) -> Path | None:
    if not files:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    made = _snapshot(files, folder / f"open-{now:%Y%m%d-%H%M%S-%f}")
    daily = folder / f"daily-{now:%Y%m%d}"
    if not daily.exists():
        _snapshot(files, daily)
    _prune(folder, "open-", KEEP_OPEN)
    _prune(folder, "daily-", KEEP_DAILY)
    return made


def newest_backup(folder: Path) -> Path | None:
    found = sorted((p for p in folder.glob("*-*") if p.is_dir() and not p.name.startswith(".")),
                   key=lambda p: p.stat().st_mtime, reverse=True) if folder.is_dir() else []
    return found[0] if found else None


def _snapshot(files: list[Path], target: Path) -> Path:
    partial = target.with_name("." + target.name)
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for source in files:
        relative = partial / source.name
        try:
            os.link(source, relative)
        except OSError:
            shutil.copy2(source, relative)
    partial.rename(target)  # a backup folder exists whole or not at all
    return target


def _prune(folder: Path, prefix: str, keep: int) -> None:
    for old in sorted(folder.glob(prefix + "*"))[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
