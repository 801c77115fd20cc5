"""Hardening of input files (issue 15, points 8-11): each reproducer is refused with the field named, or
accepted and rendered, never a traceback; the work stays bounded by the file's size."""
import json

import pytest

from circular_editor import markup
from circular_editor.cli import main
from circular_editor.files import MAX_STEM_BYTES, file_stem
from circular_editor.model import MAX_DEPTH, MAX_TOTAL_ENTRIES, MAX_TOTAL_TEXT, Circular, ValidationError
from circular_editor.render import render_pdf
from circular_editor.typeset import Span

BASE = {"format": "itu-circular/1", "style": "tsb", "date": "2023-05-02", "reference": "TSB Circular 1",
        "addressees": ["إلى الأعضاء"], "subject": "موضوع", "body": [{"type": "paragraph", "text": "نص"}]}


def refused(data) -> ValidationError:
    text = data if isinstance(data, (str, bytes)) else json.dumps(data)
    with pytest.raises(ValidationError) as caught:
        Circular.from_json(text)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300, "one short line"
    return caught.value


# 8. lone surrogates, CESU-8

@pytest.mark.parametrize("where", ["subject", "body", "addressees", "unknown"])
def test_a_lone_surrogate_anywhere_is_refused_with_its_field(where):
    data = json.loads(json.dumps(BASE))
    if where == "subject":
        data["subject"] = "a\ud800b"
    elif where == "body":
        data["body"][0]["text"] = "x\udfffy"
    elif where == "addressees":
        data["addressees"] = ["ok", "\ud83d"]
    else:
        data["x-notes"] = {"deep": ["\udc00"]}
    error = refused(json.dumps(data))  # (json.dumps writes the \\ud800 escape, as a hostile file would)
    expected = {"subject": "subject", "body": "body[0].text", "addressees": "addressees[1]",
                "unknown": "x-notes.deep[0]"}[where]
    assert error.path == expected and "lone surrogate" in error.problem


def test_cesu8_bytes_are_refused_with_the_field():
    cesu = json.dumps(BASE, ensure_ascii=False).replace("موضوع", "X").encode("utf-8").replace(
        b'"X"', b'"\xed\xa0\xbd\xed\xb8\x80"')  # U+1F600 written as two 3-byte surrogates
    error = refused(cesu)  # (json decodes them as surrogates: refused as such, with the field)
    assert error.path == "subject" and "lone surrogate" in error.problem


# 9. linear markup and a text budget

@pytest.mark.parametrize("text", ["**a " * 12_500, "[" * 50_000, "+1 " * 16_000, "*a " * 16_000,
                                  "***x " * 10_000, "[a](b " * 8_000])
def test_unmatched_markup_of_50000_characters_loses_nothing_typed(text):
    markup.parse.cache_clear()
    shown = markup.plain(text)
    assert shown.replace("*", "") == text.replace("*", ""), "only markup characters may go"
    if "*" not in text:
        assert shown == text and all(s.link is None for s in markup.parse(text))


def test_markup_still_pairs_what_closes():
    assert markup.parse("a **b** [c](https://x.org) *d*") == (
        Span("a "), Span("b", bold=True), Span(" "), Span("c", link="https://x.org"), Span(" "),
        Span("d", italic=True))
    assert markup.parse("[[label](https://x.org)") == (Span("["), Span("label", link="https://x.org"))


def test_a_circular_beyond_the_text_budget_is_refused_and_one_within_renders():
    paragraph = ("يسعدني أن أحيطكم علماً بأن الاتحاد (ITU) +41 22 730 5111 https://www.itu.int " * 700)[:49_000]
    within = dict(BASE, body=[{"type": "paragraph", "text": paragraph}] * (MAX_TOTAL_TEXT // 49_000))
    pdf = render_pdf(Circular.from_json(json.dumps(within)))
    assert pdf.count(b"/Type /Page\n") > 90
    beyond = dict(BASE, body=within["body"] + [{"type": "paragraph", "text": paragraph}])
    assert "too much text for one circular" in refused(beyond).problem
    many = dict(BASE, body=[{"type": "list", "ordered": False, "items": [""] * 2_000}] * 11)
    assert 11 * 2_000 > MAX_TOTAL_ENTRIES and "too many entries" in refused(many).problem


# 10. JSON that is not JSON, dates, glyphs

@pytest.mark.parametrize("text,problem", [
    ('{"format": "itu-circular/1", "n": ' + "9" * 5000 + "}", "a number of 5,000 digits"),
    ('{"format": "itu-circular/1", "n": NaN}', "NaN is not a JSON number"),
    ('{"format": "itu-circular/1", "n": -Infinity}', "-Infinity is not a JSON number"),
    ('{"format": "itu-circular/1", "n": 1e999}', "out of range"),
])
def test_numbers_json_does_not_have_are_refused(text, problem):
    assert problem in str(refused(text))


def test_week_and_ordinal_dates_are_not_dates():
    for value in ("2023-W01-1", "2023-001", "20230101", "2023-02-30"):
        assert refused(dict(BASE, date=value)).path == "date"


def test_unknown_fields_nested_too_deeply_are_refused_not_a_recursion_error():
    for depth, problem in ((100, f"more than {MAX_DEPTH} levels"), (980, "nested too deeply")):
        deep = '{"a": ' * depth + '"x"' + "}" * depth
        error = refused(json.dumps(BASE)[:-1] + ', "extra": ' + deep + "}")
        assert problem in error.problem
    shallow = {"a": {"b": [1, 2.5, True, None, "ok"]}}
    assert Circular.from_json(json.dumps(dict(BASE, extra=shallow))).extra == {"extra": shallow}


def test_more_distinct_glyphs_than_a_pdf_font_holds_is_a_message_not_a_crash(tmp_path, capsys, caplog):
    points = [*range(0x4E00, 0x9FFF), *range(0xAC00, 0xD7A3), *range(0x20000, 0x2A6DF)][:70_000]
    text = "".join(map(chr, points))
    data = dict(BASE, body=[{"type": "paragraph", "text": text[i:i + 10_000]} for i in range(0, len(text), 10_000)])
    source = tmp_path / "glyphs.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "out.pdf")]) == 2
    assert "too many different characters for one PDF font" in capsys.readouterr().err
    assert not (tmp_path / "out.pdf").exists()
    assert len([r for r in caplog.records if "font" in r.getMessage()]) <= 11, "a few warnings, not 70,000"


# 11. one short line, safe file names

def test_a_huge_or_multiline_unknown_field_name_is_cut_and_escaped():
    item = {"type": "paragraph", "text": "x", "n\name" + "z" * 5_000_000: 1}
    error = refused(dict(BASE, body=[item]))
    assert error.path.startswith("body[0].n\\name") and len(str(error)) < 300


def test_a_long_arabic_reference_gives_a_file_name_within_the_limit(tmp_path):
    reference = "الرسالة المعممة لمكتب تقييس الاتصالات " * 8
    stem = file_stem(reference, "circular")
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES and reference.startswith(stem)
    data = dict(BASE, reference=reference)
    source = tmp_path / "long.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import os
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(["render", str(source)]) == 0
    finally:
        os.chdir(cwd)
    assert (tmp_path / f"{stem}.pdf").read_bytes().startswith(b"%PDF")
