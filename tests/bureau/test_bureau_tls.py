"""TLS to the bureau server (issue 28): verify-full against the bureau's CA works; an expired server certificate
or one from another CA is a sentence, not a connection; certificates made in the test."""
import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pgserver import ADMIN, start_server

from circular_editor.bureau.connect import BureauError, connect


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def authority(name: str):
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name)).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True).sign(key, hashes.SHA256()))
    return key, cert


def server_certificate(ca, days: tuple[int, int]):
    ca_key, ca_cert = ca
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(_name("localhost")).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now + dt.timedelta(days=days[0])).not_valid_after(now + dt.timedelta(days=days[1]))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.PEM),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()))


@pytest.mark.parametrize("case", ["valid", "expired", "another CA"])
def test_verify_full_against_the_bureau_ca(tmp_path, case):
    ca = authority("Bureau CA")
    tls = server_certificate(ca, (-400, -1) if case == "expired" else (-1, 30))
    server = start_server(tls)
    if server is None:
        pytest.skip("PostgreSQL is not installed")
    try:
        trusted = authority("Another CA") if case == "another CA" else ca
        root = tmp_path / "ca.pem"
        root.write_bytes(trusted[1].public_bytes(serialization.Encoding.PEM))
        dsn = (f"host=localhost port={server.port} user={ADMIN} dbname=postgres sslmode=verify-full "
               f"sslrootcert={root}")
        if case == "valid":
            with connect(dsn, lambda *_: server.password) as conn:
                assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0]
        else:
            with pytest.raises(BureauError, match="certificate that cannot be trusted"):
                connect(dsn, lambda *_: server.password)
    finally:
        server.stop("immediate")
