"""Inline formatting in the focused text field: bold, italic (markup around the selection) and links.

    formatting = Formatting(window)
    formatting.wrap("**", "**")      # the selection in bold
    formatting.insert_link()         # asks for the address, then [words](address)
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from circular_editor.typeset.uri import LINK_SCHEMES
from circular_editor.ui import dialogs
from circular_editor.ui.fields import LineField, TextField


class Formatting(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    @staticmethod
    def focused_field() -> TextField | LineField | None:
        """The text field with the keyboard, when it may be changed."""
        focus = QApplication.focusWidget()
        return focus if isinstance(focus, (TextField, LineField)) and not focus.isReadOnly() else None

    def wrap(self, before: str, after: str) -> None:
        field = self.focused_field()
        if field is not None and not getattr(field, "latin", False):
            field.wrap_selection(before, after)

    def insert_link(self) -> None:
        window = self.window
        field = self.focused_field()
        if field is None or getattr(field, "latin", False):
            window.statusBar().showMessage(self.tr("Put the cursor in a text field first."), 4000)
            return
        address = self._ask_address()
        if not address:
            return
        if not address.lower().startswith(LINK_SCHEMES) or any(ch in address for ch in " \n()[]"):
            dialogs.show_error(window, self.tr("Link"), self.tr("A link must start with http://, https:// or "
                                                                "mailto: and hold no spaces or brackets."))
            return
        field.wrap_selection("[" if field.selected_logical() else f"[{address}", f"]({address})")

    def _ask_address(self) -> str:
        """The link's address: the dialog in the interface's direction, the address itself left to right (in a
        right-to-left field "javascript:alert" showed as "alert:javascript")."""
        dialog = QInputDialog(self.window)
        dialog.setObjectName("link-dialog")
        dialog.setWindowTitle(self.tr("Link"))
        dialog.setLabelText(self.tr("Address (http, https or mailto):"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setLayoutDirection(self.window.layoutDirection())
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            field.setAccessibleName(self.tr("Address"))
        return dialog.textValue().strip() if dialog.exec() else ""
