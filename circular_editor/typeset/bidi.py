"""The Unicode Bidirectional Algorithm (UAX #9): embedding levels and visual order.

Where the levels come from, and why: python-bidi (named in the design card) only
returns display strings. Its Rust `get_display` neither mirrors brackets nor
exposes levels, and its old pure-Python `bidi.algorithm` raises on isolates
(U+2066..U+2069). The engine needs the *levels* (runs are split by level before
HarfBuzz shapes them, lines are broken in logical order and only then
reordered), with isolates and paired brackets. So the levels are resolved here,
rule by rule, from the bidi classes of Python's `unicodedata` and the bracket
pairs derived below. Comments cite the rule ids of UAX #9. The conformance file
BidiCharacterTest.txt runs against this module in tests/typeset/.

Mirroring is *not* done here: HarfBuzz mirrors brackets in RTL runs by itself.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_STRONG_OR_NUMBER = {"L": "L", "R": "R", "AL": "R", "EN": "R", "AN": "R"}
_ISOLATE_INITIATORS = frozenset(("LRI", "RLI", "FSI"))
_EMBEDDINGS = frozenset(("LRE", "RLE", "LRO", "RLO"))
_REMOVED_BY_X9 = frozenset(("LRE", "RLE", "LRO", "RLO", "PDF", "BN"))
_NEUTRAL_OR_ISOLATE = frozenset(("B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"))
MAX_DEPTH = 125


def _default_class(cp: int) -> str:
    """Bidi class of a code point the running unicodedata does not know (DerivedBidiClass)."""
    if 0x0590 <= cp <= 0x08FF or 0xFB1D <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF \
            or 0x10800 <= cp <= 0x10FFF or 0x1E800 <= cp <= 0x1EFFF:
        arabic = 0x0600 <= cp <= 0x07BF or 0x0860 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFDFF \
            or 0xFE70 <= cp <= 0xFEFF or 0x1EC70 <= cp <= 0x1EEFF
        return "AL" if arabic else "R"
    if 0x20A0 <= cp <= 0x20CF:
        return "ET"
    if (0xFDD0 <= cp <= 0xFDEF) or (cp & 0xFFFE) == 0xFFFE or 0xE0000 <= cp <= 0xE0FFF:
        return "BN"
    return "L"


@lru_cache(maxsize=4096)
def bidi_class(ch: str) -> str:
    cls = unicodedata.bidirectional(ch)
    return cls if cls else _default_class(ord(ch))


def bidi_classes(text: str) -> list[str]:
    """bidi_class of every character, the lookups mapped at C speed (unassigned ones then filled in)."""
    classes = list(map(unicodedata.bidirectional, text))
    if "" in classes:
        classes = [cls or _default_class(ord(ch)) for cls, ch in zip(classes, text)]
    return classes


# Bidi_Paired_Bracket (BidiBrackets.txt), opening then closing, as the running Python's unicodedata
# derives it (tests/typeset/test_bidi_conformance.py checks the two agree). A literal because
# deriving it scans 65,536 code points: 6 ms of every cold start.
_PAIRS = ("()[]{}\u0f3a\u0f3b\u0f3c\u0f3d\u169b\u169c\u2045\u2046\u207d\u207e\u208d\u208e\u2308\u2309\u230a\u230b"
          "\u2329\u232a\u2768\u2769\u276a\u276b\u276c\u276d\u276e\u276f\u2770\u2771\u2772\u2773\u2774\u2775"
          "\u27c5\u27c6\u27e6\u27e7\u27e8\u27e9\u27ea\u27eb\u27ec\u27ed\u27ee\u27ef\u2983\u2984\u2985\u2986"
          "\u2987\u2988\u2989\u298a\u298b\u298c\u298d\u298e\u298f\u2990\u2991\u2992\u2993\u2994\u2995\u2996"
          "\u2997\u2998\u29d8\u29d9\u29da\u29db\u29fc\u29fd\u2e22\u2e23\u2e24\u2e25\u2e26\u2e27\u2e28\u2e29"
          "\u2e55\u2e56\u2e57\u2e58\u2e59\u2e5a\u2e5b\u2e5c\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f"
          "\u3010\u3011\u3014\u3015\u3016\u3017\u3018\u3019\u301a\u301b\ufe59\ufe5a\ufe5b\ufe5c\ufe5d\ufe5e"
          "\uff08\uff09\uff3b\uff3d\uff5b\uff5d\uff5f\uff60\uff62\uff63")
_OPENING_TO_CLOSING = dict(zip(_PAIRS[::2], _PAIRS[1::2]))
_CLOSING = frozenset(_PAIRS[1::2])
_CANONICAL_BRACKET = {"\u2329": "\u3008", "\u232a": "\u3009"}
_BRACKET = re.compile("[%s]" % re.escape("".join(_OPENING_TO_CLOSING) + "".join(_CLOSING)))
_BRACKET_STACK = 63  # BD16: deeper than this, pairing stops for the rest of the sequence


def first_strong_level(classes: list[str], start: int = 0, end: int | None = None) -> int | None:
    """P2/P3: level of the first strong character, skipping isolated text; None if none."""
    depth = 0
    for cls in classes[start:end]:
        if cls in _ISOLATE_INITIATORS:
            depth += 1
        elif cls == "PDI":
            if depth:
                depth -= 1
        elif cls == "B":
            break
        elif depth == 0 and cls in ("L", "R", "AL"):
            return 0 if cls == "L" else 1
    return None


def _match_isolates(classes: list[str]) -> dict[int, int]:
    """BD9: index of each isolate initiator -> index of its matching PDI."""
    matches: dict[int, int] = {}
    stack: list[int] = []
    for i, cls in enumerate(classes):
        if cls in _ISOLATE_INITIATORS:
            stack.append(i)
        elif cls == "PDI" and stack:
            matches[stack.pop()] = i
        elif cls == "B":
            stack.clear()
    return matches


def _explicit_levels(classes: list[str], base: int, isolates: dict[int, int]) -> tuple[list[int], list[str]]:
    """X1-X8: explicit embedding levels; overrides rewrite the classes they cover."""
    n = len(classes)
    levels = [base] * n
    types = list(classes)
    stack: list[tuple[int, str | None, bool]] = [(base, None, False)]  # (level, override class, is isolate)
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    for i, cls in enumerate(classes):
        level, override, _ = stack[-1]
        if cls in _EMBEDDINGS:  # X2-X5
            new = (level + 2) & ~1 if cls in ("LRE", "LRO") else (level + 1) | 1
            if new <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                stack.append((new, {"LRO": "L", "RLO": "R"}.get(cls), False))
            elif overflow_isolates == 0:
                overflow_embeddings += 1
            levels[i] = level
        elif cls in _ISOLATE_INITIATORS:  # X5a-X5c
            if cls == "FSI":
                inner = first_strong_level(classes, i + 1, isolates.get(i, n))
                cls = "RLI" if inner == 1 else "LRI"
            levels[i] = level
            if override:
                types[i] = override
            new = (level + 2) & ~1 if cls == "LRI" else (level + 1) | 1
            if new <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                valid_isolates += 1
                stack.append((new, None, True))
            else:
                overflow_isolates += 1
        elif cls == "PDI":  # X6a
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            level, override, _ = stack[-1]
            levels[i] = level
            if override:
                types[i] = override
        elif cls == "PDF":  # X7
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) >= 2:
                stack.pop()
            levels[i] = level
        elif cls == "B":  # X8
            levels[i] = base
        else:  # X6 (BN keeps the current level; X9 removes it below)
            levels[i] = level
            if override and cls != "BN":
                types[i] = override
    return levels, types


def _isolating_run_sequences(kept: list[int], levels: list[int], classes: list[str],
                             isolates: dict[int, int]) -> list[list[int]]:
    """BD13 / X10: chain level runs (of characters X9 keeps) across matched isolates."""
    runs: list[list[int]] = []
    for i in kept:
        if runs and levels[runs[-1][-1]] == levels[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    run_starting_at = {run[0]: run for run in runs}
    matched_pdis = set(isolates.values())
    sequences = []
    for run in runs:
        if classes[run[0]] == "PDI" and run[0] in matched_pdis:
            continue
        sequence = list(run)
        while classes[sequence[-1]] in _ISOLATE_INITIATORS and sequence[-1] in isolates:
            following = run_starting_at.get(isolates[sequence[-1]])
            if following is None:
                break
            sequence.extend(following)
        sequences.append(sequence)
    return sequences


def _resolve_weak(t: list[str], sos: str) -> None:
    """W1-W7 on the classes of one isolating run sequence, in place."""
    n = len(t)
    prev = sos
    for i in range(n):  # W1
        if t[i] == "NSM":
            t[i] = "ON" if prev in _ISOLATE_INITIATORS or prev == "PDI" else prev
        prev = t[i]
    last_strong = sos
    for i in range(n):  # W2, W3
        c = t[i]
        if c in ("L", "R", "AL"):
            last_strong = c
            if c == "AL":
                t[i] = "R"
        elif c == "EN" and last_strong == "AL":
            t[i] = "AN"
    for i in range(1, n - 1):  # W4
        c = t[i]
        if c == "ES" and t[i - 1] == "EN" and t[i + 1] == "EN":
            t[i] = "EN"
        elif c == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
            t[i] = t[i - 1]
    i = 0
    while i < n:  # W5
        if t[i] == "ET":
            j = i
            while j < n and t[j] == "ET":
                j += 1
            if (i > 0 and t[i - 1] == "EN") or (j < n and t[j] == "EN"):
                t[i:j] = ["EN"] * (j - i)
            i = j
        else:
            i += 1
    last_strong = sos
    for i in range(n):  # W6, W7
        c = t[i]
        if c in ("ES", "ET", "CS"):
            t[i] = "ON"
        elif c in ("L", "R"):
            last_strong = c
        elif c == "EN" and last_strong == "L":
            t[i] = "L"


def _bracket_pairs(seq: list[int], text: str, t: list[str]) -> list[tuple[int, int]]:
    """BD16: positions (within the sequence) of paired brackets, sorted by opening."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for pos, idx in enumerate(seq):
        if t[pos] != "ON":
            continue
        ch = text[idx]
        closing = _OPENING_TO_CLOSING.get(ch)
        if closing is not None:
            if len(stack) == _BRACKET_STACK:
                break
            stack.append((_CANONICAL_BRACKET.get(closing, closing), pos))
        elif ch in _CLOSING:
            ch = _CANONICAL_BRACKET.get(ch, ch)
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], pos))
                    del stack[depth:]
                    break
    pairs.sort()
    return pairs


