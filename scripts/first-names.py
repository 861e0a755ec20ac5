#!/usr/bin/env python3
"""Regenerates lexicons/first-names.txt (folded, sorted, one name a line).

Sources:
- the French first names of the `unpii` package (PyPI, version 0.3.1, MIT licence),
  file lang/fr/names.txt: `pip download --no-deps unpii==0.3.1`, unzip, pass the file;
- the Quebec first names vigie already knew (src/checks/confidential_data/lexicon.rs,
  FIRST_NAMES; vigie's own list, MIT like vigie), kept whatever the filter says;
- a French word list to leave out names that are also ordinary words ("Rose", "Olive"
  are kept only through the Quebec list): Debian's `wfrench` (/usr/share/dict/french),
  and Debian's `wamerican` (/usr/share/dict/american-english) for the English words
  of posts ("Happy hour"): read only to filter, nothing of them is copied.

Usage: scripts/first-names.py UNPII_NAMES.txt > lexicons/first-names.txt
"""
import re, sys, unicodedata

def fold(s):
    s = s.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")

lexicon = open("src/checks/confidential_data/lexicon.rs", encoding="utf-8").read()
block = lexicon.split("pub const FIRST_NAMES")[1].split("];")[0]
quebec = set(re.findall(r'"([^"]+)"', block))
words = set()
for path in ["/usr/share/dict/french", "/usr/share/dict/american-english"]:
    words |= {fold(w.strip()) for w in open(path, encoding="utf-8") if w.strip() and w.strip()[0].islower()}
names = set(quebec)
for line in open(sys.argv[1], encoding="utf-8"):
    n = fold(line.strip())
    if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", n) and len(n) >= 3 and n not in words:
        names.add(n)
print("# First names (folded: lowercase, no accents), sorted byte-wise, one a line: a")
print("# capitalised word of a post that is one of them names a person.")
print("# Sources: the French first names of the unpii package (PyPI, 0.3.1, MIT licence,")
print("# lang/fr/names.txt); and the")
print("# Quebec first names vigie carried in src/checks/confidential_data/lexicon.rs (vigie,")
print("# MIT). Ordinary French and English words (Debian's wfrench and wamerican lists) are left")
print("# out. Regenerate with scripts/first-names.py. Licence of this file: MIT.")
for n in sorted(names, key=lambda s: s.encode()):
    print(n)
