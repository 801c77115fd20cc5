"""The JSON a person gives (an itu-circular/1 file, pasted text): strict, and every refusal one line with where.

Stricter than `json.loads`, as the format says: UTF-8 only (a BOM is allowed; UTF-16 and UTF-32, which
`json.loads` guesses and accepts, are refused by name); no NaN or Infinity, no number that overflows a
float or has more than 30 digits; no key twice in one object (JSON's "last one wins" would let a second
`"style"` override the first unseen); nesting at most 200 deep. Errors give the line and column, and the
key or value where it is known.
"""
from __future__ import annotations

import json
import math
import re

from circular_editor.errors import escaped, quoted

MAX_DIGITS = 30  # an integer longer than this is not a value a circular holds
MAX_NESTING = 200
_BOMS = ((b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"), (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
         (b"\xfe\xff", "UTF-16 (big-endian)"), (b"\xff\xfe", "UTF-16 (little-endian)"))
# Outside strings: a constant JSON does not have, or a number (the scanner below skips strings).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([\[{])|([\]}])', re.S)


class JSONRefused(ValueError):
    """Not JSON this program reads; the text is the one-line reason with where."""


def decode(data: str | bytes) -> str:
    """The text of `data`: UTF-8, with or without a BOM; any other encoding is refused by name."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise JSONRefused(f"encoded as {name}, not UTF-8 (save the file as UTF-8)")
    if len(data) >= 4 and data[0] and not data[1] and not data[3]:
        raise JSONRefused("encoded as UTF-16 (little-endian), not UTF-8 (save the file as UTF-8)")
    if len(data) >= 4 and not data[0] and data[1] and not data[2]:
        raise JSONRefused("encoded as UTF-16 (big-endian), not UTF-8 (save the file as UTF-8)")
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        # (surrogates encoded as UTF-8, CESU-8's way, decode to lone surrogates that the circular's reader then
        # refuses naming their field)
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise JSONRefused(f"not UTF-8 text ({exc.reason} at byte {exc.start + 1:,}, line {line})") from None


def loads(data: str | bytes):
    """The value in `data`; JSONRefused (one line, with the line and column) for anything this program refuses."""
    text = decode(data)
    try:
        return json.loads(text, parse_constant=_refuse, parse_int=_integer, parse_float=_finite,
                          object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        message = exc.msg.removesuffix(" at")  # ("Unterminated string starting at": json puts the place after it)
        raise JSONRefused(f"not valid JSON ({message}, line {exc.lineno}, column {exc.colno})") from None
    except _Duplicate as exc:
        raise JSONRefused(f"{escaped(exc.key)}: given twice in one object (each key once){_where_key(text, exc.key)}"
                          ) from None
    except (_BadNumber, RecursionError):
        raise JSONRefused(_locate(text)) from None


class _Duplicate(Exception):
    def __init__(self, key: str):
        self.key = key


class _BadNumber(Exception):
    pass


def _refuse(name: str):
    raise _BadNumber(name)


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _BadNumber(digits)
    return int(digits)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber(text)
    return value


def _object(pairs: list) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return result


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _locate(text: str) -> str:
    """Why json refused a number, a constant or the nesting, and where (found again by scanning the text)."""
    depth = 0
    for token in _TOKEN.finditer(text):
        constant, number, opening, closing = token.groups()
        if constant:
            return f"{constant} is not a JSON number ({_position(text, token.start())})"
        digits = len(number.lstrip("-")) if number and number.lstrip("-").isdigit() else 0
        if digits > MAX_DIGITS:
            return f"a number of {digits:,} digits (at most {MAX_DIGITS}; {_position(text, token.start())})"
        if number and not math.isfinite(float(number)):
            return f"the number {quoted(number, 40)} is out of range ({_position(text, token.start())})"
        if opening:
            depth += 1
            if depth > MAX_NESTING:
                return f"nested too deeply (more than {MAX_NESTING} levels, {_position(text, token.start())})"
        elif closing:
            depth -= 1
    return "nested too deeply or a number out of range"


def _where_key(text: str, key: str) -> str:
    """", line L, column C" of the key's second appearance, when it can be found; else nothing."""
    needle = json.dumps(key, ensure_ascii=False) + ":"
    first = text.replace('" :', '":').find(needle)
    second = text.replace('" :', '":').find(needle, first + 1) if first >= 0 else -1
    return f" ({_position(text, second)})" if second >= 0 else ""
