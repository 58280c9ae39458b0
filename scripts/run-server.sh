#!/usr/bin/env bash
# Builds and starts the server with everything local: embedded SQLite in ./data and the
# development mailbox for email (read it with: bash scripts/server.sh mailbox), Tesseract for
# document extraction (installed from Debian when missing). Extra arguments
# go to the server (e.g. --urls http://0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-ocr.sh
dotnet build src/Raytio.Server -c Release -nologo -v quiet
exec dotnet src/Raytio.Server/bin/Release/net10.0/Raytio.Server.dll --Raytio:DataDirectory "$(pwd)/data" "$@"
