"""A damaged or hostile store file never costs saved circulars (issue 15, points 1-7): a reproducer each.

A full disk is simulated where the store writes (the atomic file writer raising ENOSPC after some
writes); kills are simulated by leaving a restore exactly as a kill at that point would.
"""
import errno
import os
import shutil

import pytest
from storetools import read_sealed, sample, write_sealed

from circular_editor import atomic, cli
from circular_editor.store import Repository, StoreCorrupt, restore


def fill(folder, count: int) -> list[int]:
    with Repository(folder) as store:
        return [store.save(sample(reference=f"TSB Circular {n}")).id for n in range(count)]


def backed_up(folder) -> None:
    """Open and close the store: the open takes a backup of what is there."""
    Repository(folder).close()


def shard_of(folder, record_id: int):
    return folder / f"circulars-{record_id % 64:02}.json"


def ids(folder) -> list[int]:
    with Repository(folder, read_only=True) as store:
        return sorted(s.id for s in store.search())


class DiskFull:
    """The store's file writes fail with ENOSPC after `allowed` of them succeeded."""

    def __init__(self, monkeypatch, allowed: int):
        self.allowed = allowed
        real = atomic.write_atomic

        def write(path, data):
            if self.allowed <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            self.allowed -= 1
            real(path, data)
        for module in ("circular_editor.store.storage", "circular_editor.store.restore"):
            monkeypatch.setattr(f"{module}.write_atomic", write)


# 1. nesting

def test_a_deeply_nested_shard_is_corrupt_not_a_recursion_error(tmp_path):
    fill(tmp_path, 1)
    from circular_editor.store.storage import seal
    raw = seal({"circulars": {}})[0].replace(b'{"circulars":{}}', b'{"circulars": {"1": ' + b"[" * 100_000
                                              + b"]" * 100_000 + b"}}")
    import hashlib
    body = raw[raw.index(b',"data":') + 8:-1]
    shard_of(tmp_path, 1).write_bytes(raw.replace(raw[11:75], hashlib.sha256(body).hexdigest().encode()))
    with pytest.raises(StoreCorrupt, match="nested too deeply"):
        Repository(tmp_path)


# 2 and 3. restore-backup keeps intact data, is never half-done

def test_restore_replaces_only_the_damaged_file_and_keeps_what_was_saved_since(tmp_path):
    first = fill(tmp_path, 5)
    with Repository(tmp_path) as store:  # (this open takes the backup)
        later = [store.save(sample(reference=f"TSB Circular {n}")).id for n in range(100, 140)]
    (tmp_path / "meta.json").write_text("{", encoding="utf-8")
    with pytest.raises(StoreCorrupt):
        Repository(tmp_path)
    plan = restore.plan_restore(tmp_path)
    assert [(s.name, s.action) for s in plan.steps] == [("meta.json", "replace")]
    assert "kept as they are" in plan.describe() and f"{len(first) + len(later)} circulars" in plan.describe()
    restore.restore_backup(tmp_path)
    assert ids(tmp_path) == sorted(first + later), "all 45 circulars, the 40 saved after the backup too"
    with Repository(tmp_path) as store:
        assert store.save(sample(reference="TSB Circular 999")).id == max(later) + 1, "no id handed out twice"


def test_a_damaged_shard_comes_back_from_the_backup_and_the_intact_ones_stay(tmp_path):
    fill(tmp_path, 3)
    with Repository(tmp_path) as store:
        newer = store.save(sample(reference="TSB Circular 50")).id
    damaged = shard_of(tmp_path, 2)
    damaged.write_text("   ", encoding="utf-8")
    plan = restore.restore_backup(tmp_path)
    assert [(s.name, s.action) for s in plan.steps] == [(damaged.name, "replace")]
    assert ids(tmp_path) == [1, 2, 3, newer]
    assert list(tmp_path.glob(f"damaged-*/{damaged.name}"))[0].read_text() == "   ", "the damaged file is kept"


def test_a_restore_killed_before_its_files_are_ready_changes_nothing(tmp_path):
    fill(tmp_path, 3)
    damaged = shard_of(tmp_path, 1)
    damaged.write_text("{", encoding="utf-8")
    staging = tmp_path / "restoring-20260101-000000-000000"
    staging.mkdir()
    (staging / damaged.name).write_text("half", encoding="utf-8")  # killed while copying: no READY
    with pytest.raises(StoreCorrupt):
        Repository(tmp_path)
    assert not staging.exists() and damaged.read_text() == "{", "the partial restore is dropped, nothing else"


