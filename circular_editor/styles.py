"""Letter styles: typed, frozen records read from `<style>.toml` template files.

A style is data: labels, default texts, the default signatory, the running
header, the footer, reference numbering, markers, page geometry and type sizes.
Adding a bureau is adding a template file; its file name is the `style` value
of a circular. Every value is type- and range-checked at load
(template_reader.py); a bad template is a StyleError naming file and field.

Templates are looked up in the user's template folder (an editor setting,
`set_user_folder`), then `$CIRCULAR_EDITOR_TEMPLATES`, then the built-in
`resources/templates/`. A loaded style is kept until its file changes on disk.
"""
from __future__ import annotations

import os
import string
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from circular_editor.errors import one_line
from circular_editor.model import STYLE_KEY, Signatory
from circular_editor.paths import RESOURCES
from circular_editor.template_reader import Reader, StyleError, number, text

MM = 72 / 25.4
TEMPLATES = RESOURCES / "templates"
# A folder of extra or replacement templates (a bureau's own), searched before the built-in ones.
TEMPLATES_ENV = "CIRCULAR_EDITOR_TEMPLATES"
_user_folder: Path | None = None

__all__ = ["LetterStyle", "MM", "StyleError", "UnknownStyle", "check_renderable", "load", "names", "set_user_folder"]


class UnknownStyle(StyleError):
    """No template file for a style: the message names the style and where it was looked for."""


@dataclass(frozen=True)
class Page:
    """Page geometry, in points (the template gives millimetres; `header_split` is a share)."""

    width: float = number(50, 1000)
    height: float = number(50, 1000)
    margin_top: float = number(0, 200)
    margin_bottom: float = number(0, 200)
    margin_right: float = number(0, 200)
    margin_left: float = number(0, 200)
    emblem_size: float = number(0, 100)
    emblem_gap: float = number(0, 50)  # between the emblem and the letterhead lines
    letterhead_gap: float = number(0, 50)  # under the letterhead
    running_gap: float = number(0, 50)  # under the running header of pages 2 and later
    header_space: float = number(0, 50)  # above the header table
    header_label_width: float = number(5, 200)  # label column of the header table
    header_split: float = number(0.1, 0.9, share=True)  # share of the width for the reference/contact column
    header_value_gap: float = number(0, 50)  # between the split and the reference/contact values
    header_column_gap: float = number(0, 50)  # between the addressee column and the split
    addressee_lead_width: float = number(0, 100)  # `إلى:` beside an addressee lead line
    reference_title_space: float = number(0, 50)
    subject_space: float = number(0, 50)
    paragraph_space: float = number(0, 50)
    number_indent: float = number(0, 100)  # hanging paragraph numbers
    list_indent: float = number(0, 100)
    list_item_space: float = number(0, 50)
    closing_space: float = number(0, 50)
    signature_width: float = number(10, 500)
    signature_space: float = number(0, 100)  # above each row of signatures
    signature_padding: float = number(0, 50)  # each side of a signature block
    signature_room: float = number(0, 100)  # for the signature itself, under the note
    annex_line_space: float = number(0, 100)
    footer_gap: float = number(0, 100)  # between the last text line and the page-1 footer


@dataclass(frozen=True)
class TypeSizes:
    """Type sizes in points; `leading` is the line height as a multiple of the size."""

    body: float = number(4, 72)
    letterhead: float = number(4, 72)
    letterhead_sub: float = number(4, 72)
    header: float = number(4, 72)
    subject: float = number(4, 72)
    title: float = number(4, 72)
    footer: float = number(4, 72)
    running: float = number(4, 72)
    leading: float = number(0.8, 3)
    list_group_gap: float = number(0, 3)  # between the To and Copy-to lists, in lines of the header size


@dataclass(frozen=True)
class Labels:
    reference: str = text()
    person: str = text()
    phone: str = text()
    fax: str = text()
    email: str = text()
    to: str = text()
    copy_to: str = text()
    subject: str = text()
    annex_line_one: str = text()
    annex_line_many: str = text(fields=("count",))
    annex_heading: str = text(fields=("n",))
    months: tuple[str, ...]
    # before the certificate holder's name in a digital signature's stamp ("digital signature")
    digital_signature: str = text(default="توقيع رقمي")
    # the emblem's text for a screen reader ("emblem of <the letterhead's first line>")
    emblem_alt: str = text(fields=("organisation",), default="شعار {organisation}")
    # the date line: place and date ("جنيف، 2 مايو 2023")
    date_line: str = text(fields=("place", "date"), default="{place}، {date}")


@dataclass(frozen=True)
class Markers:
    paragraph_number: str = text(fields=("n",))
    bullet: str = text()
    ordered: str = text(fields=("n",))
    addressee: str = text()  # before each addressee and copy-to line
    page_number: str = text(fields=("n",))


@dataclass(frozen=True)
class Numbering:
    """References allocated on finalize: `pattern` per year or per ITU-T study period."""

    pattern: str = text(fields=("n", "yy", "yyyy"))
    per: str = text()
    study_periods: tuple[int, ...] = number(1865, 3000, default=())


