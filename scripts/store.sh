#!/usr/bin/env bash
# Runs the embedded store as a process of its own, so that several nodes on one machine can share
# it, and prints its URI. Stops cleanly on SIGTERM or Ctrl-C. Flags: --port, --host, --data-dir.
# Environment: GATEWAY_STORE_PORT (default 27017), GATEWAY_STORE_HOST (default 127.0.0.1),
# GATEWAY_DATA_DIR (default data/store).
# Then start each node with GATEWAY_MONGO_URI=<the printed URI> scripts/run.sh --cluster
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
build_jar_if_needed
exec java $GATEWAY_JVM_ARGS -jar "$JAR" store "$@"
