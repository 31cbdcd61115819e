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
#   1. which tool accepts which spec (benches/specs/*.yaml, schema/goals.yaml, a
#      synthetic spec of $SYNTH_OPS operations, and the corpus's $CORPUS_SPECS);
#   2. generation time with hyperfine: $ROUNDS rounds, each running every tool
#      $RUNS times (after one warm-up) in a rotated order, so the tools alternate
#      and drift of the machine spreads over all of them; plus peak RSS (GNU time);
#   3. compile cost of the crates generated from benches/specs/petstore.yaml: lines
#      of Rust (and per operation, on the Nexus document too), the time to rebuild the
#      crate alone after a change (its dependencies built once before; `touch
#      src/lib.rs`, CARGO_INCREMENTAL=0, dev profile), and the time to regenerate and
#      rebuild after a one-line change of the spec (cargo's defaults: the dev profile,
#      incremental), again in alternating rounds. Ours is measured twice there: with
#      its runtime written into the crate (the default) and with `--runtime-crate`
#      (the runtime a dependency, as progenitor's is).
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
# Real documents of tests/corpus/documents/ measured beside the synthetic ones: the
# Nexus-sized one progenitor can generate, and the largest.
CORPUS_SPECS="${CORPUS_SPECS:-oxide-nexus.json github-rest-api.json}"
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
for doc in $CORPUS_SPECS; do
    cp "tests/corpus/documents/$doc" "$WORK/specs/"
done
# A spec's file by its name, whatever its extension.
spec_file() { ls "$WORK/specs/$1".* | head -1; }

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
    echo "  \"synthetic_operations\": $SYNTH_OPS,"
    echo "  \"corpus_specs\": \"$CORPUS_SPECS\""
    echo "}"
} >"$RESULTS/versions.json"

# --- 1. which tool accepts which spec -------------------------------------------

step "1/3 support matrix"
support_rows=()
declare -A accepts
for spec in "$WORK"/specs/*; do
    name="$(basename "$spec")"
    name="${name%.*}"
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

corpus_names=()
for doc in $CORPUS_SPECS; do corpus_names+=("${doc%.*}"); done
for name in petstore "synthetic-$SYNTH_OPS" "${corpus_names[@]}"; do
    spec="$(spec_file "$name")"
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
            /usr/bin/time -f '%M' -o "$WORK/rss" $(cmd_"$tool" "$spec" "$out" "$name-$tool") >/dev/null 2>&1 || true
            echo "{\"spec\":\"$name\",\"tool\":\"$tool\",\"run\":$run,\"max_rss_kb\":$(cat "$WORK/rss")}"
        done
    done | paste -sd, | sed 's/^/[/; s/$/]/' >"$RESULTS/rss-$name.json"
done

# --- 3. compile cost ------------------------------------------------------------

step "3/3 compile cost of the crates generated from petstore.yaml"
# The lines of the crate in $2 made by tool $1 from spec $3 ($4 operations), as JSON.
count_lines() {
    local tool="$1" crate="$2" spec="$3" operations="$4"
    local files total code runtime=0 runtime_code=0 rt_files
    files=$(find "$crate/src" -name '*.rs' | sort)
    # shellcheck disable=SC2086
    total=$(cat $files | wc -l)
    # shellcheck disable=SC2086
    code=$(cat $files | grep -cvE '^\s*$|^\s*//')
    # Our crate's spec-independent runtime: the modules written as generator/runtime/src/
    # has them (src/runtime/mod.rs, which lists them, depends on the spec).
    if [ "$tool" = ours ]; then
        rt_files=$(find "$crate/src/runtime" -name '*.rs' ! -name mod.rs | sort)
        # shellcheck disable=SC2086
        runtime=$(cat $rt_files | wc -l)
        # shellcheck disable=SC2086
        runtime_code=$(cat $rt_files | grep -cvE '^\s*$|^\s*//')
    fi
    echo "{\"tool\":\"$tool\",\"spec\":\"$spec\",\"operations\":$operations,\"files\":$(echo "$files" | wc -l),\"lines\":$total,\"code_lines\":$code,\"runtime_lines\":$runtime,\"runtime_code_lines\":$runtime_code}"
}
line_rows=()
for tool in "${TOOL_NAMES[@]}"; do
    crate="$WORK/compile/$tool"
    # shellcheck disable=SC2046
    $(cmd_"$tool" "$WORK/specs/petstore.yaml" "$crate" "petstore-$tool") >/dev/null 2>&1
    # A crate of its own, whatever folder it is in.
    grep -q '^\[workspace\]' "$crate/Cargo.toml" || printf '\n[workspace]\n' >>"$crate/Cargo.toml"
    line_rows+=("$(count_lines "$tool" "$crate" petstore 18)")
    nexus="$WORK/gen/$tool-oxide-nexus"
    if [ "${accepts[$tool/oxide-nexus]:-}" = ok ]; then
        rm -rf "$nexus"
        # shellcheck disable=SC2046
        $(cmd_"$tool" "$(spec_file oxide-nexus)" "$nexus" "nexus-$tool") >/dev/null 2>&1
        line_rows+=("$(count_lines "$tool" "$nexus" oxide-nexus 193)")
    fi
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

