"""Where the application's own files are, found the same way everywhere.

    RESOURCES   fonts, templates, the emblem, translations
    EXAMPLES    one real circular per letter style (itu-circular/1)
    cache_dir() what may be made again from the above (per user, safe to delete)

A source checkout (or an editable install) has them beside the package, at the
top of the repository; an installed wheel carries them inside the package
(`pyproject.toml` maps the two folders to `circular_editor/_data/`); a frozen
bundle (PyInstaller) unpacks them under `sys._MEIPASS`. Nothing else in the
code looks for files by walking up from `__file__`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    candidates = [PACKAGE / "_data" / name, PACKAGE.parent / name]
    if getattr(sys, "frozen", False):
        candidates.insert(0, Path(getattr(sys, "_MEIPASS", PACKAGE.parent)) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]  # absent: the first use names this path in its error


RESOURCES = _find("resources")
EXAMPLES = _find("examples")


def example(stem: str) -> Path:
    """The example circular `stem` (`tsb-circular-92`, `bdt-dir-110`, `sg-cl-20-025`)."""
    return EXAMPLES / f"{stem}.json"


def examples() -> list[Path]:
    return sorted(EXAMPLES.glob("*.json"))


def cache_dir() -> Path:
    """The user's cache folder for this program, where platformdirs' `user_cache_dir` puts it (without
    importing platformdirs: ~3 ms of a cold `render`, which is what the cache is there to shorten)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "CircularEditor" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "CircularEditor"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "CircularEditor"
