"""Paragraphs drawn into real PDFs with the embedded fonts, read back from the PDF.

Two independent read-backs:
- pdftotext (poppler) must return Arabic as typed: harakat, tatweel, lam-alef,
  line order. Poppler's own reordering (`reorderText`) treats every character
  that is not right-to-left, the Arabic comma included, as left-to-right, so a
  comma or a bracket next to Latin text comes back misplaced from *any* PDF;
  those cases are checked the second way.
- pdfplumber gives each drawn glyph's ToUnicode text in drawing order (left to
  right). That visual string must equal what python-bidi's Rust implementation
  of UAX #9 (a different implementation from ours) displays for the same text:
  this checks order, isolation and that every character is given back.
"""
import pdfplumber
import pytest
from bidi import get_display
from reportlab.pdfgen.canvas import Canvas

from circular_editor.typeset import ParagraphStyle, Span, draw_paragraph, layout_paragraph
from circular_editor.typeset.isolate import find_isolates, with_isolates
from conftest import pdftotext

WIDTH = 420
ISOLATE_CONTROLS = str.maketrans("", "", "\u2066\u2067\u2068\u2069")

MIXED = [
    "شاركت 19 وكالة من وكالات الأمم المتحدة في مبادرة U4SSC لعام 2023 ضمن Partner2Connect.",
    "الهاتف: +41\u00a022\u00a0730\u00a06301 والفاكس: +41 22 730 5853",
    "الاطلاع في العنوان: https://u4ssc.itu.int/latest-meetings/7th-meeting/ وشكراً.",
    "الاتحاد الدولي للاتصالات (ITU) وبرنامج الأمم المتحدة (UN-Habitat) ومنتدى (WSIS+15).",
    "الاجتماع (اجتماع افتراضي، 20 يونيو 2023) و[ملاحظة] و{تفاصيل}.",
    "المرجع: CL-20/025 و BDT/DIR/110 و TSB Circular 92 و WSIS Forum 2023/01",
    "البريد الإلكتروني: wsis-info@itu.int أو Partner2Connect@itu.int",
    "تقديم معلومات محدَّثة عن بُعد، ويُشجَّع المشاركون على ذلك.",
    "لا إله إلا الله، والسلام عليكم، لأن الإدارة لإعداد الآلات",
]
ARABIC = [
    "تقديم معلومات محدَّثة عن بُعد ويُشجَّع المشاركون على ذلك",
    "كتـــاب جميـــل والتطـــبيق",
    "لا إله إلا الله والسلام عليكم لأن الإدارة لإعداد الآلات",
    "يسعدني أن أحيطكم علماً بأن الاتحاد الدولي للاتصالات ولجنة الأمم المتحدة",
]
LONG = ("يسعدني أن أحيطكم علماً بأن الاتحاد الدولي للاتصالات (ITU) بالتعاون مع لجنة الأمم المتحدة "
        "الاقتصادية لأوروبا (UNECE) وبرنامج الأمم المتحدة للمستوطنات البشرية (UN-Habitat) بصدد تنظيم "
        "الاجتماع السابع لمبادرة \"متحدون من أجل مدن ذكية مستدامة (U4SSC)\". وسيعقد هذا الاجتماع بشكل "
        "افتراضي من الساعة 09:30 إلى الساعة 16:00، بتوقيت وسط أوروبا الصيفي، يوم 20 يونيو 2023.")


def render(tmp_path, paragraphs, style=ParagraphStyle(), name="p.pdf"):
    path = tmp_path / name
    canvas = Canvas(str(path), invariant=1)
    top = 780
    layouts = []
    for spans in paragraphs:
        layout = layout_paragraph([Span(spans)] if isinstance(spans, str) else spans, WIDTH, style)
        top = draw_paragraph(canvas, layout, 90, top, style.size) - 12
        layouts.append(layout)
    canvas.save()
    return path, layouts


def drawn_lines(path):
    """Per line, the ToUnicode text of each glyph from left to right (glyphs with no text of their own,
    copied as U+200D, skipped). Runs are drawn in logical order, so this sorts by position; a mark is
    drawn at its letter's pen, before the letter."""
    with pdfplumber.open(path) as pdf:
        chars = [c for c in pdf.pages[0].chars if not c["text"].startswith("(cid:") and c["text"] != "\u200d"]
    lines: dict[float, list] = {}
    for c in chars:
        lines.setdefault(round(c["matrix"][5] / 4), []).append(c)  # by baseline
    return ["".join(c["text"] for c in sorted(parts, key=lambda c: round(c["x0"], 2)))
            for _, parts in sorted(lines.items(), reverse=True)]


