"""Screenshots of the signatory workflow, for docs/images/ (a throwaway PostgreSQL and certificates; under Xvfb):

    xvfb-run -a -s "-screen 0 1500x1000x24" .venv/bin/python docs/workflow_screenshots.py

workflow-waiting.png: a signatory's window, "Waiting for me" on; workflow-review.png: the circular submitted to
them, read-only, with Return with a note and Finalize; workflow-returned.png: the assistant's window with the
note; workflow-history.png: who did what to the circular once sent.
"""
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "bureau"))
sys.path.insert(0, str(ROOT / "tests"))

from bureau_screenshots import pump  # noqa: E402
from bureautools import Bureau  # noqa: E402
from certs import ThrowawayCA  # noqa: E402
from pgserver import start_server  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from circular_editor import cli  # noqa: E402
from circular_editor.bureau import sync  # noqa: E402
from circular_editor.model import Circular  # noqa: E402
from circular_editor.paths import example  # noqa: E402
from circular_editor.store import Repository  # noqa: E402
from circular_editor.ui.app import setup_application  # noqa: E402
from circular_editor.ui.mainwindow import MainWindow  # noqa: E402
from circular_editor.ui.settings import Settings  # noqa: E402
from circular_editor.ui.storeclient import StoreClient  # noqa: E402
from circular_editor.ui.workflow import HistoryDialog  # noqa: E402

OUT = ROOT / "docs" / "images"
PEOPLE = ["Houlin Zhao", "Doreen Bogdan-Martin"]


def save(widget, name: str) -> None:
    pump(lambda: False, 0.4)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


class Person:
    def __init__(self, bureau, folder: Path, role: str):
        self.name, dsn = bureau.person(role)
        self.password = dsn.rsplit("password=", 1)[1]
        self.folder = folder
        with Repository(folder / "db") as store:
            store.join(dsn.rsplit(" password=", 1)[0], "tsb")

    def ask(self, *_):
        return self.password

    def window(self, app) -> MainWindow:
        window = MainWindow(StoreClient(self.folder / "db"), Settings(self.folder / "settings.ini"),
                            setup_application(app, "ar"), arabic=True)
        window.resize(1400, 860)
        window.show()
        window.bureau.password = self.password
        window.start()
        pump(lambda: window.bureau.joined and not window.bureau.busy and window.client.pending == 0)
        return window


def letter() -> Circular:
    data = json.loads(example("sg-cl-20-025").read_text(encoding="utf-8"))
    data.update(reference="", signatories=[{"note": "", "name": person, "title": "المدير"} for person in PEOPLE])
    return Circular.from_dict(data)


def main() -> None:
    server = start_server()
    tmp = Path(tempfile.mkdtemp())
    bureau = Bureau(server, tmp)
    app = QApplication(sys.argv)
    assistant, first, second = (Person(bureau, tmp / n, r) for n, r in
                                (("a", "assistant"), ("s1", "signatory"), ("s2", "signatory")))
    window = assistant.window(app)
    record = window.client.wait(lambda repo: repo.save(letter()))
    window.client.wait(lambda repo: sync.submit(repo, record.id, [first.name, second.name], password=assistant.ask))

    review = first.window(app)
    review.bureau.sync_now()
    pump(lambda: review.workflow.waiting_ids)
    review.act_waiting.trigger()
    pump(lambda: len(review.list_pane.model.summaries) == 1)
    save(review, "workflow-waiting")
    review.open_record(review.workflow.waiting_ids[0])
    pump(lambda: review.workflow.reviewing() and review.workflow.bar.isVisible())
    save(review, "workflow-review")
    on_first = review.document.record_id
    review.client.wait(lambda repo: sync.send_back(repo, on_first, "يُرجى إضافة موعد الاجتماع في الفقرة الثالثة",
                                                   first.ask))

    window.bureau.sync_now()
    window.open_record(record.id)
    pump(lambda: "موعد الاجتماع" in window.workflow.text.text())
    save(window, "workflow-returned")
    window.client.wait(lambda repo: sync.submit(repo, record.id, [first.name, second.name], password=assistant.ask))
    review.client.wait(lambda repo: sync.finalize(repo, on_first, first.ask))

    ca = ThrowawayCA()
    os.environ["CIRCULAR_EDITOR_P12_PASSWORD"] = "secret"
    for n, (person, desk_window) in enumerate(((first, review), (second, None))):
        if desk_window is not None:
            desk_window.close()
            desk_window.client.close()
        os.environ["PGPASSWORD"] = person.password
        with Repository(person.folder / "db") as store:
            sync.sync(store)
            own = store.find_gid(window.client.wait(lambda repo: repo.get(record.id)).gid)
        cli.main(["--db", str(person.folder / "db"), "sign", str(own), "--p12",
                  str(ca.signer_p12(tmp / f"{n}.p12", PEOPLE[n])), "--signatory", str(n + 1),
                  "-o", str(tmp / f"signed-{n}.pdf")])
    os.environ["PGPASSWORD"] = assistant.password
    window.bureau.sync_now()
    pump(lambda: window.document is not None and window.document.status == "sent", 20)
    versions = window.client.wait(lambda repo: sync.history(repo, record.id, assistant.ask))
    dialog = HistoryDialog(versions, window)
    dialog.show()
    QTimer.singleShot(0, lambda: None)
    save(dialog, "workflow-history")
    dialog.close()
    window.close()
    window.client.close()
    server.stop("immediate")


if __name__ == "__main__":
    main()
