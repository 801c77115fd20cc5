"""The repository on real files in a temporary folder."""
import errno
import json
import subprocess
import sys

import pytest
from storetools import read_sealed, sample, write_sealed

from circular_editor import atomic
from circular_editor.store import (NotFound, ReadOnly, ReferenceTaken, Repository, SaveFailed, StoreCorrupt,
                                   StoreError, StoreLocked, StoreTooNew)
from circular_editor.model import ValidationError
from circular_editor.paths import example
from circular_editor.store import migrations
from circular_editor.store.storefiles import HISTORY_KEPT


@pytest.fixture
def store(tmp_path):
    with Repository(tmp_path / "db") as repository:
        yield repository


def test_saved_circular_comes_back_after_reopening(tmp_path):
    with Repository(tmp_path) as store:
        record = store.save(sample())
        assert (record.id, record.status, record.version) == (1, "draft", 1)
    with Repository(tmp_path) as store:
        again = store.get(1)
        assert again.circular == sample() and again.created == record.created
    raw = next(tmp_path.glob("circulars-*.json")).read_text(encoding="utf-8")
    assert "\\u" not in raw and "الاجتماع السابع" in raw, "UTF-8 JSON without \\u escapes"


def test_the_history_keeps_the_last_fifty_versions(store):
    record = store.save(sample())
    circular = record.circular
    for n in range(1, HISTORY_KEPT + 6):
        circular.subject = f"النسخة {n}"
        store.save(circular, record.id)
    numbers = [v.number for v in store.versions(record.id)]
    current = store.get(record.id).version
    assert current == HISTORY_KEPT + 6
    assert numbers == list(range(current - 1, current - 1 - HISTORY_KEPT, -1))  # the oldest pruned


def test_a_version_already_in_the_history_after_a_crash_does_not_block_saving(store):
    record = store.save(sample())
    store._push_history(record.id, store._doc(record.id))  # as a kill between the two writes leaves it
    circular = record.circular
    circular.subject = "بعد الانقطاع"
    assert store.save(circular, record.id).version == 2
    assert [v.number for v in store.versions(record.id)] == [1]


def test_the_last_twenty_saves_can_be_listed_and_restored(store):
    record = store.save(sample())
    circular = record.circular
    for n in range(1, 26):
        circular.subject = f"النسخة {n}"
        store.save(circular, record.id)
    versions = store.versions(record.id)
    assert len(versions) >= 20
    assert [v.subject for v in versions[:3]] == ["النسخة 24", "النسخة 23", "النسخة 22"]
    assert store.get(record.id).version == 26
    restored = store.restore(record.id, versions[9].number)
    assert restored.circular.subject == versions[9].subject
    assert store.versions(record.id)[0].subject == "النسخة 25", "the replaced current one is kept too"
    with pytest.raises(NotFound):
        store.restore(record.id, 999)


def test_finalize_allocates_the_next_reference_per_style_and_period(store):
    first = store.finalize(store.save(sample(reference="")).id)
    second = store.finalize(store.save(sample(reference="")).id)
    assert (first.circular.reference, second.circular.reference) == ("TSB Circular 1", "TSB Circular 2")
    assert first.status == "final"
    store.save(sample("sg-cl-20-025"))  # CL-20/025 exists: the year 2020 continues after it
    sg = store.finalize(store.save(sample("sg-cl-20-025", reference="")).id)
    sg_next_year = store.finalize(store.save(sample("sg-cl-20-025", reference="", date="2021-01-05")).id)
    assert (sg.circular.reference, sg_next_year.circular.reference) == ("CL-20/026", "CL-21/001")
    bdt = store.finalize(store.save(sample("bdt-dir-110", reference="")).id)
    assert bdt.circular.reference == "BDT/DIR/001"


def test_finalize_is_one_new_version_and_only_for_a_draft(store):
    draft = store.save(sample(reference=""))
    final = store.finalize(draft.id)
    assert (final.version, final.status, final.circular.reference) == (2, "final", "TSB Circular 1")
    history = store.versions(draft.id)
    assert [(v.number, v.status) for v in history] == [(1, "draft")]
    assert store.finalize(draft.id).version == 2  # already final: nothing changes
    assert store.set_status(draft.id, "sent").status == "sent"
    assert store.finalize(draft.id).status == "sent"


