"""Helpers for the editor's tests: a real window on a real store in a temporary folder, typing as key
events (QTest.keyClicks aborts on non-ASCII text), and answering the dialogs a command opens.
(A plain module: a second conftest.py would shadow the root one.)"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox

from circular_editor.ui.app import setup_application
from circular_editor.ui.mainwindow import MainWindow
from circular_editor.ui.settings import Settings
from circular_editor.ui.storeclient import StoreClient


def make_window(qtbot, folder, language: str = "ar", settings_path=None, read_only: bool = False) -> MainWindow:
    app = QApplication.instance()
    locale = setup_application(app, language)
    client = StoreClient(folder / "db", read_only=read_only)
    settings = Settings(settings_path or folder / "settings.ini")
    window = MainWindow(client, settings, locale, arabic=language == "ar")
    # (not qtbot.addWidget: pytest-qt would close it before our teardown, and an unsaved circular's
    # question would wait for an answer forever; close_window closes it without asking)
    window.show()
    wait_store(qtbot, window)
    return window


def close_window(window: MainWindow) -> None:
    """Close without the unsaved-changes question, then let go of the store."""
    if window.document is not None:
        window.document.mark_saved()
    window.close()
    window.client.close()


def wait_store(qtbot, window: MainWindow, timeout: int = 10_000) -> None:
    """Until every store call made so far has come back to the GUI thread."""
    qtbot.waitUntil(lambda: window.client.pending == 0, timeout=timeout)


def type_text(widget, text: str) -> None:
    """Type `text` into `widget` as key events, one character at a time (Arabic included)."""
    widget.setFocus()
    for ch in text:
        key = Qt.Key.Key_Return if ch == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def answer_next_dialog(button_text: str | None = None, delay_ms: int = 50, seen: list | None = None) -> None:
    """In the next modal dialog that opens, click the button labelled `button_text`, or its default button
    (or accept it); `seen` collects the dialog's text."""
    deadline = time.monotonic() + 10

    def click():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(delay_ms, click)
            return
        if seen is not None and isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
        for button in dialog.findChildren(QAbstractButton):
            if button_text is not None and button.text().replace("&", "") == button_text:
                button.click()
                return
        if isinstance(dialog, QMessageBox) and dialog.defaultButton() is not None:
            dialog.defaultButton().click()
        elif isinstance(dialog, QDialog):
            dialog.accept()
    QTimer.singleShot(delay_ms, click)


class Waiter:
    """What the helpers need of pytest-qt's qtbot, for the scripts that run without pytest
    (bench/ui_bench.py, docs/editor_screenshots.py)."""

    def __init__(self, app):
        self.app = app

    def waitUntil(self, condition, timeout: int = 20_000) -> None:  # noqa: N802 (qtbot's name)
        end = time.monotonic() + timeout / 1000
        while not condition():
            self.app.processEvents()
            time.sleep(0.001)
            if time.monotonic() > end:
                raise TimeoutError


def settle(app, seconds: float = 0.8) -> None:
    """Let the event loop run for `seconds` (screenshots: paints, previews and rasters arrive)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
