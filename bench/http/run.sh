#!/usr/bin/env bash
# HTTP benchmark of the server's foundation (issue 2): five loads with wrk on loopback against the
# Release build, then a Markdown table with the ratios and the issue's targets.
#
#   bench/http/run.sh                                  # SQLite in a fresh temporary data folder
#   bench/http/run.sh --postgres "Host=127.0.0.1;Port=5432;Database=raytio_bench;Username=...;Password=..."
#   bench/http/run.sh --postgres-local                 # start the machine's PostgreSQL, make a throwaway database
#
# Options (environment variables of the same name in capitals also work):
#   --duration 12s        measured time per load          --warmup 10s     warm-up per load (not counted)
#   --threads 2           wrk threads                     --connections 32 connections for loads a-d
#   --password-connections 4   connections for the password grant (CPU-bound: ~2 per core)
#   --skip-build          use the existing Release build  --results DIR    keep raw wrk output in DIR
#   --loads abcde         which loads to run (the table needs all five for the ratios)
#   --wait-idle SECONDS   before each measured load, wait up to SECONDS for the machine to be idle
#   --crypto-seconds 3    time per measurement of the raw-cryptography baseline
#   --extra-server-arg ARG     passed to the server (repeatable), e.g. --Logging:LogLevel:Raytio.Requests=Warning
#
# Before and after the loads it runs bench/Raytio.Crypto.Bench, the raw cryptography each grant
# must do (one Argon2id hash, RS256 signatures) measured as CPU time on this machine in this run,
# and sets the server's CPU per grant against it (issue 7's targets).
#
# Only 127.0.0.1 is loaded; every wrk run is bounded by --duration. The server is stopped and the
# data folder (and a --postgres-local database) removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

CONNECTIONS="${CONNECTIONS:-32}"
PASSWORD_CONNECTIONS="${PASSWORD_CONNECTIONS:-4}"
LOADS="${LOADS:-abcde}"
EXTRA_SERVER_ARGS=()
DB_ARGS=()
LOG_TAG=bench
# shellcheck source=lib.sh
source "$HERE/lib.sh"

own_option() {
  case "$1" in
    --password-connections) PASSWORD_CONNECTIONS="$2"; TAKEN=2 ;;
    --loads) LOADS="$2"; TAKEN=2 ;;
    *) return 1 ;;
  esac
}
parse_options "$@"

# --- tools -------------------------------------------------------------------------------------
ensure_wrk
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
build_server crypto

# --- scratch space, clean-up and database ------------------------------------------------------
make_workspace bench
setup_database

# --- user (before the server starts) and server on a free loopback port -------------------------
create_bench_user
start_server

# --- tokens ------------------------------------------------------------------------------------
IDENTITY_TOKEN="$(password_token)"

# Refresh-token pools: one password login per chain; a pool per wrk run (warm-up and measured)
# since the chains that are in flight when a run stops are gone.
REFRESH_POOL=$((CONNECTIONS + CONNECTIONS / 4 + 4))
log "making 2 x $REFRESH_POOL refresh-token chains (password logins)"
make_pool "$WORK/refresh-warmup.txt" "$REFRESH_POOL"
make_pool "$WORK/refresh-measure.txt" "$REFRESH_POOL"

# --- loads -------------------------------------------------------------------------------------
crypto_baseline before
want() { [[ "$LOADS" == *"$1"* ]]; }
want a && measure a "(a) GET /healthz" "$CONNECTIONS" get.lua "$BASE/healthz"
want b && measure b "(b) GET /readyz" "$CONNECTIONS" get.lua "$BASE/readyz"
want c && measure c "(c) GET /db/v1/preferences" "$CONNECTIONS" get.lua "$BASE/db/v1/preferences" "$IDENTITY_TOKEN"
want d && measure d "(d) POST /oauth/v1/token refresh_token" "$CONNECTIONS" refresh.lua "$BASE/oauth/v1/token" "@$WORK/refresh-warmup.txt|$WORK/refresh-measure.txt@" "$THREADS"
want e && measure e "(e) POST /oauth/v1/token password" "$PASSWORD_CONNECTIONS" password.lua "$BASE/oauth/v1/token" "$USERNAME" "$PASSWORD"

