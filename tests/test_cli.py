"""The command line as a whole process: version, and the error contract (one line, never a traceback)."""
import subprocess
import sys

from circular_editor import __version__
from circular_editor.paths import example


def test_entry_point_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "circular_editor", "--version"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.strip() == f"circular-editor {__version__}"


# A bug planted in the renderer, to see the last-resort handler at work (the only double in the suite).
BUGGY = """
import sys
import circular_editor.render as render
def broken(circular):
    raise KeyError("a bug\\nover two lines")
render.render_pdf = broken
from circular_editor import cli
sys.exit(cli.main(sys.argv[1:]))
"""


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(tmp_path):
    args = ["render", str(example("sg-cl-20-025")), "-o", str(tmp_path / "out.pdf")]
    done = subprocess.run([sys.executable, "-c", BUGGY, *args], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("circular-editor: unexpected error (KeyError: ")
    assert "\\n" in done.stderr  # the newline of the message is shown escaped, on the one line
    debug = subprocess.run([sys.executable, "-c", BUGGY, "--debug", *args], capture_output=True, text=True)
    assert debug.returncode == 1 and "Traceback (most recent call last)" in debug.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_install_desktop_entry_writes_an_entry_naming_this_program_and_its_icon(tmp_path):
    from circular_editor.desktop import install

    entry, icon = install(tmp_path)
    text = entry.read_text(encoding="utf-8")
    assert entry == tmp_path / "applications" / "circular-editor.desktop"
    import os
    import shlex
    from pathlib import Path

    program = shlex.split(next(line for line in text.splitlines() if line.startswith("Exec="))[5:])[0]
    assert Path(program).is_file() and os.access(program, os.X_OK), "the entry starts a program that exists"
    assert "Icon=circular-editor" in text and "Name[ar]=محرر الرسائل المعممة" in text
    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
