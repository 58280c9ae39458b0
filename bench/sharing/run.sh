#!/usr/bin/env bash
# Benchmark of sharing (issue 12, item 8), as requests/s and p50/p99 against baselines measured in
# the same run:
#   - share 20 profile objects with 30 wrapped field keys (POST .../access_applications/{a_id}/instances)
#     against creating the same 20 profile objects (operation 34 with an array); target >= 50%;
#   - read one shared instance of one object as a recipient (operation 83) against reading the same
#     profile object as its owner (operation 40); target >= 50%; and the instance of 20 objects;
#   - list an application's 10,000 instances with a state and a start_date filter, 100 per page
#     (operation 73), against GET /healthz.
# Everything is made through the API: a person (the benchmark user) owns the objects and shares
# them with an application that a second user owns and reads as its recipient. The 10,000
# instances are single-object shares made by parallel curl before the loads.
#
#   bench/sharing/run.sh                    # SQLite
#   bench/sharing/run.sh --postgres-local   # the machine's PostgreSQL, a throwaway database
#
# Options (environment variables of the same name in capitals also work):
#   --instances 10000    instances listed                 --duration 5s  measured time per load
#   --warmup 3s          warm-up per load                 --threads 2    wrk threads
#   --connections 16     --skip-build   --results DIR     --wait-idle SECONDS
#   --extra-server-arg ARG     passed to the server (repeatable)
#
# Needs dotnet, curl, wrk, openssl and python3. Only 127.0.0.1 is loaded; every run is bounded. The data folder (and
# --postgres-local database) is removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HTTP="$ROOT/bench/http"

INSTANCES="${INSTANCES:-10000}"
DURATION="${DURATION:-5s}"
WARMUP="${WARMUP:-3s}"
CONNECTIONS="${CONNECTIONS:-16}"
EXTRA_SERVER_ARGS=()
DB_ARGS=()
LOG_TAG=sharing
# shellcheck source=../http/lib.sh
source "$HTTP/lib.sh"
own_option() {
  case "$1" in
    --instances) INSTANCES="$2"; TAKEN=2 ;;
    *) return 1 ;;
  esac
}
parse_options "$@"
(( INSTANCES >= 1 && INSTANCES <= 100000 )) || { echo "--instances must be 1 to 100000" >&2; exit 2; }

ensure_wrk
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
build_server
make_workspace sharing
setup_database
create_bench_user
RECIPIENT_USERNAME="$USERNAME"; RECIPIENT_PASSWORD="$PASSWORD"
sleep 1 # the user names carry the second
create_bench_user
start_server
PERSON="$(password_token)"
USERNAME="$RECIPIENT_USERNAME"; PASSWORD="$RECIPIENT_PASSWORD"
RECIPIENT="$(password_token)"

send() { # TOKEN METHOD PATH [BODY] -> the answer; fails on a status other than 200
  curl -fsS -X "$2" "$BASE$3" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' ${4:+--data "$4"}
}

