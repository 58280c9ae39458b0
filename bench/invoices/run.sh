#!/usr/bin/env bash
# Benchmark of listing invoices (billing issue, item 7): GET /org/v1/organizations/{orgID}/invoices
# ?limit=100 for an organisation with 5 years (60 months) of monthly invoices, as requests/s
# against bare /healthz in the same run. A fresh database is migrated by the Release server; a
# benchmark user creates an organisation, makes pm_card_visa its default payment method and
# subscribes to Starter monthly NZ and the 100-credit bundle, so the embedded engine issues and pays
# the first invoice. The 59 months before it are then written straight into the database as the
# renewals would have made them: each a paid `subscription_cycle` invoice with the first invoice's
# two plan lines and three metered checks (NZD 1.50, 1.50, 12.34; tax 22, 22, 185), totals summed
# by hand. The listing is checked (60 invoices, no more, five lines on a seeded one), then wrk loads
# /healthz and the listing on loopback. Prints a Markdown table.
#
#   bench/invoices/run.sh                    # SQLite
#   bench/invoices/run.sh --postgres-local   # the machine's PostgreSQL, a throwaway database
#
# Options (environment variables of the same name in capitals also work):
#   --months 60          months of invoices (1 to 100: one page of 100 holds them all)
#   --duration 5s        measured time per load           --warmup 3s    warm-up per load
#   --threads 2          wrk threads                      --connections 16
#   --skip-build         use the existing Release build   --results DIR  keep raw output in DIR
#   --wait-idle SECONDS  before each measured load, wait up to SECONDS for the machine to be idle
#   --extra-server-arg ARG     passed to the server (repeatable)
#
# Needs dotnet, curl, wrk and sqlite3 (SQLite) or psql (PostgreSQL). Only 127.0.0.1 is loaded;
# every run is bounded. The data folder (and --postgres-local database) is removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HTTP="$ROOT/bench/http"

MONTHS="${MONTHS:-60}"
DURATION="${DURATION:-5s}"
WARMUP="${WARMUP:-3s}"
CONNECTIONS="${CONNECTIONS:-16}"
EXTRA_SERVER_ARGS=()
DB_ARGS=()
LOG_TAG=invoices
# shellcheck source=../http/lib.sh
source "$HTTP/lib.sh"
own_option() {
  case "$1" in
    --months) MONTHS="$2"; TAKEN=2 ;;
    *) return 1 ;;
  esac
}
parse_options "$@"
(( MONTHS >= 1 && MONTHS <= 100 )) || { echo "--months must be 1 to 100" >&2; exit 2; }
if [[ -n "${POSTGRES:-}" && "${POSTGRES_LOCAL:-0}" != 1 ]]; then
  echo "seeding needs psql on the local cluster: use --postgres-local" >&2; exit 2
fi

ensure_wrk
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
build_server
make_workspace invoices
setup_database
create_bench_user
start_server
TOKEN="$(password_token)"

send() { # METHOD PATH [BODY] -> the answer; fails on a status other than 200
  curl -fsS -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+--data "$3"}
}
sql() { # SQL -> rows, fields separated by |
  if [[ "$DATABASE_NAME" == SQLite ]]; then sqlite3 "$DATA/raytio.db" "$1"
  else as_postgres psql -d "$PG_DATABASE" -qAt -v ON_ERROR_STOP=1 -c "$1"; fi
}

