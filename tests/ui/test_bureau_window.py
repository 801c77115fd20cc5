"""The bureau server in the window (issue 28): the status bar's sync state, another desk's change heard and shown,
a conflict shown and resolved, offline said; against a real PostgreSQL."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bureau"))

from bureautools import Desk, bureau, draft, pg  # noqa: E402, F401 (the fixtures)
from uitools import close_window, make_window, wait_store  # noqa: E402

from circular_editor.store import Repository  # noqa: E402


def joined_window(qtbot, bureau, tmp_path, port=None):
    name, dsn = bureau.person("signatory")
    if port is not None:
        dsn = dsn.replace(f"port={bureau.pg.port}", f"port={port}")
    with Repository(tmp_path / "db") as store:
        store.join(dsn.rsplit(" password=", 1)[0], "tsb")
    window = make_window(qtbot, tmp_path, language="en")
    window.bureau.password = dsn.rsplit("password=", 1)[1]
    window.start()
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
