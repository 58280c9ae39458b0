#!/usr/bin/env bash
# Benchmark of the permissioned graph (issue item 10): for each size, a fresh database is filled
# by bench/Raytio.Graph.Load (time and size on disk recorded), then the Release server is loaded
# with wrk on loopback: bare /healthz (the same-run baseline), GET one object (operation 40) as its
# owner and as a group member, read-by-label (38), the owner's GET on one connection (latency
# without queueing), a grant with cascade over 100 sub objects and its revoke (48 + 50, one pair at
# a time), and the owner's GET paced at half of its measured saturation (p95). Prints Markdown
# tables and the verdicts on the targets.
#
#   bench/graph/run.sh                                  # SQLite, 10k, 100k and 1M objects
#   bench/graph/run.sh --postgres-local --sizes "10000 100000"
#
# Options (environment variables of the same name in capitals also work):
#   --sizes "10000 100000 1000000"   objects per database     --seed 42   the loader's seed
#   --duration 10s        measured time per load            --warmup 10s  warm-up per load
#   --threads 2           wrk threads                       --connections 32  for the saturating loads
#   --paced-connections 16  connections of the paced load   --grants 200  measured grant+revoke pairs
#   --loads homlugp       which loads: h /healthz, o owner GET, m member GET, l read-by-label,
#                         u owner GET on one connection, g grant + revoke, p paced owner GET (needs o)
#   --skip-build          use the existing Release builds   --results DIR  keep raw output in DIR
#   --wait-idle SECONDS   before each measured load, wait up to SECONDS for the machine to be idle
#   --extra-server-arg ARG     passed to the server (repeatable)
#
# Needs dotnet, node, curl, wrk (installed with apt-get if missing) and sqlite3 or the local
# PostgreSQL's psql for the checks. Only 127.0.0.1 is loaded; every run is bounded. Each size's
# data folder (and --postgres-local database) is removed once measured, and everything on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HTTP="$ROOT/bench/http"

SIZES="${SIZES:-10000 100000 1000000}"
SEED="${SEED:-42}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
PACED_CONNECTIONS="${PACED_CONNECTIONS:-16}"
GRANTS="${GRANTS:-200}"
LOADS="${LOADS:-homlugp}"
EXTRA_SERVER_ARGS=()
DB_ARGS=()
LOG_TAG=graph
# shellcheck source=../http/lib.sh
source "$HTTP/lib.sh"
# measure() runs the Lua scripts of this folder (HERE); ../http/get.lua is the shared GET.

own_option() {
  case "$1" in
    --sizes) SIZES="$2"; TAKEN=2 ;;
    --seed) SEED="$2"; TAKEN=2 ;;
    --paced-connections) PACED_CONNECTIONS="$2"; TAKEN=2 ;;
    --grants) GRANTS="$2"; TAKEN=2 ;;
    --loads) LOADS="$2"; TAKEN=2 ;;
    *) return 1 ;;
  esac
}
parse_options "$@"
[[ -z "${POSTGRES:-}" ]] || { echo "use --postgres-local: each size needs a fresh database" >&2; exit 2; }
want() { [[ "$LOADS" == *"$1"* ]]; }
[[ "$LOADS" != *p* || "$LOADS" == *o* ]] || { echo "the paced load (p) needs the owner's GET (o)" >&2; exit 2; }

# --- tools and builds --------------------------------------------------------------------------
ensure_wrk
for tool in curl node; do command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }; done
build_server
LOADER="$ROOT/bench/Raytio.Graph.Load/bin/Release/net10.0/Raytio.Graph.Load.dll"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building Release: bench/Raytio.Graph.Load"
  (cd "$ROOT" && dotnet build -c Release bench/Raytio.Graph.Load -nologo -v q >&2)
fi
[[ -f "$LOADER" ]] || { echo "missing $LOADER (build failed?)" >&2; exit 1; }
make_workspace graph

