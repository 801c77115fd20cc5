"""Letter styles are data: a fourth bureau is one template file, no code; a bad template is refused
at load with one line naming its file and field; a changed template is read again."""
import os
import struct
import zlib

import pytest
from pdfread import line_with, pages

from circular_editor import defaults, styles
from circular_editor.model import Circular
from circular_editor.render import render_pdf

TSB = (styles.TEMPLATES / "tsb.toml").read_text(encoding="utf-8")


@pytest.fixture
def templates(tmp_path, monkeypatch):
    folder = tmp_path / "templates"
    folder.mkdir()
    monkeypatch.setenv(styles.TEMPLATES_ENV, str(folder))
    return folder


def circular(style: str) -> Circular:
    return Circular.from_dict({"format": "itu-circular/1", "style": style, "date": "2024-02-01",
                               "reference": "CR/501", "addressees": ["الإدارات"], "subject": "موضوع",
                               "body": [{"type": "paragraph", "text": "نص الرسالة."}]})


def test_a_fourth_bureau_is_a_new_template_file(templates):
    text = (styles.TEMPLATES / "bdt.toml").read_text(encoding="utf-8")
    text = text.replace("مكتب تنمية الاتصالات", "مكتب الاتصالات الراديوية").replace(
        '"BDT/DIR/{n:03}"', '"CR/{n}"').replace("(الأصل عليه توقيع)", "(توقيع مدير المكتب)")
    (templates / "br.toml").write_text(text, encoding="utf-8")
    assert styles.names() == ("bdt", "br", "sg", "tsb")
    assert [styles.load(name).key for name in styles.names()] == ["bdt", "br", "sg", "tsb"]
    page = pages(render_pdf(circular("br")))[0]
    assert line_with(page, "مكتب الاتصالات الراديوية") and line_with(page, "توقيع مدير المكتب")


def test_a_changed_template_is_read_again(templates):
    path = templates / "tsb.toml"
    path.write_text(TSB, encoding="utf-8")
    assert styles.load("tsb").labels.subject == "الموضوع:"
    assert styles.load("tsb") is styles.load("tsb")  # unchanged: not read again
    path.write_text(TSB.replace('subject = "الموضوع:"', 'subject = "موضوع الرسالة:"'), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different time even on a coarse clock
    assert styles.load("tsb").labels.subject == "موضوع الرسالة:"
    path.unlink()
    assert styles.load("tsb").path == styles.TEMPLATES / "tsb.toml"  # back to the built-in one


def test_the_user_folder_comes_first(tmp_path, templates):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "tsb.toml").write_text(TSB.replace("مكتب تقييس الاتصالات", "مكتب التقييس"), encoding="utf-8")
    styles.set_user_folder(mine)
    try:
        assert styles.load("tsb").letterhead[1] == "مكتب التقييس"
    finally:
        styles.set_user_folder(None)
    assert styles.load("tsb").letterhead[1] == "مكتب تقييس الاتصالات"


def test_a_circular_of_a_style_not_installed_is_still_a_circular():
    unknown = circular("itu-d")  # the model does not ask the templates
    assert unknown.to_dict()["style"] == "itu-d"
    with pytest.raises(styles.UnknownStyle, match=r"^style: unknown style 'itu-d' \(no template itu-d\.toml in "):
        render_pdf(unknown)


def test_the_style_defaults_are_resolved_in_one_place():
    tsb = styles.load("tsb")
    own = circular("tsb")
    resolved = defaults.resolve(own, tsb)
    assert resolved == defaults.of_style(tsb)
    assert resolved.place == "جنيف" and resolved.numbered_paragraphs and resolved.signatories[0].note == "(توقيع)"
    own.signatories, own.place, own.closing = [], "", "مع التحية."
    resolved = defaults.resolve(own, tsb)
    assert (resolved.signatories, resolved.place, resolved.closing) == ((), "", "مع التحية.")


def _png(width: int, height: int) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) + \
        chunk(b"IEND", b"")


