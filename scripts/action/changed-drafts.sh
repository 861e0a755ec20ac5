#!/usr/bin/env bash
# Which drafts a pull request asks vigie to check, for the GitHub Action (action.yml).
#
#   changed-drafts.sh BASE HEAD LIST [PATH ...]
#
# Writes to LIST the drafts to check, NUL-separated (any file name survives: accents,
# spaces, quotes, newlines), and prints `count=N` and `all=true|false` for
# $GITHUB_OUTPUT. PATH restricts the drafts to these folders, relative to the
# repository's root (default: the whole
# repository).
#
# - The drafts (`*.md`, `*.markdown`, `*.txt`) added, modified, copied or renamed
#   between the merge base of BASE and HEAD, and HEAD.
# - All the drafts under PATH that git tracks when a TOML file changed (a `vigie.toml`,
#   a custom policy, a consent register: each may change the verdict on drafts nobody
#   touched), or when there is no BASE to compare with (an empty or all-zero BASE: a
#   new branch).
#
# Paths are relative to the repository's root, as GitHub's annotations need them.
#
# `git diff -z` keeps names raw (no C-quoting of non-ASCII bytes, which
# `core.quotepath=false` also turns off for any other git output).
set -euo pipefail

if [ "$#" -lt 3 ]; then
  echo "utilisation : changed-drafts.sh BASE HEAD LISTE [CHEMIN ...]" >&2
  exit 2
fi
base="$1" head="$2" list="$3"
shift 3
roots=("$@")
[ "${#roots[@]}" -gt 0 ] || roots=(.)

# A path without its leading "./" and trailing "/", "" for the repository's root.
normalize() {
  local p="$1"
  while [ "${p#./}" != "$p" ]; do p="${p#./}"; done
  p="${p%/}"
  [ "$p" = "." ] && p=""
  printf '%s' "$p"
}

# True when the path lies under one of the roots.
under_roots() {
  local path="$1" root r
  for root in "${roots[@]}"; do
    r="$(normalize "$root")"
    if [ -z "$r" ] || [ "$path" = "$r" ] || [ "${path#"$r"/}" != "$path" ]; then
      return 0
    fi
  done
  return 1
}

# True when the path names a draft: `.md`, `.markdown` or `.txt`, in any case.
is_draft() {
  case "$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')" in
    *.md | *.markdown | *.txt) return 0 ;;
  esac
  return 1
}

# Writes the drafts of a NUL-separated list of paths that lie under the roots.
keep_drafts() {
  local path count=0
  : > "$list"
  while IFS= read -r -d '' path; do
    if under_roots "$path" && is_draft "$path"; then
      printf '%s\0' "$path" >> "$list"
      count=$((count + 1))
    fi
  done
  echo "count=$count"
}

all() {
  git -c core.quotepath=false -C "$(git rev-parse --show-toplevel)" ls-files -z | keep_drafts
  echo "all=true"
}

if [ -z "$base" ] || [ -z "${base//0/}" ]; then
  all
  exit 0
fi

changed="$(mktemp)"
trap 'rm -f "$changed"' EXIT
git -c core.quotepath=false diff -z --name-only --diff-filter=ACMR "$base...$head" > "$changed"
while IFS= read -r -d '' path; do
  case "$path" in
    *.toml)
      all
      exit 0
      ;;
  esac
done < "$changed"
keep_drafts < "$changed"
echo "all=false"
