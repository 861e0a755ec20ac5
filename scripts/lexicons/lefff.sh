#!/usr/bin/env bash
# Regenerates lexicons/lefff/{verbs.txt,nouns.tsv,adjectives.tsv} from the Lefff as
# published on the npm registry (french-verbs-lefff for the conjugations, lefff-helper
# for nouns and adjectives), at pinned versions. The build script (build.rs) compiles
# these files into the finite-state transducer vigie embeds; run this only to move to a
# new version of the Lefff. Needs npm and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
verbs_version=3.4.0
helper_version=4.2.6
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "french-verbs-lefff@$verbs_version" "lefff-helper@$helper_version" >/dev/null)
mkdir -p "$work/verbs" "$work/helper"
tar xzf "$work/french-verbs-lefff-$verbs_version.tgz" -C "$work/verbs"
tar xzf "$work/lefff-helper-$helper_version.tgz" -C "$work/helper"
python3 - "$work" lexicons/lefff <<'PY'
import json, sys
work, out = sys.argv[1], sys.argv[2]
verbs = json.load(open(f"{work}/verbs/package/dist/conjugations.json", encoding="utf-8"))
# Slots of each line, in this order: present (6 persons), subjunctive (6), imperative
# (6, persons 2, 4, 5 only), imperfect (6), present participle (1), past participle
# (4: m. sg., m. pl., f. sg., f. pl.), simple past (6), imperfect subjunctive (6),
# future (6), conditional (6), infinitive (1). "-": no such form.
tenses = [("P", 6), ("S", 6), ("Y", 6), ("I", 6), ("G", 1), ("K", 4), ("J", 6),
          ("T", 6), ("F", 6), ("C", 6), ("W", 1)]
with open(f"{out}/verbs.txt", "w", encoding="utf-8") as f:
    for lemma in sorted(verbs):
        slots = []
        for tense, n in tenses:
            forms = list(verbs[lemma].get(tense) or [])
            forms = (forms + ["NA"] * n)[:n]
            slots += ["-" if not x or x == "NA" else x for x in forms]
        assert all(" " not in s for s in slots), lemma
        f.write(lemma + " " + " ".join(slots) + "\n")
res = f"{work}/helper/package/resources_pub"
nouns = json.load(open(f"{res}/nouns.json", encoding="utf-8"))
with open(f"{out}/nouns.tsv", "w", encoding="utf-8") as f:
    for form in sorted(nouns):
        f.write(f"{form}\t{nouns[form]}\n")
adjectives = json.load(open(f"{res}/adjectives.json", encoding="utf-8"))
with open(f"{out}/adjectives.tsv", "w", encoding="utf-8") as f:
    for form in sorted(adjectives):
        f.write(f"{form}\t{adjectives[form][0]}\n")
PY
cp "$work/helper/package/resources_pub/LICENSE" lexicons/lefff/LICENSE
echo "lexicons/lefff regenerated from french-verbs-lefff@$verbs_version and lefff-helper@$helper_version"
