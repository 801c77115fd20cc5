"""Screenshots of the preview for docs/images/, from real windows (run under Xvfb):

    xvfb-run -a -s "-screen 0 1500x1000x24" .venv/bin/python docs/preview_screenshots.py

preview-<style>.png (each example's preview at fit width), preview-zoom-400.png (400 % on the line
with `عن بُعد` and the meeting's URL), print-preview.png, compare.png (a version beside now).
"""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ui"))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from uitools import Waiter, close_window, make_window, settle, type_text, wait_store  # noqa: E402

from circular_editor.paths import examples  # noqa: E402
from circular_editor.ui.fields import TextField  # noqa: E402
from circular_editor.preview.pages import PdfPages  # noqa: E402

OUT = Path(__file__).resolve().parent / "images"


def save(widget, name):
    widget.grab().save(str(OUT / name))
    print(OUT / name)


def wait_preview(bot, window):
    pane = window.preview_pane
    bot.waitUntil(lambda: pane.latest is not None and pane.latest.snapshot == pane._source()
                  and not pane.debounce.isActive())


def main() -> None:
    app = QApplication(sys.argv)
    bot = Waiter(app)
    window = make_window(bot, Path(tempfile.mkdtemp()))
    window.client.wait(lambda repo: repo.import_files([str(p) for p in examples()]))
    window.resize(1480, 960)
    window.move(0, 0)
    window.splitter.setSizes([260, 560, 660])
    window.list_pane.refresh()
    wait_store(bot, window)
    summaries = window.client.wait(lambda repo: repo.search())
    for summary in summaries:
        window.open_record(summary.id)
        wait_store(bot, window)
        wait_preview(bot, window)
        window.preview_pane.view.set_zoom("width")
        settle(app)
        save(window, f"preview-{summary.style}.png")

    tsb = next(s for s in summaries if s.style == "tsb")
    window.open_record(tsb.id)
    wait_store(bot, window)
    wait_preview(bot, window)
    view = window.preview_pane.view
    window.splitter.setSizes([200, 380, 900])
    view.set_zoom("zoom", 4.0)
    def find_url():  # the line ending `عن بُعد` and the URL under it (on the PDFium thread: one call at a time)
        pages = PdfPages(window.preview_pane.latest.pdf)
        try:
            for index in range(len(pages)):
                text = pages.text(index)
                at = text.chars.find("https://u4ssc.itu.int/latest")
                if at >= 0:
                    return index, text.boxes[at], pages.sizes[index]
        finally:
            pages.close()
    index, (left, bottom, right, top), (_, page_height) = window.pdfium.thread.wait(find_url)
    rect = view.page_rects()[index]
    s = view.points_to_pixels()
    view.verticalScrollBar().setValue(round(rect.top() + (page_height - top - 8) * s
                                            - view.viewport().height() / 2))
    bar = view.horizontalScrollBar()  # a right-to-left bar: its value counts from the right
    bar.setValue(round(bar.maximum() - (rect.left() + (left - 110) * s)))
    settle(app, 1.2)
    save(window.preview_pane, "preview-zoom-400.png")
    view.set_zoom("width")
    window.splitter.setSizes([260, 560, 660])

    def shoot_print_preview():  # the dialog runs its own loop: shot and closed from a timer
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(100, shoot_print_preview)
            return
        settle(app, 1.5)
        save(dialog, "print-preview.png")
        dialog.reject()
    QTimer.singleShot(100, shoot_print_preview)
    window.print_preview()
    settle(app)

    field = window.form.findChild(TextField, "block-1")
    field.moveCursor(field.textCursor().MoveOperation.End)
    type_text(field, " وستُعقد جلسة إضافية في مدينة قرطبة.")
    window.save()
    wait_store(bot, window)
    old = window.client.wait(lambda repo: repo.version(tsb.id, 1)).to_dict()
    from circular_editor.ui.compare import CompareDialog
    compare = CompareDialog(old, window.document.content, "النسخة 1", "الحالية", window.pdfium.thread, window)
    compare.show()
    bot.waitUntil(lambda: all(p.latest is not None for p in compare.panes), timeout=20_000)
    settle(app, 1.5)
    save(compare, "compare.png")
    compare.reject()
    close_window(window)


if __name__ == "__main__":
    main()
