"""From assistant to signatory across desks (issue 29), against a real PostgreSQL and real certificates: submit,
return with a note, resubmit, finalize, sign in turn on two desks (one of them offline until the end), the sent
PDF verified; every forbidden move refused by the server itself."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from bureautools import Desk, bureau, pg  # noqa: F401 (the fixtures)

from circular_editor import cli
from circular_editor.bureau import sync
from circular_editor.bureau import workflow as on_server
from circular_editor.bureau.connect import BureauError
from circular_editor.model import Circular
from circular_editor.paths import example
from circular_editor.store import NotAllowed, Repository

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from certs import ThrowawayCA  # noqa: E402

PEOPLE = ["Houlin Zhao", "Doreen Bogdan-Martin"]


@pytest.fixture(scope="module")
def ca():
    return ThrowawayCA()


def joint_letter(subject: str = "دعوة إلى المشاركة") -> Circular:
    data = json.loads(example("sg-cl-20-025").read_text(encoding="utf-8"))
    data.update(reference="", subject=subject,
                signatories=[{"note": "", "name": person, "title": "المدير"} for person in PEOPLE])
    return Circular.from_dict(data)


def local_id(desk: Desk, gid: str) -> int:
    with Repository(desk.folder) as store:
        return store.find_gid(gid)


def sign(desk: Desk, record_id: int, p12, output, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", "secret")
    monkeypatch.setenv("PGPASSWORD", desk.password)
    code = cli.main(["--db", str(desk.folder), "sign", str(record_id), "--p12", str(p12), "--signatory",
                     str(PEOPLE.index(desk.person) + 1), "-o", str(output)])
    monkeypatch.delenv("PGPASSWORD")
    return code, capsys.readouterr().err


def move(desk: Desk, dsn: str) -> None:
    """The desk's server address changed (offline: a port where nothing listens; back: the real one)."""
    with Repository(desk.folder) as store:
        store.join(dsn.rsplit(" password=", 1)[0], "tsb")


@pytest.mark.parametrize("second_offline", [False, True])
def test_submit_return_resubmit_finalize_sign_in_turn_and_send(bureau, tmp_path, ca, monkeypatch, capsys,
                                                                second_offline):
    from pgserver import free_port
    assistant = Desk(bureau, tmp_path / "assistant", "assistant")
    first, second = Desk(bureau, tmp_path / "s1", "signatory"), Desk(bureau, tmp_path / "s2", "signatory")
    first.person, second.person = PEOPLE
    record_id = assistant.save(joint_letter())
    assistant.sync()
    gid = assistant.get(record_id).gid
    with Repository(assistant.folder) as store:
        on_server.submit(store, record_id, [first.name, second.name], password=assistant.ask)
        with pytest.raises(NotAllowed, match="take it back"):
            store.save(joint_letter("تعديل بعد الإرسال"), record_id)

    first.sync()
    on_first = local_id(first, gid)
    with Repository(first.folder) as store:
        assert store.waiting_for(first.name) == [on_first]
        on_server.send_back(store, on_first, "الفقرة الثالثة تحتاج إلى تاريخ الاجتماع", first.ask)
        assert store.waiting_for(first.name) == []
    assistant.sync()
    returned = assistant.raw(record_id)
    assert returned["stage"] == "returned" and returned["note"] == "الفقرة الثالثة تحتاج إلى تاريخ الاجتماع"

    assistant.save(joint_letter("دعوة إلى المشاركة (مع التاريخ)"), record_id)
    with Repository(assistant.folder) as store:
        on_server.submit(store, record_id, [first.name, second.name], password=assistant.ask)
    first.sync()
    record = first.finalize(on_first)
    assert record.status == "final" and record.circular.reference.startswith("CL-")
    second.sync()
    on_second = local_id(second, gid)
    with Repository(second.folder) as store:
        assert store.waiting_for(second.name) == [], "the second signs after the first (in order)"

    p12s = [ca.signer_p12(tmp_path / f"{n}.p12", person) for n, person in enumerate(PEOPLE)]
    code, err = sign(first, on_first, p12s[0], tmp_path / "signed-1.pdf", monkeypatch, capsys)
    assert code == 0, err
    second.sync()  # (pulls the first signature and keeps its signed file on this desk)
    with Repository(second.folder) as store:
        assert store.waiting_for(second.name) == [on_second]
    if second_offline:
        move(second, second.dsn.replace(f"port={bureau.pg.port}", f"port={free_port()}"))
    code, err = sign(second, on_second, p12s[1], tmp_path / "signed-2.pdf", monkeypatch, capsys)
    assert code == 0, err
    if second_offline:
        assert "sent at the next sync" in err
        assert [r[2] for r in server_status(bureau)] == ["final"], "nothing reached the server yet"
        move(second, second.dsn)
        second.sync()
    assert [r[2] for r in server_status(bureau)] == ["sent"]

    for desk in (assistant, first, second):
        desk.sync()
        assert desk.get(local_id(desk, gid)).status == "sent"
    with Repository(assistant.folder, read_only=True) as store:  # the sent archive, from any desk of the bureau
        monkeypatch.setenv("PGPASSWORD", assistant.password)
        archived = on_server.signed_pdf(store, record_id)
    assert archived == (tmp_path / "signed-2.pdf").read_bytes()
    (tmp_path / "archive.pdf").write_bytes(archived)
    assert cli.main(["verify", str(tmp_path / "archive.pdf"), "--trust", str(ca.pem(tmp_path / "ca.pem"))]) == 0
    assert capsys.readouterr().out.count("intact, unchanged since, trusted") == 2
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(tmp_path / "archive.pdf")], capture_output=True, text=True).stdout
        assert out.count("Signature Validation: Signature is Valid.") == 2
    with Repository(assistant.folder, read_only=True) as store:
        stages = [(v["saved_by"], v["status"], v["stage"], v["note"]) for v in on_server.history(store, record_id)]
    assert (first.name, "draft", "returned", "الفقرة الثالثة تحتاج إلى تاريخ الاجتماع") in stages
    assert stages[-1][:2] == (second.name, "sent")


