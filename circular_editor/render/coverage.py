"""Characters no bundled face can draw, named per field before anything is exported.

The text engine falls back from Amiri to DejaVu Sans and then to Symbola's symbols and emoji; a
character none of them has is drawn as a replacement box. `undrawable` says so for each field that
holds one, as the editor shows under the field and `validate` prints: the circular stays valid (it
saves and renders), but the person knows before it is sent.
"""
from __future__ import annotations

import unicodedata

from circular_editor.model import Circular, ValidationError
from circular_editor.typeset.fonts import default_family, draws_nothing

_NOT_TEXT = {"format", "style", "date", "language"}


def undrawable(circular: Circular) -> list[ValidationError]:
    """One warning per field holding characters no face has (its first such character named)."""
    found = []
    for path, text in _texts(circular.to_dict(), ""):
        missing = missing_characters(text)
        if missing:
            ch = missing[0]
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            name = unicodedata.name(ch, "")
            found.append(ValidationError(path, f"no font has U+{ord(ch):04X}{' ' + name if name else ''} ({ch}){more}: "
                                               f"it would print as a box"))
    return found


def missing_characters(text: str) -> list[str]:
    """The distinct characters of `text`, in order, that no face of the family has (spaces, controls and
    the characters that draw nothing aside: see fonts.draws_nothing)."""
    family = default_family()
    faces = (family.regular, *family.fallbacks)
    return [ch for ch in dict.fromkeys(text)
            if not ch.isspace() and not draws_nothing(ch) and not any(face.has(ch) for face in faces)]


def _texts(node, path: str):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not (path == "" and key in _NOT_TEXT):
                yield from _texts(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from _texts(value, f"{path}[{k}]")
