"""The store's, the bureau server's and the workflow's sentences in the Arabic interface (issue 30, item 5): no Latin
letters outside what is a name, a path or a reference (isolated as such)."""
import re

import pytest
from PySide6.QtWidgets import QApplication

from circular_editor.store import NotAllowed, StoreCorrupt, StoreLocked
from circular_editor.ui.app import setup_application
from circular_editor.ui.messages import core_text

ISOLATE = re.compile("\u2066[^\u2069]*\u2069")


@pytest.mark.parametrize("error", [
    StoreLocked("the store in /home/amina/CircularEditor is in use by process 4242; close the other Circular Editor "
                "first, or open this one read-only"),
    StoreLocked("the store in /home/amina/CircularEditor is in use by another process; close the other Circular "
                "Editor first, or open this one read-only"),
    StoreCorrupt(__import__("pathlib").Path("/data/circulars-07.json"), "damaged (its content does not match)"),
    NotAllowed("circular #12 is submitted for signature: take it back to change it"),
    NotAllowed("this desk is joined to a bureau server, which alone gives references: finalize with "
               "`circular-editor finalize ID` while the server can be reached"),
])
def test_core_sentences_read_in_arabic(qtbot, error):
    setup_application(QApplication.instance(), "ar")
    try:
        text = core_text(error)
        assert text != str(error)
        assert not re.search("[A-Za-z]", ISOLATE.sub("", text)), text
    finally:
        setup_application(QApplication.instance(), "en")


def test_the_link_dialog_is_right_to_left_and_its_address_left_to_right(qtbot, tmp_path):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QInputDialog, QLineEdit
    from uitools import close_window, make_window

    from circular_editor.paths import examples

    window = make_window(qtbot, tmp_path, "ar")
    seen = {}
    try:
        imported, _ = window.client.import_files([str(examples()[0])]).result(timeout=60)
        window.open_record(imported[0][1])
        qtbot.waitUntil(lambda: window.form is not None, timeout=10_000)
        window.activateWindow()
        window.form.fields[("subject",)].setFocus()
        qtbot.waitUntil(lambda: window.formatting.focused_field() is not None, timeout=5_000)

        def look() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QInputDialog):
                QTimer.singleShot(20, look)
                return
            field = dialog.findChild(QLineEdit)
            seen.update(dialog=dialog.layoutDirection(), field=field.layoutDirection(), name=field.accessibleName())
            dialog.reject()
        QTimer.singleShot(20, look)
        window.formatting.insert_link()
        assert seen == {"dialog": Qt.LayoutDirection.RightToLeft, "field": Qt.LayoutDirection.LeftToRight,
                        "name": "العنوان"}
    finally:
        window.document.mark_saved()
        close_window(window)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_shortcut_ending_in_a_sign_reads_left_to_right_in_a_right_to_left_menu(qtbot, tmp_path, language):
    """`Ctrl++` in an Arabic menu showed as `++Ctrl`: the menu shows it isolated, left to right; toolbar
    buttons keep the bare name, and the keys still work as set."""
    from PySide6.QtGui import QKeySequence
    from uitools import close_window, make_window

    window = make_window(qtbot, tmp_path, language)
    try:
        zoom = window.act_zoom_in
        shown = zoom.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if language == "ar":
            assert zoom.text().endswith(f"\t\u2066{shown}\u2069") and "\t" not in zoom.iconText()
            assert "\t" not in window.act_save.text()  # `Ctrl+S` reads right as it is
        else:
            assert "\t" not in zoom.text()
        assert zoom.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)
    finally:
        close_window(window)


def test_qt_s_file_dialog_reads_arabic_in_the_arabic_interface(qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    setup_application(QApplication.instance(), "ar")
    dialog = QFileDialog(None, "", "/")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {name: dialog.findChild(QLabel, name).text() for name in ("lookInLabel", "fileTypeLabel", "fileNameLabel")}
    assert not [text for text in labels.values() if re.search("[A-Za-z]", text)], labels
    assert labels["lookInLabel"].replace("&", "") == "البحث في:"
    dialog.deleteLater()
