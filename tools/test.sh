#!/usr/bin/env bash
# Runs every AiPolicyBot test on a fresh machine: installs the pinned npm tools (and Debian's chromium for the
# browser journey), starts Azurite in memory on loopback, builds the solution, runs every .NET test project, the
# Node checks (cards, manifest) and the end-to-end journeys, stops what it started, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ART=$ROOT/artifacts/test
mkdir -p "$ART"
source tools/lib/common.sh

ensure_npm_tools
ensure_chromium

# Azurite on ports of its own, so a local run on the default ports can keep going.
P=${AZURITE_PORT_BASE:-20000}
trap 'stop_azurite' EXIT
trap 'exit 130' INT TERM
start_azurite "$ART/azurite" "$P" $((P+1)) $((P+2)) || { echo "Azurite did not start (see $ART/azurite/azurite.out)"; exit 1; }
export AIPOLICYBOT_TEST_STORAGE="$AZURITE_CONNECTION_STRING"

passed=0; failed=0; failures=(); tests_passed=0; tests_failed=0
# Adds up the tests a step ran: dotnet test's summary lines and node's "pass N"/"fail N" (TAP or spec reporter).
count_tests() {
  local p f
  read -r p f < <(awk '
    /^(Passed|Failed)! +- +Failed:/ { gsub(",", ""); for (i = 1; i < NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
    /^(# |ℹ )pass [0-9]+$/ { p += $NF }
    /^(# |ℹ )fail [0-9]+$/ { f += $NF }
    END { print p + 0, f + 0 }' "$1")
  tests_passed=$((tests_passed + p)); tests_failed=$((tests_failed + f))
}
step() { # step NAME COMMAND...
  local name=$1; shift
  local log="$ART/step-${name//[^A-Za-z0-9.-]/_}.log"
  echo "::: $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  count_tests "$log"
  if [ "$rc" -eq 0 ]; then passed=$((passed+1)); else failed=$((failed+1)); failures+=("$name"); fi
}

step "build" dotnet build AiPolicyBot.sln -c Release -nologo -clp:ErrorsOnly
# Layout as .editorconfig says (whitespace and usings; the build already enforces code style and analyzers).
step "format" dotnet format whitespace AiPolicyBot.sln --verify-no-changes -v q
for proj in tests/*/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  # A project still waiting for its part's tests is reported, not counted (an empty run would fail as "no tests").
  if [ -z "$(find "$(dirname "$proj")" -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    echo "::: $name: no test sources yet, not run"; continue
  fi
  step "$name" dotnet test "$proj" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$ART/results" -- RunConfiguration.TreatNoTestsAsError=true
done
# Hostile input against the running local host: a seeded slice of the fuzz tool (docs/security.md has the full run).
step "fuzz (seeded slice)" dotnet tools/fuzz/AiPolicyBot.Fuzz/bin/Release/net10.0/AiPolicyBot.Fuzz.dll --seed 19 --cases 800 \
  --out "$ART/fuzz"
for t in tests/node/*.test.js; do
  [ -e "$t" ] || continue
  step "node $(basename "$t")" node --test "$t"
done
if [ -x tools/e2e/run-e2e.sh ]; then
  step "end-to-end journeys" env E2E_NO_BUILD=1 tools/e2e/run-e2e.sh
fi

echo
for f in "${failures[@]}"; do echo "  failed: $f"; done
echo "Steps: $passed passed, $failed failed"
echo "Tests: $tests_passed passed, $tests_failed failed"
[ "$failed" -eq 0 ]
