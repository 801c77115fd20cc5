"""The core's messages in the interface's language.

The core's errors are English sentences for the CLI's users (`subject: too long
(1,200 characters; at most 1,000)`). The form shows the ones a form can cause in
the interface's language, matched by their wording; anything else is shown as
the core wrote it, which is still one clear line.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from circular_editor.model import ValidationError


_PROBLEMS = [
    (re.compile(r"^too long \(([\d,]+) characters; at most ([\d,]+)\)$"),
     lambda m: QCoreApplication.translate("messages", "too long: %1 characters, at most %2")
     .replace("%1", m[1]).replace("%2", m[2])),
    (re.compile(r"^too many entries \(([\d,]+); at most ([\d,]+)\)$"),
     lambda m: QCoreApplication.translate("messages", "too many entries: %1, at most %2")
     .replace("%1", m[1]).replace("%2", m[2])),
    (re.compile(r"^empty: a circular needs a subject$"),
     lambda m: QCoreApplication.translate("messages", "A circular needs a subject.")),
    (re.compile(r"^none: a circular needs at least one addressee$"),
     lambda m: QCoreApplication.translate("messages", "A circular needs at least one addressee.")),
    (re.compile(r"^no paragraph: a circular needs a text$"),
     lambda m: QCoreApplication.translate("messages", "A circular needs at least one paragraph.")),
    (re.compile(r"^expected a date as YYYY-MM-DD"), lambda m: QCoreApplication.translate("messages", "not a date")),
]


def problem_text(error: ValidationError) -> str:
    """The problem of `error`, without its field path (it is shown beside the field)."""
    for pattern, make in _PROBLEMS:
        match = pattern.match(error.problem)
        if match:
            return make(match)
    return error.problem


_FIELDS = {  # the field a model path starts with -> its name in the interface (marked for lupdate)
    "subject": QT_TRANSLATE_NOOP("messages", "Subject"),
    "body": QT_TRANSLATE_NOOP("messages", "Body"),
    "addressees": QT_TRANSLATE_NOOP("messages", "To"),
    "copy_to": QT_TRANSLATE_NOOP("messages", "Copy to"),
    "reference": QT_TRANSLATE_NOOP("messages", "Reference"),
    "date": QT_TRANSLATE_NOOP("messages", "Date"),
    "place": QT_TRANSLATE_NOOP("messages", "Place"),
    "salutation": QT_TRANSLATE_NOOP("messages", "Salutation"),
    "closing": QT_TRANSLATE_NOOP("messages", "Closing"),
    "signatories": QT_TRANSLATE_NOOP("messages", "Signatories"),
    "annexes": QT_TRANSLATE_NOOP("messages", "Annexes"),
    "contact": QT_TRANSLATE_NOOP("messages", "Contact"),
    "addressees_intro": QT_TRANSLATE_NOOP("messages", "Addressee lead line"),
}


def field_name(path: str) -> str:
    """`body[2].text` -> the interface's name of the field it is in (Body), with the rest of the path."""
    head = path.split("[")[0].split(".")[0]
    name = QCoreApplication.translate("messages", _FIELDS[head]) if head in _FIELDS else head
    return name + path[len(head):]


def summary_text(error: ValidationError) -> str:
    """One line for the status bar: where, then what."""
    return f"{field_name(error.path)}: {problem_text(error)}" if error.path else problem_text(error)
