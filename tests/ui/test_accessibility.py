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
