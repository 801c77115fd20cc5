"""Render speed against fpdf2 and a running LibreOffice, at 2, 10 and 100 pages of varied Arabic text.

    .venv/bin/python bench/render_bench.py [--runs 5] [--no-libreoffice]

The text: paragraphs drawn (seeded) from the words of the three examples, every one
different, so no layout is shared between paragraphs; the TSB example's header, address
block and signatures around them. Runs are interleaved (every tool once per round) and each
figure is the median [min-max] of the rounds, CPU time beside wall time.

- ours, new text: `render_pdf` in a warm process (fonts loaded), every layout cache emptied
  first: what LibreOffice and fpdf2 do for a document they have not seen.
- ours, again: the same circular once more (layouts cached: a preview's re-render).
- ours, cold: `python -m circular_editor render FILE -o OUT`, the whole command.
- fpdf2: the same paragraphs, justified, text shaping on, Amiri, in this process (warm).
- LibreOffice: `soffice.bin --headless` kept running, driven through UNO (python3-uno, the
  system's Python) with the same paragraphs as a flat ODT (Amiri, right to left, justified):
  load, export to PDF, close. Its CPU time is soffice.bin's. Installed by this script with
  apt when missing (`--no-libreoffice` or a machine without apt leaves it out, with a message).

Then, for ours: the RSS of a process that renders 2 and 100 pages (growth per page), and one
word edited in the middle of the 10-page circular, re-rendered warm.

Targets (issue 13): warm 2x faster than the running LibreOffice at 2 and 10 pages (TSB under
15 ms, 10 pages under 70 ms), 100 pages under 0.7 s with RSS growth under 0.2 MB per page,
cold `render` under 150 ms, one edit in a 10-page circular under 30 ms. "Warm" is "ours, again":
a warm process rendering a circular it has rendered before, as the preview does, against the
running LibreOffice loading and exporting the same document again. "New text" is printed beside
it: the first render of text never seen, where LibreOffice's figure is the same as its warm one.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from circular_editor.model import Circular, ValidationError
from circular_editor.paths import examples
from circular_editor.render import render_pdf
from circular_editor.render import text as render_text
from circular_editor.typeset import relayout, shaping
from circular_editor.typeset.fonts import FONT_DIR

PAGES = (2, 10, 100)
MARKUP = re.compile(r"\*\*|\[([^\]]*)\]\([^)]*\)")
SOFFICE = Path("/usr/lib/libreoffice/program/soffice.bin")
SYSTEM_PYTHON = "/usr/bin/python3"


# --- the text ---------------------------------------------------------------------------------

def _words() -> list[str]:
    words = []
    for sample in examples():
        for block in json.loads(sample.read_text(encoding="utf-8"))["body"]:
            for text in block["items"] if block["type"] == "list" else [block["text"]]:
                words.extend(MARKUP.sub(lambda m: m.group(1) or "", text).split())
    return words


def paragraphs(count: int, seed: int = 13) -> list[str]:
    rng, words = random.Random(seed), _words()
    return [" ".join(rng.choice(words) for _ in range(rng.randint(40, 110))) + "." for _ in range(count)]


def circular_json(body: list[str]) -> str:
    data = json.loads((examples()[0].parent / "tsb-circular-92.json").read_text(encoding="utf-8"))
    data["body"] = [{"type": "paragraph", "text": text} for text in body]
    return json.dumps(data, ensure_ascii=False)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def calibrated(pages: int) -> list[str]:
    """The fewest paragraphs that fill `pages` pages of our rendering (one paragraph adds less than a page)."""
    def filled(count: int) -> int:
        try:
            return page_count(render_pdf(Circular.from_json(circular_json(paragraphs(count)))))
        except ValidationError:  # more text than a circular may hold: more than any page count here
            return sys.maxsize
    hi = 1
    while filled(hi) < pages:
        hi *= 2
    lo = hi // 2  # filled(lo) < pages <= filled(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if filled(mid) < pages else (lo, mid)
    return paragraphs(hi)


def empty_caches() -> None:
    render_text._laid_out.cache_clear()
    shaping._grouped_harfbuzz.cache_clear()
    relayout.forget()


# --- the tools --------------------------------------------------------------------------------

def timed(fn) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def ours_new_text(circular: Circular):
    empty_caches()
    return timed(lambda: render_pdf(circular))


def ours_again(circular: Circular):
    render_pdf(circular)
    return timed(lambda: render_pdf(circular))


def ours_cold(path: Path, out: Path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run([sys.executable, "-m", "circular_editor", "render", str(path), "-o", str(out)], check=True,
                   capture_output=True)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), out.read_bytes()


def fpdf2(body: list[str]):
    from fpdf import FPDF

    def run() -> bytes:
        pdf = FPDF(format="A4")
        pdf.set_margins(25, 25, 25)
        pdf.add_page()
        pdf.add_font("Amiri", "", str(FONT_DIR / "Amiri-Regular.ttf"))
        pdf.set_font("Amiri", size=12)
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ar")
        for text in body:
            pdf.multi_cell(w=0, h=6.1, text=text, align="J")
            pdf.ln(2)
        return bytes(pdf.output())
    return timed(run)


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls><style:font-face style:name="Amiri" svg:font-family="Amiri"/></office:font-face-decls>
 <office:styles>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" style:writing-mode="rl-tb" fo:margin-bottom="0.2cm"
    fo:line-height="17.4pt"/>
   <style:text-properties style:font-name="Amiri" fo:font-size="12pt" style:font-name-complex="Amiri"
    style:font-size-complex="12pt" fo:language="ar" style:language-complex="ar" style:country-complex="SA"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"
   style:writing-mode="rl-tb"/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
 <office:body><office:text>
{BODY}
 </office:text></office:body>
</office:document>
"""

