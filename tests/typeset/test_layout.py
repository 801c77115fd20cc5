"""Line breaking, justification, kashida, fallbacks and bad input, on the real fonts."""
import logging

import pdfplumber
from fontTools.ttLib import TTFont
from reportlab.pdfgen.canvas import Canvas

from circular_editor.typeset import ParagraphStyle, Span, default_family, draw_paragraph, layout_paragraph, load_face
from circular_editor.typeset.fonts import FONT_DIR, FontFace, FontFamily
from conftest import draw_to_pdf, pdftotext

BODY = ("وباب المشاركة في الاجتماع مفتوح أمام الدول الأعضاء في الاتحاد وأعضاء القطاع والمنتسبين "
        "والمؤسسات الأكاديمية وأمام أي شخص من أي بلد عضو في الاتحاد يرغب في المساهمة في العمل. "
        "ويشمل ذلك أيضاً الأفراد الأعضاء في المنظمات الدولية والإقليمية والوطنية.")


def glyph_extent(line):
    xs = [g.x for g in line.glyphs]
    return min(xs), max(g.x + g.face.advances[g.gid] * 12 / g.face.upem for g in line.glyphs)


def test_justified_lines_fill_the_width_and_the_last_sits_at_the_right():
    layout = layout_paragraph(BODY, 300, ParagraphStyle(kashida=False))
    assert len(layout.lines) >= 3
    for line in layout.lines[:-1]:
        assert abs(line.used - 300) < 0.01
    last = layout.lines[-1]
    assert last.used < 300 and abs(last.left + last.used - 300) < 0.01


def test_alignments_start_end_center():
    for align, expect_left in (("start", lambda line: 300 - line.used), ("end", lambda line: 0.0),
                               ("center", lambda line: (300 - line.used) / 2)):
        line = layout_paragraph("نص قصير", 300, ParagraphStyle(align=align)).lines[0]
        assert abs(line.left - expect_left(line)) < 0.01, align


def test_kashida_stretches_a_loose_line_with_tatweels_that_copy_as_nothing(tmp_path):
    text = "الاستراتيجيات والمستوطنات والتكنولوجيات المستدامة والمتخصصة والاقتصادية والإقليمية"
    width = 330
    plain = layout_paragraph(text, width, ParagraphStyle(kashida=False))
    stretched = layout_paragraph(text, width, ParagraphStyle(kashida=True))
    tatweels = [g for line in stretched.lines for g in line.glyphs if g.text == "" and g.y == 0
                and g.face.advances[g.gid] > 0]
    assert len(stretched.lines) == len(plain.lines)
    assert tatweels, "a loose line gets kashidas"
    assert all(abs(line.used - width) < 0.01 for line in stretched.lines[:-1])
    path = draw_to_pdf(tmp_path / "k.pdf", stretched)
    assert " ".join(pdftotext(path).split()) == text


def test_line_breaks_inside_urls_and_never_at_no_break_spaces():
    url = "https://u4ssc.itu.int/latest-meetings/7th-meeting/registration/form/details/"
    layout = layout_paragraph(f"التسجيل في {url} الآن", 160)
    assert len(layout.lines) >= 3
    assert "".join(line.text for line in layout.lines) == f"التسجيل في {url} الآن"
    phone = "اتصلوا بالرقم +41\u00a022\u00a0730\u00a06301 من فضلكم"
    for width in range(90, 260, 7):
        for line in layout_paragraph(phone, width).lines:
            assert not line.text.startswith(("22", "730", "6301"))


def test_no_glyph_outside_the_text_box(tmp_path):
    long_word = "ب" * 700 + "x" * 700 + "ـ" * 600
    texts = [BODY, long_word, "https://example.org/" + "a" * 400, "(" * 50 + "ITU" + ")" * 50]
    path = tmp_path / "box.pdf"
    canvas = Canvas(str(path))
    top = 800
    for text in texts:
        layout = layout_paragraph(text, 250)
        for line in layout.lines:
            if line.glyphs:
                lo, hi = glyph_extent(line)
                assert lo >= -0.01 and hi <= 250.01
        top = draw_paragraph(canvas, layout, 100, top, 12)
        canvas.showPage()
        top = 800
    canvas.save()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for c in page.chars:
                assert c["x0"] >= 100 - 0.5 and c["x1"] <= 350 + 0.5, c


