#!/usr/bin/env bash
# Starts a cluster on one machine: the store and N gateway nodes (default 2), logs in data/cluster/.
# Waits until every node's /health is 200, prints the URLs, and stops everything on Ctrl-C/SIGTERM.
# Usage: scripts/cluster.sh [N] [gateway flags, e.g. --config FILE]
# Node i (1..N) serves HTTP on 8079+i and keeps its files in data/cluster/node-i; only node 1 runs
# the sandbox. The secret key and JWT secret are generated once into data/cluster/env, which every
# node uses; for a token: (source data/cluster/env && scripts/token.sh --account 1000000)
# Environment: GATEWAY_STORE_PORT (27017), GATEWAY_CLUSTER_PORT, GATEWAY_CLUSTER_NAME, JAVA_OPTS,
# GATEWAY_READY_SECONDS (how long to wait for each node, default 180).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

N=${1:-2}
[[ "$N" =~ ^[1-9]$ ]] || { echo "usage: scripts/cluster.sh [N] (1 to 9 nodes)" >&2; exit 2; }
shift $(( $# > 0 ? 1 : 0 ))
DIR=data/cluster
STORE_PORT=${GATEWAY_STORE_PORT:-27017}
READY_SECONDS=${GATEWAY_READY_SECONDS:-180}
STOP_SECONDS=45
STORE_PID=""
NODE_PIDS=()

# The keys live as long as the store's data: reuse them, or take them from the environment once.
write_env() {
  if [[ -f "$DIR/env" ]]; then
    source "$DIR/env"
  fi
  local key=${GATEWAY_SECRET_KEY:-$(head -c 32 /dev/urandom | base64 | tr -d '\n')}
  local jwt=${GATEWAY_JWT_SECRET:-$(head -c 48 /dev/urandom | base64 | tr -d '\n')}
  (
    umask 077
    {
      echo "# Shared by every node of scripts/cluster.sh; keep it with data/cluster/store."
      echo "export GATEWAY_SECRET_KEY='$key'"
      echo "export GATEWAY_JWT_SECRET='$jwt'"
      echo "export GATEWAY_MONGO_URI='mongodb://127.0.0.1:$STORE_PORT'"
    } >"$DIR/env"
  )
  source "$DIR/env"
}

alive() {
  kill -0 "$1" 2>/dev/null
}

# Sends SIGTERM, waits up to STOP_SECONDS, then SIGKILL.
stop_pids() {
  local pid deadline=$((SECONDS + STOP_SECONDS))
  for pid in "$@"; do alive "$pid" && kill -TERM "$pid" 2>/dev/null; done
  for pid in "$@"; do
    while alive "$pid" && (( SECONDS < deadline )); do sleep 0.2; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null
  done
  return 0
}

stop_all() {
  trap - INT TERM EXIT
  echo "stopping the nodes, then the store ..." >&2
  stop_pids "${NODE_PIDS[@]}"
  [[ -n "$STORE_PID" ]] && stop_pids "$STORE_PID"
  echo "stopped; logs are in $DIR/" >&2
}

# Fails with the log's last lines if the process exits or the check does not pass in time.
wait_until() {
  local name=$1 pid=$2 log=$3 deadline=$((SECONDS + READY_SECONDS))
  shift 3
  until "$@"; do
    if ! alive "$pid"; then
      echo "$name exited; last lines of $log:" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
    if (( SECONDS >= deadline )); then
      echo "$name not ready after ${READY_SECONDS}s; see $log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

start_store() {
  GATEWAY_DATA_DIR=$DIR/store GATEWAY_STORE_PORT=$STORE_PORT \
    java $GATEWAY_JVM_ARGS -jar "$JAR" store >"$DIR/store.log" 2>&1 &
  STORE_PID=$!
  wait_until store "$STORE_PID" "$DIR/store.log" grep -q '^mongodb://' "$DIR/store.log"
  echo "store: $GATEWAY_MONGO_URI (log: $DIR/store.log)" >&2
}

start_node() {
  local i=$1 serve=false
  shift
  # Every node sends the example hosts' calls to the sandbox; only the first node serves it.
  [[ $i == 1 ]] && serve=true
  GATEWAY_HTTP_PORT=$((8079 + i)) GATEWAY_DATA_DIR=$DIR/node-$i GATEWAY_SANDBOX_SERVE=$serve \
    java $GATEWAY_JVM_ARGS -jar "$JAR" --cluster "$@" >"$DIR/node-$i.log" 2>&1 &
  NODE_PIDS[$i]=$!
}

healthy() {
  curl -fs -o /dev/null "http://127.0.0.1:$1/health"
}

wait_node() {
  local i=$1
  wait_until "node $i" "${NODE_PIDS[$i]}" "$DIR/node-$i.log" healthy $((8079 + i))
  echo "node $i ready: http://127.0.0.1:$((8079 + i))/api/ (log: $DIR/node-$i.log)" >&2
}

# Background jobs in their own process groups: Ctrl-C reaches only this script, which then stops
# the nodes before the store.
set -m
build_jar_if_needed
mkdir -p "$DIR"
write_env
trap stop_all INT TERM EXIT

start_store
# The first node forms the cluster; the others join it together.
start_node 1 "$@"
wait_node 1
for ((i = 2; i <= N; i++)); do start_node "$i" "$@"; done
for ((i = 2; i <= N; i++)); do wait_node "$i"; done

cat >&2 <<TEXT

$N node(s) ready. Health: curl http://127.0.0.1:8080/health
A token for the API (same keys on every node):
  (source $DIR/env && scripts/token.sh --account 1000000 --role ADMIN)
Ctrl-C stops the cluster.
TEXT
wait "${NODE_PIDS[@]}"
