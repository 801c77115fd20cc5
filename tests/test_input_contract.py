"""The input contract, everywhere (issue 25, item 5 to 8): regular UTF-8 files only, exact one-line messages with
where, names matched whole, "valid" meaning "renders", safe output names, exit codes as the README says."""
import errno
import json
import os
import re
import subprocess
import sys

import pytest

from circular_editor import atomic
from circular_editor.cli import main
from circular_editor.files import file_stem
from circular_editor.model import Circular, ValidationError
from circular_editor.paths import RESOURCES, example
from circular_editor.render import render_pdf
from circular_editor.store import Repository, StoreLocked
from circular_editor.store.lock import ProcessLock

GOOD = example("tsb-circular-92").read_text(encoding="utf-8")


def refused(text) -> str:
    with pytest.raises(ValidationError) as caught:
        Circular.from_json(text)
    message = str(caught.value)
    assert "\n" not in message and " at at " not in message, message
    return message


def with_extra(value: str) -> str:
    return GOOD.replace('"format": "itu-circular/1"', f'"x_extra": {value}, "format": "itu-circular/1"', 1)


@pytest.mark.parametrize("value,expected", [
    ("NaN", "NaN is not a JSON number (line 2, column 14)"),
    ("Infinity", "Infinity is not a JSON number (line 2, column 14)"),
    ("-Infinity", "-Infinity is not a JSON number (line 2, column 14)"),
    ("1e400", "the number '1e400' is out of range (line 2, column 14)"),
    ("1" * 31, "a number of 31 digits (at most 30; line 2, column 14)"),
    ("[" * 1000 + "]" * 1000, "nested too deeply (more than 200 levels, line 2, column 213)"),
])
def test_numbers_and_nesting_json_should_not_hold_are_refused_with_line_and_column(value, expected):
    assert refused(with_extra(value)) == expected


@pytest.mark.parametrize("key,value", [("format", '"itu-circular/1"'), ("style", '"bdt"'), ("subject", '"x"')])
def test_a_key_given_twice_is_refused_naming_it(key, value):
    message = refused(with_extra("1").replace('"x_extra": 1', f'"{key}": {value}'))
    assert message.startswith(f"{key}: given twice in one object") and re.search(r"\(line \d+, column \d+\)", message)


@pytest.mark.parametrize("encoding,name", [("utf-16", "UTF-16 (little-endian)"), ("utf-16-be", "UTF-16 (big-endian)"),
                                           ("utf-16-le", "UTF-16 (little-endian)"), ("utf-32", "UTF-32"),
                                           ("utf-32-be", "UTF-32 (big-endian)")])
def test_only_utf8_is_read_other_encodings_are_refused_by_name(encoding, name):
    data = GOOD.encode(encoding)
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    assert f"encoded as {name}" in refused(data)


def test_utf8_with_a_bom_is_read_and_invalid_utf8_says_where():
    assert Circular.from_json(GOOD.encode("utf-8-sig")) == Circular.from_json(GOOD)
    raw = GOOD.encode()
    at = raw.index(b"\n", 200) + 1
    assert "not UTF-8 text (invalid start byte at byte" in refused(raw[:at] + b"\xff" + raw[at:])


def test_a_truncated_file_says_where_with_no_doubled_words():
    assert refused(GOOD[:300]).startswith("not valid JSON (Unterminated string starting, line ")


@pytest.mark.parametrize("style", ["bdt\n", "tsb\n\n", " tsb", "tsb\r"])
def test_a_style_name_is_matched_whole_and_told_escaped(style):
    message = refused(GOOD.replace('"style": "tsb"', f'"style": {json.dumps(style)}'))
    assert message.startswith("style: ") and "is not a style name" in message


