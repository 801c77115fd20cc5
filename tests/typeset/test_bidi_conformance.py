"""UAX #9 conformance: BidiCharacterTest.txt (Unicode 17.0.0) from ../shared/data/unicode/."""
import lzma
import unicodedata
from pathlib import Path

import pytest

from circular_editor.typeset.bidi import bidi_class, removed_by_x9, resolve_levels, visual_order

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "unicode" / "BidiCharacterTest.txt.xz"


def _known(text: str) -> bool:
    """Skip cases with characters newer than the running unicodedata."""
    return all(unicodedata.category(ch) != "Cn" or unicodedata.bidirectional(ch) for ch in text)


def _cases():
    with lzma.open(DATA, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = line.split(";")
            text = "".join(chr(int(cp, 16)) for cp in fields[0].split())
            yield text, int(fields[1]), int(fields[2]), fields[3].split(), [int(x) for x in fields[4].split()]


def _passes(text, direction, para_level, expected_levels, expected_order) -> bool:
    levels, level = resolve_levels(text, None if direction == 2 else direction)
    if level != para_level:
        return False
    classes = [bidi_class(ch) for ch in text]
    for got, want in zip(levels, expected_levels):
        if want != "x" and got != int(want):
            return False
    kept = [i for i, cls in enumerate(classes) if not removed_by_x9(cls)]
    order = [kept[i] for i in visual_order([levels[i] for i in kept])]
    return order == expected_order


@pytest.mark.skipif(not DATA.exists(), reason="shared/data/unicode not beside the repository")
def test_bidi_character_test_conformance():
    total = passed = 0
    failures = []
    for case in _cases():
        if not _known(case[0]):
            continue
        total += 1
        if _passes(*case):
            passed += 1
        elif len(failures) < 5:
            failures.append(" ".join(f"{ord(c):04X}" for c in case[0]))
    print(f"BidiCharacterTest: {passed}/{total} passed")
    assert total > 90_000
    assert passed / total >= 0.999, f"{passed}/{total}; first failures: {failures}"
