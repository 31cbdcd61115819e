#!/usr/bin/env bash
# Whole-process generation and compile cost, against the tools users would pick
# instead: progenitor's CLI and openapi-generator (the `rust` generator).
#
#   benches/run-peers.sh            # install what is missing, measure, write JSON
#
# Installs (only when missing; `.tools/` is git-ignored):
#   - hyperfine, from Debian (apt-get);
#   - cargo-progenitor $PROGENITOR_VERSION into .tools/progenitor (compiles for minutes);
#   - openapi-generator-cli $OAG_VERSION from PyPI into the venv .tools/oag; the
#     wheel ships the JAR, so nothing is fetched at run time (Java 17 must be installed).
#
# Measures, each on the same specs:
#   1. which tool accepts which spec (benches/specs/*.yaml, schema/goals.yaml and a
#      synthetic spec of $SYNTH_OPS operations);
#   2. generation time with hyperfine: $ROUNDS rounds, each running every tool
#      $RUNS times (after one warm-up) in a rotated order, so the tools alternate
#      and drift of the machine spreads over all of them; plus peak RSS (GNU time);
#   3. compile cost of the crates generated from benches/specs/petstore.yaml: lines
#      of Rust, and the time to rebuild the crate alone after a change (its
#      dependencies built once before; `touch src/lib.rs`, CARGO_INCREMENTAL=0,
#      dev profile), again in alternating rounds.
#
# Results: $BENCH_RESULTS_DIR (default target/bench-results)/peers/*.json;
# `python3 benches/summarize.py` turns them into the tables of BENCHMARKS.md.
# Generated crates go to $BENCH_WORK_DIR (default /tmp/pagesense-benches), outside the
# workspace so cargo sees them as standalone; their builds to $BENCH_BUILD_DIR
# (default /tmp/pagesense-benches-builds), kept so dependencies build only once.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PROGENITOR_VERSION="${PROGENITOR_VERSION:-0.15.1}"
OAG_VERSION="${OAG_VERSION:-7.26.0}"
ROUNDS="${ROUNDS:-5}"
RUNS="${RUNS:-4}"
COMPILE_ROUNDS="${COMPILE_ROUNDS:-3}"
COMPILE_RUNS="${COMPILE_RUNS:-3}"
SYNTH_OPS="${SYNTH_OPS:-100}"
WORK="${BENCH_WORK_DIR:-/tmp/pagesense-benches}"
# The generated crates' builds, kept between runs so their dependencies build once.
BUILDS="${BENCH_BUILD_DIR:-$WORK-builds}"
RESULTS="${BENCH_RESULTS_DIR:-$ROOT/target/bench-results}/peers"

TOOLS="$ROOT/.tools"
PROGENITOR="$TOOLS/progenitor/bin/cargo-progenitor"
OAG_VENV="$TOOLS/oag"

step() { printf '\n== %s\n' "$*" >&2; }

# --- installs -------------------------------------------------------------------

if ! command -v hyperfine >/dev/null; then
    step "installing hyperfine (Debian)"
    apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
if ! command -v java >/dev/null; then
    echo "java (17 or later) is needed by openapi-generator" >&2
    exit 1
fi
# (Output captured before matching: with pipefail, `grep -q` closing the pipe early
# would fail the writer and so the check.)
installed="$(cargo install --list --root "$TOOLS/progenitor" 2>/dev/null || true)"
if ! grep -q "^cargo-progenitor v$PROGENITOR_VERSION:" <<<"$installed"; then
    step "installing cargo-progenitor $PROGENITOR_VERSION (several minutes on 2 cores)"
    cargo install cargo-progenitor --version "$PROGENITOR_VERSION" --locked --root "$TOOLS/progenitor"
fi
installed="$("$OAG_VENV/bin/pip" show openapi-generator-cli 2>/dev/null || true)"
if ! grep -q "^Version: $OAG_VERSION$" <<<"$installed"; then
    step "installing openapi-generator-cli $OAG_VERSION (PyPI; the JAR is in the wheel)"
    python3 -m venv "$OAG_VENV"
    "$OAG_VENV/bin/pip" install -q "openapi-generator-cli==$OAG_VERSION"