# --- helpers -----------------------------------------------------------------------------------
stop_server() { # a server that has not exited 20 s after SIGTERM is killed (one once hung in shutdown after a load)
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

db_scalar() { # SQL -> the first column of the first row
  if [[ "$DATABASE_NAME" == SQLite ]]; then sqlite3 "$DATA/raytio.db" "$1"; else as_postgres psql -d "$PG_DATABASE" -Atc "$1"; fi
}

db_bytes() { # size of the database on disk
  if [[ "$DATABASE_NAME" == SQLite ]]; then
    local file total=0
    for file in "$DATA"/raytio.db "$DATA"/raytio.db-wal; do [[ ! -f "$file" ]] || total=$((total + $(stat -c %s "$file"))); done
    echo "$total"
  else
    db_scalar "SELECT pg_database_size(current_database())"
  fi
}

# Bytes on disk of each graph table with its indexes, and of users: "table=bytes ...".
table_bytes() {
  local tables="'graph_nodes', 'graph_labels', 'graph_relationships', 'users'"
  if [[ "$DATABASE_NAME" == SQLite ]]; then
    db_scalar "SELECT group_concat(t || '=' || b, ' ') FROM (SELECT m.tbl_name AS t, SUM(d.pgsize) AS b FROM dbstat d
      JOIN sqlite_master m ON m.name = d.name WHERE m.tbl_name IN ($tables) GROUP BY m.tbl_name ORDER BY m.tbl_name)"
  else
    db_scalar "SELECT string_agg(relname || '=' || pg_total_relation_size(oid), ' ' ORDER BY relname) FROM pg_class
      WHERE relname IN ($tables) AND relkind = 'r' AND relnamespace = 'public'::regnamespace"
  fi
}

# SQLite stores Guids as upper-case text; PostgreSQL reads either case.
guid_literal() { echo "'${1^^}'"; }

make_account() { # ROLE SIZE: a verified account, its email in EMAIL_OF[ROLE]
  EMAIL_OF[$1]="$1-$2-$$@graph.bench.test"
  ACCOUNT_PASSWORD[$1]="Bench-password-$1-$$"
  log "creating account ${EMAIL_OF[$1]}"
  dotnet "$DLL" create-user "${EMAIL_OF[$1]}" "${ACCOUNT_PASSWORD[$1]}" --Raytio:DataDirectory "$DATA" "${DB_ARGS[@]}" "${EXTRA_SERVER_ARGS[@]}" \
    >"$WORK/create-user.log" 2>&1 || { cat "$WORK/create-user.log" >&2; exit 1; }
}
token_of() { # ROLE
  USERNAME="${EMAIL_OF[$1]}" PASSWORD="${ACCOUNT_PASSWORD[$1]}" password_token
}

expect_status() { # STATUS LABEL curl-arguments...: the answer's body in $WORK/answer.json
  local want="$1" label="$2" got; shift 2
  got="$(curl -sS -o "$WORK/answer.json" -w '%{http_code}' "$@")"
  [[ "$got" == "$want" ]] || { echo "check '$label': expected $want, got $got: $(head -c 400 "$WORK/answer.json")" >&2; exit 1; }
  log "check: $label -> $got"
}

json_count() { # FIELD: length of the array FIELD of $WORK/answer.json
  node -e 'const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log((a[process.argv[2]] ?? []).length)' "$WORK/answer.json" "$1"
}

# Objects labelled LABEL on which the account EMAIL holds a permission itself, through a group or through PUBLIC.
visible_with_label() { # EMAIL LABEL
  db_scalar "SELECT COUNT(DISTINCT l.node_id) FROM graph_labels l JOIN graph_relationships r ON r.end_id = l.node_id
    WHERE l.label = '$2' AND r.type IN ('IS_OWNER', 'ADMINS', 'EDITS', 'VIEWS') AND r.start_id IN (
      SELECT n.id FROM graph_nodes n JOIN users u ON n.key = u.id WHERE u.email = '$1'
      UNION SELECT b.end_id FROM graph_relationships b JOIN graph_nodes n ON n.id = b.start_id JOIN users u ON n.key = u.id
        WHERE b.type = 'BELONGS_TO' AND u.email = '$1'
      UNION SELECT id FROM graph_nodes WHERE key = $(guid_literal 7075626c-6963-4000-8000-000000000000))"
}

declare -A EMAIL_OF ACCOUNT_PASSWORD TABLE_BYTES LOAD_SECONDS BYTES_BEFORE BYTES_AFTER SUMMARY LABEL_ROWS PACED_TARGET
summary_field() { sed -n "s/.*\\b$2=\\([^ ]*\\).*/\\1/p" <<<"${SUMMARY[$1]}"; }

