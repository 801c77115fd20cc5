"""Letter styles are data: a fourth bureau is one template file, no code."""
import pytest
from pdfread import line_with, pages

from circular_editor import styles
from circular_editor.model import Circular, ValidationError
from circular_editor.render import render_pdf


@pytest.fixture
def templates(tmp_path, monkeypatch):
    monkeypatch.setenv(styles.TEMPLATES_ENV, str(tmp_path))
    styles.names.cache_clear()
    styles.load.cache_clear()
    yield tmp_path
    styles.names.cache_clear()
    styles.load.cache_clear()


def test_a_fourth_bureau_is_a_new_template_file(templates):
    text = (styles.TEMPLATES / "bdt.toml").read_text(encoding="utf-8")
    text = text.replace("مكتب تنمية الاتصالات", "مكتب الاتصالات الراديوية").replace(
        '"BDT/DIR/{n:03}"', '"CR/{n}"').replace("(الأصل عليه توقيع)", "(توقيع مدير المكتب)")
    (templates / "br.toml").write_text(text, encoding="utf-8")
    assert styles.names() == ("bdt", "br", "sg", "tsb")
    assert [styles.load(name).key for name in styles.names()] == ["bdt", "br", "sg", "tsb"]
    circular = Circular.from_dict({"format": "itu-circular/1", "style": "br", "date": "2024-02-01",
                                   "reference": "CR/501", "addressees": ["الإدارات"], "subject": "موضوع",
                                   "body": [{"type": "paragraph", "text": "نص الرسالة."}]})
    page = pages(render_pdf(circular))[0]
    assert line_with(page, "مكتب الاتصالات الراديوية") and line_with(page, "توقيع مدير المكتب")


def test_a_broken_template_names_its_file_and_field(templates):
    (templates / "tsb.toml").write_text('name = "x"\n', encoding="utf-8")
    with pytest.raises(styles.StyleError, match=r"tsb\.toml: page: missing or not a table"):
        styles.load("tsb")
    with pytest.raises(ValidationError, match="style: unknown style 'itu-d'"):
        Circular.from_dict({"format": "itu-circular/1", "style": "itu-d"})
