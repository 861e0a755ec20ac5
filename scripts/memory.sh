#!/usr/bin/env bash
# Peak memory of `vigie check` on a whole archive, as the archive grows: generates
# archives of 10,000 and 100,000 realistic drafts (the generator of
# `benches/throughput.rs`) in a temporary folder, then runs `vigie check` on each in
# every format, and prints the peak resident memory (max RSS, /usr/bin/time -v), the
# wall time and the size of the report. A run in constant memory shows the same peak
# for both sizes.
# Usage: scripts/memory.sh [VIGIE] [SIZES...]   (default target/release/vigie built
# here; sizes 10000 100000). VIGIE_FORMATS="json sarif" narrows the formats;
# VIGIE_GENERATOR=PATH uses an already built `throughput` bench binary as the generator.
set -euo pipefail
cd "$(dirname "$0")/.."
vigie="${1:-}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
formats="${VIGIE_FORMATS:-json sarif human github}"
if [ -z "$vigie" ]; then
  cargo build --release --quiet
  vigie=target/release/vigie
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "machine : $(nproc) cœurs ; vigie : $vigie"
printf '%-9s %-7s %12s %9s %12s\n' brouillons format "mémoire max" temps rapport
for n in "${sizes[@]}"; do
  if [ -n "${VIGIE_GENERATOR:-}" ]; then
    "$VIGIE_GENERATOR" --archive "$work/archive-$n" "$n" >/dev/null
  else
    cargo bench --quiet --bench throughput -- --archive "$work/archive-$n" "$n" >/dev/null
  fi
  for format in $formats; do
    /usr/bin/time -v -o "$work/time" "$vigie" check --format "$format" \
      "$work/archive-$n" >"$work/out" 2>/dev/null || true
    peak=$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' "$work/time")
    wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$work/time")
    size=$(stat -c %s "$work/out")
    printf '%-9s %-7s %9.1f Mio %9s %9.1f Mo\n' "$n" "$format" \
      "$(awk "BEGIN{print $peak/1024}")" "$wall" "$(awk "BEGIN{print $size/1e6}")"
  done
  rm -rf "$work/archive-$n"
done
