"""The shaper's fast paths give what the plain ways give: glyph flags read from HarfBuzz's serialization
equal its per-glyph flags, graphemes equal HarfBuzz's own grapheme clusters, and grouping glyphs into
clusters does not depend on the glyphs' order."""
import json
import random
import sys
import unicodedata

import uharfbuzz as hb

from circular_editor.paths import examples
from circular_editor.typeset import shaping
from circular_editor.typeset.fonts import default_family

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"


def texts() -> list[str]:
    found = []
    for sample in examples():
        for block in json.loads(sample.read_text(encoding="utf-8"))["body"]:
            found.extend(block["items"] if block["type"] == "list" else [block["text"]])
    rng = random.Random(7)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوية"
    for _ in range(300):  # vocalised words: several marks on a letter, marks after a space
        def letter():
            return rng.choice(letters) + "".join(rng.choice(HARAKAT) for _ in range(rng.randint(0, 2)))
        found.append(" ".join("".join(letter() for _ in range(rng.randint(1, 7))) for _ in range(rng.randint(1, 9))))
    found += ["e\u0301te\u0301 👍🏽 ok", "ق\u0651\u064e 2024 (ITU)", "\u0301 \u0651"]
    return found


def reference(face, text, rtl, script):
    """(glyph, grapheme cluster, SAFE_TO_INSERT_TATWEEL) the plain way: the clusters of HarfBuzz's default
    (grapheme) level, the flags as `info.flags` gives them at the level the shaper uses."""
    def shaped(level):
        buf = hb.Buffer()
        buf.add_str(text)
        buf.direction, buf.script = ("rtl" if rtl else "ltr"), script
        buf.language = "ar" if script == "Arab" else "en"
        buf.flags = hb.BufferFlags.PRODUCE_SAFE_TO_INSERT_TATWEEL | hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES
        buf.cluster_level = level
        hb.shape(face.hb_font, buf, {"kern": True, "liga": True})
        return buf.glyph_infos
    safe = hb.GlyphFlags.SAFE_TO_INSERT_TATWEEL
    graphemes = shaped(hb.BufferClusterLevel.MONOTONE_GRAPHEMES)
    characters = shaped(hb.BufferClusterLevel.MONOTONE_CHARACTERS)
    return [(g.codepoint, g.cluster, bool(c.flags & safe)) for g, c in zip(graphemes, characters)]


def test_flags_and_graphemes_are_harfbuzz_own():
    face = default_family().regular
    checked = 0
    for text in texts():
        rtl = not text.isascii()
        script = shaping.run_script(text, rtl)
        glyphs = shaping._shape_harfbuzz(face, text, 0, len(text), rtl, script)
        assert [(g.gid, g.cluster, g.tatweel_ok) for g in glyphs] == reference(face, text, rtl, script), text
        checked += sum(g.tatweel_ok for g in glyphs)
    assert checked > 500  # the flag is there to be found


def test_every_character_that_continues_a_grapheme_is_looked_at():
    continuing = [cp for cp in range(sys.maxunicode + 1)
                  if unicodedata.category(chr(cp)) in ("Mn", "Mc", "Me") or cp in (0x200C, 0x200D)
                  or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F]
    assert len(continuing) > 2000
    skipped = [cp for cp in continuing if not shaping._NOT_WORD_OR_SPACE.match(chr(cp))]
    assert skipped == []


def test_clusters_do_not_depend_on_the_order_glyphs_come_in():
    face = default_family().regular
    rng = random.Random(3)
    for text in texts()[:60]:
        glyphs = shaping._shape_harfbuzz(face, text, 0, len(text), True, "Arab")
        by_start: dict[int, list] = {}
        for g in glyphs:
            by_start.setdefault(g.cluster, []).append(g)
        expected = tuple(shaping.Cluster(c, tuple(gs), sum(g.advance for g in gs), any(g.tatweel_ok for g in gs))
                         for c, gs in sorted(by_start.items()))
        shuffled = list(glyphs)
        rng.shuffle(shuffled)
        assert shaping._group(glyphs) == expected
        assert shaping._group(tuple(shuffled)) == shaping._group(tuple(sorted(shuffled, key=lambda g: g.cluster)))
