"""Inline markup to styled spans: nothing typed is ever lost."""
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
