#!/usr/bin/env bash
# HTTP benchmark of the server's foundation (issue 2): five loads with wrk on loopback against the
# Release build, then a Markdown table with the ratios and the issue's targets.
#
#   bench/http/run.sh                                  # SQLite in a fresh temporary data folder
#   bench/http/run.sh --postgres "Host=127.0.0.1;Port=5432;Database=raytio_bench;Username=...;Password=..."
#   bench/http/run.sh --postgres-local                 # start the machine's PostgreSQL, make a throwaway database
#
# Options (environment variables of the same name in capitals also work):
#   --duration 12s        measured time per load          --warmup 3s      warm-up per load (not counted)
#   --threads 2           wrk threads                     --connections 32 connections for loads a-d
#   --password-connections 4   connections for the password grant (CPU-bound: ~2 per core)
#   --skip-build          use the existing Release build  --results DIR    keep raw wrk output in DIR
#   --loads abcde         which loads to run (the table needs all five for the ratios)
#   --wait-idle SECONDS   before each measured load, wait up to SECONDS for the machine to be idle
#   --extra-server-arg ARG     passed to the server (repeatable), e.g. --Logging:LogLevel:Raytio.Requests=Warning
#
# Only 127.0.0.1 is loaded; every wrk run is bounded by --duration. The server is stopped and the
# data folder removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

DURATION="${DURATION:-12s}"
WARMUP="${WARMUP:-3s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PASSWORD_CONNECTIONS="${PASSWORD_CONNECTIONS:-4}"
SKIP_BUILD="${SKIP_BUILD:-0}"
POSTGRES="${POSTGRES:-}"
POSTGRES_LOCAL="${POSTGRES_LOCAL:-0}"
RESULTS="${RESULTS:-}"
LOADS="${LOADS:-abcde}"
EXTRA_SERVER_ARGS=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --password-connections) PASSWORD_CONNECTIONS="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --postgres) POSTGRES="$2"; shift 2 ;;
    --postgres-local) POSTGRES_LOCAL=1; shift ;;
    --results) RESULTS="$2"; shift 2 ;;
    --wait-idle) WAIT_IDLE="$2"; shift 2 ;;
    --loads) LOADS="$2"; shift 2 ;;
    --extra-server-arg) EXTRA_SERVER_ARGS+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

LOG_TAG=bench
DB_ARGS=()
PG_DATABASE=""
# shellcheck source=lib.sh
source "$HERE/lib.sh"

# --- tools -------------------------------------------------------------------------------------
ensure_wrk
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
build_server

# --- scratch space and clean-up ----------------------------------------------------------------
make_workspace bench
cleanup() {
  local status=$?
  stop_server_and_clean $status
  if [[ -n "$PG_DATABASE" ]]; then
    as_postgres psql -q -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE);" >/dev/null 2>&1 || true
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- optional local PostgreSQL -----------------------------------------------------------------
as_postgres() { if [[ $(id -u) -eq 0 ]]; then su postgres -c "$(printf '%q ' "$@")"; else sudo -u postgres "$@"; fi; }

if [[ "$POSTGRES_LOCAL" == 1 ]]; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "installing postgresql"
    as_root apt-get update -qq
    as_root apt-get install -y -qq postgresql >/dev/null
  fi
  read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS _ < <(pg_lsclusters -h | head -n 1)
  if [[ "$PG_STATUS" != online ]]; then
    log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER"
    as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  fi
  PG_DATABASE="raytio_bench_$$"
  PG_PASSWORD="bench-$RANDOM$RANDOM"
  as_postgres psql -q -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'raytio_bench') THEN CREATE ROLE raytio_bench LOGIN; END IF;
END \$\$;
ALTER ROLE raytio_bench PASSWORD '$PG_PASSWORD';
CREATE DATABASE $PG_DATABASE OWNER raytio_bench;
SQL
  POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DATABASE;Username=raytio_bench;Password=$PG_PASSWORD"
fi

if [[ -n "$POSTGRES" ]]; then
  DB_ARGS=(--ConnectionStrings:Postgres "$POSTGRES")
  DATABASE_NAME="PostgreSQL"
else
  DATABASE_NAME="SQLite"
fi

# --- user (before the server starts) and server on a free loopback port -------------------------
log "database: $DATABASE_NAME"
create_bench_user
start_server

# --- tokens ------------------------------------------------------------------------------------
login_body="$(login_body)"
IDENTITY_TOKEN="$(password_token)"

