#!/usr/bin/env bash
# Compares the reports of two vigie binaries, byte for byte, standard output, standard
# error and exit status: on examples/ and on a generated archive (the generator of
# `benches/throughput.rs`; ARCHIVE=DIR uses an existing one), in every format, with and
# without --redact, and through --output-file. Prints one line per case and fails on
# the first difference.
# Usage: scripts/same-reports.sh OLD-VIGIE NEW-VIGIE [N]   (default N = 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
old="$(realpath "$1")"
new="$(realpath "$2")"
n="${3:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
archive="${ARCHIVE:-}"
if [ -z "$archive" ]; then
  archive="$work/archive"
  cargo bench --quiet --bench throughput -- --archive "$archive" "$n" >/dev/null
fi
archive="$(realpath "$archive")"
examples="$(realpath examples)"
same() { # dir, arguments...
  local dir="$1"
  shift
  for v in old new; do
    local bin="$old"
    [ "$v" = new ] && bin="$new"
    mkdir -p "$work/$v"
    (cd "$dir" && "$bin" "$@" >"$work/$v/out" 2>"$work/$v/err"; echo "$?" >"$work/$v/status") || true
    if [ -f "$dir/rapport.out" ]; then mv "$dir/rapport.out" "$work/$v/file"; else : >"$work/$v/file"; fi
  done
  for f in out err status file; do
    if ! cmp -s "$work/old/$f" "$work/new/$f"; then
      echo "DIFFÉRENT ($f) : $dir : $*"
      diff "$work/old/$f" "$work/new/$f" | head -20
      exit 1
    fi
  done
  echo "identique : $(basename "$dir") : $* ($(wc -c <"$work/new/out") octets)"
}
for format in human json sarif github; do
  for redact in --no-redact --redact; do
    same "$examples" check --profile la-sarre --format "$format" "$redact" drafts team
    same "$examples" check --profile drummondville --format "$format" "$redact" --account official drafts
    same "$archive" check --format "$format" "$redact" .
  done
  same "$archive" check --format "$format" --output-file rapport.out .
done
# Bad inputs beside good ones: a broken front matter, invalid UTF-8, a missing path.
bad="$work/bad"
mkdir -p "$bad/brouillons"
cp "$archive"/vigie.toml "$bad/"
printf '+++\nnaem = 1\n+++\nBonjour\n' >"$bad/brouillons/a.md"
printf 'Bonjour \xe0 tous\n' >"$bad/brouillons/b.md"
printf 'Appelez Jean au 819 555-1234.\n' >"$bad/brouillons/c.md"
for format in human json sarif github; do
  same "$bad" check --format "$format" brouillons absent.md
done
