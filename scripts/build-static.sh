#!/usr/bin/env bash
# Builds a statically linked `vigie` for Linux (GNU toolchain) in target/static/, checks
# that it runs, and prints its path. A static program starts without the dynamic loader
# (no shared libraries to map and relocate): about 0.3 million instructions and 0.5 ms of
# processor time less for one short post on our machine (see the README, "Un binaire
# statique"). Needs the C library's static archive (libc.a: libc6-dev on Debian and
# Ubuntu, glibc-static on Fedora).
# Usage: scripts/build-static.sh
set -euo pipefail
cd "$(dirname "$0")/.."
host="$(rustc -vV | sed -n 's/^host: //p')"
case "$host" in
  *-linux-gnu) ;;
  *) echo "build-static.sh : seulement pour Linux (chaîne GNU) ; ici : $host" >&2; exit 2 ;;
esac
if [ "$(cc -print-file-name=libc.a)" = "libc.a" ]; then
  echo "build-static.sh : libc.a introuvable ; installez libc6-dev (Debian, Ubuntu) ou glibc-static (Fedora)." >&2
  exit 2
fi
# The target is named so that build scripts and procedural macros stay dynamic; the
# relocation model is static so that the program is linked at a fixed address (as the
# ordinary build is, see build.rs) rather than as a static PIE that relocates itself.
RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static" \
  cargo build --release --quiet --target "$host" --target-dir target/static
bin="target/static/$host/release/vigie"
if ldd "$bin" >/dev/null 2>&1; then
  echo "build-static.sh : $bin n'est pas lié statiquement" >&2
  exit 1
fi
"$bin" --version >/dev/null
# Findings exit 1; anything above is a failure to check.
status=0
"$bin" check --profile la-sarre examples/drafts/ >/dev/null || status=$?
if [ "$status" -gt 1 ]; then
  echo "build-static.sh : $bin ne vérifie pas examples/drafts/ (code $status)" >&2
  exit 1
fi
echo "$bin"
