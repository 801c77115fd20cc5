"""The one place where a circular's absent "style default" fields take the style's values.

The spec: a field marked "style default" that is absent (None in the model)
takes the template's value; present but empty ("" or []) means none. The
renderer draws `resolve(circular, style)`; a form shows `of_style(style)` as
placeholders, so what an empty field will print is visible before rendering.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from circular_editor.model import Circular, Signatory
from circular_editor.styles import LetterStyle


@dataclass(frozen=True)
class Defaulted:
    place: str
    salutation: str
    numbered_paragraphs: bool
    closing: str
    signatories: tuple[Signatory, ...]


def of_style(style: LetterStyle) -> Defaulted:
    """What a circular of this style prints for each style-default field it leaves absent."""
    return Defaulted(style.place, style.salutation, style.numbered_paragraphs, style.closing,
                     tuple(replace(s) for s in style.signatories))


def resolve(circular: Circular, style: LetterStyle) -> Defaulted:
    """The values the circular prints: its own where present, the style's where absent."""
    base = of_style(style)

    def pick(own, default):
        return default if own is None else own

    signatories = base.signatories if circular.signatories is None else tuple(circular.signatories)
    return Defaulted(pick(circular.place, base.place), pick(circular.salutation, base.salutation),
                     pick(circular.numbered_paragraphs, base.numbered_paragraphs),
                     pick(circular.closing, base.closing), signatories)


def signatories_shown(own: Defaulted) -> list[Signatory]:
    """The signatories the letter shows (an empty one shows nothing), in its order: a signature room each."""
    return [s for s in own.signatories if (s.note + s.name + s.title).strip()]


def who_signs(circular: Circular) -> list[Signatory]:
    """The signatories the letter shows, in its order: block N is the N-th of them (its field `Signatory<N>`)."""
    from circular_editor import styles
    return signatories_shown(resolve(circular, styles.load(circular.style)))


def signature_field_name(index: int) -> str:
    """The PDF signature field of the letter's signatory `index` (in the order the letter shows them)."""
    return f"Signatory{index + 1}"
