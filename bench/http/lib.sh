# Shared by the HTTP benchmarks (run.sh, verify105.sh): tools, build, scratch space, a server on
# a free loopback port and a benchmark user. Source it after setting LOG_TAG, ROOT and the
# arrays DB_ARGS and EXTRA_SERVER_ARGS (both may be empty).

log() { echo "[$LOG_TAG] $*" >&2; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

ensure_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk"
    as_root apt-get update -qq
    as_root apt-get install -y -qq wrk >/dev/null
  fi
}

# Sets DLL; builds Release unless SKIP_BUILD=1.
build_server() {
  DLL="$ROOT/src/Raytio.Server/bin/Release/net10.0/Raytio.Server.dll"
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building Release"
    (cd "$ROOT" && dotnet build -c Release src/Raytio.Server -nologo -v q >&2)
  fi
  [[ -f "$DLL" ]] || { echo "missing $DLL (build failed?)" >&2; exit 1; }
}

# Sets WORK, DATA and RESULTS (kept only when the caller named it) for a run called $1.
make_workspace() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/raytio-$1.XXXXXX")"
  DATA="$WORK/data"
  mkdir -p "$DATA"
  if [[ -z "${RESULTS:-}" ]]; then RESULTS="$WORK/results"; KEEP_RESULTS=0; else KEEP_RESULTS=1; fi
  mkdir -p "$RESULTS"
  SERVER_PID=""
}

# For the caller's EXIT trap: stops the server, shows its log on failure, removes WORK.
stop_server_and_clean() {
  local status=$1
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ $status -ne 0 && -f "$WORK/server.log" ]]; then
    log "server log (last lines):"; tail -n 30 "$WORK/server.log" >&2 || true
  fi
  if [[ "$KEEP_RESULTS" == 1 && -f "$WORK/server.log" ]]; then cp "$WORK/server.log" "$RESULTS/" || true; fi
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

# Sets PORT, BASE and SERVER_PID, and waits until /readyz answers. Call it directly (not in $(...)).
start_server() {
  PORT="$(free_port)"
  BASE="http://127.0.0.1:$PORT"
  log "starting server on $BASE"
  dotnet "$DLL" --urls "$BASE" --Raytio:DataDirectory "$DATA" "${DB_ARGS[@]}" "${EXTRA_SERVER_ARGS[@]}" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$BASE/readyz" >/dev/null 2>&1; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited" >&2; exit 1; }
    sleep 0.5
  done
  echo "server not ready" >&2; exit 1
}

login_body() { echo "{\"grant_type\":\"password\",\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}"; }

# Prints an identity_token of the benchmark user.
password_token() {
  local token
  token="$(curl -fsS -X POST "$BASE/oauth/v1/token" -H 'Content-Type: application/json' --data "$(login_body)" | json_field identity_token)"
  [[ -n "$token" ]] || { echo "password grant failed" >&2; exit 1; }
  echo "$token"
}
