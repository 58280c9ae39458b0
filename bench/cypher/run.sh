#!/usr/bin/env bash
# Benchmark of operation 64 (issue 11, item 6): 1-hop, 2-hop, filtered count and aggregation
# queries (bench/Raytio.Cypher.Bench/BenchQueries.cs) on a permissioned graph. For each size, a
# fresh database is migrated by the Release server, three accounts are made, and
# bench/Raytio.Graph.Load fills it (bulk inserts, server stopped) with a graph where the caller
# (the loader's member) owns --member-owns of the objects, holds direct VIEWS grants on about
# --member-granted more, sees ~50 trees through a group, and most objects belong to other users.
# bench/Raytio.Cypher.Bench then times, alternately on one connection in one process: operation
# 64 (CypherQueryService: principals, parse, compile, run, answer), its compiled SQL alone, the
# query written by hand in SQL with the same visibility filter, and two parts of operation 64
# alone (reading the caller's principals; parse + compile); and Kuzu (npm kuzu 0.11.3) on
# the caller's visible graph (loaded once, not timed). All answers must agree. Prints Markdown.
#
#   bench/cypher/run.sh                                   # SQLite, 10k, 100k and 1M objects
#   bench/cypher/run.sh --postgres-local --sizes 10000     # a quick run on the local PostgreSQL
#
# Options (environment variables of the same name in capitals also work):
#   --sizes "10000 100000 1000000"   objects per database     --seed 42   the loader's seed
#   --member-owns 0.05    the caller's own share of the objects
#   --member-granted 0.02 the share granted to the caller directly (VIEWS with cascade)
#   --seconds 3           minimum measured time per query and way   --min-rounds 5
#   --skip-build          use the existing Release builds   --results DIR  keep raw output in DIR
#
# Needs dotnet, node and tests/interop's npm packages (installed with npm ci when missing). Each
# size's data folder (and --postgres-local database) is removed once measured.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HTTP="$ROOT/bench/http"

SIZES="${SIZES:-10000 100000 1000000}"
SEED="${SEED:-42}"
MEMBER_OWNS="${MEMBER_OWNS:-0.05}"
MEMBER_GRANTED="${MEMBER_GRANTED:-0.02}"
SECONDS_PER_QUERY="${SECONDS_PER_QUERY:-3}"
MIN_ROUNDS="${MIN_ROUNDS:-5}"
EXTRA_SERVER_ARGS=()
DB_ARGS=()
LOG_TAG=cypher
# shellcheck source=../http/lib.sh
source "$HTTP/lib.sh"

own_option() {
  case "$1" in
    --sizes) SIZES="$2"; TAKEN=2 ;;
    --seed) SEED="$2"; TAKEN=2 ;;
    --member-owns) MEMBER_OWNS="$2"; TAKEN=2 ;;
    --member-granted) MEMBER_GRANTED="$2"; TAKEN=2 ;;
    --seconds) SECONDS_PER_QUERY="$2"; TAKEN=2 ;;
    --min-rounds) MIN_ROUNDS="$2"; TAKEN=2 ;;
    *) return 1 ;;
  esac
}
parse_options "$@"
[[ -z "${POSTGRES:-}" ]] || { echo "use --postgres-local: each size needs a fresh database" >&2; exit 2; }

# --- tools and builds --------------------------------------------------------------------------
for tool in node npm; do command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }; done
[[ -d "$ROOT/tests/interop/node_modules/kuzu" ]] || { log "installing tests/interop's npm packages"; (cd "$ROOT/tests/interop" && npm ci --no-audit --no-fund >&2); }
build_server
LOADER="$ROOT/bench/Raytio.Graph.Load/bin/Release/net10.0/Raytio.Graph.Load.dll"
BENCH="$ROOT/bench/Raytio.Cypher.Bench/bin/Release/net10.0/Raytio.Cypher.Bench.dll"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  for project in bench/Raytio.Graph.Load bench/Raytio.Cypher.Bench; do
    log "building Release: $project"
    (cd "$ROOT" && dotnet build -c Release "$project" -nologo -v q >&2)
  done
fi
for dll in "$LOADER" "$BENCH"; do [[ -f "$dll" ]] || { echo "missing $dll (build failed?)" >&2; exit 1; }; done
make_workspace cypher

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

