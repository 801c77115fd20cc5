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
# A reference or Latin phrase: Latin tokens (letters, digits, / - . _ + &) joined by spaces,
# brackets and Latin punctuation (`Study Group 5, Question 7/5 (Geneva)`): a run of Latin words is
# one unit, never split into pieces the right-to-left paragraph would then order right to left.
# It must hold a Latin letter (`2024-2023` alone is left to the algorithm); its brackets balance.
_TOKEN = r"[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f/\-._+&'\u2019]*"
_JOIN = r"[ \u00a0,;:!?()\[\]\"]+"
_PHRASE = rf"{_TOKEN}(?:{_JOIN}{_TOKEN})*"
_OPENERS, _CLOSERS = "([", ")]"
_PATTERN = re.compile(rf"(?P<url>{_URL})|(?P<email>{EMAIL})|(?P<phone>{_PHONE})|(?P<phrase>{_PHRASE})")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")  # (also what the PDF marks as English: draw.py)

LRI, PDI = "\u2066", "\u2069"


class Isolate(NamedTuple):
    start: int
    end: int
    kind: str  # url, email, phone, phrase


def find_isolates(text: str) -> list[Isolate]:
    """Left-to-right units of `text`, in order, not overlapping."""
    found: list[Isolate] = []
    for match in _PATTERN.finditer(text):
        kind = match.lastgroup or ""  # (every alternative is a named group)
        start, end = match.span()
        if kind == "url":
            end = trim_trailing(text, start, end)
        if kind == "phrase":
            for piece_start, piece_end in _balanced(text, start, end):
                if LATIN_LETTER.search(text, piece_start, piece_end):
                    found.append(Isolate(piece_start, piece_end, kind))
            continue
        if kind == "phone" and not (text[start] == "+" or sum(c.isdigit() for c in text[start:end]) >= 8):
            continue  # plain numbers ("20 يونيو 2023") are not phone numbers
        if end > start:
            found.append(Isolate(start, end, kind))
    return found


def _balanced(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A phrase's pieces whose brackets balance: split at a closer with no opener in the phrase, cut
    before an opener that does not close (unless the closer follows at once: `(Question 7/5)` whole).
    A bracket left outside an isolate is mirrored by the paragraph's direction, as it should be."""
    pieces, piece, openers = [], start, []
    for k in range(start, end):
        ch = text[k]
        if ch in _OPENERS:
            openers.append(k)
        elif ch in _CLOSERS:
            if openers:
                openers.pop()
            else:
                pieces.append((piece, k))
                piece = k + 1
    while openers and end < len(text) and text[end] in _CLOSERS:  # `(Question 7/5` + `)`
        openers.pop()
        end += 1
    if openers:
        end = openers[0]
    pieces.append((piece, end))
    out = []
    for a, b in pieces:
        while a < b and not (text[a].isalnum() or text[a] in _OPENERS):
            a += 1
        while b > a and text[b - 1] in TRAILING + " \u00a0":  # sentence punctuation; a closer of its own kept
            if text[b - 1] in _CLOSERS and _unbalanced(text, a, b - 1) > 0:
                break
            b -= 1
        while b - a > 2 and text[a] in _OPENERS and text[b - 1] in _CLOSERS and not _unbalanced(text, a + 1, b - 1):
            a, b = a + 1, b - 1  # `(UNECE)`: the brackets around it stay with the paragraph, as `(ITU)`'s do
        if b > a:
            out.append((a, b))
    return out


def _unbalanced(text: str, start: int, end: int) -> int:
    """Openers less closers in text[start:end]."""
    piece = text[start:end]
    return sum(piece.count(c) for c in _OPENERS) - sum(piece.count(c) for c in _CLOSERS)


def trim_trailing(text: str, start: int, end: int) -> int:
    """`end` moved back over sentence punctuation that follows an address (`https://itu.int/.`)."""
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end


def with_isolates(text: str, isolates: list[Isolate]) -> tuple[str, list[int]]:
    """`text` with LRI/PDI around each unit, and for each original index its new index."""
    if not isolates:
        return text, list(range(len(text)))
    parts: list[str] = []
    index_map: list[int] = []
    pos = 0
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
