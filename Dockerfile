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
  "-jar", "/app/gateway.jar"]
CMD ["--config", "conf/config.yaml"]
