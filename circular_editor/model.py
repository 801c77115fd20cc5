"""The circular as plain dataclasses, and the `itu-circular/1` JSON format.

`Circular.from_dict` validates and names the field path of the first problem
(`body[3].items[0]: expected a string`); `to_dict` gives back exactly the keys
that were read, so an import followed by an export is lossless. A field the
spec calls "style default" is `None` when absent, which is not the same as
present and empty (`signatories: []` prints no signature block).
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from circular_editor import jsonfile
from circular_editor.errors import UserError, escaped, quoted

FORMAT = "itu-circular/1"
Raw = Any  # a value as JSON decoded it, not checked yet (the readers below check it and say where it is wrong)
T = TypeVar("T")
# A style names a template file (`tsb` -> tsb.toml). Whether that template is installed is checked
# where it matters (render, validate, import, a new circular), not here: a stored circular of a
# bureau whose templates are absent still opens and exports.
STYLE_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")  # fullmatch only: "$" lets a final newline in
CONTACT_FIELDS = ("person", "phone", "fax", "email")
SIGNATORY_FIELDS = ("note", "name", "title")
# Limits that keep a mistaken paste (a 5 MB subject) from freezing the editor or the renderer.
MAX_SUBJECT = 1_000
MAX_LINE = 2_000  # reference, addressee, contact values, signatory lines, titles
MAX_TEXT = 50_000  # one paragraph, list item, salutation or closing
MAX_ITEMS = 2_000  # blocks, list items, addressees, signatories, annexes
MAX_FILE_BYTES = 20_000_000
# All the text of one circular: bounds the work of any accepted file (about 100 pages, rendered in a few
# seconds; a 10-page circular holds ~25,000 characters).
MAX_TOTAL_TEXT = 400_000
MAX_TOTAL_ENTRIES = 20_000  # paragraphs, list items, lines... in all (an empty one still takes a line)
MAX_DEPTH = 32  # nesting of fields this version does not know (kept for export)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # (fullmatch)


class ValidationError(UserError):
    """Invalid circular content. `path` names the field, `problem` says what is wrong."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path, self.problem = path, problem


DIRECTIONS = ("rtl", "ltr", "auto")  # a block's base direction; auto: its first strong character's (UAX #9 P2-P3)


@dataclass
class Paragraph:
    text: str
    direction: str | None = None  # one of DIRECTIONS; None: auto, and not written back
    type: str = field(default="paragraph", init=False)


@dataclass
class ListBlock:
    items: list[str]
    ordered: bool = False
    direction: str | None = None
    type: str = field(default="list", init=False)


Block = Paragraph | ListBlock


@dataclass
class Signatory:
    note: str = ""
    name: str = ""
    title: str = ""


@dataclass
class Annex:
    title: str
    body: list[Block]


@dataclass
class Circular:
    style: str
    date: str
    reference: str
    subject: str
    body: list[Block]
    addressees: list[str] = field(default_factory=list)
    language: str | None = None
    place: str | None = None
    addressees_intro: str | None = None
    copy_to: list[str] | None = None
    contact: dict[str, str] | None = None
    salutation: str | None = None
    numbered_paragraphs: bool | None = None
    closing: str | None = None
    signatories: list[Signatory] | None = None
    annexes: list[Annex] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know, kept for export

    @property
    def date_value(self) -> _dt.date:
        return _dt.date.fromisoformat(self.date)

    @classmethod
    def from_dict(cls, data: Raw) -> "Circular":
        return _read_circular(data)

    def to_dict(self) -> dict[str, Any]:
        return _write_circular(self)

    @classmethod
    def from_json(cls, text: str | bytes) -> "Circular":
        if len(text) > MAX_FILE_BYTES:
            raise ValidationError("", f"file too large ({len(text):,} bytes; at most {MAX_FILE_BYTES:,})")
        try:
            data = jsonfile.loads(text)
        except jsonfile.JSONRefused as exc:
            raise ValidationError("", str(exc)) from None
        return cls.from_dict(data)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def problems_before_finalizing(circular: Circular) -> list[ValidationError]:
    """What a valid draft still lacks to be sent: a subject, an addressee, a paragraph."""
    problems = []
    if not circular.subject.strip():
        problems.append(ValidationError("subject", "empty: a circular needs a subject"))
    if not any(a.strip() for a in circular.addressees) and not (circular.addressees_intro or "").strip():
        problems.append(ValidationError("addressees", "none: a circular needs at least one addressee"))
    if not any(isinstance(b, Paragraph) and b.text.strip() for b in circular.body):
        problems.append(ValidationError("body", "no paragraph: a circular needs a text"))
    return problems


# ---- reading, with the path of every value for the error message ----

_KNOWN = ("format", "style", "language", "place", "date", "reference", "addressees_intro", "addressees",
          "copy_to", "contact", "subject", "salutation", "numbered_paragraphs", "body", "closing",
          "signatories", "annexes")


def _expect(value: Raw, kind: type[T], path: str, what: str) -> T:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValidationError(path, f"expected {what}, got {_describe(value)}")
    return value


