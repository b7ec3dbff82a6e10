#!/usr/bin/env bash
# Storage-bound benchmarks against a fresh in-memory Azurite (docs/benchmarks.md, performance round two):
#   tests/bench/storage.sh approval-click [seconds=15] [clickers=16] [rounds=3]
#   tests/bench/storage.sh triage-throughput [mails=10000] [pipeline mails=10000]
#   tests/bench/storage.sh large-trust [people=20000] [requests=50000] [audit rows=200000] [open=200] [samples=300]
# Ports (env): BENCH_PORT_BASE (31000): Azurite BASE+40..BASE+42. NO_BUILD=1 skips the Release build.
# Output: the console and artifacts/bench/storage-COMMAND-*.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
what=${1:?approval-click, triage-throughput or large-trust}; shift
base=${BENCH_PORT_BASE:-31000}
art=$ROOT/artifacts/bench; mkdir -p "$art"
out=$art/storage-$what-$(date -u +%Y%m%dT%H%M%SZ).txt
source tools/lib/common.sh
ensure_npm_tools || exit 1
trap stop_azurite EXIT
trap 'exit 130' INT TERM
if [ "${NO_BUILD:-0}" != 1 ]; then
  dotnet build tests/bench/AiPolicyBot.Bench -c Release -nologo -clp:ErrorsOnly -v:q || exit 1
fi
start_azurite "$art/azurite-storage" $((base + 40)) $((base + 41)) $((base + 42)) || { echo "Azurite did not start"; exit 1; }
{ echo "# tests/bench/storage.sh $what $*   ($(date -u +%FT%TZ))"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB, $(. /etc/os-release; echo "$PRETTY_NAME")"; } | tee "$out"
AIPOLICYBOT_BENCH_STORAGE="$AZURITE_CONNECTION_STRING" dotnet tests/bench/AiPolicyBot.Bench/bin/Release/net10.0/AiPolicyBot.Bench.dll "$what" "$@" 2>&1 | tee -a "$out"
echo "full output: $out"
