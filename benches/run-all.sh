#!/usr/bin/env bash
# Every benchmark, in order, then the tables of BENCHMARKS.md:
#
#   benches/run-all.sh        # about 12 minutes on 2 cores, plus first installs and builds
#
# Before each part it waits (up to $QUIET_WAIT seconds) for the 1-minute load
# average to drop below $QUIET_LOAD, since other builds on a 2-core machine skew
# every figure; the load at the start and end of each part goes to
# target/bench-results/load.txt and into the summary.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RESULTS="${BENCH_RESULTS_DIR:-$ROOT/target/bench-results}"
QUIET_LOAD="${QUIET_LOAD:-0.7}"
QUIET_WAIT="${QUIET_WAIT:-600}"
mkdir -p "$RESULTS"
: >"$RESULTS/load.txt"

load() { cut -d' ' -f1-3 /proc/loadavg; }
wait_quiet() {
    local waited=0
    while awk -v max="$QUIET_LOAD" '{ exit !($1 >= max) }' /proc/loadavg && [ "$waited" -lt "$QUIET_WAIT" ]; do
        sleep 10
        waited=$((waited + 10))
    done
}
part() {
    local name="$1"
    shift
    wait_quiet
    echo "$name start $(date -u +%FT%TZ) load $(load)" | tee -a "$RESULTS/load.txt"
    "$@"
    echo "$name end   $(date -u +%FT%TZ) load $(load)" | tee -a "$RESULTS/load.txt"
}

# Build everything first, so no part waits on a compile.
cargo bench -p benches --no-run
cargo build --release -p generator -p benches --bin generator --bin make-spec

part generation cargo bench -p benches --bench generation
part generation_memory cargo bench -p benches --bench generation_memory
part client_overhead cargo bench -p benches --bench client_overhead
part answer_size cargo bench -p benches --bench answer_size
part peers benches/run-peers.sh
python3 benches/summarize.py >"$RESULTS/summary.md"
echo "summary: $RESULTS/summary.md"