# --- one size ----------------------------------------------------------------------------------
run_size() { # OBJECTS
  local size="$1"
  DATA="$WORK/data-$size"
  mkdir -p "$DATA"
  setup_database

  # The server migrates the database and adds the PUBLIC group and the starter schemas; the
  # accounts are made with create-user; the load runs with the server stopped.
  start_server "setup-$size"
  make_account owner "$size"; make_account member "$size"; make_account grantor "$size"
  stop_server
  BYTES_BEFORE[$size]="$(db_bytes)"
  local target=(--sqlite "$DATA/raytio.db")
  [[ "$DATABASE_NAME" == SQLite ]] || target=(--postgres "$POSTGRES")
  log "loading $size objects (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  local started=$EPOCHREALTIME
  dotnet "$LOADER" --objects "$size" "${target[@]}" --seed "$SEED" --out "$WORK/ids-$size" \
    --owner "${EMAIL_OF[owner]}" --member "${EMAIL_OF[member]}" --grantor "${EMAIL_OF[grantor]}" >"$WORK/load-$size.txt"
  LOAD_SECONDS[$size]="$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
  SUMMARY[$size]="$(cat "$WORK/load-$size.txt")"
  BYTES_AFTER[$size]="$(db_bytes)"
  TABLE_BYTES[$size]="$(table_bytes)"
  log "loaded in ${LOAD_SECONDS[$size]} s: ${SUMMARY[$size]}"
  log "database: ${BYTES_BEFORE[$size]} -> ${BYTES_AFTER[$size]} bytes (${TABLE_BYTES[$size]})"

  start_server "$size"
  local owner member grantor ids="$WORK/ids-$size" root member_u_id
  owner="$(token_of owner)"; member="$(token_of member)"; grantor="$(token_of grantor)"
  root="$(summary_field "$size" cascade_root)"; member_u_id="$(summary_field "$size" member_u_id)"
  printf '{"profile_objects":[{"label":"Contact"}]}' >"$WORK/read-label.json"

  # --- checks: the loads measure what they claim (when the graph's endpoints are measured) ---
  if [[ "$LOADS" == *[omlup]* ]]; then check_reads "$size" "$owner" "$member" "$grantor"; fi
  if want g; then check_grant "$grantor" "$root" "$member_u_id"; fi

  # --- loads ---
  want h && measure "$size-h" "$size: GET /healthz" "$CONNECTIONS" ../http/get.lua "$BASE/healthz"
  want o && measure "$size-o" "$size: GET object as owner" "$CONNECTIONS" ids.lua "$BASE" "$owner" "$ids/owner-objects.txt"
  want m && measure "$size-m" "$size: GET object as group member" "$CONNECTIONS" ids.lua "$BASE" "$member" "$ids/member-objects.txt"
  want l && measure "$size-l" "$size: read-by-label as owner" "$CONNECTIONS" ../http/post.lua "$BASE/db/v1/profile_objects/read" "$owner" "$WORK/read-label.json"
  want u && measure "$size-u" "$size: GET object as owner, one connection" 1 ids.lua "$BASE" "$owner" "$ids/owner-objects.txt"
  want g && measure_grants "$size" "$grantor" "$root" "$member_u_id"
  want p && measure_paced "$size" "$owner" "$ids/owner-objects.txt"

  stop_server
  drop_database
  rm -rf "$DATA"
}

