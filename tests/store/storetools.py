"""Circulars for the store tests (a plain module: a second conftest.py would shadow the root one)."""
import json

from circular_editor.model import Circular
from circular_editor.paths import example



def sample(name: str = "tsb-circular-92", **changes) -> Circular:
    data = json.loads(example(name).read_text(encoding="utf-8"))
    data.update(changes)
    return Circular.from_dict(data)



def write_sealed(path, data) -> None:
    """A store file holding `data` with a digest that matches: damage only the shape checks can find."""
    from circular_editor.store.storage import seal
    path.write_bytes(seal(data)[0])


def read_sealed(path):
    from circular_editor.store.storage import read_store_file
    return read_store_file(path)[0]
