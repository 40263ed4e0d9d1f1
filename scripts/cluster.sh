#!/usr/bin/env bash
# Starts a cluster on one machine: the store and N gateway nodes (default 2), logs in data/cluster/.
# Waits until every node's /health is 200, prints the URLs, and stops everything on Ctrl-C/SIGTERM.
# Usage: scripts/cluster.sh [N] [gateway flags, e.g. --config FILE]
# Node i (1..N) serves HTTP on GATEWAY_HTTP_PORT + i - 1 and keeps its files in data/cluster/node-i;
# only node 1 runs the sandbox. The secret key and JWT secret are generated once into
# data/cluster/env, which every node uses; for a token:
#   (source data/cluster/env && scripts/token.sh --account 1000000)
# Environment, with defaults:
#   GATEWAY_HTTP_PORT     8080                 node 1's HTTP port; node i takes the i-1 after it
#   GATEWAY_SANDBOX_PORT  8090                 the sandbox node 1 serves and every node calls
#   GATEWAY_STORE_PORT    27017                the store
#   GATEWAY_CLUSTER_NAME  integration-gateway  nodes join only a cluster of this name
#   GATEWAY_CLUSTER_PORT  5701                 node 1's Hazelcast port; the others take the next
#                                              free ones above it
#   GATEWAY_READY_SECONDS 180                  how long to wait for each node
#   JAVA_OPTS                                  extra JVM flags
# The cluster name and port given here win over cluster.name and cluster.port of a --config file.
# Every port must be free: the script checks them before it starts anything and names the one in
# use. Two people on one machine each pick their own ports and cluster name, e.g.
#   GATEWAY_HTTP_PORT=9080 GATEWAY_SANDBOX_PORT=9190 GATEWAY_STORE_PORT=28017 \
#   GATEWAY_CLUSTER_NAME=gateway-$USER GATEWAY_CLUSTER_PORT=6701 scripts/cluster.sh 3
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

N=${1:-2}
[[ "$N" =~ ^[1-9]$ ]] || { echo "usage: scripts/cluster.sh [N] (1 to 9 nodes)" >&2; exit 2; }
shift $(( $# > 0 ? 1 : 0 ))
DIR=data/cluster
HTTP_PORT=${GATEWAY_HTTP_PORT:-8080}
SANDBOX_PORT=${GATEWAY_SANDBOX_PORT:-8090}
STORE_PORT=${GATEWAY_STORE_PORT:-27017}
export GATEWAY_CLUSTER_NAME=${GATEWAY_CLUSTER_NAME:-integration-gateway}
export GATEWAY_CLUSTER_PORT=${GATEWAY_CLUSTER_PORT:-5701}
READY_SECONDS=${GATEWAY_READY_SECONDS:-180}
STOP_SECONDS=45
STORE_PID=""
NODE_PIDS=()

# Exits with a usage message unless $2 (the value of variable $1) is a port number.
check_port_number() {
  if ! [[ "$2" =~ ^[1-9][0-9]{0,4}$ ]] || (( $2 > 65535 )); then
    echo "$1 must be a port number from 1 to 65535, got '$2'" >&2
    exit 2
  fi
}

# True when nothing accepts connections on 127.0.0.1:$1 (bash's /dev/tcp, no other tool needed).
port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Exits naming the port, what it is for and the variable that moves it, if it is in use; $4, if
# given, is a further line of advice.
require_free() {
  local port=$1 what=$2 variable=$3 advice=${4:-}
  if ! port_free "$port"; then
    echo "port $port ($what) is in use; choose another with $variable=<port>" >&2
    [[ -z "$advice" ]] || echo "$advice" >&2
    exit 1
  fi
}

http_port() {
  echo $((HTTP_PORT + $1 - 1))
}

check_ports() {
  local i
  check_port_number GATEWAY_HTTP_PORT "$HTTP_PORT"
  check_port_number GATEWAY_SANDBOX_PORT "$SANDBOX_PORT"
  check_port_number GATEWAY_STORE_PORT "$STORE_PORT"
  check_port_number GATEWAY_CLUSTER_PORT "$GATEWAY_CLUSTER_PORT"
  if (( HTTP_PORT + N - 1 > 65535 )); then
    echo "GATEWAY_HTTP_PORT=$HTTP_PORT leaves no room for $N nodes below 65536" >&2
    exit 2
  fi
  require_free "$STORE_PORT" "the store" GATEWAY_STORE_PORT
  for ((i = 1; i <= N; i++)); do
    require_free "$(http_port "$i")" "node $i's HTTP API" GATEWAY_HTTP_PORT
  done
  if [[ "${GATEWAY_SANDBOX_ENABLED:-true}" != false ]]; then
    require_free "$SANDBOX_PORT" "the sandbox" GATEWAY_SANDBOX_PORT
  fi
  require_free "$GATEWAY_CLUSTER_PORT" "Hazelcast" GATEWAY_CLUSTER_PORT \
    "Another cluster on this machine may hold it; nodes with its name would join that cluster, so
give this one a name of its own too with GATEWAY_CLUSTER_NAME=<name>."
}

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
  GATEWAY_HTTP_PORT=$(http_port "$i") GATEWAY_SANDBOX_PORT=$SANDBOX_PORT \
    GATEWAY_DATA_DIR=$DIR/node-$i GATEWAY_SANDBOX_SERVE=$serve \
    java $GATEWAY_JVM_ARGS -jar "$JAR" --cluster "$@" >"$DIR/node-$i.log" 2>&1 &
  NODE_PIDS[$i]=$!
}

healthy() {
  curl -fs -o /dev/null "http://127.0.0.1:$1/health"
}

wait_node() {
  local i=$1
  wait_until "node $i" "${NODE_PIDS[$i]}" "$DIR/node-$i.log" healthy "$(http_port "$i")"
  echo "node $i ready: http://127.0.0.1:$(http_port "$i")/api/ (log: $DIR/node-$i.log)" >&2
}

# Background jobs in their own process groups: Ctrl-C reaches only this script, which then stops
# the nodes before the store.
set -m
check_ports
build_jar_if_needed
mkdir -p "$DIR"
# One cluster.sh per data dir: a second one would rewrite the running cluster's env and store log.
exec 9>"$DIR/lock"
if ! flock -n 9; then
  echo "another scripts/cluster.sh is running on $DIR; stop it first, or run this one from another checkout" >&2
  exit 1
fi
write_env
trap stop_all INT TERM EXIT

start_store
# The first node forms the cluster; the others join it together.
start_node 1 "$@"
wait_node 1
for ((i = 2; i <= N; i++)); do start_node "$i" "$@"; done
for ((i = 2; i <= N; i++)); do wait_node "$i"; done

cat >&2 <<TEXT

$N node(s) ready in cluster $GATEWAY_CLUSTER_NAME (Hazelcast from port $GATEWAY_CLUSTER_PORT).
Health: curl http://127.0.0.1:$HTTP_PORT/health
A token for the API (same keys on every node):
  (source $DIR/env && scripts/token.sh --account 1000000 --role ADMIN)
Ctrl-C stops the cluster.
TEXT
wait "${NODE_PIDS[@]}"
