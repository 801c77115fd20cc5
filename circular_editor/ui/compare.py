"""What changed: two versions of a circular side by side (their previews), and the list of changed parts.

A signatory asks "what changed since I last saw it?": the history's version on one side,
the circular as it is now on the other, and every paragraph, list, field or signatory that
differs named in a list (paragraphs aligned, so one inserted paragraph is one "added",
not every later paragraph "changed"). Choosing an entry shows its old and new text.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QSplitter, QVBoxLayout, QWidget)

from circular_editor.ui.messages import field_name
from circular_editor.ui.pdfium import PdfiumPages
from circular_editor.ui.preview import PreviewPane, snapshot_of
from circular_editor.ui.renderclient import RenderClient
from circular_editor.ui.threadclient import ThreadClient

_TEXT_FIELDS = ("date", "place", "reference", "subject", "addressees_intro", "salutation", "closing")
_LIST_FIELDS = ("addressees", "copy_to")


@dataclass(frozen=True)
class Change:
    kind: str  # "changed", "added", "removed"
    where: str  # the part, in the interface's language
    old: str
    new: str


def block_text(block: dict) -> str:
    if block.get("type") == "list":
        return "\n".join(f"• {item}" for item in block.get("items", []))
    return str(block.get("text", ""))


def changes(old: dict, new: dict) -> list[Change]:
    """Every part of the circular that differs between `old` and `new` (itu-circular/1 content), in order."""
    found: list[Change] = []

    def compare(where: str, a: str, b: str) -> None:
        if a != b:
            kind = "added" if not a else "removed" if not b else "changed"
            found.append(Change(kind, where, a, b))

    for key in _TEXT_FIELDS:
        compare(field_name(key), str(old.get(key) or ""), str(new.get(key) or ""))
    for key in _LIST_FIELDS:
        compare(field_name(key), "\n".join(old.get(key) or []), "\n".join(new.get(key) or []))
    old_contact, new_contact = old.get("contact") or {}, new.get("contact") or {}
    for key in sorted(set(old_contact) | set(new_contact)):
        compare(f"{field_name('contact')} · {key}", str(old_contact.get(key, "")), str(new_contact.get(key, "")))
    found += _body_changes([block_text(b) for b in old.get("body", [])], [block_text(b) for b in new.get("body", [])])
    for name in ("signatories", "annexes"):
        a, b = old.get(name) or [], new.get(name) or []
        for k in range(max(len(a), len(b))):
            compare(f"{field_name(name)} {k + 1}", _entry_text(a[k]) if k < len(a) else "",
                    _entry_text(b[k]) if k < len(b) else "")
    return found


def _entry_text(entry) -> str:
    if isinstance(entry, dict):
        return "\n".join(str(v) for v in entry.values() if isinstance(v, str) and v.strip()) or \
            json.dumps(entry, ensure_ascii=False)
    return str(entry)


def _body_changes(old: list[str], new: list[str]) -> list[Change]:
    """Paragraphs aligned by content: an inserted paragraph is one addition."""
    out = []
    paragraph = QCoreApplication.translate("compare", "Paragraph %1")
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        pairs = max(a1 - a0, b1 - b0)
        for k in range(pairs):
            a = old[a0 + k] if a0 + k < a1 else None
            b = new[b0 + k] if b0 + k < b1 else None
            if a is not None and b is not None:
                out.append(Change("changed", paragraph.replace("%1", str(b0 + k + 1)), a, b))
            elif b is not None:
                out.append(Change("added", paragraph.replace("%1", str(b0 + k + 1)), "", b))
            else:
                out.append(Change("removed", paragraph.replace("%1", str(a0 + k + 1)), a, ""))
    return out


class CompareDialog(QDialog):
    """Version `old_label` against `new_label`: previews side by side, the changes listed above them."""

    def __init__(self, old: dict, new: dict, old_label: str, new_label: str, pdfium_thread: ThreadClient,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("compare")
        self.setWindowTitle(QCoreApplication.translate("compare", "What changed"))
        self.resize(1400, 900)
        self.found = changes(old, new)
        self._renderers = [RenderClient(parent=self), RenderClient(parent=self)]
        self.panes = []
        sides = QSplitter(Qt.Orientation.Horizontal)
        for content, label, renderer in ((old, old_label, self._renderers[0]), (new, new_label, self._renderers[1])):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            title = QLabel(label)
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            title.setStyleSheet("font-weight: bold; padding: 4px;")
            column.addWidget(title)
            pane = PreviewPane(renderer, PdfiumPages(pdfium_thread))
            snapshot = snapshot_of(content)
            pane.set_source(lambda s=snapshot: s)
            column.addWidget(pane, 1)
            self.panes.append(pane)
            sides.addWidget(box)
        self.list = QListWidget()
        self.list.setObjectName("changes")
        kinds = {"changed": QCoreApplication.translate("compare", "changed"),
                 "added": QCoreApplication.translate("compare", "added"),
                 "removed": QCoreApplication.translate("compare", "removed")}
        for change in self.found:
            item = QListWidgetItem(f"{change.where}: {kinds[change.kind]}")
            item.setData(Qt.ItemDataRole.UserRole, change)
            self.list.addItem(item)
        if not self.found:
            self.list.addItem(QCoreApplication.translate("compare", "No difference."))
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.list.currentItemChanged.connect(self._show_change)
        top = QWidget()
        row = QHBoxLayout(top)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addWidget(self.detail, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(sides)
        split.setSizes([200, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.found:
            self.list.setCurrentRow(0)

    def _show_change(self, item) -> None:
        change = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(change, Change):
            before = QCoreApplication.translate("compare", "Before:")
            now = QCoreApplication.translate("compare", "Now:")
            self.detail.setPlainText(f"{before}\n{change.old}\n\n{now}\n{change.new}")

    def done(self, result: int) -> None:  # Qt's name: every way of closing ends the render workers
        for renderer, pane in zip(self._renderers, self.panes):
            pane.set_source(None)
            renderer.close()
            pane.pdfium.close()
        super().done(result)
