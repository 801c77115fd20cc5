"""Letter styles, loaded from `resources/templates/<style>.toml`.

A style is data: labels, default texts, the default signatory, the running
header, the footer, reference numbering and the page geometry. Adding a bureau
is adding a template file; its file name is the `style` value of a circular.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from circular_editor.paths import RESOURCES

MM = 72 / 25.4
TEMPLATES = RESOURCES / "templates"
# A folder of extra or replacement templates (a bureau's own), searched before the built-in ones.
TEMPLATES_ENV = "CIRCULAR_EDITOR_TEMPLATES"


class StyleError(ValueError):
    """A template file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class LetterStyle:
    key: str
    name: str
    author: str
    emblem: Path
    letterhead: tuple[str, ...]
    reference_title: str
    numbered_paragraphs: bool
    salutation: str
    closing: str
    running_header: str
    footer: tuple[str, ...]
    signatories: tuple[dict, ...]
    numbering: dict
    labels: dict
    page: dict  # in points (converted from the template's millimetres); shares stay as they are
    type: dict  # type sizes in points

    def label(self, key: str) -> str:
        return self.labels.get(key, "")


def _folders() -> list[Path]:
    extra = os.environ.get(TEMPLATES_ENV)
    return ([Path(extra)] if extra else []) + [TEMPLATES]


@cache
def names() -> tuple[str, ...]:
    return tuple(sorted({p.stem for folder in _folders() if folder.is_dir() for p in folder.glob("*.toml")}))


@cache
def load(key: str) -> LetterStyle:
    for folder in _folders():
        path = folder / f"{key}.toml"
        if path.is_file():
            return _from_file(key, path)
    raise StyleError(f"unknown style {key!r} (known: {', '.join(names())})")


_UNITLESS = {"header_split"}
# What the renderer reads from each table; a template missing one is refused at load, naming it.
REQUIRED = {
    "page": ("width", "height", "margin_top", "margin_bottom", "margin_right", "margin_left", "emblem_size",
             "header_label_width", "header_split", "number_indent", "list_indent", "signature_width",
             "paragraph_space", "footer_gap"),
    "type": ("body", "letterhead", "letterhead_sub", "header", "subject", "title", "footer", "running"),
    "labels": ("reference", "person", "phone", "fax", "email", "to", "copy_to", "subject", "annex_line_one",
               "annex_line_many", "annex_heading", "months"),
    "numbering": ("pattern", "per"),
}


def _from_file(key: str, path: Path) -> LetterStyle:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise StyleError(f"{path}: cannot read the template ({exc})") from None

    def need(field: str, kind=str):
        if not isinstance(data.get(field), kind):
            what = {str: "a string", list: "a list", dict: "a table", bool: "true or false"}[kind]
            raise StyleError(f"{path}: {field}: missing or not {what}")
        return data[field]

    for table, fields in REQUIRED.items():
        for name in fields:
            if name not in need(table, dict):
                raise StyleError(f"{path}: {table}.{name}: missing")
    if len(data["labels"]["months"]) != 12:
        raise StyleError(f"{path}: labels.months: expected the twelve month names")
    emblem = Path(need("emblem"))
    return LetterStyle(
        key=key, name=need("name"), author=need("author"),
        emblem=emblem if emblem.is_absolute() else (path.parent / emblem if (path.parent / emblem).exists()
                                                    else RESOURCES / emblem),
        letterhead=tuple(need("letterhead", list)), reference_title=data.get("reference_title", ""),
        numbered_paragraphs=need("numbered_paragraphs", bool), salutation=need("salutation"),
        closing=need("closing"), running_header=need("running_header"), footer=tuple(need("footer", list)),
        signatories=tuple(need("signatories", list)), numbering=need("numbering", dict),
        labels=need("labels", dict),
        page={k: (v if k in _UNITLESS else v * MM) for k, v in need("page", dict).items()},
        type=need("type", dict),
    )
