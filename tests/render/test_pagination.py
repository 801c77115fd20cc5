"""Page breaks read back from real PDFs: long bodies, many signatories, annexes."""
import io

import pdfplumber
from pdfread import line_with, pages

from circular_editor import styles
from circular_editor.model import Circular
from circular_editor.render import render_pdf
from circular_editor.render.flow import Block, Frame, Row, paginate

SENTENCE = ("ويسعدني أن أحيطكم علماً بأن الاتحاد الدولي للاتصالات بصدد تنظيم الاجتماع السابع للمبادرة "
            "في جنيف من 7 إلى 9 يونيو 2022، ويمكن الاطلاع على المعلومات في https://www.itu.int/. ")


def circular(**fields) -> Circular:
    data = {"format": "itu-circular/1", "style": "tsb", "date": "2023-05-02", "reference": "TSB Circular 7",
            "addressees": ["إدارات الدول الأعضاء في الاتحاد"], "subject": "موضوع الاختبار", "body": []}
    data.update(fields)
    return Circular.from_dict(data)


def runs_of_lines(lines, leading):
    """Consecutive body lines grouped into paragraphs: a paragraph gap is wider than one line."""
    runs, previous = [], None
    for line in lines:
        if previous is None or previous - line.baseline > leading + 2:
            runs.append([])
        runs[-1].append(line)
        previous = line.baseline
    return runs


def test_forty_paragraphs_break_at_lines_with_no_orphans_or_widows():
    body = [{"type": "paragraph", "text": f"الفقرة {n}: " + SENTENCE * (1 + n % 4)} for n in range(1, 41)]
    pdf = render_pdf(circular(body=body, signatories=[]))
    doc = pages(pdf)
    assert len(doc) >= 5
    leading = 12 * styles.load("tsb").type.leading
    numbers = []
    for number, lines in enumerate(doc, 1):
        # the body: from the first paragraph (page 1) or under the running header (later pages), above the
        # page-1 footer (its two lines at the page's foot)
        start = next(k for k, line in enumerate(lines) if line.find("الفقرة", arabic=True)) if number == 1 else 2
        body_lines = [line for line in (lines[start:-2] if number == 1 else lines[start:])
                      if not line.find("وتفضلوا", arabic=True)]  # (the closing, one line of its own)
        runs = runs_of_lines(body_lines, leading)
        for run in (runs[0], runs[-1]) if runs else ():
            assert len(run) >= 2, f"page {number}: a single line of a paragraph at the page's head or foot"
        for line in body_lines:
            at = line.find("الفقرة", arabic=True)
            if at:
                numbers.append(int("".join(c["text"] for c in line.chars if c["x0"] > 520 and c["text"].isdigit())))
    assert numbers == list(range(1, 41)), "every paragraph once, numbered in order"


def test_subject_is_kept_with_what_follows():
    # Enough addressees to push the subject to the foot of page 1.
    for count in range(20, 40):
        pdf = render_pdf(circular(addressees=[f"الجهة رقم {n}" for n in range(count)],
                                  body=[{"type": "paragraph", "text": SENTENCE * 3}]))
        doc = pages(pdf)
        subject_page = next(i for i, lines in enumerate(doc) if line_with(lines, "موضوع الاختبار"))
        lines = doc[subject_page]
        after = lines[lines.index(line_with(lines, "موضوع الاختبار")) + 1:]
        assert line_with(after, "تحية طيبة وبعد") and line_with(after, "الاتحاد الدولي للاتصالات بصدد"), \
            f"{count} addressees: the subject is not followed by the salutation and the body on page {subject_page + 1}"


def test_ten_signatories_side_by_side_without_overlap_each_whole_on_a_page():
    people = [{"note": "(توقيع)", "name": f"Name {n:02}", "title": f"المدير {n}"} for n in range(1, 11)]
    pdf = render_pdf(circular(body=[{"type": "paragraph", "text": SENTENCE * 6}], signatories=people))
    doc = pages(pdf)
    boxes = {}
    for page_number, lines in enumerate(doc):
        for line in lines:
            for n in range(1, 11):
                at = line.find(f"Name {n:02}")
                if at:
                    boxes[n] = (page_number, at[0], at[1], line.baseline)
    assert sorted(boxes) == list(range(1, 11))
    rows = {}
    for n, (page, x0, x1, y) in boxes.items():
        rows.setdefault((page, y), []).append((x0, x1))
        style = styles.load("tsb").page
        assert style.margin_left - 0.5 <= x0 and x1 <= style.width - style.margin_right + 0.5
    assert all(len(r) >= 2 for r in rows.values()), "two or more signatories to a row"
    for spans in rows.values():
        spans.sort()
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), "signature blocks overlap"
    for n, (page, *_rest) in boxes.items():
        title_page = next(i for i, lines in enumerate(doc) if line_with(lines, f"{n} " + "المدير"[::-1], arabic=False))
        assert title_page == page, f"signatory {n} split across pages"


def test_annexes_start_on_new_pages_with_the_running_header():
    pdf = render_pdf(circular(body=[{"type": "paragraph", "text": "نص قصير."}],
                              annexes=[{"title": "جدول الأعمال", "body": [{"type": "paragraph", "text": SENTENCE}]},
                                       {"title": "استمارة التسجيل", "body": []}]))
    doc = pages(pdf)
    assert len(doc) == 3
    annex_line = line_with(doc[0], "الملحقات")
    assert annex_line is not None and annex_line.find("2"), "page 1 announces two annexes"
    for number, title in ((2, "جدول الأعمال"), (3, "استمارة التسجيل")):
        lines = doc[number - 1]
        assert lines[0].visual.strip() == f"- {number} -"
        assert lines[2].find("الملحق", arabic=True) and lines[2].find(str(number - 1))
        assert line_with(lines, title) is lines[3]


def test_paginator_never_leaves_one_line_alone():
    """The rule itself, on rows of known height, for every break position."""
    for room_left in range(1, 12):
        blocks = [Block([Row(100.0 - room_left * 10.0)]), Block([Row(10.0) for _ in range(5)])]
        placed = [len(p.placed) for p in paginate(blocks, lambda i: Frame(100.0, 0.0))]
        assert sum(placed) == 6
        assert all(count >= 2 for count in placed[1:]), (room_left, placed)
        assert placed[0] - 1 in (0, 2, 3, 5), (room_left, placed)  # after the first block, 0 or >= 2 rows


def test_links_in_the_body_become_annotations():
    pdf = render_pdf(circular(body=[{"type": "paragraph", "text": "راسلونا على [العنوان](mailto:a@itu.int)."}]))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert "mailto:a@itu.int" in [link["uri"] for link in doc.pages[0].hyperlinks]
