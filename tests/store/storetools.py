"""Circulars for the store tests (a plain module: a second conftest.py would shadow the root one)."""
import json
from pathlib import Path

from circular_editor.model import Circular

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"


def sample(name: str = "tsb-circular-92", **changes) -> Circular:
    data = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data.update(changes)
    return Circular.from_dict(data)

