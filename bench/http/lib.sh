# Shared by the HTTP benchmarks (run.sh, verify105.sh, enumeration.sh): options, tools, build,
# scratch space, the database, a server on a free loopback port, a benchmark user, measured wrk
# loads with the server's CPU per request, and the raw-cryptography baseline. Source it after
# setting LOG_TAG and ROOT; DB_ARGS and EXTRA_SERVER_ARGS are arrays (both may be empty).

log() { echo "[$LOG_TAG] $*" >&2; }

# Options every load script takes; the caller sets its defaults first (DURATION, WARMUP, THREADS,
# CONNECTIONS, ...) and may define own_option, which handles "$@" starting at an option of its
# own, sets TAKEN to the number of words it used, or returns 1 for an unknown option.
# (Environment variables of the same names also work.)
: "${DURATION:=12s}" "${WARMUP:=10s}" "${THREADS:=2}"
parse_options() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --duration) DURATION="$2"; shift 2 ;;
      --warmup) WARMUP="$2"; shift 2 ;;
      --threads) THREADS="$2"; shift 2 ;;
      --connections) CONNECTIONS="$2"; shift 2 ;;
      --skip-build) SKIP_BUILD=1; shift ;;
      --postgres) POSTGRES="$2"; shift 2 ;;
      --postgres-local) POSTGRES_LOCAL=1; shift ;;
      --results) RESULTS="$2"; shift 2 ;;
      --wait-idle) WAIT_IDLE="$2"; shift 2 ;;
      --crypto-seconds) CRYPTO_SECONDS="$2"; shift 2 ;;
      --extra-server-arg) EXTRA_SERVER_ARGS+=("$2"); shift 2 ;;
      -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
      *)
        if declare -F own_option >/dev/null && own_option "$@"; then shift "$TAKEN"
        else echo "unknown option: $1" >&2; exit 2; fi ;;
    esac
  done
}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

ensure_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk"
    as_root apt-get update -qq
    as_root apt-get install -y -qq wrk >/dev/null
  fi
}

# Sets DLL (and CRYPTO_DLL with `build_server crypto`); builds Release unless SKIP_BUILD=1.
build_server() {
  DLL="$ROOT/src/Raytio.Server/bin/Release/net10.0/Raytio.Server.dll"
  CRYPTO_DLL="$ROOT/bench/Raytio.Crypto.Bench/bin/Release/net10.0/Raytio.Crypto.Bench.dll"
  local projects=(src/Raytio.Server) dll
  [[ "${1:-}" != crypto ]] || projects+=(bench/Raytio.Crypto.Bench)
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building Release: ${projects[*]}"
    for dll in "${projects[@]}"; do (cd "$ROOT" && dotnet build -c Release "$dll" -nologo -v q >&2); done
  fi
  for dll in "$DLL" ${1:+"$CRYPTO_DLL"}; do
    [[ -f "$dll" ]] || { echo "missing $dll (build failed?)" >&2; exit 1; }
  done
}

# Sets WORK, DATA and RESULTS (kept only when the caller named it) for a run called $1, and the
# traps that clean up on exit.
make_workspace() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/raytio-$1.XXXXXX")"
  DATA="$WORK/data"
  mkdir -p "$DATA"
  if [[ -z "${RESULTS:-}" ]]; then RESULTS="$WORK/results"; KEEP_RESULTS=0; else KEEP_RESULTS=1; fi
  mkdir -p "$RESULTS"
  SERVER_PID=""
  SERVER_PIDS=()
  trap clean_up EXIT
  trap 'exit 130' INT TERM
}

# The EXIT trap: stops the server, drops a throwaway database, removes WORK.
clean_up() {
  local status=$?
  stop_server_and_clean $status
  drop_database
  exit $status
}