UNO_CLIENT = r'''
import os, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name, p.Value = name, value; return p

def cpu(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

port, pid = sys.argv[1], int(sys.argv[2])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(300):
    try:
        ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.1)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
print("ready", flush=True)
for line in sys.stdin:
    source, target = line.rstrip("\n").split("\t")
    c0, w0 = cpu(pid), time.perf_counter()
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"),))
    doc.close(True)
    print(time.perf_counter() - w0, cpu(pid) - c0, flush=True)
'''


class LibreOffice:
    """A LibreOffice kept running (its own profile, Amiri visible through its own fontconfig file)."""

    def __init__(self, work: Path):
        fonts = work / "fonts"
        fonts.mkdir()
        for face in FONT_DIR.glob("*.ttf"):
            shutil.copy(face, fonts)
        (work / "fonts.conf").write_text(
            f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
            f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir>'
            f'<cachedir>{work}/fontcache</cachedir></fontconfig>')
        env = dict(os.environ, FONTCONFIG_FILE=str(work / "fonts.conf"))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        command = [str(SOFFICE), "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                   f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   f"--accept=socket,host=127.0.0.1,port={port};urp;"]
        for _ in range(3):  # a new profile makes soffice.bin exit with 81, asking to be started again
            self.office = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                if self.office.wait(5) != 81:
                    raise RuntimeError(f"LibreOffice ended at start (exit {self.office.returncode})")
            except subprocess.TimeoutExpired:
                break  # running
        (work / "uno_client.py").write_text(UNO_CLIENT)
        self.client = subprocess.Popen([SYSTEM_PYTHON, str(work / "uno_client.py"), str(port), str(self.office.pid)],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if self.client.stdout.readline().strip() != "ready":
            raise RuntimeError("LibreOffice did not answer through UNO")
        self.work = work

    def convert(self, body: list[str], name: str):
        source, target = self.work / f"{name}.fodt", self.work / f"{name}.pdf"
        if not source.exists():
            text = "\n".join(f'  <text:p text:style-name="Body">{escape(p)}</text:p>' for p in body)
            source.write_text(FODT.replace("{BODY}", text), encoding="utf-8")
        self.client.stdin.write(f"{source}\t{target}\n")
        self.client.stdin.flush()
        wall, cpu = map(float, self.client.stdout.readline().split())
        return wall, cpu, target.read_bytes()

    def close(self) -> None:
        self.client.stdin.close()
        self.client.wait(10)
        self.office.terminate()
        self.office.wait(10)


def libreoffice(work: Path) -> LibreOffice | None:
    if not SOFFICE.exists() or subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode:
        print("setup: installing LibreOffice Writer and python3-uno with apt...", file=sys.stderr)
        done = subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "libreoffice-writer-nogui",
                               "python3-uno"], capture_output=True, text=True) if shutil.which("apt-get") else None
        if done is None or done.returncode:
            print("LibreOffice left out: it could not be installed here", file=sys.stderr)
            return None
    return LibreOffice(work)


