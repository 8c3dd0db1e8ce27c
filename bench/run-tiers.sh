#!/usr/bin/env bash
# Tiered export benchmark: Export-GptImageBatch's write path (ExportWriter with a -Tier table) for N 1024x1024
# photo-like PNGs, as a PNG copy (no decode), WebP q80, and each with a 256-pixel thumbnail. ImageSharp's
# netstandard2.0 build, the one the module ships. One process per case.
# Usage: bash bench/run-tiers.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
project=bench/GptImage.Bench.Upscale
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/{print $2}') MiB RAM"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); dotnet $(dotnet --version)"
dotnet build "$project" -c Release --nologo -v q -clp:ErrorsOnly -o "$dir/ns20" -p:ImageSharpAsset=netstandard2.0 >/dev/null
run="dotnet $dir/ns20/GptImage.Bench.Upscale.dll"
$run generate "$dir"
ls -l "$dir/photo-1024x1024.png" | awk '{print "source: photo-1024x1024.png, " $5 " bytes"}'
for mode in png png+thumb256 webp80 webp80+thumb256; do
  $run tier "$dir/photo-1024x1024.png" "$mode" "$n"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
