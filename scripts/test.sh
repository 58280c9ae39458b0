#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what the tests need, builds once, runs every
# test on SQLite, starts PostgreSQL and runs the database-backed tests again on it, then prints
# one line "N passed, N failed[, N skipped]". Debian with the .NET SDK; needs root for apt-get.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

step() { printf '\n== %s ==\n' "$*"; }

# No test or script may write into the source tree (only build outputs and npm packages may
# appear): the state after the run is compared with the state before it.
tree_state() { git status --porcelain --ignored --untracked-files=all 2>/dev/null | grep -vE '(^|/)(bin|obj|node_modules)/' | sort; }
tree_before=$(tree_state)

step "Node packages for interoperability tests"
if ! command -v node >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 1; }

step "Tesseract OCR and fonts for document tests"
bash scripts/install-ocr.sh || { echo "0 passed, 1 failed"; exit 1; }

step "Build (Release, warnings are errors)"
dotnet tool restore >/dev/null
if ! dotnet build Raytio.slnx -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi

step "Formatting"
format_failed=0
if ! dotnet format Raytio.slnx --verify-no-changes --no-restore -v quiet; then
  echo "dotnet format found unformatted code (run: dotnet format Raytio.slnx)"
  format_failed=1
fi

step "All tests on SQLite"
dotnet test Raytio.slnx -c Release --no-build --logger "trx;LogFilePrefix=sqlite" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true

step "Database-backed tests on PostgreSQL"
if postgres=$(bash scripts/start-postgres.sh); then
  RAYTIO_TEST_POSTGRES="$postgres" dotnet test tests/Raytio.Server.Tests -c Release --no-build \
    --logger "trx;LogFilePrefix=postgres" --results-directory "$results"
else
  echo "PostgreSQL could not be started"
  format_failed=$((format_failed + 1))
fi

step "Source tree left clean"
leftovers=$(comm -13 <(echo "$tree_before") <(tree_state))
if [ -n "$leftovers" ]; then
  echo "The test run changed or left files in the source tree:"
  echo "$leftovers"
  format_failed=$((format_failed + 1))
fi

step "Summary"
passed=0; failed=$format_failed; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  # A skipped test counts in total but not in executed (notExecuted stays 0 for xunit skips).
  skipped=$((skipped + $(value total) - $(value executed)))
done
[ "$files" -gt 0 ] || failed=$((failed + 1))
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
