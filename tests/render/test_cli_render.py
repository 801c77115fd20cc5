"""`circular-editor render` and `validate` as whole processes: outputs, exit codes, messages."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from circular_editor.paths import example, examples

TSB = example("tsb-circular-92")


def run(*args, cwd, stdin=None):
    return subprocess.run([sys.executable, "-m", "circular_editor", *map(str, args)], cwd=cwd, input=stdin,
                          capture_output=True, timeout=60)


def test_render_names_the_pdf_after_the_reference(tmp_path):
    done = run("render", TSB, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "TSB Circular 92.pdf").read_bytes().startswith(b"%PDF-")
    sg = run("render", example("sg-cl-20-025"), cwd=tmp_path)
    assert sg.returncode == 0 and (tmp_path / "CL-20-025.pdf").exists(), "a / in the reference is not a folder"


def test_render_reads_stdin_and_writes_stdout_the_same_bytes(tmp_path):
    to_file = run("render", TSB, "-o", tmp_path / "a.pdf", cwd=tmp_path)
    piped = run("render", "-", "-o", "-", cwd=tmp_path, stdin=TSB.read_bytes())
    assert to_file.returncode == piped.returncode == 0
    assert piped.stdout == (tmp_path / "a.pdf").read_bytes()


def test_validate_accepts_the_samples(tmp_path):
    done = run("validate", *examples(), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().count(": valid") == 3


def _broken(tmp_path, change) -> Path:
    data = json.loads(TSB.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


INVALID = {
    "bad JSON": (lambda tmp: _write(tmp, '{"format": "itu-circular/1", "style": '), "not valid JSON"),
    "unknown style": (lambda tmp: _broken(tmp, lambda d: d.update(style="itu-r")), "style: unknown style 'itu-r'"),
    "missing subject": (lambda tmp: _broken(tmp, lambda d: d.pop("subject")), "subject: missing"),
    "wrong type": (lambda tmp: _broken(tmp, lambda d: d["body"][4]["items"].__setitem__(0, 7)),
                   "body[4].items[0]: expected a string, got a number"),
    "5 MB subject": (lambda tmp: _broken(tmp, lambda d: d.update(subject="م" * 5_000_000)),
                     "subject: too long (5,000,000 characters"),
    "bad date": (lambda tmp: _broken(tmp, lambda d: d.update(date="2023-02-30")), "date: expected a date"),
}


def _write(tmp_path, text) -> Path:
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_input_exits_2_with_one_line_and_no_pdf(tmp_path, case):
    make, expected = INVALID[case]
    path = make(tmp_path)
    for command in (["render", path, "-o", tmp_path / "out.pdf"], ["validate", path]):
        done = run(*command, cwd=tmp_path)
        message = done.stderr.decode()
        assert done.returncode == 2, message
        assert message.count("\n") == 1 and "Traceback" not in message
        assert str(path) in message and expected in message, message
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".tmp-*")), "no partial output"


def test_an_unwritable_output_is_reported_and_leaves_nothing(tmp_path):
    done = run("render", TSB, "-o", tmp_path / "missing-folder" / "x.pdf", cwd=tmp_path)
    assert done.returncode == 1
    assert "cannot write" in done.stderr.decode() and "Traceback" not in done.stderr.decode()
