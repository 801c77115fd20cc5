"""The editor window, offscreen, on a real store in a temporary folder, typed into with key events."""
import json
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from uitools import answer_next_dialog, close_window, make_window, press, type_text, wait_store

from circular_editor import styles
from circular_editor.paths import examples
from circular_editor.store import Repository
from circular_editor.ui.fields import LinesField, TextField


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    yield window
    close_window(window)


def body_field(window, index: int) -> TextField:
    return window.form.findChild(TextField, f"block-{index}")


def test_a_circular_of_each_style_is_created_from_its_template_and_saved(qtbot, window):
    for key in styles.names():
        window.new_circular(key)
        style = styles.load(key)
        content = window.document.content
        assert (content["style"], content["place"], content["salutation"]) == (key, style.place, style.salutation)
        assert content["signatories"][0]["name"] == style.signatories[0].name
        type_text(window.form.fields[("subject",)], f"موضوع {key}")
        assert window.document.modified and window.isWindowModified()
        window.operations.save()
        wait_store(qtbot, window)
        assert not window.document.modified and not window.isWindowModified()
    saved = window.client.wait(lambda repo: [(s.style, s.subject) for s in repo.search()])
    assert sorted(saved) == sorted((key, f"موضوع {key}") for key in styles.names())


def test_typing_arabic_into_subject_paragraph_and_list_item_then_undo_and_redo(qtbot, window):
    window.new_circular("tsb")
    start = json.loads(json.dumps(window.document.content))
    type_text(window.form.fields[("subject",)], "اجتماعُ المجموعة")
    type_text(body_field(window, 0), "يسعدني أن أدعوكم، هاتف +41 22 730 5111.")
    blocks = window.form.fields[("body",)]
    blocks.add(entry={"type": "list", "ordered": False, "items": [""]})
    type_text(body_field(window, 1), "البند الأول")
    content = window.document.content
    assert content["subject"] == "اجتماعُ المجموعة"
    assert content["body"][0]["text"] == "يسعدني أن أدعوكم، هاتف +41 22 730 5111."
    assert content["body"][1] == {"type": "list", "ordered": False, "items": ["البند الأول"]}
    edited = json.loads(json.dumps(content))
    assert window.document.stack.count() == 4, "typing in one field is one step: subject, paragraph, add, item"
    while window.act_undo.isEnabled():
        window.act_undo.trigger()
    assert window.document.content == start and window.document.modified, "a new circular is not saved yet"
    assert window.form.fields[("subject",)].text() == ""
    while window.act_redo.isEnabled():
        window.act_redo.trigger()
    assert window.document.content == edited
    assert body_field(window, 0).text() == edited["body"][0]["text"]


def test_the_undo_key_in_a_field_is_the_window_s_undo(qtbot, window):
    window.new_circular("sg")
    subject = window.form.fields[("subject",)]
    type_text(subject, "نص")
    press(subject, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.document.content["subject"] == "")
    assert subject.text() == ""


