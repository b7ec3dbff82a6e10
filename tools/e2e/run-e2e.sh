#!/usr/bin/env bash
# End-to-end journeys: the real local host (Release build), Azurite and the Microsoft 365 Agents Playground,
# driven by `node --test tests/e2e/` through the Playground's HTTP API, its conversation WebSocket and (one journey)
# its web UI in headless chromium. Runs inside a loopback-only network namespace when the machine allows it.
#
#   tools/e2e/run-e2e.sh                      all journeys
#   tools/e2e/run-e2e.sh tests/e2e/05-*.js    some of them
#   E2E_PORT_BASE=32040 (default)             Azurite +0..+2, local host +10, Playground +11, connector tap +12
#   E2E_NETNS=0                               do not try a network namespace
#   E2E_NO_BUILD=1                            use the existing Release build of the local host
#
# Artifacts (logs, screenshots, the tap's record): artifacts/e2e/. Exit code: non-zero if any journey fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ART=$ROOT/artifacts/e2e
P=${E2E_PORT_BASE:-32040}
T0=$SECONDS
source tools/lib/common.sh

# 1. Outside the namespace (needs the package feed): pinned npm tools and the Release build of the local host.
if [ -z "${AIPOLICYBOT_E2E_STAGE:-}" ]; then
  ensure_npm_tools || { echo "e2e: npm ci failed"; exit 1; }
  # Incremental; tools/test.sh has just built the solution in Release and passes E2E_NO_BUILD=1.
  if [ -z "${E2E_NO_BUILD:-}" ] || [ ! -f functions/AiPolicyBot.LocalHost/bin/Release/net10.0/AiPolicyBot.LocalHost.dll ]; then
    dotnet build functions/AiPolicyBot.LocalHost -c Release -nologo -clp:ErrorsOnly -v:q || { echo "e2e: build failed"; exit 1; }
  fi
  # The data generator: the dashboard journey fills the host's tables with a small generated trust.
  if [ -z "${E2E_NO_BUILD:-}" ] || [ ! -f tools/ScaleData/bin/Release/net10.0/ScaleData.dll ]; then
    dotnet build tools/ScaleData -c Release -nologo -clp:ErrorsOnly -v:q || { echo "e2e: build of tools/ScaleData failed"; exit 1; }
  fi
  if [ "${E2E_NETNS:-1}" != 0 ] && [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
    AIPOLICYBOT_E2E_STAGE=netns exec unshare -n "$0" "$@"
  fi
  if [ "${E2E_NETNS:-1}" = 0 ]; then
    echo "e2e: note: network namespace turned off (E2E_NETNS=0); running on the normal network, loopback-only by configuration"
  else
    echo "e2e: note: 'unshare -n' is not permitted here (needs root); running on the normal network, loopback-only by configuration"
  fi
  export AIPOLICYBOT_E2E_STAGE=host
fi
if [ "$AIPOLICYBOT_E2E_STAGE" = netns ]; then
  ip link set lo up || { echo "e2e: could not bring lo up in the namespace"; exit 1; }
  echo "e2e: inside a loopback-only network namespace ($(ip -o link | awk -F': ' '{print $2}' | tr '\n' ' '))"
fi

rm -rf "$ART/run" "$ART/cards" "$ART/screenshots"
RUN=$ART/run
mkdir -p "$RUN/mail/inbox" "$RUN/mail/outbox" "$RUN/mail/triaged" "$RUN/playground" "$ART/screenshots"
HOST_PORT=$((P+10)); PG_PORT=$((P+11)); TAP_PORT=$((P+12))
HOST_URL=http://127.0.0.1:$HOST_PORT; PG_URL=http://127.0.0.1:$PG_PORT; TAP_URL=http://127.0.0.1:$TAP_PORT

# strace (when present) records every connect() of the host and the Playground: the run proves it stayed on loopback.
HOST_TRACE=(); PG_TRACE=()
if command -v strace >/dev/null 2>&1; then
  HOST_TRACE=(strace -f -qq -e trace=connect -o "$RUN/host.connect.log")
  PG_TRACE=(strace -f -qq -e trace=connect -o "$RUN/playground.connect.log")
fi

HOST_PID=; PG_PID=; TAP_PID=
cleanup() {
  trap - EXIT INT TERM
  stop_tree "$PG_PID"; stop_tree "$TAP_PID"; stop_tree "$HOST_PID"; stop_azurite
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for p in "$P" $((P+1)) $((P+2)) "$HOST_PORT" "$PG_PORT" "$TAP_PORT"; do
  (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null && { echo "e2e: port $p is busy on 127.0.0.1; set E2E_PORT_BASE"; exit 1; }
done

# 2. Azurite in memory on our ports.
start_azurite "$RUN/azurite" "$P" $((P+1)) $((P+2)) || { echo "e2e: Azurite did not start (see $RUN/azurite/azurite.out)"; exit 1; }

# 3. The local host (Release), Development: local-development auth, the demo register, the approvers of
#    appsettings.Development.json (Playground users user-id-1..5), mail as .eml files under $RUN/mail.
OUT=$ROOT/functions/AiPolicyBot.LocalHost/bin/Release/net10.0
TABLE_PREFIX="e2e$(date +%s)"
( cd "$OUT" && ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" Storage__TablePrefix="$TABLE_PREFIX" LocalMail__Root="$RUN/mail" \
    exec "${HOST_TRACE[@]}" dotnet AiPolicyBot.LocalHost.dll --urls "$HOST_URL" ) > "$RUN/host.log" 2>&1 &
HOST_PID=$!

# 4. The connector tap, then the Playground pointed at the host, with its serviceUrl on the tap (connector-tap.js).
node tools/e2e/connector-tap.js "$TAP_PORT" "$PG_PORT" > "$RUN/tap.log" 2>&1 &
TAP_PID=$!
PLAYGROUND_WRAPPER=("${PG_TRACE[@]}")
start_playground "$RUN/playground" "$PG_PORT" "$HOST_URL/api/messages" --service-url "$TAP_URL/_connector"
PG_PID=$PLAYGROUND_PID

deadline=$((SECONDS + 90))
until curl -fsS "$HOST_URL/api/health" >/dev/null 2>&1 && [ "$(curl -fsS "$PG_URL/_debug/ping" 2>/dev/null)" = pong ] \
      && curl -fsS "$TAP_URL/_tap/ping" >/dev/null 2>&1; do
  kill -0 "$HOST_PID" 2>/dev/null || { echo "e2e: the local host exited:"; tail -30 "$RUN/host.log"; exit 1; }
  kill -0 "$PG_PID" 2>/dev/null || { echo "e2e: the Playground exited:"; tail -30 "$RUN/playground/playground.out"; exit 1; }
  [ $SECONDS -ge $deadline ] && { echo "e2e: services not ready in 90 s (logs in $RUN)"; exit 1; }
  sleep 0.2
done
echo "e2e: services ready in $((SECONDS - T0)) s: host $HOST_URL, Playground $PG_URL (tap $TAP_URL), Azurite 127.0.0.1:$P-$((P+2))"

# 5. The journeys, one file at a time (they share the Playground and its personal chat).
T1=$SECONDS
E2E_HOST_URL=$HOST_URL E2E_PLAYGROUND_URL=$PG_URL E2E_TAP_URL=$TAP_URL E2E_MAIL_ROOT=$RUN/mail E2E_ARTIFACTS=$ART \
E2E_ADMIN_KEY=local-dev-admin-key E2E_STORAGE="$AZURITE_CONNECTION_STRING" E2E_TABLE_PREFIX="$TABLE_PREFIX" \
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
       --test-reporter=tap --test-reporter-destination="$RUN/journeys.tap" \
       "${@:-tests/e2e/}" 2>&1 | tee "$RUN/journeys.out"
RC=${PIPESTATUS[0]}
JT=$((SECONDS - T1))
curl -fsS "$TAP_URL/_tap/activities" > "$RUN/bot-activities.json" 2>/dev/null || true

cleanup
trap - EXIT

# 6. Network check: no connect() to anything but loopback (or a local socket).
NET=ok
if [ ${#HOST_TRACE[@]} -gt 0 ]; then
  outside=$(cat "$RUN"/*.connect.log 2>/dev/null | grep -E 'connect\(' | grep -v -E 'AF_UNIX|AF_NETLINK|127\.0\.0\.1|"::1"' \
            | grep -E 'sin_addr|sin6_addr' | sed -E 's/^[0-9]+ +//' | sort | uniq -c || true)
  if [ -n "$outside" ]; then NET=FAILED; echo "e2e: non-loopback connect() attempts:"; echo "$outside"; RC=1; fi
else
  NET="not checked (no strace)"
fi

pass=$(grep -E '^# pass ' "$RUN/journeys.tap" | awk '{print $3}'); fail=$(grep -E '^# fail ' "$RUN/journeys.tap" | awk '{print $3}')
echo "E2E journeys: ${pass:-0} passed, ${fail:-?} failed; journeys ${JT} s, total $((SECONDS - T0)) s; network: $NET; artifacts: $ART"
[ "$RC" -eq 0 ]