def _describe(value: Raw) -> str:
    if value is None:
        return "null"
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list",
             dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _text(value: Raw, path: str, limit: int = MAX_TEXT) -> str:
    text = _expect(value, str, path, "a string")
    if len(text) > limit:
        raise ValidationError(path, f"too long ({len(text):,} characters; at most {limit:,})")
    _valid_characters(text, path)
    if "](" in text:  # a link written as markup: only http, https and mailto, no direction controls
        from circular_editor.markup import link_problems  # (only then: the engine's patterns cost ~50 ms to load)
        problems = link_problems(text)
        if problems:
            raise ValidationError(path, problems[0])
    return text


def _valid_characters(value: str, path: str) -> None:
    """A lone UTF-16 surrogate (`\\ud800` in the JSON) is not a character: no file, font or PDF can hold it."""
    bad = _SURROGATE.search(value)
    if bad:
        raise ValidationError(path, f"holds an invalid character (a lone surrogate, U+{ord(bad.group()):04X}, "
                                    f"at character {bad.start() + 1:,})")


def _unknown(value: Raw, path: str) -> None:
    """A field this version does not know is kept as it is, within the limits of known ones: nesting depth,
    valid text, finite numbers (checked without recursion: a hostile depth cannot overflow the stack)."""
    pending: list[tuple[Raw, str, int]] = [(value, path, 1)]
    while pending:
        node, where, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise ValidationError(where, f"nested too deeply (more than {MAX_DEPTH} levels)")
        if isinstance(node, str):
            _text(node, where)
        elif isinstance(node, float) and not math.isfinite(node):
            raise ValidationError(where, "not a finite number")
        elif isinstance(node, dict):
            if len(node) > MAX_ITEMS:
                raise ValidationError(where, f"too many entries ({len(node):,}; at most {MAX_ITEMS:,})")
            for key, item in node.items():
                _valid_characters(key, where)
                pending.append((item, f"{where}.{escaped(key)}", depth + 1))
        elif isinstance(node, list):
            _count(node, where)
            pending.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(node))


def _texts(value: Raw, path: str, limit: int = MAX_LINE) -> list[str]:
    return _list_of(value, path, "a list of strings", lambda v, where: _text(v, where, limit))


def _count(value: list[Any] | dict[str, Any], path: str) -> None:
    if len(value) > MAX_ITEMS:
        raise ValidationError(path, f"too many entries ({len(value):,}; at most {MAX_ITEMS:,})")


def _optional(data: dict[str, Any], key: str, read: Callable[[Raw, str], T]) -> T | None:
    return read(data[key], key) if key in data else None


def _read_circular(data: Raw) -> Circular:
    data = _expect(data, dict, "", "a JSON object")
    if "format" not in data:
        raise ValidationError("format", f'missing (expected "{FORMAT}")')
    if data["format"] != FORMAT:
        raise ValidationError("format", f'unknown format {quoted(data["format"])} (expected "{FORMAT}")')
    if "style" not in data:
        raise ValidationError("style", "missing (required)")
    style = _text(data["style"], "style", 40)
    if not STYLE_KEY.fullmatch(style):
        raise ValidationError("style", f"{quoted(style)} is not a style name (lower-case letters, digits, - and _)")
    for key in ("date", "reference", "subject", "addressees", "body"):
        if key not in data:
            raise ValidationError(key, "missing (required)")
    circular = Circular(
        style=style,
        date=_date(data["date"], "date"),
        reference=_text(data["reference"], "reference", MAX_LINE),
        subject=_text(data["subject"], "subject", MAX_SUBJECT),
        body=_blocks(data["body"], "body"),
        addressees=_texts(data["addressees"], "addressees"),
        language=_optional(data, "language", lambda v, p: _text(v, p, 35)),
        place=_optional(data, "place", lambda v, p: _text(v, p, MAX_LINE)),
        addressees_intro=_optional(data, "addressees_intro", lambda v, p: _text(v, p, MAX_LINE)),
        copy_to=_optional(data, "copy_to", _texts),
        contact=_optional(data, "contact", _contact),
        salutation=_optional(data, "salutation", _text),
        numbered_paragraphs=_optional(data, "numbered_paragraphs", lambda v, p: _expect(v, bool, p, "true or false")),
        closing=_optional(data, "closing", _text),
        signatories=_optional(data, "signatories", _signatories),
        annexes=_optional(data, "annexes", _annexes),
        extra=_extra(data),
    )
    characters, entries = _size(data)
    if characters > MAX_TOTAL_TEXT:
        raise ValidationError("", f"too much text for one circular ({characters:,} characters; at most "
                                  f"{MAX_TOTAL_TEXT:,}, about 100 pages)")
    if entries > MAX_TOTAL_ENTRIES:
        raise ValidationError("", f"too many entries for one circular ({entries:,} paragraphs, items and lines; "
                                  f"at most {MAX_TOTAL_ENTRIES:,})")
    return circular


