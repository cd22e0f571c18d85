#!/usr/bin/env bash
# bench/run.sh: builds sovlint, generates the inputs, and prints wall time,
# peak RSS and CPU time (medians of several runs) for each, beside the
# baselines:
# terraform-json decoding the same plan (bench/cmd/tfjsondecode), and tfsec
# on the same trees when it is installed.
#
#   bench/run.sh              # everything: 3k/30k/100k/300k plans, each
#                             # format to stdout and to a file, the Action's
#                             # outputs, 1k/10k trees
#   RUNS=11 bench/run.sh      # more runs per input
#   QUICK=1 bench/run.sh      # 3k and 30k plans, 1k tree only
#   BASE=path/to/old/sovlint bench/run.sh   # before and after, alternately
#   MILLION=1 bench/run.sh    # also a 1,000,000-resource plan (1.9 GB), once,
#                             # with and without every untagged resource
#                             # classified sensitive (578k and 1.1M findings)
#
# bench/measure.py does the measuring: commands compared in one row run
# alternately, and the tables give medians and ratios from the same run.
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
need python3 "for the measuring (bench/measure.py)"

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
[ -n "${QUICK:-}" ] || synth_plan 300k 10000
[ -z "${MILLION:-}" ] || synth_plan 1m 33334
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
tfsec_version=
[ -n "$tfsec" ] && tfsec_version=$(go version -m "$tfsec" 2>/dev/null | awk '$1 == "mod" { print $3 }')

MILLION=${MILLION:-} OUT=$out RUNS=$runs TFSEC=$tfsec TFSEC_VERSION=$tfsec_version REAL="${real[*]}" python3 bench/measure.py
