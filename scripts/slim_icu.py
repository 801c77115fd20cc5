"""A smaller ICU data library for the desktop bundle (build.spec calls it on Linux): 31 MB -> about 3 MB.

    python scripts/slim_icu.py path/to/libicudata.so.73 out-folder     (prints the new library's path)

Qt's Linux wheel links ICU, whose data library holds every locale's calendars, currencies, units,
dictionaries for Thai and Chinese word breaks, 190 legacy code pages... Qt itself asks ICU for four
things only (`nm -D libQt6Core.so.6`): collation (QCollator), time zone names (QTimeZone), locale-aware
upper and lower case, and legacy text codecs (QStringDecoder). The editor uses none of them, reads and
writes UTF-8 only, and Qt's own locale data (not ICU's) gives the month names. What is kept still
answers those four for the root locale, Arabic and English: collation and time zones with their names,
casing (built into libicuuc), Unicode normalisation and IDNA tables. Dropped: every *.cnv code page
(UTF-8 and UTF-16 need none), break-iterator dictionaries, transliteration, number spell-out, units,
currencies, language and region names, the character-name table, and other locales' bundles (ICU
falls back to root for them).

How: the data package is read out of the library's `icudtNN_dat` symbol, subset with ICU's own
`icupkg` (Debian: icu-devtools), and linked into a library of the same name and symbol with gcc.
Without those tools the build keeps the full library and says so.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

DROPPED_TREES = ("brkitr", "translit", "rbnf", "unit", "curr", "lang", "region")
KEPT_LOCALES = re.compile(r"(root|ar|ar_\w+|en|en_\w+|res_index|pool)\.res")
A_LOCALE = re.compile(r"[a-z]{2,3}(_\w*)?\.res")  # (coll/de_.res too)


def kept(item: str) -> bool:
    """Whether the package item `item` ("coll/ar.res", "zoneinfo64.res"...) stays."""
    tree, _, name = item.rpartition("/")
    if name.endswith(".cnv") or name == "unames.icu" or tree in DROPPED_TREES:
        return False
    if A_LOCALE.fullmatch(name):
        return bool(KEPT_LOCALES.fullmatch(name))
    return True


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size (from readelf, whose output is stable)."""
    symbols = subprocess.run(["readelf", "-Ws", str(library)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\w+\s+(\d+)\s+(icudt\d+_dat)\b",
                      symbols)
    if not found:
        raise RuntimeError(f"{library}: no icudtNN_dat symbol")
    value, size, section, name = int(found[1], 16), int(found[2], 0), int(found[3]), found[4]
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True, check=True).stdout
    row = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    address, offset = int(row[1], 16), int(row[2], 16)
    return name, value - address + offset, size


def slim(library: Path, work: Path) -> Path:
    """A slimmed copy of `library` in `work` (same file name, soname and symbol)."""
    name, offset, size = _symbol(library)
    package = name.removesuffix("_dat") + "l"  # icudt73l: the package's own name (little-endian)
    with library.open("rb") as file:
        file.seek(offset)
        data = file.read(size)
    items_dir, slim_dir = work / "items", work / "slim"
    for folder in (items_dir, slim_dir):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    full = work / f"{package}.dat"
    full.write_bytes(data)
    listing = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True).stdout.split()
    (work / "kept.txt").write_text("\n".join(i for i in listing if kept(i)) + "\n")
    subprocess.run(["icupkg", "-x", "*", "-d", str(items_dir), str(full)], check=True, capture_output=True)
    subprocess.run(["icupkg", "-tl", "-a", str(work / "kept.txt"), "-s", str(items_dir), "new",
                    str(slim_dir / f"{package}.dat")], check=True, capture_output=True)
    stub = work / "icudata.c"
    stub.write_text(f'__asm__(".section .rodata\\n.global {name}\\n.type {name},@object\\n.balign 16\\n'
                    f'{name}:\\n.incbin \\"{slim_dir / (package + ".dat")}\\"\\n.size {name}, .-{name}\\n");\n')
    out = work / library.name
    subprocess.run(["gcc", "-shared", "-o", str(out), f"-Wl,-soname,{library.name}", str(stub)], check=True)
    return out


def slim_or_keep(library: Path, work: Path) -> Path:
    """`slim(library)`, or `library` itself when the tools are missing (said on stderr)."""
    missing = [tool for tool in ("icupkg", "gcc", "readelf") if shutil.which(tool) is None]
    if missing:
        print(f"slim_icu: {', '.join(missing)} not found: the bundle keeps ICU's full data "
              f"({library.stat().st_size // 2**20} MB)", file=sys.stderr)
        return library
    return slim(library, work)


if __name__ == "__main__":
    print(slim(Path(sys.argv[1]), Path(sys.argv[2])))
