"""The three published samples rendered and read back from the PDF."""
import json

import pdfplumber
import pytest
from pdfread import line_with, pages

from circular_editor import styles
from circular_editor.model import Circular
from circular_editor.render import render_pdf
from circular_editor.paths import example

NAMES = {"tsb": "tsb-circular-92", "sg": "sg-cl-20-025", "bdt": "bdt-dir-110"}


def sample(style: str) -> dict:
    return json.loads(example(NAMES[style]).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rendered():
    return {style: render_pdf(Circular.from_dict(sample(style))) for style in NAMES}


def test_each_sample_renders_to_two_pages_and_the_same_bytes_twice(rendered):
    for style, pdf in rendered.items():
        assert pdf.startswith(b"%PDF-")
        assert len(pages(pdf)) == 2, style
        assert render_pdf(Circular.from_dict(sample(style))) == pdf, f"{style}: output is not deterministic"


def test_header_rows_put_each_label_beside_its_value(rendered):
    lines = pages(rendered["tsb"])[0]
    for label, value in (("المرجع", "TSB Circular 92"), ("الهاتف", "+41 22 730 6301"),
                         ("الفاكس", "+41 22 730 5853"), ("الإلكتروني", "u4ssc@itu.int")):
        line = line_with(lines, label)
        assert line is not None, label
        value_at = line.find(value)
        assert value_at is not None, f"{value} is not on the row of {label}"
        assert value_at[1] < line.find(label, arabic=True)[0], f"{value} must stand left of {label}"
    assert line_with(lines, "الشخص") is None, "an absent contact person leaves no row"


def test_reading_order_of_page_one(rendered):
    """Letterhead, date, header table, subject, salutation, body: top to bottom."""
    lines = pages(rendered["tsb"])[0]
    order = ["مكتب تقييس الاتصالات", "جنيف", "المرجع", "نسخة إلى", "الموضوع", "حضرات السادة والسيدات",
             "تحية طيبة وبعد", "يسعدني أن أحيطكم"]
    tops = [lines.index(line_with(lines, text)) for text in order]
    assert tops == sorted(tops), dict(zip(order, tops))
    assert line_with(lines, "2023 ويام 2 ،فينج", arabic=False), "the date line reads جنيف، 2 مايو 2023"


def test_bdt_shows_the_reference_as_a_title_line_and_no_reference_row(rendered):
    lines = pages(rendered["bdt"])[0]
    title = line_with(lines, "الرسالة المعممة")
    assert title is not None and title.find("BDT/DIR/110")
    assert line_with(lines, "المرجع") is None


def test_running_header_from_page_two_only(rendered):
    for style, expected in (("tsb", "لمكتب تقييس الاتصالات"), ("sg", "CL-20/025"), ("bdt", "BDT/DIR/110")):
        first, second = pages(rendered[style])
        assert not any(line.visual.strip() == "- 2 -" for line in first)
        assert second[0].visual.strip() == "- 2 -", style
        assert second[1].find(expected, arabic=not expected.isascii()), style
        assert second[1].find("الرسالة المعممة", arabic=True)
        assert line_with(first, "الرسالة المعممة") is None or style == "bdt"  # BDT's title line is on page 1


def _hanging_numbers(doc_pages, right_edge):
    """Numbers standing alone at the right edge of the text, beside a paragraph's first line."""
    found = []
    for lines in doc_pages:
        for line in lines:
            last = line.chars[-1]
            if abs(last["x1"] - right_edge) > 1.5 or not last["text"].isdigit():
                continue
            digits = [c for c in line.chars if c["x0"] > last["x0"] - 20 and c["text"].isdigit()]
            gap = digits[0]["x0"] - max((c["x1"] for c in line.chars if c["x1"] <= digits[0]["x0"] + 0.5), default=0)
            if gap > 10:
                found.append("".join(c["text"] for c in digits))
    return found


def test_paragraph_numbers_one_to_n_in_tsb_and_none_in_sg_bdt(rendered):
    for style, pdf in rendered.items():
        page = styles.load(style).page
        right = page.width - page.margin_right
        numbers = _hanging_numbers(pages(pdf), right)
        paragraphs = sum(1 for b in sample(style)["body"] if b["type"] == "paragraph")
        assert numbers == ([str(n) for n in range(1, paragraphs + 1)] if style == "tsb" else []), style


def test_links_are_clickable_with_their_targets(rendered):
    def uris(pdf):
        with pdfplumber.open(__import__("io").BytesIO(pdf)) as doc:
            return [link["uri"] for page in doc.pages for link in page.hyperlinks]
    assert set(uris(rendered["tsb"])) == {"https://u4ssc.itu.int/", "https://u4ssc.itu.int/latest-meetings/7th-meeting/",
                                          "mailto:u4ssc@itu.int", "mailto:itumail@itu.int", "https://www.itu.int"}
    assert "mailto:Partner2Connect@itu.int" in uris(rendered["bdt"])
    assert {"https://www.wsis.org/forum", "mailto:wsis-info@itu.int"} <= set(uris(rendered["sg"]))


def test_every_font_is_an_embedded_subset(rendered):
    for style, pdf in rendered.items():
        with pdfplumber.open(__import__("io").BytesIO(pdf)) as doc:
            fonts = {c["fontname"] for page in doc.pages for c in page.chars}
        assert fonts and all(len(name.split("+")[0]) == 6 for name in fonts), fonts
        assert pdf.count(b"/FontFile2") == len(fonts), style
        assert len(pdf) < 250_000, f"{style}: {len(pdf)} bytes; fonts must be subsets"


def test_no_glyph_past_the_margins(rendered):
    for style, pdf in rendered.items():
        page = styles.load(style).page
        left, right = page.margin_left, page.width - page.margin_right
        with pdfplumber.open(__import__("io").BytesIO(pdf)) as doc:
            for number, p in enumerate(doc.pages, 1):
                for c in p.chars:
                    assert left - 0.5 <= c["x0"] and c["x1"] <= right + 0.5, \
                        (style, number, c["text"], c["x0"], c["x1"])
                    # (a glyph's box here is the font's whole ascent-descent band, taller than its ink)
                    assert page.margin_bottom - 3 <= p.height - c["bottom"] and c["top"] >= page.margin_top - 8
                for image in p.images:
                    assert left - 0.5 <= image["x0"] and image["x1"] <= right + 0.5


def test_metadata(rendered):
    with pdfplumber.open(__import__("io").BytesIO(rendered["sg"])) as doc:
        info = doc.metadata
        assert doc.doc.catalog["Lang"] == b"ar"
    assert info["Title"].startswith("دعوة إلى المشاركة في منتدى القمة العالمية")
    assert info["Subject"] == "CL-20/025"
    assert info["Author"] == "ITU General Secretariat (SG)"
    assert info["CreationDate"] == "D:20200616000000Z"


def test_every_font_is_an_embedded_subset_with_tounicode_and_poppler_reads_without_error(rendered, tmp_path):
    """pdffonts lists every font (they are indirect objects), all embedded with a ToUnicode map; no unused
    Helvetica (ReportLab's page preamble selected it); poppler prints no error."""
    import subprocess
    for style, pdf in rendered.items():
        path = tmp_path / f"{style}.pdf"
        path.write_bytes(pdf)
        listed = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
        rows = [line.split() for line in listed.stdout.splitlines()[2:]]
        assert sorted(row[0].partition("+")[2] for row in rows) == ["Amiri-Bold", "Amiri-Regular"], listed.stdout
        assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), listed.stdout  # emb, sub, uni
        assert listed.stderr == "", listed.stderr
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
        assert text.stderr == "", text.stderr


def test_every_code_copies_as_text_and_no_glyph_copies_as_a_joiner(rendered):
    """Every code of every font has a ToUnicode entry (a reader shows a code without one as whatever its
    number means), and no glyph is copied as U+200D: the glyphs with no text of their own (kashidas,
    connecting pieces) are drawn as part of the glyph beside them."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdffont import PDFCIDFont
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    for style, pdf in rendered.items():
        document = PDFDocument(PDFParser(__import__("io").BytesIO(pdf)))
        manager = PDFResourceManager()
        for page in PDFPage.create_pages(document):
            for spec in resolve1(page.resources["Font"]).values():
                spec = resolve1(spec)
                font = manager.get_font(None, spec)
                assert isinstance(font, PDFCIDFont)
                descendant = resolve1(resolve1(spec["DescendantFonts"])[0])
                codes = len(resolve1(descendant["CIDToGIDMap"]).get_data()) // 2
                texts = [font.to_unichr(code) for code in range(1, codes)]  # (0 is .notdef)
                assert all(texts) and "\u200d" not in "".join(texts), style
