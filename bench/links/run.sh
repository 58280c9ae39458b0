#!/usr/bin/env bash
# Benchmark of the short-link redirect (organisations issue, item 8): GET /l/{id} must reach at
# least 50% of bare /healthz requests/s in the same run, with 100,000 links stored. A fresh
# database is migrated by the Release server, filled by bench/Raytio.Links.Load (plain SQL bulk
# insert, server stopped), checked (sample redirects against the database), then loaded with wrk
# on loopback: /healthz, then /l/{id} of a random stored link. Prints Markdown tables and the verdict.
#
#   bench/links/run.sh                    # SQLite
#   bench/links/run.sh --postgres-local   # the machine's PostgreSQL, a throwaway database
#
# Options (environment variables of the same name in capitals also work):
#   --links 100000       links stored                     --seed 42      the loader's seed
#   --duration 10s       measured time per load           --warmup 5s    warm-up per load
#   --threads 2          wrk threads                      --connections 32
#   --skip-build         use the existing Release builds  --results DIR  keep raw output in DIR
#   --wait-idle SECONDS  before each measured load, wait up to SECONDS for the machine to be idle
#   --extra-server-arg ARG     passed to the server (repeatable)
#
# Needs dotnet, curl, wrk (installed with apt-get if missing) and sqlite3 or the local
# PostgreSQL's psql for the checks. Only 127.0.0.1 is loaded; every run is bounded. The data
# folder (and --postgres-local database) is removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HTTP="$ROOT/bench/http"

LINKS="${LINKS:-100000}"
SEED="${SEED:-42}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-32}"
EXTRA_SERVER_ARGS=()
DB_ARGS=()
LOG_TAG=links
# shellcheck source=../http/lib.sh
source "$HTTP/lib.sh"

own_option() {
  case "$1" in
    --links) LINKS="$2"; TAKEN=2 ;;
    --seed) SEED="$2"; TAKEN=2 ;;
    *) return 1 ;;
  esac
}
parse_options "$@"

# --- tools and builds --------------------------------------------------------------------------
ensure_wrk
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
build_server
LOADER="$ROOT/bench/Raytio.Links.Load/bin/Release/net10.0/Raytio.Links.Load.dll"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building Release: bench/Raytio.Links.Load"
  (cd "$ROOT" && dotnet build -c Release bench/Raytio.Links.Load -nologo -v q >&2)
fi
[[ -f "$LOADER" ]] || { echo "missing $LOADER (build failed?)" >&2; exit 1; }
make_workspace links
setup_database

stop_server() { # a server that has not exited 20 s after SIGTERM is killed
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

db_scalar() { # SQL -> the first column of the first row
  if [[ "$DATABASE_NAME" == SQLite ]]; then sqlite3 "$DATA/raytio.db" "$1"; else as_postgres psql -d "$PG_DATABASE" -Atc "$1"; fi
}

# --- data ----------------------------------------------------------------------------------------
# The server migrates the database; the links are inserted with the server stopped.
start_server setup
stop_server
target=(--sqlite "$DATA/raytio.db")
[[ "$DATABASE_NAME" == SQLite ]] || target=(--postgres "$POSTGRES")
log "loading $LINKS links (load average $(cut -d' ' -f1-3 /proc/loadavg))"
started=$EPOCHREALTIME
dotnet "$LOADER" --links "$LINKS" "${target[@]}" --seed "$SEED" --out "$WORK/ids.txt" >"$WORK/load.txt"
LOAD_SECONDS="$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
log "loaded in $LOAD_SECONDS s: $(cat "$WORK/load.txt")"
STORED="$(db_scalar "SELECT COUNT(*) FROM short_links")"
[[ "$STORED" == "$LINKS" ]] || { echo "short_links holds $STORED rows, not $LINKS" >&2; exit 1; }

start_server
# --- checks: sample ids redirect to their stored URL, an unknown id is 404 ------------------------
for id in $(head -n 1 "$WORK/ids.txt") $(tail -n 1 "$WORK/ids.txt") $(shuf -n 3 --random-source=<(yes) "$WORK/ids.txt"); do
  read -r status location < <(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}\n' "$BASE/l/$id")
  expected="$(db_scalar "SELECT url FROM short_links WHERE id = '$id'")"
  [[ "$status" == 302 && "$location" == "$expected" ]] || { echo "GET /l/$id answered $status to '$location', expected 302 to '$expected'" >&2; exit 1; }
done
status="$(curl -sS -o /dev/null -w '%{http_code}' "$BASE/l/zzzzzzzzzz")"
[[ "$status" == 404 ]] || { echo "an unknown id answered $status, not 404" >&2; exit 1; }
log "check: sample links answer 302 to their stored URL, an unknown one 404"

# --- loads ---------------------------------------------------------------------------------------
measure h "GET /healthz" "$CONNECTIONS" ../http/get.lua "$BASE/healthz"
measure l "GET /l/{id}, $LINKS links stored" "$CONNECTIONS" links.lua "$BASE" "$WORK/ids.txt"
stop_server

# --- report --------------------------------------------------------------------------------------
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ); $DATABASE_NAME; $LINKS links (loaded in $LOAD_SECONDS s); $CORES cores shared by the server, wrk and other work (load average before: ${LOADAVG[h]}); server $(git -C "$ROOT" log -1 --format=%h)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' + uncommitted changes'); wrk -t$THREADS -c$CONNECTIONS, $DURATION per load after $WARMUP warm-up.${EXTRA_SERVER_ARGS[*]:+ Server arguments: ${EXTRA_SERVER_ARGS[*]}.}"
echo
ratio_table_header
ratio_row h "GET /healthz"
ratio_row l "GET /l/{id} (302)"
echo
share="$(percent "${RPS[l]}" "${RPS[h]}")"
share_cpu="$(percent "${CPUMS[h]}" "${CPUMS[l]}")"
echo "| target | value | limit | verdict |"
echo "| --- | ---: | ---: | --- |"
echo "| GET /l/{id} ÷ /healthz requests/s, same run | $share% | ≥ 50% | $(verdict "$share" ">=" 50) |"
echo "| the same on the CPU basis (server CPU per request of /healthz ÷ of the redirect) | $share_cpu% | ≥ 50% | $(verdict "$share_cpu" ">=" 50) |"
[[ "$KEEP_RESULTS" == 1 ]] && log "raw output in $RESULTS"
exit 0
