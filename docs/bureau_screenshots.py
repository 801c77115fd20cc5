"""Screenshots of the bureau server in the editor, for docs/images/ (a throwaway PostgreSQL, run under Xvfb):

    xvfb-run -a -s "-screen 0 1500x1000x24" .venv/bin/python docs/bureau_screenshots.py

bureau-synced.png, bureau-waiting.png, bureau-offline.png: the status bar in each state (Arabic interface);
bureau-conflict.png: a circular changed here and on another desk, its conflict bar above the form;
bureau-resolved.png: the same after "Take the server's version".
"""
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "bureau"))

from bureautools import Bureau, Desk, draft  # noqa: E402
from pgserver import free_port, start_server  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from circular_editor.store import Repository  # noqa: E402
from circular_editor.ui.app import setup_application  # noqa: E402
from circular_editor.ui.mainwindow import MainWindow  # noqa: E402
from circular_editor.ui.settings import Settings  # noqa: E402
from circular_editor.ui.storeclient import StoreClient  # noqa: E402

OUT = ROOT / "docs" / "images"


def pump(until, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    QApplication.processEvents()


def shot(window, name: str, status_only: bool = False) -> None:
    pump(lambda: False, 0.3)
    picture = window.statusBar().grab() if status_only else window.grab()
    picture.save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def window_for(app, folder: Path, password: str) -> MainWindow:
    locale = setup_application(app, "ar")
    window = MainWindow(StoreClient(folder / "db"), Settings(folder / "settings.ini"), locale, arabic=True)
    window.resize(1400, 860)
    window.show()
    window.bureau.password = password
    window.start()
    return window


def main() -> None:
    server = start_server()
    tmp = Path(tempfile.mkdtemp())
    bureau = Bureau(server, tmp)
    app = QApplication(sys.argv)
    name, dsn = bureau.person("signatory")
    with Repository(tmp / "db") as store:
        store.join(dsn.rsplit(" password=", 1)[0], "tsb")
    window = window_for(app, tmp, dsn.rsplit("password=", 1)[1])
    other = Desk(bureau, tmp / "other")
    theirs = other.save(draft("اجتماع فريق الدراسات 5"))
    other.sync()
    pump(lambda: window.bureau.label.text().endswith("متزامن") and window.list_pane.model.summaries)
    shot(window, "bureau-synced", status_only=True)

    mine = window.list_pane.model.summaries[0].id
    window.bureau.close()  # (no sync for a moment: a change waits, then both desks change the same version)
    window.client.wait(lambda repo: repo.save(draft("اجتماع فريق الدراسات 5 (مسودة هذا الجهاز)"), mine))
    waiting = window.client.wait(lambda repo: repo.waiting())
    window.bureau._show(window.bureau.tr("Bureau: %n waiting").replace("%n", str(waiting)))
    shot(window, "bureau-waiting", status_only=True)

    other.save(draft("اجتماع فريق الدراسات 5 (نسخة المكتب الآخر)"), theirs)
    other.sync()
    window.bureau.link = window.client.wait(lambda repo: repo.bureau())
    window.bureau.sync_now()
    pump(lambda: "تعارض" in window.bureau.label.text())
    window.open_record(mine)
    pump(lambda: window.bureau.conflict_bar.isVisible())
    shot(window, "bureau-conflict")
    label = window.bureau.tr("Take the server's version")
    [a for a in window.bureau.conflict_bar.actions() if a.text() == label][0].trigger()
    pump(lambda: not window.bureau.conflict_bar.isVisible())
    window.bureau.sync_now()
    pump(lambda: window.bureau.label.text().endswith("متزامن"))
    shot(window, "bureau-resolved")
    window.document.mark_saved()
    window.close()
    window.client.close()

    with Repository(tmp / "off" / "db") as store:
        store.join(dsn.rsplit(" password=", 1)[0].replace(f"port={server.port}", f"port={free_port()}"), "tsb")
    offline = window_for(app, tmp / "off", "x")
    pump(lambda: "غير متصل" in offline.bureau.label.text())
    shot(offline, "bureau-offline", status_only=True)
    offline.close()
    offline.client.close()
    server.stop("immediate")


if __name__ == "__main__":
    main()