# Fail unless each measured operation answers what the database says it should.
check_reads() { # SIZE OWNER_TOKEN MEMBER_TOKEN GRANTOR_TOKEN
  local size="$1" owner="$2" member="$3" grantor="$4" ids="$WORK/ids-$1"
  local own shared
  own="$(head -n 1 "$ids/owner-objects.txt")"; shared="$(tail -n 1 "$ids/member-objects.txt")"
  expect_status 200 "owner reads own object" "$BASE/db/v1/profile_objects/$own" -H "Authorization: Bearer $owner"
  grep -qi "$own" "$WORK/answer.json" || { echo "the owner's answer does not name $own" >&2; exit 1; }
  expect_status 200 "member reads object shared with the group" "$BASE/db/v1/profile_objects/$shared" -H "Authorization: Bearer $member"
  expect_status 404 "unrelated account reads the owner's object" "$BASE/db/v1/profile_objects/$own" -H "Authorization: Bearer $grantor"
  expect_status 200 "owner reads by label" -X POST "$BASE/db/v1/profile_objects/read" -H "Authorization: Bearer $owner" \
    -H 'Content-Type: application/json' --data-binary "@$WORK/read-label.json"
  LABEL_ROWS[$size]="$(json_count profile_objects)"
  local expected; expected="$(visible_with_label "${EMAIL_OF[owner]}" Contact)"
  [[ "${LABEL_ROWS[$size]}" == "$expected" ]] || { echo "read-by-label answered ${LABEL_ROWS[$size]} objects, the database says $expected" >&2; exit 1; }
  log "check: read-by-label answers $expected objects, as the database says"
}

check_grant() { # GRANTOR_TOKEN ROOT MEMBER_U_ID
  local grantor="$1" root="$2" member_u_id="$3"
  expect_status 200 "grant with cascade" -X POST "$BASE/db/v1/profile_objects/$root/permissions" -H "Authorization: Bearer $grantor" \
    -H 'Content-Type: application/json' --data "{\"u_id\":\"$member_u_id\",\"permission\":\"VIEWS\",\"cascade\":true}"
  local p_id made
  p_id="$(node -e 'const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const g = a.p_id ? a : (a.relationships ?? a.permissions ?? [a])[0]; console.log(g.p_id)' "$WORK/answer.json")"
  made="$(db_scalar "SELECT COUNT(*) FROM graph_relationships WHERE origin_id = $(guid_literal "$p_id")")"
  [[ "$made" == 101 ]] || { echo "the grant made $made relationships, not 101" >&2; exit 1; }
  expect_status 200 "revoke" -X DELETE "$BASE/db/v1/permissions/$p_id" -H "Authorization: Bearer $grantor"
  made="$(db_scalar "SELECT COUNT(*) FROM graph_relationships WHERE origin_id = $(guid_literal "$p_id")")"
  [[ "$made" == 0 ]] || { echo "the revoke left $made relationships" >&2; exit 1; }
  log "check: the grant made 101 VIEWS relationships, the revoke removed them"
}

# Grant + revoke pairs, one at a time (node grant.mjs), with the server's CPU per pair.
measure_grants() { # SIZE TOKEN N_ID U_ID
  local key="$1" s1 s2 line op
  log "$1: grant with cascade + revoke, 20 warm-up and $GRANTS measured pairs, one at a time"
  s1="$(server_ticks)"
  node "$HERE/grant.mjs" "$BASE" "$2" "$3" "$4" 20 "$GRANTS" >"$RESULTS/$key-grants.txt"
  s2="$(server_ticks)"
  for op in grant revoke; do
    line="$(grep "^RESULT op=$op " "$RESULTS/$key-grants.txt")"
    RPS[$key-$op]="$(sed -n 's/.* rps=\([^ ]*\).*/\1/p' <<<"$line")"
    P50[$key-$op]="$(sed -n 's/.* p50_ms=\([^ ]*\).*/\1/p' <<<"$line")"
    P99[$key-$op]="$(sed -n 's/.* p99_ms=\([^ ]*\).*/\1/p' <<<"$line")"
    log "  $line"
  done
  CPUMS[$key-pair]="$(awk -v d="$((s2 - s1))" -v hz="$CLK_TCK" -v n="$((GRANTS + 20))" 'BEGIN { printf "%.3f", 1000 * d / hz / n }')"
}

