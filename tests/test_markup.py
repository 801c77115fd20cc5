"""Inline markup to styled spans: nothing typed is ever lost."""
import json
import re

import pytest

from circular_editor.markup import parse, plain
from circular_editor.typeset import Span


def test_bold_italic_and_both():
    assert parse("نص **غامق** و*مائل* و***كلاهما***") == (
        Span("نص "), Span("غامق", bold=True), Span(" و"), Span("مائل", italic=True), Span(" و"),
        Span("كلاهما", bold=True, italic=True))
    assert parse("**أ *ب* ج**") == (Span("أ ", bold=True), Span("ب", True, True), Span(" ج", bold=True))


def test_links_with_labels_bare_addresses_and_mail():
    spans = parse("انظر [الموقع](https://itu.int/a_b) و www.wsis.org/forum. أو اكتبوا إلى a.b@itu.int،")
    links = [(s.text, s.link) for s in spans if s.link]
    assert links == [("الموقع", "https://itu.int/a_b"), ("www.wsis.org/forum", "https://www.wsis.org/forum"),
                     ("a.b@itu.int", "mailto:a.b@itu.int")]
    assert plain("انظر https://u4ssc.itu.int/.") == "انظر https://u4ssc.itu.int/."
    assert parse("https://u4ssc.itu.int/.")[0].link == "https://u4ssc.itu.int/", "the full stop is not the URL's"


def test_escapes_are_literal():
    assert plain(r"\*ليس مائلاً\* و\[ليس رابطاً](x) و\\") == r"*ليس مائلاً* و[ليس رابطاً](x) و" + "\\"
    assert all(not s.italic and not s.link for s in parse(r"\*ليس مائلاً\* و\[ليس رابطاً](x)"))


@pytest.mark.parametrize("text", ["غير مغلق **هنا", "* بند مكتوب باليد", "[تسمية بلا رابط", "[تسمية](",
                                  "نجمة * وحيدة", "**", "*", "\\", "** مسافة**", "2 * 3 * 4"])
def test_malformed_markup_is_shown_as_typed(text):
    assert plain(text) == text
    assert all(not s.bold and not s.italic for s in parse(text))


def test_a_star_left_over_stays_visible():
    spans = parse("**غامق* مختلط")  # one star pairs with the closing one, the other is shown
    assert plain("**غامق* مختلط") == "*غامق مختلط"
    assert [s.italic for s in spans if "غامق" in s.text] == [True]


def test_link_targets_are_http_https_or_mailto_and_hold_no_direction_controls():
    from circular_editor.model import Circular, ValidationError
    from circular_editor.paths import example

    data = json.loads(example("tsb-circular-92").read_text(encoding="utf-8"))
    for text, problem in [("[انقر هنا](javascript:alert(1))", "not an http, https or mailto address"),
                          ("[x](https://itu.int/\u202efdp.exe)", "invisible direction character (U+202E)"),
                          ("[x](file:///etc/passwd)", "not an http, https or mailto address")]:
        data["body"][0]["text"] = text
        with pytest.raises(ValidationError, match=r"body\[0\]\.text: .*" + re.escape(problem)):
            Circular.from_dict(data)
    assert [s.link for s in parse("[ويكي](https://en.wikipedia.org/wiki/Foo_(bar)) بعده")] == [
        "https://en.wikipedia.org/wiki/Foo_(bar)", None], "a target's own brackets stay in it: no stray ')'"


def test_link_addresses_are_written_as_ascii_uris():
    from circular_editor.typeset.uri import ascii_uri

    assert ascii_uri("https://www.itu.int/ar/Pages/default.aspx") == "https://www.itu.int/ar/Pages/default.aspx"
    assert ascii_uri("https://مثال.إختبار/مسار?ق=ع") == \
        "https://xn--mgbh0fb.xn--kgbechtv/%D9%85%D8%B3%D8%A7%D8%B1?%D9%82=%D8%B9"
    assert ascii_uri("https://bücher.de:8080/a%20b c") == "https://xn--bcher-kva.de:8080/a%20b%20c"
    assert ascii_uri("mailto:دورين@itu.int") == "mailto:%D8%AF%D9%88%D8%B1%D9%8A%D9%86@itu.int"
