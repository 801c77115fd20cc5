"""Screenshots of signing for docs/images/ (run under Xvfb; throwaway certificates made on the spot):

    xvfb-run -a -s "-screen 0 1500x1000x24" .venv/bin/python docs/signing_screenshots.py

signed-page.png: the signature block of the SG example signed by two signatories in turn (150 dpi crop);
verify-dialog.png: the editor's verification of that file, in Arabic; verify-forged.png: the same after a forger
replaced page 1's text; wrong-password.png: the password asked again after a wrong one.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from certs import ThrowawayCA  # noqa: E402
from forgeries import replace_content  # noqa: E402
from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit  # noqa: E402

from circular_editor.model import Circular  # noqa: E402
from circular_editor.paths import example  # noqa: E402
from circular_editor.render import render  # noqa: E402
from circular_editor.signing import load_signer, sign_circular, verdict, verify_pdf  # noqa: E402
from circular_editor.ui import dialogs  # noqa: E402
from circular_editor.ui.app import setup_application  # noqa: E402

OUT = ROOT / "docs" / "images"


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    ca = ThrowawayCA()
    data = Circular.from_json(example("sg-cl-20-025").read_bytes()).to_dict()
    data["signatories"] = [{"note": "", "name": "هولين جاو", "title": "الأمين العام"},
                           {"note": "", "name": "دورين بوغدان-مارتن", "title": "مديرة مكتب تنمية الاتصالات"}]
    circular = Circular.from_dict(data)
    rendered = render(circular)
    pdf = rendered.pdf
    for index, name in enumerate(("Houlin Zhao", "Doreen Bogdan-Martin")):
        signer = load_signer(ca.signer_p12(tmp / f"{index}.p12", name), "secret")
        # (Latin names on the certificates, Arabic in the letter: confirmed as theirs, as the editor asks once)
        pdf = sign_circular(pdf, rendered.signature_rooms, circular, index, signer,
                            known_fingerprints={signer.fingerprint})
    signed = tmp / "signed.pdf"
    signed.write_bytes(pdf)
    page, x0, y0, x1, y1 = rendered.signature_rooms[1]
    scale = 150 / 72
    top = round((842 - y1 - 40) * scale)
    subprocess.run(["pdftoppm", "-r", "150", "-f", str(page + 1), "-l", str(page + 1), "-x", "0", "-y", str(top),
                    "-W", "1240", "-H", str(round(130 * scale)), "-png", "-singlefile", str(signed),
                    str(OUT / "signed-page")], check=True)
    print(OUT / "signed-page.png")

    app = QApplication(sys.argv)
    setup_application(app, "ar")
    roots = [ca.pem(tmp / "ca.pem")]
    for name, data in (("verify-dialog", pdf), ("verify-forged", replace_content(pdf))):
        path = tmp / f"{name}.pdf"
        path.write_bytes(data)
        reports = verify_pdf(data, roots)
        shoot_next_modal(OUT / f"{name}.png")
        dialogs.show_verification(None, str(path), reports, verdict(reports))
        print(OUT / f"{name}.png")
    shoot_next_modal(OUT / "wrong-password.png")
    QInputDialog.getText(None, QCoreApplication.translate("signing", "Password"), QCoreApplication.translate(
        "signing", "Wrong password. Password of %1:").replace("%1", "doreen.p12"), QLineEdit.EchoMode.Password)
    print(OUT / "wrong-password.png")


def shoot_next_modal(path: Path) -> None:
    def shoot():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(100, shoot)
            return
        QTimer.singleShot(300, lambda: (box.grab().save(str(path)), box.reject()))
    QTimer.singleShot(100, shoot)


if __name__ == "__main__":
    main()
