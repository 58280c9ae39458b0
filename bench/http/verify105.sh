#!/usr/bin/env bash
# Benchmark of operation 105, POST /extract_verify/v1/verify, against OpenSSL's raw RSA-4096 verify
# rate measured in the same run (`openssl speed -multi 2 rsa4096`, before and after the loads).
# Target (issue): op-105 verifications/s >= 50% of OpenSSL's verify/s; one verified pair counts as
# one verification. Loads: 1 pair per request and --pairs (32) per request.
#
#   bench/http/verify105.sh [options]
#
# Options (environment variables of the same name in capitals also work):
#   --duration 12s     measured time per load       --warmup 3s        warm-up per load (not counted)
#   --threads 2        wrk threads                  --connections 8    wrk connections
#   --pairs 32         pairs per request of the batch load (the other load has 1)
#   --openssl-seconds 10   duration of each openssl speed phase
#   --skip-build       use the existing Release build    --results DIR  keep raw output in DIR
#   --extra-server-arg ARG   passed to the server (repeatable), e.g. --Logging:LogLevel:Raytio.Requests=Warning
#
# Needs dotnet, node (with `npm ci` done in tests/interop, run here if missing), curl, openssl and
# wrk (installed with apt-get if missing). Only 127.0.0.1 is loaded; every run is bounded. The
# server is stopped and its fresh data folder removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

DURATION="${DURATION:-12s}"
WARMUP="${WARMUP:-3s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-8}"
PAIRS="${PAIRS:-32}"
OPENSSL_SECONDS="${OPENSSL_SECONDS:-10}"
SKIP_BUILD="${SKIP_BUILD:-0}"
RESULTS="${RESULTS:-}"
EXTRA_SERVER_ARGS=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --pairs) PAIRS="$2"; shift 2 ;;
    --openssl-seconds) OPENSSL_SECONDS="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --results) RESULTS="$2"; shift 2 ;;
    --extra-server-arg) EXTRA_SERVER_ARGS+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

LOG_TAG=verify105
DB_ARGS=()
# shellcheck source=lib.sh
source "$HERE/lib.sh"

# --- tools -------------------------------------------------------------------------------------
ensure_wrk
for tool in curl openssl node dotnet; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
if [[ ! -d "$ROOT/tests/interop/node_modules/canonicalize" ]]; then
  log "npm ci in tests/interop"
  (cd "$ROOT/tests/interop" && npm ci --no-audit --no-fund >&2)
fi

build_server

