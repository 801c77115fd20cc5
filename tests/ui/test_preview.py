"""The live preview, export and print, offscreen, with the real render worker process and real PDFium."""
import os
import signal
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from certs import ThrowawayCA
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from uitools import answer_next_dialog, close_window, make_window, type_text, wait_store

from circular_editor.model import Circular
from circular_editor.paths import examples
from circular_editor.render import render_pdf
from circular_editor.signing import verify_pdf
from circular_editor.ui import printing
from circular_editor.ui.fields import TextField
from circular_editor.ui.renderclient import RenderFailure, Rendering


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.client.import_files([str(p) for p in examples()]).result(timeout=60)
    window.list_pane.refresh()
    wait_store(qtbot, window)
    yield window
    close_window(window)


def open_tsb(qtbot, window):
    record = window.client.wait(lambda repo: next(s for s in repo.search() if s.style == "tsb"))
    window.open_record(record.id)
    wait_store(qtbot, window)
    wait_preview(qtbot, window)
    return record.id


def wait_preview(qtbot, window, timeout=20_000):
    """Until the pane shows the outcome for the circular as it is now."""
    pane = window.preview_pane
    qtbot.waitUntil(lambda: not pane.debounce.isActive() and (pane.failure or pane.latest) is not None
                    and (pane.failure or pane.latest).snapshot == pane._source(), timeout=timeout)


def pdf_text(window, pdf: bytes) -> str:
    """PDFium's text of `pdf`, read on the window's PDFium thread: one PDFium call at a time in a process, the
    test's own included (the view may be rasterising meanwhile)."""
    def read() -> str:
        document = pdfium.PdfDocument(pdf)
        try:
            return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        finally:
            document.close()
    return window.pdfium.thread.wait(read)


def paragraph(window, index: int) -> TextField:
    return window.form.findChild(TextField, f"block-{index}")


def test_typing_arabic_changes_the_preview_and_its_text(qtbot, window):
    open_tsb(qtbot, window)
    before = window.preview_pane.latest
    assert isinstance(before, Rendering) and before.pdf.startswith(b"%PDF")
    assert window.preview_pane.view.images, "the pages in view came rasterised with the PDF"
    field = paragraph(window, 1)
    field.moveCursor(field.textCursor().MoveOperation.End)
    type_text(field, " مدينة قرطبة الأندلسية")
    wait_preview(qtbot, window)
    after = window.preview_pane.latest
    assert after.pdf != before.pdf
    assert after.pdf == render_pdf(Circular.from_dict(window.document.content)), "the preview is the exact PDF"
    text = pdf_text(window, after.pdf)
    assert "قرطبة" in text and "الأندلسية" in text
    assert "قرطبة" not in pdf_text(window, before.pdf)


def test_the_preview_text_is_selected_and_copied_as_pdfium_reads_it(qtbot, window):
    open_tsb(qtbot, window)
    view = window.preview_pane.view
    view.select_page(0)
    qtbot.waitUntil(lambda: view.selection is not None)
    copied = view.selected_text()
    assert "الاتحاد الدولي للاتصالات" in copied and "TSB\u00a0Circular 92" in copied  # (drawn with a no-break space)
    view.copy()
    assert QGuiApplication.clipboard().text() == copied
    # a drag over the first line of the letterhead selects part of it, and only that
    rect = view.page_rects()[0].translated(-view._offset())
    s = view.points_to_pixels()
    start, end = view._point_on_page(rect.topLeft() + QPointF(560 * s, 60 * s)), None
    assert start is not None and start[0] == 0
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=(rect.topLeft() + QPointF(560 * s, 62 * s)).toPoint())
    qtbot.waitUntil(lambda: 0 in view.texts)
    qtbot.mouseMove(view.viewport(), (rect.topLeft() + QPointF(300 * s, 62 * s)).toPoint())
    end = view.selection
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton)
    assert end is not None and end[2] > end[1]
    assert 0 < len(view.selected_text()) < len(copied)


