"""Characters no bundled face can draw, named per field before anything is exported.

The text engine falls back from Amiri to DejaVu Sans and then to Symbola's symbols and emoji; a
character none of them has is drawn as a replacement box. `undrawable` says so for each field that
holds one, as the editor shows under the field and `validate` prints: the circular stays valid (it
saves and renders), but the person knows before it is sent.

The editor asks after every edit (on its GUI thread), so the check is one regular expression scan
against the faces' coverage, made once; and the fonts are loaded at the first check, not when the editor starts.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from circular_editor.model import ValidationError

_NOT_TEXT = {"format", "style", "date", "language"}


def undrawable(data: dict) -> list[ValidationError]:
    """One warning per field of a circular (as `Circular.to_dict()` gives it, or the editor holds it) that
    holds characters no face has, its first such character named."""
    found = []
    for path, text in _texts(data, ""):
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
    from circular_editor.typeset.fonts import draws_nothing

    return [ch for ch in dict.fromkeys(_undrawable_pattern().findall(text)) if not draws_nothing(ch)]


@lru_cache(maxsize=1)
def _undrawable_pattern() -> re.Pattern:
    """A character no face of the family has (the body face and its fallbacks, as the engine tries them),
    nor white space: one scan in C (a set of a long letter's characters took 17 ms)."""
    from circular_editor.typeset.fonts import default_family

    family = default_family()
    points = sorted({cp for face in (family.regular, *family.fallbacks) for cp in face.cmap})
    ranges, start = [], None
    for k, cp in enumerate(points):
        if start is None:
            start = cp
        if k + 1 == len(points) or points[k + 1] != cp + 1:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(cp)) if cp != start else ""))
            start = None
    return re.compile("[^\\s" + "".join(ranges) + "]")


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
