"""The bureau server against a real PostgreSQL (issue 28): desks with their own stores editing, syncing,
conflicting and resolving; one numbering authority; the server's own refusals; faults."""
import random
import signal
import subprocess
import sys
import threading
import time

import psycopg
import pytest
from bureautools import Desk, bureau, draft, pg, server_rows  # noqa: F401 (the fixtures)

from circular_editor.bureau import sync
from circular_editor.bureau.connect import BureauError, Offline, connect
from circular_editor.store import NotAllowed, Repository


def test_two_desks_edit_and_sync_each_other_s_circulars(bureau, tmp_path):
    a, b = Desk(bureau, tmp_path / "a"), Desk(bureau, tmp_path / "b")
    first = a.save(draft("مسودة من المكتب الأول"))
    assert a.sync().pushed == 1
    report = b.sync()
    assert report.pulled == 1 and list(b.subjects().values()) == ["مسودة من المكتب الأول"]
    gid = a.get(first).gid
    with Repository(b.folder) as store:
        on_b = store.find_gid(gid)
    b.save(draft("عدّلها المكتب الثاني"), on_b)
    b.sync()
    a.sync()
    assert a.get(first).circular.subject == "عدّلها المكتب الثاني"
    (row,) = server_rows(bureau)
    assert row[:4] == (gid, 2, "draft", "عدّلها المكتب الثاني")
    with psycopg.connect(bureau.admin) as conn:
        saved_by = [r[0] for r in conn.execute("SELECT saved_by FROM ce.versions ORDER BY version").fetchall()]
    assert saved_by == [a.name, b.name], "every version kept, with who saved it (the server's word)"


def test_a_listening_desk_hears_another_desk_s_change_within_seconds(bureau, tmp_path):
    a, b = Desk(bureau, tmp_path / "a"), Desk(bureau, tmp_path / "b")
    with Repository(b.folder) as store:
        conn = sync.listen(store, b.ask)
    try:
        assert not sync.wait_for_change(conn, "tsb", 0.2), "nothing announced yet"
        a.save(draft("خبر جديد"))
        started = time.monotonic()
        a.sync()
        assert sync.wait_for_change(conn, "tsb", 10) and time.monotonic() - started < 5
    finally:
        conn.close()
    assert b.sync().pulled == 1


def conflicting(bureau, tmp_path, first: str, second: str):
    """Two desks, one circular, both changed from the same version (desk a's change reaches the server first):
    (a, b, its id on a, its id on b, b's sync report)."""
    a, b = Desk(bureau, tmp_path / "a"), Desk(bureau, tmp_path / "b")
    on_a = a.save(draft("الأصل"))
    a.sync()
    b.sync()
    with Repository(b.folder) as store:
        on_b = store.find_gid(a.get(on_a).gid)
    a.save(draft(first), on_a)
    b.save(draft(second), on_b)
    a.sync()
    return a, b, on_a, on_b, b.sync()


def test_a_conflict_keeps_both_versions_until_a_person_chooses(bureau, tmp_path):
    a, b, on_a, on_b, report = conflicting(bureau, tmp_path, "نسخة المكتب الأول", "نسخة المكتب الثاني")
    assert report.conflicts == [on_b]
    mine = b.get(on_b)
    assert mine.circular.subject == "نسخة المكتب الثاني" and mine.conflict["content"]["subject"] == "نسخة المكتب الأول"
    assert server_rows(bureau)[0][3] == "نسخة المكتب الأول", "the server's version is not overwritten"
    assert b.sync().conflicts == [on_b], "a conflict is not pushed until resolved"
    with Repository(b.folder) as store:
        store.resolve(on_b, "mine")
    b.sync()
    a.sync()
    assert a.get(on_a).circular.subject == "نسخة المكتب الثاني" and server_rows(bureau)[0][1] == 3
    with Repository(a.folder) as store:  # the desk whose version lost keeps it in its history
        assert [v.subject for v in store.versions(on_a)][0] == "نسخة المكتب الأول"


def test_resolving_with_theirs_takes_the_server_version(bureau, tmp_path):
    a, b, on_a, on_b, _ = conflicting(bureau, tmp_path, "الخادم", "المكتب")
    with Repository(b.folder) as store:
        assert store.resolve(on_b, "theirs").circular.subject == "الخادم"
        assert [v.subject for v in store.versions(on_b)][0] == "المكتب"
    assert b.sync().conflicts == [] and server_rows(bureau)[0][1] == 2


