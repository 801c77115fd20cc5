"""Signs from a real editor window (offscreen) N times in one process, and checks each signed file (issue 23's crash).

    .venv/bin/python scripts/sign_from_window.py [--times 50]

Each round finalizes a fresh copy of the BDT example, triggers "Sign and export" (the dialogs answered as a
person would: the certificate, a wrong password then the right one, the certificate confirmed as the
signatory's on first use), waits until the circular is "sent", and verifies the signed file. Prints the
rounds done and the first import made off the GUI thread, if any; exits 1 on any failure. A crash would end
the process (the loop in scripts/repeat_ui_tests.sh counts those).
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "ui")]

from certs import ThrowawayCA  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox  # noqa: E402
from uitools import Waiter, close_window, make_window, wait_store  # noqa: E402

from circular_editor.model import Circular  # noqa: E402
from circular_editor.paths import example  # noqa: E402
from circular_editor.signing import EXIT_GOOD, verdict, verify_pdf  # noqa: E402
from circular_editor.ui import imports  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--times", type=int, default=50)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    bot = Waiter(app)
    folder = Path(tempfile.mkdtemp(prefix="sign-from-window-"))
    ca = ThrowawayCA()
    p12 = ca.signer_p12(folder / "me.p12", "Doreen Bogdan-Martin")
    roots = [ca.pem(folder / "ca.pem")]
    window = make_window(bot, folder)
    answers: list[str] = []
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(p12), ""))
    QInputDialog.getText = staticmethod(lambda *a, **k: (answers.pop(0), True))
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    letter = Circular.from_json(example("bdt-dir-110").read_bytes()).to_dict()
    start = time.perf_counter()
    for n in range(1, args.times + 1):
        fresh = Circular.from_dict({**letter, "reference": ""})  # (finalizing numbers it)
        record_id = window.client.wait(lambda repo: repo.finalize(repo.save(fresh).id)).id
        out = folder / f"signed-{n}.pdf"
        QFileDialog.getSaveFileName = staticmethod(lambda *a, _out=out, **k: (str(_out), ""))
        window.open_record(record_id)
        wait_store(bot, window)
        bot.waitUntil(lambda: window.preview_pane.latest is not None and window.document is not None
                      and window.document.record_id == record_id and window.act_sign.isEnabled())
        answers[:] = ["wrong", "secret"]
        window.act_sign.trigger()
        bot.waitUntil(lambda: window.document.status == "sent", timeout=60_000)
        code, sentence = verdict(verify_pdf(out.read_bytes(), roots))
        if code != EXIT_GOOD or answers:
            print(f"round {n}: {sentence}; unanswered prompts {answers}")
            return 1
    seconds = time.perf_counter() - start
    close_window(window)
    off = imports.off_thread_imports()
    print(f"{args.times} signatures from the window in one process, each verified: {seconds:.1f} s; "
          f"first imports off the GUI thread: {off or 'none'}")
    return 1 if off else 0


if __name__ == "__main__":
    sys.exit(main())