@dataclass(frozen=True)
class LetterStyle:
    key: str
    path: Path
    name: str
    author: str
    emblem: Path
    letterhead: tuple[str, ...]
    numbered_paragraphs: bool
    place: str
    salutation: str
    closing: str
    running_header: str = text(fields=("reference", "number"))
    footer: tuple[str, ...]
    signatories: tuple[Signatory, ...]
    numbering: Numbering
    labels: Labels
    markers: Markers
    page: Page
    type: TypeSizes
    reference_title: str = text(fields=("reference",), default="")  # when set, the reference is a title line
    signing_order: str = "in order"  # on a bureau server: "in order" (block 1 signs first) or "any order"

    def label(self, key: str) -> str:
        return getattr(self.labels, key)


def set_user_folder(folder: str | Path | None) -> None:
    """The user's own template folder (an editor setting), searched before every other."""
    global _user_folder
    _user_folder = Path(folder) if folder else None


def folders() -> list[Path]:
    extra = os.environ.get(TEMPLATES_ENV)
    return [f for f in (_user_folder, Path(extra) if extra else None) if f] + [TEMPLATES]


def names() -> tuple[str, ...]:
    """Every style with a template file, sorted (read from the folders each time: templates may be added)."""
    found = {p.stem for folder in folders() if folder.is_dir() for p in folder.glob("*.toml")}
    return tuple(sorted(key for key in found if STYLE_KEY.fullmatch(key)))


_loaded: dict[Path, tuple[tuple, LetterStyle]] = {}  # template -> (its and its emblem's stat, style)


def load(key: str) -> LetterStyle:
    """The style `key`, read again when its template file or its emblem changed since it was last read."""
    path = _template_path(key)
    cached = _loaded.get(path)
    if cached and cached[0] == (_stat(path), _stat(cached[1].emblem)):
        return cached[1]
    stamp = _stat(path)
    style = _read(key, path)
    _loaded[path] = ((stamp, _stat(style.emblem)), style)
    return style


_decoded: dict[Path, tuple] = {}  # emblem -> its stat when it last decoded whole


def check_renderable(key: str) -> LetterStyle:
    """The style `key`, with everything rendering it needs checked: the template (load), and the emblem decoded
    whole (a truncated JPEG has a sound header; only decoding it finds the missing end). For `validate` and
    import, so that "valid" means "renders"; rendering itself finds the same problem with the same message."""
    style = load(key)
    stamp = _stat(style.emblem)
    if _decoded.get(style.emblem) != stamp:
        emblem_problem = decode_problem(style.emblem)
        if emblem_problem:
            raise StyleError(f"{style.path}: emblem: {emblem_problem}")
        _decoded[style.emblem] = stamp
    return style


def decode_problem(image: Path) -> str | None:
    """Why the image does not decode whole (one line), or None."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(image) as picture:
            picture.load()
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        return f"{image.name} cannot be decoded ({one_line(exc, 120)})"
    return None


def _template_path(key: str) -> Path:
    if isinstance(key, str) and STYLE_KEY.fullmatch(key):
        for folder in folders():
            path = folder / f"{key}.toml"
            if path.is_file():
                return path
    places = ", ".join(str(f) for f in folders())
    raise UnknownStyle(f"style: unknown style {key!r} (no template {key}.toml in {places}; "
                       f"known: {', '.join(names())})")


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _read(key: str, path: Path) -> LetterStyle:
    reader = Reader(path, RESOURCES)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        raise StyleError(f"{path}: cannot read the template ({type(exc).__name__}: {exc})") from None
    if not isinstance(data.get("emblem"), str):
        reader.fail("emblem", "missing or not text")
    style = reader.record(LetterStyle, data, computed=("key", "path"), key=key, path=path,
                          emblem=reader.emblem(data["emblem"]))
    _check(reader, style)
    page = Page(**{f.name: getattr(style.page, f.name) * (1 if f.metadata.get("share") else MM)
                   for f in fields(Page)})
    return LetterStyle(**{**{f.name: getattr(style, f.name) for f in fields(LetterStyle)}, "page": page})


def _check(reader: Reader, style: LetterStyle) -> None:
    """What single values cannot say: counts, choices, room left by the margins."""
    if len(style.labels.months) != 12:
        reader.fail("labels.months", f"expected the twelve month names, got {len(style.labels.months)}")
    if style.signing_order not in ("in order", "any order"):
        reader.fail("signing_order", f'expected "in order" or "any order", got {style.signing_order!r}')
    if style.numbering.per not in ("year", "study_period"):
        reader.fail("numbering.per", f'expected "year" or "study_period", got {style.numbering.per!r}')
    if "n" not in {name for _, name, _, _ in string.Formatter().parse(style.numbering.pattern)}:
        reader.fail("numbering.pattern", "must contain {n}, the circular's number")
    p = style.page
    if p.width - p.margin_left - p.margin_right < 40:
        reader.fail("page", "the left and right margins leave less than 40 mm for the text")
    if p.height - p.margin_top - p.margin_bottom < 60:
        reader.fail("page", "the top and bottom margins leave less than 60 mm for the text")
    if 2 * p.signature_padding >= p.signature_width:
        reader.fail("page.signature_padding", "leaves no room in a signature block")