def reference_display(text: str) -> str:
    isolated, _ = with_isolates(text, find_isolates(text))
    return get_display(isolated, base_dir="R").translate(ISOLATE_CONTROLS)


@pytest.mark.parametrize("text", MIXED)
def test_drawn_glyph_text_is_the_reference_visual_order(tmp_path, text):
    path, layouts = render(tmp_path, [text])
    assert len(layouts[0].lines) == 1, "each case is meant to fit one line"
    assert drawn_lines(path) == [reference_display(text)]


@pytest.mark.parametrize("text", ARABIC)
def test_pdftotext_reads_arabic_as_typed(tmp_path, text):
    path, _ = render(tmp_path, [text])
    assert [line.strip() for line in pdftotext(path).splitlines() if line.strip()] == [text]


def test_paragraph_of_many_lines_keeps_line_order(tmp_path):
    path, layouts = render(tmp_path, [LONG])
    lines = layouts[0].lines
    assert len(lines) >= 3
    assert " ".join(line.text.strip() for line in lines) == LONG
    assert drawn_lines(path) == [reference_display(line.text.strip()) for line in lines]
    arabic_only = " ".join(ARABIC[0::3] * 4)
    path, layouts = render(tmp_path, [arabic_only], name="arabic.pdf")
    got = [line.strip() for line in pdftotext(path).splitlines() if line.strip()]
    assert len(got) >= 3 and " ".join(got) == arabic_only


def test_no_private_use_or_presentation_forms_in_the_text(tmp_path):
    path, _ = render(tmp_path, MIXED + ARABIC)
    text = pdftotext(path)
    assert not any(0xE000 <= ord(ch) <= 0xF8FF or 0xFB50 <= ord(ch) <= 0xFEFF for ch in text)


def test_styles_and_fonts_are_embedded_subsets(tmp_path):
    spans = [Span("نص عادي "), Span("وغامق", bold=True), Span(" ومائل", italic=True),
             Span(" Bold Italic", bold=True, italic=True), Span(" ✓ رمز")]
    path, _ = render(tmp_path, [spans])
    with pdfplumber.open(path) as pdf:
        names = {c["fontname"] for c in pdf.pages[0].chars}
    subsets = {n.split("+", 1)[1] for n in names}
    assert subsets == {"Amiri-Regular", "Amiri-Bold", "Amiri-Slanted", "Amiri-BoldSlanted", "DejaVuSans"}
    assert all(len(n.split("+")[0]) == 6 and n.split("+")[0].isupper() for n in names)
    assert drawn_lines(path) == [reference_display("نص عادي وغامق ومائل Bold Italic ✓ رمز")]
    raw = path.read_bytes()
    assert raw.count(b"/FontFile2") == 5
    assert path.stat().st_size < 120_000, "fonts must be embedded as subsets"


def test_same_input_gives_same_bytes(tmp_path):
    first, _ = render(tmp_path, [LONG], name="a.pdf")
    second, _ = render(tmp_path, [LONG], name="b.pdf")
    assert first.read_bytes() == second.read_bytes()


def test_textless_glyphs_left_alone_at_a_change_of_face_keep_their_own_face_units():
    """Glyphs with no text and nothing after them in their TJ are drawn on their own when the next glyph is
    of another face: their offsets are in their own face's units (Amiri 1000 per em, DejaVu 2048)."""
    from circular_editor.typeset.draw import LinePlan
    from circular_editor.typeset.fonts import FontFace, default_family
    from circular_editor.typeset.layout import Line, PlacedGlyph

    family = default_family()
    amiri, dejavu = family.regular, family.fallbacks[0]
    assert (amiri.upem, dejavu.upem) == (1000, 2048)
    tatweel, check = amiri.cmap[0x0640], dejavu.cmap[0x2713]
    glyphs = [PlacedGlyph(amiri, tatweel, 10.0, 0.0, "", 0, 1, 0), PlacedGlyph(amiri, tatweel, 13.0, 0.0, "", 0, 1, 0),
              PlacedGlyph(dejavu, check, 20.0, 0.0, "✓", 0, 1, 1)]
    line = Line(glyphs, 100.0, 20.0, 10.0, 10.0, 3.0, 17.4, "", [])
    program = LinePlan(line, 0.0, 12.0, [Span("✓")]).program
    face, amiri_glyphs = None, []
    for item in program:  # (a face selects the font of the TJ tuples after it)
        face = item if isinstance(item, FontFace) else face
        if item.__class__ is tuple and face is amiri:
            amiri_glyphs.append(item)
    assert amiri_glyphs == [((((tatweel, 0, 0),), "", 0), (((tatweel, 250, 0),), "", 0))]  # 3 pt = 250 units
