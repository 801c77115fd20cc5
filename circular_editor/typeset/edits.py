"""What an edit changed in a text: the characters it left at the start and at the end.

Light (no fonts, no HarfBuzz): relayout.py finds what it can keep of a long paragraph with it,
and the editor's fields (ui/bidi.py) the smallest part of their text to replace.
"""
from __future__ import annotations


def common_ends(a: str, b: str) -> tuple[int, int]:
    """(characters `a` and `b` share at their start, at their end), the end not overlapping the start in
    either. Found by halving with slice comparisons, which run in C: a few dozen for 20,000 characters."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    start = lo
    lo, hi = 0, min(len(a), len(b)) - start
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return start, lo