fi
OAG_JAR="$("$OAG_VENV/bin/python" -c 'import importlib.resources as r; print(r.files("openapi_generator_cli") / "openapi-generator.jar")')"

step "building our generator (release)"
cargo build -q --release -p generator -p benches --bin generator --bin make-spec
OURS="$ROOT/target/release/generator"

rm -rf "$WORK" "$RESULTS"
mkdir -p "$WORK/specs" "$RESULTS"
cp benches/specs/petstore.yaml benches/specs/default-response.yaml "$WORK/specs/"
cp schema/goals.yaml "$WORK/specs/goals.yaml"
"$ROOT/target/release/make-spec" "$SYNTH_OPS" >"$WORK/specs/synthetic-$SYNTH_OPS.yaml"

# The command line of each tool: generate spec $1 into folder $2 as crate $3.
# Each runs its own binary directly: no `cargo` or Python wrapper in the way.
cmd_ours() { echo "$OURS --spec $1 --out $2 --crate-name $3"; }
cmd_progenitor() { echo "$PROGENITOR progenitor -i $1 -o $2 -n $3 -v 0.1.0"; }
cmd_oag() { echo "java -jar $OAG_JAR generate -i $1 -g rust -o $2 --package-name ${3//-/_}"; }
TOOL_NAMES=(ours progenitor oag)

{
    echo "{"
    echo "  \"progenitor\": \"$PROGENITOR_VERSION\","
    echo "  \"openapi_generator\": \"$OAG_VERSION\","
    echo "  \"java\": \"$(java -version 2>&1 | head -1 | sed 's/"/\\"/g')\","
    echo "  \"hyperfine\": \"$(hyperfine --version)\","
    echo "  \"synthetic_operations\": $SYNTH_OPS"
    echo "}"
} >"$RESULTS/versions.json"

# --- 1. which tool accepts which spec -------------------------------------------