def test_a_render_error_names_the_field_and_keeps_the_last_good_page_dimmed(qtbot, window):
    open_tsb(qtbot, window)
    good = window.preview_pane.latest
    window.document.edit(("date",), "2023-02-30", "date")
    wait_preview(qtbot, window)
    pane = window.preview_pane
    assert isinstance(pane.failure, RenderFailure) and pane.failure.path == "date"
    # the field and the problem in the interface's language (Arabic here), the last good preview kept
    assert not pane.banner.isHidden() and "التاريخ: ليس تاريخاً" in pane.banner.text()
    assert pane.latest is good
    assert pane.view.dimmed and pane.view.sizes, "the last good pages stay, dimmed"
    window.act_undo.trigger()
    wait_preview(qtbot, window)
    assert pane.failure is None and not pane.view.dimmed and not pane.banner.isVisible()
    assert pane.latest.pdf == good.pdf


def test_a_burst_of_typing_coalesces_renders_and_ends_with_the_final_text(qtbot, window):
    """The preview follows the typing (a render as soon as the worker is free), and keystrokes made while a render
    runs are coalesced into the next one: fewer renders than keys, and the last one shows the final text."""
    open_tsb(qtbot, window)
    started = window.renderer.renders_started
    field = paragraph(window, 1)
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    typed = " ومرحبا بكم في الاجتماع السابع للمبادرة والمشاركة فيها تفتح لجميع"[:50]
    for ch in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
        qtbot.wait(20)
    wait_preview(qtbot, window)
    renders = window.renderer.renders_started - started
    assert 1 <= renders < len(typed), renders
    assert window.document.content["body"][1]["text"].endswith(typed)
    final = window.preview_pane.latest
    assert final.pdf == render_pdf(Circular.from_dict(window.document.content))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_worker_killed_mid_render_is_restarted(qtbot, window):
    open_tsb(qtbot, window)
    type_text(paragraph(window, 1), " أ")
    window.preview_pane.refresh()
    qtbot.waitUntil(lambda: window.renderer.pid is not None)
    os.kill(window.renderer.pid, signal.SIGKILL)
    wait_preview(qtbot, window)
    assert window.preview_pane.latest.pdf == render_pdf(Circular.from_dict(window.document.content))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_hung_worker_is_stopped_and_the_next_edit_renders(qtbot, window):
    open_tsb(qtbot, window)
    window.renderer.timeout = 1.0
    os.kill(window.renderer.pid, signal.SIGSTOP)  # a worker that never answers
    type_text(paragraph(window, 1), " ب")
    wait_preview(qtbot, window)
    pane = window.preview_pane
    assert isinstance(pane.failure, RenderFailure) and pane.failure.bug
    assert pane.failure.message.startswith("استغرقت المعاينة أكثر من 1 ثانية")
    assert pane.view.sizes and pane.view.dimmed
    window.renderer.timeout = 60.0  # (a new worker's cold start on a busy machine can take more than 1 s)
    type_text(paragraph(window, 1), "ت")
    wait_preview(qtbot, window)
    assert pane.failure is None and pane.latest.pdf == render_pdf(Circular.from_dict(window.document.content))


def test_export_writes_the_previewed_bytes_of_the_saved_circular(qtbot, window, tmp_path, monkeypatch):
    record_id = open_tsb(qtbot, window)
    target = tmp_path / "out" / "exported.pdf"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (asked.append(args[2]), (str(target), ""))[1])
    window.act_export_pdf.trigger()
    wait_store(qtbot, window)
    qtbot.waitUntil(target.exists)
    saved = window.client.wait(lambda repo: repo.get(record_id)).circular
    assert target.read_bytes() == render_pdf(saved) == window.preview_pane.latest.pdf
    assert Path(asked[0]).name == "TSB Circular 92-مسودة.pdf", "named after the reference, saying it is a draft"


def test_export_refuses_an_invalid_circular_with_the_reason(qtbot, window, tmp_path, monkeypatch):
    open_tsb(qtbot, window)
    window.document.edit(("date",), "2023-13-01", "date")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no file is asked for"))
    seen = []
    answer_next_dialog(seen=seen)
    window.act_export_pdf.trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["التاريخ: ليس تاريخاً"]


