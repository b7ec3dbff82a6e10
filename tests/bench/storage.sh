#!/usr/bin/env bash
# Storage-bound benchmarks against a fresh in-memory Azurite (docs/benchmarks.md, performance round two):
#   tests/bench/storage.sh approval-click [seconds=15] [clickers=16] [rounds=3]
#   tests/bench/storage.sh triage-throughput [mails=10000] [pipeline mails=10000]
#   tests/bench/storage.sh large-trust [people=20000] [requests=50000] [audit rows=200000] [samples=300]
#     tools/ScaleData generates the trust first (today fixed at 2026-12-07, so the same rows every time; the audit rows
#     in streams of 99, because Azurite finds a row by its RowKey first and every stream's rows share the same sequence
#     keys: 4-row streams take hours to write there, and neither measured turn reads the audit table), unless
#     LARGE_TRUST_REUSE=1 says the Azurite named by BENCH_STORAGE holds it already: a before/after of two builds on
#     the same rows starts one in-memory Azurite and runs both against it. (Azurite with --location saves its whole
#     table database every 5 s: at this scale, 100 MB of JSON each time, and generation crawls.)
# Env: BENCH_STORAGE=connection string uses that running Azurite instead of starting one; otherwise BENCH_PORT_BASE
# (31000): Azurite BASE+40..BASE+42. NO_BUILD=1 skips the Release build.
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
if [ -n "${BENCH_STORAGE:-}" ]; then
  AZURITE_CONNECTION_STRING=$BENCH_STORAGE
else
  start_azurite "$art/azurite-storage" $((base + 40)) $((base + 41)) $((base + 42)) || { echo "Azurite did not start"; exit 1; }
fi
{ echo "# tests/bench/storage.sh $what $*   ($(date -u +%FT%TZ), git $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB, $(. /etc/os-release; echo "$PRETTY_NAME")"; } | tee "$out"
args=("$@")
if [ "$what" = large-trust ]; then
  people=${1:-20000} requests=${2:-50000} audit=${3:-200000} samples=${4:-300}
  prefix=Lt${people}r${requests}a${audit}
  if [ "${LARGE_TRUST_REUSE:-0}" != 1 ]; then
    echo "# generating: tools/ScaleData --prefix $prefix --people $people --requests $requests --audit $audit --audit-stream-rows 99 --today 2026-12-07 (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out"
    dotnet tools/ScaleData/bin/Release/net10.0/ScaleData.dll --prefix "$prefix" --connection "$AZURITE_CONNECTION_STRING" \
      --people "$people" --requests "$requests" --audit "$audit" --audit-stream-rows 99 --today 2026-12-07 2>&1 | tee -a "$out"
    [ "${PIPESTATUS[0]}" = 0 ] || { echo "generation failed"; exit 1; }
  else
    echo "# measuring the trust generated earlier under $prefix" | tee -a "$out"
  fi
  args=("$prefix" "$people" "$samples")
fi
AIPOLICYBOT_BENCH_STORAGE="$AZURITE_CONNECTION_STRING" dotnet tests/bench/AiPolicyBot.Bench/bin/Release/net10.0/AiPolicyBot.Bench.dll "$what" "${args[@]}" 2>&1 | tee -a "$out"
echo "full output: $out"