# Stops the server, shows its log on failure, removes WORK.
stop_server_and_clean() {
  local status=$1 pid log
  for pid in "${SERVER_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || continue
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  for log in "$WORK"/server*.log; do
    [[ -f "$log" ]] || continue
    if [[ $status -ne 0 ]]; then log "$(basename "$log") (last lines):"; tail -n 30 "$log" >&2 || true; fi
    if [[ "$KEEP_RESULTS" == 1 ]]; then cp "$log" "$RESULTS/" || true; fi
  done
  rm -rf "$WORK"
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

# Sets USERNAME and PASSWORD of a new verified user, unique per run so a reused database works.
create_bench_user() {
  local run_id
  run_id="$(date +%s)$$"
  USERNAME="bench-$run_id@example.test"
  PASSWORD="Bench-password-$run_id"
  log "creating user $USERNAME"
  dotnet "$DLL" create-user "$USERNAME" "$PASSWORD" --Raytio:DataDirectory "$DATA" "${DB_ARGS[@]}" "${EXTRA_SERVER_ARGS[@]}" \
    >"$WORK/create-user.log" 2>&1 || { cat "$WORK/create-user.log" >&2; exit 1; }
}

# Sets PORT, BASE and SERVER_PID, and waits until /readyz answers; its output goes to
# WORK/server.log (server-TAG.log with a TAG, for a second server). Call it directly (not in $(...)).
start_server() { # [TAG]
  PORT="$(free_port)"
  BASE="http://127.0.0.1:$PORT"
  log "starting server${1:+ $1} ($DLL) on $BASE"
  dotnet "$DLL" --urls "$BASE" --Raytio:DataDirectory "$DATA" "${DB_ARGS[@]}" "${EXTRA_SERVER_ARGS[@]}" >"$WORK/server${1:+-$1}.log" 2>&1 &
  SERVER_PID=$!
  SERVER_PIDS+=("$SERVER_PID")
  for _ in $(seq 1 120); do
    if curl -fsS "$BASE/readyz" >/dev/null 2>&1; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited" >&2; exit 1; }
    sleep 0.5
  done
  echo "server not ready" >&2; exit 1
}

login_body() { echo "{\"grant_type\":\"password\",\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}"; }

# Writes COUNT refresh tokens of the benchmark user to FILE, one password login each (each the
# head of its own chain, for refresh.lua).
make_pool() { # FILE COUNT
  local body made=0 round
  body="$(login_body)"
  : >"$1"
  for round in 1 2 3; do
    seq 1 $(($2 - made)) | BASE="$BASE" BODY="$body" xargs -P 4 -I{} sh -c \
      'curl -sS -X POST "$BASE/oauth/v1/token" -H "Content-Type: application/json" --data "$BODY"; echo' \
      >"$WORK/logins.txt" || true
    json_field refresh_token <"$WORK/logins.txt" >>"$1"
    if grep -v refresh_token "$WORK/logins.txt" | grep -q .; then
      log "  some password logins failed: $(grep -v refresh_token "$WORK/logins.txt" | grep . | sort | uniq -c | head -n 3)"
    fi
    made=$(grep -c . "$1" || true)
    (( made >= $2 )) && return 0
  done
  echo "made $made of $2 refresh tokens" >&2; exit 1
}

# Prints an identity_token of the benchmark user.
password_token() {
  local token
  token="$(curl -fsS -X POST "$BASE/oauth/v1/token" -H 'Content-Type: application/json' --data "$(login_body)" | json_field identity_token)"
  [[ -n "$token" ]] || { echo "password grant failed" >&2; exit 1; }
  echo "$token"
}

# --- database ----------------------------------------------------------------------------------
# POSTGRES (a connection string) or POSTGRES_LOCAL=1 (the machine's PostgreSQL, started if needed,
# with a throwaway database that drop_database removes); SQLite in the data folder otherwise.
# Sets DB_ARGS and DATABASE_NAME.
as_postgres() { if [[ $(id -u) -eq 0 ]]; then su postgres -c "$(printf '%q ' "$@")"; else sudo -u postgres "$@"; fi; }

setup_database() {
  PG_DATABASE=""
  if [[ "${POSTGRES_LOCAL:-0}" == 1 ]]; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
      log "installing postgresql"
      as_root apt-get update -qq
      as_root apt-get install -y -qq postgresql >/dev/null
    fi
    local version cluster port status
    read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
    if [[ "$status" != online ]]; then
      log "starting PostgreSQL $version/$cluster"
      as_root pg_ctlcluster "$version" "$cluster" start
    fi
    PG_DATABASE="raytio_bench_$$"
    local password="bench-$RANDOM$RANDOM"
    as_postgres psql -q -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'raytio_bench') THEN CREATE ROLE raytio_bench LOGIN; END IF;
END \$\$;
ALTER ROLE raytio_bench PASSWORD '$password';
CREATE DATABASE $PG_DATABASE OWNER raytio_bench;
SQL
    POSTGRES="Host=127.0.0.1;Port=$port;Database=$PG_DATABASE;Username=raytio_bench;Password=$password"
  fi
  if [[ -n "${POSTGRES:-}" ]]; then
    DB_ARGS=(--ConnectionStrings:Postgres "$POSTGRES")
    DATABASE_NAME="PostgreSQL"
  else
    DATABASE_NAME="SQLite"
  fi
  log "database: $DATABASE_NAME"
}

drop_database() {
  if [[ -n "${PG_DATABASE:-}" ]]; then
    as_postgres psql -q -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE);" >/dev/null 2>&1 || true
  fi
}

# --- measured loads ----------------------------------------------------------------------------
# The server and wrk share the machine's cores, so anything else running skews requests/s. Each
# measured run therefore also records CPU time: the server's (from /proc/PID/stat), wrk's (bash
# `time`) and the whole machine's (/proc/stat). "server CPU ms/request" hardly depends on other
# load and gives the capacity of a core; "other %" is the machine's busy time that was neither.
CLK_TCK="$(getconf CLK_TCK)"
CORES="$(nproc)"
declare -A RPS P50 P99 REQS NON2XX ERRS NOTE CPUMS OTHER LOADAVG
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

