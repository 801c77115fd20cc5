"""Editors of the form's lists of things: body blocks, signatories, annexes.

A `ListEditor` shows one row per entry of the list at its path and rebuilds its
rows when that list changes (an entry added, removed, moved, or its type
changed); a change inside an entry (typing) only updates that entry's field.
Every structural change is one undo step (Document.edit_list).

Keyboard, inside a row: Ctrl+Shift+Up/Down moves the entry, Ctrl+Return adds
one after it, Ctrl+Shift+Delete removes it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from circular_editor import markup
from circular_editor.ui.document import Document
from circular_editor.ui.fields import LineField, LinesField, TextField, WheelOnlyWhenFocused

PARAGRAPH = {"type": "paragraph", "text": ""}
DIRECTIONS = ("auto", "rtl", "ltr")  # a block's direction, in the order its combo box offers them



class GuardedComboBox(WheelOnlyWhenFocused, QComboBox):
    """A block's kind: the wheel changes it only once it has the focus."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.wheel_guard()

class ListEditor(QWidget):
    """Rows for the entries of the list at `path`; subclasses say what a row holds."""

    add_label = ""

    def __init__(self, document: Document, path: tuple, parent=None):
        super().__init__(parent)
        self.document, self.path = document, tuple(path)
        self._rows: list[QWidget] = []
        self._focus_after: int | None = None  # the row to focus when the next rebuild comes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        layout.addLayout(self.rows_box)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.buttons.addStretch(1)
        document.changed.connect(self._on_changed)
        for keys, handler in ((("Ctrl+Shift+Up",), lambda: self._current_step(-1)),
                              (("Ctrl+Shift+Down",), lambda: self._current_step(1)),
                              (("Ctrl+Return", "Ctrl+Enter"), self._add_after_current),
                              (("Ctrl+Shift+Delete",), self._remove_current)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self, handler)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rebuild()

    # ---- what subclasses provide ----

    def make_row(self, index: int, entry) -> QWidget:
        raise NotImplementedError

    def new_entry(self):
        raise NotImplementedError

    # ---- the rows ----

    def entries(self) -> list:
        return self.document.get(self.path) or []

    def rebuild(self, focus: int | None = None) -> None:
        """The rows again from the document; the keyboard goes to row `focus`, or, when a row had it (an undo
        removing that row, say), stays in this list at the same place: moved before the old rows go, so that Qt
        never hands it to another part of the window."""
        focused = QApplication.focusWidget()
        held = next((n for n, row in enumerate(self._rows) if focused is not None and row.isAncestorOf(focused)),
                    None)
        old, self._rows = self._rows, [self.make_row(i, entry) for i, entry in enumerate(self.entries())]
        for row in self._rows:
            self.rows_box.addWidget(row)
        if focus is None and held is not None and self._rows:
            focus = min(held, len(self._rows) - 1)
        if focus is not None and 0 <= focus < len(self._rows):
            first = self._rows[focus].findChild(TextField) or self._rows[focus].findChild(LineField)
            if first is not None:
                first.setFocus()
        self._order_tabs()
        for row in old:  # (not setParent(None): an orphaned row is a window of its own, and deleting the one that
            row.hide()   # held the keyboard deactivated the main window, which then had no focus at all)
            self.rows_box.removeWidget(row)
            row.deleteLater()

    def _order_tabs(self) -> None:
        """Tab goes through the rows where they are, then the list's buttons: rows made now would otherwise
        come last in the window's Tab chain (a paragraph added with Ctrl+Return was reached after the
        annexes)."""
        buttons = [item.widget() for item in (self.buttons.itemAt(k) for k in range(self.buttons.count()))
                   if item.widget() is not None]
        if not buttons:
            return  # (the first build: made before the buttons, in place)
        before = buttons[0].previousInFocusChain()  # the last field before the list, past the old rows going away
        while before is not None and before is not buttons[0] and (
                self.isAncestorOf(before) or before is self or not before.focusPolicy() & Qt.FocusPolicy.TabFocus):
            before = before.previousInFocusChain()
        window = self.window()
        chain = [widget for row in self._rows for widget in row.findChildren(QWidget)
                 if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.window() is window]  # (no popup)
        for first, second in zip([before, *chain], [*chain, buttons[0]]):
            if first is not None:
                QWidget.setTabOrder(first, second)

    def _on_changed(self, path: tuple) -> None:
        if path == self.path[:len(path)]:
            focus, self._focus_after = self._focus_after, None
            self.rebuild(focus)

    # ---- structural edits, each one undo step ----

    def add(self, at: int | None = None, entry=None) -> None:
        entries = self.entries()
        at = len(entries) if at is None else at
        self._focus_after = at
        self.document.edit_list(self.path, lambda items: items.insert(at, entry or self.new_entry()), self.add_label)

    def remove(self, index: int) -> None:
        self._focus_after = max(0, index - 1)
        self.document.edit_list(self.path, lambda items: items.pop(index), self.tr("Remove"))

    def move(self, index: int, step: int) -> None:
        target = index + step
        if not 0 <= target < len(self.entries()):
            return

        def swap(items):
            items[index], items[target] = items[target], items[index]
        self._focus_after = target
        self.document.edit_list(self.path, swap, self.tr("Move"))

    def _current_index(self) -> int | None:
        focus = self.focusWidget()
        for i, row in enumerate(self._rows):
            if focus is not None and (focus is row or row.isAncestorOf(focus)):
                return i
        return None

    def _current_step(self, step: int) -> None:
        index = self._current_index()
        if index is not None:
            self.move(index, step)

    def _add_after_current(self) -> None:
        index = self._current_index()
        self.add(None if index is None else index + 1)

    def _remove_current(self) -> None:
        index = self._current_index()
        if index is not None:
            self.remove(index)

    def row_tools(self, index: int) -> QHBoxLayout:
        """Move up, move down and remove buttons for row `index`."""
        tools = QHBoxLayout()
        tools.setSpacing(2)
        count = len(self.entries())
        for text, tip, enabled, handler in (
                ("▲", self.tr("Move up (Ctrl+Shift+Up)"), index > 0, lambda: self.move(index, -1)),
                ("▼", self.tr("Move down (Ctrl+Shift+Down)"), index < count - 1, lambda: self.move(index, 1)),
                ("✕", self.tr("Remove (Ctrl+Shift+Delete)"), True, lambda: self.remove(index))):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard has the shortcuts; Tab stays in the text
            button.setEnabled(enabled and not self.document.read_only)
            button.clicked.connect(handler)
            tools.addWidget(button)
        return tools

    def add_button(self, text: str, handler) -> QPushButton:
        button = QPushButton(text)
        button.setEnabled(not self.document.read_only)
        button.clicked.connect(handler)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button


