"""Screenshots of the editor for docs/images/, from a real window (run under Xvfb):

    xvfb-run -a -s "-screen 0 1500x900x24" .venv/bin/python docs/editor_screenshots.py

editor-main.png (the TSB example open), editor-body.png (the form scrolled to the body),
editor-error.png (a validation error on its field), editor-english.png (the English interface).
"""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ui"))

from PySide6.QtWidgets import QApplication  # noqa: E402
from uitools import Waiter, close_window, make_window, settle, wait_store  # noqa: E402

from circular_editor.paths import examples  # noqa: E402

OUT = Path(__file__).resolve().parent / "images"


def shoot(app, window, name):
    settle(app)
    window.screen().grabWindow(0).copy(window.frameGeometry()).save(str(OUT / name))
    print(OUT / name)


def main() -> None:
    app = QApplication(sys.argv)
    bot = Waiter(app)
    for language in ("ar", "en"):
        folder = Path(tempfile.mkdtemp())
        window = make_window(bot, folder, language=language)
        window.client.wait(lambda repo: repo.import_files([str(p) for p in examples()]))
        window.resize(1480, 860)
        window.move(0, 0)
        window.list_pane.refresh()
        window.open_record(3)
        wait_store(bot, window)
        if language == "en":
            shoot(app, window, "editor-english.png")
            close_window(window)
            continue
        shoot(app, window, "editor-main.png")
        body = window.form.fields[("body",)]
        window.form_area.ensureWidgetVisible(body, 0, 0)
        window.form_area.verticalScrollBar().setValue(body.mapTo(window.form, body.rect().topLeft()).y() - 20)
        shoot(app, window, "editor-body.png")
        pasted = window.document.content["subject"] + " " + "نص ملصوق أطول مما يتسع له موضوع الرسالة، " * 25
        window.document.edit(("subject",), pasted, "لصق")
        settle(app)
        error = window.form._errors[("subject",)]
        window.form_area.verticalScrollBar().setValue(error.mapTo(window.form, error.rect().topLeft()).y() - 500)
        shoot(app, window, "editor-error.png")
        close_window(window)


if __name__ == "__main__":
    main()
