"""The core's messages in the interface's language.

The core's errors are English sentences for the CLI's users (`subject: too long
(1,200 characters; at most 1,000)`). The form shows the ones a form can cause in
the interface's language, matched by their wording; anything else is shown as
the core wrote it, which is still one clear line.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from circular_editor.model import ValidationError


_PROBLEMS = [
    (re.compile(r"^too long \(([\d,]+) characters; at most ([\d,]+)\)$"),
     lambda m: QCoreApplication.translate("messages", "too long: %1 characters, at most %2").replace("%1", m[1]).replace("%2", m[2])),
    (re.compile(r"^too many entries \(([\d,]+); at most ([\d,]+)\)$"),
     lambda m: QCoreApplication.translate("messages", "too many entries: %1, at most %2").replace("%1", m[1]).replace("%2", m[2])),
    (re.compile(r"^empty: a circular needs a subject$"), lambda m: QCoreApplication.translate("messages", "A circular needs a subject.")),
    (re.compile(r"^none: a circular needs at least one addressee$"),
     lambda m: QCoreApplication.translate("messages", "A circular needs at least one addressee.")),
    (re.compile(r"^no paragraph: a circular needs a text$"), lambda m: QCoreApplication.translate("messages", "A circular needs at least one paragraph.")),
    (re.compile(r"^expected a date as YYYY-MM-DD"), lambda m: QCoreApplication.translate("messages", "not a date")),
]


def problem_text(error: ValidationError) -> str:
    """The problem of `error`, without its field path (it is shown beside the field)."""
    for pattern, make in _PROBLEMS:
        match = pattern.match(error.problem)
        if match:
            return make(match)
    return error.problem


def summary_text(error: ValidationError) -> str:
    """One line for the status bar: where, then what."""
    return f"{error.path}: {problem_text(error)}" if error.path else problem_text(error)
