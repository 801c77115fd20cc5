"""The circular's form, built from its style's template (labels, defaults as placeholders).

Nothing here is particular to a bureau: the labels of the header fields are the
template's own (in the Arabic interface; the English one has its own words), the
style-default fields show the template's values as placeholders, and a fourth
bureau's template gives a form like the others.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from circular_editor import defaults
from circular_editor.model import Circular, ValidationError, problems_before_finalizing
from circular_editor.coverage import undrawable
from circular_editor.styles import LetterStyle
from circular_editor.ui.document import Document
from circular_editor.ui.fields import (LineField, LinesField, OptionalLineField, OptionalTextField, TextField,
                                       WheelOnlyWhenFocused)
from circular_editor.ui.lists import AnnexesEditor, BlocksEditor, SignatoriesEditor
from circular_editor.ui.messages import problem_text

DATE_FORMAT = "d MMMM yyyy"
ERROR_COLOUR, WARNING_COLOUR = "#c62828", "#8a5a00"  # under a field: what stops a save; what only warns



MENU_TITLES = ("&File", "&Edit", "&View", "&Circular", "&Help")  # the main window's menus (ui/menus.py: Menus)


def menu_mnemonics() -> set[str]:
    """The letters the menu bar's titles take (in the interface's language)."""
    taken = set()
    for title in MENU_TITLES:
        text = QCoreApplication.translate("Menus", title)
        at = text.find("&")
        if 0 <= at < len(text) - 1:
            taken.add(text[at + 1].casefold())
    return taken


def with_mnemonics(labels: list[str], taken: set[str]) -> list[str]:
    """The labels, each with a letter of its own marked as its mnemonic (&): none a menu's (`taken`), as
    many labels served as can be (a matching: a label takes its earliest free letter, or one another
    label can give up), the rest as they are."""
    choices = [[ch.casefold() for ch in dict.fromkeys(label) if ch.isalpha() and ch.casefold() not in taken]
               for label in labels]
    owner: dict[str, int] = {}

    def claim(k: int, seen: set[str]) -> bool:
        for letter in choices[k]:
            if letter not in seen:
                seen.add(letter)
                if letter not in owner or claim(owner[letter], seen):
                    owner[letter] = k
                    return True
        return False
    for k in range(len(labels)):
        claim(k, set())
    mine = {k: letter for letter, k in owner.items()}
    out = []
    for k, label in enumerate(labels):
        at = next((i for i, ch in enumerate(label) if ch.casefold() == mine.get(k)), None)
        escaped = [ch.replace("&", "&&") for ch in label]
        if at is not None:
            escaped[at] = "&" + escaped[at]
        out.append("".join(escaped))
    return out

class DateField(WheelOnlyWhenFocused, QDateEdit):
    """The circular's date, shown with Arabic month names and Western digits (locale ar_001) as in the PDF."""

    def __init__(self, document: Document, locale: QLocale, parent=None):
        super().__init__(parent)
        self.document = document
        self.setLocale(locale)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.wheel_guard()
        self.setReadOnly(document.read_only)
        self.show_value()
        self.dateChanged.connect(self._edited)
        document.changed.connect(lambda path: path == ("date",) and self.show_value())

    def show_value(self) -> None:
        try:
            value = dt.date.fromisoformat(self.document.get(("date",), ""))
        except (TypeError, ValueError):
            return  # a half-typed date in a recovered draft: the model's error says so
        wanted = QDate(value.year, value.month, value.day)
        if wanted != self.date():
            self.blockSignals(True)
            self.setDate(wanted)
            self.blockSignals(False)

    def _edited(self, date: QDate) -> None:
        self.document.edit(("date",), date.toString("yyyy-MM-dd"), self.tr("Change date"), typing=False)


