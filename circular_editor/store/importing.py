"""Reading circulars to import from files given by people (before any store is opened)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from circular_editor import styles
from circular_editor.files import UnreadableInput, read_regular_file
from circular_editor.model import MAX_FILE_BYTES, Circular, ValidationError


def read_circular_file(path: str | Path) -> Circular:
    """The circular in a regular file, of an installed style whose template and emblem are sound: what `render`
    needs. A FIFO, device or folder is refused before it is read, a file over the size limit after 20 MB."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES, "a circular file")
    except UnreadableInput as exc:
        raise ValidationError("", str(exc).removeprefix(f"{path}: ")) from None
    circular = Circular.from_json(data)
    styles.check_renderable(circular.style)  # a circular of a style not installed could not be rendered
    return circular


def read_import_files(paths: Iterable[str | Path]) -> tuple[list[tuple[str, Circular]], list[tuple[str, str]]]:
    """(valid (file, circular), refused (file, reason)): each file read and validated, before any store is opened
    (so that nothing to import makes no store)."""
    valid, refused = [], []
    for path in map(str, paths):
        try:
            valid.append((path, read_circular_file(path)))
        except (ValidationError, styles.StyleError) as exc:
            refused.append((path, str(exc)))
    return valid, refused
