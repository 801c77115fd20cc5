"""Display-only isolation: phone numbers, URLs, e-mails and Latin phrases inside Arabic text
read in the form as they will in the PDF.

The PDF's text engine wraps such units in LRI...PDI before it resolves bidi
levels (typeset/isolate.py). Qt honours LRI/PDI too, so an editing widget shows
the text with the same marks inserted; the marks never reach the circular: the
value read back has them removed, and copying from the field leaves them out.
Positions are mapped between the two so the cursor stays where the user put it.
"""
from __future__ import annotations

from circular_editor.typeset.edits import common_ends
from circular_editor.typeset.isolate import LRI, PDI, find_isolates

MARKS = frozenset((LRI, PDI))


def isolated(text: object) -> str:
    """`text` (a path, a name, a date) as one left-to-right unit inside a translated sentence."""
    return f"{LRI}{text}{PDI}"


def to_display(logical: str) -> str:
    parts, pos = [], 0
    for unit in find_isolates(logical):
        parts += [logical[pos:unit.start], LRI, logical[unit.start:unit.end], PDI]
        pos = unit.end
    parts.append(logical[pos:])
    return "".join(parts)


def to_logical(display: str) -> str:
    if LRI not in display and PDI not in display:
        return display
    return "".join(ch for ch in display if ch not in MARKS)


def logical_position(display: str, position: int) -> int:
    return position - sum(1 for ch in display[:position] if ch in MARKS)


def display_position(display: str, logical: int) -> int:
    """The first display index with `logical` text characters before it (inside a unit's end: typing
    there extends the unit, as the text engine will read it)."""
    count = 0
    for index, ch in enumerate(display):
        if count == logical:
            return index
        if ch not in MARKS:
            count += 1
    return len(display)


def difference(old: str, new: str) -> tuple[int, int, str]:
    """(start, end, replacement) turning `old` into `new`: the smallest middle part that differs."""
    start, end = common_ends(old, new)
    return start, len(old) - end, new[start:len(new) - end]
