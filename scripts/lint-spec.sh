#!/usr/bin/env bash
# Lint the OpenAPI spec of the Zoho PageSense Goals API.
#
# Usage: scripts/lint-spec.sh [path/to/spec.yaml]   (default: schema/goals.yaml)
#
# Runs two independent checkers and fails if either reports an error:
#   - Redocly CLI (npm @redocly/cli, pinned), configured by redocly.yaml at the
#     repository root;
#   - openapi-spec-validator (PyPI, pinned).
# Each tool is installed on first use into a folder the repository ignores:
#   .tools/node   npm prefix for @redocly/cli
#   .tools/venv   Python virtual environment for openapi-spec-validator
# and reused on later runs when the installed version matches the pin.
set -euo pipefail

REDOCLY_VERSION=2.77.0
OSV_VERSION=0.9.0

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Resolve the spec path against the caller's folder before changing folder.
spec="${1:-$repo_root/schema/goals.yaml}"
if [[ ! -f "$spec" ]]; then
  echo "lint-spec: no such file: $spec" >&2
  exit 2
fi
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"

cd "$repo_root"

# Keep Redocly from contacting its servers.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

node_prefix="$repo_root/.tools/node"
venv="$repo_root/.tools/venv"
redocly_bin="$node_prefix/node_modules/.bin/redocly"
redocly_pkg="$node_prefix/node_modules/@redocly/cli/package.json"

run() {
  printf '+ %s\n' "$*" >&2
  "$@"
}

installed_redocly_version() {
  [[ -f "$redocly_pkg" ]] || return 0
  node -p "require(process.argv[1]).version" "$redocly_pkg" 2>/dev/null || true
}

if [[ ! -x "$redocly_bin" || "$(installed_redocly_version)" != "$REDOCLY_VERSION" ]]; then
  mkdir -p "$node_prefix"
  run npm install --prefix "$node_prefix" --no-audit --no-fund \
    "@redocly/cli@$REDOCLY_VERSION"
fi

installed_osv_version() {
  [[ -x "$venv/bin/python" ]] || return 0
  "$venv/bin/python" -c \
    'import importlib.metadata as m; print(m.version("openapi-spec-validator"))' \
    2>/dev/null || true
}

if [[ "$(installed_osv_version)" != "$OSV_VERSION" ]]; then
  if [[ ! -x "$venv/bin/python" ]]; then
    run python3 -m venv "$venv"
  fi
  run "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "openapi-spec-validator==$OSV_VERSION"
fi

status=0

echo "== redocly lint ($REDOCLY_VERSION)" >&2
run "$redocly_bin" lint --config "$repo_root/redocly.yaml" "$spec" || status=1

echo "== openapi-spec-validator ($OSV_VERSION)" >&2
run "$venv/bin/openapi-spec-validator" "$spec" || status=1

if [[ $status -ne 0 ]]; then
  echo "lint-spec: FAILED" >&2
else
  echo "lint-spec: OK" >&2
fi
exit "$status"