def test_a_reference_is_never_given_twice(tmp_path):
    with Repository(tmp_path) as store:
        store.finalize(store.save(sample(reference="")).id)
        with pytest.raises(ReferenceTaken, match="reference: 'TSB  circular 1' is already used by circular #1"):
            store.save(sample(reference="TSB  circular 1"))
        typed = store.save(sample(reference="TSB Circular 2"))  # typed by hand: the counter must skip it
        assert store.finalize(store.save(sample(reference="")).id).circular.reference == "TSB Circular 3"
        with pytest.raises(ReferenceTaken, match="cannot change"):
            final = store.finalize(typed.id).circular
            final.reference = "TSB Circular 9"
            store.save(final, typed.id)
    with Repository(tmp_path) as store:  # the counter survives reopening
        assert store.finalize(store.save(sample(reference="")).id).circular.reference == "TSB Circular 4"


def test_search_folds_harakat_tatweel_alef_ya_and_ta_marbuta(store):
    store.save(sample())
    store.save(sample("sg-cl-20-025"))
    store.save(sample("bdt-dir-110", body=[{"type": "paragraph", "text": "مُبَادَرَةٌ لِلتَّعْلِيـــــمِ فى إِدارة"}]))
    assert [s.reference for s in store.search("مبادره للتعليم في اداره")] == ["BDT/DIR/110"]
    assert [s.reference for s in store.search("الإتحاد الدولى")] == ["TSB\u00a0Circular 92", "BDT/DIR/110",
                                                                     "CL-20/025"]
    assert [s.reference for s in store.search("wsis")] == ["CL-20/025"], "Latin ignores case"
    assert [s.reference for s in store.search("أصحاب المصلحة")] == ["CL-20/025"]
    assert [s.reference for s in store.search("u4ssc@itu.int")] == [], "contact details are not searched"
    assert [s.reference for s in store.search("BDT/DIR")] == ["BDT/DIR/110"], "references are"
    assert [s.reference for s in store.search("")] == ["TSB\u00a0Circular 92", "BDT/DIR/110", "CL-20/025"], \
        "newest date first"
    assert [s.reference for s in store.search(style="sg")] == ["CL-20/025"]
    assert [s.reference for s in store.search(year=2021)] == ["BDT/DIR/110"]
    store.finalize(1)
    assert [s.id for s in store.search(status="final")] == [1]


def test_drafts_survive_a_crash_and_are_offered(tmp_path):
    code = ("from circular_editor.store import Repository\n"
            f"store = Repository({str(tmp_path)!r})\n"
            "store.drafts.save('new-1', {'subject': 'مسودة لم تحفظ', 'date': '2024-13'})\n"
            "import os; os._exit(9)\n")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 9
    with Repository(tmp_path) as store:
        drafts, problems = store.drafts.all()
        assert [(d.key, d.content["subject"]) for d in drafts] == [("new-1", "مسودة لم تحفظ")] and not problems
        store.drafts.discard("new-1")
        assert store.drafts.all() == ([], [])


def test_a_read_only_open_makes_no_folder_and_autosaves_nothing(tmp_path):
    folder = tmp_path / "not-yet"
    with Repository(folder, read_only=True) as reader:
        assert len(reader) == 0 and reader.search() == []
        with pytest.raises(ReadOnly):
            reader.drafts.save("new-1", {"subject": "x"})
    assert not folder.exists()


def test_a_second_process_is_refused_and_may_read(tmp_path):
    with Repository(tmp_path) as store:
        store.save(sample())
        code = ("from circular_editor.store import Repository, StoreLocked\n"
                f"try:\n    Repository({str(tmp_path)!r})\nexcept StoreLocked as e:\n    print(e)\n"
                f"print(len(Repository({str(tmp_path)!r}, read_only=True)))\n")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert "is in use by process" in done.stdout and done.stdout.strip().endswith("1"), done.stderr
        with pytest.raises(StoreLocked):
            Repository(tmp_path)
        reader = Repository(tmp_path, read_only=True)
        with pytest.raises(ReadOnly):
            reader.save(sample("sg-cl-20-025"))
    with Repository(tmp_path):  # released on close
        pass