make_account() { # ROLE SIZE -> EMAIL_OF[ROLE]
  EMAIL_OF[$1]="$1-$2-$$@cypher.bench.test"
  dotnet "$DLL" create-user "${EMAIL_OF[$1]}" "Bench-password-$1-$$" --Raytio:DataDirectory "$DATA" "${DB_ARGS[@]}" \
    >"$WORK/create-user.log" 2>&1 || { cat "$WORK/create-user.log" >&2; exit 1; }
}

declare -A EMAIL_OF SUMMARY LOAD_SECONDS
summary_field() { sed -n "s/.*\\b$2=\\([^ ]*\\).*/\\1/p" <<<"${SUMMARY[$1]}"; }

run_size() { # OBJECTS
  local size="$1"
  DATA="$WORK/data-$size"
  mkdir -p "$DATA"
  setup_database
  start_server "setup-$size"
  stop_server
  make_account owner "$size"; make_account member "$size"; make_account grantor "$size"
  local target=(--sqlite "$DATA/raytio.db")
  [[ "$DATABASE_NAME" == SQLite ]] || target=(--postgres "$POSTGRES")
  log "loading $size objects (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  local started=$EPOCHREALTIME
  dotnet "$LOADER" --objects "$size" "${target[@]}" --seed "$SEED" --out "$WORK/ids-$size" \
    --owner "${EMAIL_OF[owner]}" --member "${EMAIL_OF[member]}" --grantor "${EMAIL_OF[grantor]}" \
    --member-owns "$MEMBER_OWNS" --member-granted "$MEMBER_GRANTED" >"$WORK/load-$size.txt"
  LOAD_SECONDS[$size]="$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
  SUMMARY[$size]="$(cat "$WORK/load-$size.txt")"
  log "loaded in ${LOAD_SECONDS[$size]} s: ${SUMMARY[$size]}"

  log "$size: measuring (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  local postgres=()
  [[ "$DATABASE_NAME" == SQLite ]] || postgres=(--postgres "$POSTGRES")
  dotnet "$BENCH" --data "$DATA" "${postgres[@]}" --caller "$(summary_field "$size" member_u_id)" \
    --kuzu-dir "$RESULTS/kuzu-$size" --kuzu-script "$HERE/kuzu-bench.mjs" \
    --seconds "$SECONDS_PER_QUERY" --min-rounds "$MIN_ROUNDS" >"$RESULTS/bench-$size.txt"
  sed 's/^/  /' "$RESULTS/bench-$size.txt" >&2
  drop_database
  PG_DATABASE=""
  rm -rf "$DATA"
}

for size in $SIZES; do run_size "$size"; done

# --- report --------------------------------------------------------------------------------------
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2"; }
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ); $DATABASE_NAME; $CORES cores shared with other work (load average $(cut -d' ' -f1-3 /proc/loadavg)); server $(git -C "$ROOT" log -1 --format=%h)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' + uncommitted changes'); seed $SEED; caller owns $MEMBER_OWNS, granted $MEMBER_GRANTED; medians of at least $MIN_ROUNDS rounds and ${SECONDS_PER_QUERY} s per query and way."
echo
echo "| objects | caller sees | load s | query | rows | op 64 ms | compiled SQL ms | hand SQL ms | Kuzu ms | op 64 ÷ hand | compiled ÷ hand | Kuzu ÷ hand | ≤ 1.2x | rounds | principals / parse + compile ms |"
echo "| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |"
for size in $SIZES; do
  seen="$(sed -n 's/^KUZU .*objects=\([0-9]*\).*/\1/p' "$RESULTS/bench-$size.txt")"
  while read -r line; do
    op64="$(field op64_ms "$line")"; hand="$(field hand_ms "$line")"; compiled="$(field compiled_ms "$line")"; kz="$(field kuzu_ms "$line")"
    ratio="$(quotient "$op64" "$hand")"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %sx | %sx | %sx | %s | %s | %s / %s |\n' "$size" "$seen" "${LOAD_SECONDS[$size]}" \
      "$(field query "$line")" "$(field rows "$line")" "$op64" "$compiled" "$hand" "$kz" "$ratio" "$(quotient "$compiled" "$hand")" \
      "$(quotient "$kz" "$hand")" "$(verdict "$ratio" "<=" 1.2)$( [[ "$(field agree "$line")" == yes ]] || echo ', ANSWERS DIFFER')" "$(field rounds "$line")" \
      "$(field principals_ms "$line")" "$(field compile_ms "$line")"
  done < <(grep '^RESULT ' "$RESULTS/bench-$size.txt")
done
[[ "$KEEP_RESULTS" == 1 ]] && log "raw output in $RESULTS"
exit 0
