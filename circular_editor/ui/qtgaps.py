"""The few words of Qt's own dialogs that Qt's Arabic translation (qtbase_ar.qm) leaves in English.

Qt's file dialog showed "Look in:", "Files of type:" and "Folder" in the Arabic interface: this Qt asks
for "&Look in:", "Files of &type:" and a "Folder" with a disambiguation, which qtbase_ar does not have
(it has them without the mnemonics), so they are matched here by their words, in the contexts of the
file dialog and its model, and nowhere else. The
translator is installed after Qt's, so it is asked first, and answers nothing for anything else.
"""
from __future__ import annotations

from PySide6.QtCore import QTranslator

ARABIC = {  # (as this Qt asks for them: with their mnemonics)
    "&Look in:": "ال&بحث في:",
    "Files of &type:": "&نوع الملفات:",
    "Folder": "مجلد",
}
CONTEXTS = {"QFileDialog", "QFileSystemModel", "QAbstractFileIconProvider", "QFileIconProvider"}


class QtGaps(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # (Qt's name and signature)
        """The Arabic of a gap; None, a null string for Qt, for anything else (the next translator answers:
        an empty string would be an answer, and blank the text)."""
        if context in CONTEXTS:
            return ARABIC.get(source)
        return None

    def isEmpty(self) -> bool:
        return False
