"""Signing exported circulars (issues 14 and 24): real PAdES signatures with throwaway certificates, checked by
pyHanko's validator and by poppler's pdfsig; forgeries after a signature caught and said in a sentence; the block's
own signer only; bad certificates, keys, trust files and passwords refused in one line with nothing written."""
import hashlib
import json
import shutil
import subprocess

import pytest
from certs import ThrowawayCA
from forgeries import FORGERIES

from circular_editor import cli
from circular_editor.model import Circular
from circular_editor.paths import example
from circular_editor.render import render
from circular_editor.signing import (EXIT_CHANGED, EXIT_GOOD, EXIT_UNTRUSTED, SignerMismatch, SigningError,
                                     load_signer, load_trust_roots, sign_circular, verdict, verify_pdf)
from circular_editor.store import Repository

SG_FOUR = ["Houlin Zhao", "Malcolm Johnson", "Doreen Bogdan-Martin", "Seizo Onoe"]


@pytest.fixture(scope="module")
def ca():
    return ThrowawayCA()


def letter(name: str, people: list[str]) -> Circular:
    """An example with these signatories (their names as the certificates give them)."""
    data = json.loads(example(name).read_text(encoding="utf-8"))
    data["signatories"] = [{"note": "", "name": person, "title": "المدير"} for person in people]
    return Circular.from_dict(data)


def joint_letter() -> Circular:
    return letter("sg-cl-20-025", SG_FOUR[:1] + SG_FOUR[2:3])


def bdt() -> Circular:
    return letter("bdt-dir-110", ["Cosmas Zavazava"])


def pdfsig(path) -> str | None:
    if not shutil.which("pdfsig"):
        return None
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60).stdout


def test_a_signed_export_validates_in_pyhanko_and_pdfsig(tmp_path, ca):
    circular = bdt()
    rendered = render(circular)
    signer = load_signer(ca.signer_p12(tmp_path / "a.p12", "Cosmas Zavazava"), "secret")
    signed = sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0, signer)
    assert signed.startswith(rendered.pdf), "an incremental update: the letter's bytes are untouched"
    (report,) = verify_pdf(signed, [ca.pem(tmp_path / "ca.pem")])
    assert (report.signer, report.intact, report.trusted, report.changes) == ("Cosmas Zavazava", True, True, ())
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
    assert [(r.field, r.signer, r.intact, r.trusted) for r in reports] == [
        ("Signatory1", "Houlin Zhao", True, True), ("Signatory2", "Doreen Bogdan-Martin", True, True)]
    assert [r.changes for r in reports] == [(), ()], "a later signature is the one change allowed after a signature"
    assert verdict(reports)[0] == EXIT_GOOD
    room_a, room_b = rendered.signature_rooms[0], rendered.signature_rooms[1]
    assert room_a[0] == room_b[0] and (room_a[3] <= room_b[1] or room_b[3] <= room_a[1]), "side by side"


def test_one_flipped_byte_fails_verification(tmp_path, ca):
    circular = bdt()
    rendered = render(circular)
    signed = bytearray(sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0,
                                     load_signer(ca.signer_p12(tmp_path / "a.p12", "Cosmas Zavazava"), "secret")))
    at = signed.index(b"/Subject (") + 11  # a byte of the document info, inside the signed range
    signed[at] ^= 0x01
    (report,) = verify_pdf(bytes(signed), [ca.pem(tmp_path / "ca.pem")])
    assert not report.intact and "NOT VALID" in report.summary
    path = tmp_path / "tampered.pdf"
    path.write_bytes(bytes(signed))
    assert cli.main(["verify", str(path), "--trust", str(tmp_path / "ca.pem")]) == 1


def test_a_signature_from_an_untrusted_root_is_valid_but_not_trusted(tmp_path, ca):
    circular = bdt()
    rendered = render(circular)
    signed = sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0,
                           load_signer(ca.signer_p12(tmp_path / "a.p12", "Cosmas Zavazava"), "secret"))
    (report,) = verify_pdf(signed, [ThrowawayCA("Another CA").pem(tmp_path / "other.pem")])
    assert report.intact and not report.trusted and "does not chain" in report.trust_problem
    assert verdict([report])[0] == EXIT_UNTRUSTED
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    assert cli.main(["verify", str(path)]) == EXIT_UNTRUSTED, "no trust root given: intact, trust not established"


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
        record = store.save(bdt())
        store.finalize(record.id)
    out = tmp_path / "out.pdf"
    monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", "wrong" if kind == "password" else "secret")
    assert cli.main(["--db", str(tmp_path / "db"), "sign", str(record.id), "--p12", str(p12), "-o", str(out)]) == 2
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
    with Repository(db, read_only=True) as store:
        assert store.get(record.id).status == "final" and store.get(record.id).signing_progress == "signed 1 of 2"
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
    assert capsys.readouterr().out.count("intact, unchanged since, trusted") == 2


