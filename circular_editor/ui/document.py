"""The circular being edited, as itu-circular/1 data, with one undo stack.

The form's widgets are views of paths into `content` (`("subject",)`,
`("body", 2, "text")`, `("addressees",)`). Every change goes through `edit`,
which pushes a command on the undo stack; undo and redo set the value back and
`changed(path)` tells the widgets showing it. Consecutive typing in one field
merges into one step. A list edit (add, remove, move, change type) replaces
the list at its path, so one command class serves every edit.

Whether the circular is modified is derived from the stack: its index against
the index at the last save (`mark_saved`), which may lag behind if the user
kept typing while a save was on its way to the disk.
"""
from __future__ import annotations

import copy

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from circular_editor.store.records import Status

Path = tuple


class Document(QObject):
    changed = Signal(tuple)  # the path whose value changed (a list path: its entries changed too)
    modified_changed = Signal(bool)

    def __init__(self, content: dict, record_id: int | None = None, status: str = Status.DRAFT,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.content = content
        self.record_id = record_id
        self.status = status
        self.signatures_waiting: tuple[int, int] | None = None  # (signed, of) while more must sign
        self.submitted = False  # submitted for signature (bureau server): read-only until taken back
        self.stack = QUndoStack(self)
        self._saved_index = 0
        self._modified = False
        self.stack.indexChanged.connect(self._update_modified)

    @property
    def read_only(self) -> bool:
        return self.status != Status.DRAFT or self.submitted

    # ---- values ----

    def get(self, path: Path, default=None):
        node = self.content
        for key in path:
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def put(self, path: Path, value) -> None:
        """Set without undo (commands call this); None removes an optional key."""
        parents = [self.content]
        for key in path[:-1]:
            if isinstance(parents[-1], dict) and key not in parents[-1]:
                parents[-1][key] = {}  # (the first contact detail typed makes the contact table)
            parents.append(parents[-1][key])
        parent, last = parents[-1], path[-1]
        if value is None and isinstance(parent, dict):
            parent.pop(last, None)
            if not parent and len(parents) > 1 and isinstance(parents[-2], dict):
                parents[-2].pop(path[-2], None)  # the table's last value removed: the table is absent again
        else:
            parent[last] = value
        self.changed.emit(tuple(path))

    # ---- edits, through the undo stack ----

    def edit(self, path: Path, value, label: str, typing: bool = True) -> None:
        """Change the value at `path`; `typing` edits of one path in a row merge into one undo step."""
        if self.read_only:
            return
        old = copy.deepcopy(self.get(path))
        if old == value:
            return
        self.stack.push(SetValue(self, tuple(path), old, copy.deepcopy(value), label, typing))

    def edit_list(self, path: Path, change, label: str) -> None:
        """Apply `change(list)` to a copy of the list at `path` as one undo step."""
        entries = copy.deepcopy(self.get(path) or [])
        change(entries)
        self.edit(path, entries, label, typing=False)

    # ---- saved state ----

    def mark_saved(self, index: int | None = None) -> None:
        """The stack's index whose state is on disk (the index when the save was asked for)."""
        self._saved_index = self.stack.index() if index is None else index
        self._update_modified()

    @property
    def modified(self) -> bool:
        return self._modified

    def _update_modified(self, *_):
        modified = self.stack.index() != self._saved_index
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)


class SetValue(QUndoCommand):
    _ID = 1

    def __init__(self, document: Document, path: Path, old, new, label: str, typing: bool):
        super().__init__(label)
        self.document, self.path, self.old, self.new, self.typing = document, path, old, new, typing

    def id(self) -> int:
        return self._ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetValue) and self.typing and other.typing and other.path == self.path):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.put(self.path, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.put(self.path, copy.deepcopy(self.old))