# The owner's GET at half of the rate measured for it with CONNECTIONS connections (load o).
# wrk2 is not available; each of PACED_CONNECTIONS connections waits a random, exponentially
# distributed time after each answer (ids.lua's MEAN_DELAY_MS), so the connections together send
# a Poisson-like stream. The mean wait is set from the target rate, then corrected once from a
# 5 s calibration run for the time the requests themselves take.
measure_paced() { # SIZE TOKEN IDS_FILE
  local key="$1-p" target mean achieved
  target="$(awk -v r="${RPS[$1-o]}" 'BEGIN { printf "%.1f", r / 2 }')"
  PACED_TARGET[$1]="$target"
  mean="$(awk -v c="$PACED_CONNECTIONS" -v r="$target" 'BEGIN { printf "%.3f", 1000 * c / r }')"
  run_wrk "$key-calibration" "$PACED_CONNECTIONS" 5s ids.lua "$BASE" "$2" "$3" "$mean"
  achieved="$(sed -n 's/^RESULT .* rps=\([^ ]*\).*/\1/p' "$RESULTS/$key-calibration.txt")"
  mean="$(awk -v c="$PACED_CONNECTIONS" -v r="$target" -v m="$mean" -v a="$achieved" \
    'BEGIN { busy = 1000 * c / a - m; m2 = 1000 * c / r - busy; printf "%.3f", (m2 > 0.1 ? m2 : 0.1) }')"
  log "$1: paced at $target requests/s: calibration gave $achieved/s, mean wait now $mean ms"
  measure "$key" "$1: GET object as owner, paced at $target/s" "$PACED_CONNECTIONS" ids.lua "$BASE" "$2" "$3" "$mean"
}

# --- run ---------------------------------------------------------------------------------------
for size in $SIZES; do run_size "$size"; done

# --- report ------------------------------------------------------------------------------------
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
SMALLEST="${SIZES%% *}"; LARGEST="${SIZES##* }"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ); $DATABASE_NAME; $CORES cores shared by the server, wrk and other work; server $(git -C "$ROOT" log -1 --format=%h)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' + uncommitted changes'); wrk -t$THREADS -c$CONNECTIONS, $DURATION per load after $WARMUP warm-up; seed $SEED.${EXTRA_SERVER_ARGS[*]:+ Server arguments: ${EXTRA_SERVER_ARGS[*]}.}"
echo
echo "| objects | accounts | groups | memberships | relationships | mean properties bytes | load s, wall (loader's CPU s) | database MB before / after | MB per million objects |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for size in $SIZES; do
  printf '| %s | %s | %s | %s | %s | %s | %s (%s) | %s / %s | %s |\n' "$size" "$(summary_field "$size" accounts)" "$(summary_field "$size" groups)" \
    "$(summary_field "$size" memberships)" "$(summary_field "$size" relationships)" "$(summary_field "$size" mean_properties_bytes)" \
    "${LOAD_SECONDS[$size]:--}" "$(summary_field "$size" load_cpu_seconds)" "$(mb "${BYTES_BEFORE[$size]:--}")" "$(mb "${BYTES_AFTER[$size]:--}")" \
    "$(awk -v a="${BYTES_AFTER[$size]:--}" -v b="${BYTES_BEFORE[$size]:--}" -v n="$size" 'BEGIN { printf "%.0f", (a - b) / 1048576 / n * 1e6 }')"
done
echo
echo "Bytes per object, by table with its indexes (users: the accounts' rows):"
echo
echo "| objects | graph_nodes | graph_labels | graph_relationships | users | total |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for size in $SIZES; do
  awk -v n="$size" -v line="${TABLE_BYTES[$size]:-}" 'BEGIN {
    split(line, pairs, " "); for (i in pairs) { split(pairs[i], kv, "="); b[kv[1]] = kv[2]; total += kv[2] }
    printf "| %d | %.0f | %.0f | %.0f | %.0f | %.0f |\n", n, b["graph_nodes"] / n, b["graph_labels"] / n, b["graph_relationships"] / n, b["users"] / n, total / n }'
