# Shared by the scripts: where the jar is and how to (re)build it.
JAR=target/gateway.jar
GATEWAY_JVM_ARGS="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens java.management/sun.management=ALL-UNNAMED \
--add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
-Dhazelcast.logging.type=slf4j -Dhazelcast.phone.home.enabled=false ${JAVA_OPTS:-}"

build_jar_if_needed() {
  local newest
  newest=$(find pom.xml src/main -newer "$JAR" -print -quit 2>/dev/null || true)
  if [[ ! -f "$JAR" || -n "$newest" ]]; then
    echo "building $JAR ..." >&2
    mvn -B -q -DskipTests package >&2
  fi
  build_class_archive_if_needed
  if [[ "$CLASS_ARCHIVE" -nt "$JAR" ]]; then
    GATEWAY_JVM_ARGS+=" -XX:SharedArchiveFile=$CLASS_ARCHIVE"
  fi
}

# The classes a start loads, as the JVM keeps them after loading and verifying: mapped from this
# archive, start-up takes about a third less. Written by one start of the jar, once per build; a
# start that cannot write it leaves the gateway to start without it.
CLASS_ARCHIVE=target/gateway.jsa

build_class_archive_if_needed() {
  [[ "$CLASS_ARCHIVE" -nt "$JAR" ]] && return 0
  local data pid
  data=$(mktemp -d)
  echo "writing $CLASS_ARCHIVE (once per build) ..." >&2
  rm -f "$CLASS_ARCHIVE"
  GATEWAY_DATA_DIR="$data" GATEWAY_HTTP_PORT=0 GATEWAY_SANDBOX_PORT=0 \
    java $GATEWAY_JVM_ARGS -XX:ArchiveClassesAtExit="$CLASS_ARCHIVE" -jar "$JAR" \
    > "$data/gateway.log" 2>&1 &
  pid=$!
  for _ in $(seq 1200); do
    grep -q 'gateway ready' "$data/gateway.log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ -f "$CLASS_ARCHIVE" ]] || echo "no class archive written; starting without it" >&2
  rm -rf "$data"
}
