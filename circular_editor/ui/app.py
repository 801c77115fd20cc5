"""Starting the editor: the application, its language, fonts and colours, the store, the window.

    circular-editor            (no command) -> run()

Arabic and right to left by default; English (left to right) from the settings.
Qt's own strings come from qtbase_<lang>.qm inside PySide6, ours from
resources/translations/. Dates use the locale `ar_001`: Arabic month names with
Western digits, as in the PDF (`ar_EG` would give Arabic-Indic digits).
"""
from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from circular_editor import __version__, styles
from circular_editor.paths import RESOURCES
from circular_editor.store import StoreCorrupt, StoreError, StoreLocked, StoreTooNew
from circular_editor.ui import dialogs
from circular_editor.ui.qtgaps import QtGaps
from circular_editor.ui.messages import core_text
from circular_editor.ui.settings import Settings
from circular_editor.ui.storeclient import StoreClient

TRANSLATIONS = RESOURCES / "translations"
ICON = RESOURCES / "icons" / "circular-editor.png"
LOCALES = {"ar": "ar_001", "en": "en_GB"}
BENCH_SHOWN = "CIRCULAR_EDITOR_BENCH_SHOWN"  # set by bench/ui_bench.py to time a cold start
_kept: list = []  # translators must live as long as the application


def setup_application(app: QApplication, language: str) -> QLocale:
    """Translations, the bundled fonts, direction, style and colours; returns the locale for dates."""
    language = language if language in LOCALES else "ar"
    for translator in _kept:
        app.removeTranslator(translator)
    _kept.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_folder), (f"circular_editor_{language}", str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _kept.append(translator)
    if language == "ar":
        gaps = QtGaps(app)  # (the words of Qt's file dialog its own translation leaves in English)
        app.installTranslator(gaps)
        _kept.append(gaps)
    for font in [*sorted((RESOURCES / "fonts").glob("Amiri-*.ttf")), RESOURCES / "fonts" / "Symbola-Symbols.ttf"]:
        QFontDatabase.addApplicationFont(str(font))  # the PDF's own faces (its symbols and emoji too), not the system's
    locale = QLocale(LOCALES[language])
    QLocale.setDefault(locale)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight)
    app.setApplicationName("CircularEditor")
    app.setOrganizationName("CircularEditor")
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Circular Editor"))
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(ICON)))
    app.setDesktopFileName("circular-editor")  # (Wayland and the desktop entry find the icon by this name)
    app.setStyle(QStyleFactory.create("Fusion"))
    _follow_colour_scheme(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_colour_scheme(app))
    return locale


def _follow_colour_scheme(app: QApplication) -> None:
    """Dark when the system is dark (the PDF preview's page stays white whatever the scheme)."""
    if QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Dark:
        app.setPalette(app.style().standardPalette())
        return
    palette = QPalette()
    dark, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for role, colour in ((QPalette.ColorRole.Window, dark), (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, dark),
                         (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, dark),
                         (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, dark),
                         (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Highlight, QColor(42, 110, 187)),
                         (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
                         (QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150))):
        palette.setColor(role, colour)
    app.setPalette(palette)


def open_store(folder: Path | None) -> StoreClient | None:
    """The store, after asking what to do when another process holds it or it cannot be read; None: quit."""
    from circular_editor.store import restore

    read_only = False
    while True:
        try:
            return StoreClient(folder, read_only=read_only)
        except StoreLocked as exc:
            if not dialogs.store_in_use(core_text(exc)):
                return None
            read_only = True
        except StoreCorrupt as exc:
            store_folder = exc.path.parent
            plan = restore.plan_restore(store_folder)
            if not plan.steps or not dialogs.store_damaged(core_text(exc), plan.describe()):
                if not plan.steps:
                    dialogs.show_error(None, QCoreApplication.translate("app", "Circular Editor"), core_text(exc))
                return None
            try:
                dialogs.while_busy(QCoreApplication.translate("app", "Repairing the store from its backups…"),
                                   lambda: restore.restore_backup(store_folder))
            except StoreError as error:
                dialogs.show_error(None, QCoreApplication.translate("app", "Circular Editor"), str(error))
                return None
        except (StoreTooNew, StoreError) as exc:  # (too new; or a restore that a writer must finish first)
            dialogs.show_error(None, QCoreApplication.translate("app", "Circular Editor"), str(exc))
            return None


def _excepthook(kind, value, trace) -> None:
    """The last resort: a bug is a message in a dialog, never a crash with a traceback in the user's face."""
    sys.__stderr__.write("".join(traceback.format_exception(kind, value, trace)))
    if QApplication.instance() is not None:
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("app", "Unexpected error"),
                          QCoreApplication.translate("app", "Something went wrong inside the editor. Your saved "
                                                        "circulars are safe; unsaved edits are in the autosaved "
                                                        "draft."))
        box.setDetailedText("".join(traceback.format_exception(kind, value, trace)))
        box.exec()


def run(argv: list[str], folder: str | Path | None = None) -> int:
    from circular_editor.ui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication(argv)
    settings = Settings()
    locale = setup_application(app, settings.language)
    sys.excepthook = _excepthook
    styles.set_user_folder(settings.template_folder or None)
    client = open_store(Path(folder) if folder else None)
    if client is None:
        return 1
    window = MainWindow(client, settings, locale, arabic=settings.language != "en")
    window.show()
    window.start()
    if os.environ.get(BENCH_SHOWN):  # bench/ui_bench.py: the window is up, stop here
        QTimer.singleShot(0, lambda: (print("shown", flush=True), window.close()))
    code = app.exec()
    client.close()
    return code
