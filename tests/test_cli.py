import subprocess
import sys

from circular_editor import __version__


def test_entry_point_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "circular_editor", "--version"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.strip() == f"circular-editor {__version__}"
