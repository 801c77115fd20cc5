"""The input of the text engine: styled pieces of a paragraph (light: markup.py and the editor import it)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A piece of text in one style. `link` is a URL (http, https or mailto)."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
