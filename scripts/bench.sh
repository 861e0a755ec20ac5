#!/usr/bin/env bash
# Measures the real binary: a generated archive of 10,000 drafts (posts per second, MB
# per second, peak memory), and the start-up of `vigie check` on one post. Then runs
# `cargo bench` (the library on the same archive, one core and all cores).
# Usage: scripts/bench.sh [N]   (default N = 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
cargo bench --quiet --bench throughput -- --archive "$work/archive" "$n" >/dev/null
vigie=target/release/vigie
bytes=$(find "$work/archive" -name '*.md' -o -name '*.txt' | xargs cat | wc -c)
echo "machine : $(nproc) cœurs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "archive : $n brouillons, $(awk "BEGIN{printf \"%.2f\", $bytes/1e6}") Mo"

# Whole archive, three runs, the best one.
best=""
for _ in 1 2 3; do
  start=$(date +%s.%N)
  "$vigie" check --format json "$work/archive" >/dev/null || true
  end=$(date +%s.%N)
  t=$(awk "BEGIN{print $end-$start}")
  if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
done
echo "archive entière : $(awk "BEGIN{printf \"%.3f s, %.0f publications/s, %.1f Mo/s\", $best, $n/$best, $bytes/1e6/$best}")"
peak=$( { /usr/bin/time -v "$vigie" check --format json "$work/archive" >/dev/null || true; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}')
echo "mémoire maximale (archive entière) : $(awk "BEGIN{printf \"%.1f\", $peak/1024}") Mo"

# Start-up and one post: 200 runs.
one=$(find "$work/archive" -name '*.md' -print -quit)
start=$(date +%s.%N)
for _ in $(seq 200); do "$vigie" check "$one" >/dev/null || true; done
end=$(date +%s.%N)
echo "démarrage et un brouillon : $(awk "BEGIN{printf \"%.2f ms\", ($end-$start)/200*1000}") (moyenne de 200 lancements)"
peak=$( { /usr/bin/time -v "$vigie" check "$one" >/dev/null || true; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}')
echo "mémoire maximale (un brouillon) : $(awk "BEGIN{printf \"%.1f\", $peak/1024}") Mo"
echo "taille du programme : $(du -k "$vigie" | cut -f1) Ko"
echo
cargo bench --quiet --bench throughput