def bracket_depths(text: str, isolated: list[tuple[int, int]]) -> tuple[list[int], list[int]] | None:
    """BD16 along a paragraph with no explicit embedding whose isolated units are the ranges `isolated`
    (sorted): the position of every bracket outside them and the depth of the pairing stack after it.
    None when the stack overflows, as pairing then stops for the rest of the paragraph."""
    positions: list[int] = []
    depths: list[int] = []
    stack: list[str] = []
    ranges = iter(isolated)
    current = next(ranges, None)
    for match in _BRACKET.finditer(text):
        i = match.start()
        while current is not None and current[1] <= i:
            current = next(ranges, None)
        if current is not None and current[0] <= i:
            continue  # inside an isolated unit: another isolating run sequence
        ch = text[i]
        closing = _OPENING_TO_CLOSING.get(ch)
        if closing is not None:
            if len(stack) == _BRACKET_STACK:
                return None
            stack.append(_CANONICAL_BRACKET.get(closing, closing))
        else:
            ch = _CANONICAL_BRACKET.get(ch, ch)
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth] == ch:
                    del stack[depth:]
                    break
        positions.append(i)
        depths.append(len(stack))
    return positions, depths


def _resolve_brackets(seq: list[int], text: str, t: list[str], original: list[str],
                      sos: str, embedding: str) -> None:
    """N0: paired brackets take the direction of the strong text they enclose."""
    for open_pos, close_pos in _bracket_pairs(seq, text, t):
        inside = {_STRONG_OR_NUMBER.get(c) for c in t[open_pos + 1:close_pos]}
        if embedding in inside:  # N0 b
            direction = embedding
        elif inside - {None}:  # N0 c: only the opposite direction inside
            before = sos
            for c in reversed(t[:open_pos]):
                if c in _STRONG_OR_NUMBER:
                    before = _STRONG_OR_NUMBER[c]
                    break
            direction = before if before != embedding else embedding
        else:  # N0 d
            continue
        for pos in (open_pos, close_pos):
            t[pos] = direction
            follower = pos + 1  # NSMs after a bracket follow its change (N0, last paragraph)
            while follower < len(t) and original[seq[follower]] == "NSM":
                t[follower] = direction
                follower += 1