# After a one-line change of the spec: regenerate, then `cargo build` as a user would
# (the dev profile, incremental). Two versions of petstore.yaml differ in one
# line, an operation's summary (which every tool writes into that method's docs);
# each run switches the crate to the other one, so every run regenerates and
# rebuilds a real change.
step "3/3 rebuild after a one-line spec change"
edit="$WORK/edit"
rm -rf "$edit"
mkdir -p "$edit"
cp "$WORK/specs/petstore.yaml" "$edit/a.yaml"
sed '0,/^\(      summary: .*\)$/s//\1 (edited)/' "$edit/a.yaml" >"$edit/b.yaml"
if cmp -s "$edit/a.yaml" "$edit/b.yaml"; then
    echo "the one-line edit of petstore.yaml changed nothing" >&2
    exit 1
fi
EDIT_NAMES=(ours ours-runtime-crate progenitor oag)
cmd_edit() {
    case "$1" in
        ours-runtime-crate) echo "$(cmd_ours "$2" "$3" "$4") --runtime-crate $ROOT/generator/runtime" ;;
        *) cmd_"$1" "$2" "$3" "$4" ;;
    esac
}
for tool in "${EDIT_NAMES[@]}"; do
    crate="$edit/$tool"
    # The switch: regenerate from the version the crate was not made from last.
    cat >"$edit/switch-$tool.sh" <<SWITCH
#!/usr/bin/env bash
set -e
next=a
[ "\$(cat "$edit/$tool.version" 2>/dev/null)" = a ] && next=b
echo "\$next" >"$edit/$tool.version"
$(cmd_edit "$tool" "$edit/\$next.yaml" "$crate" "petstore-edit") >/dev/null 2>&1
grep -q '^\[workspace\]' "$crate/Cargo.toml" || printf '\n[workspace]\n' >>"$crate/Cargo.toml"
SWITCH
    chmod +x "$edit/switch-$tool.sh"
    "$edit/switch-$tool.sh"
    step "building $tool's crate for the edit, dependencies once"
    cargo build -q --manifest-path "$crate/Cargo.toml" --target-dir "$BUILDS/edit-$tool" 2>&1 | tail -5 >&2
done
for round in $(seq 1 "$COMPILE_ROUNDS"); do
    shift_by=$(((round - 1) % 4))
    order=("${EDIT_NAMES[@]:$shift_by}" "${EDIT_NAMES[@]:0:$shift_by}")
    args=()
    for tool in "${order[@]}"; do
        crate="$edit/$tool"
        args+=(--command-name "$tool" --prepare "$edit/switch-$tool.sh"
            "cargo build -q --offline --manifest-path $crate/Cargo.toml --target-dir $BUILDS/edit-$tool")
    done
    hyperfine -N --style basic --warmup 1 --runs "$COMPILE_RUNS" \
        --export-json "$RESULTS/edit-rebuild-round$round.json" "${args[@]}" >&2
done

step "done: results in $RESULTS"
