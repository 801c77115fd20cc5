"""UAX #9 conformance: the Unicode 17.0.0 test files in tests/data/unicode/.

BidiCharacterTest.txt: 91,707 cases of real text (brackets, isolates, numbers),
each checked for its paragraph level, every resolved level and the visual order.
BidiTest.txt: 770,241 cases given as sequences of bidi classes, each with the
paragraph directions it applies to.
"""
import lzma
import unicodedata
from pathlib import Path

from circular_editor.typeset import bidi
from circular_editor.typeset.bidi import bidi_class, removed_by_x9, resolve_levels, visual_order

DATA = Path(__file__).resolve().parents[1] / "data" / "unicode"
CHARACTER_CASES = 91_707
CLASS_CASES = 770_241


def _lines(name: str):
    with lzma.open(DATA / name, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield line


def _order(levels: list[int], classes: list[str]) -> list[int]:
    kept = [i for i, cls in enumerate(classes) if not removed_by_x9(cls)]
    return [kept[i] for i in visual_order([levels[i] for i in kept])]


def _character_case_fails(line: str) -> bool:
    fields = line.split(";")
    text = "".join(chr(int(cp, 16)) for cp in fields[0].split())
    direction, para_level = int(fields[1]), int(fields[2])
    expected_levels, expected_order = fields[3].split(), [int(x) for x in fields[4].split()]
    levels, level = resolve_levels(text, None if direction == 2 else direction)
    if level != para_level:
        return True
    if any(want != "x" and got != int(want) for got, want in zip(levels, expected_levels)):
        return True
    return _order(levels, [bidi_class(ch) for ch in text]) != expected_order


def test_every_bidi_character_test_case_passes():
    total, failures = 0, []
    for line in _lines("BidiCharacterTest.txt.xz"):
        total += 1
        if _character_case_fails(line):
            failures.append(line)
    assert total == CHARACTER_CASES
    assert not failures, f"{len(failures)} of {total} fail; first: {failures[:3]}"


def test_every_bidi_test_case_passes():
    total, failures = 0, []
    expected_levels: list[str] = []
    expected_order: list[int] = []
    for line in _lines("BidiTest.txt.xz"):
        if line.startswith("@Levels:"):
            expected_levels = line.split(":", 1)[1].split()
            continue
        if line.startswith("@Reorder:"):
            expected_order = [int(x) for x in line.split(":", 1)[1].split()]
            continue
        if line.startswith("@"):
            continue
        sequence, bitset = line.split(";")
        classes = sequence.split()
        text = "a" * len(classes)  # no character is a bracket: the classes alone decide
        for bit, direction in ((1, None), (2, 0), (4, 1)):  # auto, LTR, RTL
            if not int(bitset) & bit:
                continue
            total += 1
            levels, _ = resolve_levels(text, direction, classes)
            ok = all(want == "x" or got == int(want) for got, want in zip(levels, expected_levels)) \
                and _order(levels, classes) == expected_order
            if not ok:
                failures.append(f"{sequence} ({bit})")
    assert total == CLASS_CASES
    assert not failures, f"{len(failures)} of {total} fail; first: {failures[:5]}"


def test_bracket_pairs_are_those_of_unicodedata():
    """bidi.py's literal table of paired brackets is what this Python's unicodedata gives: each mirrored
    opening punctuation (Ps) pairs with the nearest following mirrored closing punctuation (Pe), which
    reproduces BidiBrackets.txt (its pairs are checked by BidiCharacterTest above)."""
    derived = {}
    for cp in range(0x110000):
        ch = chr(cp)
        if unicodedata.category(ch) != "Ps" or not unicodedata.mirrored(ch):
            continue
        for follower in range(cp + 1, cp + 4):
            other = chr(follower)
            if unicodedata.category(other) == "Pe" and unicodedata.mirrored(other):
                derived[ch] = other
                break
    assert bidi._OPENING_TO_CLOSING == derived


def test_classes_of_a_text_are_those_of_its_characters():
    # every code point of the planes in use, assigned or not (unassigned ones get UAX #9's defaults)
    text = "".join(chr(cp) for cp in range(0x30000) if not 0xD800 <= cp <= 0xDFFF)
    assert bidi.bidi_classes(text) == [bidi_class(ch) for ch in text]
    assert bidi.bidi_classes("abc") == ["L", "L", "L"]
