#!/usr/bin/env bash
# Builds the gateway's jar if needed, then starts it. Flags: --config FILE (default
# conf/config.yaml), --cluster (join the cluster: needs GATEWAY_MONGO_URI and the keys, see
# docs/cluster.md).
# Environment: GATEWAY_HTTP_PORT, GATEWAY_SANDBOX_PORT, GATEWAY_DATA_DIR, GATEWAY_MONGO_URI,
# GATEWAY_SANDBOX_ENABLED, GATEWAY_SECRET_KEY, GATEWAY_JWT_SECRET, GATEWAY_MODE,
# GATEWAY_CLUSTER_NAME, GATEWAY_CLUSTER_PORT, GATEWAY_CLUSTER_MEMBERS.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
build_jar_if_needed
exec java $GATEWAY_JVM_ARGS -jar "$JAR" "$@"
