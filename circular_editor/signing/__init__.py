"""Signing exported circulars (PAdES, through pyHanko) and verifying signed PDFs. No Qt here.

    signer = load_signer("me.p12", password)              # keys.py: SigningError naming the problem
    signed = sign_circular(pdf, rooms, circular, index, signer)   # sign.py: the block's own signer only
    reports = verify_pdf(signed, trusted=["ca.pem"])      # verify.py: intact, unchanged since, trusted
    code, sentence = verdict(reports)

The signature's visible appearance is a small page made by our own text engine (render/stamp.py:
Amiri, right to left) placed over the room the letter leaves under the signatory's note. pyHanko is
imported only when a signature is made or checked.
"""
from circular_editor.signing.keys import (Signer, SigningError, key_refusal, load_signer,  # noqa: F401
                                          load_trust_roots)
from circular_editor.signing.sign import (SignerMismatch, base_pdf, check_signer, is_signed_pdf, same_person,  # noqa: F401
                                          sign_circular, sign_pdf, signature_field_name)
from circular_editor.signing.verify import (EXIT_CHANGED, EXIT_GOOD, EXIT_UNTRUSTED, SignatureReport,  # noqa: F401
                                            quiet_pyhanko, verdict, verify_pdf)