def test_printing_to_a_pdf_file_gives_every_page_on_a4(qtbot, window, tmp_path):
    open_tsb(qtbot, window)
    pdf = window.preview_pane.latest.pdf
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    steps = []
    assert printing.paint_pdf(printer, pdf, window.pdfium, lambda done, total: steps.append((done, total)) or True)
    def measure():  # (on the window's PDFium thread: one PDFium call at a time)
        printed, source = pdfium.PdfDocument(str(out)), pdfium.PdfDocument(pdf)
        try:
            sizes = [printed[i].get_size() for i in range(len(printed))]
            # the printed page looks like the PDF's page: as many dark pixels where the text is
            dark = [sum(d[0].render(scale=1).to_pil().convert("L").histogram()[:128]) for d in (printed, source)]
            return len(printed), len(source), sizes, dark
        finally:
            printed.close()
            source.close()
    printed_pages, source_pages, sizes, (dark_printed, dark_source) = window.pdfium.thread.wait(measure)
    assert printed_pages == source_pages == 2
    assert all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in sizes), "A4, at 100 %"
    assert steps[-1][0] == steps[-1][1] >= 2
    assert abs(dark_printed - dark_source) < 0.05 * dark_source


def test_print_to_a_pdf_file_writes_the_exported_bytes_with_their_text(qtbot, window, tmp_path):
    open_tsb(qtbot, window)
    pdf = window.preview_pane.latest.pdf
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert printing.print_to(printer, pdf, window.pdfium)
    assert out.read_bytes() == pdf, "the vector PDF itself, not pictures of its pages"


def test_changes_align_paragraphs_and_name_each_changed_part():
    from circular_editor.ui.compare import changes

    old = {"subject": "أ", "addressees": ["س", "ص"], "body": [{"type": "paragraph", "text": t} for t in "ABCD"]}
    new = {"subject": "ب", "addressees": ["س"],
           "body": [{"type": "paragraph", "text": t} for t in ("A", "X", "B", "C2", "D")]}
    found = [(c.kind, c.where, c.old, c.new) for c in changes(old, new)]
    assert found == [("changed", "الموضوع", "أ", "ب"), ("changed", "إلى", "س\nص", "س"),
                     ("added", "الفقرة 2", "", "X"), ("changed", "الفقرة 4", "C", "C2")]


def test_what_changed_shows_a_version_beside_now(qtbot, window):
    record_id = open_tsb(qtbot, window)
    type_text(paragraph(window, 1), " مدينة قرطبة")
    window.operations.save()
    wait_store(qtbot, window)
    assert window.client.wait(lambda repo: [v.number for v in repo.versions(record_id)]) == [1]
    seen = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "compare":
            return False
        seen.append(dialog)
        return all(p.latest is not None for p in dialog.panes)
    answer_next_dialog("قارن بالحالية…")  # in the history dialog

    def check_then_close():
        if not inspect():
            QTimer.singleShot(50, check_then_close)
            return
        dialog = seen[-1]
        old, new = (p.latest.pdf for p in dialog.panes)
        seen.append(("pdfs", "قرطبة" in pdf_text(window, old), "قرطبة" in pdf_text(window, new)))
        seen.append(("changes", [dialog.list.item(i).text() for i in range(dialog.list.count())]))
        dialog.reject()
    QTimer.singleShot(100, check_then_close)
    window.act_history.trigger()
    qtbot.waitUntil(lambda: any(isinstance(s, tuple) and s[0] == "changes" for s in seen), timeout=20_000)
    assert ("pdfs", False, True) in seen
    assert ("changes", ["الفقرة 2: تغيّرت"]) in seen


def test_zoom_and_scroll_position_survive_a_new_rendering(qtbot, window):
    open_tsb(qtbot, window)
    view = window.preview_pane.view
    view.set_zoom("zoom", 2.0)
    view.go_to_page(2)
    qtbot.waitUntil(lambda: view.visible_pages() and view.visible_pages()[0] == 1)
    zoom, position = view.zoom_percent(), view.verticalScrollBar().value()
    qtbot.waitUntil(lambda: 1 in view.images and abs(view.images[1][0] - view.raster_scale()) < 1e-3)
    type_text(paragraph(window, 1), " ج")
    before = window.preview_pane.latest
    wait_preview(qtbot, window)
    assert window.preview_pane.latest is not before
    assert (view.zoom_percent(), view.verticalScrollBar().value()) == (zoom, position) == (200, position)
    assert window.preview_pane.page.value() == 2
    assert set(view.images) <= {0, 1}, "only the pages in view (and near it) are rasterised"