def cli(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "circular_editor", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.parametrize("command", [["validate"], ["render"], ["import", "--db", "{db}"]])
def test_a_fifo_is_refused_before_it_is_read_never_waited_on(tmp_path, command):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    done = cli(*[part.replace("{db}", str(tmp_path / "db")) for part in command], fifo, timeout=30)
    assert done.returncode == 2 and f"{fifo}: not a regular file" in done.stderr


def test_validate_runs_the_emblem_check_render_runs(tmp_path):
    """A truncated JPEG has a sound header: only decoding finds it. validate and render say the same line."""
    from PIL import Image
    picture = tmp_path / "emblem.jpg"
    Image.new("RGB", (120, 120), (30, 90, 160)).save(picture, "JPEG")
    picture.write_bytes(picture.read_bytes()[:400])
    template = (RESOURCES / "templates" / "tsb.toml").read_text(encoding="utf-8")
    (tmp_path / "tsb.toml").write_text(re.sub(r'(?m)^emblem = .*$', 'emblem = "emblem.jpg"', template),
                                       encoding="utf-8")
    env = {**os.environ, "CIRCULAR_EDITOR_TEMPLATES": str(tmp_path)}
    run = [sys.executable, "-m", "circular_editor"]
    checked = subprocess.run([*run, "validate", example("tsb-circular-92")], capture_output=True, text=True, env=env)
    rendered = subprocess.run([*run, "render", example("tsb-circular-92"), "-o", tmp_path / "out.pdf"],
                              capture_output=True, text=True, env=env)
    assert checked.returncode == rendered.returncode == 1
    assert "emblem.jpg cannot be decoded" in checked.stderr and checked.stderr == rendered.stderr
    assert checked.stderr.count("\n") == 1 and not (tmp_path / "out.pdf").exists()


def test_the_lock_message_names_the_process_or_says_another(tmp_path):
    with Repository(tmp_path):
        with pytest.raises(StoreLocked, match=rf"in use by process {os.getpid()};"):
            ProcessLock(tmp_path / "store.lock").acquire()
        (tmp_path / "store.lock").write_bytes(b"")
        with pytest.raises(StoreLocked) as caught:
            ProcessLock(tmp_path / "store.lock").acquire()
        assert "in use by another process;" in str(caught.value) and "process another" not in str(caught.value)


def test_an_import_cut_short_by_a_full_disk_exits_1_and_a_refused_file_2(tmp_path, monkeypatch, capsys):
    files = []
    for n in range(30):
        data = json.loads(GOOD)
        data["reference"] = f"TSB Circular {n}"
        files.append(tmp_path / f"{n}.json")
        files[-1].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    real = atomic.write_atomic
    allowed = [6]

    def write(path, data):
        if allowed[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        allowed[0] -= 1
        real(path, data)
    monkeypatch.setattr("circular_editor.store.storage.write_atomic", write)
    assert main(["--db", str(tmp_path / "db"), "import", *map(str, files)]) == 1, "the disk's failure: 1"
    assert "No space left" in capsys.readouterr().err
    monkeypatch.undo()
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["--db", str(tmp_path / "db"), "import", str(bad)]) == 2, "the user's file: 2"


def test_finalize_and_mark_sent_from_the_command_line(tmp_path, capsys):
    db = ["--db", str(tmp_path)]
    data = json.loads(GOOD)
    data["reference"] = ""
    source = tmp_path / "draft.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main([*db, "import", str(source)]) == 0
    capsys.readouterr()
    assert main([*db, "mark-sent", "1"]) == 2
    assert "#1 is a draft: finalize it before it is marked sent" in capsys.readouterr().err
    assert main([*db, "finalize", "1"]) == 0
    assert re.fullmatch(r"#1 finalized as TSB Circular \d+\n", capsys.readouterr().out)
    assert main([*db, "finalize", "1"]) == 0 and "already final" in capsys.readouterr().out
    assert main([*db, "mark-sent", "1"]) == 0
    with Repository(tmp_path, read_only=True) as store:
        assert store.get(1).status == "sent"
    assert main([*db, "finalize", "7"]) == 2 and "there is no circular #7" in capsys.readouterr().err


def test_finalize_from_the_command_line_names_what_is_missing(tmp_path, capsys):
    data = json.loads(GOOD)
    data["subject"] = ""
    source = tmp_path / "empty.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(tmp_path), "import", str(source)]) == 0
    assert main(["--db", str(tmp_path), "finalize", "1"]) == 2
    assert "subject: empty: a circular needs a subject" in capsys.readouterr().err


@pytest.mark.parametrize("reference,stem", [
    ("x\u202efdp.exe", "xfdp.exe"), ("a\u200bb\u2066c\u2069", "abc"), ("CON", "_CON"), ("com1", "_com1"),
    ("LPT9.txt", "_LPT9.txt"), ("aux.", "_aux"), ("TSB Circular 92. ", "TSB Circular 92"),
    ("CL-20/025", "CL-20-025"), ("نشرة\u200f 12", "نشرة 12"), ("\u202e\u202c", "fallback"),
])
def test_output_names_are_safe_on_every_platform(reference, stem):
    assert file_stem(reference, "fallback") == stem


def test_any_number_of_marks_on_one_letter_renders():
    data = json.loads(GOOD)
    data["subject"] = "ب" + "\u064e" * 225 + " موضوع"
    pdf = render_pdf(Circular.from_dict(data))
    assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-10:]
