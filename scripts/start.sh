#!/usr/bin/env bash
# `npm start`: install, build the page, then serve it and the embedded AMQP broker on one port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
npx vite build --logLevel warn
exec npx tsx broker/main.ts --serve-app dist "$@"