# --- data ------------------------------------------------------------------------------------------
SCHEMA="ShareBench$(date +%s)"
send "$PERSON" POST /db/v1/schemas "{\"name\":\"$SCHEMA\",\"type\":\"us\",\"schema\":{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"},\"note\":{\"type\":\"string\"}}}}" >/dev/null
objects="[$(for i in $(seq 1 20); do printf '{"schema":"us_%s","properties":{"name":"Person %d","note":"note %d"}}\n' "$SCHEMA" "$i" "$i"; done | paste -sd,)]"
echo "$objects" >"$WORK/create20.json"
send "$PERSON" POST /db/v1/profile_objects "$objects" >"$WORK/created.json"
mapfile -t NIDS < <(grep -o '"n_id":"[^"]*"' "$WORK/created.json" | cut -d'"' -f4 | awk '!seen[$0]++')
(( ${#NIDS[@]} == 20 )) || { echo "created ${#NIDS[@]} objects, not 20: $(head -c 300 "$WORK/created.json")" >&2; exit 1; }

APP="$(send "$RECIPIENT" POST /share/v1/access_applications '{"name":"Share bench","scopes":["profile-oauth/read_profile"],"callback_uri":["https://example.com/callback"]}' | json_field a_id)"
[[ -n "$APP" ]] || { echo "application not created" >&2; exit 1; }
# Any well-formed RSA-OAEP public key: the server never uses it, it only stores and answers it.
N="$(openssl genrsa 2048 2>/dev/null | openssl rsa -noout -modulus 2>/dev/null | cut -d= -f2 | xxd -r -p | base64 -w0 | tr '+/' '-_' | tr -d '=')"
KEY="$(send "$RECIPIENT" POST "/share/v1/access_applications/$APP/public_key" "{\"key\":{\"kty\":\"RSA\",\"alg\":\"RSA-OAEP-256\",\"e\":\"AQAB\",\"n\":\"$N\",\"key_ops\":[\"wrapKey\"],\"ext\":true}}" | json_field n_id)"
[[ -n "$KEY" ]] || { echo "public key not added" >&2; exit 1; }
WRAPPED="$(head -c 256 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')" # the size of an RSA-2048 wrapped AES key

{
  printf '{"profile_objects":['
  for i in "${!NIDS[@]}"; do printf '%s"%s"' "$([[ $i -gt 0 ]] && echo ,)" "${NIDS[$i]}"; done
  printf '],"keys":['
  for i in $(seq 0 29); do
    field=name; (( i >= 20 )) && field=note
    printf '%s{"n_id":"%s","field_name":"%s","public_key_n_id":"%s","encrypted_key":"%s"}' "$([[ $i -gt 0 ]] && echo ,)" "${NIDS[$(( i % 20 ))]}" "$field" "$KEY" "$WRAPPED"
  done
  printf '],"reference":"bench"}'
} >"$WORK/share20.json"
printf '{"profile_objects":["%s"],"keys":[{"n_id":"%s","field_name":"name","public_key_n_id":"%s","encrypted_key":"%s"}],"reference":"seed"}' \
  "${NIDS[0]}" "${NIDS[0]}" "$KEY" "$WRAPPED" >"$WORK/share1.json"

SHARE="$BASE/share/v1/access_applications/$APP/instances"
INSTANCE="$(curl -fsS -X POST "$SHARE" -H "Authorization: Bearer $PERSON" -H 'Content-Type: application/json' --data @"$WORK/share20.json" | json_field i_id)"
[[ -n "$INSTANCE" ]] || { echo "the 20-object share failed" >&2; exit 1; }
log "seeding $(( INSTANCES - 1 )) more instances through the API"
seq 2 "$INSTANCES" | xargs -P 4 -n 50 sh -c 'for _ do curl -fsS -o /dev/null -X POST "$0" -H "Authorization: Bearer $1" -H "Content-Type: application/json" --data @"$2" || echo failed; done' \
  "$SHARE" "$PERSON" "$WORK/share1.json" >"$WORK/seed.txt"
! grep -q failed "$WORK/seed.txt" || { echo "$(grep -c failed "$WORK/seed.txt") seeding shares failed" >&2; exit 1; }
SMALL="$(curl -fsS -X POST "$SHARE" -H "Authorization: Bearer $PERSON" -H 'Content-Type: application/json' --data @"$WORK/share1.json" | json_field i_id)"

# --- checks ----------------------------------------------------------------------------------------
send "$RECIPIENT" GET "/share/v1/org/instances/$INSTANCE" >"$WORK/instance.json"
(( $(grep -o '"encrypted_key"' "$WORK/instance.json" | wc -l) == 30 )) || { echo "the instance does not answer 30 keys" >&2; exit 1; }
FILTER="state=Submitted&start_date=$(python3 -c 'import urllib.parse, sys; print(urllib.parse.quote(sys.argv[1]))' '{"date":"2000-01-01T00:00:00Z","op":"gte"}')&limit=100"
LIST="/share/v1/access_applications/$APP/instances?$FILTER"
send "$RECIPIENT" GET "$LIST" >"$WORK/list.json"
(( $(grep -o '"i_id"' "$WORK/list.json" | wc -l) == 100 || INSTANCES < 100 )) || { echo "the filtered list does not answer a page of 100" >&2; exit 1; }
send "$PERSON" GET "/db/v1/profile_objects/${NIDS[0]}" >/dev/null
log "check: an instance of 20 objects answers 30 keys; the filtered list of $INSTANCES instances answers pages of 100"

# --- loads -----------------------------------------------------------------------------------------
measure h "GET /healthz" "$CONNECTIONS" ../http/get.lua "$BASE/healthz"
measure c "POST 20 profile objects (34)" "$CONNECTIONS" ../http/post.lua "$BASE/db/v1/profile_objects" "$PERSON" "$WORK/create20.json"
measure s "POST share, 20 objects, 30 keys" "$CONNECTIONS" ../http/post.lua "$SHARE" "$PERSON" "$WORK/share20.json"
measure o "GET one profile object (40)" "$CONNECTIONS" ../http/get.lua "$BASE/db/v1/profile_objects/${NIDS[0]}" "$PERSON"
measure r "GET an instance of one object as recipient (83)" "$CONNECTIONS" ../http/get.lua "$BASE/share/v1/org/instances/$SMALL" "$RECIPIENT"
measure R "GET an instance of 20 objects as recipient (83)" "$CONNECTIONS" ../http/get.lua "$BASE/share/v1/org/instances/$INSTANCE" "$RECIPIENT"
measure l "GET instances, filtered, limit=100 (73)" "$CONNECTIONS" ../http/get.lua "$BASE$LIST" "$RECIPIENT"

# --- report ----------------------------------------------------------------------------------------
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ); $DATABASE_NAME; $CORES cores shared by the server, wrk and other work (load average before: ${LOADAVG[h]}); server $(git -C "$ROOT" log -1 --format=%h)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' + uncommitted changes'); wrk -t$THREADS -c$CONNECTIONS, $DURATION per load after $WARMUP warm-up; $INSTANCES instances.${EXTRA_SERVER_ARGS[*]:+ Server arguments: ${EXTRA_SERVER_ARGS[*]}.}"
echo
ratio_table_header
ratio_row h "GET /healthz"
ratio_row c "POST /db/v1/profile_objects, 20 objects (34)"
ratio_row s "POST .../instances, 20 objects and 30 keys"
ratio_row o "GET /db/v1/profile_objects/{n_id} as owner (40)"
ratio_row r "GET /share/v1/org/instances/{i_id} as recipient, 1 object and 1 key (83)"
ratio_row R "GET /share/v1/org/instances/{i_id} as recipient, 20 objects and 30 keys (83)"
ratio_row l "GET .../access_applications/{a_id}/instances, state + start_date filter, limit=100, $INSTANCES instances (73)"
echo
share_ratio="$(percent "${RPS[s]}" "${RPS[c]}")"
read_ratio="$(percent "${RPS[r]}" "${RPS[o]}")"
echo "| target | ratio | verdict |"
echo "| --- | ---: | --- |"
echo "| share 20 objects ÷ create 20 objects ≥ 50% | $share_ratio% | $(verdict "$share_ratio" '>=' 50) |"
echo "| read an instance of that object (83) ÷ read the object (40) ≥ 50% | $read_ratio% | $(verdict "$read_ratio" '>=' 50) |"
[[ "$KEEP_RESULTS" == 1 ]] && log "raw output in $RESULTS"
exit 0
