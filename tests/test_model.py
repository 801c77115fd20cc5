"""itu-circular/1 read and written back; validation names the field and the problem."""
import json

import pytest

from circular_editor.model import Circular, ListBlock, Paragraph, ValidationError
from circular_editor.paths import examples

MINIMAL = {"format": "itu-circular/1", "style": "sg", "date": "2024-01-31", "reference": "CL-24/001",
           "addressees": [], "subject": "موضوع", "body": []}


@pytest.mark.parametrize("path", examples(), ids=lambda p: p.stem)
def test_samples_round_trip_exactly(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    circular = Circular.from_dict(data)
    assert circular.to_dict() == data
    assert list(circular.to_dict()) == list(data), "keys keep the file's order"
    assert Circular.from_json(circular.to_json()) == circular


def test_absent_style_defaults_stay_absent_and_empty_stays_empty():
    circular = Circular.from_dict(MINIMAL)
    assert circular.signatories is None and circular.salutation is None and circular.copy_to is None
    assert circular.to_dict() == MINIMAL
    empty = Circular.from_dict({**MINIMAL, "signatories": [], "salutation": ""})
    assert empty.signatories == [] and empty.salutation == ""


def test_blocks_and_unknown_keys_are_kept():
    data = {**MINIMAL, "body": [{"type": "paragraph", "text": "نص"},
                                {"type": "list", "ordered": True, "items": ["أ", "ب"]}],
            "x-bureau-note": {"kept": True}}
    circular = Circular.from_dict(data)
    assert circular.body == [Paragraph("نص"), ListBlock(["أ", "ب"], True)]
    assert circular.to_dict() == data


@pytest.mark.parametrize("change, path, problem", [
    ({"format": "itu-circular/2"}, "format", "unknown format"),
    ({"style": 3}, "style", "expected a string, got a number"),
    ({"date": "02/05/2023"}, "date", "expected a date as YYYY-MM-DD"),
    ({"addressees": "كل الدول"}, "addressees", "expected a list of strings, got a string"),
    ({"contact": {"mobile": "1"}}, "contact.mobile", "unknown field"),
    ({"contact": {"phone": 41}}, "contact.phone", "expected a string"),
    ({"numbered_paragraphs": "yes"}, "numbered_paragraphs", "expected true or false"),
    ({"body": [{"type": "table"}]}, "body[0].type", 'expected "paragraph" or "list"'),
    ({"body": [{"type": "paragraph"}]}, "body[0].text", "missing"),
    ({"body": [{"type": "list", "items": ["a", None]}]}, "body[0].items[1]", "expected a string, got null"),
    ({"signatories": [{"name": "x", "rank": "y"}]}, "signatories[0].rank", "unknown field"),
    ({"annexes": [{"title": "t", "body": [{"type": "paragraph", "text": 1}]}]}, "annexes[0].body[0].text",
     "expected a string"),
    ({"subject": "س" * 1001}, "subject", "too long (1,001 characters; at most 1,000)"),
])
def test_validation_names_the_field_and_the_problem(change, path, problem):
    with pytest.raises(ValidationError) as raised:
        Circular.from_dict({**MINIMAL, **change})
    assert raised.value.path == path
    assert problem in raised.value.problem


def test_missing_fields_and_non_objects():
    for key in ("style", "date", "reference", "subject", "addressees", "body"):
        with pytest.raises(ValidationError, match=f"^{key}: missing"):
            Circular.from_dict({k: v for k, v in MINIMAL.items() if k != key})
    with pytest.raises(ValidationError, match="expected a JSON object, got a list"):
        Circular.from_dict([])
    with pytest.raises(ValidationError, match="not valid JSON"):
        Circular.from_json("{")
    with pytest.raises(ValidationError, match="not UTF-8"):
        Circular.from_json(b'{"subject": "\xff"}')
