#!/usr/bin/env python3
"""Prints the Markdown tables of BENCHMARKS.md from the results of one run.

    python3 benches/summarize.py > target/bench-results/summary.md

Reads (each part is skipped when its files are missing):
  - target/criterion/generate/*, target/criterion/stages-1000/*   (bench `generation`)
  - target/bench-results/generation-memory.json                   (bench `generation_memory`)
  - target/bench-results/client-overhead.json, target/criterion/client_*
                                                                   (bench `client_overhead`)
  - target/bench-results/peers/*.json                             (benches/run-peers.sh)

Spread is always given as the interquartile range [Q1–Q3] of the samples, with
their count; criterion samples are per-iteration means of one sample each.
Standard library only.
"""

import glob
import json
import os
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRITERION = os.path.join(ROOT, "target", "criterion")
RESULTS = os.environ.get("BENCH_RESULTS_DIR", os.path.join(ROOT, "target", "bench-results"))
PEERS = os.path.join(RESULTS, "peers")

TARGET_GOALS_MS = 3.0
TARGET_1000_MS = 300.0
TARGET_SCALING = 6.0
# Whole process: at most a tenth of progenitor's time (petstore, the Nexus document).
TARGET_VS_PROGENITOR = 10.0
TARGET_VS_OAG = 100.0
# The largest corpus document, whole process.
TARGET_LARGEST_S = 1.0
TARGET_OVERHEAD = 1.03
TARGET_EXTRA_ALLOCATIONS = 3


def quartiles(values):
    values = sorted(values)
    if len(values) == 1:
        return values[0], values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[1], q[0], q[2]


def load(path):
    with open(path) as f:
        return json.load(f)


