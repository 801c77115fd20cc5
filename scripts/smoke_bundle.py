"""Smoke test of the frozen program in dist/circular-editor/ (run by scripts/build_app.sh).

The bundle, not this checkout, does the work: it renders each example from the command line
(the bytes must equal this checkout's render), answers a request as the preview's render
worker, and starts its window offscreen and exits cleanly. Prints one line per check; exits 1
on the first failure.
"""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from circular_editor import __version__
from circular_editor.model import Circular
from circular_editor.paths import examples
from circular_editor.render import render_pdf
from circular_editor.preview.worker import read_message, write_message

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / "dist" / "circular-editor" / ("circular-editor.exe" if os.name == "nt" else "circular-editor")


def check(label: str, ok: bool, detail: str = "") -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {label}{': ' + detail if detail else ''}", flush=True)
    if not ok:
        sys.exit(1)


def check_signing(env: dict, home: Path) -> None:
    """The frozen program signs a final circular and verifies the result (throwaway certificates)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from certs import ThrowawayCA

    from circular_editor.store import Repository

    with Repository(env["CIRCULAR_EDITOR_DATA"]) as store:  # (finalizing is the editor's; the CLI has no command)
        record_id = next(s.id for s in store.search() if s.style == "bdt")
        store.finalize(record_id)
    ca = ThrowawayCA()
    p12 = ca.signer_p12(home / "signer.p12", "Smoke Test")
    out = home / "signed.pdf"
    start = time.perf_counter()
    done = subprocess.run([PROGRAM, "sign", str(record_id), "--p12", str(p12), "--confirm-certificate",
                           "-o", str(out)],
                          env={**env, "CIRCULAR_EDITOR_P12_PASSWORD": "secret"}, capture_output=True, text=True,
                          timeout=120)
    seconds = time.perf_counter() - start
    check("sign", done.returncode == 0 and out.exists(), f"{seconds:.2f} s (a new process)" if out.exists()
          else done.stderr[-500:])
    done = subprocess.run([PROGRAM, "verify", str(out), "--trust", str(ca.pem(home / "ca.pem"))], env=env,
                          capture_output=True, text=True, timeout=120)
    check("verify", done.returncode == 0 and "intact, unchanged and trusted" in done.stdout,
          done.stdout.strip()[-200:])


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "APPDATA": home,
               "CIRCULAR_EDITOR_DATA": f"{home}/db", "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run([PROGRAM, "--version"], env=env, capture_output=True, text=True, timeout=60)
        check("--version", done.stdout.strip() == f"circular-editor {__version__}", done.stdout.strip())

        for path in examples():
            out = Path(home) / f"{path.stem}.pdf"
            start = time.perf_counter()
            done = subprocess.run([PROGRAM, "render", str(path), "-o", str(out)], env=env, capture_output=True,
                                  text=True, timeout=120)
            seconds = time.perf_counter() - start
            same = out.exists() and out.read_bytes() == render_pdf(Circular.from_json(path.read_bytes()))
            check(f"render {path.name}", done.returncode == 0 and same,
                  f"{seconds:.2f} s, bytes identical to the checkout's" if same else done.stderr[-500:])

        worker = subprocess.Popen([PROGRAM, "--render-worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  env=env)
        snapshot = examples()[0].read_text(encoding="utf-8")
        start = time.perf_counter()
        write_message(worker.stdin, {"snapshot": snapshot, "pages": [0], "scale": 1.0})
        reply = read_message(worker.stdout)
        seconds = time.perf_counter() - start
        worker.stdin.close()
        code = worker.wait(30)
        same = reply.get("pdf") == render_pdf(Circular.from_json(snapshot))
        raster = reply.get("rasters", {}).get(0)
        check("render worker", same and raster is not None and abs(raster.width - 595.3) < 1 and code == 0,
              f"PDF identical, page 1 rasterised {raster.width}x{raster.height} in {seconds:.2f} s (with its start), "
              f"exit {code}" if raster else str(reply)[:300])

        subprocess.run([PROGRAM, "import", *map(str, examples())], env=env, check=True, capture_output=True)
        check_signing(env, Path(home))
        start = time.perf_counter()
        done = subprocess.run([PROGRAM], env={**env, "CIRCULAR_EDITOR_BENCH_SHOWN": "1"}, capture_output=True,
                              text=True, timeout=120)
        check("window, offscreen", done.returncode == 0 and done.stdout.strip() == "shown",
              f"shown and closed in {time.perf_counter() - start:.2f} s, exit {done.returncode}"
              if done.returncode == 0 else done.stderr[-800:])


if __name__ == "__main__":
    main()