# --- data: the first invoice through the engine ---------------------------------------------------
ORG_ID="$(send POST /org/v1/organizations '{"name":"Invoice bench","email":"bench@example.test","address":[]}' | json_field org_id)"
[[ -n "$ORG_ID" ]] || { echo "organisation not created" >&2; exit 1; }
ORG="/org/v1/organizations/$ORG_ID"
CARD="$(send POST "$ORG/payment_methods/pm_card_visa/attach" | grep -o '"id":"pm_[^"]*"' | head -n 1 | cut -d'"' -f4)"
[[ -n "$CARD" ]] || { echo "pm_card_visa not attached" >&2; exit 1; }
send PUT "$ORG" "{\"name\":\"Invoice bench\",\"email\":\"bench@example.test\",\"customer\":{\"invoice_settings\":{\"default_payment_method\":\"$CARD\"}}}" >/dev/null
send POST "$ORG/subscriptions" '{"items":[{"plan":"plan_StarterMonthlyNZ","quantity":1},{"plan":"plan_CreditBundle100NZ","quantity":1}]}' >"$WORK/subscription.json"
grep -q '"status":"active"' "$WORK/subscription.json" || { echo "subscription not active: $(head -c 300 "$WORK/subscription.json")" >&2; exit 1; }
FIRST="$(grep -o '"latest_invoice":"in_[^"]*"' "$WORK/subscription.json" | cut -d'"' -f4)"
read -r CREATED < <(sql "SELECT created FROM billing_invoices WHERE id = '$FIRST'")
BASE_DATE="$(date -u -d "@$CREATED" '+%Y-%m-%d %H:%M:%S')"

# --- data: the months before, as renewals make them ---------------------------------------------
# Plan lines 4900 + 10000 (tax 735 + 1500); checks 150 + 150 + 1234 (tax 22 + 22 + 185).
{
  echo "BEGIN;"
  for k in $(seq 1 $(( MONTHS - 1 ))); do
    start="$(date -u -d "$BASE_DATE $k months ago" +%s)"
    end="$(date -u -d "$BASE_DATE $(( k - 1 )) months ago" +%s)"
    id="in_bench$(printf %03d "$k")"
    echo "INSERT INTO billing_invoices (id, customer_id, subscription_id, number, status, billing_reason, currency, subtotal, tax, total,
      starting_balance, ending_balance, amount_due, amount_paid, attempt_count, charge_id, payment_method_id, tax_rate_id, period_start, period_end, created, paid_at)
      SELECT '$id', customer_id, subscription_id, 'BENCH-$(printf %04d "$k")', 'paid', 'subscription_cycle', currency, 16434, 2464, 18898,
      0, 0, 18898, 18898, 1, 'ch_bench$k', payment_method_id, tax_rate_id, $start, $end, $start, $start FROM billing_invoices WHERE id = '$FIRST';"
    echo "INSERT INTO billing_invoice_lines (id, customer_id, invoice_id, subscription_id, subscription_item_id, plan_id, quantity, amount, tax_amount,
      currency, description, proration, period_start, period_end, created)
      SELECT id || '_$k', customer_id, '$id', subscription_id, subscription_item_id, plan_id, quantity, amount, tax_amount, currency, description, proration,
      $start, $end, $start FROM billing_invoice_lines WHERE invoice_id = '$FIRST';"
    for check in "a 150 22 1.5" "b 150 22 1.5" "c 1234 185 12.345"; do
      read -r ref amount tax credits <<<"$check"
      echo "INSERT INTO billing_invoice_lines (id, customer_id, invoice_id, subscription_id, subscription_item_id, plan_id, quantity, amount, tax_amount,
        currency, description, proration, period_start, period_end, created)
        SELECT 'ii_bench${k}$ref', customer_id, '$id', subscription_id, NULL, NULL, 1, $amount, $tax, currency,
        'nzbn_search (request-$k$ref): $credits credits', false, $(( start + 86400 )), $(( start + 86400 )), $(( start + 86400 ))
        FROM billing_invoices WHERE id = '$FIRST';"
    done
  done
  echo "COMMIT;"
} >"$WORK/seed.sql"
if [[ "$DATABASE_NAME" == SQLite ]]; then sqlite3 "$DATA/raytio.db" <"$WORK/seed.sql"
else as_postgres psql -d "$PG_DATABASE" -q -v ON_ERROR_STOP=1 <"$WORK/seed.sql" >/dev/null; fi

# --- check: one page holds every month, newest first by creation order ------------------------
LIST="$ORG/invoices?limit=100"
send GET "$LIST" >"$WORK/list.json"
invoices="$(grep -o '"object":"invoice"' "$WORK/list.json" | wc -l)"
[[ "$invoices" == "$MONTHS" ]] || { echo "the list answered $invoices invoices, not $MONTHS" >&2; exit 1; }
grep -q '"has_more":false' "$WORK/list.json" || { echo "the list says it has more" >&2; exit 1; }
if (( MONTHS > 1 )); then
  send GET "$ORG/invoices/in_bench001" >"$WORK/seeded.json"
  lines="$(grep -o '"object":"line_item"' "$WORK/seeded.json" | wc -l)"
  [[ "$lines" == 5 ]] || { echo "a seeded invoice has $lines lines, not 5" >&2; exit 1; }
  grep -q '"total":18898' "$WORK/seeded.json" || { echo "a seeded invoice's total is not 18898" >&2; exit 1; }
fi
log "check: one page of $MONTHS invoices ($(wc -c <"$WORK/list.json") bytes), five lines on a seeded one"

# --- loads ---------------------------------------------------------------------------------------
measure h "GET /healthz" "$CONNECTIONS" ../http/get.lua "$BASE/healthz"
measure i "GET invoices, limit=100 ($MONTHS)" "$CONNECTIONS" ../http/get.lua "$BASE$LIST" "$TOKEN"

# --- report --------------------------------------------------------------------------------------
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ); $DATABASE_NAME; $CORES cores shared by the server, wrk and other work (load average before: ${LOADAVG[h]}); server $(git -C "$ROOT" log -1 --format=%h)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' + uncommitted changes'); wrk -t$THREADS -c$CONNECTIONS, $DURATION per load after $WARMUP warm-up; answer $(wc -c <"$WORK/list.json") bytes.${EXTRA_SERVER_ARGS[*]:+ Server arguments: ${EXTRA_SERVER_ARGS[*]}.}"
echo
ratio_table_header
ratio_row h "GET /healthz"
ratio_row i "GET /org/v1/organizations/{orgID}/invoices?limit=100, $MONTHS monthly invoices of 2-5 lines"
[[ "$KEEP_RESULTS" == 1 ]] && log "raw output in $RESULTS"
exit 0
