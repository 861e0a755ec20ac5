#!/usr/bin/env bash
# Installs vigie for the GitHub Action (action.yml) into DEST/bin.
#
#   install.sh VERSION DEST
#
# VERSION: a release tag (v0.2.0), "latest" (the newest release), or "source" (build
# the action's own checkout). A prebuilt binary is downloaded from the release of the
# action's repository; when the release or the asset for this runner does not exist,
# vigie is built from the action's checkout with `cargo install --locked`.
#
# Environment: ACTION_REPO (owner/name of the action's repository) and ACTION_PATH
# (its checkout, default: this script's repository). When ACTION_REPO is empty (a known
# gap of composite actions), it is read from ACTION_PATH (…/_actions/OWNER/NAME/REF).
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "utilisation : install.sh VERSION DESTINATION" >&2
  exit 2
fi
version="$1" dest="$2"
action_path="${ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}"
repo="${ACTION_REPO:-}"
if [ -z "$repo" ]; then
  case "$action_path" in
    */_actions/*/*/*)
      rest="${action_path#*/_actions/}"
      owner="${rest%%/*}"
      rest="${rest#*/}"
      repo="$owner/${rest%%/*}"
      ;;
  esac
fi

mkdir -p "$dest/bin"
if [ -x "$dest/bin/vigie" ] || [ -x "$dest/bin/vigie.exe" ]; then
  echo "vigie : déjà installé (cache) dans $dest/bin"
  exit 0
fi

target=""
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-unknown-linux-gnu ;;
  Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-gnu ;;
  Darwin-arm64) target=aarch64-apple-darwin ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  MINGW* | MSYS* | CYGWIN*) target=x86_64-pc-windows-msvc ;;
esac

download() {
  [ -n "$repo" ] && [ -n "$target" ] && [ "$version" != source ] || return 1
  local asset="vigie-$target.tar.gz" url tmp
  case "$target" in *windows*) asset="vigie-$target.zip" ;; esac
  if [ "$version" = latest ]; then
    url="https://github.com/$repo/releases/latest/download/$asset"
  else
    url="https://github.com/$repo/releases/download/$version/$asset"
  fi
  tmp="$(mktemp -d)"
  echo "vigie : téléchargement de $url"
  if ! curl -fsSL --retry 3 -o "$tmp/$asset" "$url"; then
    rm -rf "$tmp"
    return 1
  fi
  case "$asset" in
    *.zip) unzip -q -o "$tmp/$asset" -d "$tmp" ;;
    *) tar -xzf "$tmp/$asset" -C "$tmp" ;;
  esac
  find "$tmp" -type f \( -name vigie -o -name vigie.exe \) -exec cp {} "$dest/bin/" \;
  rm -rf "$tmp"
  [ -e "$dest/bin/vigie" ] || [ -e "$dest/bin/vigie.exe" ]
}

if download; then
  chmod +x "$dest/bin/"vigie* 2>/dev/null || true
else
  echo "vigie : pas de binaire publié pour ${target:-cette machine} (version $version) ; compilation depuis $action_path"
  cargo install --locked --path "$action_path" --root "$dest"
fi
"$dest/bin/vigie" --version
