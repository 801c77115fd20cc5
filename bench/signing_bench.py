"""Signing time for the TSB example (with its template's default signatory), throwaway certificates.

    .venv/bin/python bench/signing_bench.py [--runs 15]

Prints the PKCS#12 load (decrypting the file, checking the certificate) and the signature itself
(appearance, incremental update, CMS signature) separately, medians and ranges; target: signing
under 300 ms.
"""
import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from certs import ThrowawayCA  # noqa: E402

from circular_editor.model import Circular  # noqa: E402
from circular_editor.paths import example  # noqa: E402
from circular_editor.render import render  # noqa: E402
from circular_editor.signing import load_signer, sign_circular  # noqa: E402


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    data = json.loads(example("tsb-circular-92").read_text(encoding="utf-8"))
    del data["signatories"]  # (the example prints none): the template's default signatory
    circular = Circular.from_dict(data)
    rendered = render(circular)
    with tempfile.TemporaryDirectory() as folder:
        p12 = ThrowawayCA().signer_p12(Path(folder) / "signer.p12", "Seizo Onoe")
        first = timed(lambda: load_signer(p12, "secret"), 1)[0]
        loads = timed(lambda: load_signer(p12, "secret"), args.runs)
        signer = load_signer(p12, "secret")
        known = {signer.fingerprint}  # (the letter names its signatory in Arabic: the certificate confirmed as theirs)
        sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0, signer, known_fingerprints=known)
        signs = timed(lambda: sign_circular(rendered.pdf, rendered.signature_rooms, circular, 0, signer,
                                            known_fingerprints=known), args.runs)
    for label, values in (("load the PKCS#12 file", loads), ("sign the TSB example", signs)):
        print(f"{label}: median {statistics.median(values):.0f} ms, range {min(values):.0f}-{max(values):.0f} ms")
    print(f"(first load in the process, with pyHanko's imports: {first:.0f} ms; target: signing < 300 ms)")


if __name__ == "__main__":
    main()