# Refresh-token pools: one password login per chain; a pool per wrk run (warm-up and measured)
# since the chains that are in flight when a run stops are gone.
REFRESH_POOL=$((CONNECTIONS + CONNECTIONS / 4 + 4))
make_pool() { # FILE
  export BASE login_body
  : >"$1"
  local made=0 round
  for round in 1 2 3; do
    seq 1 $((REFRESH_POOL - made)) | xargs -P 4 -I{} sh -c \
      'curl -sS -X POST "$BASE/oauth/v1/token" -H "Content-Type: application/json" --data "$login_body"; echo' \
      >"$WORK/logins.txt" || true
    json_field refresh_token <"$WORK/logins.txt" >>"$1"
    if grep -v refresh_token "$WORK/logins.txt" | grep -q .; then
      log "  some password logins failed: $(grep -v refresh_token "$WORK/logins.txt" | grep . | sort | uniq -c | head -n 3)"
    fi
    made=$(grep -c . "$1" || true)
    (( made >= REFRESH_POOL )) && return 0
  done
  echo "made $made of $REFRESH_POOL refresh tokens" >&2; exit 1
}
log "making 2 x $REFRESH_POOL refresh-token chains (password logins)"
make_pool "$WORK/refresh-warmup.txt"
make_pool "$WORK/refresh-measure.txt"

# --- loads -------------------------------------------------------------------------------------
# The server and wrk share the machine's cores, so anything else running skews requests/s. Each
# measured run therefore also records CPU time: the server's (from /proc/PID/stat), wrk's (bash
# `time`) and the whole machine's (/proc/stat). "server CPU ms/request" hardly depends on other
# load and gives the capacity of a core; "other %" is the machine's busy time that was neither.
CLK_TCK="$(getconf CLK_TCK)"
CORES="$(nproc)"
server_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
machine_ticks() { awk '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i; print total, $5 + $6 }' /proc/stat; }
busy_percent() { # sample the whole machine for 2 s
  local t1 i1 t2 i2
  read -r t1 i1 < <(machine_ticks); sleep 2; read -r t2 i2 < <(machine_ticks)
  awk -v t="$((t2 - t1))" -v i="$((i2 - i1))" 'BEGIN { printf "%.0f", (t > 0 ? 100 * (t - i) / t : 0) }'
}
wait_idle() { # up to WAIT_IDLE seconds for the machine to be at most 10% busy
  [[ "${WAIT_IDLE:-0}" -gt 0 ]] || return 0
  local deadline=$((SECONDS + WAIT_IDLE)) busy
  while busy="$(busy_percent)"; (( busy > 10 )); do
    if (( SECONDS >= deadline )); then log "  machine still ${busy}% busy; measuring anyway"; return 0; fi
    log "  machine ${busy}% busy; waiting"
    sleep 3
  done
}

declare -A RPS P50 P99 REQS NON2XX ERRS NOTE CPUMS OTHER

load() { # KEY CONNECTIONS DURATION SCRIPT URL [ARGS...]
  local key="$1" connections="$2" duration="$3" script="$4" url="$5"; shift 5
  local threads=$THREADS
  if (( threads > connections )); then threads=$connections; fi
  local TIMEFORMAT='%U %S'
  { time wrk -t "$threads" -c "$connections" -d "$duration" --latency --timeout 10s \
      -s "$HERE/$script" "$url" -- "$@" >"$RESULTS/$key.txt" 2>&1; } 2>"$RESULTS/$key.time" || true
}

measure() { # KEY LABEL CONNECTIONS SCRIPT URL [ARGS...] (args may contain @POOL@)
  local key="$1" label="$2" connections="$3" script="$4" url="$5"; shift 5
  local args=("$@") warm=() real=() a
  for a in "${args[@]}"; do warm+=("${a/@POOL@/$WORK/refresh-warmup.txt}"); real+=("${a/@POOL@/$WORK/refresh-measure.txt}"); done
  log "$label: warm-up $WARMUP, then $DURATION with $connections connections (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  load "$key-warmup" "$connections" "$WARMUP" "$script" "$url" "${warm[@]}"
  sleep 1 # let the server finish requests that were in flight when the warm-up stopped
  wait_idle
  local s1 m1 i1 s2 m2 i2
  s1="$(server_ticks)"; read -r m1 i1 < <(machine_ticks)
  load "$key" "$connections" "$DURATION" "$script" "$url" "${real[@]}"
  s2="$(server_ticks)"; read -r m2 i2 < <(machine_ticks)
  local line
  line="$(grep '^RESULT ' "$RESULTS/$key.txt" || true)"
  [[ -n "$line" ]] || { cat "$RESULTS/$key.txt" >&2; echo "wrk gave no result for $key" >&2; exit 1; }
  field() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<<"$line"; }
  RPS[$key]="$(field rps)"; P50[$key]="$(field p50_ms)"; P99[$key]="$(field p99_ms)"; REQS[$key]="$(field requests)"
  NON2XX[$key]="$(field non2xx)"
  ERRS[$key]=$(( $(field connect) + $(field read) + $(field write) + $(field timeout) ))
  NOTE[$key]=""
  local fallback lost; fallback="$(field fallback)"; lost="$(field lost)"
  if [[ "$fallback" != 0 || "$lost" != 0 ]]; then NOTE[$key]="fallback=$fallback lost=$lost"; fi
  local wrk_user wrk_sys
  read -r wrk_user wrk_sys <"$RESULTS/$key.time"
  CPUMS[$key]="$(awk -v d="$((s2 - s1))" -v hz="$CLK_TCK" -v n="${REQS[$key]}" 'BEGIN { printf "%.3f", (n > 0 ? 1000 * d / hz / n : 0) }')"
  OTHER[$key]="$(awk -v total="$((m2 - m1))" -v idle="$((i2 - i1))" -v server="$((s2 - s1))" -v hz="$CLK_TCK" -v wu="$wrk_user" -v ws="$wrk_sys" \
    'BEGIN { other = total - idle - server - (wu + ws) * hz; if (other < 0) other = 0; printf "%.0f%%", (total > 0 ? 100 * other / total : 0) }')"
  echo "CPU server_ticks=$((s2 - s1)) wrk_user_s=$wrk_user wrk_sys_s=$wrk_sys machine_ticks=$((m2 - m1)) machine_idle=$((i2 - i1)) clk_tck=$CLK_TCK" >>"$RESULTS/$key.txt"
  log "  $line server_cpu_ms_per_request=${CPUMS[$key]} other=${OTHER[$key]}"
}

