#!/usr/bin/env bash
# Counts the project source files a warm "can I use ChatGPT?" turn crosses, from POST /api/messages of the local host
# to the connector post of the reply (docs/architecture.md, "The walk of a turn"), or with WALK_CASE=click an approve
# click from POST /api/messages to its committed outbox row and queued event; WALK_VARY=1 measures a question the
# host has not seen (each measured turn a new text) instead of a repeated one. The turn runs once and twice under
# coverage (coverlet), and the files whose lines ran more often the second time are the walk. Framework code is not
# counted (it is not instrumented), nor source-generated code. Azurite on AZURITE_PORT_BASE (default 20000) unless
# AIPOLICYBOT_TEST_STORAGE names a running one; the fake connector listens on AIPOLICYBOT_PLAYGROUND_PORT_BASE + 19.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/lib/common.sh
OUT=artifacts/walk
rm -rf "$OUT" && mkdir -p "$OUT"
if [ -z "${AIPOLICYBOT_TEST_STORAGE:-}" ]; then
  P=${AZURITE_PORT_BASE:-20000}
  trap 'stop_azurite' EXIT
  start_azurite "$OUT/azurite" "$P" $((P+1)) $((P+2)) || { echo "Azurite did not start"; exit 1; }
  export AIPOLICYBOT_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
fi
dotnet build tools/walk/AiPolicyBot.Walk.csproj -c Release -nologo -clp:ErrorsOnly
# WALK_CASE=click: an approve click to its outbox row (WalkClicks) instead of a chat turn (WalkTurns).
CASE=WalkTurns
[ "${WALK_CASE:-turn}" = click ] && CASE=WalkClicks
for turns in 1 2; do
  WALK_TURNS=$turns WALK_CLICKS=$turns dotnet test tools/walk/AiPolicyBot.Walk.csproj -c Release --no-build --nologo \
    --filter "FullyQualifiedName~$CASE" --collect "XPlat Code Coverage" --results-directory "$OUT/turns-$turns" > "$OUT/turns-$turns.log" \
    || { cat "$OUT/turns-$turns.log"; exit 1; }
done
python3 tools/walk/walk_diff.py "$(find "$OUT/turns-1" -name coverage.cobertura.xml)" "$(find "$OUT/turns-2" -name coverage.cobertura.xml)"
