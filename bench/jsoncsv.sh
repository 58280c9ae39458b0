#!/usr/bin/env bash
# Benchmarks Raytio.JsonCsv against json-2-csv (Node) on generated inputs and prints a Markdown table.
# Usage: bench/jsoncsv.sh [sizes in MB, comma separated; default 10,200] [Node timeout s; default 600] [runs; default 5]
# Each side converts `runs` times in one process; the fastest run after the first counts (both warmed up).
# Needs Node and `npm ci` in tests/interop.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Raytio.JsonCsv.Bench -v quiet -nologo >&2
dotnet bench/Raytio.JsonCsv.Bench/bin/Release/net10.0/Raytio.JsonCsv.Bench.dll "$@"
