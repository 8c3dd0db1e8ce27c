#!/usr/bin/env bash
# One-time setup on a fresh machine: restore the .NET solution and the pinned Node tools CI uses
# (tree-sitter PowerShell syntax check, the prism spec mock server, pngjs for the PNG oracle corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 SCARF_ANALYTICS=false

command -v dotnet >/dev/null || { echo "setup: the .NET SDK 10 is required (dotnet not on PATH)" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: Node.js 20+ with npm is required" >&2; exit 1; }

echo "== dotnet restore"
dotnet restore GptImage.PowerShell.sln --nologo -v q
echo "== npm ci (tools/node, versions pinned in package-lock.json)"
(cd tools/node && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
