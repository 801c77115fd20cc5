"""Letters nobody here had seen, typeset as a typesetter would (issue 26): read back from the PDF where the
rule is about where glyphs land, from the laid-out lines where it is about where lines break.

tests/data/letters/ holds the unseen-text letters; the 7-page letter is made here from seeded pieces.
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from circular_editor import markup, styles  # noqa: E402
from circular_editor.model import Circular, ListBlock, Paragraph, ValidationError  # noqa: E402
from circular_editor.paths import examples  # noqa: E402
from circular_editor.coverage import undrawable  # noqa: E402
from circular_editor.render.document import render  # noqa: E402
from circular_editor.typeset import ParagraphStyle, layout_paragraph  # noqa: E402
from circular_editor.typeset.layout import RUNT_CHARACTERS, URL_BREAK_AFTER, URL_PIECE  # noqa: E402

LETTERS = Path(__file__).resolve().parents[1] / "data" / "letters"
ENGLISH = ("This paragraph is entirely in English and must read left to right (ITU-T Study Group 5, Question 7/5), "
           "as the participants from the United Kingdom wrote it.")


def _letter(name: str) -> Circular:
    return Circular.from_json((LETTERS / f"{name}.json").read_bytes())


def _body_width(circular: Circular) -> tuple[float, float, float]:
    """(left edge, width, type size) of a numbered body paragraph's text in this circular's style."""
    style = styles.load(circular.style)
    p = style.page
    left, right = p.margin_left, p.width - p.margin_right
    return left, right - left - p.number_indent, style.type.body


def _lines(text: str, width: float, size: float, rtl: bool = True):
    spans = list(markup.parse(text))
    return layout_paragraph(spans, width, ParagraphStyle(size=size, rtl=rtl)).lines


# --- paragraph direction --------------------------------------------------------------------------------------

def test_an_english_paragraph_reads_left_to_right_aligned_left_its_last_line_at_the_left(tmp_path):
    circular = _letter("english-and-numbers")
    pdf = tmp_path / "english.pdf"
    pdf.write_bytes(render(circular).pdf)
    left, width, _ = _body_width(circular)
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        first = next(w for w in page.extract_words() if w["text"] == "This")
        rows: dict[int, list] = {}
        for char in page.chars:
            if char["top"] >= first["top"] - 1 and char["x1"] < left + width + 1:
                rows.setdefault(round(char["top"]), []).append(char)
        lines = []
        for top in sorted(rows):
            chars = sorted(rows[top], key=lambda c: c["x0"])
            text = "".join(c["text"] for c in chars)
            if not re.search(r"[A-Za-z]", text):
                break
            lines.append((text, chars[0]["x0"], chars[-1]["x1"]))
    assert len(lines) == 2
    assert " ".join(t for t, _, _ in lines).replace("  ", " ").startswith("This paragraph is entirely in English")
    assert "(ITU-T Study Group 5, Question 7/5)" in " ".join(t for t, _, _ in lines).replace(",Q", ", Q")
    assert all(abs(x0 - left) < 0.5 for _, x0, _ in lines), lines  # every line starts at the left margin
    assert abs(lines[0][2] - (left + width)) < 1.0  # justified: the first line reaches the right edge
    assert lines[-1][2] < left + width - 50  # the last line ends where its text ends, at the left
    assert lines[-1][0].rstrip().endswith("wrote it.")


def test_direction_is_read_written_and_refused_by_name():
    data = json.loads((LETTERS / "english-and-numbers.json").read_text(encoding="utf-8"))
    data["body"][0]["direction"] = "ltr"
    data["body"][3]["direction"] = "rtl"
    circular = Circular.from_dict(data)
    assert circular.body[0].direction == "ltr" and circular.body[1].direction is None
    assert isinstance(circular.body[3], ListBlock) and circular.body[3].direction == "rtl"
    assert Circular.from_json(circular.to_json()).to_dict() == circular.to_dict()
    assert "direction" not in circular.to_dict()["body"][1]  # auto is not written back where it was not given
    data["body"][2]["direction"] = "sideways"
    with pytest.raises(ValidationError) as refused:
        Circular.from_dict(data)
    assert refused.value.path == "body[2].direction" and "rtl, ltr, auto" in refused.value.problem


# UAX #9 P2-P3, as the format says: the first strong letter, even of an Arabic sentence that opens with a
# Latin word (its block is then set to right to left by hand, in the block's direction box).
@pytest.mark.parametrize("text, rtl", [
    (ENGLISH, False), ("يسعدني أن أدعوكم", True), ("(ITU) يسعدني", False), ("2027 — Geneva", False),
    ("**Bold** English first", False), ("[الموقع](https://itu.int) English", True), ("12 345", True),
])
def test_automatic_direction_is_the_first_strong_letters(text, rtl):
    assert markup.right_to_left(None, text) is rtl
    assert markup.right_to_left("rtl", ENGLISH) is True and markup.right_to_left("ltr", "عربي") is False


def test_a_run_of_latin_words_with_brackets_and_commas_stays_one_unit_in_arabic():
    text = "ناقشت لجنة (ITU-T Study Group 5, Question 7/5) الموضوع"
    (line,) = _lines(text, 460, 12)
    latin = sorted((g for g in line.glyphs if g.level % 2 == 0), key=lambda g: g.x)
    assert "".join(g.text for g in latin) == "ITU-T Study Group 5, Question 7/5"


# --- unbreakable units and URLs --------------------------------------------------------------------------------

ARABIC = ("يرجى من الإدارات تقديم مساهماتها إلى الأمانة قبل الاجتماع بوقت كاف ويمكن الاتصال بالمكتب لمزيد من "
          "المعلومات حول الترتيبات العملية والتسجيل والتأشيرات والمنح").split()
UNITS = ["+41 22 730 5111", "+41 22 730 6301", "+1 212 963 1234", "tsbsg5@itu.int", "bdt-events@itu.int",
         "www.wsis.org/forum", "https://www.itu.int/gsr27", "15/03/2027", "2027-04-12", "TSB/SG5/2027-04"]


def _running_text(rng: random.Random) -> tuple[str, list[str]]:
    words, used = [], []
    for _ in range(rng.randint(40, 70)):
        if rng.random() < 0.15:
            unit = rng.choice(UNITS)
            words.append(unit)
            used.append(unit)
        else:
            words.append(rng.choice(ARABIC))
    return " ".join(words) + ".", used


def test_no_phone_address_date_or_short_url_is_split_in_a_seven_page_letter():
    rng = random.Random(26)
    data = json.loads(examples()[-1].read_text(encoding="utf-8"))  # the TSB example's header and style
    paragraphs = [_running_text(rng) for _ in range(60)]
    data["body"] = [{"type": "paragraph", "text": text} for text, _ in paragraphs]
    circular = Circular.from_dict(data)
    assert render(circular).pdf.count(b"/Type /Page\n") >= 7 or _page_count(render(circular).pdf) >= 7
    _, width, size = _body_width(circular)
    split = []
    for text, units in paragraphs:
        lines = [line.text for line in _lines(text, width, size)]
        for unit in units:
            if not any(unit in line for line in lines):
                split.append(unit)
    assert split == []


def _page_count(pdf: bytes) -> int:
    done = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    return int(re.search(rb"Pages:\s+(\d+)", done.stdout).group(1))


def test_a_long_url_breaks_only_after_a_slash_query_or_equals_and_its_line_is_not_overstretched():
    url = "https://www.itu.int/en/ITU-T/Workshops-and-Seminars/2027/0412/Pages/default.aspx?lang=ar&year=2027"
    text = f"للاطلاع على البرنامج الكامل للاجتماع يرجى زيارة الصفحة {url} لمعرفة التفاصيل والمواعيد."
    for width in range(200, 460, 13):
        lines = _lines(text, width, 12)
        for line, following in zip(lines, lines[1:]):
            end = text.index(line.text) + len(line.text.rstrip())
            start = text.index(url)
            if start < end < start + len(url):  # the line breaks inside the URL
                assert text[end - 1] in URL_BREAK_AFTER, (width, line.text)
                assert end - start >= URL_PIECE and start + len(url) - end >= URL_PIECE
                gaps = [g for g in line.glyphs if g.text == "" and g.face.advances[g.gid] > 0 and g.y == 0]
                assert not gaps, "no kashida in a line broken inside a URL"
                assert line.used <= width + 0.01


def test_a_short_link_and_the_scheme_of_a_long_one_stay_whole():
    for width in range(150, 460, 11):
        lines = [line.text for line in _lines("التسجيل على www.wsis.org/forum قبل 1 فبراير 2027 يرجى", width, 12)]
        assert any("www.wsis.org/forum" in line for line in lines), (width, lines)
        lines = [line.text for line in _lines("الصفحة https://www.itu.int/en/ITU-T/Workshops-and-Seminars/2027/Pages "
                                              "للمزيد", width, 12)]
        assert any("https://www.itu.int/" in line for line in lines), (width, lines)


# --- runts -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", examples() + sorted(LETTERS.glob("*.json")), ids=lambda p: p.stem)
def test_no_paragraph_ends_with_a_runt(path):
    circular = Circular.from_json(path.read_bytes())
    left, width, size = _body_width(circular)
    numbered = circular.numbered_paragraphs if circular.numbered_paragraphs is not None else \
        styles.load(circular.style).numbered_paragraphs
    if not numbered:
        width += styles.load(circular.style).page.number_indent
    for block in circular.body:
        if not isinstance(block, Paragraph):
            continue
        lines = _lines(block.text, width, size, markup.right_to_left(block.direction, block.text))
        last = lines[-1].text.strip()
        if len(lines) > 1:
            assert len(last.split()) >= 2 or len(last) >= RUNT_CHARACTERS, (path.stem, last)


def test_a_runt_takes_the_last_word_of_the_line_above():
    text = "الاستراتيجيات والمستوطنات والتكنولوجيات المستدامة والمتخصصة والاقتصادية والإقليمية والدولية"
    for width in range(250, 460, 7):
        lines = _lines(text, width, 12)
        if len(lines) > 1:
            last = lines[-1].text.strip()
            assert len(last.split()) >= 2 or len(last) >= RUNT_CHARACTERS, (width, last)


# --- every character drawn or named; links -------------------------------------------------------------------

def test_an_emoji_is_drawn_from_the_symbol_face_and_a_character_no_face_has_is_named(tmp_path):
    circular = _letter("vocalised-and-markup")
    pdf = tmp_path / "emoji.pdf"
    pdf.write_bytes(render(circular).pdf)
    with pdfplumber.open(pdf) as document:
        emoji = [c for c in document.pages[0].chars if c["text"] == "\U0001F4C4"]
    assert len(emoji) == 1 and emoji[0]["fontname"].endswith("+Symbola")
    assert undrawable(circular.to_dict()) == []
    data = circular.to_dict()
    data["body"][1]["text"] += " 𓀀 𓀁"
    (warning,) = undrawable(data)
    assert warning.path == "body[1].text"
    assert warning.problem == "no font has U+13000 EGYPTIAN HIEROGLYPH A001 (𓀀) (and 1 more): it would print as a box"


def test_validate_names_the_field_and_the_character_and_still_says_valid(tmp_path):
    data = json.loads((LETTERS / "vocalised-and-markup.json").read_text(encoding="utf-8"))
    data["closing"] = "مع التحية 𓀀"
    path = tmp_path / "hieroglyph.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "circular_editor", "validate", str(path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "valid" in done.stdout
    assert "warning: closing: no font has U+13000" in done.stderr


@pytest.mark.parametrize("text, problem", [
    ("[انقر هنا](javascript:alert(1))", "'javascript:alert(1)' is not an http, https or mailto address"),
    ("انظر [الموقع](ftp://itu.int/a) للمزيد", "'ftp://itu.int/a' is not an http, https or mailto address"),
    ("انظر [الموقع](https://itu.int للمزيد", "is not closed: a link is written [words](address)"),
])
def test_a_link_that_is_not_http_https_or_mailto_or_not_closed_is_refused_naming_it(text, problem):
    data = json.loads((LETTERS / "vocalised-and-markup.json").read_text(encoding="utf-8"))
    data["body"][0]["text"] = text
    with pytest.raises(ValidationError) as refused:
        Circular.from_dict(data)
    assert refused.value.path == "body[0].text" and problem in refused.value.problem


def test_a_link_with_brackets_in_its_address_leaves_no_stray_bracket():
    spans = markup.parse("راجع [الصفحة](https://en.wikipedia.org/wiki/ITU_(organisation)) للمزيد.")
    assert "".join(s.text for s in spans) == "راجع الصفحة للمزيد."
    assert [s.link for s in spans if s.link] == ["https://en.wikipedia.org/wiki/ITU_(organisation)"]
