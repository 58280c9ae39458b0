#!/usr/bin/env bash
# Builds and starts the server with everything local: embedded SQLite in ./data, the email
# development mailbox, sandbox providers. Extra arguments go to the server (e.g. --urls http://0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Raytio.Server -c Release -nologo -v quiet
exec dotnet src/Raytio.Server/bin/Release/net10.0/Raytio.Server.dll --Raytio:DataDirectory "$(pwd)/data" "$@"
