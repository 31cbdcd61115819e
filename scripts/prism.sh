#!/usr/bin/env bash
# Install Prism (npm @stoplight/prism-cli, pinned), the independent mock server and
# validating proxy the contract tests (tests/tests/contract.rs) run against.
#
# Usage: scripts/prism.sh [--print]
#
# Installs into .tools/prism (git-ignored) when Prism is not there yet or is another
# version, and reuses it otherwise. Prints nothing but install progress on stderr;
# with --print, prints the path of the prism executable on stdout at the end.
# The contract tests find Prism at .tools/prism/node_modules/.bin/prism, or wherever
# the environment variable PRISM_BIN points.
set -euo pipefail

PRISM_VERSION=5.14.2

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$repo_root/.tools/prism"
prism_bin="$prefix/node_modules/.bin/prism"
prism_pkg="$prefix/node_modules/@stoplight/prism-cli/package.json"

print=0
case "${1:-}" in
  "") ;;
  --print) print=1 ;;
  *)
    echo "usage: scripts/prism.sh [--print]" >&2
    exit 2
    ;;
esac

run() {
  printf '+ %s\n' "$*" >&2
  "$@"
}

installed_version() {
  [[ -f "$prism_pkg" ]] || return 0
  node -p "require(process.argv[1]).version" "$prism_pkg" 2>/dev/null || true
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "prism.sh: Node.js and npm are needed to install Prism (Node 20 is known to work)" >&2
  exit 1
fi

if [[ -x "$prism_bin" && "$(installed_version)" == "$PRISM_VERSION" ]]; then
  echo "prism.sh: Prism $PRISM_VERSION already installed in .tools/prism" >&2
else
  mkdir -p "$prefix"
  # A package.json of its own, so npm installs here and not in a parent folder.
  if [[ ! -f "$prefix/package.json" ]]; then
    printf '{\n  "name": "pagesense-goals-prism",\n  "private": true\n}\n' \
      >"$prefix/package.json"
  fi
  run npm install --prefix "$prefix" --no-audit --no-fund --save-exact \
    "@stoplight/prism-cli@$PRISM_VERSION"
  got="$(installed_version)"
  if [[ ! -x "$prism_bin" || "$got" != "$PRISM_VERSION" ]]; then
    echo "prism.sh: install failed: expected Prism $PRISM_VERSION at $prism_bin, found '${got:-nothing}'" >&2
    exit 1
  fi
  echo "prism.sh: installed Prism $PRISM_VERSION in .tools/prism" >&2
fi

if [[ $print -eq 1 ]]; then
  echo "$prism_bin"
fi
