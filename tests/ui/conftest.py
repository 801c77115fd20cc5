import pytest

from circular_editor.ui import imports


@pytest.fixture(autouse=True)
def no_import_off_the_gui_thread():
    """Every module the editor's worker threads need is imported on the GUI thread first (ui/imports.py: a first
    import on a worker thread crashed the process at random)."""
    before = len(imports.off_thread_imports())
    yield
    made = imports.off_thread_imports()[before:]
    assert not made, f"modules first imported off the GUI thread: {made}"
