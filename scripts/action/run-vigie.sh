#!/usr/bin/env bash
# Checks the drafts listed by changed-drafts.sh, for the GitHub Action (action.yml).
#
#   run-vigie.sh LIST SARIF [OPTION ...]
#
# LIST: the NUL-separated drafts (or folders) to check. SARIF: where to write the SARIF
# report for code scanning ("" for none). OPTIONs go to `vigie check` as they are
# (--profile ID, --deny warnings, …). $VIGIE names the vigie binary (default: vigie).
#
# Prints one GitHub annotation per finding (they appear on the pull request's diff) and
# exits with vigie's status: 0 clean, 1 findings that fail, 2 unreadable input or
# configuration. An empty list checks nothing and exits 0.
set -euo pipefail

if [ "$#" -lt 2 ]; then
  echo "utilisation : run-vigie.sh LISTE SARIF [OPTION ...]" >&2
  exit 2
fi
list="$1" sarif="$2"
shift 2
vigie="${VIGIE:-vigie}"

drafts=()
while IFS= read -r -d '' path; do
  drafts+=("$path")
done < "$list"

if [ "${#drafts[@]}" -eq 0 ]; then
  echo "vigie : aucun brouillon modifié à vérifier."
  [ -z "$sarif" ] || rm -f "$sarif"
  exit 0
fi

# The drafts are named: the vigie.toml's exclusions must apply to them too, and a list
# whose drafts are all excluded is nothing to check, not an error.
options=(--force-exclude --allow-empty "$@")
status=0
"$vigie" check --format github "${options[@]}" -- "${drafts[@]}" || status=$?
if [ -n "$sarif" ]; then
  # The same check as SARIF; its screen report is the one above, already printed.
  "$vigie" check --format sarif --output-file "$sarif" "${options[@]}" -- "${drafts[@]}" > /dev/null 2>&1 || true
  if [ ! -s "$sarif" ]; then
    echo "::warning title=vigie::le rapport SARIF n'a pas pu être écrit" >&2
  fi
fi
exit "$status"
