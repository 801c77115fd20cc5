"""The form fits, scrolls and keeps the keyboard (issue 30, items 1 to 3): no horizontal scroll bar at the default
size or at 1280x720 for every example in both languages; the wheel over an unfocused dropdown scrolls; undo keeps
the focus in the form and Ctrl+Z on the circular."""
from contextlib import contextmanager

import pytest
from uitools import close_window, make_window, wait_store

from circular_editor.paths import examples


@contextmanager
def example_open(qtbot, tmp_path, language: str):
    """A window with the first example open and active (the keyboard can be in it), closed afterwards."""
    window = make_window(qtbot, tmp_path, language)
    try:
        imported, _ = window.client.import_files([str(examples()[0])]).result(timeout=60)
        window.open_record(imported[0][1])
        qtbot.waitUntil(lambda: window.form is not None, timeout=10_000)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        yield window
    finally:
        if window.document is not None:
            window.document.mark_saved()
        wait_store(qtbot, window)
        close_window(window)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_no_horizontal_scroll_bar_in_the_form(qtbot, tmp_path, language):
    window = make_window(qtbot, tmp_path, language)
    try:
        imported, _ = window.client.import_files([str(p) for p in examples()]).result(timeout=60)
        ids = [record_id for _, record_id in imported]
        assert len(ids) == 3
        for size in ((1400, 860), (1280, 720)):
            window.resize(*size)
            for record_id in ids:
                window.open_record(record_id)
                qtbot.waitUntil(lambda: window.document is not None and window.document.record_id == record_id,
                                timeout=10_000)
                qtbot.wait(50)
                bar = window.form_area.horizontalScrollBar()
                assert bar.maximum() == 0, (size, record_id, window.form_area.widget().minimumSizeHint().width(),
                                            window.form_area.viewport().width())
    finally:
        wait_store(qtbot, window)
        close_window(window)


def test_a_wheel_turn_over_an_unfocused_dropdown_scrolls_and_changes_nothing(qtbot, tmp_path):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from circular_editor.ui.form import NumberingField

    with example_open(qtbot, tmp_path, "ar") as window:
        combo = window.form.findChild(NumberingField)
        before = (combo.currentIndex(), window.document.content.get("numbered_paragraphs", "absent"))

        def turn() -> None:
            event = QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                                QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                Qt.ScrollPhase.NoScrollPhase, False)
            QApplication.sendEvent(combo, event)
        window.form_area.setFocus()
        turn()
        assert (combo.currentIndex(), window.document.content.get("numbered_paragraphs", "absent")) == before
        assert not window.document.modified
        combo.setFocus()
        qtbot.waitUntil(combo.hasFocus, timeout=2_000)
        turn()
        assert combo.currentIndex() != before[0], "once focused, the wheel changes it"


def test_undo_that_removes_a_block_keeps_the_keyboard_in_the_form(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from circular_editor.ui.lists import BlocksEditor
    from uitools import type_text

    with example_open(qtbot, tmp_path, "ar") as window:
        blocks = window.form.findChild(BlocksEditor)
        count = len(window.document.content["body"])
        type_text(window.form.fields[("subject",)], " م")  # an edit before, for the second Ctrl+Z
        blocks.add()
        qtbot.waitUntil(lambda: len(window.document.content["body"]) == count + 1, timeout=5_000)
        window.act_undo.trigger()  # the new block goes away, with the widget that had the keyboard
        qtbot.waitUntil(lambda: len(window.document.content["body"]) == count, timeout=5_000)
        qtbot.wait(50)
        focused = QApplication.focusWidget()
        assert focused is not None and window.form.isAncestorOf(focused), focused
        assert window.act_undo.isEnabled()
        window.act_undo.trigger()
        assert not window.document.content["subject"].endswith(" م"), "the next Ctrl+Z still undoes"


def test_ctrl_z_in_the_list_s_search_box_undoes_the_circular(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from uitools import press, type_text

    with example_open(qtbot, tmp_path, "en") as window:
        subject = window.document.content["subject"]
        type_text(window.form.fields[("subject",)], " x")
        assert window.document.content["subject"] != subject
        type_text(window.list_pane.search_box, "abc")
        press(window.list_pane.search_box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.document.content["subject"] == subject, timeout=5_000)
        assert window.list_pane.search_box.text() == "abc", "the search keeps its letters"
