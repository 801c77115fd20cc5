"""Screen readers (issue 30, item 4): every visible focusable widget of the window has a name, as Qt's
accessibility interface gives it to a screen reader, in both interface languages."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from uitools import close_window, make_window, wait_store

from circular_editor.paths import examples


def unnamed(window) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            interface = QAccessible.queryAccessibleInterface(widget)
            if interface is None or not interface.text(QAccessible.Text.Name).strip():
                found.append(f"{type(widget).__name__} {widget.objectName()}")
    return found


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_focusable_widget_has_an_accessible_name(qtbot, tmp_path, language):
    window = make_window(qtbot, tmp_path, language)
    try:
        assert unnamed(window) == [], "with nothing open"
        imported, _ = window.client.import_files([str(p) for p in examples()]).result(timeout=60)
        for _, record_id in imported:
            window.open_record(record_id)
            qtbot.waitUntil(lambda: window.document is not None and window.document.record_id == record_id,
                            timeout=10_000)
            qtbot.wait(100)
            assert unnamed(window) == [], record_id
        assert window.preview_pane.view.accessibleName()
    finally:
        wait_store(qtbot, window)
        close_window(window)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_each_form_label_has_its_own_mnemonic_and_alt_letter_reaches_its_field(qtbot, tmp_path, language):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLabel

    from circular_editor.ui.form import menu_mnemonics

    window = make_window(qtbot, tmp_path, language)
    try:
        window.new_circular("tsb")
        window.activateWindow()
        captions = [label for label in window.form.findChildren(QLabel) if label.buddy() is not None]
        assert len(captions) >= 10
        letters = []
        for label in captions:
            text = label.text().replace("&&", "")
            assert text.count("&") <= 1, text
            if "&" in text:
                letters.append(text[text.index("&") + 1].casefold())
        assert len(set(letters)) == len(letters), letters
        assert len(letters) >= len(captions) - 1  # (a label whose letters are all taken goes without)
        assert not set(letters) & menu_mnemonics()
        menu_bar = {text[text.index("&") + 1].casefold() for text in (a.text() for a in window.menuBar().actions())
                    if "&" in text}
        assert menu_bar == menu_mnemonics()  # (the letters the window's menu bar really shows)
        if language == "en":  # (QTest types ASCII only; the Arabic letters work the same through Qt)
            subject = next(label for label in captions if label.buddy() is window.form.fields[("subject",)])
            letter = subject.text()[subject.text().index("&") + 1]
            QTest.keyClick(window, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
            qtbot.waitUntil(lambda: window.form.fields[("subject",)].hasFocus(), timeout=3000)
    finally:
        wait_store(qtbot, window)
        close_window(window)


@pytest.fixture
def english_window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, "en")
    window.new_circular("tsb")
    yield window
    wait_store(qtbot, window)
    close_window(window)


def test_tab_reaches_a_paragraph_added_later_where_it_stands(qtbot, english_window):
    from circular_editor.ui.fields import TextField

    window = english_window
    window.form.fields[("body",)].add()  # as Ctrl+Return does: a second paragraph after the first
    qtbot.waitUntil(lambda: window.form.findChild(TextField, "block-1") is not None and len(
        [f for f in window.form.findChildren(TextField) if f.objectName() == "block-0"]) == 1,
        timeout=3000)  # (the old rows gone: deleted once the event loop turns)
    first, added = (window.form.findChild(TextField, f"block-{k}") for k in (0, 1))
    closing = window.form.fields[("closing",)]
    chain, widget = [], window.form.fields[("subject",)]
    for _ in range(200):  # the window's Tab chain from the subject on, as Tab walks it
        chain.append(widget)
        widget = widget.nextInFocusChain()
    order = [chain.index(w) for w in (first, added, closing)]
    assert order == sorted(order), "Tab goes subject, paragraph 1, paragraph 2, ..., closing"


def test_a_focused_paragraph_and_a_focused_row_button_look_focused(qtbot, english_window):
    from PySide6.QtWidgets import QToolButton

    from circular_editor.ui.fields import TextField

    window = english_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    field = window.form.findChild(TextField, "block-0")
    button = next(b for b in field.parent().findChildren(QToolButton) if b.isEnabled())
    for widget in (field, button):
        window.form.fields[("subject",)].setFocus()
        qtbot.waitUntil(lambda: not widget.hasFocus(), timeout=2000)
        qtbot.wait(50)  # (the style follows the focus once the event loop turns)
        before = widget.grab().toImage()
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
        qtbot.wait(50)
        after = widget.grab().toImage()
        w, h = before.width(), before.height()  # its edges, where a frame is: two pixels all round
        edge = [(x, y) for x in range(w) for y in (0, 1, h - 2, h - 1)] + \
            [(x, y) for y in range(h) for x in (0, 1, w - 2, w - 1)]
        assert any(before.pixel(x, y) != after.pixel(x, y) for x, y in edge), type(widget).__name__