def test_a_draft_cannot_be_signed(tmp_path, ca, monkeypatch, capsys):
    with Repository(tmp_path / "db") as store:
        record = store.save(bdt())
    monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", "secret")
    p12 = ca.signer_p12(tmp_path / "a.p12", "Cosmas Zavazava")
    assert cli.main(["--db", str(tmp_path / "db"), "sign", str(record.id), "--p12", str(p12),
                     "-o", str(tmp_path / "x.pdf")]) == 2
    assert "finalize it before it is signed" in capsys.readouterr().err


def test_a_signatory_the_letter_does_not_show_is_the_users_mistake_exit_2(tmp_path, ca, monkeypatch, capsys):
    with Repository(tmp_path / "db") as store:
        record = store.save(bdt())
        store.finalize(record.id)
    monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", "secret")
    p12 = ca.signer_p12(tmp_path / "a.p12", "Cosmas Zavazava")
    for number in ("3", "0", "-1"):
        assert cli.main(["--db", str(tmp_path / "db"), "sign", str(record.id), "--p12", str(p12), "--signatory",
                         number, "-o", str(tmp_path / "x.pdf")]) == 2, number
        assert "shows 1 signatory" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


@pytest.fixture(scope="module")
def signed_bdt(tmp_path_factory, ca):
    folder = tmp_path_factory.mktemp("signed")
    circular = bdt()
    rendered = render(circular)
    signer = load_signer(ca.signer_p12(folder / "a.p12", "Cosmas Zavazava"), "secret")
    return sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0, signer), ca.pem(folder / "ca.pem")


@pytest.mark.parametrize("way", sorted(FORGERIES))
def test_every_change_after_a_signature_fails_with_its_sentence(tmp_path, signed_bdt, way, capsys):
    signed, ca_pem = signed_bdt
    forge, sentence = FORGERIES[way]
    forged = forge(signed)
    assert forged.startswith(signed), "the signed bytes themselves are untouched: only an update follows them"
    (report,) = verify_pdf(forged, [ca_pem])
    assert report.intact and report.trusted, "the signature itself still checks out"
    code, said = verdict([report])
    assert code == EXIT_CHANGED and said.startswith(sentence) and "after Cosmas Zavazava signed" in said
    path = tmp_path / "forged.pdf"
    path.write_bytes(forged)
    assert cli.main(["verify", str(path), "--trust", str(ca_pem)]) == EXIT_CHANGED
    out = capsys.readouterr()
    assert sentence in out.out and "Traceback" not in out.err
    checked = pdfsig(path)
    if checked is not None:  # poppler agrees: the signature no longer covers the whole file
        assert "Not total document signed" in checked


def test_the_legitimate_file_passes_where_the_forgeries_fail(tmp_path, signed_bdt):
    signed, ca_pem = signed_bdt
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    assert cli.main(["verify", str(path), "--trust", str(ca_pem)]) == EXIT_GOOD
    checked = pdfsig(path)
    if checked is not None:
        assert "Signature is Valid" in checked and "Total document signed" in checked
        assert "Not total document signed" not in checked


def test_a_forgery_hidden_under_a_later_signature_is_caught(tmp_path, ca):
    circular = joint_letter()
    rendered = render(circular)
    first = sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0,
                          load_signer(ca.signer_p12(tmp_path / "1.p12", "Houlin Zhao"), "secret"))
    forged = FORGERIES["replace content"][0](first)
    both = sign_circular(forged, rendered.signature_rooms, circular, 1,
                         load_signer(ca.signer_p12(tmp_path / "2.p12", "Doreen Bogdan-Martin"), "secret"))
    reports = verify_pdf(both, [ca.pem(tmp_path / "ca.pem")])
    assert reports[1].changes == () and reports[0].changes == ("page 1's text was changed",)
    assert verdict(reports) == (EXIT_CHANGED, "page 1's text was changed after Houlin Zhao signed (Signatory1)")


