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
    (re.compile(r"^no font has (U\+[0-9A-F]+)[^(]*\((.+?)\)(?: \(and (\d+) more\))?: it would print as a box$"),
     lambda m: (QCoreApplication.translate("messages", "No font has %1 (%2) or %3 other characters: they would "
                                                       "print as boxes.").replace("%3", m[3]) if m[3] else
                QCoreApplication.translate("messages", "No font has %1 (%2): it would print as a box."))
     .replace("%1", f"\u2066{m[1]}\u2069").replace("%2", f"\u2068{m[2]}\u2069")),  # (each in its own direction)
]


def _isolated(text: str) -> str:
    from circular_editor.ui.bidi import isolated
    return isolated(text)


# The store's, the bureau server's and the workflow's sentences a person meets in the window (one line each).
_SENTENCES = [
    (re.compile(r"^the store in (.+) is in use by (?:process (\d+)|another process); close the other Circular Editor "
                r"first, or open this one read-only$"),
     lambda m: (QCoreApplication.translate("messages", "The store in %1 is in use by process %2: close the other "
                                                       "Circular Editor first, or open this one read-only.")
                .replace("%2", _isolated(m[2])) if m[2] else
                QCoreApplication.translate("messages", "The store in %1 is in use by another program: close the "
                                                       "other Circular Editor first, or open this one read-only."))
     .replace("%1", _isolated(m[1]))),
    (re.compile(r"^the store file (.+?) cannot be used \((.+)\); it has not been changed; .*$"),
     lambda m: QCoreApplication.translate("messages", "The store file %1 cannot be used (%2). It has not been "
                                                      "changed; a repair looks in every backup for an intact copy.")
     .replace("%1", _isolated(m[1])).replace("%2", _isolated(m[2]))),
    (re.compile(r"^circular #(\d+) is submitted for signature: take it back to change it$"),
     lambda m: QCoreApplication.translate("messages", "Circular #%1 is submitted for signature: take it back to "
                                                      "change it.").replace("%1", m[1])),
    (re.compile(r"^the bureau server at (.+?) cannot be reached \((.*)\)$"),
     lambda m: QCoreApplication.translate("messages", "The bureau server at %1 cannot be reached; your work is kept "
                                                      "on this computer (%2).")
     .replace("%1", _isolated(m[1])).replace("%2", _isolated(m[2]))),
    (re.compile(r"^this desk is joined to a bureau server, which alone gives references: .*$"),
     lambda m: QCoreApplication.translate("messages", "This computer is joined to a bureau server, which alone gives "
                                                      "references: finalize while it can be reached.")),
]


def core_text(error) -> str:
    """A core error's sentence in the interface's language when it is one of those a person meets in the window;
    else the core's own line (still one clear sentence, in English)."""
    text = str(error)
    for pattern, make in _SENTENCES:
        match = pattern.match(text)
        if match:
            return make(match)
    return text


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
