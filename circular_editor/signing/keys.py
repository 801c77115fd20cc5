"""The signer's key and certificate (PKCS#12), and the trust roots a verifier names. No Qt here.

    signer = load_signer("me.p12", password)    # SigningError naming the file and the problem
    roots = load_trust_roots(["ca.pem"])        # PEM or DER certificates and bundles, else SigningError

Keys that sign: RSA (2048 bits or more), ECDSA on P-256 or P-384, Ed25519. Any other key is refused
before anything is written, as is a certificate out of date, not meant for signing, or not the key's.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from circular_editor.errors import UserError
from circular_editor.files import UnreadableInput, read_regular_file

if TYPE_CHECKING:  # (imported only when a key is opened: cryptography and pyHanko load in about a second)
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes, PublicKeyTypes
    from cryptography.hazmat.primitives.serialization.pkcs12 import PKCS12PrivateKeyTypes
    from cryptography.x509 import Certificate
    from pyhanko.sign.signers import SimpleSigner

MAX_P12_BYTES = 1_000_000
MAX_TRUST_BYTES = 5_000_000
MIN_RSA_BITS = 2048
EC_CURVES = ("secp256r1", "secp384r1")


class SigningError(UserError):
    pass


class WrongPassword(SigningError):
    """The password does not open the PKCS#12 file (or the file is not one): the editor asks again."""


@dataclass
class Signer:
    """A certificate and its key, checked: in date, meant for signing, the key matching."""
    pyhanko_signer: SimpleSigner
    name: str  # the certificate holder's common name (or the whole subject), as people read it
    emails: tuple[str, ...]  # e-mail addresses the certificate names (subject and alternative names)
    fingerprint: str  # SHA-256 of the certificate (DER), hex
    not_after: dt.datetime
    md_algorithm: str = "sha256"


def _read_limited(path: Path, limit: int, what: str) -> bytes:
    try:
        return read_regular_file(path, limit, what)
    except UnreadableInput as exc:
        raise SigningError(str(exc)) from None


def public_der(key: PublicKeyTypes) -> bytes:
    """A public key's SubjectPublicKeyInfo (every key type has one; only some have public_numbers)."""
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def key_refusal(key: PrivateKeyTypes) -> str | None:
    """Why this private key cannot sign a circular, or None when it can."""
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    if isinstance(key, rsa.RSAPrivateKey):
        return None if key.key_size >= MIN_RSA_BITS else f"an RSA key of {key.key_size} bits is too weak " \
                                                          f"(at least {MIN_RSA_BITS})"
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return None if key.curve.name in EC_CURVES else f"an elliptic-curve key on {key.curve.name} cannot " \
                                                        "sign (P-256 or P-384 can)"
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return None
    kind = type(key).__name__.replace("PrivateKey", "").lstrip("_") or "unknown"
    return f"a {kind} key cannot sign (RSA, ECDSA P-256/P-384 or Ed25519 can)"


def load_signer(p12_path: str | Path, password: str, now: dt.datetime | None = None) -> Signer:
    """The signer in a PKCS#12 file (the password is used here and not kept)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519
    from cryptography.hazmat.primitives.serialization import pkcs12

    path = Path(p12_path)
    data = _read_limited(path, MAX_P12_BYTES, "a certificate file")
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except (ValueError, TypeError):
        raise WrongPassword(f"{path}: wrong password, or not a PKCS#12 (.p12, .pfx) file") from None
    except Exception as exc:  # an algorithm OpenSSL does not offer, a malformed structure
        raise SigningError(f"{path}: cannot be opened as a PKCS#12 file ({type(exc).__name__})") from None
    if key is None:
        raise SigningError(f"{path}: holds no private key")
    refusal = key_refusal(key)
    if refusal:
        raise SigningError(f"{path}: {refusal}")
    own = public_der(key.public_key())
    if cert is None:  # some files carry the signer's certificate among the others: the one of this key
        cert = next((c for c in extra or [] if public_der(c.public_key()) == own), None)
        if cert is None:
            raise SigningError(f"{path}: the private key does not match the certificate"
                               + ("s in the file" if extra else " (there is none)"))
    name = holder_name(cert)
    now = now or dt.datetime.now(dt.timezone.utc)
    if cert.not_valid_after_utc < now:
        raise SigningError(f"{path}: the certificate of {name} expired on {cert.not_valid_after_utc:%Y-%m-%d}")
    if cert.not_valid_before_utc > now:
        raise SigningError(f"{path}: the certificate of {name} is valid only from {cert.not_valid_before_utc:%Y-%m-%d}")
    if public_der(cert.public_key()) != own:
        raise SigningError(f"{path}: the private key does not match the certificate of {name}")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (usage.digital_signature or usage.content_commitment):
            raise SigningError(f"{path}: the certificate of {name} is not for signing (its key usage allows "
                               "neither digital signatures nor non-repudiation)")
    except x509.ExtensionNotFound:
        pass  # no restriction stated
    signer = _pyhanko_signer(cast("PKCS12PrivateKeyTypes", key), cert, extra)  # (a kind key_refusal let through)
    if signer is None:
        raise SigningError(f"{path}: the certificate cannot be used for signing")
    fingerprint = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
    md = "sha512" if isinstance(key, ed25519.Ed25519PrivateKey) else "sha256"  # (RFC 8419: Ed25519 with SHA-512)
    return Signer(signer, name, certificate_emails(cert), fingerprint, cert.not_valid_after_utc, md)


def _pyhanko_signer(key: PKCS12PrivateKeyTypes, cert: Certificate, extra: list[Certificate]) -> SimpleSigner | None:
    """pyHanko's signer for the key and chain, from an unencrypted copy held in memory only."""
    from cryptography.hazmat.primitives.serialization import NoEncryption, pkcs12
    from pyhanko.sign import signers

    clear = pkcs12.serialize_key_and_certificates(None, key, cert, extra or None, NoEncryption())
    signer: SimpleSigner | None = signers.SimpleSigner.load_pkcs12_data(clear, other_certs=[], passphrase=None)
    return signer


def holder_name(cert: Certificate) -> str:
    """The certificate holder as people read it: the common name, else the whole subject."""
    from cryptography.x509.oid import NameOID

    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def certificate_emails(cert: Certificate) -> tuple[str, ...]:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    found = [str(a.value) for a in cert.subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS)]
    try:
        found += cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(
            x509.RFC822Name)
    except x509.ExtensionNotFound:
        pass
    return tuple(dict.fromkeys(found))


def load_trust_roots(paths: Sequence[str | Path]) -> list[Any]:
    """The certificates in each file (PEM, one or a bundle, or DER), as asn1crypto certificates for pyHanko.

    A file that holds no certificate (text, a private key alone, a PKCS#12 file, nothing) is refused by name."""
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    roots = []
    for name in paths:
        path = Path(name)
        data = _read_limited(path, MAX_TRUST_BYTES, "a certificate file")
        try:
            if b"-----BEGIN" in data:
                if b"-----BEGIN CERTIFICATE-----" not in data:
                    raise ValueError
                certs = x509.load_pem_x509_certificates(data)
            else:
                certs = [x509.load_der_x509_certificate(data)]
        except ValueError:
            raise SigningError(f"{path}: not a certificate (a trust file holds PEM or DER certificates)") from None
        for cert in certs:
            roots.append(asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)))
    return roots
