#!/usr/bin/env bash
# Reports and the dashboard at a large trust's scale (docs/benchmarks.md): generates 20,000 people, 50,000 requests,
# 200,000 audit rows, 5,000 triaged mails and a year of monthly asks on an in-memory Azurite (tools/ScaleData, seed
# 18), starts the Release local host (Development) on those tables, then measures with curl
#   - time to first byte of report streams (the first row is flushed as soon as storage answers its first page),
#   - the dashboard's data (/api/tab/dashboard), and
#   - the Reports page in headless chromium, from clicking "Reports" to every panel drawn (tests/bench/dashboard-page.js).
# Each figure: the first call after start-up (cold), then the median of RUNS warm calls. Too slow for CI.
#   tests/bench/reports.sh [runs=5]
# Env: BENCH_PORT_BASE (default 31100): Azurite BASE..BASE+2, host BASE+10. NO_BUILD=1 skips building.
#      SCALE (default "--people 20000 --requests 50000 --audit 200000 --triage 5000") is passed to the generator.
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
scale=${SCALE:---people 20000 --requests 50000 --audit 200000 --triage 5000}
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

# measure NAME PATH FIELD: FIELD is starttransfer (time to first byte) or total; prints cold and the warm median, in ms.
measure() {
  local name=$1 path=$2 field=$3 times=() i t status
  for i in $(seq 0 "$runs"); do
    read -r status t < <(curl -s -o /dev/null -H "x-functions-key: $key" -w "%{http_code} %{time_$field}\n" "$host_url$path")
    [ "$status" = 200 ] || { echo "bench: $path answered $status"; exit 1; }
    times+=("$(awk -v s="$t" 'BEGIN { printf "%d", s * 1000 }')")
  done
  local cold=${times[0]} warm
  warm=$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf '| %s | %s | %s ms | %s ms |\n' "$name" "${field/starttransfer/first byte}" "$cold" "$warm" | tee -a "$out"
}

{
  echo
  echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| what | measured | cold (first call) | warm (median of $runs) |"
  echo "|---|---|---|---|"
} | tee -a "$out"
measure "requests CSV, all 50,000" "/api/reports/requests?format=csv" starttransfer
measure "requests CSV, last 12 months" "/api/reports/requests?format=csv&from=$year_ago&to=$today" starttransfer
measure "requests JSON, all" "/api/reports/requests" starttransfer
measure "triage CSV, all" "/api/reports/triage?format=csv" starttransfer
measure "register CSV" "/api/reports/register?format=csv" starttransfer
measure "requests CSV, all 50,000" "/api/reports/requests?format=csv" total
measure "dashboard data, last 12 months" "/api/tab/dashboard?from=$year_ago&to=$today" total
measure "dashboard data, one academy" "/api/tab/dashboard?from=$year_ago&to=$today&academy=oakfield" total
measure "dashboard data, all four years" "/api/tab/dashboard" total
{
  echo
  echo "Reports page in headless chromium, click to every panel drawn (last 12 months):"
  node tests/bench/dashboard-page.js "$host_url" "$reader" "$runs"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee -a "$out"
echo "bench: results in $out"