# --- scratch space and clean-up ----------------------------------------------------------------
make_workspace verify105
cleanup() {
  local status=$?
  stop_server_and_clean $status
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- user, server, token -----------------------------------------------------------------------
create_bench_user
start_server
TOKEN="$(password_token)"

# --- the server's signing key and signed bodies ------------------------------------------------
curl -fsS "$BASE/extract_verify/v1/public_key" >/dev/null # makes sure the first key exists
KEY_FILE="$(ls -1 "$DATA"/signing-keys/*.pem 2>/dev/null | sort | tail -n 1 || true)"
[[ -n "$KEY_FILE" ]] || { echo "no signing key in the data folder's signing-keys/" >&2; exit 1; }
node "$HERE/verify105-body.mjs" "$KEY_FILE" 1 >"$WORK/body-1.json"
node "$HERE/verify105-body.mjs" "$KEY_FILE" "$PAIRS" >"$WORK/body-$PAIRS.json"

check_body() { # PAIRS: every pair must answer "verified":true
  local n="$1" answer trues
  answer="$(curl -fsS -X POST "$BASE/extract_verify/v1/verify" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary "@$WORK/body-$n.json")"
  trues="$(grep -o '"verified":true' <<<"$answer" | wc -l)"
  [[ "$trues" == "$n" ]] || { echo "expected $n verified:true, got: ${answer:0:400}" >&2; exit 1; }
  log "check: $n pair(s) -> $trues \"verified\":true"
}
check_body 1
check_body "$PAIRS"
# A tampered signature must answer false (so the loads cannot be measuring a short cut).
sed 's/"value":"DONALD"/"value":"DONALE"/' "$WORK/body-1.json" >"$WORK/body-bad.json"
curl -fsS -X POST "$BASE/extract_verify/v1/verify" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data-binary "@$WORK/body-bad.json" | grep -q '"verified":false' || { echo "tampered data did not answer verified:false" >&2; exit 1; }
log "check: tampered data -> \"verified\":false"

# --- OpenSSL reference -------------------------------------------------------------------------
# The target's reference is `openssl speed -multi 2 rsa4096`, whose children divide by wall time
# (+R lines in the raw output), so like the server's requests/s it drops when other processes load
# the machine; it is measured before and after the loads and the mean used. A single-process
# `openssl speed` divides by user CPU time instead: that per-CPU-second rate is set against the
# server's verifications per second of its own CPU time, a comparison that hardly depends on load.
openssl_verify() { # TAG -> verify/s of rsa 4096 (sum of the 2 processes)
  openssl speed -multi 2 -seconds "$OPENSSL_SECONDS" rsa4096 >"$RESULTS/openssl-$1.txt" 2>&1
  awk '/^rsa 4096 bits/ { v = $NF } END { if (v == "") exit 1; print v }' "$RESULTS/openssl-$1.txt"
}
log "openssl speed -multi 2 -seconds $OPENSSL_SECONDS rsa4096 (before; load average $(cut -d' ' -f1-3 /proc/loadavg))"
OSSL_BEFORE="$(openssl_verify before)"
log "  verify/s = $OSSL_BEFORE"

openssl_cpu() { # -> verify/s per user CPU-second, 1 process
  openssl speed -seconds "$OPENSSL_SECONDS" -mr rsa4096 >"$RESULTS/openssl-1process.txt" 2>&1
  awk -F: '/^\+F2:/ { v = $NF } END { if (v == "") exit 1; printf "%.1f", v }' "$RESULTS/openssl-1process.txt"
}

# --- loads -------------------------------------------------------------------------------------
CLK_TCK="$(getconf CLK_TCK)"
CORES="$(nproc)"
server_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
machine_ticks() { awk '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i; print total, $5 + $6 }' /proc/stat; }

declare -A RPS P50 P99 REQS BAD ERRS CPUMS OTHER LOADAVG VPS CAP
run_wrk() { # OUT DURATION BODY
  local TIMEFORMAT='%U %S'
  { time wrk -t "$THREADS" -c "$CONNECTIONS" -d "$2" --latency --timeout 10s \
      -s "$HERE/verify105-post.lua" "$BASE/extract_verify/v1/verify" -- "$TOKEN" "$3" >"$RESULTS/$1.txt" 2>&1; } 2>"$RESULTS/$1.time" || true
}
measure() { # PAIRS
  local n="$1" key="p$1"
  LOADAVG[$key]="$(cut -d' ' -f1-3 /proc/loadavg)"
  log "$n pair(s)/request: warm-up $WARMUP, then $DURATION, $CONNECTIONS connections (load average ${LOADAVG[$key]})"
  run_wrk "$key-warmup" "$WARMUP" "$WORK/body-$n.json"
  sleep 1
  local s1 m1 i1 s2 m2 i2 line
  s1="$(server_ticks)"; read -r m1 i1 < <(machine_ticks)
  run_wrk "$key" "$DURATION" "$WORK/body-$n.json"
  s2="$(server_ticks)"; read -r m2 i2 < <(machine_ticks)
  line="$(grep '^RESULT ' "$RESULTS/$key.txt" || true)"
  [[ -n "$line" ]] || { cat "$RESULTS/$key.txt" >&2; echo "wrk gave no result" >&2; exit 1; }
  field() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<<"$line"; }
  RPS[$key]="$(field rps)"; P50[$key]="$(field p50_ms)"; P99[$key]="$(field p99_ms)"; REQS[$key]="$(field requests)"
  ERRS[$key]=$(( $(field non2xx) + $(field connect) + $(field read) + $(field write) + $(field timeout) ))
  BAD[$key]="$(sed -n 's/^CHECK unverified=//p' "$RESULTS/$key.txt")"
  local wrk_user wrk_sys
  read -r wrk_user wrk_sys <"$RESULTS/$key.time"
  CPUMS[$key]="$(awk -v d="$((s2 - s1))" -v hz="$CLK_TCK" -v n="${REQS[$key]}" 'BEGIN { printf "%.3f", (n > 0 ? 1000 * d / hz / n : 0) }')"
  OTHER[$key]="$(awk -v total="$((m2 - m1))" -v idle="$((i2 - i1))" -v server="$((s2 - s1))" -v hz="$CLK_TCK" -v wu="$wrk_user" -v ws="$wrk_sys" \
    'BEGIN { other = total - idle - server - (wu + ws) * hz; if (other < 0) other = 0; printf "%.0f%%", (total > 0 ? 100 * other / total : 0) }')"
  echo "CPU server_ticks=$((s2 - s1)) wrk_user_s=$wrk_user wrk_sys_s=$wrk_sys machine_ticks=$((m2 - m1)) machine_idle=$((i2 - i1)) clk_tck=$CLK_TCK" >>"$RESULTS/$key.txt"
  log "  $line unverified=${BAD[$key]} server_cpu_ms_per_request=${CPUMS[$key]} other=${OTHER[$key]}"
}
measure 1
measure "$PAIRS"