def test_sign_and_export_then_verify_from_the_window(qtbot, window, tmp_path, monkeypatch):
    ca = ThrowawayCA()
    p12 = ca.signer_p12(tmp_path / "me.p12", "Doreen Bogdan-Martin")
    record = window.client.wait(lambda repo: next(s for s in repo.search() if s.style == "bdt"))
    window.client.wait(lambda repo: repo.finalize(record.id))
    window.open_record(record.id)
    wait_store(qtbot, window)
    wait_preview(qtbot, window)
    assert window.act_sign.isEnabled()
    out = tmp_path / "signed.pdf"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(p12), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    prompts, answers = [], iter(["wrong", "secret"])  # a wrong password is asked again, before the save dialog
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda _p, _t, text, *a, **k: (prompts.append(text), (next(answers), True))[1])
    asked = []  # the certificate names Doreen in Latin letters, the block in Arabic: confirmed once, remembered
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a, **k: (asked.append(text), QMessageBox.StandardButton.Yes)[1])
    window.act_sign.trigger()
    qtbot.waitUntil(lambda: window.document is not None and window.document.status == "sent", timeout=20_000)
    assert len(prompts) == 2 and "me.p12" in prompts[0]  # in Arabic: "wrong password" the second time
    assert "غير صحيحة" in prompts[1] and "غير صحيحة" not in prompts[0]
    assert len(asked) == 1 and "Doreen Bogdan-Martin" in asked[0] and "دورين" in asked[0]
    (report,) = verify_pdf(out.read_bytes(), [ca.pem(tmp_path / "ca.pem")])
    assert report.signer == "Doreen Bogdan-Martin" and report.intact and report.trusted and not report.changes
    stored = window.client.wait(lambda repo: repo.get(record.id))
    assert stored.signed[-1].file == str(out) and stored.status == "sent" and stored.signed_blocks == {0}
    known = window.client.wait(lambda repo: repo.known_certificates("دورين بوغدان-مارتن"))
    assert len(known) == 1

    window.settings.trust_roots = str(tmp_path / "ca.pem")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    seen = []
    answer_next_dialog(seen=seen)
    window.act_verify.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "Doreen Bogdan-Martin" in seen[0] and "intact, unchanged and trusted" in seen[0]

    forged = tmp_path / "forged.pdf"  # a content stream appended after the signature
    forged.write_bytes(out.read_bytes() + b"\n99 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(forged), ""))
    seen.clear()
    answer_next_dialog(seen=seen)
    window.act_verify.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "bytes were added to the file after Doreen Bogdan-Martin signed" in seen[0]
    assert "تغيَّر بعد توقيعه" in seen[0], "'changed after it was signed', in the interface's language"

    seen.clear()  # every block is signed: nothing more to sign
    answer_next_dialog(seen=seen)
    window.act_sign.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "وقَّع جميع موقِّعي هذه الرسالة" in seen[0]  # "every signatory of this letter has signed it"


def test_a_joint_letter_half_signed_says_how_far_it_is_in_the_title(qtbot, window):
    record = window.client.wait(lambda repo: next(s for s in repo.search() if s.style == "sg"))
    window.client.wait(lambda repo: repo.finalize(record.id))
    window.client.wait(lambda repo: repo.mark_signed(record.id, "/nowhere/signed-1.pdf", "0" * 64, "A", 0, 2))
    window.open_record(record.id)
    wait_store(qtbot, window)
    qtbot.waitUntil(lambda: window.document is not None and window.document.record_id == record.id)
    assert "وُقِّعت 1 من 2" in window.windowTitle()  # "final, signed 1 of 2"
    assert window.client.wait(lambda repo: repo.get(record.id)).status == "final"
