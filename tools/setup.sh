#!/usr/bin/env bash
# One-time setup on a fresh machine, from the registries only (NuGet, npm), every version pinned in the repo:
#  - the .NET solution's packages;
#  - PowerShell 7.6.10 as a local .NET tool (.config/dotnet-tools.json): `dotnet pwsh` runs it;
#  - Pester 5.7.1 from NuGet into artifacts/tools/packages (tools/pester/Pester.csproj);
#  - the Node tools the spec check and the PNG oracle use (tools/node/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 SCARF_ANALYTICS=false

command -v dotnet >/dev/null || { echo "setup: the .NET SDK 10 is required (dotnet not on PATH)" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: Node.js 20+ with npm is required" >&2; exit 1; }

echo "== dotnet tool restore (PowerShell 7.6.10)"
dotnet tool restore
echo "== Pester 5.7.1 (NuGet)"
dotnet restore tools/pester/Pester.csproj --packages artifacts/tools/packages --nologo -v q
echo "== dotnet restore"
dotnet restore GptImage.PowerShell.sln --nologo -v q
echo "== npm ci (tools/node, versions pinned in package-lock.json)"
(cd tools/node && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