log "openssl speed again (after; load average $(cut -d' ' -f1-3 /proc/loadavg))"
OSSL_AFTER="$(openssl_verify after)"
log "  verify/s = $OSSL_AFTER"
OSSL="$(awk -v a="$OSSL_BEFORE" -v b="$OSSL_AFTER" 'BEGIN { printf "%.1f", (a + b) / 2 }')"
log "openssl speed -seconds $OPENSSL_SECONDS rsa4096, 1 process (per user CPU-second)"
OSSL_CPU="$(openssl_cpu)"
log "  verify/s per CPU-s = $OSSL_CPU"

# --- report ------------------------------------------------------------------------------------
# "per server CPU-s": verifications per second of the server process's CPU time (user + system),
# set against OpenSSL's verifications per user CPU-second of one process: the cost of one
# verification in the server relative to the raw RSA operation, independent of other load.
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ); $CORES cores; $(openssl version | cut -d' ' -f1-2); .NET $(dotnet --version); wrk -t$THREADS -c$CONNECTIONS, $DURATION per load after $WARMUP warm-up, on the same cores as the server.${EXTRA_SERVER_ARGS[*]:+ Server arguments: ${EXTRA_SERVER_ARGS[*]}.}"
echo
echo "openssl speed -multi 2 rsa4096 verify/s (wall time): before $OSSL_BEFORE, after $OSSL_AFTER, mean **$OSSL**; 1 process, per user CPU-second: $OSSL_CPU ($(awk -v v="$OSSL_CPU" 'BEGIN { printf "%.3f", 1000 / v }') ms CPU per verification)"
echo
echo "| pairs/request | requests/s | verifications/s | p50 ms | p99 ms | requests | errors | unverified answers | server CPU ms/request | server CPU ms/verification | verifications per server CPU-s | other load | load avg before |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for n in 1 "$PAIRS"; do
  key="p$n"
  vps="$(awk -v r="${RPS[$key]}" -v n="$n" 'BEGIN { printf "%.1f", r * n }')"
  msv="$(awk -v c="${CPUMS[$key]}" -v n="$n" 'BEGIN { printf "%.3f", c / n }')"
  cap="$(awk -v c="${CPUMS[$key]}" -v n="$n" 'BEGIN { printf "%.0f", (c > 0 ? 1000 * n / c : 0) }')"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "${RPS[$key]}" "$vps" "${P50[$key]}" "${P99[$key]}" \
    "${REQS[$key]}" "${ERRS[$key]}" "${BAD[$key]}" "${CPUMS[$key]}" "$msv" "$cap" "${OTHER[$key]}" "${LOADAVG[$key]}"
  VPS[$n]="$vps"; CAP[$n]="$cap"
done
echo
echo "| measure | value | target | verdict |"
echo "| --- | ---: | ---: | --- |"
for n in 1 "$PAIRS"; do
  r="$(awk -v x="${VPS[$n]}" -v y="$OSSL" 'BEGIN { printf "%.1f", 100 * x / y }')"
  c="$(awk -v x="${CAP[$n]}" -v y="$OSSL_CPU" 'BEGIN { printf "%.1f", 100 * x / y }')"
  echo "| $n pair(s)/request: verifications/s / OpenSSL verify/s | $r% | ≥ 50% | $(awk -v r="$r" 'BEGIN { print (r >= 50 ? "met" : "MISSED") }') |"
  echo "| $n pair(s)/request: verifications per server CPU-s / OpenSSL verify per CPU-s (1 process) | $c% | — | — |"
done
[[ "$KEEP_RESULTS" == 1 ]] && log "raw output in $RESULTS"
exit 0
