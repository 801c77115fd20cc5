"""Inline markup of circular text -> styled spans for the text engine.

`**bold**`, `*italic*`, `[label](url)`, bare `http(s)://` / `www.` addresses
and e-mail addresses (links without markup), and backslash escapes (`\\*`,
`\\[`, `\\\\`). Markup that does not close (`**` alone, `[label` without its
target) is shown as typed: nothing the user wrote is lost, nothing is an error.
"""
from __future__ import annotations

import re
from functools import lru_cache

from circular_editor.typeset.spans import Span
from circular_editor.typeset.isolate import EMAIL, URL_START, trim_trailing
from circular_editor.typeset.uri import LINK_SCHEMES

_ESCAPABLE = set("\\*[]()_`#")
# A label holds no unescaped `[`: a link starts at the last `[` before its `](`, and a run of unmatched
# brackets costs one step each (with `[` allowed, every `[` rescanned to the end: quadratic).
# A target may hold balanced parentheses (`.../Foo_(bar)`, `javascript:alert(1)`): the link ends at its own `)`.
_LINK = re.compile(r"\[((?:\\.|[^\[\]\\\n])+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)")
_UNCLOSED = re.compile(r"\[[^\[\]\n]*\]\([^)\n]*")  # `[words](address` with no `)` of its own
# The text engine isolates the same addresses; a bare URL here also stops at a bracket.
_BARE = re.compile(rf"(?P<url>{URL_START}[^\s\u00a0<>\"\[\]]+)|(?P<email>{EMAIL})")


# Characters that reorder text invisibly (LRM, RLM, embeddings, overrides, isolates): in an address they
# make what a reader sees differ from where the link goes.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def link_problem(target: str) -> str | None:
    """Why `target` cannot be a link of a circular (None when it can): a scheme other than http, https or
    mailto, or an invisible direction character."""
    bad = _BIDI_CONTROLS.search(target)
    if bad:
        return f"the link address {target!r:.60} holds an invisible direction character (U+{ord(bad.group()):04X})"
    if not target.lower().startswith(LINK_SCHEMES):
        return f"the link address {target!r:.60} is not an http, https or mailto address"
    return None


def link_problems(text: str) -> list[str]:
    """The problems of the links written as markup in `text` (bare addresses are always http(s) or e-mail)."""
    if "](" not in text:
        return []
    problems = [problem for span in parse(text) if span.link for problem in [link_problem(span.link)] if problem]
    unclosed = _UNCLOSED.search(_LINK.sub("", text.replace("\\[", "").replace("\\]", "")))
    if unclosed:  # shown as typed, it would leave its brackets in the letter
        problems.append(f"the link {unclosed.group()[:60]!r} is not closed: a link is written [words](address)")
    return problems


def right_to_left(direction: str | None, text: str) -> bool:
    """A block's base direction: as set (rtl, ltr), or (auto, None) its first strong letter's, UAX #9 P2-P3,
    markup aside; right to left, the letter's, when it has none. The PDF and the editor's field agree."""
    if direction in ("rtl", "ltr"):
        return direction == "rtl"
    from circular_editor.typeset.bidi import bidi_classes, first_strong_level
    return first_strong_level(bidi_classes(plain(text))) != 0


def link_target(text: str, kind: str) -> str:
    """The URL a bare address points to: e-mails become mailto:, `www.` gets https://."""
    if kind == "email":
        return "mailto:" + text
    return "https://" + text if text.lower().startswith("www.") else text


@lru_cache(maxsize=4096)
def parse(text: str) -> tuple[Span, ...]:
    """Spans of `text` in logical order; adjacent spans of one style are merged."""
    out: list[Span] = []
    _parse_into(text, False, False, out)
    return tuple(_with_bare_links(_merge(out)))


def plain(text: str) -> str:
    """The text a reader sees: markup removed (used for search and PDF metadata)."""
    return "".join(s.text for s in parse(text))


def _parse_into(text: str, bold: bool, italic: bool, out: list[Span]) -> None:
    i, n, literal = 0, len(text), []
    closers = _Closers(text)

    def flush():
        if literal:
            out.append(Span("".join(literal), bold, italic))
            literal.clear()

    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            literal.append(text[i + 1])
            i += 2
            continue
        if ch == "[":
            match = _LINK.match(text, i)
            if match:
                flush()
                label = _unescape(match.group(1))
                out.append(Span(label, bold, italic, match.group(2)))
                i = match.end()
                continue
        if ch == "*":
            for marker in ("***", "**", "*"):
                close = closers.after(i + len(marker), marker) if text.startswith(marker, i) else None
                if close is not None:
                    break
            if close is not None:
                flush()
                inner = text[i + len(marker):close]
                _parse_into(inner, bold or len(marker) >= 2, italic or len(marker) != 2, out)
                i = close + len(marker)
                continue
        literal.append(ch)
        i += 1
    flush()


class _Closers:
    """Where the emphasis opened just before `start` closes, found in linear time over a whole text.

    Scanning forward from each opener to the end would make a paragraph of unmatched `**` quadratic
    (50,000 characters: a minute and a half). The scan from a position always ends at the same
    closer whatever opener started it, so every position's answer is remembered."""

    def __init__(self, text: str):
        self.text = text
        self._memo: dict[tuple[str, int], int | None] = {}

    def after(self, start: int, marker: str) -> int | None:
        text = self.text
        if start >= len(text) or text[start].isspace():
            return None  # `* ` is a literal star, as in a list typed by hand
        found = self._scan(start, marker)
        if found == start:  # a closer right at the opener's end closes nothing: look further
            found = self._scan(start + 1, marker)
        return found

    def _scan(self, i: int, marker: str) -> int | None:
        text, memo, visited = self.text, self._memo, []
        while True:
            if (marker, i) in memo:
                found = memo[(marker, i)]
                break
            visited.append(i)
            j = text.find(marker, i)
            if j < 0:
                found = None
                break
            escaped = j > 0 and text[j - 1] == "\\"
            single_inside_double = len(marker) < 3 and text.startswith(marker + "*", j)
            if not escaped and j > 0 and not text[j - 1].isspace() and not single_inside_double:
                found = j
                break
            i = j + (len(marker) + 1 if single_inside_double else 1)
        for position in visited:
            memo[(marker, position)] = found
        return found


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: m.group(1) if m.group(1) in _ESCAPABLE else m.group(0), text)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for s in spans:
        if not s.text:
            continue
        if merged and s.link is None and merged[-1].link is None and \
                (merged[-1].bold, merged[-1].italic) == (s.bold, s.italic):
            merged[-1] = Span(merged[-1].text + s.text, s.bold, s.italic)
        else:
            merged.append(s)
    return merged


def _with_bare_links(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if s.link is not None:
            out.append(s)
            continue
        pos = 0
        for match in _BARE.finditer(s.text):
            start = match.start()
            end = trim_trailing(s.text, start, match.end())
            if end <= start:
                continue
            if start > pos:
                out.append(Span(s.text[pos:start], s.bold, s.italic))
            address = s.text[start:end]
            out.append(Span(address, s.bold, s.italic, link_target(address, match.lastgroup)))
            pos = end
        if pos < len(s.text):
            out.append(Span(s.text[pos:], s.bold, s.italic))
    return out
