"""The checkers a circular's PDF must pass, run as they run from the command line (README "PDF/A and PDF/UA").

    outloud_report(path)       PDF/UA-1 (Matterhorn checkpoints) and WCAG: its counts and findings
    pdfa_violations(path)      pikepdf's PDF/A-2b rules (veraPDF's), less the two things it cannot judge
    as_2b_claims(path, out)    the same file claiming 2b alone, for pikepdf to check with nothing set aside
    qpdf_problems(path)        qpdf --check: the file's syntax, streams and cross-reference table
    preflight_errors(path)     PDFBox Preflight (PDF/A-1b), less the rules PDF/A-2 does not have
    unmapped_codes(path)       PDF/A-2u's own rule: every code drawn maps to Unicode (any font, any stream)
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pikepdf.pdfa

# pikepdf's checker knows PDF/A-2b only and accepts no XMP extension schema ("denied_on_presence" in its
# dispositions). A PDF/A-2u + PDF/UA-1 file must claim conformance U and pdfuaid:part 1, which PDF/A-2
# admits only with an extension schema (ISO 19005-2 6.6.2.3.2): those claims are what it reports, and
# nothing else is set aside. `as_2b_claims` checks the same content with the claims of a 2b file.
_CLAIMS = re.compile(r"XMP namespace pdfa(Extension|Schema|Property)=|"
                     r"XMP property (pdfuaid:part|pdfaExtension:schemas) is not permitted|"
                     r"pdfaid:conformance is 'U', expected 'B'")


def outloud_report(path: Path) -> dict:
    command = [str(Path(sys.executable).with_name("outloud")), "--json", "-", "--fail-on", "never", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    (result,) = json.loads(done.stdout)["results"]
    assert result["error"] is None, result["error"]
    return result


def failed_checkpoints(report: dict) -> list[str]:
    return [f"{c['id']} {c['name']}" for c in report["criteria"]["pdfua1"] if c["status"] == "fail"]


def pdfa_violations(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        report = pikepdf.pdfa.check(pdf, "2b")
    return [str(f) for f in report.violations if not _CLAIMS.search(str(f))]


def as_2b_claims(path: Path, out: Path) -> Path:
    """A copy of `path` whose XMP claims PDF/A-2b and nothing else (no U, no PDF/UA, no extension schema)."""
    with pikepdf.open(path) as pdf:
        packet = bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8")
        packet = re.sub(r"<rdf:Description[^>]*pdfaExtension.*?</rdf:Description>\s*(?=</rdf:RDF>|<rdf:Description)",
                        "", packet, flags=re.S)
        packet = re.sub(r"<rdf:Description[^>]*xmlns:pdfuaid=.*?</rdf:Description>", "", packet, flags=re.S)
        packet = packet.replace("<pdfaid:conformance>U<", "<pdfaid:conformance>B<")
        pdf.Root.Metadata = pdf.make_stream(packet.encode("utf-8"), Type=pikepdf.Name.Metadata,
                                            Subtype=pikepdf.Name.XML)
        pdf.save(out)
    return out


def all_violations(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        return [str(f) for f in pikepdf.pdfa.check(pdf, "2b").violations]


def qpdf_problems(path: Path) -> str:
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, timeout=120)
    return "" if done.returncode == 0 and not done.stderr.strip() else done.stdout + done.stderr


JAVA_LIBRARIES = Path("/usr/share/java")
PREFLIGHT_JARS = ["preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar", "commons-logging.jar",
                  "javax.activation.jar", "jaxb-api.jar"]
# Preflight validates PDF/A-1b. Rules of PDF/A-1 that PDF/A-2 dropped: transparency (2.2.2: PDF/A-2 allows
# soft masks, our emblem's alpha), CIDSet (3.1.11: optional in PDF/A-2), and the identification (7.11:
# part 2, conformance U). Everything else it checks (file syntax, EOL before endstream, fonts, annotations,
# metadata, colour) applies to PDF/A-2 as well.
PREFLIGHT_PDFA1_ONLY = ("2.2.2", "3.1.11", "7.11.")


def preflight_available() -> bool:
    return bool(shutil.which("java")) and all((JAVA_LIBRARIES / jar).exists() for jar in PREFLIGHT_JARS)


def preflight_errors(path: Path) -> list[str]:
    classpath = ":".join(str(JAVA_LIBRARIES / jar) for jar in PREFLIGHT_JARS)
    done = subprocess.run(["java", "-cp", classpath, "org.apache.pdfbox.preflight.Validator_A1b", str(path)],
                          capture_output=True, text=True, timeout=300)
    lines = [line.strip() for line in done.stdout.splitlines() if re.match(r"\s*\d+(\.\d+)+ :", line)]
    assert lines or "is a valid PDF/A-1b file" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    return [line for line in lines if not line.startswith(PREFLIGHT_PDFA1_ONLY)]


def unmapped_codes(path: Path) -> list[str]:
    """Every (font, code) drawn, on a page or in a form XObject (a signature's appearance), that its font's
    ToUnicode map does not give text for (PDF/A-2u, ISO 19005-2 6.2.11.7.2)."""
    missing: list[str] = []
    with pikepdf.open(path) as pdf:
        seen: set = set()
        for page in pdf.pages:
            _walk(page.obj, page.Resources if "/Resources" in page.obj else pikepdf.Dictionary(), seen, missing)
            for annot in page.obj.get("/Annots", []):
                appearance = annot.get("/AP", {}).get("/N")
                if isinstance(appearance, pikepdf.Stream):
                    _walk(appearance, appearance.get("/Resources", pikepdf.Dictionary()), seen, missing)
    return missing


def _walk(holder, resources, seen: set, missing: list) -> None:
    key = holder.objgen
    if key != (0, 0) and key in seen:
        return
    seen.add(key)
    fonts = resources.get("/Font", {})
    maps: dict = {}
    font = None
    for operands, operator in pikepdf.parse_content_stream(holder):
        name = str(operator)
        if name == "Tf":
            font = fonts.get(operands[0])
        elif name in ("Tj", "'", '"', "TJ") and font is not None:
            strings = operands[-1] if name != "TJ" else [s for s in operands[0] if isinstance(s, pikepdf.String)]
            strings = strings if name == "TJ" else [strings]
            mapped = maps.setdefault(font.objgen, _to_unicode(font))
            width = 2 if font.get("/Subtype") == "/Type0" else 1
            for string in strings:
                data = bytes(string)
                for k in range(0, len(data), width):
                    code = int.from_bytes(data[k:k + width], "big")
                    if code not in mapped:
                        missing.append(f"{font.get('/BaseFont')} code {code}")
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Form":
            _walk(xobject, xobject.get("/Resources", resources), seen, missing)


def _to_unicode(font) -> set[int]:
    """The codes a font's ToUnicode CMap maps (bfchar and bfrange), to non-empty text."""
    if "/ToUnicode" not in font:
        return set()
    cmap = bytes(font.ToUnicode.read_bytes()).decode("latin-1")
    codes: set[int] = set()
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            if text:
                codes.add(int(code, 16))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*[<\[]", block):
            codes.update(range(int(low, 16), int(high, 16) + 1))
    return codes
