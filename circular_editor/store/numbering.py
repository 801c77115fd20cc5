"""References allocated on "finalize", from the pattern in the style's template.

TSB numbers per study period (`TSB Circular {n}`), SG and BDT per year
(`CL-{yy}/{n:03}`, `BDT/DIR/{n:03}`). The counter key names the style and the
period; the next number skips any reference already used (an imported or typed
one), so a reference is never given twice.
"""
from __future__ import annotations

import datetime as dt
import re

from circular_editor.styles import LetterStyle


def period_of(style: LetterStyle, date: dt.date) -> int:
    """The first year of the numbering period holding `date`."""
    numbering = style.numbering
    if numbering.per == "study_period":
        starts = [y for y in numbering.study_periods if y <= date.year]
        return max(starts) if starts else date.year
    return date.year


def counter_key(style: LetterStyle, date: dt.date) -> str:
    return f"{style.key}:{period_of(style, date)}"


def format_reference(style: LetterStyle, date: dt.date, n: int) -> str:
    return style.numbering.pattern.format(n=n, yy=f"{date.year % 100:02}", yyyy=date.year)


def normalise(reference: str) -> str:
    """The form two references are compared in: `TSB  circular 92` and `TSB Circular 92` are one."""
    return " ".join(reference.split()).casefold()


def highest_used(style: LetterStyle, date: dt.date, existing: list[tuple[str, dt.date]]) -> int:
    """The highest number the pattern gives among `existing` (reference, date) of this style and period."""
    pattern = re.escape(normalise(style.numbering.pattern))
    pattern = re.sub(r"\\\{n[^}]*\\\}", r"(\\d+)", pattern)
    pattern = re.sub(r"\\\{y+\\\}", r"\\d+", pattern)
    regex = re.compile(pattern)
    period = period_of(style, date)
    numbers = [int(m.group(1)) for reference, when in existing
               if period_of(style, when) == period and (m := regex.fullmatch(normalise(reference)))]
    return max(numbers, default=0)


def next_reference(style: LetterStyle, date: dt.date, last: int, existing: list[tuple[str, dt.date]],
                   used: set[str]) -> tuple[str, int]:
    """The next free reference after the period's counter `last` and after every reference of the
    same style and period already in the store (typed or imported); never one in `used`."""
    last = max(last, highest_used(style, date, existing))
    n = last + 1
    while normalise(format_reference(style, date, n)) in used:
        n += 1
    return format_reference(style, date, n), n