class BlocksEditor(ListEditor):
    """Body blocks: paragraphs, bulleted and numbered lists."""

    def __init__(self, document: Document, path: tuple, parent=None):
        super().__init__(document, path, parent)
        self.add_label = self.tr("Add a paragraph")
        self.add_button(self.tr("Add a paragraph"), lambda: self.add())
        self.add_button(self.tr("Add a list"), lambda: self.add(entry={"type": "list", "ordered": False,
                                                                       "items": [""]}))

    def new_entry(self):
        return dict(PARAGRAPH)

    def make_row(self, index: int, entry) -> QWidget:
        row = QFrame()
        row.setObjectName("block")
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        header = QHBoxLayout()
        kind = GuardedComboBox()
        kind.addItems([self.tr("Paragraph"), self.tr("Bulleted list"), self.tr("Numbered list")])
        kind.setCurrentIndex(self._kind_of(entry))
        kind.setEnabled(not self.document.read_only)
        kind.currentIndexChanged.connect(lambda k: self.change_kind(index, k))
        header.addWidget(kind)
        direction = GuardedComboBox()
        direction.addItems([self.tr("Direction: automatic"), self.tr("Right to left"), self.tr("Left to right")])
        direction.setCurrentIndex(DIRECTIONS.index(entry.get("direction") or "auto"))
        direction.setEnabled(not self.document.read_only)
        direction.setToolTip(self.tr("Automatic: as the block's first letter (Arabic: right to left, English: left "
                                     "to right)"))
        direction.currentIndexChanged.connect(lambda k: self.change_direction(index, k))
        header.addWidget(direction)
        header.addStretch(1)
        header.addLayout(self.row_tools(index))
        layout.addLayout(header)
        if entry.get("type") == "list":
            field = LinesField(row)
            field.bind(self.document, self.path + (index, "items"), self.tr("Edit list"))
        else:
            field = TextField(row, min_lines=2)
            field.bind(self.document, self.path + (index, "text"), self.tr("Edit paragraph"))
        field.setObjectName(f"block-{index}")
        field.setAccessibleName((self.tr("List %1") if entry.get("type") == "list" else self.tr("Paragraph %1"))
                                .replace("%1", str(index + 1)))
        kind.setAccessibleName(self.tr("Kind of block %1").replace("%1", str(index + 1)))
        direction.setAccessibleName(self.tr("Direction of block %1").replace("%1", str(index + 1)))
        layout.addWidget(field)

        def follow() -> None:  # the field set as the PDF sets the block: automatic follows its first letter
            field.set_direction(markup.right_to_left(entry.get("direction"), field.text()))
        follow()
        if entry.get("direction") in (None, "auto"):
            field.textChanged.connect(follow)
        return row

    def change_direction(self, index: int, choice: int) -> None:
        entry = self.entries()[index]
        wanted = DIRECTIONS[choice]
        if (entry.get("direction") or "auto") == wanted:
            return
        new = {key: value for key, value in entry.items() if key != "direction"}
        if wanted != "auto":
            new["direction"] = wanted
        self._focus_after = index

        def replace(items):
            items[index] = new
        self.document.edit_list(self.path, replace, self.tr("Change block direction"))

    def _kind_of(self, entry) -> int:
        if entry.get("type") != "list":
            return 0
        return 2 if entry.get("ordered") else 1

    def change_kind(self, index: int, kind: int) -> None:
        entry = self.entries()[index]
        if kind == self._kind_of(entry):
            return
        if kind == 0:
            new = {"type": "paragraph", "text": "\n".join(entry.get("items", []))}
        else:
            items = entry.get("items") if entry.get("type") == "list" else entry.get("text", "").split("\n")
            new = {"type": "list", "ordered": kind == 2, "items": items}
        if entry.get("direction"):
            new["direction"] = entry["direction"]
        self._focus_after = index

        def replace(items):
            items[index] = new
        self.document.edit_list(self.path, replace, self.tr("Change block type"))


