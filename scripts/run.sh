#!/usr/bin/env bash
# Builds the gateway's jar if needed, then starts it. Flags: --config FILE (default conf/config.yaml).
# Environment: GATEWAY_HTTP_PORT, GATEWAY_SANDBOX_PORT, GATEWAY_DATA_DIR, GATEWAY_MONGO_URI,
# GATEWAY_SANDBOX_ENABLED, GATEWAY_SECRET_KEY, GATEWAY_JWT_SECRET, GATEWAY_MODE.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
build_jar_if_needed
exec java $GATEWAY_JVM_ARGS -jar "$JAR" "$@"