step "1/3 support matrix"
support_rows=()
declare -A accepts
for spec in "$WORK"/specs/*.yaml; do
    name="$(basename "$spec" .yaml)"
    for tool in "${TOOL_NAMES[@]}"; do
        out="$WORK/support/$tool-$name"
        log="$WORK/support/$tool-$name.log"
        mkdir -p "$WORK/support"
        # shellcheck disable=SC2046
        if $(cmd_"$tool" "$spec" "$out" "$name-$tool") >"$log" 2>&1; then
            status=ok
            detail=""
        else
            status=failed
            # The line that says why: a panic's message (the line after `panicked at`),
            # an error, or the last line.
            detail="$(grep -m1 -A1 "panicked at" "$log" | tail -1 || true)"
            [ -n "$detail" ] || detail="$(grep -m1 -iE "error|exception" "$log" || tail -1 "$log")"
            detail="$(printf '%s' "$detail" | cut -c1-200 | sed 's/\\/\\\\/g; s/"/\\"/g')"
        fi
        accepts["$tool/$name"]="$status"
        support_rows+=("{\"spec\":\"$name\",\"tool\":\"$tool\",\"status\":\"$status\",\"detail\":\"$detail\"}")
        echo "$name / $tool: $status $detail" >&2
    done
done
(IFS=,; echo "[${support_rows[*]}]") >"$RESULTS/support.json"

# --- 2. generation time and peak memory -----------------------------------------

for name in petstore "synthetic-$SYNTH_OPS"; do
    spec="$WORK/specs/$name.yaml"
    step "2/3 generation time: $name ($ROUNDS rounds × $RUNS runs per tool)"
    for round in $(seq 1 "$ROUNDS"); do
        # Rotate the order every round: ours, progenitor, oag / progenitor, oag, ours / ...
        shift_by=$(((round - 1) % 3))
        order=("${TOOL_NAMES[@]:$shift_by}" "${TOOL_NAMES[@]:0:$shift_by}")
        args=()
        for tool in "${order[@]}"; do
            # A tool that rejects the spec is left out (see the support matrix).
            [ "${accepts[$tool/$name]}" = ok ] || continue
            out="$WORK/gen/$tool-$name"
            args+=(--command-name "$tool" --prepare "rm -rf $out" "$(cmd_"$tool" "$spec" "$out" "$name-$tool")")
        done
        hyperfine -N --style basic --warmup 1 --runs "$RUNS" \
            --export-json "$RESULTS/generation-$name-round$round.json" "${args[@]}" >&2
    done
    step "2/3 peak memory: $name (GNU time, 3 runs per tool)"
    for tool in "${TOOL_NAMES[@]}"; do
        [ "${accepts[$tool/$name]}" = ok ] || continue
        out="$WORK/gen/$tool-$name"
        for run in 1 2 3; do
            rm -rf "$out"
            # shellcheck disable=SC2046
            /usr/bin/time -f '%M' -o "$WORK/rss" $(cmd_"$tool" "$spec" "$out" "$name-$tool") >/dev/null 2>&1
            echo "{\"spec\":\"$name\",\"tool\":\"$tool\",\"run\":$run,\"max_rss_kb\":$(cat "$WORK/rss")}"
        done
    done | paste -sd, | sed 's/^/[/; s/$/]/' >"$RESULTS/rss-$name.json"
done

# --- 3. compile cost ------------------------------------------------------------

step "3/3 compile cost of the crates generated from petstore.yaml"
line_rows=()
for tool in "${TOOL_NAMES[@]}"; do
    crate="$WORK/compile/$tool"
    # shellcheck disable=SC2046
    $(cmd_"$tool" "$WORK/specs/petstore.yaml" "$crate" "petstore-$tool") >/dev/null 2>&1
    # A crate of its own, whatever folder it is in.
    grep -q '^\[workspace\]' "$crate/Cargo.toml" || printf '\n[workspace]\n' >>"$crate/Cargo.toml"
    files=$(find "$crate/src" -name '*.rs' | sort)
    # shellcheck disable=SC2086
    total=$(cat $files | wc -l)
    # shellcheck disable=SC2086
    code=$(cat $files | grep -cvE '^\s*$|^\s*//')
    # Our crate's spec-independent runtime (copied as is from generator/runtime/).
    runtime=0
    runtime_code=0
    if [ "$tool" = ours ]; then
        rt_files=$(for f in generator/runtime/*.rs; do echo "$crate/src/$(basename "$f")"; done)
        # shellcheck disable=SC2086
        runtime=$(cat $rt_files | wc -l)
        # shellcheck disable=SC2086
        runtime_code=$(cat $rt_files | grep -cvE '^\s*$|^\s*//')
    fi
    line_rows+=("{\"tool\":\"$tool\",\"files\":$(echo "$files" | wc -l),\"lines\":$total,\"code_lines\":$code,\"runtime_lines\":$runtime,\"runtime_code_lines\":$runtime_code}")
    step "building $tool's crate and its dependencies once"
    cargo build -q --manifest-path "$crate/Cargo.toml" --target-dir "$BUILDS/$tool" 2>&1 | tail -5 >&2
done
(IFS=,; echo "[${line_rows[*]}]") >"$RESULTS/lines.json"

for round in $(seq 1 "$COMPILE_ROUNDS"); do
    shift_by=$(((round - 1) % 3))
    order=("${TOOL_NAMES[@]:$shift_by}" "${TOOL_NAMES[@]:0:$shift_by}")
    args=()
    for tool in "${order[@]}"; do
        crate="$WORK/compile/$tool"
        args+=(--command-name "$tool" --prepare "touch $crate/src/lib.rs"
            "cargo build -q --offline --manifest-path $crate/Cargo.toml --target-dir $BUILDS/$tool")
    done
    CARGO_INCREMENTAL=0 hyperfine -N --style basic --warmup 1 --runs "$COMPILE_RUNS" \
        --export-json "$RESULTS/rebuild-round$round.json" "${args[@]}" >&2
done

step "done: results in $RESULTS"
