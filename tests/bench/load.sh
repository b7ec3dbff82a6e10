#!/usr/bin/env bash
# Side-by-side load of the Release local host (Development, Azurite behind it), several runs of
# side-by-side/measure.sh, medians, and the host's resident memory while wrk runs.
#   tests/bench/load.sh [local|jwt|varied] [runs=3] [seconds=15] [connections=32]
#     local  local-development mode: no Authorization header (Bot:AllowUnauthenticatedLocal=true), as in a local run
#     varied local mode, but every message's text is new (load-varied.lua): no understanding is reused
#     jwt    every activity carries a signed channel token, validated against a loopback OpenID metadata + JWKS
#            (side-by-side/openid-stub.js, Bot:OpenIdMetadataUrl). Replies to the loopback sink carry no token, as in
#            the local mode, so the difference between the two runs is the inbound validation.
# Ports (env): BENCH_PORT_BASE (31000): Azurite BASE..BASE+2, host BASE+10, OpenID stub BASE+20, sink BASE+30, peer
# BASE+31, relay BASE+32 (measure.sh's SINK_PORT, PEER_PORT, RELAY_PORT). NO_BUILD=1 skips the Release build. Output: artifacts/bench/load-MODE-*.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
mode=${1:-local}; runs=${2:-3}; secs=${3:-15}; conns=${4:-32}
base=${BENCH_PORT_BASE:-31000}
host_port=$((base + 10)); openid_port=$((base + 20))
export SINK_PORT=$((base + 30)) PEER_PORT=$((base + 31)) RELAY_PORT=$((base + 32))
url=http://127.0.0.1:$host_port/api/messages
art=$ROOT/artifacts/bench; mkdir -p "$art"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$art/load-$mode-$stamp.txt
source tools/lib/common.sh
ensure_npm_tools || exit 1

pids=()
# The host may take a while to stop under load: ask, then insist, so no host outlives the script.
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; sleep 2; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; stop_azurite; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${NO_BUILD:-0}" != 1 ]; then
  dotnet build functions/AiPolicyBot.LocalHost -c Release -nologo -clp:ErrorsOnly -v:q || exit 1
fi
start_azurite "$art/azurite" "$base" $((base + 1)) $((base + 2)) || { echo "Azurite did not start"; exit 1; }

env_args=(ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 AzureWebJobsStorage="$AZURITE_CONNECTION_STRING"
  Bot__AllowUnauthenticatedLocal=true)
lua=load.lua; token=
[ "$mode" = varied ] && lua=load-varied.lua
if [ "$mode" = jwt ]; then
  app_id=00000000-0000-4000-8000-0000000be0c1
  OPENID_PORT=$openid_port APP_ID=$app_id TOKEN_FILE="$art/bench-token.txt" node tests/bench/side-by-side/openid-stub.js \
    >"$art/openid-stub.log" 2>&1 & pids+=($!)
  wait_port "$openid_port" 10 || { echo "OpenID stub did not start"; exit 1; }
  env_args+=(Bot__AppId=$app_id Bot__OpenIdMetadataUrl=http://127.0.0.1:$openid_port/.well-known/openidconfiguration)
  lua=load-signed.lua; token=$(cat "$art/bench-token.txt")
fi

bin=functions/AiPolicyBot.LocalHost/bin/Release/net10.0
(cd "$bin" && exec env "${env_args[@]}" dotnet AiPolicyBot.LocalHost.dll --urls "http://127.0.0.1:$host_port") \
  >"$art/localhost-$mode.log" 2>&1 & host=$!; pids+=($host)
wait_port "$host_port" 30 || { echo "host did not start (see $art/localhost-$mode.log)"; exit 1; }

# Resident memory of the host, sampled every 0.5 s for the whole measurement (the max is the figure).
( while kill -0 "$host" 2>/dev/null; do ps -o rss= -p "$host"; sleep 0.5; done ) >"$art/rss-$mode-$stamp.txt" 2>/dev/null &
pids+=($!)

{
  echo "# tests/bench/load.sh $mode $runs $secs $conns   ($(date -u +%FT%TZ))"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB, $(. /etc/os-release; echo "$PRETTY_NAME")"
} | tee "$out"
for i in $(seq 1 "$runs"); do
  echo "## run $i   load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
  TARGET_PID=$host TARGET_LUA=$lua BOT_TOKEN=$token tests/bench/side-by-side/measure.sh "$url" "$secs" "$conns" 2>&1 | tee -a "$out"
done
max_rss=$(sort -n "$art/rss-$mode-$stamp.txt" | tail -1)
echo "host max RSS during the runs: $((max_rss / 1024)) MB" | tee -a "$out"
# Medians over the runs (req/s, p50, p99 per row; the ratios).
awk '
  function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                 return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  function ms(s) { if (s ~ /us$/) return s / 1000; if (s ~ /ms$/) return s + 0; if (s ~ /s$/) return s * 1000; return s }
  /^(peer|relay|target) / { k = $1; n[k]++; r[k, n[k]] = $2; p50[k, n[k]] = ms($5); p99[k, n[k]] = ms($7); bad[k] += $9
                            if ($10 == "cpu/request") cpu[k, n[k]] = $11 }
  /^target\/peer/ { m++; tp[m] = $2 + 0; tr[m] = $4 + 0 }
  END {
    print "## medians over " n["peer"] " runs"
    for (k in n) { delete a; delete b; delete c
      for (i = 1; i <= n[k]; i++) { a[i] = r[k, i]; b[i] = p50[k, i]; c[i] = p99[k, i] }
      printf "%-7s %8.0f req/s  p50 %.2f ms  p99 %.2f ms  non-2xx (sum) %d", k, med(a, n[k]), med(b, n[k]), med(c, n[k]), bad[k]
      if ((k, 1) in cpu) { delete d; for (i = 1; i <= n[k]; i++) d[i] = cpu[k, i]; mc[k] = med(d, n[k]); printf "  cpu/request %.0f us", mc[k] }
      printf "\n" }
    if (m) printf "target/peer %.2fx   target/relay %.1f%%\n", med(tp, m), med(tr, m)
    if (mc["target"] > 0 && mc["relay"] > 0) printf "CPU per request, relay/target: %.1f%% (the throughput ratio a machine with nothing else running would approach)\n", 100 * mc["relay"] / mc["target"]
  }' "$out" | tee -a "$out"
echo "full output: $out"
