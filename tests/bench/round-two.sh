#!/usr/bin/env bash
# Every figure of docs/benchmarks.md "Performance round two", back to back, for a quiet machine (about 40 minutes):
#   tests/bench/round-two.sh
# Each step writes its own artifacts/bench/*.txt; this script only builds once and runs them in order.
# Ports (env): BENCH_PORT_BASE (31000) as in the scripts it runs.
set -uo pipefail
cd "$(dirname "$0")/../.."
dotnet build functions/AiPolicyBot.LocalHost -c Release -nologo -clp:ErrorsOnly -v:q || exit 1
dotnet build tests/bench/AiPolicyBot.Bench -c Release -nologo -clp:ErrorsOnly -v:q || exit 1
export NO_BUILD=1
echo "== load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
tests/bench/load.sh local 3
tests/bench/load.sh jwt 3
tests/bench/load.sh varied 3
tests/bench/startup.sh 5 build
NO_BUILD=0 tests/bench/startup.sh 5 r2r
tests/bench/storage.sh approval-click 15 16 3
tests/bench/storage.sh triage-throughput 10000 10000
tests/bench/storage.sh large-trust 20000 50000 200000 300
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