for key in a b c d e; do
  if ! want "$key"; then RPS[$key]=0; P50[$key]=-; P99[$key]=-; REQS[$key]=0; NON2XX[$key]=-; ERRS[$key]=-; NOTE[$key]="not run"; CPUMS[$key]=-; OTHER[$key]=-; fi
done
crypto_baseline after

# --- report ------------------------------------------------------------------------------------
ARGON2ID="$(raw_ms argon2id_hash)"
RS256="$(raw_ms rs256_sign)"
PASSWORD_RAW="$(awk -v a="$ARGON2ID" -v s="$RS256" 'BEGIN { printf "%.3f", a + 2 * s }')"
REFRESH_RAW="$(awk -v s="$RS256" 'BEGIN { printf "%.3f", 2 * s }')"
e_ratio="$(quotient "${CPUMS[e]}" "$PASSWORD_RAW")"
d_ratio="$(quotient "${CPUMS[d]}" "$REFRESH_RAW")"
e_per_core="$(want e && quotient "${RPS[e]}" "$CORES" 1 || echo -)"
e_per_core_cpu="$(quotient 1000 "${CPUMS[e]}" 1)"
c_share="$(want a && want c && percent "${RPS[c]}" "${RPS[a]}" || echo -)"
c_share_cpu="$(percent "${CPUMS[a]}" "${CPUMS[c]}")"

echo
echo "Database: $DATABASE_NAME; wrk -t$THREADS, $CONNECTIONS connections (password grant: $PASSWORD_CONNECTIONS); $DURATION per load after $WARMUP warm-up; $CORES cores shared by server and wrk.${EXTRA_SERVER_ARGS[*]:+ Server arguments: ${EXTRA_SERVER_ARGS[*]}.}"
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
echo "Raw cryptography, CPU ms per operation on one thread (before / after the loads): Argon2id hash $(raw_runs argon2id_hash), RS256 signature $(raw_runs rs256_sign)."
echo
echo "| measure | value | target | verdict |"
echo "| --- | ---: | ---: | --- |"
echo "| (e) password grant: server CPU per grant / raw (Argon2id hash + 2 RS256 signatures) | ${e_ratio}x (${CPUMS[e]} / $PASSWORD_RAW ms) | ≤ 1.1x | $(verdict "$e_ratio" "<=" 1.1) |"
echo "| (e) password grants/s per core, CPU basis (1000 / server CPU ms per grant) | $e_per_core_cpu | ≥ 15 | $(verdict "$e_per_core_cpu" ">=" 15) |"
echo "| (e) password grants/s per core, measured (requests/s / $CORES cores, wrk and other load on the same cores) | $e_per_core | ≥ 15 | $(verdict "$e_per_core" ">=" 15) |"
echo "| (d) refresh grant: server CPU per grant / raw (2 RS256 signatures) | ${d_ratio}x (${CPUMS[d]} / $REFRESH_RAW ms) | ≤ 1.5x | $(verdict "$d_ratio" "<=" 1.5) |"
echo "| (d) refresh grants/s | ${RPS[d]} | — | — |"
echo "| (c)/(a) requests/s | $c_share% | ≥ 30% | $(verdict "$c_share" ">=" 30) |"
echo "| (c)/(a) CPU basis: server CPU per request (a) / (c) | $c_share_cpu% (${CPUMS[a]} / ${CPUMS[c]} ms) | ≥ 30% | $(verdict "$c_share_cpu" ">=" 30) |"
echo

[[ "$KEEP_RESULTS" == 1 ]] && log "raw wrk output in $RESULTS"
exit 0
