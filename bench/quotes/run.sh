#!/usr/bin/env bash
# Benchmark of a quote (billing issue, item 7): POST /billing/v1/quotes/{n_id} with 50 lines (or
# --lines), as requests/s against bare /healthz in the same run. A fresh database is migrated by
# the Release server; a benchmark user creates an organisation and, through operations 93 and 91,
# one product per line with one price each in one price list. The quote is checked (every line
# priced, the first and last line prices computed by hand), then wrk loads /healthz and the quote
# on loopback. Every quote is kept (one quote row, a row per line and an audit event per request),
# as in production. Prints a Markdown table.
#
#   bench/quotes/run.sh                    # SQLite
#   bench/quotes/run.sh --postgres-local   # the machine's PostgreSQL, a throwaway database
#
# Options (environment variables of the same name in capitals also work):
#   --lines 50           lines of the quote (and products priced)
#   --duration 10s       measured time per load           --warmup 5s    warm-up per load
#   --threads 2          wrk threads                      --connections 32
#   --skip-build         use the existing Release build   --results DIR  keep raw output in DIR
#   --wait-idle SECONDS  before each measured load, wait up to SECONDS for the machine to be idle
#   --extra-server-arg ARG     passed to the server (repeatable)
#
# Needs dotnet, curl and wrk (installed with apt-get if missing). Only 127.0.0.1 is loaded; every
# run is bounded. The data folder (and --postgres-local database) is removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HTTP="$ROOT/bench/http"

LINES="${LINES:-50}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-32}"
EXTRA_SERVER_ARGS=()
DB_ARGS=()
LOG_TAG=quotes
# shellcheck source=../http/lib.sh
source "$HTTP/lib.sh"
own_option() {
  case "$1" in
    --lines) LINES="$2"; TAKEN=2 ;;
    *) return 1 ;;
  esac
}
parse_options "$@"
(( LINES >= 1 && LINES <= 500 )) || { echo "--lines must be 1 to 500" >&2; exit 2; }

ensure_wrk
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
build_server
make_workspace quotes
setup_database
create_bench_user
start_server
TOKEN="$(password_token)"

post() { # PATH BODY_FILE -> the answer; fails on a status other than 200
  curl -fsS -X POST "$BASE$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "@$2"
}

# --- data: an organisation, 50 products, a price each (line i: unit price i.09 EUR, qty i % 7 + 1) --
echo '{"name":"Quote bench","email":"bench@example.test","address":[]}' >"$WORK/org.json"
ORG_ID="$(post /org/v1/organizations "$WORK/org.json" | json_field org_id)"
[[ -n "$ORG_ID" ]] || { echo "organisation not created" >&2; exit 1; }
rows() { # FORMAT: printf format with %d for the line number, joined into a JSON array
  local i sep=""
  printf '['
  for i in $(seq 1 "$LINES"); do printf '%s' "$sep"; printf "$1" "$i" "$i" "$(( i % 7 + 1 ))"; sep=,; done
  printf ']'
}
rows '{"id":"P%03d","manufacturer_id":"mb","type":"PD","metadata":{"n":%d}}%.0s' >"$WORK/products.json"
rows '{"price_list_id":"BENCH","id":"P%03d","manufacturer_id":"mb","currency":"EUR","credit_unit":%d.09}%.0s' >"$WORK/prices.json"
rows '{"price_list_id":"BENCH","id":"P%03d","qty":%.0s%d,"currency":"EUR","manafacturer_id":"mb"}' >"$WORK/quote.json"
for what in products prices; do
  answer="$(post "/billing/v1/$what?org_id=$ORG_ID" "$WORK/$what.json")"
  [[ "$answer" == "\"$LINES out of $LINES records inserted\"" ]] || { echo "$what: $answer" >&2; exit 1; }
done

# --- check: every line priced, the first (1.09 x 2) and the last computed by hand ------------------
amount() { # CENTS -> major units without trailing zeros, as the answer writes them
  local whole=$(( $1 / 100 )) cents=$(( $1 % 100 ))
  if (( cents == 0 )); then echo "$whole"; elif (( cents % 10 == 0 )); then echo "$whole.$(( cents / 10 ))"; else printf '%d.%02d\n' "$whole" "$cents"; fi
}
expect_line() { # N: line N is N.09 EUR x (N % 7 + 1)
  local qty=$(( $1 % 7 + 1 ))
  printf '"id":"P%03d","qty":%d,"currency":"EUR","manafacturer_id":"mb","unit_price":%s,"line_price":%s' \
    "$1" "$qty" "$(amount $(( $1 * 100 + 9 )))" "$(amount $(( ($1 * 100 + 9) * qty )))"
}
post "/billing/v1/quotes/$ORG_ID" "$WORK/quote.json" >"$WORK/answer.json"
lines="$(grep -o '"quote_line_id"' "$WORK/answer.json" | wc -l)"
[[ "$lines" == "$LINES" ]] || { echo "the quote answered $lines lines, not $LINES: $(head -c 300 "$WORK/answer.json")" >&2; exit 1; }
for n in 1 "$LINES"; do
  grep -qF "$(expect_line "$n")" "$WORK/answer.json" || { echo "line $n is not $(expect_line "$n"): $(head -c 600 "$WORK/answer.json")" >&2; exit 1; }
done
log "check: the quote answers $LINES lines with the hand-computed prices"

# --- loads ---------------------------------------------------------------------------------------
measure h "GET /healthz" "$CONNECTIONS" ../http/get.lua "$BASE/healthz"
measure q "POST quote, $LINES lines" "$CONNECTIONS" ../http/post.lua "$BASE/billing/v1/quotes/$ORG_ID" "$TOKEN" "$WORK/quote.json"

# --- report --------------------------------------------------------------------------------------
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ); $DATABASE_NAME; $CORES cores shared by the server, wrk and other work (load average before: ${LOADAVG[h]}); server $(git -C "$ROOT" log -1 --format=%h)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' + uncommitted changes'); wrk -t$THREADS -c$CONNECTIONS, $DURATION per load after $WARMUP warm-up.${EXTRA_SERVER_ARGS[*]:+ Server arguments: ${EXTRA_SERVER_ARGS[*]}.}"
echo
ratio_table_header
ratio_row h "GET /healthz"
ratio_row q "POST /billing/v1/quotes/{n_id}, $LINES lines (kept)"
[[ "$KEEP_RESULTS" == 1 ]] && log "raw output in $RESULTS"
exit 0