def server_status(bureau):
    with psycopg.connect(bureau.admin) as conn:
        return conn.execute("SELECT gid, version, status, stage FROM ce.circulars").fetchall()


def test_every_forbidden_move_is_refused_by_the_server(bureau, tmp_path, ca):
    assistant = Desk(bureau, tmp_path / "assistant", "assistant")
    first, second = Desk(bureau, tmp_path / "s1", "signatory"), Desk(bureau, tmp_path / "s2", "signatory")
    record_id = assistant.save(joint_letter())
    assistant.sync()
    gid = assistant.get(record_id).gid
    with Repository(assistant.folder) as store:
        with pytest.raises(BureauError, match="submitted to signatories"):  # (an assistant is no signatory)
            on_server.submit(store, record_id, [assistant.name, second.name], password=assistant.ask)
        on_server.submit(store, record_id, [first.name, second.name], password=assistant.ask)
        with pytest.raises(BureauError, match="only a signatory"):
            sync.finalize(store, record_id, assistant.ask)
    with psycopg.connect(assistant.dsn, autocommit=True) as conn:
        for statement in ("UPDATE ce.circulars SET version = version + 1, content = content || "
                          "'{\"subject\": \"تغيير خفي\"}'",
                          "UPDATE ce.circulars SET version = version + 1, status = 'final'",
                          "UPDATE ce.circulars SET version = version + 1, stage = 'returned', note = 'لا'",
                          "INSERT INTO ce.signed_files VALUES ((SELECT gid FROM ce.circulars), 0, 'tsb', 'x', "
                          "'', '', now())"):
            with pytest.raises(psycopg.Error) as refused:
                conn.execute(statement)
            assert refused.value.sqlstate == "42501", statement
    with psycopg.connect(second.dsn, autocommit=True) as conn:  # a signatory it was submitted to, not the first
        with pytest.raises(psycopg.Error, match="only a final circular is signed"):
            conn.execute("INSERT INTO ce.signed_files VALUES (%s, 1, '', 'x', '', '', now())", (gid,))
    first.sync()
    on_first = local_id(first, gid)
    first.finalize(on_first)
    with psycopg.connect(second.dsn, autocommit=True) as conn:
        with pytest.raises(psycopg.Error, match="not .*'s to sign"):
            conn.execute("INSERT INTO ce.signed_files VALUES (%s, 0, '', 'x', '', '', now())", (gid,))
        with pytest.raises(psycopg.Error, match="sign in order"):
            conn.execute("INSERT INTO ce.signed_files VALUES (%s, 1, '', 'x', '', '', now())", (gid,))
    with psycopg.connect(first.dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO ce.signed_files VALUES (%s, 0, '', 'first', '', '', now())", (gid,))
        with pytest.raises(psycopg.errors.UniqueViolation):  # the same block from another desk of the same person
            conn.execute("INSERT INTO ce.signed_files VALUES (%s, 0, '', 'first again', '', '', now())", (gid,))
    with psycopg.connect(second.dsn, autocommit=True) as conn:
        with pytest.raises(psycopg.Error, match="incremental update"):
            conn.execute("INSERT INTO ce.signed_files VALUES (%s, 1, '', 'not first', '', '', now())", (gid,))
        with pytest.raises(psycopg.Error) as forged:
            conn.execute("UPDATE ce.circulars SET version = version + 1, signatures = '[]', status = 'draft'")
        assert forged.value.sqlstate == "42501"


def test_a_template_that_says_any_order_lets_the_second_sign_first(bureau, tmp_path, monkeypatch):
    template = (Path(__file__).resolve().parents[2] / "resources" / "templates" / "sg.toml").read_text(encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "sg.toml").write_text('signing_order = "any order"\n' + template, encoding="utf-8")
    monkeypatch.setenv("CIRCULAR_EDITOR_TEMPLATES", str(folder))
    assistant = Desk(bureau, tmp_path / "assistant", "assistant")
    first, second = Desk(bureau, tmp_path / "s1", "signatory"), Desk(bureau, tmp_path / "s2", "signatory")
    record_id = assistant.save(joint_letter())
    assistant.sync()
    gid = assistant.get(record_id).gid
    with Repository(assistant.folder) as store:
        on_server.submit(store, record_id, [first.name, second.name], password=assistant.ask)
    first.sync()
    first.finalize(local_id(first, gid))
    second.sync()
    on_second = local_id(second, gid)
    with Repository(second.folder) as store:
        assert store.waiting_for(second.name) == [on_second], "block 2 may be signed before block 1"
    with psycopg.connect(second.dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO ce.signed_files VALUES (%s, 1, '', 'second first', '', '', now())", (gid,))
