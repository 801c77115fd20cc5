"""kill -9 of a writing process at random moments, 50 times (bench/store_crash.py runs 500)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from store_crash import run_rounds  # noqa: E402


def test_fifty_kills_mid_save_lose_nothing_acknowledged(tmp_path):
    saves, records, _cut = run_rounds(50, tmp_path, seed=7)
    assert saves > 200 and records > 50, "the writer must have been saving when it was killed"
