"""The store notices every damage, always opens after restore-backup, and loses nothing a backup holds (issue 25).

Damage is made as a disk or another program would make it: bits flipped in place, files emptied,
replaced by other files or by older copies of themselves, deleted; backups damaged too.
"""
import errno
import os
import random
import shutil

import pytest
from storetools import read_sealed, sample, write_sealed

from circular_editor.store import Repository, StoreCorrupt, restore
from circular_editor.store.backup import backups
from circular_editor.store.checks import shard_name

SUBJECTS = {n: f"موضوع التعميم رقم {n} بشأن الاجتماع" for n in range(1, 51)}


def make_store(folder, count: int = 50) -> None:
    with Repository(folder) as store:
        for n in range(1, count + 1):
            store.save(sample(reference=f"TSB Circular {n}", subject=SUBJECTS[n]))
    Repository(folder).close()  # this open's backup holds every circular


def shown(folder) -> dict[int, str]:
    """What the list shows and what reading each circular gives: {id: subject}, checked to agree."""
    with Repository(folder, read_only=True) as store:
        listed = {s.id: s.subject for s in store.search()}
        for record_id, subject in listed.items():
            assert store.get(record_id).circular.subject == subject
        return listed


def flip(path, rng: random.Random) -> int:
    data = bytearray(path.read_bytes())
    at = rng.randrange(len(data))
    data[at] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return at


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pristine") / "store"
    make_store(folder)
    return folder


def test_a_hundred_single_bit_flips_are_each_caught_and_restored_or_harmless(pristine, tmp_path):
    rng = random.Random(25)
    expected = {n: SUBJECTS[n] for n in range(1, 51)}
    caught = harmless = 0
    for round_ in range(100):
        folder = tmp_path / f"r{round_}"
        shutil.copytree(pristine, folder, symlinks=True)
        files = sorted(folder.glob("circulars-*.json")) + [folder / "meta.json", folder / "index.json"]
        target = rng.choice(files)
        flip(target, rng)
        try:
            Repository(folder).close()
        except StoreCorrupt as exc:
            assert target.name in str(exc), "the damaged file is named"
            plan = restore.restore_backup(folder)
            assert not plan.lost, plan.describe()
            caught += 1
        else:
            assert target.name == "index.json", f"a flip in {target.name} went unnoticed"
            harmless += 1
        assert shown(folder) == expected, "never a changed text"
    print(f"flips: {caught} caught and restored, {harmless} harmless (in the list cache)")
    assert caught >= 80 and caught + harmless == 100


