#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL server for the test suite, and prints the
# connection string the tests read from RAYTIO_TEST_POSTGRES. Debian only; needs root.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p 5432

password=raytio-test
su postgres -c "psql -q -c \"ALTER USER postgres WITH PASSWORD '$password';\"" >&2
echo "Host=127.0.0.1;Port=5432;Username=postgres;Password=$password;Include Error Detail=true"
