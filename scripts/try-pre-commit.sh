#!/usr/bin/env bash
# Tries the pre-commit hook for real: installs pre-commit (PyPI), makes a throw-away
# git repository of drafts, and runs `pre-commit try-repo` against this checkout.
# The hook must fail on a draft in capitals and pass once the draft is fixed.
# Slow the first time: pre-commit builds vigie with `cargo install`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pre-commit
export PRE_COMMIT_HOME="$work/cache"
cd "$work" && mkdir drafts && cd drafts
git init -q && git config user.email ci@example.invalid && git config user.name ci
printf 'profile = "la-sarre"\n[rules.shouting]\nseverity = "error"\n' > vigie.toml
printf 'VENEZ TOUS À LA GRANDE FÊTE DU PARC CE SAMEDI APRÈS-MIDI\n' > fete.md
git add vigie.toml fete.md
if "$work/venv/bin/pre-commit" try-repo "$here" vigie --files fete.md; then
  echo "FAIL: the hook accepted a draft in capitals" >&2
  exit 1
fi
printf 'Venez tous à la grande fête du parc ce samedi après-midi !\n' > fete.md
git add fete.md
"$work/venv/bin/pre-commit" try-repo "$here" vigie --files fete.md
echo "pre-commit hook: OK (fails on a bad draft, passes on a good one)"