class SignatoriesEditor(ListEditor):
    """Signatories (note, name, title); unticking "the style's default" makes them the circular's own."""

    def __init__(self, document: Document, defaults: tuple, parent=None):
        self.defaults = defaults
        super().__init__(document, ("signatories",), parent)
        self.add_label = self.tr("Add a signatory")
        self.use_default = QCheckBox(self.tr("The style's default signatory"))
        self.use_default.setEnabled(not document.read_only)
        self.use_default.toggled.connect(self._toggle_default)
        self.layout().insertWidget(0, self.use_default)
        self.add_button(self.tr("Add a signatory"), lambda: self.add())
        self._show_default()

    def new_entry(self):
        return {"note": self.defaults[0].note if self.defaults else "", "name": "", "title": ""}

    def entries(self) -> list:
        own = self.document.get(self.path)
        if own is None:
            return [{"note": s.note, "name": s.name, "title": s.title} for s in self.defaults]
        return own

    def make_row(self, index: int, entry) -> QWidget:
        row = QFrame()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        own = self.document.get(self.path) is not None
        for key, placeholder in (("note", self.tr("Note")), ("name", self.tr("Name")), ("title", self.tr("Title"))):
            field = LineField(row)
            field.setPlaceholderText(placeholder)
            field.setAccessibleName(self.tr("Signatory %1: %2").replace("%1", str(index + 1)).replace("%2",
                                                                                                    placeholder))
            if own:
                field.bind(self.document, self.path + (index, key), self.tr("Edit signatory"))
            else:
                field.show_value(entry.get(key, ""))
                field.setReadOnly(True)
            layout.addWidget(field, 2 if key != "note" else 1)
        if own:
            layout.addLayout(self.row_tools(index))
        return row

    def rebuild(self, focus=None) -> None:
        super().rebuild(focus)
        self._show_default()

    def _show_default(self) -> None:
        box = getattr(self, "use_default", None)
        if box is not None:
            box.blockSignals(True)
            box.setChecked(self.document.get(self.path) is None)
            box.blockSignals(False)

    def _toggle_default(self, use_default: bool) -> None:
        value = None if use_default else self.entries()
        self.document.edit(self.path, value, self.tr("Signatories"), typing=False)

    def add(self, at=None, entry=None) -> None:
        if self.document.get(self.path) is None:  # adding to the default: start from a copy of it
            self._toggle_default(False)
        super().add(at, entry)


class AnnexesEditor(ListEditor):
    def __init__(self, document: Document, parent=None):
        super().__init__(document, ("annexes",), parent)
        self.add_label = self.tr("Add an annex")
        self.add_button(self.tr("Add an annex"), lambda: self.add())

    def new_entry(self):
        return {"title": "", "body": [dict(PARAGRAPH)]}

    def make_row(self, index: int, entry) -> QWidget:
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(row)
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Annex %1").replace("%1", str(index + 1))))
        title = LineField(row, bold=True)
        title.setPlaceholderText(self.tr("Annex title"))
        title.bind(self.document, self.path + (index, "title"), self.tr("Edit annex title"))
        header.addWidget(title, 1)
        header.addLayout(self.row_tools(index))
        layout.addLayout(header)
        layout.addWidget(BlocksEditor(self.document, self.path + (index, "body"), row))
        return row
