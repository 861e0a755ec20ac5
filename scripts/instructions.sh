#!/usr/bin/env bash
# Counts the instructions `vigie check --format json` executes on a generated archive
# (valgrind, cachegrind without cache simulation). Unlike a time, the count hardly moves
# from one run to the next, even on a busy machine: compare two commits with it.
# Usage: scripts/instructions.sh [N]   (default N = 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind est requis (apt install valgrind)" >&2; exit 2; }
n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
cargo bench --quiet --bench throughput -- --archive "$work/archive" "$n" >/dev/null
# vigie exits with 1 when it finds something: that is not a failure here.
report=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
  target/release/vigie check --format json "$work/archive" 2>&1 >/dev/null || true)
count=$(awk '/I *refs/ {gsub(",", "", $NF); print $NF}' <<<"$report")
echo "$n brouillons : $count instructions ($(awk "BEGIN{printf \"%.0f\", $count/$n}") par brouillon)"
