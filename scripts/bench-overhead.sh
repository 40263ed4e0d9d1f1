#!/usr/bin/env bash
# The gateway's overhead and footprint, measured side by side in one run on loopback:
#   1. createGeneralJiraTicket through the gateway vs a bare Vert.x pass-through to the same Jira
#      stand-in: throughput (closed loop) and p50/p99 at half load (open loop), and their ratios;
#   2. start-up time to ready and resident memory when idle, for the jar as run.sh starts it.
# Usage: scripts/bench-overhead.sh [seconds per measurement, default 15] [concurrency, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
SECONDS_EACH=${1:-15}
CONCURRENCY=${2:-16}

mvn -B -q -DskipTests package test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
CP="target/test-classes:target/classes:$(cat target/classpath.txt)"
echo "== overhead (${SECONDS_EACH}s per measurement, concurrency ${CONCURRENCY})"
java $GATEWAY_JVM_ARGS -cp "$CP" com.apisec.gateway.bench.OverheadBenchmark \
  "$SECONDS_EACH" "$CONCURRENCY" 2> >(grep -v -e '^WARNING' >&2)

echo "== start-up and idle memory (standalone)"
DATA=$(mktemp -d)
PORT=$(( 20000 + RANDOM % 10000 ))
START=$(date +%s%N)
GATEWAY_DATA_DIR="$DATA" GATEWAY_HTTP_PORT=$PORT GATEWAY_SANDBOX_PORT=$((PORT + 1)) \
  java $GATEWAY_JVM_ARGS -jar "$JAR" > "$DATA/gateway.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/health" > /dev/null; do
  kill -0 $PID 2>/dev/null || { echo "gateway exited; see $DATA/gateway.log" >&2; exit 1; }
  sleep 0.05
done
READY_MS=$(( ($(date +%s%N) - START) / 1000000 ))
sleep 10
RSS_KB=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
echo "start-up to ready: ${READY_MS} ms (target <= 2000 ms)"
echo "resident memory when idle: $(( RSS_KB / 1024 )) MB (target <= 256 MB)"