want() { [[ "$LOADS" == *"$1"* ]]; }
want a && measure a "(a) GET /healthz" "$CONNECTIONS" get.lua "$BASE/healthz"
want b && measure b "(b) GET /readyz" "$CONNECTIONS" get.lua "$BASE/readyz"
want c && measure c "(c) GET /db/v1/preferences" "$CONNECTIONS" get.lua "$BASE/db/v1/preferences" "$IDENTITY_TOKEN"
want d && measure d "(d) POST /oauth/v1/token refresh_token" "$CONNECTIONS" refresh.lua "$BASE/oauth/v1/token" @POOL@ "$THREADS"
want e && measure e "(e) POST /oauth/v1/token password" "$PASSWORD_CONNECTIONS" password.lua "$BASE/oauth/v1/token" "$USERNAME" "$PASSWORD"

for key in a b c d e; do
  if ! want "$key"; then RPS[$key]=0; P50[$key]=-; P99[$key]=-; REQS[$key]=0; NON2XX[$key]=-; ERRS[$key]=-; NOTE[$key]="not run"; CPUMS[$key]=-; OTHER[$key]=-; fi
done

# --- report ------------------------------------------------------------------------------------
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (y > 0) printf "%.1f%%", 100 * x / y; else printf "-" }'; }
verdict() { awk -v x="$1" -v t="$2" 'BEGIN { print (x >= t ? "met" : "MISSED") }'; }
ratio_c="$(ratio "${RPS[c]}" "${RPS[a]}")"
ratio_d="$(ratio "${RPS[d]}" "${RPS[a]}")"
per_core="$(awk -v x="${RPS[e]}" -v n="$CORES" 'BEGIN { printf "%.1f", x / n }')"

echo
echo "Database: $DATABASE_NAME; wrk -t$THREADS, $CONNECTIONS connections (password grant: $PASSWORD_CONNECTIONS); $DURATION per load after $WARMUP warm-up; $CORES cores shared by server and wrk."
echo
echo "| load | connections | requests/s | p50 ms | p99 ms | requests | non-2xx | socket errors | server CPU ms/request | other % |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
row() { # KEY LABEL CONNECTIONS
  local note="${NOTE[$1]}"
  printf '| %s%s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "${note:+ ($note)}" "$3" "${RPS[$1]}" "${P50[$1]}" "${P99[$1]}" "${REQS[$1]}" "${NON2XX[$1]}" "${ERRS[$1]}" "${CPUMS[$1]}" "${OTHER[$1]}"
}
row a "(a) GET /healthz" "$CONNECTIONS"
row b "(b) GET /readyz" "$CONNECTIONS"
row c "(c) GET /db/v1/preferences (bearer)" "$CONNECTIONS"
row d "(d) POST /oauth/v1/token refresh_token" "$CONNECTIONS"
row e "(e) POST /oauth/v1/token password" "$PASSWORD_CONNECTIONS"
echo
echo "| measure | value | target | verdict |"
echo "| --- | ---: | ---: | --- |"
echo "| (c)/(a) | $ratio_c | ≥ 30% | $(verdict "${RPS[c]}" "$(awk -v a="${RPS[a]}" 'BEGIN { print 0.3 * a }')") |"
echo "| (d)/(a) | $ratio_d | — | — |"
echo "| (d) refresh grants/s | ${RPS[d]} | ≥ 2000 | $(verdict "${RPS[d]}" 2000) |"
echo "| (e) password grants/s per core ($CORES cores) | $per_core | ≥ 15 | $(verdict "$per_core" 15) |"

if [[ "$KEEP_RESULTS" == 1 ]]; then
  cp "$WORK/server.log" "$RESULTS/server.log" 2>/dev/null || true
  log "raw wrk output in $RESULTS"
fi
