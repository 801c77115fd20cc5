"""Files given by people: reading one safely, and naming the files written for them (exports, signed PDFs)."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from circular_editor.errors import UserError


class UnreadableInput(UserError):
    """A file given as input is not a regular file, cannot be read, is empty or too large; the text names it."""


def read_regular_file(name: str | Path, limit: int, what: str = "a file this program reads") -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A FIFO, a device or a folder is refused before it
    is opened (reading one could wait for ever), and so is an empty file."""
    path = Path(name)
    try:
        if not path.is_file():
            raise UnreadableInput(f"{name}: not a regular file" if path.exists() else f"{name}: no such file")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableInput(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise UnreadableInput(f"{name}: not {what} (larger than {limit // 1_000_000} MB)")
    if not data:
        raise UnreadableInput(f"{name}: the file is empty")
    return data


MAX_STEM_BYTES = 150  # file systems allow 255 bytes a name; room for a prefix, a suffix and the extension
# Names Windows keeps for devices, with any extension (`CON.pdf` opens the console, not a file).
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?", re.IGNORECASE)


def file_stem(reference: str, fallback: str) -> str:
    """A file name (without extension) from the reference, safe on every platform: `CL-20/025` -> `CL-20-025`.
    Path separators and characters Windows refuses become `-`; bidi controls, zero-width and other format
    characters are removed (`x\u202efdp.exe` would show as `xexe.pdf`); a Windows device name gets a `_`;
    no trailing dot or space; cut to a safe length."""
    text = "".join(ch for ch in reference if unicodedata.category(ch) not in ("Cf", "Cc", "Cs", "Co", "Cn")
                   or ch in "\t\n")
    name = re.sub(r'[\\/:*?"<>|]+', "-", " ".join(text.split())).strip(" .-")
    name = name.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip(" .-")
    if _RESERVED.fullmatch(name):
        name = "_" + name
    return name or fallback
