#!/usr/bin/env bash
# Before/after check of two builds in one run (issue 8: "the HTTP benchmark figures stay within
# noise"): loads (a)-(d) of run.sh against the server of another checkout (--base) and against
# this checkout's (or --head's), alternately, for several rounds, then per load the median requests/s and server
# CPU ms per request of each build and their ratio. Both servers run side by side, each with its
# own SQLite data folder, and only one is loaded at a time.
#
#   git worktree add --detach /tmp/raytio-base REV && (cd /tmp/raytio-base && dotnet build -c Release src/Raytio.Server)
#   bench/http/compare.sh --base /tmp/raytio-base
#
# Options (environment variables of the same name in capitals also work):
#   --base DIR          the other checkout, built in Release (required)
#   --head DIR          the checkout compared with it, built in Release (default: this one, built here)
#   --rounds 3          rounds; each runs every load on both builds, the order of the builds alternating
#   --duration 8s       measured time per load          --warmup 10s     warm-up per load in round 1
#   --rewarm 2s         warm-up per load in later rounds
#   --threads 2         wrk threads                     --connections 32 connections
#   --loads abcd        which loads to run
#   --skip-build        use the existing Release build of this checkout
#   --results DIR       keep raw wrk output in DIR       --wait-idle SECONDS  as in run.sh
#   --extra-server-arg ARG   passed to both servers (repeatable)
#
# Only 127.0.0.1 is loaded; every wrk run is bounded. Both servers are stopped and the data
# folders removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

DURATION="${DURATION:-8s}"
CONNECTIONS="${CONNECTIONS:-32}"
ROUNDS="${ROUNDS:-3}"
REWARM="${REWARM:-2s}"
LOADS="${LOADS:-abcd}"
BASE_ROOT="${BASE_ROOT:-}"
HEAD_ROOT="${HEAD_ROOT:-}"
EXTRA_SERVER_ARGS=()
DB_ARGS=()
LOG_TAG=compare
# shellcheck source=lib.sh
source "$HERE/lib.sh"

own_option() {
  case "$1" in
    --base) BASE_ROOT="$2"; TAKEN=2 ;;
    --head) HEAD_ROOT="$2"; TAKEN=2 ;;
    --rounds) ROUNDS="$2"; TAKEN=2 ;;
    --rewarm) REWARM="$2"; TAKEN=2 ;;
    --loads) LOADS="$2"; TAKEN=2 ;;
    *) return 1 ;;
  esac
}
parse_options "$@"
[[ -n "$BASE_ROOT" ]] || { echo "--base DIR is required" >&2; exit 2; }
FIRST_WARMUP="$WARMUP"
BASE_ROOT="$(cd "$BASE_ROOT" && pwd)"

ensure_wrk
if [[ -n "$HEAD_ROOT" ]]; then HEAD_ROOT="$(cd "$HEAD_ROOT" && pwd)"; else HEAD_ROOT="$ROOT"; build_server; fi
declare -A DLL_OF
for build in base head; do
  root_var="${build^^}_ROOT"
  DLL_OF[$build]="${!root_var}/src/Raytio.Server/bin/Release/net10.0/Raytio.Server.dll"
  [[ -f "${DLL_OF[$build]}" ]] || { echo "missing ${DLL_OF[$build]}: build it in Release first" >&2; exit 1; }
done
make_workspace compare
setup_database
[[ "$DATABASE_NAME" == SQLite ]] || { echo "compare.sh runs on SQLite only (the builds' schemas may differ)" >&2; exit 2; }

# --- both servers, each with its user, token and refresh-token pools ---------------------------
declare -A PID_OF URL_OF TOKEN_OF
REFRESH_POOL=$((CONNECTIONS + CONNECTIONS / 4 + 4))
for build in base head; do
  DLL="${DLL_OF[$build]}"
  DATA="$WORK/data-$build"
  mkdir -p "$DATA"
  create_bench_user
  start_server "$build"
  PID_OF[$build]="$SERVER_PID"; URL_OF[$build]="$BASE"; TOKEN_OF[$build]="$(password_token)"
  log "making $((2 * ROUNDS)) x $REFRESH_POOL refresh-token chains for $build"
  for round in $(seq 1 "$ROUNDS"); do
    make_pool "$WORK/pool-$build-$round-warmup.txt" "$REFRESH_POOL"
    make_pool "$WORK/pool-$build-$round-measure.txt" "$REFRESH_POOL"
  done
done

# --- rounds ------------------------------------------------------------------------------------
want() { [[ "$LOADS" == *"$1"* ]]; }
for round in $(seq 1 "$ROUNDS"); do
  order=(base head); (( round % 2 == 0 )) && order=(head base)
  WARMUP="$REWARM"; (( round > 1 )) || WARMUP="$FIRST_WARMUP"
  for load in a b c d; do
    want "$load" || continue
    for build in "${order[@]}"; do
      SERVER_PID="${PID_OF[$build]}"; BASE="${URL_OF[$build]}"; key="$load-$build-$round"
      case "$load" in
        a) measure "$key" "round $round $build (a) /healthz" "$CONNECTIONS" get.lua "$BASE/healthz" ;;
        b) measure "$key" "round $round $build (b) /readyz" "$CONNECTIONS" get.lua "$BASE/readyz" ;;
        c) measure "$key" "round $round $build (c) preferences" "$CONNECTIONS" get.lua "$BASE/db/v1/preferences" "${TOKEN_OF[$build]}" ;;
        d) measure "$key" "round $round $build (d) refresh grant" "$CONNECTIONS" refresh.lua "$BASE/oauth/v1/token" \
             "@$WORK/pool-$build-$round-warmup.txt|$WORK/pool-$build-$round-measure.txt@" "$THREADS" ;;
      esac
    done
  done
done

# --- report ------------------------------------------------------------------------------------
median() { # DIGITS, values on stdin
  tr ' ' '\n' | grep . | sort -g | awk -v d="$1" '{ v[NR] = $1 } END { if (NR == 0) print "-"; else printf "%.*f", d, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
values() { # ARRAY LOAD BUILD -> the rounds' values
  local -n of="$1"; local round out=""
  for round in $(seq 1 "$ROUNDS"); do out+="${of[$2-$3-$round]} "; done
  echo "$out"
}
echo
echo "Base: $(git -C "$BASE_ROOT" log --oneline -1 | cut -c1-60); head: $(git -C "$HEAD_ROOT" log --oneline -1 | cut -c1-60)$(git -C "$HEAD_ROOT" diff --quiet HEAD -- src || echo ' (+ uncommitted changes)'). SQLite; wrk -t$THREADS -c$CONNECTIONS; $ROUNDS rounds of $DURATION per load and build, alternating; medians."
echo
echo "| load | base requests/s | head requests/s | head/base | base CPU ms/request | head CPU ms/request | head/base | rounds (CPU ms, base ; head) | other % (head) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
for load in a b c d; do
  want "$load" || continue
  rb="$(values RPS "$load" base | median 1)"; rh="$(values RPS "$load" head | median 1)"
  cb="$(values CPUMS "$load" base | median 3)"; ch="$(values CPUMS "$load" head | median 3)"
  printf '| (%s) | %s | %s | %s | %s | %s | %s | %s; %s | %s |\n' "$load" "$rb" "$rh" "$(quotient "$rh" "$rb")" "$cb" "$ch" "$(quotient "$ch" "$cb")" \
    "$(values CPUMS "$load" base)" "$(values CPUMS "$load" head)" "$(values OTHER "$load" head)"
done
[[ "$KEEP_RESULTS" == 1 ]] && log "raw wrk output in $RESULTS"
exit 0
