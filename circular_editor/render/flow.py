"""Page breaking: blocks of rows poured into page frames.

A row is the unit that never splits: a line of text (with whatever hangs beside
it: a paragraph number, a table label), or a whole signature row. A block is a
paragraph, a list item, the subject... It may split between rows, but never
leaves fewer than `orphans` rows at a page's foot or carries fewer to the next
page's head; a block marked `keep_with_next` moves to the next page rather than
end a page with nothing of the block after it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

Draw = Callable[[object, float], None]  # draw(canvas, top): the row's box starts at y = top


@dataclass(slots=True)
class Row:
    """(Slots and a tuple of parts: a long circular's layout cache keeps thousands of rows.)"""

    height: float
    parts: tuple[Draw, ...] = ()

    def draw(self, canvas, top: float) -> None:
        for part in self.parts:
            part(canvas, top)


def draw_rows(canvas, rows: list[Row], top: float) -> float:
    """Draw rows one under the other from `top`; returns the y below the last."""
    for row in rows:
        row.draw(canvas, top)
        top -= row.height
    return top


@dataclass
class Block:
    rows: list[Row]
    space_before: float = 0.0
    keep_with_next: bool = False
    keep_together: bool = False
    new_page: bool = False
    orphans: int = 2

    @property
    def height(self) -> float:
        return sum(r.height for r in self.rows)

    def head(self) -> float:
        """The least of this block that may stand at a page's foot."""
        if self.keep_together or len(self.rows) < 2 * self.orphans:
            return self.height
        return sum(r.height for r in self.rows[:self.orphans])


@dataclass
class Frame:
    top: float
    bottom: float


@dataclass
class Page:
    frame: Frame
    placed: list[tuple[Row, float]] = field(default_factory=list)  # (row, top)


def paginate(blocks: list[Block], frame_for: Callable[[int], Frame]) -> list[Page]:
    """Place every row; `frame_for(i)` gives the text frame of page i (0-based)."""
    pages = [Page(frame_for(0))]
    y = pages[0].frame.top
    i = 0
    pending = list(blocks)
    while i < len(pending):
        block = pending[i]
        page = pages[-1]
        if block.new_page and page.placed:
            y = _new_page(pages, frame_for)
            continue
        space = block.space_before if page.placed else 0.0
        room = y - space - page.frame.bottom
        needed = block.height + (_kept_after(pending, i + 1) if block.keep_with_next else 0.0)
        if needed <= room + 1e-6:
            y = _place(page, block.rows, y - space)
            i += 1
            continue
        fits = _rows_fitting(block.rows, room)
        splittable = not block.keep_together and not block.keep_with_next
        if splittable and fits >= block.orphans and len(block.rows) >= 2 * block.orphans:
            fits = min(fits, len(block.rows) - block.orphans)  # leave enough for the next page's head
        elif not page.placed:
            fits = max(1, fits)  # nothing gains by waiting for a page no larger: place what fits, at least a row
        else:
            fits = 0
        y = _place(page, block.rows[:fits], y - space)
        if fits == len(block.rows):  # placed whole on an empty page despite keep_with_next
            i += 1
            continue
        if fits:
            pending[i] = Block(block.rows[fits:], 0.0, block.keep_with_next, block.keep_together, False, block.orphans)
        y = _new_page(pages, frame_for)
    return pages


def _kept_after(blocks: list[Block], j: int) -> float:
    """Room the blocks from j need on the same page as a block kept with them (a chain of keeps)."""
    if j >= len(blocks):
        return 0.0
    following = blocks[j]
    if following.keep_with_next:
        return following.space_before + following.height + _kept_after(blocks, j + 1)
    return following.space_before + following.head()


def _rows_fitting(rows: list[Row], room: float) -> int:
    used = 0.0
    for k, row in enumerate(rows):
        used += row.height
        if used > room + 1e-6:
            return k
    return len(rows)


def _place(page: Page, rows: list[Row], y: float) -> float:
    for row in rows:
        page.placed.append((row, y))
        y -= row.height
    return y


def _new_page(pages: list[Page], frame_for) -> float:
    pages.append(Page(frame_for(len(pages))))
    return pages[-1].frame.top
