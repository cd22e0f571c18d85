#!/usr/bin/env bash
# bench/run.sh: builds sovlint, generates the inputs, and prints wall time
# (median of several runs) and peak RSS for each, beside the baselines:
# terraform-json decoding the same plan (bench/cmd/tfjsondecode), and tfsec
# on the same trees when it is installed.
#
#   bench/run.sh              # everything: 3k/30k/100k plans, 1k/10k trees
#   RUNS=11 bench/run.sh      # more runs per input
#   QUICK=1 bench/run.sh      # 3k and 30k plans, 1k tree only
#
# Inputs are cached under bench/out/ (gitignored): synthetic plans and trees
# from internal/synth, and, where terraform and an AWS provider mirror
# exist, real plans of the corpus case modules-count-aliases (bench/realplan.sh;
# the 30k one takes terraform several minutes, once). Nothing reaches the
# network.
set -euo pipefail

cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
runs=${RUNS:-7}

need() {
	command -v "$1" >/dev/null || { echo "bench: $1 is required ($2)" >&2; exit 2; }
}
need go "the Go toolchain"
need /usr/bin/time "GNU time, Debian package time"
need python3 "for the medians"

echo "building sovlint and the terraform-json baseline" >&2
go build -o "$out/sovlint" ./cmd/sovlint
go build -o "$out/tfjsondecode" ./bench/cmd/tfjsondecode
go build -o "$out/synth" ./internal/synth/cmd/synth

# gen FILE COMMAND...: runs COMMAND to make FILE unless it exists.
gen() {
	local file=$1
	shift
	[ -e "$file" ] && return 0
	echo "bench: generating $file" >&2
	"$@"
}

synth_plan() { gen "$out/synth-plan-$1.json" sh -c "'$out/synth' plan $2 > '$out/synth-plan-$1.json.tmp' && mv '$out/synth-plan-$1.json.tmp' '$out/synth-plan-$1.json'"; }
synth_tree() { gen "$out/tree-$1" sh -c "'$out/synth' tree $2 '$out/tree-$1.tmp' && mv '$out/tree-$1.tmp' '$out/tree-$1'"; }

synth_plan 3k 100
synth_plan 30k 1000
[ -n "${QUICK:-}" ] || synth_plan 100k 3334
synth_tree 1k 400
[ -n "${QUICK:-}" ] || synth_tree 10k 4000

real=()
for size in 3k 30k; do
	n=$([ "$size" = 3k ] && echo 100 || echo 1000)
	f="$out/real-plan-$size.json"
	if [ ! -e "$f" ]; then
		echo "bench: making the real $size plan with terraform (minutes for 30k)" >&2
		rc=0
		bench/realplan.sh "$n" "$f" || rc=$?
		if [ "$rc" = 3 ]; then
			echo "bench: no real plans here (terraform or its provider mirror is missing): skipped" >&2
			break
		elif [ "$rc" != 0 ]; then
			echo "bench: bench/realplan.sh failed ($rc): real $size plan skipped" >&2
			continue
		fi
	fi
	real+=("$size")
done

tfsec=$(command -v tfsec || true)
[ -z "$tfsec" ] && [ -x "$(go env GOPATH)/bin/tfsec" ] && tfsec=$(go env GOPATH)/bin/tfsec

# measure NAME COMMAND...: runs COMMAND $runs times after one warm-up,
# output to /dev/null, and prints "NAME wall_s peak_rss_mb" for each run.
# Wall time is taken around /usr/bin/time (which adds about a millisecond),
# peak RSS is what it reports (-v's "Maximum resident set size").
measure() {
	local name=$1
	shift
	python3 - "$name" "$runs" "$@" <<'PY'
import subprocess, sys, tempfile, time
name, runs, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
walls, rss = [], []
with tempfile.NamedTemporaryFile() as t:
    for i in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        if i == 0:
            continue  # warm-up: page cache, binary
        walls.append(wall)
        rss.append(int(open(t.name).read().split()[-1]) / 1024)
for w, m in zip(walls, rss):
    print(f"{name} {w:.4f} {m:.1f}")
PY
}

results=$(mktemp)
plans=(synth-3k synth-30k)
[ -n "${QUICK:-}" ] || plans+=(synth-100k)
for r in "${real[@]}"; do plans+=("real-$r"); done
for p in "${plans[@]}"; do
	kind=${p%%-*} size=${p#*-}
	f="$out/$kind-plan-$size.json"
	echo "bench: $p" >&2
	# Side by side: the two alternate, so that a busy host weighs on both.
	for _ in 1 2; do
		runs=$(((runs + 1) / 2)) measure "plan $p sovlint" "$out/sovlint" scan --format json "$f" >>"$results"
		runs=$(((runs + 1) / 2)) measure "plan $p tfjson" "$out/tfjsondecode" "$f" >>"$results"
	done
done
trees=(1k)
[ -n "${QUICK:-}" ] || trees+=(10k)
for t in "${trees[@]}"; do
	echo "bench: tree $t" >&2
	measure "tree $t sovlint" "$out/sovlint" scan --format json --recursive "$out/tree-$t" >>"$results"
	# tfsec takes seconds a run (minutes on the 10k tree): one run, on the
	# 1k tree of the issue's comparison unless TFSEC_ALL is set.
	if [ -n "$tfsec" ] && { [ "$t" = 1k ] || [ -n "${TFSEC_ALL:-}" ]; }; then
		runs=1 measure "tree $t tfsec" "$tfsec" --no-colour --format json --soft-fail "$out/tree-$t" >>"$results"
	fi
done
echo "bench: small plan (startup)" >&2
measure "startup small sovlint" "$out/sovlint" scan --format json testdata/plans/default-tags/plan.json >>"$results"

tfsec_version=
[ -n "$tfsec" ] && tfsec_version=$(go version -m "$tfsec" 2>/dev/null | awk '$1 == "mod" { print $3 }')
python3 - "$results" "$runs" "$tfsec_version" <<'PY'
import statistics, sys
samples = {}
for line in open(sys.argv[1]):
    kind, name, tool, wall, rss = line.split()
    samples.setdefault((kind, name), {}).setdefault(tool, []).append((float(wall), float(rss)))
rows = {k: {tool: (statistics.median(w for w, _ in s), statistics.median(m for _, m in s)) for tool, s in v.items()}
        for k, v in samples.items()}
print(f"median of {sys.argv[2]} runs (tfsec: one); peak RSS from /usr/bin/time (median)\n")
print("| input | sovlint wall | sovlint peak RSS | baseline | baseline wall | baseline peak RSS | faster |")
print("|---|---:|---:|---|---:|---:|---:|")
for (kind, name), tools in rows.items():
    w, m = tools["sovlint"]
    label = {"plan": f"{name} plan", "tree": f"{name}-file tree, --recursive", "startup": "small plan (startup)"}[kind]
    base = tools.get("tfjson") or tools.get("tfsec")
    bname = "terraform-json decode" if "tfjson" in tools else ("tfsec " + sys.argv[3] if "tfsec" in tools else "")
    if base:
        print(f"| {label} | {w*1000:.0f} ms | {m:.0f} MB | {bname} | {base[0]*1000:.0f} ms | {base[1]:.0f} MB | {base[0]/w:.1f}x |")
    else:
        print(f"| {label} | {w*1000:.0f} ms | {m:.0f} MB | | | | |")
PY
rm -f "$results"
