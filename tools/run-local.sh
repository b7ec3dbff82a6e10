#!/usr/bin/env bash
# Runs AiPolicyBot on this machine, loopback only: Azurite (persistent, under .local/azurite) on the default ports
# 10000-10002, and the local host in Development on http://127.0.0.1:7071. Ctrl+C stops everything this script started.
#   LOCALHOST_PORT=7072 tools/run-local.sh      another port for the local host
#   AZURITE_PORT_BASE=11000 tools/run-local.sh  Azurite on 11000-11002 (the host then gets the full connection string)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOCAL=$ROOT/.local
PORT=${LOCALHOST_PORT:-7071}
AP=${AZURITE_PORT_BASE:-10000}
URL=http://127.0.0.1:$PORT
source tools/lib/common.sh

HOST_PID=
cleanup() {
  trap - EXIT INT TERM
  echo; echo "Stopping…"
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null
  stop_azurite
  echo "Stopped. Local data stays in $LOCAL (delete it for a fresh start)."
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# 1. npm tools (Azurite; later parts use the Agents Playground from the same lockfile).
ensure_npm_tools || { echo "npm ci failed"; exit 1; }

# 2. Azurite, persistent, default ports (UseDevelopmentStorage=true means exactly these).
for p in "$AP" $((AP+1)) $((AP+2)) "$PORT"; do
  port_busy "$p" && { echo "Port $p is already in use on 127.0.0.1 (another Azurite or local host?). Stop it first."; exit 1; }
done
mkdir -p "$LOCAL/azurite" "$LOCAL/logs"
echo "Starting Azurite (data in $LOCAL/azurite/data)…"
start_azurite "$LOCAL/azurite" "$AP" $((AP+1)) $((AP+2)) --persist || { echo "Azurite did not start: see $LOCAL/azurite/azurite.out"; exit 1; }

# 3. Build and start the local host in Development (reads appsettings.Development.json: AzureWebJobsStorage, admin key).
echo "Building the local host…"
dotnet build functions/AiPolicyBot.LocalHost -c Debug -nologo -clp:ErrorsOnly -v:q || { echo "Build failed"; exit 1; }
OUT=$ROOT/functions/AiPolicyBot.LocalHost/bin/Debug/net10.0
STORAGE=UseDevelopmentStorage=true
[ "$AP" != 10000 ] && STORAGE=$AZURITE_CONNECTION_STRING
echo "Starting the local host on $URL (log: $LOCAL/logs/localhost.log)…"
# Decision mail (Graph is off locally) is written as .eml files to $LOCAL/mail/outbox (LocalMail:Root, docs/mail.md).
mkdir -p "$LOCAL/mail/outbox"
( cd "$OUT" && ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 AzureWebJobsStorage="$STORAGE" LocalMail__Root="$LOCAL/mail" \
    exec dotnet AiPolicyBot.LocalHost.dll --urls "$URL" ) > "$LOCAL/logs/localhost.log" 2>&1 &
HOST_PID=$!
deadline=$((SECONDS + 60))
until curl -fsS "$URL/api/health" >/dev/null 2>&1; do
  kill -0 "$HOST_PID" 2>/dev/null || { echo "The local host exited: see $LOCAL/logs/localhost.log"; exit 1; }
  [ $SECONDS -ge $deadline ] && { echo "The local host did not answer in 60 s"; exit 1; }
  sleep 0.3
done

# 4. Later parts start here: the Agents Playground (Teams client). Local mail folders: .local/mail (see above).
#    Keep them loopback-only and started with the flags in docs/architecture.md, and stop them in cleanup().

cat <<INFO

AiPolicyBot is running (loopback only).
  Health           $URL/api/health
  Admin API        $URL/api/policy/evaluate, $URL/api/register/search?q=chat%20gtp
  Admin key        functions/AiPolicyBot.LocalHost/appsettings.Development.json (Admin:Key), header x-functions-key
  Storage          Azurite on 127.0.0.1:$AP-$((AP+2)), data in $LOCAL/azurite/data
  Decision mail    $LOCAL/mail/outbox/*.eml (one file per email; Graph is off locally)
  Logs             $LOCAL/logs/localhost.log, $LOCAL/azurite/azurite.out
Press Ctrl+C to stop everything.
INFO
wait "$HOST_PID"