run_wrk() { # KEY CONNECTIONS DURATION SCRIPT URL [ARGS...]: output in RESULTS/KEY.txt, wrk's CPU in RESULTS/KEY.time
  local key="$1" connections="$2" duration="$3" script="$4" url="$5"; shift 5
  local threads=$THREADS
  if (( threads > connections )); then threads=$connections; fi
  local TIMEFORMAT='%U %S'
  { time wrk -t "$threads" -c "$connections" -d "$duration" --latency --timeout 10s \
      -s "$HERE/$script" "$url" -- "$@" >"$RESULTS/$key.txt" 2>&1; } 2>"$RESULTS/$key.time" || true
}

# A warm-up run, then a measured one; fills RPS, P50, P99, REQS, NON2XX, ERRS (socket errors),
# NOTE, CPUMS, OTHER and LOADAVG for KEY. ARGS may contain @WARMUP|MEASURED@, which becomes the
# first word in the warm-up run and the second in the measured one.
measure() { # KEY LABEL CONNECTIONS SCRIPT URL [ARGS...]
  local key="$1" label="$2" connections="$3" script="$4" url="$5"; shift 5
  local warm=() real=() a
  for a in "$@"; do
    if [[ "$a" =~ ^@(.*)\|(.*)@$ ]]; then warm+=("${BASH_REMATCH[1]}"); real+=("${BASH_REMATCH[2]}"); else warm+=("$a"); real+=("$a"); fi
  done
  LOADAVG[$key]="$(cut -d' ' -f1-3 /proc/loadavg)"
  log "$label: warm-up $WARMUP, then $DURATION with $connections connections (load average before: ${LOADAVG[$key]})"
  local s1 m1 i1 s2 m2 i2 line
  s1="$(server_ticks)"
  run_wrk "$key-warmup" "$connections" "$WARMUP" "$script" "$url" "${warm[@]}"
  s2="$(server_ticks)"
  log "  warm-up: $(sed -n 's/^RESULT requests=\([0-9]*\).*/\1/p' "$RESULTS/$key-warmup.txt" | awk -v d="$((s2 - s1))" -v hz="$CLK_TCK" \
    '{ printf "%d requests, server CPU ms/request %.3f", $1, ($1 > 0 ? 1000 * d / hz / $1 : 0) }')"
  sleep 1 # let the server finish requests that were in flight when the warm-up stopped
  wait_idle
  s1="$(server_ticks)"; read -r m1 i1 < <(machine_ticks)
  run_wrk "$key" "$connections" "$DURATION" "$script" "$url" "${real[@]}"
  s2="$(server_ticks)"; read -r m2 i2 < <(machine_ticks)
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

# --- raw cryptography baseline -----------------------------------------------------------------
# bench/Raytio.Crypto.Bench (needs `build_server crypto`): CPU ms of one Argon2id hash at the
# server's default cost, one RS256 signature and one RSA-4096 PSS verification, on one thread.
# Run it before and after the loads; raw_ms gives the mean of the runs.
crypto_baseline() { # TAG
  log "raw cryptography ($1; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet "$CRYPTO_DLL" "${CRYPTO_SECONDS:-3}" >"$RESULTS/crypto-$1.txt"
  log "  $(tr '\n' ' ' <"$RESULTS/crypto-$1.txt")"
}
raw_ms() { # NAME
  cat "$RESULTS"/crypto-*.txt | awk -v name="name=$1" '$2 == name { sub("cpu_ms=", "", $3); sum += $3; n++ }
    END { if (n == 0) exit 1; printf "%.4f", sum / n }'
}
raw_runs() { # NAME -> the runs' figures, e.g. "1.1520 / 1.1710"
  cat "$RESULTS"/crypto-*.txt | awk -v name="name=$1" '$2 == name { sub("cpu_ms=", "", $3); out = out (n++ ? " / " : "") $3 } END { print out }'
}

# Report helpers: A / B with DIGITS decimals (2), A / B in percent with one decimal, "-" when
# either is missing ("-") or B is 0; "met" when VALUE OP LIMIT holds (OP is <= or >=).
quotient() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (a == "-" || b == "-" || b + 0 <= 0) printf "-"; else printf "%.*f", d, a / b }'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 <= 0) printf "-"; else printf "%.1f", 100 * a / b }'; }
verdict() { awk -v x="$1" -v op="$2" -v t="$3" 'BEGIN { if (x == "-" || x == "") { print "-"; exit } ok = (op == "<=" ? x <= t : x >= t); print (ok ? "met" : "MISSED") }'; }

# The table of measured loads against /healthz (key h) in one run: header, then one row per key.
ratio_table_header() {
  echo "| load | requests/s | ÷ /healthz | ÷ /healthz, CPU basis | p50 ms | p99 ms | errors (status ≥ 400 or socket) | server CPU ms/request | other % |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
}
ratio_row() { # KEY LABEL
  local ratio=- ratio_cpu=-
  if [[ "$1" != h ]]; then ratio="$(percent "${RPS[$1]}" "${RPS[h]}")%"; ratio_cpu="$(percent "${CPUMS[h]}" "${CPUMS[$1]}")%"; fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "${RPS[$1]}" "$ratio" "$ratio_cpu" "${P50[$1]}" "${P99[$1]}" \
    "$(( NON2XX[$1] + ERRS[$1] ))" "${CPUMS[$1]}" "${OTHER[$1]}"
}
