"""Reading a template's TOML into the typed records of styles.py, checking every value.

A template is a file a bureau edits by hand, so nothing in it is trusted: each
value is checked against the type of its record field (text, true/false, a
number within the range in the field's metadata, a list, a table), unknown
and missing keys are refused, format strings may use only the fields their
place offers, and the emblem must be a modest PNG or JPEG file inside the
template's folder or the application's resources. The first problem becomes a
StyleError naming the file and the field: `tsb.toml: page.margin_top: expected
a number, got a string`.
"""
from __future__ import annotations

import dataclasses
import difflib
import math
import re
import stat
import string
import typing
from typing import Any
from pathlib import Path

from circular_editor.errors import UserError, escaped, quoted

MAX_TEXT = 2_000
MAX_LIST = 100
MAX_EMBLEM_BYTES = 5_000_000
MAX_EMBLEM_PIXELS = 4_096
_SPEC = re.compile(r"0?[1-9]?\d?d?")  # `{n:03}`, `{n:3}`, `{n}`: a width of at most two digits


class StyleError(UserError):
    """A template file that cannot be used; the message names the file and the field."""


def number(lo: float, hi: float, *, share: bool = False, default: Any = dataclasses.MISSING) -> Any:  # (as field())
    """A numeric record field accepting lo <= value <= hi; `share`: a ratio, not a length in millimetres."""
    return dataclasses.field(default=default, metadata={"range": (lo, hi), "share": share})


def text(*, fields: tuple[str, ...] = (), default: Any = dataclasses.MISSING) -> Any:
    """A text field; `fields`: it is a format string that may use these replacement fields."""
    return dataclasses.field(default=default, metadata={"format": fields})


class Reader:
    """Reads one template file: `reader.record(LetterStyle-part, table, "where")`."""

    def __init__(self, path: Path, resources: Path):
        self.path = path
        self.resources = resources

    def fail(self, where: str, problem: str) -> typing.NoReturn:
        raise StyleError(f"{self.path}: {where}: {problem}" if where else f"{self.path}: {problem}")

    def record(self, cls, table, where: str = "", computed: tuple[str, ...] = (), **given):
        """An instance of dataclass `cls` from TOML `table`; `given` fields are not read from it
        (the caller read or derived them), `computed` ones may not appear in it."""
        if not isinstance(table, dict):
            self.fail(where, f"expected a table, got {_kind(table)}")
        hints = typing.get_type_hints(cls)
        names = {f.name for f in dataclasses.fields(cls) if f.name not in computed}
        for key in table:
            if key not in names:
                self.fail(_join(where, escaped(key)), "unknown field" + _suggestion(key, names))
        values = dict(given)
        for f in dataclasses.fields(cls):
            if f.name in given:
                continue
            path = _join(where, f.name)
            if f.name not in table:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    self.fail(path, "missing")
                continue
            values[f.name] = self.value(hints[f.name], table[f.name], path, f.metadata)
        return cls(**values)

    def value(self, hint, value, where: str, meta=None):
        meta = meta or {}
        origin = typing.get_origin(hint)
        if dataclasses.is_dataclass(hint):
            return self.record(hint, value, where)
        if origin is tuple:
            item = typing.get_args(hint)[0]
            if not isinstance(value, list):
                self.fail(where, f"expected a list, got {_kind(value)}")
            if len(value) > MAX_LIST:
                self.fail(where, f"too many entries ({len(value)}; at most {MAX_LIST})")
            return tuple(self.value(item, v, f"{where}[{i}]", meta) for i, v in enumerate(value))
        if hint is bool:
            if not isinstance(value, bool):
                self.fail(where, f"expected true or false, got {_kind(value)}")
            return value
        if hint in (int, float):
            return self.number(hint, value, where, meta.get("range"))
        if hint is str:
            return self.text(value, where, meta.get("format", ()))
        raise TypeError(f"no reader for {hint!r}")  # a record field of a type this module does not know

    def number(self, hint, value, where: str, bounds):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (hint is int and isinstance(value, float)):
            self.fail(where, f"expected {'a whole number' if hint is int else 'a number'}, got {_kind(value)}")
        if not math.isfinite(value):
            self.fail(where, f"expected a finite number, got {value}")
        if bounds and not bounds[0] <= value <= bounds[1]:
            self.fail(where, f"{value} is out of range ({bounds[0]:g} to {bounds[1]:g})")
        return hint(value)

    def text(self, value, where: str, fields: tuple[str, ...]) -> str:
        if not isinstance(value, str):
            self.fail(where, f"expected text, got {_kind(value)}")
        if len(value) > MAX_TEXT:
            self.fail(where, f"too long ({len(value):,} characters; at most {MAX_TEXT:,})")
        if fields:
            self.format_string(value, where, fields)
        return value

    def format_string(self, value: str, where: str, fields: tuple[str, ...]) -> None:
        """Only `{field}` or `{field:03}` with a field of `fields`: no attributes, indexes or wide padding."""
        allowed = ", ".join("{" + f + "}" for f in fields)
        try:
            parts = list(string.Formatter().parse(value))
        except ValueError as exc:
            self.fail(where, f"not a valid format ({exc}); write {{{{ and }}}} for literal braces")
        for _, name, spec, conversion in parts:
            if name is None:
                continue
            if name not in fields or conversion or not _SPEC.fullmatch(spec or ""):
                shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                self.fail(where, f"{quoted(shown)} is not allowed here (allowed: {allowed})")

    def emblem(self, value, where: str = "emblem") -> Path:
        """The emblem image: a regular PNG or JPEG file inside the template's folder or the resources."""
        name = self.text(value, where, ())
        folders = [self.path.parent.resolve(), self.resources.resolve()]
        candidates = [Path(name)] if Path(name).is_absolute() else [folder / name for folder in folders]
        found = next((c for c in candidates if c.exists()), None)
        if found is None:
            self.fail(where, f"no image {quoted(name)} in {folders[0]} or {folders[1]}")
        real = found.resolve()
        if not any(real.is_relative_to(folder) for folder in folders):
            self.fail(where, f"{quoted(name)} is outside the template's folder and the application's resources")
        info = real.stat()
        if not stat.S_ISREG(info.st_mode):
            self.fail(where, f"{quoted(name)} is not a regular file")
        if info.st_size > MAX_EMBLEM_BYTES:
            self.fail(where, f"{quoted(name)} is too large ({info.st_size:,} bytes; at most {MAX_EMBLEM_BYTES:,})")
        with open(real, "rb") as handle:
            head = handle.read(64 * 1024)
        size = _image_size(head)
        if size is None:
            self.fail(where, f"{quoted(name)} is not a PNG or JPEG image")
        if max(size) > MAX_EMBLEM_PIXELS or min(size) < 1:
            self.fail(where, f"{quoted(name)} is {size[0]} x {size[1]} pixels (at most {MAX_EMBLEM_PIXELS} a side)")
        return real


def _image_size(head: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG or JPEG from its first bytes, or None for anything else."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if head.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(head) and head[i] == 0xFF:
            marker, length = head[i + 1], int.from_bytes(head[i + 2:i + 4], "big")
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # a start-of-frame segment
                return int.from_bytes(head[i + 7:i + 9], "big"), int.from_bytes(head[i + 5:i + 7], "big")
            i += 2 + length
    return None


def _suggestion(key: str, names: set[str]) -> str:
    """` (known: a, b)` for a short list, else ` (did you mean x?)` when one is close."""
    if len(names) <= 6:
        return f" (known: {', '.join(sorted(names))})"
    close = difflib.get_close_matches(str(key), names, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _kind(value) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)
