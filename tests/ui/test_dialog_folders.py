"""File dialogs start in the user's Documents, then in the folder last used for that kind of file, never in the
process's working folder (issue 30, item 8)."""
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from uitools import close_window, make_window, wait_store

from circular_editor.paths import examples

from circular_editor.ui import dialogs

DOCUMENTS = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def test_start_folder_is_the_last_one_used_or_documents(tmp_path):
    assert dialogs.start_folder("") == DOCUMENTS
    assert dialogs.start_folder(str(tmp_path)) == str(tmp_path)
    assert dialogs.start_folder(str(tmp_path / "gone")) == DOCUMENTS


def test_import_and_export_dialogs_start_in_documents_then_where_the_user_went(qtbot, tmp_path, monkeypatch):
    asked = []

    def open_names(parent, title, folder, filters):
        asked.append(folder)
        chosen = tmp_path / "chosen" / f"circular-{len(asked)}.json"
        chosen.write_bytes(examples()[len(asked) - 1].read_bytes())  # (another circular each time: none refused)
        return [str(chosen)], ""
    (tmp_path / "chosen").mkdir()
    monkeypatch.setattr("circular_editor.ui.operations.QFileDialog.getOpenFileNames", open_names)
    window = make_window(qtbot, tmp_path)
    try:
        window.operations.import_files()
        wait_store(qtbot, window)
        window.operations.import_files()
        wait_store(qtbot, window)
        assert asked == [DOCUMENTS, str(tmp_path / "chosen")]
        assert Path.cwd() != Path(DOCUMENTS)
    finally:
        close_window(window)
