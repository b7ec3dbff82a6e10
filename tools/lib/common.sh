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
