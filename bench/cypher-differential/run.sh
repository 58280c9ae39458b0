#!/usr/bin/env bash
# The Cypher differential test (docs/CYPHER.md, "Differential test") at a larger scale than CI:
# operation 64 against Kuzu on more and bigger seeded graphs, on SQLite and, when a PostgreSQL
# server is given or can be started (scripts/start-postgres.sh), on PostgreSQL. Prints one line
# per engine: queries asked, graphs, time, differences.
#
#   bench/cypher-differential/run.sh                      # 20 graphs x 1,000 queries, 120 nodes, 300 relationships
#   GRAPHS=5 QUERIES=400 NODES=40 RELATIONSHIPS=80 bench/cypher-differential/run.sh   # the CI run
#   ENGINES=sqlite bench/cypher-differential/run.sh       # one engine only
#
# Needs dotnet and node (npm ci in tests/interop is run if node_modules is missing). Differences
# are listed in the test output kept under $RESULTS (default: a temporary folder, printed).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GRAPHS="${GRAPHS:-20}"
QUERIES="${QUERIES:-1000}"
NODES="${NODES:-120}"
RELATIONSHIPS="${RELATIONSHIPS:-300}"
ENGINES="${ENGINES:-sqlite postgres}"
POSTGRES="${RAYTIO_TEST_POSTGRES:-}"
RESULTS="${RESULTS:-$(mktemp -d)}"
mkdir -p "$RESULTS"

cd "$ROOT"
[ -d tests/interop/node_modules ] || (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
dotnet build tests/Raytio.Server.Tests -c Release -nologo -v quiet >"$RESULTS/build.txt" 2>&1 || { cat "$RESULTS/build.txt"; exit 1; }

export RAYTIO_DIFFERENTIAL_GRAPHS="$GRAPHS" RAYTIO_DIFFERENTIAL_QUERIES="$QUERIES"
export RAYTIO_DIFFERENTIAL_NODES="$NODES" RAYTIO_DIFFERENTIAL_RELATIONSHIPS="$RELATIONSHIPS"
status=0
for engine in $ENGINES; do
  if [ "$engine" = postgres ]; then
    if [ -z "$POSTGRES" ]; then
      POSTGRES=$(bash scripts/start-postgres.sh 2>/dev/null) || { echo "postgres: not available, skipped"; continue; }
    fi
    export RAYTIO_TEST_POSTGRES="$POSTGRES"
  else
    unset RAYTIO_TEST_POSTGRES
  fi
  log="$RESULTS/$engine.txt"
  start=$(date +%s)
  dotnet test tests/Raytio.Server.Tests -c Release --no-build --filter "FullyQualifiedName~ServerDifferentialTests" \
    --logger "console;verbosity=normal" >"$log" 2>&1 || status=1
  seconds=$(( $(date +%s) - start ))
  differences=$(grep -cE '^\s*graph [0-9]+, query [0-9]+:' "$log")
  failed=$(grep -cE '^\s+Failed Raytio' "$log")
  echo "$engine: $((GRAPHS * QUERIES)) queries on $GRAPHS graphs of $NODES nodes and $RELATIONSHIPS relationships in ${seconds} s: $differences differences shown (at most 20 per graph), $failed of $GRAPHS graphs failed"
done
echo "output: $RESULTS"
exit $status
