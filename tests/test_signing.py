"""Signing exported circulars (issue 14): real PAdES signatures with throwaway certificates, checked by pyHanko's
validator and by poppler's pdfsig; bad certificates refused with their reason and nothing written."""
import hashlib
import json
import shutil
import subprocess

import pytest
from certs import ThrowawayCA

from circular_editor import cli
from circular_editor.model import Circular
from circular_editor.paths import example
from circular_editor.render import render
from circular_editor.signing import SigningError, load_signer, sign_circular, verify_pdf
from circular_editor.store import Repository


@pytest.fixture(scope="module")
def ca():
    return ThrowawayCA()


def joint_letter() -> Circular:
    data = json.loads(example("sg-cl-20-025").read_text(encoding="utf-8"))
    data["signatories"] = [{"note": "", "name": "هولين جاو", "title": "الأمين العام"},
                           {"note": "", "name": "دورين بوغدان-مارتن", "title": "مديرة مكتب تنمية الاتصالات"}]
    return Circular.from_dict(data)


def test_a_signed_export_validates_in_pyhanko_and_pdfsig(tmp_path, ca):
    circular = Circular.from_json(example("bdt-dir-110").read_bytes())
    rendered = render(circular)
    signer = load_signer(ca.signer_p12(tmp_path / "a.p12", "Cosmas Zavazava"), "secret")
    signed = sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0, signer)
    assert signed.startswith(rendered.pdf), "an incremental update: the letter's bytes are untouched"
    (report,) = verify_pdf(signed, [ca.pem(tmp_path / "ca.pem")])
    assert (report.signer, report.intact, report.valid, report.trusted, report.whole_file) == \
        ("Cosmas Zavazava", True, True, True, True)
    out = tmp_path / "signed.pdf"
    out.write_bytes(signed)
    if shutil.which("pdfsig"):
        checked = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, timeout=60)
        assert "Signature Validation: Signature is Valid." in checked.stdout
        assert "Signer Certificate Common Name: Cosmas Zavazava" in checked.stdout
        assert "Total document signed" in checked.stdout
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(out), "-"], capture_output=True, text=True).stdout
    assert "توقيع رقمي" in text, "the appearance is on the signatory's page, in Arabic"


def test_two_signatories_in_turn_both_valid(tmp_path, ca):
    circular = joint_letter()
    rendered = render(circular)
    assert sorted(rendered.signature_rooms) == [0, 1]
    first = sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0,
                          load_signer(ca.signer_p12(tmp_path / "1.p12", "Houlin Zhao"), "secret"))
    both = sign_circular(first, rendered.signature_rooms, circular, 1,
                         load_signer(ca.signer_p12(tmp_path / "2.p12", "Doreen Bogdan-Martin"), "secret"))
    reports = verify_pdf(both, [ca.pem(tmp_path / "ca.pem")])
    assert [(r.field, r.signer, r.intact, r.valid, r.trusted) for r in reports] == [
        ("Signatory1", "Houlin Zhao", True, True, True), ("Signatory2", "Doreen Bogdan-Martin", True, True, True)]
    assert [r.whole_file for r in reports] == [False, True], "the first is followed by the second's update"
    room_a, room_b = rendered.signature_rooms[0], rendered.signature_rooms[1]
    assert room_a[0] == room_b[0] and (room_a[3] <= room_b[1] or room_b[3] <= room_a[1]), "side by side"


def test_one_flipped_byte_fails_verification(tmp_path, ca):
    circular = Circular.from_json(example("bdt-dir-110").read_bytes())
    rendered = render(circular)
    signed = bytearray(sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0,
                                     load_signer(ca.signer_p12(tmp_path / "a.p12", "A"), "secret")))
    at = signed.index(b"/Subject (") + 11  # a byte of the document info, inside the signed range
    signed[at] ^= 0x01
    (report,) = verify_pdf(bytes(signed), [ca.pem(tmp_path / "ca.pem")])
    assert not (report.intact and report.valid) and "MODIFIED" in report.summary
    path = tmp_path / "tampered.pdf"
    path.write_bytes(bytes(signed))
    assert cli.main(["verify", str(path), "--trust", str(tmp_path / "ca.pem")]) == 1