def test_bad_input_is_laid_out_without_exception(caplog):
    caplog.set_level(logging.WARNING)
    cases = ["", "     ", "\u0007نص\x00 مع\x1b تحكم\u0085", "\t", "\n\n", "🧿 رمز 𓀀 غير موجود", "\u202eمعكوس\u202c"]
    for text in cases:
        layout = layout_paragraph(text, 200)
        assert layout.lines
        for line in layout.lines:
            assert "\x00" not in line.text and "\x07" not in line.text and "\x1b" not in line.text
            if line.glyphs:
                lo, hi = glyph_extent(line)
                assert lo >= -0.01 and hi <= 200.01
    assert "U+1F9FF" in caplog.text and "U+13000" in caplog.text
    layout = layout_paragraph("🧿", 200)
    replacement = default_family().replacement_face()
    assert layout.lines[0].glyphs[0].face is replacement and layout.lines[0].glyphs[0].text == "🧿"


def test_fallback_shaper_for_a_font_without_arabic_layout(tmp_path):
    font = TTFont(FONT_DIR / "Amiri-Regular.ttf")
    for table in ("GSUB", "GPOS", "GDEF"):
        del font[table]
    bare_path = tmp_path / "Amiri-NoLayout.ttf"
    font.save(bare_path)
    bare = load_face(bare_path)
    assert not bare.has_arabic_layout
    family = FontFamily(bare, bare, bare, bare)
    text = "لا إله إلا الله محمَّد"
    layout = layout_paragraph(text, 400, ParagraphStyle(family=family))
    gids = [g.gid for g in layout.lines[0].glyphs]
    isolated_forms = {bare.cmap[ord(ch)] for ch in "لاهمحد"}
    assert len(set(gids) - isolated_forms) >= 5, "contextual presentation forms are used"
    assert bare.cmap[0xFEFB] in gids, "lam-alef ligature"
    path = draw_to_pdf(tmp_path / "bare.pdf", layout)
    assert pdftotext(path).strip() == text


def test_links_become_annotations_only_for_safe_schemes(tmp_path):
    spans = [Span("راسلونا على "), Span("العنوان", link="mailto:a@itu.int"), Span(" أو "),
             Span("الموقع", link="https://www.itu.int"), Span(" وليس "), Span("هذا", link="javascript:alert(1)")]
    layout = layout_paragraph(spans, 400)
    path = draw_to_pdf(tmp_path / "links.pdf", layout)
    with pdfplumber.open(path) as pdf:
        uris = sorted(a["uri"] for a in pdf.pages[0].annots)
    assert uris == ["https://www.itu.int", "mailto:a@itu.int"]


def test_font_values_read_from_table_bytes_equal_fonttools():
    """fonts.py reads head, hhea, post, OS/2 and name itself (fontTools cost ~20 ms a face at startup)."""
    for path in sorted(FONT_DIR.glob("*.ttf")):
        face = load_face(path)
        tt = TTFont(path, lazy=True)
        head, hhea, os2 = tt["head"], tt["hhea"], tt["OS/2"]
        assert (face.upem, tuple(face.bbox)) == (head.unitsPerEm, (head.xMin, head.yMin, head.xMax, head.yMax))
        assert (face.ascent, face.descent) == (hhea.ascent, hhea.descent)
        assert face.italic_angle == float(tt["post"].italicAngle)
        assert face.cap_height == (getattr(os2, "sCapHeight", 0) or int(hhea.ascent * 0.7))
        assert face.postscript_name == tt["name"].getDebugName(6).replace(" ", "")
        scripts = {r.ScriptTag for r in tt["GSUB"].table.ScriptList.ScriptRecord} if "GSUB" in tt else set()
        assert face.has_arabic_layout == ("arab" in scripts)
        hmtx = tt["hmtx"]  # every glyph's advance, read from hmtx as one array
        assert face.advances == [hmtx[name][0] for name in tt.getGlyphOrder()]
        assert face.advances == [face.hb_font.get_glyph_h_advance(gid) for gid in range(len(face.advances))]
    assert load_face(FONT_DIR / "Amiri-Slanted.ttf").italic_angle == 10.0


def test_a_face_is_read_when_first_used():
    face = FontFace(FONT_DIR / "DejaVuSans.ttf")
    assert "hb_face" not in vars(face)
    assert face.has("\u2713") and face.upem == 2048 and "hb_face" in vars(face)
