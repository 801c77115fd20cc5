"""The closed set of errors the core raises for a person to read.

Every error the user can cause or fix (a file, a template, the store) is a
`UserError`, and its text is the whole message: one line that names the file
or field and the problem. The CLI and the editor show it as it is. Anything
else that escapes is a bug, caught by a last-resort handler (cli.main).

    UserError
      ValidationError   a circular's content (model.py): path of the field + problem
      StyleError        a template that cannot be used (styles.py): file + field
      StoreError        the local store (store/errors.py) and its subclasses
"""
from __future__ import annotations

MAX_QUOTED = 60  # characters of a user's value quoted in a message


class UserError(Exception):
    """A problem a person can act on; `str(error)` is the message."""


def quoted(value, limit: int = MAX_QUOTED) -> str:
    """A value for a one-line message: repr-escaped (no raw newline), cut to `limit` characters."""
    return _cut(repr(value), limit)


def escaped(name: str, limit: int = MAX_QUOTED) -> str:
    """A name (a field, a key) for a one-line message: escaped like repr, without the quotes, cut."""
    return _cut(repr(str(name))[1:-1], limit)


def one_line(error, limit: int | None = None) -> str:
    """An error's own text on one line (its white space folded: a driver's message spans lines), cut to
    `limit` characters."""
    return " ".join(str(error).split())[:limit]


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
