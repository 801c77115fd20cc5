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