def fmt_time(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def spread(values):
    median, q1, q3 = quartiles(values)
    return f"{fmt_time(median)} [{fmt_time(q1)}–{fmt_time(q3)}]"


def met(ok):
    return "met" if ok else "**missed**"


def criterion_samples(group, name):
    """Per-iteration times (seconds) of one criterion benchmark, or None."""
    path = os.path.join(CRITERION, group, name, "new", "sample.json")
    if not os.path.exists(path):
        return None
    sample = load(path)
    return [t / i / 1e9 for t, i in zip(sample["times"], sample["iters"])]


def generation():
    sizes = ["goals.yaml", "synthetic-10", "synthetic-100", "synthetic-1000", "synthetic-5000"]
    memory_path = os.path.join(RESULTS, "generation-memory.json")
    memory = {row["spec"]: row for row in load(memory_path)} if os.path.exists(memory_path) else {}
    medians = {}
    rows = []
    for name in sizes:
        samples = criterion_samples("generate", name)
        if samples is None:
            continue
        median, _, _ = quartiles(samples)
        medians[name] = median
        m = memory.get(name, {})
        ops = m.get("operations", 6 if name == "goals.yaml" else int(name.split("-")[1]))
        peak = f"{m['peak_live_bytes'] / 2**20:.1f} MiB" if m else "not measured"
        allocs = f"{m['allocations']:,}" if m else "not measured"
        lines = f"{m['rust_lines']:,}" if m else "not measured"
        rows.append(
            f"| {name} | {ops:,} | {spread(samples)} | {len(samples)} | "
            f"{fmt_time(median / ops)} | {peak} | {allocs} | {lines} |"
        )
    if not rows:
        return
    print("### Generation in process (`generator::generate`, criterion)\n")
    print("| spec | operations | median [Q1–Q3] | samples | per operation | peak live heap | allocations | generated Rust lines |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    print()
    if "synthetic-1000" in medians and "synthetic-5000" in medians:
        ratio = medians["synthetic-5000"] / medians["synthetic-1000"]
        print(f"- 1,000 → 5,000 operations: ×{ratio:.2f} time (target within ×{TARGET_SCALING:.0f}: {met(ratio <= TARGET_SCALING)})")
    if "synthetic-100" in medians and "synthetic-1000" in medians:
        ratio = medians["synthetic-1000"] / medians["synthetic-100"]
        print(f"- 100 → 1,000 operations: ×{ratio:.2f} time")
    if "synthetic-1000" in memory and "synthetic-5000" in memory:
        ratio = memory["synthetic-5000"]["peak_live_bytes"] / memory["synthetic-1000"]["peak_live_bytes"]
        print(f"- 1,000 → 5,000 operations: ×{ratio:.2f} peak live heap")
    if "goals.yaml" in medians:
        ms = medians["goals.yaml"] * 1e3
        print(f"- `schema/goals.yaml`: {ms:.2f} ms (target under {TARGET_GOALS_MS:.0f} ms: {met(ms < TARGET_GOALS_MS)})")
    if "synthetic-1000" in medians:
        ms = medians["synthetic-1000"] * 1e3
        print(f"- 1,000 operations: {ms:.0f} ms (target under {TARGET_1000_MS:.0f} ms: {met(ms < TARGET_1000_MS)})")
    print()
    stages = []
    for stage in ["load", "model", "emit+format"]:
        samples = criterion_samples("stages-1000", stage)
        if samples is not None:
            stages.append((stage, samples))
    if stages:
        total = sum(quartiles(s)[0] for _, s in stages)
        print("Stages on the 1,000-operation spec:\n")
        print("| stage | median [Q1–Q3] | share of the sum |")
        print("| --- | ---: | ---: |")
        for stage, samples in stages:
            print(f"| {stage} | {spread(samples)} | {quartiles(samples)[0] / total:.0%} |")
        print()


def client():
    path = os.path.join(RESULTS, "client-overhead.json")
    if not os.path.exists(path):
        return
    data = load(path)
    print("### Client overhead (generated client vs hand-written reqwest, 127.0.0.1)\n")
    print("Paired alternating run; per-call means of each round, median [Q1–Q3] over the rounds.\n")
    print("| operation | generated | hand-written | generated / hand-written | criterion: generated | criterion: hand-written | allocations per call: generated | hand-written | extra |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for op in data["operations"]:
        g, h, r = op["generated_us"], op["hand_us"], op["ratio"]
        crit = []
        for side in ["generated", "hand-written"]:
            samples = criterion_samples(f"client_{op['operation']}", side)
            crit.append(spread(samples) if samples else "not measured")
        extra = op["generated_allocations_per_call"] - op["hand_allocations_per_call"]
        print(
            f"| {op['operation']} | {g['median']:.1f} µs [{g['q1']:.1f}–{g['q3']:.1f}] | "
            f"{h['median']:.1f} µs [{h['q1']:.1f}–{h['q3']:.1f}] | "
            f"{r['median']:.3f} [{r['q1']:.3f}–{r['q3']:.3f}] | {crit[0]} | {crit[1]} | "
            f"{op['generated_allocations_per_call']:.1f} | {op['hand_allocations_per_call']:.1f} | {extra:+.1f} |"
        )
    a = data["all_ratio"]
    print(
        f"\n- all operations: generated / hand-written = {a['median']:.3f} [{a['q1']:.3f}–{a['q3']:.3f}] "
        f"(target within 3%: {met(a['median'] <= TARGET_OVERHEAD)})"
    )
    worst = max(data["operations"], key=lambda op: op["ratio"]["median"])
    print(f"- worst operation: {worst['operation']} at {worst['ratio']['median']:.3f}")
    more = [op for op in data["operations"] if op["generated_allocations_per_call"] > op["hand_allocations_per_call"] + TARGET_EXTRA_ALLOCATIONS + 0.5]
    print(f"- operations with more than {TARGET_EXTRA_ALLOCATIONS} allocations per call over the hand-written call: {len(more)} of {len(data['operations'])} "
          f"(target none: {met(not more)})")
    print()
    if data.get("steps"):
        print("The generated client's extra steps, each alone (mean of 20,000 runs):\n")
        print("| step | allocations | time |")
        print("| --- | ---: | ---: |")
        for row in data["steps"]:
            print(f"| {row['step']} | {row['allocations']:.1f} | {row['ns']:.0f} ns |")
        print()


def peers():
    if not os.path.isdir(PEERS):
        return
    versions = load(os.path.join(PEERS, "versions.json"))
    print("### Peers: whole-process generation (hyperfine, alternating rounds)\n")
    print(f"progenitor {versions['progenitor']} (`cargo-progenitor`), openapi-generator {versions['openapi_generator']} "
          f"(`-g rust`, {versions['java']}), {versions['hyperfine']}.\n")
    support = load(os.path.join(PEERS, "support.json"))
    specs = sorted({row["spec"] for row in support})
    tools = ["ours", "progenitor", "oag"]
    print("Which tool accepts which spec:\n")
    print("| spec | " + " | ".join(tools) + " |")
    print("| --- |" + " --- |" * len(tools))
    for spec in specs:
        cells = []
        for tool in tools:
            row = next(r for r in support if r["spec"] == spec and r["tool"] == tool)
            if row["status"] == "ok":
                cells.append("ok")
            else:
                cells.append(f"fails: `{row['detail'][:110]}`")
        print(f"| {spec} | " + " | ".join(cells) + " |")
    print()
    corpus = [name.rsplit(".", 1)[0] for name in versions.get("corpus_specs", "").split()]
    for spec in ["petstore", f"synthetic-{versions['synthetic_operations']}"] + corpus:
        times = {}
        for path in sorted(glob.glob(os.path.join(PEERS, f"generation-{spec}-round*.json"))):
            for result in load(path)["results"]:
                times.setdefault(result["command"], []).extend(result["times"])
        if not times:
            continue
        rss_path = os.path.join(PEERS, f"rss-{spec}.json")
        rss = {}
        if os.path.exists(rss_path):
            for row in load(rss_path):
                rss.setdefault(row["tool"], []).append(row["max_rss_kb"])
        rounds = len(glob.glob(os.path.join(PEERS, f"generation-{spec}-round*.json")))
        print(f"`{spec}` ({rounds} rounds):\n")
        print("| tool | median [Q1–Q3] | runs | min | max | peak RSS (median of 3) | ours is faster by |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        ours = quartiles(times["ours"])[0] if "ours" in times else None
        for tool in tools:
            if tool not in times:
                print(f"| {tool} | rejects the spec | | | | | |")
                continue
            t = times[tool]
            median = quartiles(t)[0]
            factor = f"×{median / ours:.1f}" if ours and tool != "ours" else ""
            mem = f"{statistics.median(rss[tool]) / 1024:.0f} MiB" if tool in rss else "not measured"
            print(f"| {tool} | {spread(t)} | {len(t)} | {fmt_time(min(t))} | {fmt_time(max(t))} | {mem} | {factor} |")
        print()
        if spec in ("petstore", "oxide-nexus") and ours:
            targets = [("progenitor", TARGET_VS_PROGENITOR)] + ([("oag", TARGET_VS_OAG)] if spec == "petstore" else [])
            for tool, target in targets:
                if tool in times:
                    factor = quartiles(times[tool])[0] / ours
                    print(f"- vs {tool}: ×{factor:.2f} (target ×{target:.0f}: {met(factor >= target)})")
            print()
        if spec == "github-rest-api" and ours:
            print(f"- largest corpus document under {TARGET_LARGEST_S:.0f} s: {fmt_time(ours)} ({met(ours < TARGET_LARGEST_S)})\n")
    lines_path = os.path.join(PEERS, "lines.json")
    if os.path.exists(lines_path):
        rows = load(lines_path)
        lines = {row["tool"]: row for row in rows if row.get("spec", "petstore") == "petstore"}
        rebuild = {}
        for path in sorted(glob.glob(os.path.join(PEERS, "rebuild-round*.json"))):
            for result in load(path)["results"]:
                rebuild.setdefault(result["command"], []).extend(result["times"])
        print("### Compile cost of the crate generated from `benches/specs/petstore.yaml`\n")
        print("| tool | .rs files | lines | code lines (no blank, no `//`) | of which spec-independent runtime | rebuild of the crate alone, median [Q1–Q3] | runs |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for tool in tools:
            row = lines.get(tool)
            if not row:
                continue
            runtime = f"{row['runtime_lines']:,} lines / {row['runtime_code_lines']:,} code" if tool == "ours" else "(in the `progenitor-client` dependency)" if tool == "progenitor" else "(included: apis/configuration.rs, apis/mod.rs)"
            r = rebuild.get(tool)
            print(f"| {tool} | {row['files']} | {row['lines']:,} | {row['code_lines']:,} | {runtime} | "
                  f"{spread(r) if r else 'not measured'} | {len(r) if r else 0} |")
        print()
        print("Lines per operation, without our spec-independent runtime (`src/runtime/` but its `mod.rs`); "
              "the peers' crates counted whole, as they have no such part (progenitor's is a dependency):\n")
        print("| spec | tool | operations | lines | runtime lines | non-runtime lines per operation |")
        print("| --- | --- | ---: | ---: | ---: | ---: |")
        per_op = {}
        for row in rows:
            if "operations" not in row:
                continue
            value = (row["lines"] - row["runtime_lines"]) / row["operations"]
            per_op[(row["spec"], row["tool"])] = value
            print(f"| {row['spec']} | {row['tool']} | {row['operations']} | {row['lines']:,} | {row['runtime_lines']:,} | {value:.1f} |")
        print()
        for spec in sorted({spec for spec, _ in per_op}):
            if (spec, "ours") in per_op:
                ours_value = per_op[(spec, "ours")]
                fewer = all(ours_value < v for (s_, t), v in per_op.items() if s_ == spec and t != "ours")
                print(f"- {spec}: fewer non-runtime lines per operation than either peer: {met(fewer)}")
        if "ours" in rebuild:
            ours_rebuild = quartiles(rebuild["ours"])[0]
            faster = all(ours_rebuild < quartiles(rebuild[t])[0] for t in ["progenitor", "oag"] if t in rebuild)
            print(f"- faster rebuild than either peer: {met(faster)}")
        print()
        edit = {}
        for path in sorted(glob.glob(os.path.join(PEERS, "edit-rebuild-round*.json"))):
            for result in load(path)["results"]:
                edit.setdefault(result["command"], []).extend(result["times"])
        if edit:
            print("### Rebuild after a one-line change of `petstore.yaml` (regenerated, then `cargo build`: dev profile, incremental)\n")
            print("| tool | rebuild, median [Q1–Q3] | runs | min | max |")
            print("| --- | ---: | ---: | ---: | ---: |")
            for tool, t in edit.items():
                print(f"| {tool} | {spread(t)} | {len(t)} | {fmt_time(min(t))} | {fmt_time(max(t))} |")
            print()
            if "progenitor" in edit:
                theirs = quartiles(edit["progenitor"])[0]
                for tool in ("ours", "ours-runtime-crate"):
                    if tool in edit:
                        mine = quartiles(edit[tool])[0]
                        print(f"- {tool} no slower than progenitor: {fmt_time(mine)} against {fmt_time(theirs)} ({met(mine <= theirs)})")
            print()


def load_log():
    path = os.path.join(RESULTS, "load.txt")
    if not os.path.exists(path):
        return
    print("### Load average (1, 5, 15 min) at the start and end of each part\n")
    print("```text")
    with open(path) as f:
        print(f.read().rstrip())
    print("```\n")


def main():
    print("<!-- made by benches/summarize.py from target/bench-results and target/criterion -->\n")
    load_log()
    generation()
    client()
    peers()


if __name__ == "__main__":
    sys.exit(main())
