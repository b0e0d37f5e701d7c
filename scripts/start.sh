#!/usr/bin/env bash
# `npm start`: install, build the page, then serve it and the embedded AMQP broker on one port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
npx vite build --logLevel warn
# node itself, not a wrapper, so Ctrl+C and SIGTERM reach the broker and it closes cleanly
exec node --import tsx broker/main.ts --serve-app dist "$@"
