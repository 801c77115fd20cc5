"""Search text folding: what a reader types finds what the writer typed.

Harakat (U+064B..U+0652, U+0670) and tatweel are ignored, alef forms fold to
bare alef (أ إ آ ٱ -> ا), alef maqsura to ya (ى -> ي), ta marbuta to ha
(ة -> ه), Latin letters to lower case, markup stars are dropped. A query
matches when each of its words is found in the folded text.
"""
from __future__ import annotations

from typing import Any

_REMOVED = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640", "*"]
_REPLACED = [("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("\u00a0", " ")]


def fold(text: str) -> str:
    # str.replace is C-speed per pass; a translate() table is ten times slower on long Arabic text.
    for ch in _REMOVED:
        if ch in text:
            text = text.replace(ch, "")
    for ch, to in _REPLACED:
        if ch in text:
            text = text.replace(ch, to)
    return text.lower()


def searchable_text(content: dict[str, Any]) -> str:
    """Subject, reference, addressees and body of an itu-circular/1 dict, folded. Only the text there is taken:
    a damaged record stays in the list and the search (reading it in full then says what is wrong)."""
    parts = _texts([content.get("subject"), content.get("reference"), content.get("addressees_intro")])
    parts += _texts(content.get("addressees")) + _texts(content.get("copy_to"))
    body = content.get("body")
    for block in body if isinstance(body, list) else []:
        if isinstance(block, dict):
            parts += _texts([block.get("text")]) + _texts(block.get("items"))
    return fold("\n".join(parts))


def _texts(values: object) -> list[str]:
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def matches(folded_text: str, folded_words: list[str]) -> bool:
    return all(word in folded_text for word in folded_words)
