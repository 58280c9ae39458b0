#!/usr/bin/env bash
# Runs a command of the built server against the same data folder as run-server.sh, e.g.
#   scripts/server.sh mailbox you@example.com
#   scripts/server.sh create-user admin@example.com 'a long passphrase'
set -euo pipefail
cd "$(dirname "$0")/.."
dll=src/Raytio.Server/bin/Release/net10.0/Raytio.Server.dll
[ -f "$dll" ] || dotnet build src/Raytio.Server -c Release -nologo -v quiet
exec dotnet "$dll" "$@" --Raytio:DataDirectory "$(pwd)/data"