def test_a_joint_letter_takes_each_signatory_in_their_block_and_is_sent_after_the_last(tmp_path, ca, monkeypatch,
                                                                                    capsys):
    db = tmp_path / "db"
    with Repository(db) as store:
        record = store.save(letter("sg-cl-20-025", SG_FOUR))
        store.finalize(record.id)
    monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", "secret")
    p12s = [ca.signer_p12(tmp_path / f"{n}.p12", name) for n, name in enumerate(SG_FOUR)]
    wrong = tmp_path / "wrong.pdf"  # Malcolm Johnson's certificate for Houlin Zhao's block
    assert cli.main(["--db", str(db), "sign", str(record.id), "--p12", str(p12s[1]), "--signatory", "1",
                     "-o", str(wrong)]) == 2
    err = capsys.readouterr().err
    assert "Malcolm Johnson" in err and "Houlin Zhao" in err and not wrong.exists()
    outputs = []
    for n in range(4):
        out = tmp_path / f"signed-{n + 1}.pdf"
        assert cli.main(["--db", str(db), "sign", str(record.id), "--p12", str(p12s[n]), "--signatory", str(n + 1),
                         "-o", str(out)]) == 0, capsys.readouterr().err
        outputs.append(out)
        with Repository(db, read_only=True) as store:
            stored = store.get(record.id)
        assert stored.status == ("sent" if n == 3 else "final")
        assert stored.signing_progress == ("" if n == 3 else f"signed {n + 1} of 4")
    again = tmp_path / "again.pdf"
    assert cli.main(["--db", str(db), "sign", str(record.id), "--p12", str(p12s[0]), "--signatory", "1",
                     "-o", str(again)]) == 2 and "already signed" in capsys.readouterr().err
    reports = verify_pdf(outputs[-1].read_bytes(), [ca.pem(tmp_path / "ca.pem")])
    assert [(r.signer, r.intact, r.trusted, r.changes) for r in reports] == [(name, True, True, ()) for name in SG_FOUR]
    checked = pdfsig(outputs[-1])
    if checked is not None:
        assert checked.count("Signature is Valid") == 4


def test_a_certificate_of_another_name_signs_only_once_confirmed_and_then_is_remembered(tmp_path, ca, monkeypatch,
                                                                                      capsys):
    db = tmp_path / "db"
    with Repository(db) as store:
        record = store.save(Circular.from_json(example("bdt-dir-110").read_bytes()))  # the block's name in Arabic
        store.finalize(record.id)
    monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", "secret")
    p12 = ca.signer_p12(tmp_path / "d.p12", "Doreen Bogdan-Martin")
    out = tmp_path / "signed.pdf"
    argv = ["--db", str(db), "sign", str(record.id), "--p12", str(p12), "-o", str(out)]
    assert cli.main(argv) == 2 and "--confirm-certificate" in capsys.readouterr().err and not out.exists()
    assert cli.main(argv + ["--confirm-certificate"]) == 0
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(out), "-"], capture_output=True, text=True).stdout
    assert "Doreen Bogdan-Martin" in text, "the stamp names the certificate's holder"
    with Repository(db, read_only=True) as store:
        assert len(store.known_certificates("دورين  بوغدان-مارتن")) == 1


@pytest.mark.parametrize("key_type", ["rsa", "p256", "p384", "ed25519"])
def test_every_supported_key_signs_and_verifies(tmp_path, ca, key_type):
    circular = bdt()
    rendered = render(circular)
    signer = load_signer(ca.signer_p12(tmp_path / "k.p12", "Cosmas Zavazava", key_type=key_type), "secret")
    signed = sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0, signer)
    assert verdict(verify_pdf(signed, [ca.pem(tmp_path / "ca.pem")]))[0] == EXIT_GOOD


def test_a_certificate_naming_the_person_by_e_mail_matches(tmp_path, ca):
    circular = bdt()
    rendered = render(circular)
    signer = load_signer(ca.signer_p12(tmp_path / "e.p12", "CZ Signing Key", email="cosmas.zavazava@itu.int"),
                         "secret")
    sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0, signer)
    other = load_signer(ca.signer_p12(tmp_path / "o.p12", "CZ Signing Key"), "secret")
    with pytest.raises(SignerMismatch, match="CZ Signing Key"):
        sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0, other)


def _bad_signing_inputs(tmp_path, ca):
    """(name, argv suffix for `sign`, environment password or None): each must be refused in one line."""
    cases = []
    for kind in ("rsa1024", "p521", "ed448", "dsa"):
        p12 = ca.signer_p12(tmp_path / f"{kind}.p12", "Cosmas Zavazava", key_type=kind)
        cases.append((f"key {kind}", p12, "secret"))
    for kind, options in {"expired": {"valid_days": (-400, -1)}, "future": {"valid_days": (10, 400)},
                          "other key": {"other_key": True}, "not for signing": {"signing": False}}.items():
        cases.append((kind, ca.signer_p12(tmp_path / f"{kind}.p12", "Cosmas Zavazava", **options), "secret"))
    good = ca.signer_p12(tmp_path / "good.p12", "Cosmas Zavazava")
    cases += [("wrong password", good, "nope"), ("empty password", good, ""), ("no password source", good, None)]
    for name, data in {"empty": b"", "text": b"hello\n", "pem cert": ca.cert.public_bytes(__import__(
            "cryptography.hazmat.primitives.serialization", fromlist=["Encoding"]).Encoding.PEM),
                       "zeros": bytes(5000), "truncated": good.read_bytes()[:200]}.items():
        path = tmp_path / f"{name}.p12"
        path.write_bytes(data)
        cases.append((f"p12 {name}", path, "secret"))
    big = tmp_path / "big.p12"
    big.write_bytes(bytes(1_100_000))
    cases += [("p12 missing", tmp_path / "missing.p12", "secret"), ("p12 folder", tmp_path, "secret"),
              ("p12 too large", big, "secret"), ("p12 a device", "/dev/null", "secret")]
    return cases


