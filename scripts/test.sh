#!/usr/bin/env bash
# `npm test`: the whole suite from a fresh clone. Installs what it needs (npm packages, Debian's
# Chromium and the interop brokers), then typecheck, lint, unit and real-socket integration tests,
# the production build, and browser journeys in Chromium. Ends with one line "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
set -e
bash scripts/install-test-deps.sh
bash scripts/ensure-node-modules.sh
npm run typecheck
npm run lint
set +e
mkdir -p .tmp
rm -f .tmp/vitest.json .tmp/playwright.json
failed=0
if [ -f scripts/brokers/start-all.sh ]; then
  # Real brokers for the interop suite, on free ports; exports their URLs for the tests.
  eval "$(bash scripts/brokers/start-all.sh)" || failed=1
  trap 'bash scripts/brokers/stop-all.sh >/dev/null 2>&1' EXIT
fi
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || failed=1
npx vite build --logLevel warn || failed=1
npx playwright test || failed=1
node scripts/test-summary.mjs .tmp/vitest.json .tmp/playwright.json || failed=1
exit $failed
