"""What one keystroke costs the GUI thread, counted: the display form of the field's text (bidi isolation,
ui/bidi.py) is made once, and the circular is not validated on the GUI thread until typing pauses (the
form's check, debounced) nor converted to a Circular by the window."""
from __future__ import annotations

import pytest

from circular_editor.model import Circular
from circular_editor.ui import bidi

from tests.ui.uitools import close_window, make_window, type_text


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    yield window
    close_window(window)


def _counting(monkeypatch, owner, name: str) -> list[int]:
    calls = [0]
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)
    monkeypatch.setattr(owner, name, counted)
    return calls


@pytest.mark.parametrize("path", [("subject",), ("body",)])
def test_a_keystroke_converts_the_text_for_display_once(qtbot, window, monkeypatch, path):
    window.new_circular("tsb")
    form = window.form
    field = form.fields[path]
    if path == ("body",):  # the first paragraph's text field
        field = next(w for w in field.findChildren(type(form.fields[("subject",)]))
                     if getattr(w, "path", ()) == ("body", 0, "text"))
    type_text(field, "اجتماع ")
    conversions = _counting(monkeypatch, bidi, "to_display")
    validations = _counting(monkeypatch, Circular, "from_dict")
    text = "لجنة الدراسات 5 على https://www.itu.int/go"
    type_text(field, text)
    assert conversions[0] == len(text), "one display conversion per keystroke"
    assert validations[0] == 0, "no validation while typing: the form checks when typing pauses"
    qtbot.waitUntil(lambda: validations[0] == 1, timeout=5_000)  # (the check, 300 ms after the last key)
    assert field.text().endswith(text)


def test_a_save_converts_the_circular_once_each_way(qtbot, window, monkeypatch):
    """The form's dict becomes a Circular once (checked, on the GUI thread) and the store's dict once: the
    record the store answers with holds that same Circular, not one read back from what it wrote."""
    window.new_circular("tsb")
    type_text(window.form.fields[("subject",)], "اجتماع الفريق")
    qtbot.wait(400)  # (the form's own check, after typing pauses, is done before counting)
    reads = _counting(monkeypatch, Circular, "from_dict")
    writes = _counting(monkeypatch, Circular, "to_dict")
    assert window.operations.save(wait=True)
    assert (reads[0], writes[0]) == (1, 1)
    record = window.client.wait(lambda repo: repo.get(window.document.record_id))
    assert record.circular.subject == "اجتماع الفريق"
