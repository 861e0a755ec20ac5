#!/usr/bin/env bash
# Regenerates lexicons/polarity/adjectives.tsv from the French subjectivity lexicon of
# Pattern (Tom De Smedt, Walter Daelemans; PDDL), as shipped in the PyPI package
# textblob-fr at a pinned version. Needs pip and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=0.2.0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pip download --quiet --no-deps --dest "$work" "textblob-fr==$version"
python3 - "$work"/textblob_fr-"$version"-*.whl lexicons/polarity/adjectives.tsv <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
wheel, out = sys.argv[1], sys.argv[2]
xml = zipfile.ZipFile(wheel).read("textblob_fr/fr-sentiment.xml")
rows = {}
for w in ET.fromstring(xml).iter("word"):
    form = w.get("form").strip()
    if " " in form or not form:
        continue
    rows[form] = (float(w.get("polarity")), float(w.get("subjectivity")))
with open(out, "w", encoding="utf-8") as f:
    f.write("# form\tpolarity (-1 to 1)\tsubjectivity (0 to 1)\n")
    for form in sorted(rows):
        p, s = rows[form]
        f.write(f"{form}\t{p:.2f}\t{s:.2f}\n")
PY
echo "lexicons/polarity/adjectives.tsv regenerated from textblob-fr==$version"
