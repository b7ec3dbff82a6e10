#!/bin/bash
# Side-by-side load measurement of one "can I use X?" Teams turn, in one run, on this machine:
#   peer    = the reference Bot Framework SDK (botbuilder-js 4.23) answering from the demo register with a card
#   relay   = the least work a turn can do: Kestrel parses the activity and POSTs one reply (the ceiling)
#   target  = the bot under test (AiPolicyBot's local host in local-development mode), if a URL is given
# Every bot replies to the same loopback connector stand-in (sink.js). Load: wrk, 1 thread, N connections.
# Usage: measure.sh [TARGET_URL] [seconds=15] [connections=32]
#   TARGET_PID=…  also report the target process's CPU per request (load.sh sets it), as for the peer and relay.
#   Ports (env): PEER_PORT (3979), RELAY_PORT (3981), SINK_PORT (7399), so several measurements can share a machine.
#   TARGET_LUA=load-signed.lua BOT_TOKEN=… measure.sh URL   the target's load carries a channel token (JWT-on run;
#                                                            see openid-stub.js and ../load.sh)
# Needs: node + npm, dotnet, wrk (Debian package 'wrk').
# Copied from the shared yardstick; changes: TARGET_LUA, and *.lua copied to the work folder. Driver: ../load.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-}; secs=${2:-15}; conns=${3:-32}
export SINK_PORT=${SINK_PORT:-7399}
peer_port=${PEER_PORT:-3979}; relay_port=${RELAY_PORT:-3981}
# This folder may be read-only: install and build in a cache folder of our own.
work=${XDG_CACHE_HOME:-$HOME/.cache}/aipolicybot-bench
mkdir -p "$work" && cp -r "$here"/package.json "$here"/package-lock.json "$here"/*.js "$here"/*.lua "$here"/ceiling "$work"/
chmod -R u+w "$work"
[ -d "$work/node_modules/botbuilder" ] || (cd "$work" && npm ci --no-audit --no-fund >/dev/null 2>&1) || { echo "npm ci failed"; exit 1; }
here=$work
out=$(mktemp -d)
dotnet build "$here/ceiling/ceiling.csproj" -c Release -o "$out/ceiling" >"$out/build.log" 2>&1 || { echo "ceiling build failed"; exit 1; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT
node "$here/sink.js" >"$out/sink.log" 2>&1 & pids+=($!)
PORT=$peer_port node "$here/peer-bot.js" >"$out/peer.log" 2>&1 & pids+=($!); peer_pid=$!
(cd "$out/ceiling" && CEILING_MODE=relay exec dotnet ceiling.dll --urls http://127.0.0.1:$relay_port >"$out/ceiling.log" 2>&1) & pids+=($!); relay_pid=$!
# CPU (user + system, ms) a process has used: per request it hardly depends on what else runs on the machine.
cpu_ms() { [ -r "/proc/$1/stat" ] && awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" || echo 0; }
probe='{"type":"message","id":"p","channelId":"msteams","serviceUrl":"http://127.0.0.1:'$SINK_PORT'/","from":{"id":"29:u","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},"conversation":{"id":"a:p","conversationType":"personal","tenantId":"00000000-0000-0000-0000-00000000abcd"},"recipient":{"id":"28:b"},"text":"hi","channelData":{"tenant":{"id":"00000000-0000-0000-0000-00000000abcd"}}}'
ready() { for i in $(seq 1 120); do c=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$probe" "$1"); case $c in 2*) return 0;; esac; sleep 0.25; done; echo "not ready: $1"; return 1; }
ready http://127.0.0.1:$peer_port/api/messages && ready http://127.0.0.1:$relay_port/api/messages || exit 1
[ -n "$target" ] && { ready "$target" || exit 1; }
target_lua=${TARGET_LUA:-load.lua}
run() { wrk -t1 -c"$conns" -d"${secs}s" --latency -s "$here/${2:-load.lua}" "$1" 2>&1; }
summary() { awk '/Requests\/sec/{r=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} /Non-2xx/{bad=$NF} END{printf "%10.0f req/s  p50 %-9s p99 %-9s non-2xx %s\n", r, p50, p99, (bad==""?0:bad)}'; }
declare -A rps
for name in peer relay ${target:+target}; do
  case $name in peer) url=http://127.0.0.1:$peer_port/api/messages;; relay) url=http://127.0.0.1:$relay_port/api/messages;; target) url=$target;; esac
  lua=load.lua; [ "$name" = target ] && lua=$target_lua
  case $name in peer) pid=$peer_pid;; relay) pid=$relay_pid;; target) pid=${TARGET_PID:-};; esac
  run "$url" "$lua" >/dev/null   # warm-up
  c0=$(cpu_ms "${pid:-0}")
  res=$(run "$url" "$lua"); line=$(echo "$res" | summary)
  c1=$(cpu_ms "${pid:-0}"); n=$(echo "$res" | awk '/requests in/{print $1}')
  cpu=; [ -n "$pid" ] && [ "${n:-0}" -gt 0 ] && cpu=$(awk -v c=$((c1 - c0)) -v n="$n" 'BEGIN{printf "  cpu/request %.0f us", 1000 * c / n}')
  printf '%-7s %s%s\n' "$name" "$line" "$cpu"
  rps[$name]=$(echo "$res" | awk '/Requests\/sec/{print $2}')
done
if [ -n "$target" ]; then
  awk -v t="${rps[target]}" -v p="${rps[peer]}" -v r="${rps[relay]}" 'BEGIN{printf "target/peer %.2fx   target/relay %.1f%%\n", t/p, 100*t/r}'
fi
