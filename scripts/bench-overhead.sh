#!/usr/bin/env bash
# The gateway's overhead and footprint, measured side by side in one run on loopback.
#   1. createGeneralJiraTicket through a gateway node to the Jira stand-in, and the same load through
#      a bare Vert.x pass-through to the same stand-in. Stand-in, gateway and pass-through are three
#      processes, so each one's CPU time per request is read apart (the pass-through has one
#      instance per core, so it may use every event loop as the gateway does). Throughput with a
#      fixed number of connections (wrk), in pairs of rounds ordered gateway/pass-through, then
#      pass-through/gateway, so that a drift of the machine's speed weighs on both alike; each
#      pair's ratio is taken, and the medians are printed. Then p50/p99 at half the gateway's
#      throughput (hey, rate-limited).
#   2. Start-up time to ready and resident memory when idle, for the jar as run.sh starts it,
#      standalone and clustered.
# Usage: scripts/bench-overhead.sh [seconds per measurement, default 10] [connections, default 16]
#        ROUNDS=n pairs (default 3), WARMUP_SECONDS=n (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-16}
ROUNDS=${ROUNDS:-3}

for tool in wrk hey; do
  if ! command -v "$tool" > /dev/null; then
    [[ $(id -u) == 0 ]] || { echo "needs $tool: apt-get install wrk hey" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk hey > /dev/null
  fi
done

mvn -B -q -DskipTests package test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
CP="target/test-classes:target/classes:$(cat target/classpath.txt)"
SERVE_JVM_ARGS=$GATEWAY_JVM_ARGS
build_jar_if_needed # and its class archive, which the start-up figures use as run.sh does
WORK=$(mktemp -d)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# serve ROLE [stand-in port]: starts one of OverheadBenchmark's servers, sources what it writes
# once it listens, and leaves its pid in SERVED.
serve() {
  local ready="$WORK/$1.ready"
  java $SERVE_JVM_ARGS -cp "$CP" com.apisec.gateway.bench.OverheadBenchmark "$1" "$ready" "${@:2}" \
    > "$WORK/$1.log" 2>&1 &
  SERVED=$!
  PIDS+=("$SERVED")
  until [[ -f "$ready" ]]; do
    kill -0 "$SERVED" 2>/dev/null || { cat "$WORK/$1.log" >&2; exit 1; }
    sleep 0.1
  done
  source "$ready"
}
serve standin
STANDIN=$SERVED
serve gateway "$STANDIN_PORT"
GATEWAY=$SERVED
serve passthrough "$STANDIN_PORT"
PASS=$SERVED
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = io.open("$BODY"):read("*a")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# wrk's latency figures come with a unit; print them in ms.
to_ms() { awk '{v=$1; if (v ~ /us$/) print v/1000; else if (v ~ /ms$/) print v+0; else print v*1000}'; }

# closed URL SERVER_PID -> "req/s p50_ms p99_ms errors server_cpu_us_per_request standin_cpu_us"
closed() {
  local own stand own_after stand_after out rps p50 p99 errors total
  own=$(cpu_ticks "$2")
  stand=$(cpu_ticks "$STANDIN")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$WORK/post.lua" "$1")
  own_after=$(cpu_ticks "$2")
  stand_after=$(cpu_ticks "$STANDIN")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
  p50=$(awk '$1 == "50%" {print $2}' <<< "$out" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out" | to_ms)
  errors=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print 1}' <<< "$out" | head -1)
  total=$(awk '/requests in/ {print $1}' <<< "$out")
  echo "$rps $p50 $p99 ${errors:-0} $(( (own_after - own) * 1000000 / TICK / total ))" \
    "$(( (stand_after - stand) * 1000000 / TICK / total ))"
}

# open URL RATE -> "req/s p50_ms p99_ms errors"
open_rate() {
  local per_worker out
  per_worker=$(awk -v r="$2" -v c="$CONNECTIONS" 'BEGIN {printf "%.0f", r / c}')
  out=$(hey -z "${SECONDS_EACH}s" -c "$CONNECTIONS" -q "$per_worker" -m POST \
    -T application/json -H "Authorization: Bearer $TOKEN" -D "$BODY" "$1")
  awk '
    /Requests\/sec/ {rps = $2}
    $1 == "50%%" || $1 == "50%" {p50 = $3 * 1000}
    $1 == "99%" {p99 = $3 * 1000}
    /^  \[/ {code = substr($1, 2, 3); if (code != "200") errors += $2}
    END {printf "%s %.2f %.2f %d\n", rps, p50, p99, errors + 0}' <<< "$out"
}

# median: of an even count, the mean of the two middle values.
median() { sort -g | awk '{v[NR] = $1} END {print (v[int((NR + 1) / 2)] + v[int(NR / 2) + 1]) / 2}'; }
column_median() { awk -v c="$1" '{print $c}' "$2" | median; }

gateway_round() { closed "$GATEWAY_URL" "$GATEWAY" | tee -a "$WORK/gw.closed" | sed "s/^/round $1 gateway     /"; }
pass_round() { closed "$PASS_URL" "$PASS" | tee -a "$WORK/pt.closed" | sed "s/^/round $1 passthrough /"; }

echo "== overhead: ${ROUNDS} pairs of ${SECONDS_EACH}s rounds, ${CONNECTIONS} connections"
echo "   columns: req/s, p50 ms, p99 ms, failed, CPU us/request of the server, of the stand-in"
# The JIT needs about 20 s of load before the figures settle.
echo "warm-up (${WARMUP_SECONDS:-30}s each) ..."
SECONDS_EACH=${WARMUP_SECONDS:-30} closed "$GATEWAY_URL" "$GATEWAY" > /dev/null
SECONDS_EACH=${WARMUP_SECONDS:-30} closed "$PASS_URL" "$PASS" > /dev/null
: > "$WORK/gw.closed"; : > "$WORK/pt.closed"; : > "$WORK/gw.open"; : > "$WORK/pt.open"
for round in $(seq "$ROUNDS"); do
  if (( round % 2 )); then
    gateway_round "$round"; pass_round "$round"
  else
    pass_round "$round"; gateway_round "$round"
  fi
done
paste -d' ' "$WORK/gw.closed" "$WORK/pt.closed" | awk '{print $1 / $7}' > "$WORK/ratios"
# Half load: half of what the gateway carries, the same rate for both.
RATE=$(awk '{print $1 / 2}' "$WORK/gw.closed" | median)
for round in $(seq "$ROUNDS"); do
  open_rate "$GATEWAY_URL" "$RATE" | tee -a "$WORK/gw.open" | sed "s/^/round $round gateway     at ${RATE}\/s /"
  open_rate "$PASS_URL" "$RATE" | tee -a "$WORK/pt.open" | sed "s/^/round $round passthrough at ${RATE}\/s /"
done
for side in gw pt; do
  name=$([[ $side == gw ]] && echo "gateway    " || echo "passthrough")
  printf '%s closed loop: %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  CPU %4.0f us/request (stand-in %.0f)\n' \
    "$name" "$(column_median 1 "$WORK/$side.closed")" "$(column_median 2 "$WORK/$side.closed")" \
    "$(column_median 3 "$WORK/$side.closed")" "$(column_median 5 "$WORK/$side.closed")" \
    "$(column_median 6 "$WORK/$side.closed")"
  printf '%s at %.0f/s:   %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms\n' "$name" "$RATE" \
    "$(column_median 1 "$WORK/$side.open")" "$(column_median 2 "$WORK/$side.open")" \
    "$(column_median 3 "$WORK/$side.open")"
done
errors=$(cat "$WORK"/*.closed "$WORK"/*.open | awk '{s += $4} END {print s + 0}')
echo "pair ratios gateway/passthrough: $(awk '{printf "%.2f ", $1}' "$WORK/ratios")"
awk -v r="$(median < "$WORK/ratios")" \
  'BEGIN {printf "throughput ratio gateway/passthrough (median of pairs): %.2f (target >= 0.80: %s)\n", r, (r >= 0.8 ? "met" : "NOT met")}'
awk -v g="$(column_median 3 "$WORK/gw.open")" -v p="$(column_median 3 "$WORK/pt.open")" \
  'BEGIN {a = g - p; printf "p99 added at half load: %.2f ms (target <= 3 ms: %s)\n", a, (a <= 3 ? "met" : "NOT met")}'
echo "failed requests in all rounds: $errors"
kill "$STANDIN" "$GATEWAY" "$PASS"

# startup LABEL [gateway flags] -> time to ready and idle RSS of one node
startup() {
  local data port start pid ready_ms rss_kb
  data=$(mktemp -d -p "$WORK")
  port=$(( 20000 + RANDOM % 10000 ))
  start=$(date +%s%N)
  GATEWAY_DATA_DIR="$data" GATEWAY_HTTP_PORT=$port GATEWAY_SANDBOX_PORT=$((port + 1)) \
    java $GATEWAY_JVM_ARGS -jar "$JAR" "${@:2}" > "$data/gateway.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
    kill -0 $pid 2>/dev/null || { echo "gateway exited; log follows" >&2; cat "$data/gateway.log" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 10
  rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  kill $pid
  wait $pid 2>/dev/null || true
  printf '%-11s start-up to ready %5d ms, resident memory when idle %4d MB\n' \
    "$1" "$ready_ms" $(( rss_kb / 1024 ))
}

echo "== start-up and idle memory (targets: 2000 ms standalone, 6000 ms clustered; 256 MB)"
startup standalone
# A clustered node needs the shared store; it runs here as scripts/store.sh runs it.
STORE_PORT=$(( 30000 + RANDOM % 10000 ))
GATEWAY_DATA_DIR="$WORK/store" GATEWAY_STORE_PORT=$STORE_PORT \
  java $GATEWAY_JVM_ARGS -jar "$JAR" store > "$WORK/store.log" 2>&1 &
PIDS+=("$!")
until grep -q '^mongodb://' "$WORK/store.log"; do sleep 0.1; done
GATEWAY_MONGO_URI=$(grep -m1 '^mongodb://' "$WORK/store.log") \
  GATEWAY_CLUSTER_PORT=$(( STORE_PORT + 1 )) \
  GATEWAY_SECRET_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n') \
  GATEWAY_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n') \
  startup clustered --cluster
