"""The bureau server in the window (issue 28): the status bar's sync state, another desk's change heard and shown,
a conflict shown and resolved, offline said; against a real PostgreSQL."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bureau"))

from bureautools import Desk, bureau, draft, pg  # noqa: E402, F401 (the fixtures)
from uitools import close_window, make_window, wait_store  # noqa: E402

from circular_editor.model import Circular  # noqa: E402
from circular_editor.store import Repository  # noqa: E402


def joined_window(qtbot, bureau, tmp_path, port=None, role="signatory"):
    name, dsn = bureau.person(role)
    if port is not None:
        dsn = dsn.replace(f"port={bureau.pg.port}", f"port={port}")
    with Repository(tmp_path / "db") as store:
        store.join(dsn.rsplit(" password=", 1)[0], "tsb")
    window = make_window(qtbot, tmp_path, language="en")
    window.bureau.password = dsn.rsplit("password=", 1)[1]
    window.start()
    qtbot.waitUntil(lambda: window.bureau.joined, timeout=10_000)
    return window


def test_another_desk_s_change_appears_within_seconds_and_the_state_says_synced(qtbot, bureau, tmp_path):
    window = joined_window(qtbot, bureau, tmp_path)
    try:
        qtbot.waitUntil(lambda: window.bureau.label.text() == "Bureau: synced", timeout=10_000)
        other = Desk(bureau, tmp_path / "other")
        other.save(draft("من مكتب آخر"))
        other.sync()
        qtbot.waitUntil(lambda: [s.subject for s in window.list_pane.model.summaries] == ["من مكتب آخر"],
                        timeout=10_000)
    finally:
        wait_store(qtbot, window)
        close_window(window)


def test_a_conflict_is_shown_above_the_form_and_resolved_from_there(qtbot, bureau, tmp_path):
    window = joined_window(qtbot, bureau, tmp_path)
    try:
        other = Desk(bureau, tmp_path / "other")
        theirs_id = other.save(draft("الأصل"))
        other.sync()
        qtbot.waitUntil(lambda: len(window.list_pane.model.summaries) == 1, timeout=10_000)
        window.bureau.every.stop()
        window.bureau.close()  # (no sync in between: both desks edit from the same version)
        mine_id = window.list_pane.model.summaries[0].id
        window.client.wait(lambda repo: repo.save(draft("نسخة هذا المكتب"), mine_id))
        other.save(draft("نسخة المكتب الآخر"), theirs_id)
        other.sync()
        window.bureau.link = window.client.wait(lambda repo: repo.bureau())
        window.bureau.sync_now()
        qtbot.waitUntil(lambda: window.bureau.label.text() == "Bureau: 1 conflict(s)", timeout=10_000)
        window.open_record(mine_id)
        qtbot.waitUntil(lambda: window.bureau.conflict_bar.isVisible(), timeout=10_000)
        assert other.name in window.bureau.conflict_text.text()
        take_theirs = [a for a in window.bureau.conflict_bar.actions() if a.text() == "Take the server's version"][0]
        take_theirs.trigger()
        qtbot.waitUntil(lambda: window.document.content["subject"] == "نسخة المكتب الآخر", timeout=10_000)
        assert not window.bureau.conflict_bar.isVisible()
    finally:
        wait_store(qtbot, window)
        close_window(window)


def test_an_unreachable_server_is_offline_since_a_time_and_local_work_goes_on(qtbot, bureau, tmp_path):
    from pgserver import free_port
    window = joined_window(qtbot, bureau, tmp_path, port=free_port())
    try:
        qtbot.waitUntil(lambda: window.bureau.label.text().startswith("Bureau: offline since "), timeout=15_000)
        record = window.client.wait(lambda repo: repo.save(draft("بلا شبكة")))
        assert window.client.wait(lambda repo: repo.get(record.id)).circular.subject == "بلا شبكة"
    finally:
        wait_store(qtbot, window)
        close_window(window)


def test_the_signatory_workflow_in_two_windows(qtbot, bureau, tmp_path):
    """The assistant submits; the signatory's window lists it under Waiting for me and shows the review bar; the
    signatory returns it with a note, which the assistant's window shows above the form."""
    from circular_editor.bureau import sync
    from circular_editor.bureau import workflow as on_server
    assistant = joined_window(qtbot, bureau, tmp_path / "a", role="assistant")
    signatory = joined_window(qtbot, bureau, tmp_path / "s")
    try:
        me = signatory.workflow.me
        letter = draft("للمراجعة").to_dict()
        letter["signatories"] = [{"note": "", "name": "سيزو أونوي", "title": "المدير"}]
        record = assistant.client.wait(lambda repo: repo.save(Circular.from_dict(letter)))
        assistant.client.wait(lambda repo: sync.sync(repo, lambda *_: assistant.bureau.password))
        password = assistant.bureau.password
        assistant.client.wait(lambda repo: on_server.submit(repo, record.id, [me], password=lambda *_: password))
        assistant.open_record(record.id)
        qtbot.waitUntil(lambda: assistant.document is not None and assistant.document.read_only, timeout=10_000)
        assert assistant.act_take_back.isEnabled() and not assistant.act_save.isEnabled()
        assert "read-only until it is taken back" in assistant.workflow.text.text()

        signatory.bureau.sync_now()
        qtbot.waitUntil(lambda: len(signatory.workflow.waiting_ids) == 1, timeout=10_000)
        assert "1 waiting for me" in signatory.windowTitle()
        signatory.act_waiting.trigger()
        qtbot.waitUntil(lambda: len(signatory.list_pane.model.summaries) == 1, timeout=10_000)
        signatory.open_record(signatory.workflow.waiting_ids[0])
        qtbot.waitUntil(lambda: signatory.workflow.reviewing(), timeout=10_000)
        assert signatory.act_return.isEnabled() and signatory.act_finalize.isEnabled()
        assert "Submitted to you for review" in signatory.workflow.text.text()
        record_on_s = signatory.document.record_id
        signatory.client.wait(lambda repo: on_server.send_back(repo, record_on_s, "أضيفوا تاريخ الاجتماع",
                                                            lambda *_: signatory.bureau.password))

        assistant.bureau.sync_now()
        qtbot.waitUntil(lambda: "أضيفوا تاريخ الاجتماع" in assistant.workflow.text.text(), timeout=10_000)
        assert not assistant.document.read_only and assistant.act_submit.isEnabled()
    finally:
        for window in (assistant, signatory):
            wait_store(qtbot, window)
            close_window(window)