def test_a_flip_that_keeps_the_file_time_is_caught_when_the_circular_is_read(pristine, tmp_path):
    """Bit rot: the file's time does not change, so the open (which checks what changed) trusts the list's cache;
    reading the circular checks the shard's digest and refuses it, and restore-backup brings it back."""
    folder = tmp_path / "store"
    shutil.copytree(pristine, folder)
    shard = folder / shard_name(7)
    stat = shard.stat()
    data = bytearray(shard.read_bytes())
    at = data.index("التعميم".encode()) + 1
    data[at] ^= 0x01
    shard.write_bytes(bytes(data))
    os.utime(shard, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with Repository(folder) as store:
        assert store.summaries([7])[0].subject == SUBJECTS[7], "the list shows what was saved"
        with pytest.raises(StoreCorrupt, match=f"{shard.name}.*SHA-256"):
            store.get(7)
    restore.restore_backup(folder)
    assert shown(folder)[7] == SUBJECTS[7]


@pytest.mark.parametrize("replacement", ["{}", "sealed {}", "sealed empty table", "another shard", "older copy"])
def test_a_shard_replaced_by_other_valid_content_is_noticed(tmp_path, replacement):
    make_store(tmp_path, 3)
    shard = tmp_path / shard_name(2)
    older = shard.read_bytes()
    with Repository(tmp_path) as store:
        store.save(sample(reference="TSB Circular 66", subject="جديد"))  # #4... then #66 in shard 2
        newer = store.save(sample(reference="TSB Circular 67", subject="أحدث"), None)
        while newer.id % 64 != 2:
            newer = store.save(sample(reference=f"TSB Circular {newer.id + 100}", subject="أحدث"))
    if replacement == "{}":
        shard.write_text("{}", encoding="utf-8")
    elif replacement == "sealed {}":
        write_sealed(shard, {})
    elif replacement == "sealed empty table":
        write_sealed(shard, {"circulars": {}})
    elif replacement == "another shard":
        shard.write_bytes((tmp_path / shard_name(1)).read_bytes())
    else:
        shard.write_bytes(older)  # an older copy of itself, intact, lacking the newest circular
    with pytest.raises(StoreCorrupt, match=shard.name):
        Repository(tmp_path)
    plan = restore.restore_backup(tmp_path)
    assert 2 in shown(tmp_path), plan.describe()


def test_a_missing_shard_newer_than_every_backup_is_reported_lost_and_the_store_opens(tmp_path):
    """Import #1, then import #2 (written after that open's backup), delete #2's shard."""
    with Repository(tmp_path) as store:
        store.save(sample(reference="TSB Circular 1"))
    with Repository(tmp_path) as store:
        store.save(sample(reference="TSB Circular 2"))
    (tmp_path / shard_name(2)).unlink()
    with pytest.raises(StoreCorrupt, match="missing"):
        Repository(tmp_path)
    plan = restore.plan_restore(tmp_path)
    assert "lost: #2" in plan.describe()
    restore.restore_backup(tmp_path)
    assert list(shown(tmp_path)) == [1]
    with Repository(tmp_path) as store:
        assert store.save(sample(reference="TSB Circular 3")).id == 3, "the lost id is not handed out again"


def test_meta_listing_a_shard_no_one_has_is_repaired_by_restore(tmp_path):
    make_store(tmp_path, 2)
    meta = read_sealed(tmp_path / "meta.json")
    meta["meta"]["1"]["shards"]["9"] = [9]
    write_sealed(tmp_path / "meta.json", meta)
    with pytest.raises(StoreCorrupt, match=shard_name(9)):
        Repository(tmp_path)
    plan = restore.restore_backup(tmp_path)
    assert "lost: #9" in plan.describe()
    assert sorted(shown(tmp_path)) == [1, 2]


def test_the_newest_intact_copy_is_taken_when_the_newest_backup_is_damaged_too(tmp_path):
    make_store(tmp_path, 3)
    Repository(tmp_path).close()
    with Repository(tmp_path) as store:  # a later backup, whose copy of shard 2 is then damaged
        store.save(sample(reference="TSB Circular 2b", subject=SUBJECTS[2]), 2)
    Repository(tmp_path).close()
    newest = backups(tmp_path / "backups")[0]
    damaged_copy = newest / shard_name(2)
    data = damaged_copy.read_bytes()
    damaged_copy.unlink()  # (a hard link: break it, damage only this copy)
    damaged_copy.write_bytes(data.replace("موضوع".encode(), "مضوع".encode() + b" ", 1))
    (tmp_path / shard_name(2)).write_text("{", encoding="utf-8")
    plan = restore.restore_backup(tmp_path)
    (step,) = plan.steps
    assert step.action == "replace" and step.source != newest and step.back == {2} and not step.lost
    assert f"backups/{step.source.name}" in plan.describe()
    assert shown(tmp_path)[2] == SUBJECTS[2]


def test_a_backup_the_disk_refuses_is_a_warning_and_the_store_still_opens_and_saves(tmp_path, monkeypatch):
    make_store(tmp_path, 2)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr("circular_editor.store.backup._snapshot", full)
    with Repository(tmp_path) as store:
        assert any("no backup was made" in w and "No space left" in w for w in store.warnings)
        store.save(sample(reference="TSB Circular 9", subject="بعد الامتلاء"))
    monkeypatch.undo()
    assert shown(tmp_path)[3] == "بعد الامتلاء"


def test_a_damaged_file_is_never_backed_up(tmp_path):
    make_store(tmp_path, 2)
    before = {p.name for p in (tmp_path / "backups").iterdir()}
    flip(tmp_path / shard_name(1), random.Random(1))
    with pytest.raises(StoreCorrupt):
        Repository(tmp_path)
    assert {p.name for p in (tmp_path / "backups").iterdir()} == before


def test_a_damaged_or_stale_list_cache_is_only_made_again(tmp_path):
    make_store(tmp_path, 5)
    (tmp_path / "index.json").write_text("not json", encoding="utf-8")
    assert len(shown(tmp_path)) == 5
    with Repository(tmp_path) as store:  # rebuilt at this open
        store.save(sample(reference="TSB Circular 5", subject="تغيّر"), 5)
    shutil.copy(tmp_path / "index.json", tmp_path / "old-index.json")
    with Repository(tmp_path) as store:
        store.save(sample(reference="TSB Circular 5", subject="تغيّر مرة أخرى"), 5)
    shutil.copy(tmp_path / "old-index.json", tmp_path / "index.json")  # a cache older than the shards
    assert shown(tmp_path)[5] == "تغيّر مرة أخرى"


def test_a_schema_1_store_is_read_and_sealed_by_its_migration(tmp_path):
    """Files written before digests (plain TinyDB JSON, meta listing shard numbers) open and are rewritten."""
    import json
    content = sample(reference="TSB Circular 1").to_dict()
    record = {"status": "draft", "created": "2024-01-01T00:00:00+00:00", "modified": "2024-01-01T00:00:00+00:00",
              "version": 1, "content": content}
    (tmp_path / shard_name(1)).write_text(json.dumps({"circulars": {"1": record}}), encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({"meta": {"1": {"schema": 1, "next_id": 2, "shards": [1]}}}),
                                        encoding="utf-8")
    assert shown(tmp_path) == {1: content["subject"]}, "a reader reads schema 1 as it is"
    Repository(tmp_path).close()
    meta = read_sealed(tmp_path / "meta.json")["meta"]["1"]
    assert meta["schema"] == 2 and meta["shards"] == {"1": [1]}
    assert read_sealed(tmp_path / shard_name(1))["circulars"]["1"]["content"] == content
    assert shown(tmp_path) == {1: content["subject"]}
