#!/usr/bin/env bash
# What loading the triage model costs a fresh process (docs/benchmarks.md "Triage costs"): the scoring tool run on the
# first two dev mails (load the committed model, classify two mails, print), under /usr/bin/time for wall time, CPU
# time and peak resident memory; then the bench harness's own split (model load, first classification, VmHWM).
#   tests/bench/triage-load.sh [runs=3]      NO_BUILD=1 skips building.
# Output: console and artifacts/bench/triage-load-*.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
art=$PWD/artifacts/bench; mkdir -p "$art"
out=$art/triage-load-$(date -u +%Y%m%dT%H%M%SZ).txt
if [ "${NO_BUILD:-0}" != 1 ]; then
  dotnet build tools/TriageReport -c Release -nologo -clp:ErrorsOnly -v:q || exit 1
  dotnet build tests/bench/AiPolicyBot.Bench -c Release -nologo -clp:ErrorsOnly -v:q || exit 1
fi
two=$(mktemp); trap 'rm -f "$two"' EXIT
head -2 tests/fixtures/triage-dev.jsonl > "$two"
{ echo "# tests/bench/triage-load.sh $runs   ($(date -u +%FT%TZ), $(git rev-parse --short HEAD 2>/dev/null))"
  for i in $(seq "$runs"); do
    echo "run $i, load average $(cut -d' ' -f1-3 /proc/loadavg): TriageReport on two mails: $(
      /usr/bin/time -f '%e s wall, %U s user + %S s system CPU, %M KB peak RSS' \
        dotnet tools/TriageReport/bin/Release/net10.0/TriageReport.dll "$two" 2>&1 >/dev/null | tail -1)"
  done
  dotnet tests/bench/AiPolicyBot.Bench/bin/Release/net10.0/AiPolicyBot.Bench.dll triage-load
} | tee "$out"
