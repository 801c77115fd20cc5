"""Signing exported circulars (PAdES, through pyHanko) and verifying signed PDFs. No Qt here.

    signer = load_signer("me.p12", password)              # keys.py: SigningError naming the problem
    signed = sign_circular(pdf, rooms, circular, index, signer)   # sign.py: the block's own signer only
    reports = verify_pdf(signed, trusted=["ca.pem"])      # verify.py: intact, unchanged since, trusted
    code, sentence = verdict(reports)

The signature's visible appearance is a small page made by our own text engine (render/stamp.py:
Amiri, right to left) placed over the room the letter leaves under the signatory's note. pyHanko is
imported only when a signature is made or checked, and this package's API when first used (the
command line's `sign` and `verify` are defined in commands.py without loading it).
"""
import importlib
from typing import Any

_API = {
    **dict.fromkeys(("Signer", "SigningError", "key_refusal", "load_signer", "load_trust_roots"), "keys"),
    **dict.fromkeys(("SignerMismatch", "base_pdf", "check_signer", "is_signed_pdf", "same_person", "sign_circular",
                     "sign_pdf", "signature_field_name"), "sign"),
    **dict.fromkeys(("EXIT_CHANGED", "EXIT_GOOD", "EXIT_UNTRUSTED", "SignatureReport", "quiet_pyhanko", "verdict",
                     "verify_pdf"), "verify"),
}
__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_API[name]}"), name)