def test_addressees_are_reordered_from_the_keyboard(qtbot, window):
    window.new_circular("tsb")
    field = window.form.fields[("addressees",)]
    assert isinstance(field, LinesField)
    type_text(field, "الإدارات\nأعضاء القطاع\nالمنتسبون")
    assert window.document.content["addressees"] == ["الإدارات", "أعضاء القطاع", "المنتسبون"]
    press(field, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # the cursor is on the last line
    assert window.document.content["addressees"] == ["الإدارات", "المنتسبون", "أعضاء القطاع"]
    window.act_undo.trigger()
    assert window.document.content["addressees"] == ["الإدارات", "أعضاء القطاع", "المنتسبون"]


def test_blocks_are_moved_and_change_type_as_undoable_steps(qtbot, window):
    window.new_circular("bdt")
    type_text(body_field(window, 0), "الفقرة الأولى")
    blocks = window.form.fields[("body",)]
    blocks.add()
    type_text(body_field(window, 1), "الثانية")
    blocks.move(1, -1)
    assert [b["text"] for b in window.document.content["body"]] == ["الثانية", "الفقرة الأولى"]
    blocks.change_kind(0, 2)
    assert window.document.content["body"][0] == {"type": "list", "ordered": True, "items": ["الثانية"]}
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert [b["text"] for b in window.document.content["body"]] == ["الفقرة الأولى", "الثانية"]


def test_saved_circular_is_found_again_by_an_arabic_search_with_other_harakat(qtbot, tmp_path):
    first = make_window(qtbot, tmp_path)
    first.new_circular("tsb")
    type_text(first.form.fields[("subject",)], "اجتماعُ الاتِّحادِ الدوليّ")
    first.operations.save()
    wait_store(qtbot, first)
    close_window(first)
    again = make_window(qtbot, tmp_path)
    try:
        type_text(again.list_pane.search_box, "الاتحاد الدولي")
        qtbot.waitUntil(lambda: len(again.list_pane.model.summaries) == 1 and
                        again.list_pane.model.summaries[0].subject.startswith("اجتماعُ"), timeout=5000)
        type_text(again.list_pane.search_box, "ة")  # no circular has this word
        qtbot.waitUntil(lambda: again.list_pane.model.summaries == [], timeout=5000)
        again.list_pane.search_box.clear()
        qtbot.waitUntil(lambda: len(again.list_pane.model.summaries) == 1, timeout=5000)
        again.list_pane.open_requested.emit(again.list_pane.model.summaries[0].id)
        wait_store(qtbot, again)
        assert again.document.content["subject"] == "اجتماعُ الاتِّحادِ الدوليّ"
    finally:
        close_window(again)


def test_finalize_allocates_the_reference_and_makes_the_form_read_only(qtbot, window):
    window.new_circular("tsb")
    seen = []
    answer_next_dialog(seen=seen)
    window.operations.finalize()  # incomplete: refused with the reason, nothing asked
    assert any("الموضوع" in str(text) for text in seen)
    assert window.document.status == "draft"
    label = window.form._errors[("subject",)]
    assert label.isVisible() and label.text()
    type_text(window.form.fields[("subject",)], "الموضوع")
    type_text(window.form.fields[("addressees",)], "الإدارات")
    type_text(body_field(window, 0), "نص الرسالة.")
    answer_next_dialog()
    window.operations.finalize()
    wait_store(qtbot, window)
    qtbot.waitUntil(lambda: window.document.status == "final", timeout=5000)
    assert window.document.content["reference"] == "TSB Circular 1"
    assert window.form.fields[("subject",)].isReadOnly() and body_field(window, 0).isReadOnly()
    assert not window.act_save.isEnabled() and window.act_sent.isEnabled() and window.act_reopen.isEnabled()
    type_text(window.form.fields[("subject",)], "x")
    assert window.document.content["subject"] == "الموضوع"


def test_a_deleted_circular_is_recovered_from_the_window(qtbot, window):
    window.new_circular("sg")
    type_text(window.form.fields[("subject",)], "سيحذف")
    window.operations.save()
    wait_store(qtbot, window)
    record_id = window.document.record_id
    window.operations.delete()
    wait_store(qtbot, window)
    assert window.document is None and window.list_pane.model.summaries == []
    assert window.act_undelete.isEnabled()
    window.operations.undelete()
    wait_store(qtbot, window)
    assert window.document.record_id == record_id and window.document.content["subject"] == "سيحذف"
    qtbot.waitUntil(lambda: [s.id for s in window.list_pane.model.summaries] == [record_id], timeout=5000)


def test_a_validation_error_is_shown_on_its_field_and_saving_is_refused_with_the_reason(qtbot, window):
    window.new_circular("tsb")
    window.document.edit(("subject",), "م" * 1200, "paste")
    qtbot.waitUntil(lambda: window.form._errors[("subject",)].isVisible(), timeout=3000)
    assert "1,200" in window.form._errors[("subject",)].text()
    assert window.statusBar().currentMessage().startswith("الموضوع: طويل جداً: 1,200 حرفاً")
    seen = []
    answer_next_dialog(seen=seen)
    assert window.operations.save() is False
    assert any("الموضوع" in str(text) for text in seen)


def test_a_character_no_font_has_is_named_under_its_field_and_the_circular_still_saves(qtbot, window):
    window.new_circular("tsb")
    type_text(window.form.fields[("subject",)], "اجتماع")
    type_text(body_field(window, 0), "نص 📄 يُطبع ثم 𓀀")  # the emoji has a face (Symbola); the hieroglyph none
    label = window.form._errors[("body",)]
    qtbot.waitUntil(label.isVisible, timeout=3000)
    assert "U+13000" in label.text() and "𓀀" in label.text() and "مربع" in label.text()
    assert "📄" not in label.text()
    window.operations.save()
    wait_store(qtbot, window)
    assert window.document.record_id is not None and not window.document.modified


def test_the_form_follows_a_template_added_in_a_templates_folder(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "templates"
    folder.mkdir()
    text = (styles.TEMPLATES / "bdt.toml").read_text(encoding="utf-8")
    assert 'person = "للاتصال:"' in text
    (folder / "br.toml").write_text(text.replace('person = "للاتصال:"', 'person = "المسؤول:"').replace(
        "مكتب تنمية الاتصالات", "مكتب الاتصالات الراديوية"), encoding="utf-8")
    monkeypatch.setenv(styles.TEMPLATES_ENV, str(folder))
    window = make_window(qtbot, tmp_path)
    try:
        window.menus.fill_new()
        assert any("BR" in a.text() for a in window.menus.new_menu.actions())
        window.new_circular("br")
        captions = [label.text().replace("&", "") for label in window.form.findChildren(QLabel)]  # (mnemonics aside)
        assert "المسؤول" in captions and "مكتب الاتصالات الراديوية" in captions
    finally:
        close_window(window)


def test_the_example_circulars_open_with_every_value_in_its_field(qtbot, window):
    window.client.import_files([str(p) for p in examples()]).result(timeout=60)
    for record_id in (1, 2, 3):
        window.open_record(record_id)
        wait_store(qtbot, window)
        expected = window.client.wait(lambda repo: repo.get(record_id).circular.to_dict())
        assert window.document.content == expected and not window.document.modified
        assert window.form.fields[("subject",)].text() == expected["subject"]
        assert body_field(window, 0).text() == expected["body"][0].get("text", "\n".join(
            expected["body"][0].get("items", [])))


def test_a_second_instance_is_refused_and_may_read(qtbot, tmp_path):
    owner = make_window(qtbot, tmp_path)
    try:
        from circular_editor.store import StoreLocked
        from circular_editor.ui.app import open_store
        with pytest.raises(StoreLocked, match="in use by process"):
            Repository(tmp_path / "db")
        seen = []
        answer_next_dialog(seen=seen)
        reader = open_store(tmp_path / "db")
        assert reader is not None and reader.read_only
        assert any("مستخدَم من العملية" in text and str(os.getpid()) in text for text in seen), seen
        reader.close()
    finally:
        close_window(owner)


def test_a_contact_detail_typed_then_cleared_leaves_the_circular_as_it_was(qtbot, window):
    window.new_circular("sg")
    before = json.loads(json.dumps(window.document.content))
    phone = window.form.fields[("contact", "phone")]
    type_text(phone, "+41 22 730 5111")
    assert window.document.content["contact"] == {"phone": "+41 22 730 5111"}
    phone.selectAll()
    press(phone, Qt.Key.Key_Backspace)
    assert window.document.content == before, "no empty contact table left behind"


def test_a_damaged_store_is_repaired_from_its_backup_at_start_keeping_the_rest(qtbot, tmp_path):
    from circular_editor.ui.app import open_store

    db = tmp_path / "db"
    with Repository(db) as store:
        store.import_files([str(p) for p in examples()])
    Repository(db).close()  # this open takes a backup of the three
    (db / "circulars-02.json").write_text("", encoding="utf-8")
    seen = []
    answer_next_dialog("إصلاح من النسخة الاحتياطية", seen=seen)
    client = open_store(db)
    try:
        assert client is not None and not client.read_only
        assert "circulars-02.json" in seen[0]
        assert sorted(s.id for s in client.wait(lambda repo: repo.search())) == [1, 2, 3]
    finally:
        client.close()


def test_long_work_shows_a_busy_bar_keeps_the_window_live_and_hands_back_its_result_or_error(qtbot):
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from circular_editor.ui.dialogs import while_busy

    seen = []
    ticks = []
    timer = QTimer(interval=50, timeout=lambda: ticks.append(1))  # the GUI thread still turns
    timer.start()
    QTimer.singleShot(800, lambda: seen.extend(w.labelText() for w in QApplication.topLevelWidgets()
                                               if isinstance(w, QProgressDialog) and w.isVisible()))
    assert while_busy("Repairing…", lambda: time.sleep(1.2) or 42) == 42
    timer.stop()
    assert seen == ["Repairing…"] and len(ticks) >= 10
    with pytest.raises(ValueError, match="broken"):
        while_busy("Repairing…", lambda: (_ for _ in ()).throw(ValueError("broken")))
