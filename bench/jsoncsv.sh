#!/usr/bin/env bash
# Benchmarks Raytio.JsonCsv against json-2-csv (Node) on generated inputs and prints a Markdown table.
# Usage: bench/jsoncsv.sh [sizes in MB, comma separated; default 10,200]
# Needs Node and `npm ci` in tests/interop.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Raytio.JsonCsv.Bench -v quiet -nologo >&2
dotnet bench/Raytio.JsonCsv.Bench/bin/Release/net10.0/Raytio.JsonCsv.Bench.dll "$@"