def test_a_campaign_of_bad_signing_inputs_is_refused_in_one_line_with_nothing_written(tmp_path, ca, monkeypatch,
                                                                                    capsys):
    db = tmp_path / "db"
    with Repository(db) as store:
        record = store.save(bdt())
        store.finalize(record.id)
    cases = _bad_signing_inputs(tmp_path, ca)
    for name, p12, password in cases:
        out = tmp_path / "out.pdf"
        if password is None:
            monkeypatch.delenv("CIRCULAR_EDITOR_P12_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("CIRCULAR_EDITOR_P12_PASSWORD", password)
        monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
        code = cli.main(["--db", str(db), "sign", str(record.id), "--p12", str(p12), "-o", str(out)])
        err = capsys.readouterr().err
        assert code in (1, 2), name
        assert err.count("\n") == 1 and "Traceback" not in err and "bug" not in err, (name, err)
        assert not out.exists(), name
    with Repository(db, read_only=True) as store:
        assert store.get(record.id).status == "final" and not store.get(record.id).signed
    assert len(cases) == 20


def test_a_campaign_of_bad_verifying_inputs_gives_one_line_and_exit_1_or_2(tmp_path, ca, signed_bdt, capsys):
    signed, ca_pem = signed_bdt
    pdfs = {f"cut at {n}%": signed[:len(signed) * n // 100] for n in (1, *range(5, 100, 5), 99)}
    at = signed.index(b"/Contents <") + 20
    pdfs["signature bytes changed"] = signed[:at] + (b"0" if signed[at:at + 1] != b"0" else b"1") + signed[at + 1:]
    pdfs["ByteRange changed"] = signed.replace(b"/ByteRange [0 ", b"/ByteRange [1 ", 1)
    pdfs["not a PDF"] = b"hello"
    pdfs["empty"] = b""
    pdfs["random"] = bytes(range(256)) * 100
    pdfs["no signature"] = render(bdt()).pdf
    trust = {"text": b"not a certificate\n", "empty": b"", "private key": b"-----BEGIN PRIVATE KEY-----\nAAAA\n"
             b"-----END PRIVATE KEY-----\n", "p12": (tmp_path / "x.p12").read_bytes()
             if (tmp_path / "x.p12").exists() else ca.signer_p12(tmp_path / "x.p12", "X").read_bytes(),
             "garbage der": bytes(300)}
    runs = 0
    good = tmp_path / "good.pdf"
    good.write_bytes(signed)
    for name, data in pdfs.items():
        path = tmp_path / "bad.pdf"
        path.write_bytes(data)
        code = cli.main(["verify", str(path), "--trust", str(ca_pem)])
        out = capsys.readouterr()
        assert code in (1, 2), name
        assert "Traceback" not in out.err and "bug" not in out.err and out.err.count("\n") <= 1, (name, out.err)
        runs += 1
    for name, data in trust.items():
        path = tmp_path / f"trust-{name.replace(' ', '-')}"
        path.write_bytes(data)
        assert cli.main(["verify", str(good), "--trust", str(path)]) == 2, name
        err = capsys.readouterr().err
        assert str(path) in err and err.count("\n") == 1 and "bug" not in err, (name, err)
        runs += 1
    assert cli.main(["verify", str(good), "--trust", str(tmp_path / "missing.pem")]) == 2
    assert cli.main(["verify", str(tmp_path)]) == 2
    capsys.readouterr()
    bundle = tmp_path / "bundle.pem"  # PEM bundles and DER certificates are trust files too
    bundle.write_bytes(ThrowawayCA("Other").pem(tmp_path / "o.pem").read_bytes() + ca_pem.read_bytes())
    assert cli.main(["verify", str(good), "--trust", str(bundle)]) == EXIT_GOOD
    assert cli.main(["verify", str(good), "--trust", str(ca.der(tmp_path / "ca.der"))]) == EXIT_GOOD
    assert len(load_trust_roots([bundle])) == 2
    assert runs + 4 + 20 >= 50  # with the four above and the signing campaign's 20
