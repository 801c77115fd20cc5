"""What the store hands out: records, their signed files, list lines, versions, and the statuses."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from circular_editor.model import Circular


class Status(StrEnum):
    """A circular's life: a draft is edited; a final one has its reference and is read-only; a sent one is out."""
    DRAFT = "draft"
    FINAL = "final"
    SENT = "sent"


STATUSES = tuple(Status)


@dataclass(frozen=True)
class SignedFile:
    """A signed PDF exported from a circular: where it was written, its SHA-256, who signed (the certificate's
    holder), when, which block (0-based) of how many (None for files signed before blocks were recorded)."""
    file: str
    sha256: str
    signatory: str
    signed_at: str
    block: int | None = None
    of: int | None = None


SIGNED_KEYS = {"file", "sha256", "signatory", "signed_at"}


def signed_files(doc: dict[str, Any]) -> tuple[SignedFile, ...]:
    """A stored record's signed files (entries of an unknown shape are left out, not guessed at)."""
    return tuple(SignedFile(**entry) for entry in doc.get("signed", []) if isinstance(entry, dict)
                 and set(entry) in (SIGNED_KEYS, SIGNED_KEYS | {"block", "of"}))


def signed_blocks(signed: tuple[SignedFile, ...]) -> set[int]:
    return {entry.block for entry in signed if entry.block is not None}


@dataclass
class Record:
    id: int
    status: str
    created: str
    modified: str
    version: int
    circular: Circular
    deleted: bool = False
    signed: tuple[SignedFile, ...] = ()  # each signed export, oldest first
    gid: str = ""  # its id in the bureau (a UUID)
    conflict: dict[str, Any] | None = None  # the bureau server's other version, while a person has not chosen
    stage: str = "editing"  # the signatory workflow (bureau server): editing, submitted, returned
    note: str = ""  # why a signatory returned it
    signers: tuple[str, ...] = ()  # the bureau login of each signature block's signatory

    @property
    def signed_blocks(self) -> set[int]:
        """The signatories' blocks (0-based) a signature fills."""
        return signed_blocks(self.signed)

    @property
    def signatures_waiting(self) -> tuple[int, int] | None:
        """(blocks signed, blocks) while a joint letter waits for more signatures; None otherwise."""
        if not self.signed or self.signed[-1].of is None:
            return None
        done, total = len(self.signed_blocks), self.signed[-1].of
        return (done, total) if done < total else None

    @property
    def signing_progress(self) -> str:
        """"signed 1 of 4" while a joint letter waits for signatures; "" otherwise."""
        waiting = self.signatures_waiting
        return f"signed {waiting[0]} of {waiting[1]}" if waiting else ""


@dataclass
class Summary:
    """One line of the list: what the list and search show without loading the circular."""

    id: int
    status: str
    style: str
    reference: str
    subject: str
    date: str
    modified: str
    deleted: bool = False  # in the list of deleted circulars, from where it can be restored
    gid: str = ""


@dataclass
class Version:
    number: int
    saved_at: str
    status: str
    subject: str