def _size(data: Raw) -> tuple[int, int]:
    """(characters in every string, entries of every list) of the (already checked) content: what bounds the
    work of rendering it."""
    characters, entries, pending = 0, 0, [data]
    while pending:
        node = pending.pop()
        if isinstance(node, str):
            characters += len(node)
        elif isinstance(node, dict):
            pending.extend(node.values())
        elif isinstance(node, list):
            entries += len(node)
            pending.extend(node)
    return characters, entries


def _extra(data: dict[str, Any]) -> dict[str, Any]:
    extra = {k: v for k, v in data.items() if k not in _KNOWN}
    for key, value in extra.items():
        _valid_characters(key, "")
        _unknown(value, escaped(key))
    return extra


def _date(value: Raw, path: str) -> str:
    text = _text(value, path, 40)
    try:
        if not _ISO_DATE.fullmatch(text):  # (fromisoformat also takes week dates, 2023-W01-1)
            raise ValueError
        _dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(path, f"expected a date as YYYY-MM-DD, got {quoted(text)}") from None
    return text


def _contact(value: Raw, path: str) -> dict[str, str]:
    value = _expect(value, dict, path, "an object")
    _only(value, CONTACT_FIELDS, path)
    return {key: _text(v, f"{path}.{key}", MAX_LINE) for key, v in value.items()}


def _list_of(value: Raw, path: str, what: str, read: Callable[[Raw, str], T]) -> list[T]:
    """`read(item, "path[i]")` of every item of a list, within MAX_ITEMS."""
    _expect(value, list, path, what)
    _count(value, path)
    return [read(item, f"{path}[{i}]") for i, item in enumerate(value)]


def _signatories(value: Raw, path: str) -> list[Signatory]:
    return _list_of(value, path, "a list", _signatory)


def _signatory(item: Raw, path: str) -> Signatory:
    item = _expect(item, dict, path, "an object with note, name and title")
    _only(item, SIGNATORY_FIELDS, path)
    return Signatory(**{k: _text(item[k], f"{path}.{k}", MAX_LINE) for k in item})


def _blocks(value: Raw, path: str) -> list[Block]:
    return _list_of(value, path, "a list of blocks", _block)


def _block(item: Raw, path: str) -> Block:
    item = _expect(item, dict, path, 'a block object ({"type": "paragraph", "text": ...})')
    kind = item.get("type")
    if kind == "paragraph":
        _only(item, ("type", "text", "direction"), path)
        if "text" not in item:
            raise ValidationError(f"{path}.text", "missing (required)")
        return Paragraph(_text(item["text"], f"{path}.text"), _direction(item, path))
    if kind == "list":
        _only(item, ("type", "ordered", "items", "direction"), path)
        if "items" not in item:
            raise ValidationError(f"{path}.items", "missing (required)")
        ordered = _expect(item.get("ordered", False), bool, f"{path}.ordered", "true or false")
        return ListBlock(_texts(item["items"], f"{path}.items", MAX_TEXT), ordered, _direction(item, path))
    raise ValidationError(f"{path}.type", f'expected "paragraph" or "list", got {quoted(kind)}')


def _direction(item: dict[str, Any], path: str) -> str | None:
    if "direction" not in item:
        return None
    value = item["direction"]
    if value not in DIRECTIONS:
        raise ValidationError(f"{path}.direction", f"expected one of {', '.join(DIRECTIONS)}, got {quoted(value)}")
    return str(value)


def _only(item: dict[str, Any], keys: tuple[str, ...], path: str) -> None:
    for key in item:
        if key not in keys:
            raise ValidationError(f"{path}.{escaped(key)}", f"unknown field (known: {', '.join(keys)})")


def _annexes(value: Raw, path: str) -> list[Annex]:
    return _list_of(value, path, "a list", _annex)


def _annex(item: Raw, path: str) -> Annex:
    item = _expect(item, dict, path, "an object with title and body")
    _only(item, ("title", "body"), path)
    return Annex(_text(item.get("title", ""), f"{path}.title", MAX_LINE),
                 _blocks(item.get("body", []), f"{path}.body"))


# ---- writing ----

def _write_blocks(blocks: list[Block]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append({"type": "paragraph", "text": b.text})
        else:
            out.append({"type": "list", "ordered": b.ordered, "items": list(b.items)})
        if b.direction is not None:
            out[-1]["direction"] = b.direction
    return out


def _write_circular(c: Circular) -> dict[str, Any]:
    values: dict[str, Any] = {
        "format": FORMAT, "style": c.style, "language": c.language, "place": c.place, "date": c.date,
        "reference": c.reference, "addressees_intro": c.addressees_intro, "addressees": list(c.addressees),
        "copy_to": None if c.copy_to is None else list(c.copy_to),
        "contact": None if c.contact is None else dict(c.contact),
        "subject": c.subject, "salutation": c.salutation, "numbered_paragraphs": c.numbered_paragraphs,
        "body": _write_blocks(c.body), "closing": c.closing,
        "signatories": None if c.signatories is None else [
            {"note": s.note, "name": s.name, "title": s.title} for s in c.signatories],
        "annexes": None if c.annexes is None else [
            {"title": a.title, "body": _write_blocks(a.body)} for a in c.annexes],
    }
    out = {k: v for k, v in values.items() if v is not None}
    out.update(c.extra)
    return out
