"""Circulars for the store tests (a plain module: a second conftest.py would shadow the root one)."""
import json

from circular_editor.model import Circular
from circular_editor.paths import example



def sample(name: str = "tsb-circular-92", **changes) -> Circular:
    data = json.loads(example(name).read_text(encoding="utf-8"))
    data.update(changes)
    return Circular.from_dict(data)