def test_twenty_concurrent_finalizes_from_five_desks_get_twenty_consecutive_references(bureau, tmp_path):
    desks = [Desk(bureau, tmp_path / f"d{n}", "signatory") for n in range(5)]
    ids = {desk: [desk.save(draft(f"تعميم {n}-{k}")) for k in range(4)] for n, desk in enumerate(desks)}
    for desk in desks:
        desk.sync()
    errors = []

    def run(desk):
        try:
            with Repository(desk.folder) as store:
                for record_id in ids[desk]:
                    sync.finalize(store, record_id, desk.ask)
        except Exception as exc:  # (reported below)
            errors.append(exc)
    threads = [threading.Thread(target=run, args=(desk,)) for desk in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    references = sorted(int(r[4].rsplit(" ", 1)[1]) for r in server_rows(bureau) if r[2] == "final")
    assert len(references) == 20 and references == list(range(references[0], references[0] + 20))
    for desk in desks:
        for record_id in ids[desk]:
            record = desk.get(record_id)
            assert record.status == "final" and record.circular.reference.startswith("TSB Circular ")


def test_a_joined_desk_never_numbers_alone_and_an_offline_finalize_is_refused(bureau, pg, tmp_path):
    desk = Desk(bureau, tmp_path / "a", "signatory")
    record_id = desk.save(draft("للإنهاء"))
    with Repository(desk.folder) as store:
        with pytest.raises(NotAllowed, match="bureau server, which alone gives references"):
            store.finalize(record_id)
        store.join(desk.dsn.replace(f"port={pg.port}", "port=1").rsplit(" password=", 1)[0], "tsb")
        with pytest.raises(Offline, match="cannot be reached"):
            sync.finalize(store, record_id, desk.ask)
    assert desk.get(record_id).status == "draft" and desk.get(record_id).circular.subject == "للإنهاء"


def test_the_server_refuses_what_a_tsb_assistant_may_not_do_through_sql(bureau, tmp_path):
    signer = Desk(bureau, tmp_path / "bdt", "signatory", bureau_name="bdt")
    signer.save(draft("تعميم مكتب تنمية الاتصالات"))
    signer.sync()
    tsb = Desk(bureau, tmp_path / "tsb")
    tsb_id = tsb.save(draft("تعميم مكتب التقييس"))
    tsb.sync()
    (bdt_gid, *_), = server_rows(bureau, "bdt")
    with psycopg.connect(tsb.dsn, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM ce.circulars WHERE bureau = 'bdt'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM ce.circulars").fetchone()[0] == 1
        changed = conn.execute("UPDATE ce.circulars SET version = version + 1 WHERE gid = %s", (bdt_gid,))
        assert changed.rowcount == 0, "a BDT circular is invisible, so unchangeable"
        for statement, params in [
            ("INSERT INTO ce.circulars VALUES (gen_random_uuid(), 'bdt', 1, 'draft', '{}', false, '', 0, '', now())",
             ()),
            ("UPDATE ce.circulars SET version = version + 1, status = 'final' WHERE gid = %s",
             (tsb.get(tsb_id).gid,)),
            ("DELETE FROM ce.circulars", ()),
            ("UPDATE ce.versions SET content = '{}'", ()),
            ("DELETE FROM ce.versions", ()),
            ("UPDATE ce.counters SET last = 0", ()),
        ]:
            with pytest.raises(psycopg.Error) as refused:
                conn.execute(statement, params)
            assert refused.value.sqlstate in ("42501", "P0001"), statement
    assert [r[2] for r in server_rows(bureau)] == ["draft"]


def test_a_final_circular_cannot_be_changed_on_the_server(bureau, tmp_path):
    signer = Desk(bureau, tmp_path / "s", "signatory")
    record_id = signer.save(draft("نهائي"))
    signer.sync()
    signer.finalize(record_id)
    with psycopg.connect(signer.dsn, autocommit=True) as conn:
        with pytest.raises(psycopg.Error, match="cannot be changed"):
            conn.execute("UPDATE ce.circulars SET version = version + 1, content = content || '{\"subject\": \"x\"}'")


def test_wrong_password_newer_schema_and_unverified_remote_server_are_sentences(bureau, pg, tmp_path):
    name, dsn = bureau.person("reader")
    with pytest.raises(BureauError, match=f"refused the password of {name}"):
        connect(dsn.rsplit(" password=", 1)[0] + " password=wrong")
    with pytest.raises(BureauError, match="sslmode=verify-full"):
        connect("host=bureau.example.org user=x dbname=y sslmode=require")
    with psycopg.connect(bureau.admin, autocommit=True) as conn:
        conn.execute("UPDATE ce.meta SET value = '99' WHERE key = 'schema'")
    desk_folder = tmp_path / "d"
    with Repository(desk_folder) as store:
        store.join(dsn.rsplit(" password=", 1)[0], "tsb")
        with pytest.raises(BureauError, match="version 99, newer than this Circular Editor"):
            sync.sync(store, lambda *_: dsn.rsplit("password=", 1)[1])


def test_a_desk_joining_with_its_own_circulars_uploads_them_and_reports_clashes(bureau, tmp_path):
    a = Desk(bureau, tmp_path / "a", "signatory")
    a.save(draft("الأول", "TSB Circular 500"))
    a.sync()
    folder = tmp_path / "b"
    with Repository(folder) as store:
        store.save(draft("قديم بنفس المرجع", "TSB Circular 500"))
        store.save(draft("قديم آخر", "TSB Circular 501"))
    name, dsn = bureau.person("signatory")
    b = Desk(bureau, folder, dsn=dsn, name=name)
    report = b.sync()
    assert report.pushed == 1 and any("'TSB Circular 500' is already used in the bureau" in p for p in report.problems)
    assert sorted(r[4] for r in server_rows(bureau)) == ["TSB Circular 500", "TSB Circular 501"]


def test_the_server_stopped_mid_sync_loses_nothing_and_the_next_sync_completes_it(bureau, pg, tmp_path):
    desk = Desk(bureau, tmp_path / "a")
    with Repository(desk.folder) as store:
        store.save_many([draft(f"رقم {n}") for n in range(300)])
    stopper = threading.Timer(0.3, lambda: pg.stop("immediate"))
    stopper.start()
    try:
        with pytest.raises(Offline):
            for _ in range(20):  # (until the stop lands inside a sync)
                desk.sync()
    finally:
        stopper.join()
        pg.start()
    desk.sync()
    rows = server_rows(bureau)
    assert len(rows) == 300 and len({r[0] for r in rows}) == 300
    assert sorted(r[3] for r in rows) == sorted(f"رقم {n}" for n in range(300))


def test_a_push_whose_answer_was_lost_is_not_a_conflict_after_a_new_edit(bureau, tmp_path):
    """The server took the push, the desk died before hearing it, then the circular was edited again here."""
    desk = Desk(bureau, tmp_path / "a")
    record_id = desk.save(draft("الأول"))
    desk.sync()
    desk.save(draft("الثاني"), record_id)
    gid = desk.get(record_id).gid
    with psycopg.connect(desk.dsn, autocommit=True) as conn:  # exactly what the lost push did
        conn.execute("UPDATE ce.circulars SET version = 2, content = %s WHERE gid = %s",
                     (psycopg.types.json.Jsonb(draft("الثاني").to_dict()), gid))
    desk.save(draft("الثالث"), record_id)
    report = desk.sync()
    assert report.conflicts == [] and report.pushed == 1
    assert server_rows(bureau)[0][1:4] == (3, "draft", "الثالث")


def test_kill_9_during_push_a_hundred_times_loses_and_duplicates_nothing(bureau, tmp_path):
    desk = Desk(bureau, tmp_path / "a")
    rng = random.Random(28)
    expected: dict[str, str] = {}
    env = {"PGPASSWORD": desk.password, "PATH": "/usr/bin:/bin"}
    killed = 0
    whole = 0.6  # how long a sync takes here, start to exit: each kill lands at a random point of it
    for round_ in range(100):
        with Repository(desk.folder) as store:
            if round_ % 3 == 0 or not expected:
                store.save_many([draft(f"جولة {round_} رقم {k}") for k in range(3)])
            else:
                for record_id in rng.sample([s.id for s in store.search()], 2):
                    store.save(draft(f"تعديل {round_} للرقم {record_id}"), record_id)
            expected = {store.get(s.id).gid: s.subject for s in store.search()}
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "circular_editor", "--db", str(desk.folder), "sync"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        time.sleep(rng.uniform(0.25, 0.95) * whole)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        else:
            child.wait()
            whole = time.monotonic() - started
        _, err = child.communicate()
        assert b"Traceback" not in err
    desk.sync()
    rows = server_rows(bureau)
    assert killed >= 30, f"only {killed} of 100 syncs were killed"
    assert len(rows) == len({r[0] for r in rows}) == len(expected), "nothing duplicated, nothing lost"
    assert {r[0]: r[3] for r in rows} == expected
    assert desk.sync().pushed == 0