def test_a_failing_write_keeps_the_previous_state_and_says_so(tmp_path, monkeypatch):
    with Repository(tmp_path) as store:
        record = store.save(sample())
        edited = record.circular
        edited.subject = "تعديل لن يحفظ"

        def disk_full(fd):
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(atomic.os, "fsync", disk_full)
        with pytest.raises(SaveFailed, match="No space left on device; the previously saved state is unchanged"):
            store.save(edited, record.id)
        with pytest.raises(SaveFailed):
            store.save(sample("sg-cl-20-025"))
        assert store.get(record.id).circular == sample(), "memory matches the disk"
        assert [s.id for s in store.search()] == [record.id]
        monkeypatch.undo()
        assert not list(tmp_path.glob(".tmp-*"))
    with Repository(tmp_path) as store:
        assert store.get(record.id).circular == sample() and len(store) == 1


def test_an_unreadable_store_is_not_touched_and_the_backup_is_offered(tmp_path):
    with Repository(tmp_path) as store:
        store.save(sample())
    with Repository(tmp_path):  # a second open makes a second backup
        pass
    shard = next(tmp_path.glob("circulars-*.json"))
    shard.write_bytes(b'{"circulars": {"1": {"status": "dra')
    with pytest.raises(StoreCorrupt) as raised:
        Repository(tmp_path)
    assert shard.read_bytes() == b'{"circulars": {"1": {"status": "dra'
    assert str(shard) in str(raised.value) and "has not been changed" in str(raised.value)
    assert "restore-backup" in str(raised.value)
    from circular_editor.store import restore
    plan = restore.restore_backup(tmp_path)
    assert [(step.name, step.action) for step in plan.steps] == [(shard.name, "replace")]
    assert len(list(tmp_path.glob(f"damaged-*/{shard.name}"))) == 1
    with Repository(tmp_path) as store:
        assert store.get(1).circular == sample()


