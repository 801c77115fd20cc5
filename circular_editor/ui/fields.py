"""The form's text fields: bound to a path of the Document, shown in the PDF's Amiri face.

- `TextField`: several lines (subject, salutation, paragraphs, closing), right to
  left, growing with its text; the text shown with display-only isolation (bidi.py).
- `LinesField`: a TextField whose lines are a list's entries (addressees, list items).
- `LineField`: one line; `latin=True` for values that are Latin only (reference,
  phone, fax, e-mail), left to right on purpose.

Undo and redo are the window's (one stack per circular): the fields' own undo
is off and their Ctrl+Z goes to the window's action.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFrame, QLineEdit, QTextEdit

from circular_editor.ui import bidi
from circular_editor.ui.document import Document

FIELD_FONT = "Amiri"
FIELD_POINT_SIZE = 13
_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class WheelOnlyWhenFocused:
    """A value widget (combo box, date) that a turn of the wheel changes only once it has the focus: over an
    unfocused one the wheel scrolls the form, as the event goes on to the scroll area (a value changed by
    accident while scrolling is a circular changed without anyone seeing it)."""

    def wheel_guard(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:  # Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


MIN_FIELD_WIDTH = 80  # px: fields shrink with the pane down to this; longer values scroll inside the field


def field_font(bold: bool = False) -> QFont:
    font = QFont(FIELD_FONT, FIELD_POINT_SIZE)
    font.setBold(bold)
    return font


def is_undo_key(event) -> bool:
    return any(event.matches(key) for key in _UNDO_KEYS)


class _Bound:
    """What every field shares: a path in a Document, edits pushed as undo steps, updates pulled back,
    and Ctrl+Z / redo left to the window's actions (the widget's own undo is off)."""

    doc: Document | None = None  # (not `document`: QTextEdit.document() is Qt's)
    path: tuple = ()
    label = ""
    _pushing = False  # this field's own edit is being made: it shows the value already

    def bind(self, doc: Document, path: tuple, label: str) -> None:
        self.doc, self.path, self.label = doc, tuple(path), label
        doc.changed.connect(self._on_document_changed)
        self.show_value(self.value_from(doc.get(self.path)))
        self.setReadOnly(doc.read_only)

    def _on_document_changed(self, path: tuple) -> None:
        if self._pushing:  # (typing here: showing the value again would convert it for display a second time)
            return
        if path == self.path[:len(path)]:  # this field's value or a list holding it changed
            value = self.doc.get(self.path)
            if value is not None or len(path) == len(self.path):
                self.show_value(self.value_from(value))

    def push(self, value, typing: bool = True) -> None:
        """`typing`: merges with the previous typing in this field into one undo step."""
        if self.doc is not None:
            self._pushing = True
            try:
                self.doc.edit(self.path, self.value_to(value), self.label, typing)
            finally:
                self._pushing = False

    def value_from(self, value) -> str:
        return value or ""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            event.ignore()  # the window's Undo/Redo action takes it
            return False
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if is_undo_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)

    def value_to(self, text: str):
        return text


class TextField(_Bound, QTextEdit):
    """Multi-line right-to-left text, as wide as the form and as tall as its text."""

    edited = Signal(str)

    def __init__(self, parent=None, min_lines: int = 1, max_lines: int = 0, bold: bool = False):
        super().__init__(parent)
        self.setMinimumWidth(MIN_FIELD_WIDTH)
        self.min_lines, self.max_lines = min_lines, max_lines
        self._updating = False
        self.setFont(field_font(bold))
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._rtl = None
        self.set_direction(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.textChanged.connect(self._on_text_changed)
        self._fit_height()

    def set_direction(self, rtl: bool) -> None:
        """Every line right to left (the letter's), or left to right (a paragraph in English), as the PDF
        sets the block."""
        if rtl == self._rtl:
            return
        self._rtl = rtl
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.setLayoutDirection(direction)
        option = self.document().defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment((Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                            | Qt.AlignmentFlag.AlignAbsolute)
        self.document().setDefaultTextOption(option)

    # ---- the logical text ----

    def shown_text(self) -> str:
        """The widget's text as it is: not toPlainText(), which turns no-break spaces into spaces."""
        return self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")

    def text(self) -> str:
        return bidi.to_logical(self.shown_text())

    def show_value(self, logical: str) -> None:
        """Show `logical`, changing only what differs (the cursor goes to the change, the view stays)."""
        current = self.shown_text()
        wanted = bidi.to_display(logical)
        if wanted != current:
            self._replace(current, wanted, cursor_at_change=True)

    def _replace(self, current: str, wanted: str, cursor_at_change: bool, logical_cursor: int = 0) -> None:
        start, end, replacement = bidi.difference(current, wanted)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._updating = True
        try:
            cursor.insertText(replacement)
        finally:
            self._updating = False
        if cursor_at_change:
            if self.hasFocus():
                self.setTextCursor(cursor)
        else:
            cursor.setPosition(bidi.display_position(wanted, logical_cursor))
            self.setTextCursor(cursor)

    def _on_text_changed(self) -> None:
        if self._updating:
            return
        display = self.shown_text()
        logical = bidi.to_logical(display)
        lines = logical.split("\n")
        if self.max_lines and len(lines) > self.max_lines:  # (a subject has at most two lines)
            keep = self.max_lines - 1
            logical = "\n".join(lines[:keep] + [" ".join(lines[keep:])])
        wanted = bidi.to_display(logical)
        if wanted != display:
            at = bidi.logical_position(display, self.textCursor().position())
            self._replace(display, wanted, cursor_at_change=False, logical_cursor=min(at, len(logical)))
        self.edited.emit(logical)
        self.push(logical)

    # ---- editing helpers ----

    def wrap_selection(self, before: str, after: str) -> None:
        """Put markup around the selection (or at the cursor), as one edit."""
        cursor = self.textCursor()
        display = self.shown_text()
        start = bidi.logical_position(display, cursor.selectionStart())
        end = bidi.logical_position(display, cursor.selectionEnd())
        logical = bidi.to_logical(display)
        new = logical[:start] + before + logical[start:end] + after + logical[end:]
        self.show_value(new)
        self.push(new, typing=False)
        shown = self.shown_text()
        cursor.setPosition(bidi.display_position(shown, start + len(before)))
        cursor.setPosition(bidi.display_position(shown, end + len(before)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_logical(self) -> str:
        return bidi.to_logical(self.textCursor().selectedText().replace("\u2029", "\n"))

    def createMimeDataFromSelection(self) -> QMimeData:  # Qt's name: what copy and drag take
        data = QMimeData()
        data.setText(self.selected_logical())
        return data

    def _fit_height(self, *_):
        """As tall as the text (at least `min_lines`): the form scrolls, not each field."""
        line = self.fontMetrics().lineSpacing()
        margin = 2 * self.document().documentMargin()
        height = max(self.document().size().height(), self.min_lines * line + margin)
        self.setFixedHeight(int(height + 2 * self.frameWidth() + 1))


class LinesField(TextField):
    """A list of strings, one entry per line (addressees, copy-to, a list block's items)."""

    def __init__(self, parent=None, min_lines: int = 2):
        super().__init__(parent, min_lines=min_lines)

    def value_from(self, value) -> str:
        return "\n".join(value or [])

    def value_to(self, text: str):
        return text.split("\n") if text else []

    def move_line(self, step: int) -> None:
        """Move the line at the cursor up (-1) or down (+1): reordering entries from the keyboard."""
        display = self.shown_text()
        row = bidi.to_logical(display[:self.textCursor().position()]).count("\n")
        lines = self.text().split("\n")
        target = row + step
        if not 0 <= target < len(lines):
            return
        lines[row], lines[target] = lines[target], lines[row]
        new = "\n".join(lines)
        self.show_value(new)
        self.push(new, typing=False)
        shown = self.shown_text()
        cursor = self.textCursor()
        cursor.setPosition(bidi.display_position(shown, sum(len(line) + 1 for line in lines[:target])))
        self.setTextCursor(cursor)

    def keyPressEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_line(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class LineField(_Bound, QLineEdit):
    """One line of text; `latin`: a value that is Latin only, shown left to right."""

    def __init__(self, parent=None, latin: bool = False, bold: bool = False):
        super().__init__(parent)
        self.latin = latin
        self.setFont(field_font(bold))
        self.setMinimumWidth(MIN_FIELD_WIDTH)  # (Qt's hint, ~200 px in Amiri, made the form wider than its pane)
        direction = Qt.LayoutDirection.LeftToRight if latin else Qt.LayoutDirection.RightToLeft
        self.setLayoutDirection(direction)
        side = Qt.AlignmentFlag.AlignLeft if latin else Qt.AlignmentFlag.AlignRight
        self.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.textEdited.connect(self._on_edited)

    def show_value(self, logical: str) -> None:
        wanted = logical if self.latin else bidi.to_display(logical)
        if wanted != self.text():
            self.setText(wanted)

    def _on_edited(self, display: str) -> None:
        logical = bidi.to_logical(display)
        if not self.latin:
            wanted = bidi.to_display(logical)
            if wanted != display:
                at = bidi.logical_position(display, self.cursorPosition())
                self.setText(wanted)
                self.setCursorPosition(bidi.display_position(wanted, at))
        self.push(logical)

    def selected_logical(self) -> str:
        return bidi.to_logical(self.selectedText())

    def wrap_selection(self, before: str, after: str) -> None:
        """Put markup around the selection (or at the cursor), as one edit."""
        shown = self.text()
        start = self.selectionStart() if self.hasSelectedText() else self.cursorPosition()
        end = start + len(self.selectedText())
        a, b = bidi.logical_position(shown, start), bidi.logical_position(shown, end)
        logical = bidi.to_logical(shown)
        new = logical[:a] + before + logical[a:b] + after + logical[b:]
        self.show_value(new)
        self.push(new, typing=False)
        shown = self.text()
        self.setSelection(bidi.display_position(shown, a + len(before)), b - a)


class OptionalLineField(LineField):
    """A style-default field: empty means "the style's value", shown as the placeholder."""

    def value_to(self, text: str):
        return text or None


class OptionalTextField(TextField):
    def value_to(self, text: str):
        return text or None
