#!/usr/bin/env bash
# The full MRZ accuracy and timing run on generated documents (docs/MRZ.md, docs/BENCHMARKS.md):
# COUNT images (default 300, half clean, half degraded) from a fixed seed, each read by the MRZ
# reader and, in the same run, by the raw `tesseract IMAGE -` command for the time ratio.
# Usage: bench/mrz/run.sh [COUNT] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/install-ocr.sh
dotnet run --project bench/Raytio.Mrz.Bench -c Release -- accuracy "${1:-300}" "${2:-2026}"
