"""The emblem's encoded image is kept in the user's cache folder: a render from the cache writes the same
PDF as one that encodes the image, and a damaged or unwritable cache is never an error."""
import os

import pytest

from circular_editor import paths
from circular_editor.model import Circular
from circular_editor.paths import example
from circular_editor.render import emblem, render_pdf


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    emblem._encoded.cache_clear()
    yield folder / "CircularEditor"
    emblem._encoded.cache_clear()


def fresh_render(circular) -> bytes:
    emblem._encoded.cache_clear()  # as a new process: only the disk cache is left
    return render_pdf(circular)


@pytest.mark.skipif(os.name == "nt", reason="XDG_CACHE_HOME is read on Linux and BSD")
def test_the_kept_emblem_gives_the_same_pdf_and_a_damaged_one_is_made_again(cache):
    circular = Circular.from_json(example("tsb-circular-92").read_text(encoding="utf-8"))
    encoded = fresh_render(circular)
    kept = list(cache.glob("emblem-*.json"))
    assert len(kept) == 1 and paths.cache_dir() == cache
    assert fresh_render(circular) == encoded  # read from the cache

    whole = kept[0].read_text(encoding="utf-8")
    for damage in (b"", b"{not json", b'{"image": {"name": 3}, "smask": null}', b"[]",
                   whole.replace('"width": 240', '"width": "240"').encode(), whole[:len(whole) // 2].encode()):
        assert damage != whole.encode()
        kept[0].write_bytes(damage)
        assert fresh_render(circular) == encoded
        assert kept[0].read_bytes().startswith(b'{"image"')  # made again


@pytest.mark.skipif(os.name == "nt", reason="XDG_CACHE_HOME is read on Linux and BSD")
def test_a_cache_folder_that_cannot_be_made_is_not_used(cache):
    cache.parent.mkdir()
    cache.write_bytes(b"a file where the folder would be")
    circular = Circular.from_json(example("bdt-dir-110").read_text(encoding="utf-8"))
    assert fresh_render(circular) == fresh_render(circular)
    assert cache.read_bytes() == b"a file where the folder would be"
