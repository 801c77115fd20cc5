"""Edits autosaved before a kill -9 are offered on the next start; the English interface is ours in English."""
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTextEdit
from uitools import answer_next_dialog, close_window, make_window, wait_store

from circular_editor.ui.settings import Settings

ARABIC = re.compile("[\u0600-\u06ff]")
TYPIST = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tools!r})
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from uitools import make_window, type_text

    class Bot:
        def waitUntil(self, condition, timeout=10000):
            end = time.monotonic() + timeout / 1000
            while not condition():
                app.processEvents()
                time.sleep(0.01)
                if time.monotonic() > end:
                    raise TimeoutError

    window = make_window(Bot(), Path({folder!r}))
    window.new_circular("tsb")
    type_text(window.form.fields[("subject",)], "تعديلات لم تحفظ قبل الانقطاع")
    drafts = Path({folder!r}) / "db" / "drafts"
    while not list(drafts.glob("*.json")):  # the autosave, a second after the last keystroke
        app.processEvents()
        time.sleep(0.05)
    print("autosaved", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)
""")


def test_edits_autosaved_before_a_kill_are_recovered_on_the_next_start(qtbot, tmp_path):
    Settings(tmp_path / "settings.ini").autosave_seconds = 1
    script = TYPIST.format(tools=str(Path(__file__).parent), folder=str(tmp_path))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    typist = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env)
    try:
        assert typist.stdout.readline().strip() == "autosaved", typist.stderr.read()[-3000:]
    finally:
        os.kill(typist.pid, signal.SIGKILL)
        typist.wait()
    window = make_window(qtbot, tmp_path)
    try:
        answer_next_dialog()  # the recovery dialog: "Recover"
        window.start()
        wait_store(qtbot, window)
        qtbot.waitUntil(lambda: window.document is not None, timeout=5000)
        assert window.document.content["subject"] == "تعديلات لم تحفظ قبل الانقطاع"
        assert window.document.modified and window.document.record_id is None
        window.operations.save()
        wait_store(qtbot, window)
        assert window.client.wait(lambda repo: repo.drafts.all()) == ([], [])
    finally:
        close_window(window)


def _our_texts(window) -> list[str]:
    """Every string of ours the window shows: menus, actions, labels, buttons, boxes, lists, tips, title."""
    texts = [window.windowTitle(), window.statusBar().currentMessage()]
    for action in window.findChildren(type(window.act_save)):
        texts += [action.text(), action.toolTip(), action.statusTip()]
    for menu in window.menuBar().actions():
        texts.append(menu.text())
        if menu.menu():
            texts += [a.text() for a in menu.menu().actions()]
    texts += [w.text() for w in window.findChildren(QLabel)]
    texts += [w.text() + w.toolTip() for w in window.findChildren(QAbstractButton)]
    texts += [w.title() for w in window.findChildren(QGroupBox)]
    texts += [w.itemText(i) for w in window.findChildren(QComboBox) for i in range(w.count())]
    texts += [w.placeholderText() for w in window.findChildren(QLineEdit)
              if w.objectName() == "search" or w.placeholderText() and not w.text()]
    model = window.list_pane.model
    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    return [t for t in texts if t]


def test_the_english_interface_shows_no_arabic_strings_of_ours(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, language="en")
    try:
        assert window.layoutDirection().name == "LeftToRight"
        window.menus.fill_new()
        window.new_circular("sg")
        fields = {id(w) for w in window.form.findChildren(QTextEdit)} | {
            id(w) for w in window.form.findChildren(QLineEdit) if w.text()}
        shown = [t for t in _our_texts(window) if ARABIC.search(t)]
        # What remains in Arabic is the circular itself (its fields) and the template's defaults shown
        # as placeholders of empty style-default fields: the letter's language, not the interface's.
        template = window.form.style
        allowed = {template.place, template.salutation, template.closing}
        allowed |= {s.note for s in template.signatories} | {s.name for s in template.signatories}
        assert [t for t in shown if t not in allowed] == [], shown
        assert fields  # (the circular's own fields are there, and are Arabic: not ours)
        assert "Subject" in _our_texts(window) and "File" in [a.text().replace("&", "")
                                                              for a in window.menuBar().actions()]
    finally:
        close_window(window)
