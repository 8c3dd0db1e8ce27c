#!/usr/bin/env bash
# The test command: build, xunit (core + module contract tests), the spec check (prism), the PowerShell syntax
# check and Pester against the built module. Every stage is required; run `bash tools/setup.sh` once first.
# Ends with one line "N passed, N failed" summed over every stage.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 SCARF_ANALYTICS=false
passed=0; failed=0; status=0
# Full runs on one machine take turns: the suite's timing-sensitive tests (rate windows, kill-and-resume, Ctrl+C)
# assume the machine is not also running a second copy of the suite.
if command -v flock >/dev/null; then
  exec 9>"${TMPDIR:-/tmp}/gptimage-powershell-tests.lock"
  flock -n 9 || { echo "== waiting for another run of the suite on this machine"; flock 9; }
fi
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# Adds the counts a stage printed as "<label>: N passed, M failed" to the totals; a stage that printed no such
# line did not run to its end and counts as one failure.
count_line() {
  local label=$1 text=$2 p f
  p=$(echo "$text" | sed -n "s/^$label: \([0-9]*\) [a-z]*, \([0-9]*\) failed.*/\1/p" | tail -1)
  f=$(echo "$text" | sed -n "s/^$label: \([0-9]*\) [a-z]*, \([0-9]*\) failed.*/\2/p" | tail -1)
  if [ -z "$p" ]; then failed=$((failed + 1)); status=1; return; fi
  passed=$((passed + p)); failed=$((failed + f))
}

echo "== dotnet build"
if ! dotnet build GptImage.PowerShell.sln -c Release --nologo -v q -clp:ErrorsOnly; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

echo "== dotnet test"
dotnet test GptImage.PowerShell.sln -c Release --no-build --nologo --filter "Category!=Prism" \
  --logger "trx;LogFilePrefix=r" --results-directory "$results" || status=1

echo "== spec check (prism)"
if ! bash tools/prism-check.sh -c Release --no-build --logger "trx;LogFilePrefix=prism" --results-directory "$results"; then
  status=1
  ls "$results"/prism*.trx >/dev/null 2>&1 || failed=$((failed + 1))   # prism never ran: count the check as one failure
fi
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*'); f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

echo "== PowerShell syntax check (PowerShell's own parser)"
out=$(dotnet pwsh -NoProfile -NonInteractive -File tools/check-syntax.ps1 2>&1) || status=1
echo "$out"
count_line syntax "$out"

echo "== Pester (tests/*.Tests.ps1 against artifacts/module/GptImage.PowerShell)"
dotnet pwsh -NoProfile -NonInteractive -File tools/run-pester.ps1 2>&1 | tee "$results/pester.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
count_line Pester "$(cat "$results/pester.log")"

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
