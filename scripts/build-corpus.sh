#!/usr/bin/env bash
# Generate a client for every document of the public corpus (tests/corpus/documents)
# and build them all, as a user would: one scratch Cargo workspace under
# target/corpus-build/, every crate depending on the runtime crate so that it
# compiles once, then `cargo clippy -D warnings`, `cargo doc` with warnings denied,
# the crates' doctests, and the run-time checks of tests/corpus/prism/checks.rs
# (five of the clients against Prism mocks of their own documents). A document the
# generator refuses is not built; which ones generate, and how many of their
# operations, is pinned by tests/tests/generator/corpus.rs.
#
# Usage: scripts/build-corpus.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
build="$root/target/corpus-build"
ws="$build/ws"

cargo build -q -p generator
# Where cargo put it, whatever CARGO_TARGET_DIR says.
generator="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/generator"

rm -rf "$ws"
mkdir -p "$ws"
members=()
for spec in tests/corpus/documents/*; do
  name="$(basename "$spec")"
  name="${name%.*}"
  if "$generator" --spec "$spec" --out "$ws/$name" --crate-name "corpus-$name" \
    --runtime-crate "$root/generator/runtime" >/dev/null 2>"$build/$name.log"; then
    members+=("\"$name\"")
  else
    echo "build-corpus.sh: $name is refused (see $build/$name.log)" >&2
  fi
done
# The run-time checks: a few of the generated clients against Prism mocks of their
# own documents (tests/corpus/prism/checks.rs), with the project's Prism helpers.
checks="$ws/prism-checks"
mkdir -p "$checks/src" "$checks/tests"
echo "//! Holds tests/checks.rs: generated clients against Prism mocks." >"$checks/src/lib.rs"
cp tests/corpus/prism/checks.rs "$checks/tests/checks.rs"
{
  echo "# Written by scripts/build-corpus.sh; do not edit."
  echo "[package]"
  echo 'name = "prism-checks"'
  echo 'version = "0.1.0"'
  echo 'edition = "2024"'
  echo "publish = false"
  echo
  echo "[dev-dependencies]"
  echo "tests = { path = \"$root/tests\" }"
  echo 'tokio = { version = "1", features = ["macros", "rt-multi-thread"] }'
  for name in oai-petstore-expanded blockfrost twilio-api-v2010 oxide-nexus vault; do
    echo "corpus-$name = { path = \"../$name\" }"
  done
} >"$checks/Cargo.toml"
members+=('"prism-checks"')

{
  echo "# Written by scripts/build-corpus.sh; do not edit."
  echo "[workspace]"
  echo "members = [$(IFS=,; echo "${members[*]}")]"
  echo 'resolver = "3"'
} >"$ws/Cargo.toml"
cp Cargo.lock "$ws/Cargo.lock"
echo "build-corpus.sh: building $((${#members[@]} - 1)) generated crates and the Prism checks" >&2

cd "$ws"
export CARGO_TARGET_DIR="$build/target"
# The crates are generated anew on every run: incremental caches of 31 crates
# would take over 10 GB of disk for nothing.
export CARGO_INCREMENTAL=0
cargo clippy --offline --workspace --all-targets --keep-going -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --offline --workspace --no-deps
cargo test --offline --workspace --doc
cargo test --offline -p prism-checks
