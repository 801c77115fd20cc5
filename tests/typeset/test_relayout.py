"""A long paragraph laid out again from the kept one after an edit equals the paragraph laid out whole."""
import random

import pytest

from circular_editor.typeset import ParagraphStyle, Span, layout_paragraph, relayout
from circular_editor.typeset.bidi import resolve_levels

PIECES = [
    "يسعدني أن أحيطكم علماً بأن", "الاتحاد الدولي للاتصالات (ITU)", "بالتعاون مع لجنة الأمم المتحدة",
    "مبادرة U4SSC", "في 20 يونيو 2023،", "على الموقع https://www.itu.int/ar/Pages/default.aspx.",
    "أو بالهاتف +41 22 730 5111", "عَلَّمَ الإِنْسَانَ مَا لَمْ يَعْلَمْ", "البريد tsbsg@itu.int", "WSIS+15 Forum 2023",
    "فرصة كبيرة", "منه كمنصة",  # Amiri kerns the keheh under the word before it, across the space
    "(انظر الملحق [1] والفقرة (ب))", "[ملاحظة: (مهم)", "نهاية.)", "«اقتباس»", "النسبة 50% من 1,000.5", "א ב ג",
    "ـــ ممتد", "لا إله", "٣٤٥ رقماً هندياً",
]
EDITS = ["ب", " ", "(", ")", "[", "]", "a", "1", "،", "ً", ".", "ITU ", "https://x.org/a ", "لا", "\u0640", " (",
         "ك", "كبيرة"]


def paragraph(rng: random.Random, length: int) -> str:
    words = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(PIECES))
    return " ".join(words)


def edit(rng: random.Random, text: str) -> str:
    at = rng.randrange(len(text) + 1)
    kind = rng.random()
    if kind < 0.5:  # type something
        return text[:at] + rng.choice(EDITS) + text[at:]
    if kind < 0.8:  # delete a few characters
        return text[:at] + text[at + rng.randint(1, 12):]
    return text[:at] + rng.choice(EDITS) + text[at + 1:]  # replace one


def whole(spans, width, style):
    """The paragraph laid out from nothing (the kept paragraphs put back afterwards)."""
    kept = list(relayout._kept)
    relayout.forget()
    try:
        return layout_paragraph(spans, width, style)
    finally:
        relayout._kept[:] = kept


def assert_same(spans, width, style, previous) -> int:
    """Laid out from the kept paragraphs, then whole: the same lines. Returns how many lines it reused."""
    again = layout_paragraph(spans, width, style)
    expected = whole(spans, width, style)
    assert [line.text for line in again.lines] == [line.text for line in expected.lines]
    assert again.lines == expected.lines
    return sum(1 for line in again.lines if any(line is old for old in previous.lines))


@pytest.mark.parametrize("seed", range(12))
def test_edits_give_the_whole_layout(seed):
    rng = random.Random(seed)
    style = ParagraphStyle(size=rng.choice([11, 12]), kashida=seed % 3 != 0)
    width = rng.choice([300, 453])
    text = paragraph(rng, rng.randint(1_200, 3_000))
    relayout.forget()
    previous = layout_paragraph([Span(text)], width, style)
    reused = []
    for _ in range(20):  # a chain of edits, each laid out from the layout the edit before left
        text = edit(rng, text)
        reused.append(assert_same([Span(text)], width, style, previous))
        previous = layout_paragraph([Span(text)], width, style)
    # Most edits reused lines: what was compared is the incremental path.
    assert sum(1 for n in reused if n) >= len(reused) * 3 // 4, reused


def test_edits_inside_styled_spans():
    rng = random.Random(99)
    style = ParagraphStyle(size=12)
    parts = [paragraph(rng, 700), "نص غامق مهم", paragraph(rng, 500), "الموقع", paragraph(rng, 600)]

    def spans():
        return [Span(parts[0]), Span(parts[1], bold=True), Span(parts[2]),
                Span(parts[3], link="https://www.itu.int"), Span(parts[4])]
    relayout.forget()
    previous = layout_paragraph(spans(), 453, style)
    reused = []
    for _ in range(25):
        k = rng.choice([0, 1, 2, 3, 4])
        parts[k] = edit(rng, parts[k]) or "ب"
        reused.append(assert_same(spans(), 453, style, previous))
        previous = layout_paragraph(spans(), 453, style)
    assert sum(1 for n in reused if n) >= len(reused) * 3 // 4, reused


def test_a_bracket_opened_far_away_is_seen():
    """An opening bracket typed near the start pairs with a closing one thousands of characters later:
    alone, `)` between two Greek letters is left to right; paired around Arabic, right to left (N0)."""
    rng = random.Random(5)
    body = "".join(ch for ch in paragraph(rng, 2_500) if ch not in "()[]")
    before, after = "نص " + body + " ω)ψ نهاية", "نص (" + body + " ω)ψ نهاية"
    closing = [(resolve_levels(t)[0][t.index(")")]) for t in (before, after)]
    assert closing == [2, 1]
    relayout.forget()
    previous = layout_paragraph(before, 453, ParagraphStyle())
    assert_same([Span(after)], 453, ParagraphStyle(), previous)


def test_embeddings_are_laid_out_whole():
    """Explicit embeddings reach any distance: such a paragraph is not kept."""
    text = "\u202b" + "كلمة عربية " * 200 + "\u202c"
    assert not relayout.worth_keeping(text)
    assert relayout.worth_keeping("كلمة عربية " * 200)
