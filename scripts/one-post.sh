#!/usr/bin/env bash
# One short post: the median wall and CPU time of the whole `vigie check` process against
# `cat` on the same file, measured side by side (alternating runs) in one go, and their
# ratio. Usage: scripts/one-post.sh [RUNS] [PROFILE] [VIGIE]   (default 300, la-sarre,
# target/release/vigie built here).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-300}"
profile="${2:-la-sarre}"
vigie="${3:-}"
post="$(mktemp --suffix=.md)"
copy="$(mktemp)"
trap 'rm -f "$post" "$copy"' EXIT
if [ -z "$vigie" ]; then
  cargo build --release --quiet
  vigie=target/release/vigie
fi
# Measured from a copy, as `cargo install` installs it: the binary cargo links in
# target/ costs up to a millisecond more system time per run than the same bytes copied.
cp "$vigie" "$copy"
chmod +x "$copy"
vigie="$copy"
printf '%s\n' "Bonjour à tous ! La piscine municipale ouvre samedi à 10 h." \
  "Venez nombreux avec vos enfants, l'entrée est gratuite pour les résidents." \
  "Renseignements : 819-333-2282. Bon été !" >"$post"
python3 - "$runs" "$vigie" "$profile" "$post" <<'PY'
import os, statistics, sys, time
runs, vigie, profile, post = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
commands = {
    "vigie": [vigie, "check", "--profile", profile, post],
    "cat": ["cat", post],
}
wall = {k: [] for k in commands}
cpu = {k: [] for k in commands}
devnull = os.open(os.devnull, os.O_WRONLY)
for _ in range(runs):
    for name, argv in commands.items():
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1),
                                            (os.POSIX_SPAWN_DUP2, devnull, 2)])
        _, _, usage = os.wait4(pid, 0)
        wall[name].append(time.perf_counter() - start)
        cpu[name].append(usage.ru_utime + usage.ru_stime)
ms = lambda xs: statistics.median(xs) * 1000
print(f"un brouillon de {os.path.getsize(post)} octets, profil {profile}, {runs} lancements de chaque, en alternance (médianes)")
for name in commands:
    print(f"  {name:<6} {ms(wall[name]):6.2f} ms réels, {ms(cpu[name]):6.2f} ms de processeur")
print(f"  rapport vigie / cat : {ms(wall['vigie']) / ms(wall['cat']):.1f} (réel)")
PY