# --- the figures ------------------------------------------------------------------------------

def fmt(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return f"{statistics.median(ms):8.1f} [{ms[0]:.0f}-{ms[-1]:.0f}]"


def peak_rss_mb(path: Path) -> float:
    # VmHWM, not ru_maxrss: a child's ru_maxrss starts from its parent's at the fork.
    code = ("import re, sys; from circular_editor.model import Circular; "
            "from circular_editor.render import render_pdf; "
            "render_pdf(Circular.from_json(open(sys.argv[1], encoding='utf-8').read())); "
            "print(int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) / 1024)")
    return float(subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                                check=True).stdout)


def one_edit(body: list[str], runs: int) -> list[float]:
    """Wall times of re-rendering after one word in the middle paragraph changed (warm, layouts cached)."""
    times = []
    middle = len(body) // 2
    for k in range(runs):
        render_pdf(Circular.from_json(circular_json(body)))
        edited = list(body)
        words = edited[middle].split()
        words[len(words) // 2] = ["الاتحاد", "الدولي", "للاتصالات"][k % 3] + "ية" * (k + 1)
        edited[middle] = " ".join(words)
        circular = Circular.from_json(circular_json(edited))
        times.append(timed(lambda: render_pdf(circular))[0])
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bodies = {n: calibrated(n) for n in PAGES}
        files = {}
        for n, body in bodies.items():
            files[n] = work / f"circular-{n}.json"
            files[n].write_text(circular_json(body), encoding="utf-8")
        office = None if args.no_libreoffice else libreoffice(work)
        tools = ["ours, new text", "ours, again", "ours, cold", "fpdf2", "LibreOffice"]
        results = {(n, t): ([], []) for n in PAGES for t in tools}
        pages = {}
        try:
            for round_ in range(args.runs):
                for n in PAGES:
                    circular = Circular.from_json(files[n].read_text(encoding="utf-8"))
                    measures = {
                        "ours, new text": lambda: ours_new_text(circular),
                        "ours, again": lambda: ours_again(circular),
                        "ours, cold": lambda: ours_cold(files[n], work / f"out-{n}.pdf"),
                        "fpdf2": lambda: fpdf2(bodies[n]),
                    }
                    if office:
                        measures["LibreOffice"] = lambda: office.convert(bodies[n], f"lo-{n}")
                    for tool, measure in measures.items():
                        if tool == "fpdf2" and n == 100 and round_ > 0:
                            continue  # ~15 s a run: once is enough to place it
                        wall, cpu, pdf = measure()
                        results[n, tool][0].append(wall)
                        results[n, tool][1].append(cpu)
                        pages[n, tool] = page_count(pdf)
        finally:
            if office:
                office.close()

        print(f"{'pages':>5}  {'tool':<16}{'wall ms median [range]':>26}{'CPU ms median [range]':>26}"
              f"{'its pages':>10}{'/ ours new':>12}{'/ ours again':>14}")
        for n in PAGES:
            new_text = statistics.median(results[n, "ours, new text"][0])
            again = statistics.median(results[n, "ours, again"][0])
            for tool in tools:
                wall, cpu = results[n, tool]
                if not wall:
                    continue
                median = statistics.median(wall)
                print(f"{n:>5}  {tool:<16}{fmt(wall):>26}{fmt(cpu):>26}{pages[n, tool]:>10}"
                      f"{median / new_text:>11.2f}x{median / again:>13.2f}x")
        small, large = peak_rss_mb(files[2]), peak_rss_mb(files[100])
        print(f"\npeak RSS: {small:.0f} MB at 2 pages, {large:.0f} MB at 100 pages: "
              f"{(large - small) / 98:.2f} MB per page")
        print(f"one word edited in the middle of {PAGES[1]} pages, re-rendered warm: "
              f"{fmt(one_edit(bodies[PAGES[1]], max(3, args.runs)))} ms wall")
        print("targets: again 2x faster than the running LibreOffice at 2 and 10 pages (2 pages < 15 ms, "
              "10 < 70 ms), 100 pages < 0.7 s; RSS < 0.2 MB per page; cold < 150 ms; one edit in 10 pages "
              "< 30 ms")


if __name__ == "__main__":
    main()
