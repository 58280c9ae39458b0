#!/usr/bin/env bash
# Timing gap of account enumeration (issue 7): signup for a new address against signup for an
# address that already has an account, and password reset for an existing against an unknown
# address. The test suite proves the work is the same (hashes, writes, emails); this measures
# what is left of the time difference. Requests are sent one at a time, the paths interleaved, so
# machine noise falls on both alike; the report gives medians and the gap between them.
#
#   bench/http/enumeration.sh [--rounds 200] [--skip-build] [--postgres "Host=..."]
#
# Only 127.0.0.1 is loaded; the server is stopped and its fresh data folder removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${ROUNDS:-200}"
SKIP_BUILD="${SKIP_BUILD:-0}"
POSTGRES="${POSTGRES:-}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --postgres) POSTGRES="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

LOG_TAG=enumeration
DB_ARGS=()
[[ -z "$POSTGRES" ]] || DB_ARGS=(--ConnectionStrings:Postgres "$POSTGRES")
# The email limits would answer 429 long before the rounds are done; they are not what is measured.
EXTRA_SERVER_ARGS=(--Raytio:Throttle:EmailsPerAccount 1000000 --Raytio:Throttle:EmailsPerClient 1000000 --Logging:LogLevel:Default Warning)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
build_server
make_workspace enumeration
create_bench_user
start_server

post_ms() { # PATH BODY: prints the request's total time in ms, fails unless it answered 200
  local out
  out="$(curl -sS -o /dev/null -w '%{http_code} %{time_total}' -X POST "$BASE$1" -H 'Content-Type: application/json' --data "$2")"
  [[ "${out%% *}" == 200 ]] || { echo "POST $1 answered ${out%% *}" >&2; exit 1; }
  awk -v t="${out#* }" 'BEGIN { printf "%.3f\n", t * 1000 }'
}
signup() { echo "{\"username\":\"$1\",\"password\":\"a long passphrase $RANDOM\"}"; }
reset() { echo "{\"username\":\"$1\"}"; }

log "warming up"
for i in $(seq 1 20); do
  post_ms /oauth/v1/signup "$(signup "warm-$i-$$@example.test")" >/dev/null
  post_ms /oauth/v1/password-reset "$(reset "$USERNAME")" >/dev/null
done

log "$ROUNDS rounds of each path, interleaved"
: >"$WORK/signup-new"; : >"$WORK/signup-existing"; : >"$WORK/reset-existing"; : >"$WORK/reset-unknown"
for i in $(seq 1 "$ROUNDS"); do
  post_ms /oauth/v1/signup "$(signup "new-$i-$$@example.test")" >>"$WORK/signup-new"
  post_ms /oauth/v1/signup "$(signup "$USERNAME")" >>"$WORK/signup-existing"
  post_ms /oauth/v1/password-reset "$(reset "$USERNAME")" >>"$WORK/reset-existing"
  post_ms /oauth/v1/password-reset "$(reset "unknown-$i-$$@example.test")" >>"$WORK/reset-unknown"
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
p90() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int(NR * 0.9 + 0.5)] }'; }
row() { # LABEL FILE_A FILE_B
  local ma mb
  ma="$(median "$2")"; mb="$(median "$3")"
  printf '| %s | %.2f | %.2f | %.2f | %.2f | %s |\n' "$1" "$ma" "$(p90 "$2")" "$mb" "$(p90 "$3")" \
    "$(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%+.3f ms (%+.1f%%)", a - b, (b > 0 ? 100 * (a - b) / b : 0) }')"
}
echo
echo "Database: ${POSTGRES:+PostgreSQL}${POSTGRES:-SQLite}; $ROUNDS sequential requests per path, interleaved; times in ms (curl time_total)."
echo
echo "| paths (A vs B) | A median | A p90 | B median | B p90 | gap of medians (A - B) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
row "signup: new address (A) vs existing account (B)" "$WORK/signup-new" "$WORK/signup-existing"
row "reset: existing account (A) vs unknown address (B)" "$WORK/reset-existing" "$WORK/reset-unknown"
