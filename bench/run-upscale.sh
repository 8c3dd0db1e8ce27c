#!/usr/bin/env bash
# Pixel benchmark: Resize-GptImage's path (ImageSharp 2.1.13: decode, Lanczos-3, encode PNG / JPEG q90) against sharp
# (libvips) on the same files in the same run, ImageSharp's netstandard2.0 build (shipped) against its .NET Core build,
# the stages of one upscale, and the streaming mask scan against an ImageSharp decode. One process per case.
# Usage: bash bench/run-upscale.sh [iterations]   (npm ci in bench/node for sharp)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
project=bench/GptImage.Bench.Upscale
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/{print $2}') MiB RAM"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); dotnet $(dotnet --version); node $(node --version)"
dotnet build "$project" -c Release --nologo -v q -clp:ErrorsOnly -o "$dir/core" >/dev/null
dotnet build "$project" -c Release --nologo -v q -clp:ErrorsOnly -o "$dir/ns20" -p:ImageSharpAsset=netstandard2.0 >/dev/null
core="dotnet $dir/core/GptImage.Bench.Upscale.dll"; ns20="dotnet $dir/ns20/GptImage.Bench.Upscale.dll"
$core generate "$dir"
for c in "photo-1024x1024.png 2" "photo-1536x1024.png 4"; do
  set -- $c
  for f in png jpeg; do
    echo "-- $1 x$2 -> $f"
    echo "ImageSharp netstandard2.0 (shipped): $($ns20 upscale "$dir/$1" "$2" "$f" "$n")"
    echo "ImageSharp .NET Core build:          $($core upscale "$dir/$1" "$2" "$f" "$n")"
    node bench/sharp-upscale.mjs "$dir/$1" "$2" "$f" "$n"
  done
done
echo "-- stages, photo-1536x1024.png x4 (netstandard2.0)"
$ns20 stages "$dir/photo-1536x1024.png" 4 "$n"
echo "-- mask 4096x4096"
$ns20 maskscan "$dir/mask-4096x4096.png" "$n"
$ns20 maskdecode "$dir/mask-4096x4096.png" "$n"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