BROKEN = {  # what is changed in tsb.toml -> the field the message must name
    "wrong type": (('margin_top = 18', 'margin_top = "18"'), "page.margin_top: expected a number, got text"),
    "unknown key": (('[page]  # millimetres; A4', '[page]\nmargin_lefft = 3'),
                    "page.margin_lefft: unknown field (did you mean margin_left?)"),
    "missing key": (('paragraph_space = 3.5\n', ''), "page.paragraph_space: missing"),
    "missing table": (('[type]  # points', '[typo]'), "typo: unknown field"),
    "unknown signatory field": (('title = "مدير', 'role = "x"\ntitle = "مدير'), "signatories[0].role: unknown field"),
    "list for text": (('subject = "الموضوع:"', 'subject = ["الموضوع:"]'), "labels.subject: expected text, got a list"),
    "number for text": (('closing = "وتفضلوا بقبول فائق التقدير والاحترام."', 'closing = 3'),
                        "closing: expected text, got a number"),
    "nan size": (('body = 12', 'body = nan'), "type.body: expected a finite number, got nan"),
    "infinite size": (('body = 12', 'body = inf'), "type.body: expected a finite number, got inf"),
    "zero size": (('body = 12', 'body = 0'), "type.body: 0 is out of range (4 to 72)"),
    "zero page width": (('width = 210', 'width = 0'), "page.width: 0 is out of range"),
    "huge indent": (('list_indent = 10', 'list_indent = 1e300'), "page.list_indent: 1e+300 is out of range"),
    "margins eat the page": (('margin_left = 20', 'margin_left = 170'), "page: the left and right margins"),
    "months not a list": (('months = [', 'months = 12\n# ['), "labels.months: expected a list, got a number"),
    "eleven months": (('"ديسمبر"]', ']'), "labels.months: expected the twelve month names, got 11"),
    "unknown format field": (('{number} لمكتب', '{x} لمكتب'), "running_header: '{x}' is not allowed here"),
    "positional format field": (('{number} لمكتب', '{0} لمكتب'), "running_header: '{0}' is not allowed here"),
    "attribute in format": (('{number} لمكتب', '{reference.__class__} لمكتب'),
                            "running_header: '{reference.__class__}' is not allowed here"),
    "huge format width": (('{number} لمكتب', '{number:>100000000} لمكتب'),
                          "running_header: '{number:>100000000}' is not allowed here"),
    "unclosed brace": (('{number} لمكتب', '{number لمكتب'), "running_header: not a valid format"),
    "pattern without number": (('"TSB Circular {n}"', '"TSB Circular"'), "numbering.pattern: must contain {n}"),
    "unknown period": (('per = "study_period"', 'per = "decade"'), "numbering.per: expected \"year\""),
    "missing emblem": (('emblem = "emblem.png"', 'emblem = "nowhere.png"'), "emblem: no image 'nowhere.png' in"),
    "emblem is not an image": (('emblem = "emblem.png"', 'emblem = "notes.png"'),
                               "emblem: 'notes.png' is not a PNG or JPEG image"),
    "emblem outside the folders": (('emblem = "emblem.png"', 'emblem = "../outside.png"'),
                                   "emblem: '../outside.png' is outside the template's folder"),
    "system file as emblem": (('emblem = "emblem.png"', 'emblem = "/etc/passwd"'), "emblem: '/etc/passwd' is outside"),
    "emblem too many pixels": (('emblem = "emblem.png"', 'emblem = "huge.png"'),
                               "emblem: 'huge.png' is 9000 x 9000 pixels"),
    "emblem a fifo": (('emblem = "emblem.png"', 'emblem = "pipe.png"'), "emblem: 'pipe.png' is not a regular file"),
    "deep nesting": (('name = "', 'deep = ' + "[" * 3000 + "]" * 3000 + '\nname = "'), "tsb.toml: "),
    "not toml": (('[page]', '[page'), "cannot read the template"),
}


@pytest.mark.parametrize("change,expected", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_template_is_refused_naming_its_file_and_field(templates, change, expected):
    (templates / "notes.png").write_text("not an image", encoding="utf-8")
    (templates / "huge.png").write_bytes(_png(9000, 9000))
    (templates.parent / "outside.png").write_bytes(_png(10, 10))
    os.mkfifo(templates / "pipe.png")
    old, new = change
    assert old in TSB
    (templates / "tsb.toml").write_text(TSB.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(styles.StyleError) as caught:
        styles.load("tsb")
    message = str(caught.value)
    assert message.startswith(f"{templates / 'tsb.toml'}: ") and expected in message, message
    assert "\n" not in message and len(message) < 300


def test_the_readme_worked_example_of_a_fourth_bureau_renders(monkeypatch, tmp_path):
    """docs/templates/br.toml, the README's "Adding a letter style": a new file, no code."""
    import json

    from readers import pdfium

    from circular_editor.model import Circular
    from circular_editor.paths import PACKAGE, example
    from circular_editor.render import render_pdf

    monkeypatch.setenv(styles.TEMPLATES_ENV, str(PACKAGE.parent / "docs" / "templates"))
    assert "br" in styles.names()
    br = styles.load("br")
    assert (br.name, br.numbering.pattern) == ("Radiocommunication Bureau", "CR/{n}")
    data = json.loads(example("tsb-circular-92").read_text(encoding="utf-8"))
    data["style"], data["reference"] = "br", "CR/712"
    pdf = tmp_path / "br.pdf"
    pdf.write_bytes(render_pdf(Circular.from_dict(data)))
    first, second = pdfium(pdf)[:2]
    assert "مكتب الاتصالات الراديوية" in first
    assert "CR" in first and "712" in first  # (PDFium reads it `/712CR`: the text-order work of issue 12)
    assert "لمكتب الاتصالات الراديوية" in second, "the running header of page 2"
