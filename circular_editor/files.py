"""Names of the files the program writes for people (exports, signed PDFs), made from a circular's reference."""
from __future__ import annotations

import re

MAX_STEM_BYTES = 150  # file systems allow 255 bytes a name; room for a prefix, a suffix and the extension


def file_stem(reference: str, fallback: str) -> str:
    """A file name (without extension) from the reference: `CL-20/025` -> `CL-20-025`, cut to a safe length."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", " ".join(reference.split())).strip(" .-")
    name = name.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip(" .-")
    return name or fallback
