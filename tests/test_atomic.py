"""Whole-file writes: all or nothing."""
import errno

import pytest

from circular_editor import atomic


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "data.json"
    atomic.write_atomic(target, "قديم".encode())
    target.chmod(0o600)

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        atomic.write_atomic(target, b"new" * 1000)
    monkeypatch.undo()
    assert target.read_bytes() == "قديم".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]
    atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o600


def test_leftover_temporaries_are_cleaned(tmp_path):
    (tmp_path / f"{atomic.TEMP_PREFIX}x.json.123").write_bytes(b"half")
    (tmp_path / "kept.json").write_bytes(b"{}")
    assert [p.name for p in atomic.clean_temporaries(tmp_path)] == [f"{atomic.TEMP_PREFIX}x.json.123"]
    assert [p.name for p in tmp_path.iterdir()] == ["kept.json"]
