"""Throwaway certificates for the signing tests: a root CA and signers made on the spot (cryptography)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID


def _key(kind: str = "rsa"):
    """A new private key: rsa (2048), rsa1024, p256, p384, p521, ed25519, ed448, dsa."""
    makers = {"rsa": lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048),
              "rsa1024": lambda: rsa.generate_private_key(public_exponent=65537, key_size=1024),
              "p256": lambda: ec.generate_private_key(ec.SECP256R1()),
              "p384": lambda: ec.generate_private_key(ec.SECP384R1()),
              "p521": lambda: ec.generate_private_key(ec.SECP521R1()),
              "ed25519": ed25519.Ed25519PrivateKey.generate, "ed448": ed448.Ed448PrivateKey.generate,
              "dsa": lambda: dsa.generate_private_key(2048)}
    return makers[kind]()


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Bureau")])


def _usage(signing: bool, ca: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=signing, content_commitment=signing, key_encipherment=not signing and not ca,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


class ThrowawayCA:
    def __init__(self, name: str = "Test Root CA"):
        self.key = _key()
        now = dt.datetime.now(dt.timezone.utc)
        self.cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name))
                     .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
                     .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=3650))
                     .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                     .add_extension(_usage(False, ca=True), critical=True)
                     .sign(self.key, hashes.SHA256()))

    def der(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.DER))
        return path

    def pem(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path

    def signer_p12(self, path: Path, common_name: str, password: str = "secret", valid_days=(-1, 365),
                   signing: bool = True, other_key: bool = False, key_type: str = "rsa", email: str = "") -> Path:
        """A PKCS#12 file; `other_key` pairs the certificate with a key that is not its own; `key_type` as _key."""
        key = _key(key_type)
        now = dt.datetime.now(dt.timezone.utc)
        cert = (x509.CertificateBuilder().subject_name(_name(common_name)).issuer_name(self.cert.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now + dt.timedelta(days=valid_days[0]))
                .not_valid_after(now + dt.timedelta(days=valid_days[1]))
                .add_extension(_usage(signing), critical=True))
        if email:
            cert = cert.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
        cert = cert.sign(self.key, hashes.SHA256())
        encryption = serialization.BestAvailableEncryption(password.encode())
        if other_key:  # (a file cannot pair them directly: the certificate travels among the others)
            data = pkcs12.serialize_key_and_certificates(b"signer", _key(), None, [cert, self.cert], encryption)
        else:
            data = pkcs12.serialize_key_and_certificates(b"signer", key, cert, [self.cert], encryption)
        path.write_bytes(data)
        return path
