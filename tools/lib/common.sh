# Shared shell helpers for tools/*.sh. Loopback only: every service binds 127.0.0.1 with telemetry off.

# Install the pinned npm tools (Azurite, Agents Playground, playwright-core, adaptivecards, app-manifest).
ensure_npm_tools() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing pinned npm tools…"
    npm ci --no-audit --no-fund --loglevel=error || return 1
  fi
}

# Debian's chromium (for the one browser journey); tests need no browser download.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "Installing chromium from Debian…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      || echo "warning: chromium could not be installed; the browser journey will fail"
  else
    echo "warning: chromium is missing and this is not root; install it with: sudo apt-get install chromium"
  fi
}

wait_port() { # wait_port PORT SECONDS
  local port=$1 deadline=$((SECONDS + ${2:-30}))
  until (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.1
  done
}

# start_azurite DIR BLOBPORT QUEUEPORT TABLEPORT [--persist]: in memory unless --persist (then DIR holds the data).
start_azurite() {
  local dir=$1 b=$2 q=$3 t=$4 mode=${5:-}
  mkdir -p "$dir"
  local storage=(--inMemoryPersistence --extentMemoryLimit 256)
  [ "$mode" = --persist ] && storage=(--location "$dir/data")
  node_modules/.bin/azurite --silent "${storage[@]}" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$b" --queuePort "$q" --tablePort "$t" \
    --skipApiVersionCheck --disableTelemetry > "$dir/azurite.out" 2>&1 &
  AZURITE_PID=$!
  export AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$b/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$q/devstoreaccount1;TableEndpoint=http://127.0.0.1:$t/devstoreaccount1;"
  wait_port "$b" 30 && wait_port "$q" 30 && wait_port "$t" 30
}

stop_azurite() {
  [ -n "${AZURITE_PID:-}" ] && kill "$AZURITE_PID" 2>/dev/null && wait "$AZURITE_PID" 2>/dev/null
  AZURITE_PID=
}

# stop_tree PID: stops a process and its descendants by process id (children first), never by name.
stop_tree() {
  local pid=$1 kid
  [ -n "$pid" ] || return 0
  for kid in $(pgrep -P "$pid" 2>/dev/null); do stop_tree "$kid"; done
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}

# Playground users (GET /_internal/v1/config of Agents Playground 0.2.28): user-id-0 is the person using the UI.
PLAYGROUND_UI_USER_AAD=00000000-0000-0000-0000-0000000000020

# start_playground DIR PORT BOT_ENDPOINT [extra args]: the Agents Playground, telemetry off (docs/e2e.md).
# Runs in DIR because it writes devTools/m365agentsplayground.log into its working directory. Sets PLAYGROUND_PID.
start_playground() {
  local dir=$1 port=$2 endpoint=$3; shift 3
  mkdir -p "$dir"
  ( cd "$dir" && TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=1 \
      exec "${PLAYGROUND_WRAPPER[@]}" node "$ROOT/node_modules/@microsoft/m365agentsplayground/cli.js" \
      -e "$endpoint" -c msteams -p "$port" --disable-telemetry "$@" ) > "$dir/playground.out" 2>&1 &
  PLAYGROUND_PID=$!
}
PLAYGROUND_WRAPPER=()
