"""What the store says when it cannot do what was asked; every message is for the user."""
from __future__ import annotations

from pathlib import Path

from circular_editor.errors import UserError


class StoreError(UserError):
    pass


class StoreLocked(StoreError):
    """Another process owns the store."""


class StoreCorrupt(StoreError):
    """A database file cannot be used (unreadable, damaged, missing). Nothing was changed."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"the store file {path} cannot be used ({reason}); it has not been changed; "
                         "`circular-editor restore-backup` looks in every backup for an intact copy")
        self.path, self.reason = path, reason


class StoreTooNew(StoreError):
    pass


class NotFound(StoreError):
    pass


class NotAllowed(StoreError):
    """What was asked does not apply to the circular as it is (mark a draft sent, sign a block twice...)."""


class ReferenceTaken(StoreError):
    pass


class ReadOnly(StoreError):
    pass


class SaveFailed(StoreError):
    """A write did not happen (disk full, permission); the store still holds the previous state."""


__all__ = ["NotAllowed", "NotFound", "ReadOnly", "ReferenceTaken", "SaveFailed", "StoreCorrupt", "StoreError",
           "StoreLocked", "StoreTooNew"]


class PartlySaved(StoreError):
    """A batch spread over several files was cut short by the disk: `saved` holds the ids now in the store."""

    def __init__(self, saved: list[int], ids: list[int], cause: Exception):
        shown = ", ".join(f"#{n}" for n in saved[:10]) + (" …" if len(saved) > 10 else "")
        super().__init__(f"{cause}".replace("; the previously saved state is unchanged", "")
                         + f"; {len(saved)} of the circulars were saved before it stopped ({shown}), the others not")
        self.saved, self.ids = saved, ids  # the ids saved, and all those the batch was given
        self.cause = str(cause).replace("; the previously saved state is unchanged", "")