done
echo
echo "| objects | load | connections | requests/s | ÷ /healthz | ÷ /healthz, CPU basis | p50 ms | p95 ms | p99 ms | non-2xx | server CPU ms/request | other % |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
row() { # SIZE KEY LABEL CONNECTIONS [saturating]: the ratios to /healthz only for loads that saturate the server like it
  local k="$1-$2" ratio=- ratio_cpu=-
  want "$2" || return 0
  if [[ "${5:-}" == saturating ]]; then
    ratio="$(percent "${RPS[$k]}" "${RPS[$1-h]:--}")%"; ratio_cpu="$(percent "${CPUMS[$1-h]:--}" "${CPUMS[$k]}")%"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$3" "$4" "${RPS[$k]}" "$ratio" "$ratio_cpu" \
    "${P50[$k]}" "$(sed -n 's/^RESULT .* p95_ms=\([^ ]*\).*/\1/p' "$RESULTS/$k.txt")" "${P99[$k]}" "$(( NON2XX[$k] + ERRS[$k] ))" "${CPUMS[$k]}" "${OTHER[$k]}"
}
for size in $SIZES; do
  row "$size" h "GET /healthz" "$CONNECTIONS"
  row "$size" o "40 GET object, owner" "$CONNECTIONS" saturating
  row "$size" m "40 GET object, group member" "$CONNECTIONS" saturating
  row "$size" l "38 read-by-label, owner (${LABEL_ROWS[$size]:--} objects)" "$CONNECTIONS" saturating
  row "$size" u "40 GET object, owner, one connection" 1
  row "$size" p "40 GET object, owner, paced at ${PACED_TARGET[$size]:--}/s" "$PACED_CONNECTIONS"
  want g && for op in grant revoke; do
    printf '| %s | %s | 1 | %s | - | - | %s | %s | %s | 0 | %s per pair | - |\n' "$size" \
      "$([[ $op == grant ]] && echo "48 grant VIEWS with cascade (101 objects)" || echo "50 revoke it")" "${RPS[$size-$op]:--}" "${P50[$size-$op]:--}" \
      "$(sed -n "s/^RESULT op=$op .* p95_ms=\\([^ ]*\\).*/\\1/p" "$RESULTS/$size-grants.txt")" "${P99[$size-$op]:--}" "${CPUMS[$size-pair]:--}"
  done
done
echo
echo "Grant and revoke: $GRANTS pairs one after the other on one connection (node grant.mjs); requests/s = 1000 / mean latency."
echo "Paced: $PACED_CONNECTIONS connections, each waiting an exponentially distributed time after each answer (wrk delay()), mean set for half of the owner's GET rate with $CONNECTIONS connections."
echo
p95_of() { sed -n 's/^RESULT .* p95_ms=\([^ ]*\).*/\1/p' "$RESULTS/$1-p.txt"; }
echo "| target | value | limit | verdict |"
echo "| --- | ---: | ---: | --- |"
if want h && want o; then
  share="$(percent "${RPS[$LARGEST-o]:--}" "${RPS[$LARGEST-h]:--}")"
  share_cpu="$(percent "${CPUMS[$LARGEST-h]:--}" "${CPUMS[$LARGEST-o]:--}")"
  echo "| authorized single read (owner) ÷ /healthz requests/s at $LARGEST objects | $share% | ≥ 30% | $(verdict "$share" ">=" 30) |"
  echo "| the same on the CPU basis (server CPU per request of /healthz ÷ of the read) | $share_cpu% | ≥ 30% | $(verdict "$share_cpu" ">=" 30) |"
fi
if want o; then
  flat="$(quotient "${P50[$LARGEST-o]:--}" "${P50[$SMALLEST-o]:--}")"
  echo "| p50 of the owner's GET at $LARGEST ÷ at $SMALLEST objects, $CONNECTIONS connections | ${flat}x (${P50[$LARGEST-o]:--} / ${P50[$SMALLEST-o]:--} ms) | ≤ 1.5x | $(verdict "$flat" "<=" 1.5) |"
fi
if want u; then
  flat_one="$(quotient "${P50[$LARGEST-u]:--}" "${P50[$SMALLEST-u]:--}")"
  echo "| the same on one connection (no queueing) | ${flat_one}x (${P50[$LARGEST-u]:--} / ${P50[$SMALLEST-u]:--} ms) | ≤ 1.5x | $(verdict "$flat_one" "<=" 1.5) |"
fi
if want p; then
  for size in $SIZES; do
    echo "| p95 of the owner's GET at half of saturation, $size objects (achieved ${RPS[$size-p]:--}/s of ${PACED_TARGET[$size]:--}/s) | $(p95_of "$size") ms | < 5 ms | $(verdict "$(p95_of "$size")" "<=" 5) |"
  done
fi
[[ "$KEEP_RESULTS" == 1 ]] && log "raw output in $RESULTS"
exit 0
