#!/usr/bin/env bash
# Regenerates docs/images/*.png for docs/user-guide.md from the real system: runs the end-to-end journeys (which keep
# every card they see under artifacts/e2e/cards and the Playground UI screenshots under artifacts/e2e/screenshots),
# then renders those cards with the official Adaptive Cards renderer in headless chromium. Loopback only.
#   tools/docs/screenshots.sh           run the journeys, then render
#   tools/docs/screenshots.sh --reuse   render from the last run's artifacts
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" != --reuse ]; then
  tools/e2e/run-e2e.sh || { echo "screenshots: the journeys failed; images not updated"; exit 1; }
fi
node tools/docs/render-guide-images.js
