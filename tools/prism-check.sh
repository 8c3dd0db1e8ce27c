#!/usr/bin/env bash
# Spec check: sends the client's real generation JSON and edit multipart bodies to prism serving OpenAI's
# openapi.yaml (the subset carried in spec/, or $GPTIMAGE_SPEC), which answers 422 listing
# the violations for any body that breaks the schema. Runs the xunit tests in Category=Prism.
# Usage: tools/prism-check.sh [extra dotnet test arguments, e.g. --no-build -c Release --logger trx ...]
# Needs `bash tools/setup.sh` first (prism comes from tools/node, pinned).
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 SCARF_ANALYTICS=false

spec=${GPTIMAGE_SPEC:-spec/openai-openapi.subset.yaml}
prism=tools/node/node_modules/.bin/prism
[ -f "$spec" ] || { echo "prism-check: spec not found at $spec" >&2; exit 1; }
[ -x "$prism" ] || { echo "prism-check: $prism is missing; run bash tools/setup.sh" >&2; exit 1; }

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The images operations of the spec, with two documented adjustments for prism (see the script's header).
node tools/node/prism-spec.mjs "$spec" "$work/images-spec.yaml" || exit 1

# A free port: ask the OS, then hand it to prism (prism cannot report a port 0 binding).
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});')
"$prism" mock -h 127.0.0.1 -p "$port" "$work/images-spec.yaml" >"$work/prism.log" 2>&1 &
pid=$!

# Wait for it to listen (generous: the machine may be busy); any HTTP answer means it is up.
up=0
for _ in $(seq 1 240); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if node -e 'require("http").get(process.argv[1], () => process.exit(0)).on("error", () => process.exit(1))' "http://127.0.0.1:$port/"; then up=1; break; fi
  sleep 0.5
done
if [ "$up" != 1 ]; then
  echo "prism-check: prism did not start on port $port" >&2; cat "$work/prism.log" >&2; exit 1
fi
echo "prism-check: prism listening on http://127.0.0.1:$port/ ($spec)"

GPTIMAGE_PRISM_URL="http://127.0.0.1:$port/" GPTIMAGE_REQUIRE_PRISM=1 \
  dotnet test tests/GptImage.Core.Tests --nologo --filter "Category=Prism" "$@"
status=$?
if [ $status -ne 0 ]; then echo "prism-check: failed; prism's log:" >&2; grep -E "VALIDATOR|error" "$work/prism.log" | tail -40 >&2; fi
exit $status
