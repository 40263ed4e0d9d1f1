#!/usr/bin/env bash
# Benchmarks the scheduler of one node: registers 100,000 jobs over 1,000 accounts, then prints how
# late due runs start (p50, p99) at 2,000 due runs a minute, claims per second (at that rate and in
# a burst), and CPU use while nothing is due. Uses the embedded store, or GATEWAY_MONGO_URI if set.
# Flags: --jobs N --accounts N --per-minute N --warmup-seconds N (default 480) --due-seconds N
# --resync-seconds N (default 60, so that the windows measured include a reread)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath >&2
exec java -Xmx1g -Dlogback.configurationFile=logback.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.apisec.gateway.scheduler.SchedulerBench "$@"
