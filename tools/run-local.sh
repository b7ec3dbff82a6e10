#!/usr/bin/env bash
# Runs AiPolicyBot on this machine, loopback only, with no tenant: Azurite (persistent, under .local/azurite), the
# local host in Development (demo register, local mail folders under .local/mail), and the Microsoft 365 Agents
# Playground as the Teams client. Prints the URL to open. Ctrl+C stops everything this script started.
#
#   LOCALHOST_PORT=7071      the local host (http://127.0.0.1:$LOCALHOST_PORT)
#   PLAYGROUND_PORT=56150    the Agents Playground (open http://127.0.0.1:$PLAYGROUND_PORT)
#   AZURITE_PORT_BASE=10000  Azurite blob/queue/table on BASE..BASE+2 (not 10000: the host gets the full connection string)
#   LOCAL_DIR=.local         where Azurite's data, the mail folders and the logs live
#   DEMO_PROFILE=solo        solo: the Playground's user (Alex Wilber, user-id-0) is also the CIO, CDO, DPO, IT and every
#                            academy leader, and may decide their own requests ("local demo" on every card), so one
#                            person can walk the whole flow; team: the approvers of appsettings.Development.json
#                            (Playground users user-id-1..5, as the end-to-end tests use them)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOCAL=${LOCAL_DIR:-$ROOT/.local}
case "$LOCAL" in /*) ;; *) LOCAL=$ROOT/$LOCAL ;; esac
PORT=${LOCALHOST_PORT:-7071}
PG_PORT=${PLAYGROUND_PORT:-56150}
AP=${AZURITE_PORT_BASE:-10000}
PROFILE=${DEMO_PROFILE:-solo}
URL=http://127.0.0.1:$PORT
PG_URL=http://127.0.0.1:$PG_PORT
MAIL=$LOCAL/mail
source tools/lib/common.sh

HOST_PID=; PLAYGROUND_PID=
cleanup() {
  trap - EXIT INT TERM
  echo; echo "Stopping…"
  stop_tree "$PLAYGROUND_PID"
  stop_tree "$HOST_PID"
  stop_azurite
  echo "Stopped. Local data stays in $LOCAL (delete it for a fresh start)."
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
case "$PROFILE" in solo|team) ;; *) echo "DEMO_PROFILE must be solo or team"; exit 2 ;; esac

# 1. Pinned npm tools (Azurite, the Agents Playground) from package-lock.json.
ensure_npm_tools || { echo "npm ci failed"; exit 1; }

# 2. Azurite, persistent. On the default ports UseDevelopmentStorage=true means exactly these.
for p in "$AP" $((AP+1)) $((AP+2)) "$PORT" "$PG_PORT"; do
  port_busy "$p" && { echo "Port $p is already in use on 127.0.0.1 (another run of this script?). Stop it first, or choose other ports (see the top of $0)."; exit 1; }
done
mkdir -p "$LOCAL/azurite" "$LOCAL/logs" "$MAIL/inbox" "$MAIL/outbox" "$MAIL/triaged"
echo "Starting Azurite (data in $LOCAL/azurite/data)…"
start_azurite "$LOCAL/azurite" "$AP" $((AP+1)) $((AP+2)) --persist || { echo "Azurite did not start: see $LOCAL/azurite/azurite.out"; exit 1; }

# 3. Build and start the local host in Development (appsettings.Development.json: local-development auth for the
#    Playground, the admin key, the approvers). Decision mail goes to $MAIL/outbox as .eml files, and .eml files
#    dropped in $MAIL/inbox are triaged into $MAIL/triaged/<category>/ (LocalMail:Root).
echo "Building the local host…"
dotnet build functions/AiPolicyBot.LocalHost -c Debug -nologo -clp:ErrorsOnly -v:q || { echo "Build failed"; exit 1; }
OUT=$ROOT/functions/AiPolicyBot.LocalHost/bin/Debug/net10.0
STORAGE=UseDevelopmentStorage=true
[ "$AP" != 10000 ] && STORAGE=$AZURITE_CONNECTION_STRING

SETTINGS=(ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
          "AzureWebJobsStorage=$STORAGE" "LocalMail__Root=$MAIL")
if [ "$PROFILE" = solo ]; then
  # The one person in the Playground UI holds every approver role (configuration keys of docs/approvals.md).
  me=$PLAYGROUND_UI_USER_AAD
  SETTINGS+=("Approvers__CIO__Id=$me" "Approvers__CDO=$me" "Approvers__DPO=$me" "Approvers__IT=$me"
             "Approval__LocalDemoSelfApproval=true")
  for academy in $(node -e '
      const read = f => { try { return JSON.parse(require("fs").readFileSync(f, "utf8")).Academies || {}; } catch { return {}; } };
      const dir = "functions/AiPolicyBot.LocalHost/";
      console.log(Object.keys({ ...read(dir + "appsettings.json"), ...read(dir + "appsettings.Development.json") }).join(" "));'); do
    SETTINGS+=("Academies__${academy}__Leader=$me")
  done
fi

echo "Starting the local host on $URL (log: $LOCAL/logs/localhost.log)…"
( cd "$OUT" && exec env "${SETTINGS[@]}" dotnet AiPolicyBot.LocalHost.dll --urls "$URL" ) > "$LOCAL/logs/localhost.log" 2>&1 &
HOST_PID=$!
deadline=$((SECONDS + 60))
until curl -fsS "$URL/api/health" >/dev/null 2>&1; do
  kill -0 "$HOST_PID" 2>/dev/null || { echo "The local host exited: see $LOCAL/logs/localhost.log"; tail -20 "$LOCAL/logs/localhost.log"; exit 1; }
  [ $SECONDS -ge $deadline ] && { echo "The local host did not answer in 60 s"; exit 1; }
  sleep 0.3
done

# 4. The Agents Playground (the Teams client), pointed at the host; no browser opened, telemetry off.
echo "Starting the Agents Playground on $PG_URL (log: $LOCAL/playground/playground.out)…"
start_playground "$LOCAL/playground" "$PG_PORT" "$URL/api/messages"
deadline=$((SECONDS + 60))
until [ "$(curl -fsS "$PG_URL/_debug/ping" 2>/dev/null)" = pong ]; do
  kill -0 "$PLAYGROUND_PID" 2>/dev/null || { echo "The Playground exited: see $LOCAL/playground/playground.out"; tail -20 "$LOCAL/playground/playground.out"; exit 1; }
  [ $SECONDS -ge $deadline ] && { echo "The Playground did not answer in 60 s"; exit 1; }
  sleep 0.3
done

if [ "$PROFILE" = solo ]; then
  WHO="you (Alex Wilber) are also the CIO, CDO, DPO, IT and academy leader: approve your own requests on the cards (\"local demo\")"
else
  WHO="approvers are Playground users user-id-1..5 (appsettings.Development.json); the UI shows Alex Wilber's chats only"
fi
cat <<INFO

AiPolicyBot is running (loopback only, telemetry off).

  Open this in a browser:  $PG_URL   (Microsoft 365 Agents Playground, the Teams client)
  Try: "can I use chat gtp for lesson plans?", "can I use chatgpt to write reports with pupil names?",
       "I'd like to request approval for Brisk Teaching", "my requests", "pending approvals".
  Register tab     $URL/api/tab/app/   ("AI tools register": staff view; sign in as a demo person, e.g. Isaiah Langer
                   for the Register.Admin view. Development-only local sign-in, from this machine only)
  Approvals        $WHO
  Mail folders     $MAIL/outbox   decision mail, one .eml per email (Graph is off locally)
                   $MAIL/inbox    drop .eml files here: they are triaged into $MAIL/triaged/<category>/
  Local host       $URL/api/health, admin API $URL/api/register/search?q=chat%20gtp (header x-functions-key,
                   Admin:Key in functions/AiPolicyBot.LocalHost/appsettings.Development.json)
  Storage          Azurite on 127.0.0.1:$AP-$((AP+2)), data in $LOCAL/azurite/data
  Logs             $LOCAL/logs/localhost.log, $LOCAL/playground/playground.out, $LOCAL/azurite/azurite.out
Press Ctrl+C to stop everything.
INFO
# Stop everything if either service dies; otherwise run until Ctrl+C.
while kill -0 "$HOST_PID" 2>/dev/null && kill -0 "$PLAYGROUND_PID" 2>/dev/null; do sleep 1; done
echo "A service stopped unexpectedly: see the logs above."
exit 1
