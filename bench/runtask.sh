#!/usr/bin/env bash
# bench/runtask.sh: load on `sovlint serve`, all on loopback. Builds sovlint
# and the load generator (bench/cmd/runtaskload), starts the server against
# the generator's fake Terraform API, sends N signed run task requests from
# C concurrent clients, checks that each run is called back exactly once
# with the right verdict, and prints the throughput and the server's peak
# RSS (VmHWM). Nothing leaves the machine.
#
#   bench/runtask.sh                  # 2,000 runs, 32 clients, a 60-resource real plan
#   N=20000 C=64 bench/runtask.sh     # more
#   PLAN=bench/out/plan-3k.json WANT=failed bench/runtask.sh   # a bigger plan
#   SCANS=4 bench/runtask.sh          # --max-concurrent-scans
set -euo pipefail

cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
n=${N:-2000}
c=${C:-32}
plan=${PLAN:-testdata/plans/modules-count-aliases/plan.json}
want=${WANT:-failed}
port=${PORT:-18080}
apiport=${API_PORT:-18081}

go build -o "$out/sovlint" ./cmd/sovlint
go build -o "$out/runtaskload" ./bench/cmd/runtaskload

SOVLINT_HMAC_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export SOVLINT_HMAC_KEY

args=(serve --listen "127.0.0.1:$port" --terraform-url "http://127.0.0.1:$apiport" --log-level warn)
if [ -n "${SCANS:-}" ]; then
	args+=(--max-concurrent-scans "$SCANS")
fi
"$out/sovlint" "${args[@]}" 2>"$out/runtask-server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

status=0
"$out/runtaskload" -api "127.0.0.1:$apiport" -server "http://127.0.0.1:$port" \
	-plan "$plan" -want "$want" -n "$n" -c "$c" || status=$?

hwm=$(awk '/VmHWM/ {print $2, $3}' "/proc/$server/status" 2>/dev/null || echo "unknown")
rss=$(awk '/VmRSS/ {print $2, $3}' "/proc/$server/status" 2>/dev/null || echo "unknown")
kill -TERM "$server"
wait "$server" || true
trap - EXIT
echo "server peak RSS (VmHWM) $hwm, RSS at the end $rss; machine: $(nproc) CPUs, $(go version | awk '{print $3}')"
if [ -s "$out/runtask-server.log" ]; then
	echo "server warnings and errors (log level warn): $(wc -l <"$out/runtask-server.log") lines in $out/runtask-server.log"
fi
exit "$status"