def _resolve_neutrals(t: list[str], sos: str, eos: str, embedding: str) -> None:
    """N1, N2: runs of neutrals take the direction around them, else the embedding's."""
    n = len(t)
    i = 0
    while i < n:
        if t[i] not in _NEUTRAL_OR_ISOLATE and t[i] != "BN":
            i += 1
            continue
        j = i
        while j < n and (t[j] in _NEUTRAL_OR_ISOLATE or t[j] == "BN"):
            j += 1
        before = _STRONG_OR_NUMBER.get(t[i - 1], "L") if i > 0 else sos
        after = _STRONG_OR_NUMBER.get(t[j], "L") if j < n else eos
        direction = before if before == after else embedding
        t[i:j] = [direction] * (j - i)
        i = j


def resolve_levels(text: str, base_level: int | None = 1, classes: list[str] | None = None) -> tuple[list[int], int]:
    """Embedding level of every character of one paragraph, and the paragraph level.

    `base_level` 1 is right-to-left (what an Arabic letter uses: never guessed),
    0 left-to-right, None applies P2/P3. Characters removed by X9 (embedding
    controls, BN) get the level of the character before them, so they stay
    inside the run they were typed in; they are zero-width and never drawn.
    Levels are after L1 (trailing whitespace and isolates at the paragraph level).
    """
    if classes is None:
        classes = bidi_classes(text)
    n = len(classes)
    isolates = _match_isolates(classes)
    if base_level is None:
        base_level = first_strong_level(classes) or 0
    levels, types = _explicit_levels(classes, base_level, isolates)
    kept = [i for i in range(n) if classes[i] not in _REMOVED_BY_X9]
    position_in_kept = {idx: k for k, idx in enumerate(kept)}
    explicit = list(levels)  # sos/eos compare explicit levels, before I1/I2 of other sequences
    for seq in _isolating_run_sequences(kept, explicit, classes, isolates):
        level = levels[seq[0]]
        k_first, k_last = position_in_kept[seq[0]], position_in_kept[seq[-1]]
        before = explicit[kept[k_first - 1]] if k_first > 0 else base_level
        if classes[seq[-1]] in _ISOLATE_INITIATORS or k_last + 1 >= len(kept):
            after = base_level
        else:
            after = explicit[kept[k_last + 1]]
        sos = "R" if max(level, before) & 1 else "L"
        eos = "R" if max(levels[seq[-1]], after) & 1 else "L"
        embedding = "R" if level & 1 else "L"
        t = [types[i] for i in seq]
        _resolve_weak(t, sos)
        _resolve_brackets(seq, text, t, classes, sos, embedding)
        _resolve_neutrals(t, sos, eos, embedding)
        for idx, cls in zip(seq, t):  # I1, I2
            lvl = levels[idx]
            if lvl & 1:
                if cls in ("L", "EN", "AN"):
                    levels[idx] = lvl + 1
            elif cls == "R":
                levels[idx] = lvl + 1
            elif cls in ("AN", "EN"):
                levels[idx] = lvl + 2
    _reset_whitespace(classes, levels, base_level)
    _inherit_removed(classes, levels, base_level)
    return levels, base_level


def _reset_whitespace(classes: list[str], levels: list[int], base: int) -> None:
    """L1: separators, and whitespace/isolates before them or at the line end, to base."""
    trailing = True
    for i in range(len(classes) - 1, -1, -1):
        cls = classes[i]
        if cls in ("S", "B"):
            levels[i] = base
            trailing = True
        elif cls in ("WS", "LRI", "RLI", "FSI", "PDI") or cls in _REMOVED_BY_X9:
            if trailing:
                levels[i] = base
        else:
            trailing = False


def _inherit_removed(classes: list[str], levels: list[int], base: int) -> None:
    previous = base
    for i, cls in enumerate(classes):
        if cls in _REMOVED_BY_X9:
            levels[i] = previous
        else:
            previous = levels[i]


def removed_by_x9(cls: str) -> bool:
    return cls in _REMOVED_BY_X9


def visual_order(levels: list[int]) -> list[int]:
    """L2: indices in visual (left-to-right) order for the levels of one line."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(level for level in levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        n = len(levels)
        while i < n:
            if levels[order[i]] >= level:
                j = i
                while j < n and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order
