#!/usr/bin/env bash
# Stops the services started by `npm run up` (if any still run) and the local infrastructure.
set -euo pipefail
cd "$(dirname "$0")/.."
pkill -TERM -f "node dist/services/.*/src/main.js" 2>/dev/null || true
deploy/local/infra.sh down