def test_a_store_from_a_newer_version_is_refused_untouched(tmp_path):
    with Repository(tmp_path) as store:
        store.save(sample())
    meta = tmp_path / "meta.json"
    data = read_sealed(meta)
    data["meta"]["1"]["schema"] = migrations.SCHEMA_VERSION + 1
    write_sealed(meta, data)
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.json")}
    with pytest.raises(StoreTooNew, match="newer Circular Editor"):
        Repository(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.json")} == before


def test_an_older_store_is_migrated_after_a_backup(tmp_path, monkeypatch):
    with Repository(tmp_path) as store:
        store.save(sample())
    ran = []

    def add_language(repository):  # a real step of the kind a release would add
        table = repository.all_shards()[0].table("circulars")
        for doc in table.all():
            ran.append(doc.doc_id)
            table.update({"content": {**doc["content"], "language": "ar"}}, doc_ids=[doc.doc_id])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    monkeypatch.setattr("circular_editor.store.storefiles.SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, add_language)
    backups_before = len(list((tmp_path / "backups").glob("open-*")))
    with Repository(tmp_path) as store:
        assert ran == [1]
        assert store.meta.table("meta").get(doc_id=1)["schema"] == 3
    assert len(list((tmp_path / "backups").glob("open-*"))) > backups_before
    with Repository(tmp_path) as store:
        assert ran == [1], "a migration runs once"


def test_leftover_temporary_files_are_cleaned_at_open(tmp_path):
    with Repository(tmp_path) as store:
        store.save(sample())
    (tmp_path / ".tmp-circulars-01.json.abc").write_bytes(b"half")
    with Repository(tmp_path):
        assert not list(tmp_path.glob(".tmp-*"))


def test_import_of_many_files_some_invalid(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    good = json.loads(example("sg-cl-20-025").read_text(encoding="utf-8"))
    expected_bad = {}
    for n in range(500):
        path = source / f"{n:03}.json"
        if n % 7 == 3:
            path.write_text('{"format": "itu-circular/1", "style": "sg", "date": ', encoding="utf-8")
            expected_bad[str(path)] = "not valid JSON"
        elif n % 7 == 5:
            path.write_text(json.dumps({**good, "reference": "", "body": [{"type": "paragraph"}]}), encoding="utf-8")
            expected_bad[str(path)] = "body[0].text: missing"
        else:
            path.write_text(json.dumps({**good, "reference": f"CL-20/{n:03}", "subject": f"رقم {n}"},
                                       ensure_ascii=False), encoding="utf-8")
    with Repository(tmp_path / "db") as store:
        imported, refused = store.import_files(sorted(source.iterdir()))
        assert len(imported) == 500 - len(expected_bad) and len(store) == len(imported)
        assert {path: reason for path, reason in refused}.keys() == expected_bad.keys()
        assert all(expected_bad[path] in reason for path, reason in refused)
        for path, record_id in imported:
            n = int(path[-8:-5])
            assert store.get(record_id).circular.subject == f"رقم {n}"


def test_export_then_import_gives_back_the_same_circular(tmp_path):
    with Repository(tmp_path / "a") as store:
        ids = [store.save(sample(name)).id for name in ("tsb-circular-92", "sg-cl-20-025", "bdt-dir-110")]
        texts = [store.export(i) for i in ids]
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.json").write_text(text, encoding="utf-8")
    with Repository(tmp_path / "b") as other:
        imported, refused = other.import_files([tmp_path / f"{i}.json" for i in range(3)])
        assert not refused
        for (_, record_id), name in zip(imported, ("tsb-circular-92", "sg-cl-20-025", "bdt-dir-110")):
            assert other.get(record_id).circular.to_dict() == json.loads(
                example(name).read_text(encoding="utf-8"))


def test_backups_roll_and_are_copies_not_links_to_live_files(tmp_path):
    from circular_editor.store import backup
    with Repository(tmp_path) as store:
        store.save(sample())
    for _ in range(backup.KEEP_OPEN + 3):
        with Repository(tmp_path):
            pass
    folders = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert sum(name.startswith("open-") for name in folders) == backup.KEEP_OPEN
    assert sum(name.startswith("daily-") for name in folders) == 1
    live = next(tmp_path.glob("circulars-*.json"))
    for folder in (tmp_path / "backups").iterdir():
        assert (folder / live.name).stat().st_ino != live.stat().st_ino


def test_a_deleted_circular_can_be_restored_or_removed_for_good(store):
    kept = store.save(sample("sg-cl-20-025"))
    gone = store.finalize(store.save(sample(reference="")).id)
    store.delete(gone.id)
    assert [s.id for s in store.search()] == [kept.id] and len(store) == 1
    assert [s.id for s in store.search(deleted=True)] == [gone.id] and store.get(gone.id).deleted
    with pytest.raises(ReferenceTaken, match="already used by circular #2 \\(a deleted one\\)"):
        store.save(sample(reference="TSB Circular 1"))
    assert store.undelete(gone.id).circular.reference == "TSB Circular 1"
    assert not store.get(gone.id).deleted and gone.id in [s.id for s in store.search()], "really back"
    assert sorted(s.id for s in store.search()) == [kept.id, gone.id]
    store.delete(gone.id)
    store.purge(gone.id)
    with pytest.raises(NotFound):
        store.get(gone.id)
    with pytest.raises(StoreError, match="is not deleted"):
        store.purge(kept.id)


def test_an_incomplete_draft_is_not_finalized(store):
    empty = store.save(sample(subject=" ", reference=""))
    with pytest.raises(ValidationError, match="^subject: empty"):
        store.finalize(empty.id)
    assert store.get(empty.id).status == "draft" and store.versions(empty.id) == []


def test_a_batch_writes_each_file_once_shards_before_meta(tmp_path, monkeypatch):
    written = []
    real = __import__("circular_editor.atomic", fromlist=["write_atomic"]).write_atomic

    def write(path, data):
        written.append(path.name)
        real(path, data)
    with Repository(tmp_path) as store:
        monkeypatch.setattr("circular_editor.store.storage.write_atomic", write)
        with store.batch():
            ids = [store.save(sample(reference=f"TSB Circular {n}")).id for n in range(100)]
            assert not written, "nothing on disk inside the batch"
        assert len(written) == len(set(written)) == 65 and written[-1] == "meta.json"
    monkeypatch.undo()
    with Repository(tmp_path, read_only=True) as store:
        assert sorted(s.id for s in store.search()) == ids
