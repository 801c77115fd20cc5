"""The local store: a crash-safe TinyDB repository (no Qt here).

    with Repository(folder) as repo:          # StoreLocked if another process owns it
        record = repo.save(circular)          # a new draft
        repo.finalize(record.id)              # next reference of its style
        repo.search("الاتحاد", style="tsb")
"""
from circular_editor.store.errors import (NotAllowed, NotFound, ReadOnly, ReferenceTaken, SaveFailed, StoreCorrupt,
                                          StoreError, StoreLocked, StoreTooNew)
from circular_editor.store.records import Record, SignedFile, Status, Summary, Version
from circular_editor.store.repository import Repository, default_folder

__all__ = ["NotAllowed", "NotFound", "ReadOnly", "Record", "ReferenceTaken", "Repository", "SaveFailed", "SignedFile",
           "StoreCorrupt", "Status", "StoreError", "StoreLocked", "StoreTooNew", "Summary", "Version", "default_folder"]