def test_a_signature_from_an_untrusted_root_is_valid_but_not_trusted(tmp_path, ca):
    circular = Circular.from_json(example("bdt-dir-110").read_bytes())
    rendered = render(circular)
    signed = sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0,
                           load_signer(ca.signer_p12(tmp_path / "a.p12", "A"), "secret"))
    (report,) = verify_pdf(signed, [ThrowawayCA("Another CA").pem(tmp_path / "other.pem")])
    assert report.intact and report.valid and not report.trusted


@pytest.mark.parametrize("kind,message", [
    ("password", "wrong password"),
    ("expired", "expired on"),
    ("future", "valid only from"),
    ("mismatch", "does not match"),
    ("usage", "not for signing"),
])
def test_bad_certificates_are_refused_with_their_reason_and_nothing_is_written(tmp_path, ca, kind, message,
                                                                              monkeypatch, capsys):
    p12 = tmp_path / "bad.p12"
    options = {"expired": {"valid_days": (-400, -1)}, "future": {"valid_days": (10, 400)},
               "mismatch": {"other_key": True}, "usage": {"signing": False}}.get(kind, {})
    ca.signer_p12(p12, "Bad", **options)
    with pytest.raises(SigningError, match=message):
        load_signer(p12, "wrong" if kind == "password" else "secret")
    with Repository(tmp_path / "db") as store:
        record = store.save(Circular.from_json(example("bdt-dir-110").read_bytes()))
        store.finalize(record.id)
    out = tmp_path / "out.pdf"
    monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", "wrong" if kind == "password" else "secret")
    assert cli.main(["--db", str(tmp_path / "db"), "sign", str(record.id), "--p12", str(p12), "-o", str(out)]) == 1
    assert message in capsys.readouterr().err and not out.exists()
    with Repository(tmp_path / "db", read_only=True) as store:
        assert store.get(record.id).status == "final", "nothing recorded"


def test_cli_sign_records_the_file_and_never_overwrites_a_signed_one(tmp_path, ca, monkeypatch, capsys):
    db = tmp_path / "db"
    with Repository(db) as store:
        record = store.save(joint_letter())
        store.finalize(record.id)
    monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", "secret")
    first, second = tmp_path / "signed-1.pdf", tmp_path / "signed-2.pdf"
    p12 = ca.signer_p12(tmp_path / "a.p12", "Houlin Zhao")
    assert cli.main(["--db", str(db), "sign", str(record.id), "--p12", str(p12), "-o", str(first)]) == 0
    assert cli.main(["--db", str(db), "sign", str(record.id), "--p12", str(p12), "-o", str(first)]) == 2
    assert "never overwritten" in capsys.readouterr().err
    p12b = ca.signer_p12(tmp_path / "b.p12", "Doreen Bogdan-Martin")
    assert cli.main(["--db", str(db), "sign", str(record.id), "--p12", str(p12b), "--signatory", "2",
                     "--pdf", str(first), "-o", str(second)]) == 0
    with Repository(db, read_only=True) as store:
        stored = store.get(record.id)
    assert stored.status == "sent"
    assert [(s.signatory, s.sha256) for s in stored.signed] == [
        ("Houlin Zhao", hashlib.sha256(first.read_bytes()).hexdigest()),
        ("Doreen Bogdan-Martin", hashlib.sha256(second.read_bytes()).hexdigest())]
    assert cli.main(["verify", str(second), "--trust", str(ca.pem(tmp_path / "ca.pem"))]) == 0
    assert capsys.readouterr().out.count("intact, trusted") == 2


def test_a_draft_cannot_be_signed(tmp_path, ca, monkeypatch, capsys):
    with Repository(tmp_path / "db") as store:
        record = store.save(Circular.from_json(example("bdt-dir-110").read_bytes()))
    monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", "secret")
    p12 = ca.signer_p12(tmp_path / "a.p12", "A")
    assert cli.main(["--db", str(tmp_path / "db"), "sign", str(record.id), "--p12", str(p12),
                     "-o", str(tmp_path / "x.pdf")]) == 2
    assert "finalize it before it is signed" in capsys.readouterr().err
