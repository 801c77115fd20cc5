"""Automatic isolation of left-to-right units inside right-to-left text.

Under the plain bidi algorithm, `+41 22 730 6301` after an Arabic label shows
its digit groups reversed, `WSIS+15` becomes `15+WSIS`, and a URL's parts swap
around its dots. Each such unit is wrapped in LRI...PDI before levels are
resolved, so it reads left to right as one unit while the Arabic around it
keeps its order. The spans found here are also where a line may break inside
a URL or an e-mail address.
"""
from __future__ import annotations

import re
from typing import NamedTuple

# Shared with markup.py, which makes the same addresses links.
TRAILING = ".,;:!?\u060c\u061b\u061f)]}\"'\u00bb"  # punctuation that ends a sentence, not a URL
URL_START = r"(?:https?://|www\.)"
EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
_URL = URL_START + r"[^\s\u00a0<>\"]+"
_PHONE = r"\+?\d[\d\u00a0 ]{4,}\d"
# A reference or Latin phrase: Latin tokens (letters, digits, / - . _ + &) joined by
# single spaces; it must hold a Latin letter (`2024-2023` alone is left to the algorithm).
_TOKEN = r"[A-Za-z0-9][A-Za-z0-9/\-._+&']*"
_PHRASE = rf"{_TOKEN}(?:[ \u00a0]{_TOKEN})*"
_PATTERN = re.compile(rf"(?P<url>{_URL})|(?P<email>{EMAIL})|(?P<phone>{_PHONE})|(?P<phrase>{_PHRASE})")
_LATIN_LETTER = re.compile(r"[A-Za-z]")

LRI, PDI = "\u2066", "\u2069"


class Isolate(NamedTuple):
    start: int
    end: int
    kind: str  # url, email, phone, phrase


def find_isolates(text: str) -> list[Isolate]:
    """Left-to-right units of `text`, in order, not overlapping."""
    found = []
    for match in _PATTERN.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind in ("url", "phrase"):
            end = trim_trailing(text, start, end)
        if kind == "phrase" and not _LATIN_LETTER.search(text, start, end):
            continue
        if kind == "phone" and not (text[start] == "+" or sum(c.isdigit() for c in text[start:end]) >= 8):
            continue  # plain numbers ("20 يونيو 2023") are not phone numbers
        if end > start:
            found.append(Isolate(start, end, kind))
    return found


def trim_trailing(text: str, start: int, end: int) -> int:
    """`end` moved back over sentence punctuation that follows an address (`https://itu.int/.`)."""
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end


def with_isolates(text: str, isolates: list[Isolate]) -> tuple[str, list[int]]:
    """`text` with LRI/PDI around each unit, and for each original index its new index."""
    if not isolates:
        return text, list(range(len(text)))
    parts, index_map, pos = [], [], 0
    shift = 0
    for iso in isolates:
        parts.append(text[pos:iso.start])
        index_map.extend(range(pos + shift, iso.start + shift))
        shift += 1
        parts.append(LRI + text[iso.start:iso.end] + PDI)
        index_map.extend(range(iso.start + shift, iso.end + shift))
        shift += 1
        pos = iso.end
    parts.append(text[pos:])
    index_map.extend(range(pos + shift, len(text) + shift))
    return "".join(parts), index_map
