#!/usr/bin/env bash
# Reports and the dashboard at a large trust's scale (docs/benchmarks.md): generates 20,000 people, 50,000 requests,
# 200,000 audit rows, 5,000 triaged mails and a year of monthly asks on an in-memory Azurite (tools/ScaleData, seed
# 18), starts the Release local host (Development) on those tables, then measures (tests/bench/report-timing.js)
#   - time to first byte of report streams (the first row is flushed as soon as storage answers its first page),
#   - the dashboard's data (/api/tab/dashboard), and
#   - the Reports page in headless chromium, from clicking "Reports" to every panel drawn (tests/bench/dashboard-page.js).
# Each figure: the first call after start-up (cold), then the median of RUNS warm calls. Too slow for CI.
#   tests/bench/reports.sh [runs=5]
# Env: BENCH_PORT_BASE (default 31100): Azurite BASE..BASE+2, host BASE+10. NO_BUILD=1 skips building.
#      SCALE (default "--people 20000 --requests 50000 --audit 200000 --audit-stream-rows 50 --triage 5000") is passed
#      to the generator (streams of 50 audit rows keep generation within minutes on a busy machine).
# Output: artifacts/bench/reports-*.txt (also printed).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
runs=${1:-5}
base=${BENCH_PORT_BASE:-31100}
host_port=$((base + 10))
host_url=http://127.0.0.1:$host_port
key=local-dev-admin-key                            # Admin:Key of appsettings.Development.json
reader=00000000-0000-0000-0000-000000000a02        # a demo person with Reports.Read (Tab:LocalPeople)
scale=${SCALE:---people 20000 --requests 50000 --audit 200000 --audit-stream-rows 50 --triage 5000}
art=$ROOT/artifacts/bench; mkdir -p "$art"
out=$art/reports-$(date -u +%Y%m%dT%H%M%SZ).txt
source tools/lib/common.sh
ensure_npm_tools || exit 1

if [ "${NO_BUILD:-0}" != 1 ]; then
  dotnet build functions/AiPolicyBot.LocalHost -c Release -nologo -clp:ErrorsOnly -v:q || exit 1
  dotnet build tools/ScaleData -c Release -nologo -clp:ErrorsOnly -v:q || exit 1
fi

host=
cleanup() { stop_tree "$host"; stop_azurite; }
trap cleanup EXIT
trap 'exit 130' INT TERM

run_dir=$art/reports-run; rm -rf "$run_dir"; mkdir -p "$run_dir"
start_azurite "$run_dir/azurite" "$base" $((base + 1)) $((base + 2)) || { echo "bench: Azurite did not start"; exit 1; }
prefix=bench$(date +%s)
today=$(date -u +%F)
year_ago=$(date -u -d "$today -1 year +1 day" +%F)

{
  echo "# Reports and dashboard benchmark, $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "generator: dotnet tools/ScaleData/bin/Release/net10.0/ScaleData.dll --prefix $prefix --today $today $scale"
} | tee "$out"
# shellcheck disable=SC2086
dotnet tools/ScaleData/bin/Release/net10.0/ScaleData.dll --connection "$AZURITE_CONNECTION_STRING" --prefix "$prefix" --today "$today" $scale \
  | tee -a "$out" || { echo "bench: the generator failed"; exit 1; }

( cd functions/AiPolicyBot.LocalHost/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" Storage__TablePrefix="$prefix" LocalMail__Root="$run_dir/mail" \
    exec dotnet AiPolicyBot.LocalHost.dll --urls "$host_url" ) > "$run_dir/host.log" 2>&1 &
host=$!
deadline=$((SECONDS + 120))
until curl -fsS "$host_url/api/health" >/dev/null 2>&1; do
  kill -0 "$host" 2>/dev/null || { echo "bench: the host exited"; tail -20 "$run_dir/host.log"; exit 1; }
  [ $SECONDS -ge $deadline ] && { echo "bench: the host did not start in 120 s"; exit 1; }
  sleep 0.2
done

# measure NAME MODE PATH [RUNS]: MODE first-byte (the download is cancelled after its first chunk) or total.
measure() {
  local line
  line=$(node tests/bench/report-timing.js "$2" "$host_url$3" "$key" "${4:-$runs}") || { echo "bench: $3 failed"; exit 1; }
  printf '| %s | %s | %s |\n' "$1" "$2" "$line" | tee -a "$out"
}

{
  echo
  echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| what | measured | cold (first call), then the median of the warm runs |"
  echo "|---|---|---|"
} | tee -a "$out"
measure "requests CSV, every request" first-byte "/api/reports/requests?format=csv"
measure "requests CSV, last 12 months" first-byte "/api/reports/requests?format=csv&from=$year_ago&to=$today"
measure "requests JSON, every request" first-byte "/api/reports/requests"
measure "triage CSV, every mail" first-byte "/api/reports/triage?format=csv"
measure "register CSV" first-byte "/api/reports/register?format=csv"
measure "dashboard data, last 12 months" total "/api/tab/dashboard?from=$year_ago&to=$today"
measure "dashboard data, one academy, last 12 months" total "/api/tab/dashboard?from=$year_ago&to=$today&academy=oakfield"
measure "dashboard data, all four years" total "/api/tab/dashboard"
measure "requests CSV, every request, whole download" total "/api/reports/requests?format=csv" 1
{
  echo
  echo "Reports page in headless chromium, click to every panel drawn (last 12 months):"
  node tests/bench/dashboard-page.js "$host_url" "$reader" "$runs"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee -a "$out"
echo "bench: results in $out"
