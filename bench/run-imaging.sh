#!/usr/bin/env bash
# Imaging benchmark: the C# mask check and pngjs decoding the same PNGs, one after the other, plus machine facts.
# Usage: bash bench/run-imaging.sh [iterations]   (needs `bash tools/setup.sh` for pngjs)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-7}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
project=bench/GptImage.Bench.Imaging
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/{print $2}') MiB RAM"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); dotnet $(dotnet --version); node $(node --version)"
dotnet build "$project" -c Release --nologo -v q -clp:ErrorsOnly >/dev/null
bin=$(find "$project/bin/Release" -name GptImage.Bench.Imaging.dll | head -1)
dotnet "$bin" generate "$dir"
dotnet "$bin" time "$dir" "$n"
node bench/pngjs-decode-timing.mjs "$n" "$dir/mask-1536x1024.png" "$dir/mask-4096x4096.png"
dotnet "$bin" split "$dir" "$n"
dotnet "$bin" memory "$dir/mask-4096x4096.png"
node -e "
const { createRequire } = require('node:module'); const r = createRequire(process.cwd() + '/tools/node/package.json');
const { PNG } = r('pngjs'); const fs = require('node:fs');
const png = PNG.sync.read(fs.readFileSync('$dir/mask-4096x4096.png'));
console.log('pngjs memory 4096x4096: peak RSS ' + (process.resourceUsage().maxRSS / 1024).toFixed(1) + ' MiB for one decode (' + png.width + 'x' + png.height + ')');"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
