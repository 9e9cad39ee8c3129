#!/usr/bin/env bash
# All the tests: unit (pure rules) then integration/e2e against real Kafka, FerretDB, MinIO and
# MailDev, which the integration tier's global setup starts (installing them on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm ci
npx jest --selectProjects unit
# --forceExit: a test that fails midway can leave a consumer or a producer loop running; the run
# must still end (and report the failure) rather than wait on it forever.
npx jest --selectProjects integration --runInBand --forceExit "$@"
