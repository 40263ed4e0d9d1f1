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
}
