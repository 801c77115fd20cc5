"""The circular's content as blocks for the paginator, in reading order.

Geometry: the page is right to left. `right` is the text's right edge (where
lines start), `left` its left edge; every Box is given by its left edge and
width, as the text engine draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from circular_editor.model import DEFAULT_PLACE, Circular, ListBlock, Paragraph, Signatory
from circular_editor.render.flow import Block, Row, draw_rows
from circular_editor.render.text import Box, hanging_rows, merge_columns, rows
from circular_editor.styles import MM, LetterStyle

NBSP = "\u00a0"


@dataclass(frozen=True)
class Geometry:
    left: float
    right: float
    style: LetterStyle

    @property
    def width(self) -> float:
        return self.right - self.left

    def size(self, key: str) -> float:
        return float(self.style.type[key])

    def page(self, key: str) -> float:
        return float(self.style.page[key])


def date_line(circular: Circular, style: LetterStyle) -> str:
    d = circular.date_value
    date = f"{d.day} {style.labels['months'][d.month - 1]} {d.year}"
    place = DEFAULT_PLACE if circular.place is None else circular.place
    return f"{place}، {date}" if place else date


def running_header(circular: Circular, style: LetterStyle) -> str:
    digits = "".join(ch if ch.isdigit() else " " for ch in circular.reference).split()
    number = digits[-1] if digits else circular.reference
    return style.running_header.format(reference=circular.reference, number=number)


def compose(circular: Circular, style: LetterStyle, geo: Geometry) -> list[Block]:
    """Every block of the letter after the letterhead, annexes included."""
    blocks = [Block(rows(date_line(circular, style), Box(geo.left, geo.width, geo.size("header"), "end")))]
    if style.reference_title and circular.reference:
        title = style.reference_title.format(reference=circular.reference)
        blocks.append(Block(rows(title, Box(geo.left, geo.width, geo.size("title"), "center", bold=True)),
                            space_before=3 * MM))
    blocks.append(Block(_header_table(circular, style, geo), space_before=4 * MM))
    blocks.append(_subject(circular, style, geo))
    salutation = style.salutation if circular.salutation is None else circular.salutation
    if salutation.strip():
        blocks.append(Block(rows(salutation, Box(geo.left, geo.width, geo.size("body"), "start")),
                            space_before=geo.page("paragraph_space"), keep_together=True, keep_with_next=True))
    numbered = style.numbered_paragraphs if circular.numbered_paragraphs is None else circular.numbered_paragraphs
    blocks.extend(body_blocks(circular.body, geo, numbered))
    blocks.extend(_closing_and_signatures(circular, style, geo))
    blocks.extend(_annexes(circular, style, geo))
    return blocks


def _header_table(circular: Circular, style: LetterStyle, geo: Geometry) -> list[Row]:
    """Right column: reference and contact rows; left column: `إلى:` and `نسخة إلى:` lists."""
    size = geo.size("header")
    split = geo.left + geo.width * (1 - style.page["header_split"])
    label_w = geo.page("header_label_width")
    value_box = Box(split + 2 * MM, geo.right - split - label_w - 2 * MM, size, "start")
    label_box = Box(geo.right - label_w, label_w, size, "start", bold=True)
    contact = circular.contact or {}
    pairs = [] if style.reference_title else [("reference", circular.reference)]
    pairs += [(key, contact.get(key, "")) for key in ("person", "phone", "fax", "email")]
    right: list[Row] = []
    for key, value in pairs:
        if value.strip():
            shown = value.replace(" ", NBSP) if key in ("phone", "fax") else value
            right += hanging_rows(style.label(key), label_box, shown, value_box)
    list_w = split - geo.left - 4 * MM
    # With no reference or contact rows, the addressees take the reading side (the right).
    left_box = Box(geo.left if right else geo.right - list_w, list_w, size, "start")
    left: list[Row] = []
    for label, intro, entries in (("to", circular.addressees_intro, circular.addressees),
                                  ("copy_to", None, circular.copy_to or [])):
        entries = [e for e in entries if e.strip()]
        if not entries and not (intro or "").strip():
            continue
        if left:
            left.append(Row(size * 0.6))
        if intro and intro.strip():  # `إلى: جميع أصحاب المصلحة ...` on one line, the list under it
            lead_w = geo.page("header_label_width") / 2
            right_edge = left_box.x + left_box.width
            left += hanging_rows(style.label(label), Box(right_edge - lead_w, lead_w, size, "start", bold=True),
                                 intro, Box(left_box.x, left_box.width - lead_w, size, "start"))
        else:
            left += rows(style.label(label), Box(left_box.x, left_box.width, size, "start", bold=True))
        for entry in entries:
            left += rows("- " + entry, left_box)
    return merge_columns([right, left])


def _subject(circular: Circular, style: LetterStyle, geo: Geometry) -> Block:
    size = geo.size("subject")
    label_w = geo.page("header_label_width")
    label = Box(geo.right - label_w, label_w, size, "start", bold=True)
    text = Box(geo.left, geo.width - label_w, size, "start", bold=True)
    return Block(hanging_rows(style.label("subject"), label, circular.subject, text),
                 space_before=5 * MM, keep_together=True, keep_with_next=True)


def body_blocks(body, geo: Geometry, numbered: bool) -> list[Block]:
    size = geo.size("body")
    space = geo.page("paragraph_space")
    indent = geo.page("number_indent") if numbered else 0.0
    text_box = Box(geo.left, geo.width - indent, size)
    number_box = Box(geo.right - indent, indent, size, "start")
    blocks, n = [], 0
    for block in body:
        if isinstance(block, Paragraph):
            if not block.text.strip():
                continue
            n += 1
            lines = hanging_rows(f"{n}", number_box, block.text, text_box) if numbered else rows(block.text, text_box)
            blocks.append(Block(lines, space_before=space))
        elif isinstance(block, ListBlock):
            blocks.extend(_list_blocks(block, geo, indent, size))
    return blocks


def _list_blocks(block: ListBlock, geo: Geometry, indent: float, size: float) -> list[Block]:
    marker_w = geo.page("list_indent")
    right = geo.right - indent
    item_box = Box(geo.left, right - marker_w - geo.left, size)
    marker_box = Box(right - marker_w, marker_w, size, "start")
    items = [item for item in block.items if item.strip()]
    out = []
    for k, item in enumerate(items, 1):
        marker = f"{k}." if block.ordered else "•"
        out.append(Block(hanging_rows(marker, marker_box, item, item_box), space_before=1.2 * MM))
    return out


def _closing_and_signatures(circular: Circular, style: LetterStyle, geo: Geometry) -> list[Block]:
    blocks = []
    closing = style.closing if circular.closing is None else circular.closing
    signatories = circular.signatories
    if signatories is None:
        signatories = [Signatory(**s) for s in style.signatories]
    signatories = [s for s in signatories if (s.note + s.name + s.title).strip()]
    if closing.strip():
        blocks.append(Block(rows(closing, Box(geo.left, geo.width, geo.size("body"), "start")),
                            space_before=geo.page("paragraph_space") * 1.5, keep_together=True,
                            keep_with_next=bool(signatories)))
    blocks.extend(signature_rows(signatories, geo))
    if circular.annexes:
        count = len(circular.annexes)
        line = style.label("annex_line_one") if count == 1 else style.label("annex_line_many").format(count=count)
        blocks.append(Block(rows(line, Box(geo.left, geo.width, geo.size("body"), "start", bold=True)),
                            space_before=8 * MM))
    return blocks


def signature_rows(signatories: list[Signatory], geo: Geometry) -> list[Block]:
    """Blocks of signatures side by side, from the left for one signatory, else filling rows right to left."""
    if not signatories:
        return []
    block_w = geo.page("signature_width")
    per_row = max(2, int(geo.width // block_w))
    column_w = geo.width / per_row
    size = geo.size("body")
    out = []
    for first in range(0, len(signatories), per_row):
        group = signatories[first:first + per_row]
        columns = []
        for k, person in enumerate(group):
            x = geo.left if len(signatories) == 1 else geo.right - (k + 1) * column_w
            box = Box(x + 2 * MM, column_w - 4 * MM, size, "center")
            column = rows(person.note, box) if person.note.strip() else []
            column.append(Row(10 * MM))  # room for the signature itself
            for text, bold in ((person.name, True), (person.title, False)):
                if text.strip():
                    column += rows(text, Box(box.x, box.width, size, "center", bold=bold))
            columns.append(Row(sum(r.height for r in column), [_stack(column)]))
        out.append(Block(merge_columns([[c] for c in columns]), space_before=8 * MM, keep_together=True))
    return out


def _stack(column: list[Row]):
    def draw(canvas, top: float) -> None:
        draw_rows(canvas, column, top)
    return draw


def _annexes(circular: Circular, style: LetterStyle, geo: Geometry) -> list[Block]:
    blocks = []
    for n, annex in enumerate(circular.annexes or [], 1):
        heading = rows(style.label("annex_heading").format(n=n),
                       Box(geo.left, geo.width, geo.size("title"), "center", bold=True))
        if annex.title.strip():
            heading += rows(annex.title, Box(geo.left, geo.width, geo.size("subject"), "center", bold=True))
        blocks.append(Block(heading, new_page=True, keep_together=True, keep_with_next=bool(annex.body)))
        blocks.extend(body_blocks(annex.body, geo, numbered=False))
    return blocks
