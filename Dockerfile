# Multi-stage image that mirrors scripts/run.sh: build the jar, run it on a JRE 17 as a non-root
# user, with the data dir (embedded store, development keys) on a volume.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app gateway
WORKDIR /app
COPY --from=build /src/target/gateway.jar /app/gateway.jar
COPY conf /app/conf
# One start of the jar writes the classes it loads to a class-data archive, which every later start
# maps instead of loading them again (about a third off start-up; see scripts/lib.sh). A start
# without the archive still works, only slower.
RUN cd /app && JAVA_FLAGS="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
    --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens java.management/sun.management=ALL-UNNAMED \
    --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
    -Dhazelcast.logging.type=slf4j -Dhazelcast.phone.home.enabled=false" \
  && (GATEWAY_DATA_DIR=/tmp/train GATEWAY_HTTP_PORT=0 GATEWAY_SANDBOX_PORT=0 \
      java $JAVA_FLAGS -XX:ArchiveClassesAtExit=/app/gateway.jsa -jar /app/gateway.jar \
      --config conf/config.yaml > /tmp/train.log 2>&1 & echo $! > /tmp/train.pid) \
  && for i in $(seq 600); do grep -q 'gateway ready' /tmp/train.log && break; sleep 0.1; done; \
  kill -TERM "$(cat /tmp/train.pid)"; \
  while kill -0 "$(cat /tmp/train.pid)" 2>/dev/null; do sleep 0.1; done; \
  rm -rf /tmp/train /tmp/train.log /tmp/train.pid
RUN mkdir -p /app/data && chown -R gateway /app/data
USER gateway
VOLUME /app/data
ENV GATEWAY_DATA_DIR=/app/data
EXPOSE 8080 8090
ENTRYPOINT ["java", "--add-modules", "java.se", \
  "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", \
  "--add-opens", "java.base/java.lang=ALL-UNNAMED", \
  "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", \
  "--add-opens", "java.management/sun.management=ALL-UNNAMED", \
  "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED", \
  "-Dhazelcast.logging.type=slf4j", "-Dhazelcast.phone.home.enabled=false", \
  "-XX:SharedArchiveFile=/app/gateway.jsa", "-jar", "/app/gateway.jar"]
CMD ["--config", "conf/config.yaml"]