class NumberingField(WheelOnlyWhenFocused, QComboBox):
    """Numbered paragraphs: the style's default, or yes, or no."""

    def __init__(self, document: Document, style: LetterStyle, parent=None):
        super().__init__(parent)
        self.document = document
        default = self.tr("numbered") if style.numbered_paragraphs else self.tr("not numbered")
        self.addItems([self.tr("Style default (%1)").replace("%1", default), self.tr("Numbered"),
                       self.tr("Not numbered")])
        self.setEnabled(not document.read_only)
        self.wheel_guard()
        self.show_value()
        self.currentIndexChanged.connect(self._edited)
        document.changed.connect(lambda path: path == ("numbered_paragraphs",) and self.show_value())

    def show_value(self) -> None:
        value = self.document.get(("numbered_paragraphs",))
        self.blockSignals(True)
        self.setCurrentIndex(0 if value is None else (1 if value else 2))
        self.blockSignals(False)

    def _edited(self, index: int) -> None:
        value = (None, True, False)[index]
        self.document.edit(("numbered_paragraphs",), value, self.tr("Paragraph numbering"), typing=False)


class CircularForm(QWidget):
    """Every field of one circular; `problems` shows the model's errors next to their fields."""

    validated = Signal(list)  # the problems found (ValidationError), the first blocks saving

    def __init__(self, document: Document, style: LetterStyle, locale: QLocale, arabic: bool, parent=None):
        super().__init__(parent)
        self.document, self.style, self.arabic = document, style, arabic
        self._errors: dict[tuple, QLabel] = {}
        self.fields: dict[tuple, QWidget] = {}
        self._captions: list[QLabel] = []  # the fields' labels: Alt+a letter of each goes to its field
        # A read-only circular looks it: its fields greyed (typing into a white field that ignores it misleads).
        # A focused field or small button shows a frame in the highlight colour: Fusion gives a multi-line
        # field only its caret, and a row's small buttons nothing at all (its push buttons, check boxes and
        # combo boxes show their own).
        self.setStyleSheet('QLineEdit[readOnly="true"], QTextEdit[readOnly="true"] '
                           "{ background: palette(window); color: palette(window-text); }"
                           "QTextEdit:focus, QLineEdit:focus { border: 2px solid palette(highlight); }"
                           "QToolButton:focus { border: 2px solid palette(highlight); border-radius: 3px; }")
        own = defaults.of_style(style)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        title = QLabel(style.name if not arabic else style.letterhead[-1] if style.letterhead else style.name)
        title.setObjectName("form-title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)

        header = self._section(outer, self.tr("Letter"))
        self._row(header, ("date",), self.tr("Date"), DateField(document, locale))
        self._row(header, ("place",), self.tr("Place"), self._optional_line(("place",), own.place,
                                                                            self.tr("Edit place")))
        reference = LineField(latin=True)
        reference.setPlaceholderText(self.tr("allocated on finalize"))
        reference.bind(document, ("reference",), self.tr("Edit reference"))
        self._row(header, ("reference",), self._label("reference", self.tr("Reference")), reference)
        intro = OptionalLineField()
        intro.bind(document, ("addressees_intro",), self.tr("Edit addressee lead line"))
        intro.setPlaceholderText(self.tr("e.g. all stakeholders (optional)"))
        self._row(header, ("addressees_intro",), self.tr("Addressee lead line"), intro)
        self._row(header, ("addressees",), self._label("to", self.tr("To")),
                  self._lines(("addressees",), self.tr("Edit addressees")))
        self._row(header, ("copy_to",), self._label("copy_to", self.tr("Copy to")),
                  self._lines(("copy_to",), self.tr("Edit copy-to list")))

        contact = self._section(outer, self.tr("Contact"))
        for key, latin, fallback in (("person", False, self.tr("Contact person")), ("phone", True, self.tr("Phone")),
                                     ("fax", True, self.tr("Fax")), ("email", True, self.tr("E-mail"))):
            field = OptionalLineField(latin=latin)
            field.bind(document, ("contact", key), self.tr("Edit contact"))
            self._row(contact, ("contact", key), self._label(key, fallback), field)

        text = self._section(outer, self.tr("Text"))
        subject = TextField(min_lines=1, max_lines=2, bold=True)
        subject.bind(document, ("subject",), self.tr("Edit subject"))
        self._row(text, ("subject",), self._label("subject", self.tr("Subject")), subject)
        self._row(text, ("salutation",), self.tr("Salutation"),
                  self._optional_text(("salutation",), own.salutation, self.tr("Edit salutation")))
        self._row(text, ("numbered_paragraphs",), self.tr("Paragraphs"), NumberingField(document, style))
        self._row(text, ("body",), self.tr("Body"), BlocksEditor(document, ("body",)))
        self._row(text, ("closing",), self.tr("Closing"),
                  self._optional_text(("closing",), own.closing, self.tr("Edit closing")))

        signatures = self._section(outer, self.tr("Signatories"))
        self._row(signatures, ("signatories",), "", SignatoriesEditor(document, own.signatories))
        annexes = self._section(outer, self.tr("Annexes"))
        self._row(annexes, ("annexes",), "", AnnexesEditor(document))
        outer.addStretch(1)

        captions = [caption.text() for caption in self._captions]
        for caption, text in zip(self._captions, with_mnemonics(captions, menu_mnemonics())):
            caption.setText(text)  # (Alt+the letter of a menu stays the menu's)
        self._check_timer = QTimer(self, singleShot=True, interval=300, timeout=self.check)
        document.changed.connect(lambda _path: self._check_timer.start())
        self.check()

    # ---- building ----

    def _label(self, template_key: str, fallback: str) -> str:
        """The template's label in the Arabic interface (without its colon), our word in the English one."""
        return self.style.label(template_key).rstrip(":：").strip() if self.arabic else fallback

    def _section(self, outer: QVBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(title)
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # (labels above fields when narrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        outer.addWidget(box)
        return layout

    def _row(self, layout: QFormLayout, path: tuple, label: str, field: QWidget) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        error = QLabel()
        error.setObjectName("field-error")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.hide()
        column.addWidget(error)
        self._errors[path] = error
        self.fields[path] = field
        if label:
            caption = QLabel(label)
            self._captions.append(caption)
            caption.setBuddy(field)
            field.setAccessibleName(label)  # (a screen reader names the field by its label)
            inner = getattr(field, "lineEdit", None)
            if callable(inner) and inner() is not None:
                inner().setAccessibleName(label)
            layout.addRow(caption, holder)
        else:
            layout.addRow(holder)

    def _optional_line(self, path, default: str, label: str) -> OptionalLineField:
        field = OptionalLineField()
        field.setPlaceholderText(default)
        field.bind(self.document, path, label)
        return field

    def _optional_text(self, path, default: str, label: str) -> OptionalTextField:
        field = OptionalTextField(min_lines=1)
        field.setPlaceholderText(default)
        field.bind(self.document, path, label)
        return field

    def _lines(self, path, label: str) -> LinesField:
        field = LinesField(min_lines=2)
        field.setPlaceholderText(self.tr("One per line (Alt+Up/Down moves a line)"))
        field.bind(self.document, path, label)
        return field

    # ---- validation ----

    def circular(self) -> Circular:
        """The circular in the form; ValidationError if it is not valid."""
        return Circular.from_dict(self.document.content)

    def check(self, finalizing: bool = False) -> list[ValidationError]:
        """Show each problem next to its field; `finalizing` adds what a final circular needs."""
        try:
            circular = self.circular()
            problems = problems_before_finalizing(circular) if finalizing else []
        except ValidationError as exc:
            problems = [exc]
        for label in self._errors.values():
            label.hide()
        # A character no face can draw does not stop a save or an export: it is said under its field, in
        # the warning colour, so that the person knows before the letter is sent.
        warnings = [] if problems else undrawable(self.document.content)
        for problem, colour in [(p, ERROR_COLOUR) for p in problems] + [(w, WARNING_COLOUR) for w in warnings]:
            label = self._error_label(problem.path)
            if label is not None and not label.isVisibleTo(self):
                label.setText(problem_text(problem))
                label.setStyleSheet(f"color: {colour};")
                label.show()
        self.validated.emit(problems)
        return problems

    def _error_label(self, path: str):
        """The error label of the field a model path names (`body[2].text` -> the body's)."""
        head = path.split("[")[0].split(".")
        for length in (2, 1):
            key = tuple(head[:length])
            if key in self._errors:
                return self._errors[key]
        return None

    def focus_field(self, path: tuple) -> None:
        field = self.fields.get(path)
        if field is not None:
            field.setFocus()
