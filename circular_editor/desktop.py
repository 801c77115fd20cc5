"""`circular-editor install-desktop-entry`: the program in the Linux desktop's menus, with its icon.

Writes ~/.local/share/applications/circular-editor.desktop (from resources/desktop/, its Exec
line naming this very program: the bundle's executable, or the installed command) and the
icon into ~/.local/share/icons/hicolor/256x256/apps/. Run again after moving the bundle.
"""
from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from circular_editor.paths import RESOURCES


def program_command() -> str:
    if getattr(sys, "frozen", False):
        return shlex.quote(sys.executable)
    beside = Path(sys.executable).with_name("circular-editor")  # the virtual environment's own command
    installed = str(beside) if beside.is_file() else shutil.which("circular-editor")
    return shlex.quote(installed) if installed else f"{shlex.quote(sys.executable)} -m circular_editor"


def install(data_home: Path | None = None) -> list[Path]:
    """Write the entry and the icon; returns the files written."""
    data_home = data_home or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    entry = (RESOURCES / "desktop" / "circular-editor.desktop").read_text(encoding="utf-8")
    entry_path = data_home / "applications" / "circular-editor.desktop"
    icon_path = data_home / "icons" / "hicolor" / "256x256" / "apps" / "circular-editor.png"
    for path in (entry_path, icon_path):
        path.parent.mkdir(parents=True, exist_ok=True)
    entry_path.write_text(entry.replace("@EXEC@", program_command()), encoding="utf-8")
    shutil.copyfile(RESOURCES / "icons" / "circular-editor.png", icon_path)
    return [entry_path, icon_path]