def test_a_restore_killed_mid_swap_is_finished_by_the_next_open(tmp_path):
    fill(tmp_path, 3)
    backed_up(tmp_path)
    with Repository(tmp_path) as store:
        store.save(sample(reference="TSB Circular 77"))
    damaged = shard_of(tmp_path, 1)
    damaged.write_text("{", encoding="utf-8")
    plan = restore.plan_restore(tmp_path)
    real_rename = os.rename
    calls = []

    def rename_then_die(src, dst):  # the damaged file went aside, then the process was killed
        calls.append(src)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_rename(src, dst)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pathlib.Path.rename", lambda self, target: rename_then_die(self, target))
        with pytest.raises(KeyboardInterrupt):
            plan.apply()
    assert not damaged.exists() and list(tmp_path.glob("restoring-*/READY"))
    with pytest.raises(Exception, match="restore .* was interrupted"):
        ids(tmp_path)  # a reader cannot finish it, and must not show the store without the set-aside shard
    backed_up(tmp_path)  # the next writer finishes the swap
    assert ids(tmp_path) == [1, 2, 3, 4]
    assert not list(tmp_path.glob("restoring-*"))


def test_a_full_disk_during_restore_changes_nothing(tmp_path, monkeypatch):
    fill(tmp_path, 3)
    backed_up(tmp_path)
    damaged = shard_of(tmp_path, 2)
    damaged.write_text("{", encoding="utf-8")
    DiskFull(monkeypatch, allowed=0)
    with pytest.raises(Exception, match="nothing was changed"):
        restore.restore_backup(tmp_path)
    assert damaged.read_text() == "{"
    assert not list(tmp_path.glob("restoring-*")) and not list(tmp_path.glob("damaged-*"))


def test_a_folder_with_set_aside_files_but_no_meta_is_refused(tmp_path):
    fill(tmp_path, 2)
    (tmp_path / "damaged-20260101-000000").mkdir()
    (tmp_path / "meta.json").unlink()
    with pytest.raises(StoreCorrupt, match="meta.json.*missing"):
        Repository(tmp_path)


# 4. empty files, deleted shards, meta without next_id

@pytest.mark.parametrize("content", ["", "  \n"])
def test_an_empty_shard_is_damage_not_an_empty_database(tmp_path, content):
    fill(tmp_path, 2)
    shard_of(tmp_path, 1).write_text(content, encoding="utf-8")
    with pytest.raises(StoreCorrupt, match="empty"):
        Repository(tmp_path)


def test_a_deleted_shard_is_noticed(tmp_path):
    fill(tmp_path, 2)
    backed_up(tmp_path)
    shard_of(tmp_path, 2).unlink()
    with pytest.raises(StoreCorrupt, match="missing .meta.json lists it."):
        Repository(tmp_path)
    restore.restore_backup(tmp_path)
    assert ids(tmp_path) == [1, 2]


@pytest.mark.parametrize("meta", [{}, {"meta": {"1": {"schema": 2}}}, {"meta": {}}])
def test_meta_without_next_id_is_rebuilt_from_the_largest_id(tmp_path, meta):
    fill(tmp_path, 3)
    write_sealed(tmp_path / "meta.json", meta)
    with Repository(tmp_path) as store:
        assert store.save(sample(reference="TSB Circular 500")).id == 4
        assert [s.id for s in store.search()][-1] in (1, 4)


# 5. valid JSON of the wrong shape

@pytest.mark.parametrize("damage", [
    lambda d: {"circulars": []},
    lambda d: {"circulars": {"1": {k: v for k, v in d["circulars"]["1"].items() if k != "content"}}},
    lambda d: {"circulars": {"1": {**d["circulars"]["1"], "status": 3}}},
    lambda d: {"circulars": {"x": d["circulars"]["1"]}},
    lambda d: {"circulars": {"1": {**d["circulars"]["1"], "content": {"style": 1}}}},
])
def test_a_shard_of_the_wrong_shape_is_corrupt_and_no_backup_takes_it(tmp_path, damage):
    fill(tmp_path, 1)
    backed_up(tmp_path)
    shard = shard_of(tmp_path, 1)
    write_sealed(shard, damage(read_sealed(shard)))
    backups = sorted(p.name for p in (tmp_path / "backups").iterdir())
    with pytest.raises(StoreCorrupt):
        Repository(tmp_path)
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == backups, "no backup of the damage"


def test_schema_as_text_is_corrupt(tmp_path):
    fill(tmp_path, 1)
    write_sealed(tmp_path / "meta.json", {"meta": {"1": {"schema": "1", "next_id": 2}}})
    with pytest.raises(StoreCorrupt, match="meta.schema"):
        Repository(tmp_path)


