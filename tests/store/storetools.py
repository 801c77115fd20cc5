"""Circulars and a fresh store for the store tests (a plain module: a second conftest.py would shadow the root one)."""
import json
from pathlib import Path

import pytest

from circular_editor.model import Circular

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"


def sample(name: str = "tsb-circular-92", **changes) -> Circular:
    data = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data.update(changes)
    return Circular.from_dict(data)


@pytest.fixture
def store(tmp_path):
    from circular_editor.store import Repository

    with Repository(tmp_path / "db") as repository:
        yield repository
