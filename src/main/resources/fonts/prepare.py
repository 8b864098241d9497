#!/usr/bin/env python3
"""Prepares Noto Sans JP for PDFBox: the code point a Japanese text uses becomes the lowest one
mapped to its glyph, and the glyph substitution table (GSUB) is removed.

Noto Sans JP maps some glyphs from several code points (子 from U+5B50 and from the Kangxi
radical U+2F26, ・ from U+30FB and U+2027, …). PDFBox writes a PDF's ToUnicode map from the
lowest of them, so a PDF's text would copy and search as 「花⼦」 instead of 「花子」. This
removes, for each such glyph, the code points below the one a Japanese document means (CJK
ideographs, then kana and CJK symbols, then full-width forms, then the rest; radicals and
compatibility ideographs last).

PDFBox 3 applies a font's GSUB to every string it writes, compiling regular expressions of the
font's ligature sequences each time: with Noto Sans JP's large table a 200-entry report took
seconds. Horizontal Japanese needs none of its substitutions (vertical forms, variants chosen
by OpenType features no browser-less renderer asks for), so the table goes. Nothing else in the
font changes.

  python3 prepare.py IN.ttf OUT.ttf      (needs fontTools: apt-get install python3-fonttools)
"""
import collections
import sys

from fontTools.ttLib import TTFont


def rank(cp):
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2FFFF:
        return 0
    if 0x3000 <= cp <= 0x30FF:
        return 1
    if 0xFF01 <= cp <= 0xFF60 or 0xFFE0 <= cp <= 0xFFE6:
        return 2
    if cp in (0x2013, 0x2018):
        return 3
    if 0x2E80 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF:
        return 9
    return 5


font = TTFont(sys.argv[1])
by_glyph = collections.defaultdict(list)
for cp, glyph in font.getBestCmap().items():
    by_glyph[glyph].append(cp)
drop = set()
for glyph, cps in by_glyph.items():
    if len(cps) > 1:
        preferred = min(cps, key=lambda cp: (rank(cp), cp))
        drop.update(cp for cp in cps if cp < preferred)
for table in font['cmap'].tables:
    if hasattr(table, 'cmap') and table.format != 14:
        for cp in drop:
            table.cmap.pop(cp, None)
if 'GSUB' in font:
    del font['GSUB']
font.save(sys.argv[2])
print(f"{sys.argv[2]}: {len(drop)} aliasing code points removed, GSUB removed")
