"""Make resources/fonts/Symbola-Symbols.ttf: the symbols and emoji that Amiri and DejaVu Sans lack.

    .venv/bin/python scripts/make_symbol_font.py     (needs apt-get: it downloads Debian's fonts-symbola)

The text engine falls back on it for a character no other face has (a 📄 in a paragraph), so that
every character of a circular is drawn; see resources/fonts/Symbola-LICENSE.txt for its licence.
"""
import subprocess
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
BLOCKS = [(0x2000, 0x2BFF), (0x2E00, 0x2E7F), (0x3000, 0x303F), (0xFE00, 0xFE0F), (0x1F000, 0x1FAFF)]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["apt-get", "download", "fonts-symbola"], cwd=folder, check=True)
        (deb,) = Path(folder).glob("fonts-symbola_*.deb")
        subprocess.run(["dpkg-deb", "-x", str(deb), folder], check=True)
        (source,) = Path(folder).rglob("Symbola_hint.ttf")
        font = TTFont(source)
        others = set(TTFont(FONTS / "Amiri-Regular.ttf").getBestCmap())
        others |= set(TTFont(FONTS / "DejaVuSans.ttf").getBestCmap())
        keep = [cp for cp in font.getBestCmap() if cp not in others and any(a <= cp <= b for a, b in BLOCKS)]
        options = subset.Options()
        options.hinting = False
        options.name_IDs = ["*"]
        options.layout_features = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=keep)
        subsetter.subset(font)
        font.save(FONTS / "Symbola-Symbols.ttf")
    print(f"{len(keep)} characters, {(FONTS / 'Symbola-Symbols.ttf').stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
