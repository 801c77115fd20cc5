"""The window's commands, enabled by one table of rules (ui/actions.py), and the window following it."""
import pytest
from uitools import close_window, make_window, wait_store

from circular_editor.paths import examples
from circular_editor.ui.actions import RULES, State, enabled

DRAFT = State(open=True, editable=True, status="draft", stored=True)
FINAL = State(open=True, editable=False, status="final", stored=True)
SENT = State(open=True, editable=False, status="sent", stored=True)
NOTHING_OPEN = State()
READ_ONLY_STORE = State(open=True, store_writable=False, editable=False, status="final", stored=True)
JOINED_DRAFT = State(open=True, editable=True, status="draft", stored=True, joined=True)
SUBMITTED = State(open=True, editable=False, status="draft", stored=True, joined=True, submitted=True)
REVIEWING = State(open=True, editable=False, status="draft", stored=True, joined=True, submitted=True,
                  reviewing=True)


@pytest.mark.parametrize("state,name,expected", [
    (DRAFT, "sign", False),  # a draft can still change: it is never signed
    (DRAFT, "finalize", True), (DRAFT, "save", True), (DRAFT, "sent", False), (DRAFT, "reopen", False),
    (FINAL, "finalize", False), (FINAL, "save", False), (FINAL, "bold", False),
    (FINAL, "sign", True), (FINAL, "sent", True), (FINAL, "reopen", True),
    (SENT, "sent", False), (SENT, "sign", True),  # (a joint letter marked sent by hand may still gather signatures)
    (NOTHING_OPEN, "export_pdf", False), (NOTHING_OPEN, "print", False), (NOTHING_OPEN, "history", False),
    (NOTHING_OPEN, "new", True), (NOTHING_OPEN, "undelete", False),
    (READ_ONLY_STORE, "sign", False), (READ_ONLY_STORE, "new", False), (READ_ONLY_STORE, "import", False),
    (READ_ONLY_STORE, "export_pdf", True), (READ_ONLY_STORE, "duplicate", False),
    (State(open=True, editable=True, status="draft", stored=False), "delete", False),
    (State(deleted_to_restore=True), "undelete", True),
    # the signatory workflow: submitted is read-only for the assistant; its signatory may return or finalize it
    (DRAFT, "submit", False), (JOINED_DRAFT, "submit", True), (JOINED_DRAFT, "take_back", False),
    (SUBMITTED, "save", False), (SUBMITTED, "finalize", False), (SUBMITTED, "take_back", True),
    (SUBMITTED, "return", False), (SUBMITTED, "submit", False),
    (REVIEWING, "finalize", True), (REVIEWING, "return", True), (REVIEWING, "take_back", False),
    (REVIEWING, "save", False), (REVIEWING, "sign", False),
])
def test_the_rules(state, name, expected):
    assert enabled(state)[name] is expected


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.client.import_files([str(p) for p in examples()]).result(timeout=60)
    wait_store(qtbot, window)
    yield window
    close_window(window)


def test_the_window_follows_the_rules_for_a_draft_and_a_final_circular(qtbot, window):
    assert all(hasattr(window, f"act_{name}") for name in RULES), "every rule names one of the window's actions"
    record = window.client.wait(lambda repo: repo.search()[0])
    window.open_record(record.id)
    for status in ("draft", "final"):
        if status == "final":  # finalized as the Finalize command does: the window shows the new version
            window.client.call(lambda repo: repo.finalize(record.id), done=window.show_record)
        wait_store(qtbot, window)
        qtbot.waitUntil(lambda: window.document is not None and window.document.status == status)
        assert window.act_sign.isEnabled() is (status == "final")
        assert window.act_finalize.isEnabled() is (status == "draft")
        assert window.act_save.isEnabled() is (status == "draft")


def test_the_recent_menu_lists_what_was_opened_without_waiting_on_the_store(qtbot, window):
    summaries = window.client.wait(lambda repo: repo.search())
    for summary in summaries[:2]:
        window.open_record(summary.id)
        wait_store(qtbot, window)
        qtbot.waitUntil(lambda s=summary: window.document is not None and window.document.record_id == s.id)
    wait_store(qtbot, window)  # (the summaries fetched after each opening)
    window.menus.fill_recent(None)  # what aboutToShow does: fills from what was fetched, asks for fresh ones
    texts = [a.text() for a in window.menus.recent_menu.actions()]
    assert len(texts) == 2 and summaries[1].reference in texts[0] and summaries[0].reference in texts[1]
    wait_store(qtbot, window)
