#!/usr/bin/env bash
# Benchmarks the signing library against npm canonicalize and `openssl speed rsa4096` in one run and
# prints Markdown tables (see docs/benchmarks-signing.md). Usage: bench/signing.sh [seconds-per-measurement]
# Needs: .NET SDK, Node with tests/interop/node_modules installed (npm ci), openssl.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-5}"

if [ ! -d "$root/tests/interop/node_modules" ]; then
  echo "Run 'npm ci' in tests/interop first." >&2
  exit 1
fi

dotnet build -c Release --nologo -v quiet "$root/bench/Raytio.Signing.Bench" >&2
dotnet "$root/bench/Raytio.Signing.Bench/bin/Release/net10.0/Raytio.Signing.Bench.dll" "$root" "$seconds"
