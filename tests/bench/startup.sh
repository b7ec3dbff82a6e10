#!/usr/bin/env bash
# Cold start: wall time from launching the Release local host (Development, Azurite behind it) to the first 200 on
# POST /api/messages ("can I use chat gpt for lesson plans?", local-development mode). Several launches; median.
#   tests/bench/startup.sh [runs=5] [build|r2r]
#     build  the Release build output (dotnet functions/AiPolicyBot.LocalHost/bin/Release/net10.0/AiPolicyBot.LocalHost.dll)
#     r2r    a ReadyToRun publish (dotnet publish -r linux-x64 -p:PublishReadyToRun=true) into artifacts/bench/r2r
# The first 200 includes the first turn's lazy work (register load/seed, conversation reference write, reply to the
# sink). A loopback sink answers the reply. Ports (env BENCH_PORT_BASE=31000): Azurite BASE+3..BASE+5, host BASE+11,
# sink BASE+12. NO_BUILD=1 skips building. STATS=1 also prints, per launch, the methods JIT-compiled and the assemblies
# loaded by the first 200 (a startup hook, tests/bench/StartupStats; it adds a thread and a dozen methods to each
# launch, so compare STATS runs only with STATS runs). Output: artifacts/bench/startup-MODE-*.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
runs=${1:-5}; mode=${2:-build}
base=${BENCH_PORT_BASE:-31000}
host_port=$((base + 11)); sink_port=$((base + 12))
art=$ROOT/artifacts/bench; mkdir -p "$art"
out=$art/startup-$mode-$(date -u +%Y%m%dT%H%M%SZ).txt
source tools/lib/common.sh
ensure_npm_tools || exit 1

case $mode in
  build) dir=functions/AiPolicyBot.LocalHost/bin/Release/net10.0
         [ "${NO_BUILD:-0}" = 1 ] || dotnet build functions/AiPolicyBot.LocalHost -c Release -nologo -clp:ErrorsOnly -v:q || exit 1 ;;
  r2r)   dir=$art/r2r
         [ "${NO_BUILD:-0}" = 1 ] || dotnet publish functions/AiPolicyBot.LocalHost -c Release -r linux-x64 --self-contained false \
           -p:PublishReadyToRun=true -o "$dir" -nologo -clp:ErrorsOnly -v:q || exit 1 ;;
  *) echo "mode: build or r2r"; exit 2 ;;
esac

hook_env=()
if [ "${STATS:-0}" = 1 ]; then
  dotnet build tests/bench/StartupStats -c Release -nologo -clp:ErrorsOnly -v:q || exit 1
  hook_env=(DOTNET_STARTUP_HOOKS="$ROOT/tests/bench/StartupStats/bin/Release/net10.0/StartupStats.dll" STARTUP_STATS_TRIGGER="$art/startup-stats")
fi

host=; sink=
cleanup() { [ -n "$host" ] && kill "$host" 2>/dev/null; [ -n "$sink" ] && kill "$sink" 2>/dev/null; stop_azurite; }
trap cleanup EXIT
trap 'exit 130' INT TERM
start_azurite "$art/azurite-startup" $((base + 3)) $((base + 4)) $((base + 5)) || { echo "Azurite did not start"; exit 1; }
SINK_PORT=$sink_port node tests/bench/side-by-side/sink.js >/dev/null 2>&1 & sink=$!
wait_port "$sink_port" 10 || exit 1

probe='{"type":"message","id":"s-1","channelId":"msteams","serviceUrl":"http://127.0.0.1:'$sink_port'/","from":{"id":"29:u","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},"conversation":{"id":"a:startup-RUN","conversationType":"personal","tenantId":"00000000-0000-0000-0000-00000000abcd"},"recipient":{"id":"28:b"},"text":"can I use chat gpt for lesson plans?","channelData":{"tenant":{"id":"00000000-0000-0000-0000-00000000abcd"}}}'
{ echo "# tests/bench/startup.sh $runs $mode   ($(date -u +%FT%TZ))"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB, $(. /etc/os-release; echo "$PRETTY_NAME")"; } | tee "$out"
times=(); cpus=()
for i in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  body=${probe//RUN/$i}
  t0=$(date +%s%N)
  rm -f "$art/startup-stats" "$art/startup-stats.out"
  (cd "$dir" && exec env "${hook_env[@]}" ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" \
     Bot__AllowUnauthenticatedLocal=true dotnet AiPolicyBot.LocalHost.dll --urls "http://127.0.0.1:$host_port") >"$art/startup-host.log" 2>&1 &
  host=$!
  code=000
  until [ "$code" = 200 ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$host_port/api/messages" 2>/dev/null)
    [ "$code" = 200 ] && break
    kill -0 "$host" 2>/dev/null || { echo "host exited (see $art/startup-host.log)"; exit 1; }
    [ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 30000 ] && { echo "no 200 within 30 s"; exit 1; }
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  rss=$(( $(ps -o rss= -p "$host") / 1024 ))
  # CPU the host had used by then (user + system): far less sensitive to other work on the machine than wall time.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$host/stat")
  times+=("$ms"); cpus+=("$cpu")
  stats=
  if [ "${STATS:-0}" = 1 ]; then
    touch "$art/startup-stats"
    for _ in $(seq 1 100); do [ -s "$art/startup-stats.out" ] && break; sleep 0.05; done
    stats=", $(head -3 "$art/startup-stats.out" | sed 's/^jit /JIT-compiled methods /; s/^jitms /JIT time ms /; s/^assemblies /assemblies /' | paste -sd, - | sed 's/,/, /g')"
  fi
  echo "run $i: first 200 after $ms ms, host CPU $cpu ms (RSS then $rss MB; load average $load$stats)" | tee -a "$out"
  kill "$host"; wait "$host" 2>/dev/null; host=
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "median time to first 200: $median ms over $runs launches ($mode); median host CPU by then: $cpu_median ms" | tee -a "$out"
