"""Regression: PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call
that returns nothing, until the interpreter aborts (ARCHITECTURE.md, "Known traps").
The installed pair must survive many such calls, in a process of its own."""
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(30000):
        label.setText(str(i))
        label.resize(100 + i % 7, 20)
    after = sys.getrefcount(None)
    print(before, after)
""")


def test_qt_calls_returning_nothing_keep_none_alive():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = map(int, done.stdout.split())
    # 60,000 calls that return None: a leak of one reference each would show here
    # (on 3.12+ None is immortal and the count does not move at all).
    assert after >= before - 100