def test_export_all_reports_a_bad_record_and_exports_the_rest(tmp_path, capsys):
    fill(tmp_path, 3)
    shard = shard_of(tmp_path, 2)
    data = read_sealed(shard)
    data["circulars"]["2"]["content"]["body"] = "not a list"  # the right shape for the index, invalid content
    write_sealed(shard, data)
    assert cli.main(["--db", str(tmp_path), "export", "--all", str(tmp_path / "out")]) == 1
    assert "circular #2: not exported" in capsys.readouterr().err
    assert sorted(p.name[:5] for p in (tmp_path / "out").iterdir()) == ["00001", "00003"]


# 6. a full disk in a multi-file import

def test_a_full_disk_mid_import_lists_exactly_what_was_saved(tmp_path, monkeypatch):
    files = []
    for n in range(40):
        path = tmp_path / f"in-{n}.json"
        path.write_text(sample(reference=f"TSB Circular {n}").to_json(), encoding="utf-8")
        files.append(path)
    with Repository(tmp_path / "db") as store:
        DiskFull(monkeypatch, allowed=8)  # the id allocation and 7 shards
        imported, refused = store.import_files(files)
    monkeypatch.undo()
    assert imported and refused and len(imported) + len(refused) == 40
    assert all("not saved" in reason and "No space left" in reason for _, reason in refused)
    assert sorted(record_id for _, record_id in imported) == ids(tmp_path / "db")


def test_a_backup_cut_short_is_cleaned(tmp_path):
    fill(tmp_path, 1)
    stale = tmp_path / "backups" / ".open-20260101-000000-000000"
    stale.mkdir(parents=True)
    (stale / "meta.json").write_text("{", encoding="utf-8")
    backed_up(tmp_path)
    assert not stale.exists()


# 7. restore, history and import edge cases

def test_restore_backup_with_the_lock_a_folder_is_a_message(tmp_path, capsys):
    fill(tmp_path, 1)
    backed_up(tmp_path)
    shard_of(tmp_path, 1).write_text("{", encoding="utf-8")
    (tmp_path / "store.lock").unlink(missing_ok=True)
    (tmp_path / "store.lock").mkdir()
    assert cli.main(["--db", str(tmp_path), "restore-backup"]) == 1
    assert "lock" in capsys.readouterr().err


def test_two_restores_in_one_second_do_not_collide(tmp_path):
    fill(tmp_path, 2)
    backed_up(tmp_path)
    for _ in range(2):
        shard_of(tmp_path, 1).write_text("{", encoding="utf-8")
        restore.restore_backup(tmp_path)
    assert len(list(tmp_path.glob("damaged-*"))) == 2 and ids(tmp_path) == [1, 2]


def test_a_damaged_history_does_not_stop_saving_and_is_kept_aside(tmp_path):
    (record,) = fill(tmp_path, 1)
    history = tmp_path / "history" / f"{record}.json"
    history.parent.mkdir(exist_ok=True)
    shutil.rmtree(history, ignore_errors=True)
    history.unlink(missing_ok=True)
    history.mkdir()  # a folder where the history file should be
    with Repository(tmp_path) as store:
        saved = store.save(sample(reference="TSB Circular 0", subject="موضوع آخر"), record)
        assert saved.version == 2 and [v.number for v in store.versions(record)] == [1]
    assert list(history.parent.glob(f"{record}.damaged-*"))


def test_import_reads_at_most_the_largest_accepted_file(tmp_path, capsys):
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(4 << 30)  # 4 GB (sparse)
    assert cli.main(["--db", str(tmp_path / "db"), "import", str(huge), "/dev/zero"]) == 2
    err = capsys.readouterr().err
    assert "huge.json: not a circular file (larger than 20 MB)" in err
    assert "/dev/zero: not a regular file" in err, "a device is refused before it is read"
    assert not (tmp_path / "db").exists(), "a refused import makes no store"


def test_a_damaged_shard_without_a_copy_is_set_aside_and_the_store_opens_without_it(tmp_path):
    fill(tmp_path, 3)
    backed_up(tmp_path)
    with Repository(tmp_path) as store:  # shard 4 is newer than every backup
        newest = store.save(sample(reference="TSB Circular 40")).id
    shard_of(tmp_path, newest).write_text("{", encoding="utf-8")
    plan = restore.restore_backup(tmp_path)
    assert [(s.name, s.action) for s in plan.steps] == [(shard_of(tmp_path, newest).name, "aside")]
    assert f"lost: #{newest}" in plan.describe()
    assert ids(tmp_path) == [1, 2, 3]
    with Repository(tmp_path) as store:
        assert store.save(sample(reference="TSB Circular 41")).id == newest + 1, "its id is not handed out again"
